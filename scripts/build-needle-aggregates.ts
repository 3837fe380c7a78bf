// Builds public/data/needle-aggregates.json: the citywide 311 needle request counts of 2024-2026 by ~90 m cell and month, compacted and checked.
//
// Source: boston/needle-requests-aggregates-2024-2026.json (see the shared MANIFEST.md): heat[key] lists [lat, lng, count]
// cells for 'all', each year and each year-month; yearMonthly[year] the 12 citywide monthly counts. Kept: the cells of
// 'all' (written [lng, lat], 4 decimals), each month's cells as [cell index, count], and yearMonthly. The year keys are
// checked against their months and dropped (they are sums of them); the 'all-MM' keys (month of the year over all
// years) and hourly / neighborhoods / zips are not used by the app and left out.
// Run alone: npx tsx scripts/build-needle-aggregates.ts [sourceDir] [outDir]   (called by scripts/build-data.ts)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DATA_FILES, SERVICE_AREA_BBOX } from '../src/config/city';
import { needleAggregatesFileSchema, parseNeedleAggregates, type NeedleAggregatesFile } from '../src/datasets/needle-aggregates';
import { monthIndex, monthRange, YEAR_MONTH_PATTERN } from '../src/geo/kiosk-effect';
import type { DatasetSummary } from './pipeline-report';

export const NEEDLE_AGGREGATES_SOURCE_FILE = 'needle-requests-aggregates-2024-2026.json';
export const NEEDLE_AGGREGATES_SOURCE =
  'boston/needle-requests-aggregates-2024-2026.json: constants HEAT_KEYS and YEAR_MONTHLY of docs/index.html @ a772c95848146204b0b35140417bbb5a361d9960 ' +
  '(Needle Pickup requests from Boston 311, Analyze Boston, aggregated by the source dashboard, generated 2026-04-02)';
/** Cell coordinates: 4 decimals (the source's precision; about 11 m north-south). */
export const AGGREGATE_COORDINATE_DECIMALS = 4;

const [WEST, SOUTH, EAST, NORTH] = SERVICE_AREA_BBOX;
const count = z.int('count must be a whole number').nonnegative('count must be ≥ 0');
/** One source cell: [lat, lng, count] (latitude first, as the source writes it), inside the service area. */
const sourceCellSchema = z.tuple([
  z.number().min(SOUTH, `latitude must be between ${SOUTH} and ${NORTH} (source cells are [lat, lng, count])`).max(NORTH, `latitude must be between ${SOUTH} and ${NORTH} (source cells are [lat, lng, count])`),
  z.number().min(WEST, `longitude must be between ${WEST} and ${EAST}`).max(EAST, `longitude must be between ${WEST} and ${EAST}`),
  count,
]);
export const needleAggregatesSourceSchema = z.object({
  heat: z.record(z.string(), z.array(sourceCellSchema)).refine((h) => Array.isArray(h.all), 'heat.all is missing'),
  yearMonthly: z.record(z.string().regex(/^\d{4}$/, 'a yearMonthly key must be a year'), z.array(count).length(12, 'a year needs 12 monthly counts')),
});
type SourceCell = z.infer<typeof sourceCellSchema>;

const round = (x: number) => Number(x.toFixed(AGGREGATE_COORDINATE_DECIMALS));
const cellKey = (lng: number, lat: number) => `${round(lng)},${round(lat)}`;

/**
 * Turns the source JSON into the app's file. Throws naming the key and cell when the source is malformed (bad shape,
 * a cell outside the service area, a cell repeated in a key, a month cell missing from 'all', a gap in the months) or
 * inconsistent (a month's cells not adding up to yearMonthly, a year key or 'all' not the sum of its months, a
 * non-zero yearMonthly count outside the months of the data). Pure; does not mutate `source`.
 */
export function buildNeedleAggregatesFile(source: unknown): NeedleAggregatesFile {
  const parsed = needleAggregatesSourceSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const { heat, yearMonthly } = parsed.data;
  const fail = (message: string): never => {
    throw new Error(message);
  };
  /** key -> (cell key -> count), refusing a cell that appears twice in one key. */
  const byCell = (key: string, cells: readonly SourceCell[]) => {
    const out = new Map<string, number>();
    cells.forEach(([lat, lng, n], i) => {
      const k = cellKey(lng, lat);
      if (out.has(k)) fail(`heat.${key}.${i}: cell ${lat}, ${lng} appears twice in ${key}`);
      out.set(k, n);
    });
    return out;
  };

  const allCells = heat.all!;
  const cellIndex = new Map<string, number>();
  const all = byCell('all', allCells);
  const cells: [number, number][] = allCells.map(([lat, lng], i) => {
    cellIndex.set(cellKey(lng, lat), i);
    return [round(lng), round(lat)];
  });

  const monthKeys = Object.keys(heat).filter((k) => YEAR_MONTH_PATTERN.test(k)).sort();
  const firstMonth = monthKeys[0] ?? fail('heat has no year-month key (YYYY-MM)');
  const lastMonth = monthKeys[monthKeys.length - 1]!;
  const expected = monthRange(firstMonth, lastMonth);
  const missing = expected.filter((m) => !(m in heat));
  if (missing.length > 0) fail(`heat has no cells for ${missing.join(', ')} (the months must run from ${firstMonth} to ${lastMonth} without gaps)`);

  const months: Record<string, [number, number][]> = {};
  const perCell = new Array<number>(cells.length).fill(0);
  const perYear = new Map<string, Map<string, number>>();
  for (const month of expected) {
    const list: [number, number][] = [];
    let sum = 0;
    for (const [k, n] of byCell(month, heat[month]!)) {
      if (n === 0) continue;
      const i = cellIndex.get(k) ?? fail(`heat.${month}: cell ${k.split(',').reverse().join(', ')} is not in heat.all`);
      list.push([i, n]);
      perCell[i]! += n;
      sum += n;
      const year = perYear.get(month.slice(0, 4)) ?? new Map<string, number>();
      year.set(k, (year.get(k) ?? 0) + n);
      perYear.set(month.slice(0, 4), year);
    }
    const citywide = yearMonthly[month.slice(0, 4)]?.[Number(month.slice(5)) - 1];
    if (citywide !== sum) fail(`heat.${month} adds up to ${sum} requests but yearMonthly gives ${citywide ?? 'nothing'} for ${month}`);
    months[month] = list.sort((a, b) => a[0] - b[0]);
  }
  perCell.forEach((n, i) => {
    if (n !== all.get(cellKey(cells[i]![0], cells[i]![1]))) fail(`heat.all.${i}: ${allCells[i]![2]} requests, but the months add up to ${n}`);
  });
  for (const [key, cellsOfKey] of Object.entries(heat)) {
    if (!/^\d{4}$/.test(key)) continue;
    const fromMonths = perYear.get(key) ?? new Map<string, number>();
    const given = byCell(key, cellsOfKey);
    for (const k of new Set([...given.keys(), ...fromMonths.keys()])) {
      if ((given.get(k) ?? 0) !== (fromMonths.get(k) ?? 0)) fail(`heat.${key}: cell ${k.split(',').reverse().join(', ')} has ${given.get(k) ?? 0} requests but its months add up to ${fromMonths.get(k) ?? 0}`);
    }
  }
  const [first, last] = [monthIndex(firstMonth), monthIndex(lastMonth)];
  for (const [year, counts] of Object.entries(yearMonthly)) {
    counts.forEach((n, m) => {
      const index = Number(year) * 12 + m;
      if (n !== 0 && (index < first || index > last)) fail(`yearMonthly.${year}.${m}: ${n} requests in a month outside the cells' months ${firstMonth} … ${lastMonth}`);
    });
  }
  const file: NeedleAggregatesFile = { version: 1, source: NEEDLE_AGGREGATES_SOURCE, firstMonth, lastMonth, cells, all: allCells.map((c) => c[2]), months, yearMonthly };
  return needleAggregatesFileSchema.parse(file);
}

/**
 * Reads `sourceDir/boston/needle-requests-aggregates-2024-2026.json`, writes `outDir/needle-aggregates.json` and
 * returns the summary (cells, months, total requests). Throws naming the file and the problem when the source is
 * missing, malformed or inconsistent.
 */
export async function buildNeedleAggregates(opts: { sourceDir: string; outDir: string }): Promise<DatasetSummary[]> {
  const file = path.join(opts.sourceDir, 'boston', NEEDLE_AGGREGATES_SOURCE_FILE);
  let out: NeedleAggregatesFile;
  try {
    out = buildNeedleAggregatesFile(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const decoded = parseNeedleAggregates(out); // the app's own check, before anything is written
  const name = DATA_FILES.needleAggregates.replace(/^data\//, '');
  mkdirSync(opts.outDir, { recursive: true });
  writeFileSync(path.join(opts.outDir, name), `${JSON.stringify(out)}\n`);
  const lastDay = new Date(Date.UTC(Number(out.lastMonth.slice(0, 4)), Number(out.lastMonth.slice(5)), 0)).getUTCDate();
  const lngs = out.cells.map((c) => c[0]);
  const lats = out.cells.map((c) => c[1]);
  return [
    {
      dataset: 'needle-aggregates',
      outputs: [name],
      rowsRead: out.cells.length,
      rowsKept: out.cells.length,
      rejectedByReason: {},
      dateRange: [`${out.firstMonth}-01`, `${out.lastMonth}-${String(lastDay).padStart(2, '0')}`],
      ...(out.cells.length > 0 ? { bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)] as [number, number, number, number] } : {}),
      source: NEEDLE_AGGREGATES_SOURCE,
      totals: { requests: decoded.total, cells: out.cells.length, months: Object.keys(out.months).length },
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sourceDir = process.argv[2] ?? process.env.HRM_DATA_DIR ?? path.join(here, '..', '..', 'shared', 'data');
  const outDir = process.argv[3] ?? path.join(here, '..', 'public', 'data');
  buildNeedleAggregates({ sourceDir, outDir })
    .then((summaries) => console.log(JSON.stringify(summaries, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
