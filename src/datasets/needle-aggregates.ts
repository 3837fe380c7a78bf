// public/data/needle-aggregates.json: citywide 311 needle request counts of 2024-2026 by ~90 m cell and month; schema, decoding, loader.
import { z } from 'zod';
import { SERVICE_AREA_BBOX } from '../config/city';
import type { LngLat } from '../domain/geometry';
import { monthIndex, monthRange, YEAR_MONTH_PATTERN, type MonthlyCellCounts } from '../geo/kiosk-effect';
import { loadDecoded } from './load-data';

const [WEST, SOUTH, EAST, NORTH] = SERVICE_AREA_BBOX;

const countSchema = z.int('a count must be a whole number').nonnegative('a count must be ≥ 0');
const yearMonthSchema = z.string().regex(YEAR_MONTH_PATTERN, 'a month must be written YYYY-MM');

/** A cell's point, [lng, lat] degrees, inside the service area (a swapped [lat, lng] fails here). */
export const aggregateCellSchema = z.tuple([
  z.number().min(WEST, `longitude must be between ${WEST} and ${EAST} (is the cell [lng, lat]?)`).max(EAST, `longitude must be between ${WEST} and ${EAST} (is the cell [lng, lat]?)`),
  z.number().min(SOUTH, `latitude must be between ${SOUTH} and ${NORTH}`).max(NORTH, `latitude must be between ${SOUTH} and ${NORTH}`),
]);

/** The generated file (scripts/build-needle-aggregates.ts writes it). */
export const needleAggregatesFileSchema = z.object({
  version: z.literal(1),
  /** Where the counts come from (repository, file, commit). */
  source: z.string(),
  /** The first and last month of the data, YYYY-MM; every month between has an entry in `months`. */
  firstMonth: yearMonthSchema,
  lastMonth: yearMonthSchema,
  /** Every cell with at least one request, [lng, lat] of its point (4 decimals, as the source). */
  cells: z.array(aggregateCellSchema),
  /** Requests per cell over the whole data, parallel to `cells`. */
  all: z.array(countSchema),
  /** Per month: [index into `cells`, requests] for each cell with requests that month. */
  months: z.record(yearMonthSchema, z.array(z.tuple([z.int().nonnegative(), z.int().positive('a cell count must be ≥ 1')]))),
  /** Per year: the 12 citywide monthly counts, January first (months outside firstMonth..lastMonth are 0, not data). */
  yearMonthly: z.record(z.string().regex(/^\d{4}$/, 'a year must be 4 digits'), z.array(countSchema).length(12, 'a year needs 12 monthly counts')),
});
export type NeedleAggregatesFile = z.infer<typeof needleAggregatesFileSchema>;

/** The decoded file: what the kiosk effect reads (see MonthlyCellCounts), plus per-cell totals. */
export type NeedleAggregates = MonthlyCellCounts & {
  cellLngLats: LngLat[];
  /** Requests per cell over the whole data, parallel to cellLngLats. */
  allCounts: number[];
  yearMonthly: Record<string, number[]>;
  /** Every request of the data (the sum of allCounts). */
  total: number;
};

/**
 * Decodes the generated file and checks it is consistent: months from firstMonth to lastMonth all present and none
 * outside, cell indices in range, each month's cells summing to its yearMonthly count, each cell's months summing to
 * its `all` count. Throws naming the first problem (path, month or cell). Does not mutate `json`.
 */
export function parseNeedleAggregates(json: unknown): NeedleAggregates {
  const parsed = needleAggregatesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`malformed needle aggregates file at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  const fail = (message: string): never => {
    throw new Error(`malformed needle aggregates file: ${message}`);
  };
  if (monthIndex(file.lastMonth) < monthIndex(file.firstMonth)) fail(`lastMonth ${file.lastMonth} is before firstMonth ${file.firstMonth}`);
  if (file.all.length !== file.cells.length) fail(`${file.cells.length} cells but ${file.all.length} counts in "all"`);
  const expected = monthRange(file.firstMonth, file.lastMonth);
  const covered = new Set(expected);
  for (const month of Object.keys(file.months)) if (!covered.has(month)) fail(`month ${month} is outside ${file.firstMonth} … ${file.lastMonth}`);
  const perCell = new Array<number>(file.cells.length).fill(0);
  const citywideByMonth: Record<string, number> = {};
  for (const month of expected) {
    const list = file.months[month] ?? fail(`month ${month} is missing (months must run from ${file.firstMonth} to ${file.lastMonth})`);
    let sum = 0;
    list.forEach(([cell, count], i) => {
      if (cell >= file.cells.length) fail(`months.${month}.${i}: cell ${cell} does not exist (${file.cells.length} cells)`);
      perCell[cell] = (perCell[cell] ?? 0) + count;
      sum += count;
    });
    const citywide = file.yearMonthly[month.slice(0, 4)]?.[Number(month.slice(5)) - 1];
    if (citywide !== sum) fail(`month ${month}: its cells add up to ${sum} but yearMonthly says ${citywide ?? 'nothing'}`);
    citywideByMonth[month] = sum;
  }
  perCell.forEach((sum, i) => {
    if (sum !== file.all[i]) fail(`cell ${i}: its months add up to ${sum} but "all" says ${file.all[i]}`);
  });
  return {
    firstMonth: file.firstMonth,
    lastMonth: file.lastMonth,
    cellLngLats: file.cells.map(([lng, lat]) => [lng, lat]),
    allCounts: file.all,
    monthCells: file.months,
    citywideByMonth,
    yearMonthly: file.yearMonthly,
    total: file.all.reduce((a, b) => a + b, 0),
  };
}

/** Loads public/data/needle-aggregates.json (only the Coverage tab's kiosk effect needs it). Throws naming the file when it is malformed. */
export function loadNeedleAggregates(url: string): Promise<NeedleAggregates> {
  return loadDecoded(url, parseNeedleAggregates);
}

/**
 * The requests of `key` as demand points: one per cell with requests, at the cell's point ([lng, lat]), weighted by
 * its count. `key` is 'all' (every month of the data) or a year ('2025': the months of that year in the data). The
 * weights sum to the key's total. Throws for another key or a year without data.
 */
export function aggregateDemand(agg: NeedleAggregates, key: string): { lngLat: LngLat; weight: number }[] {
  let counts: readonly number[];
  if (key === 'all') counts = agg.allCounts;
  else if (/^\d{4}$/.test(key)) {
    const months = monthRange(agg.firstMonth, agg.lastMonth).filter((m) => m.startsWith(`${key}-`));
    if (months.length === 0) throw new Error(`no needle aggregates for ${key}: the data covers ${agg.firstMonth} … ${agg.lastMonth}`);
    const sums = new Array<number>(agg.cellLngLats.length).fill(0);
    for (const month of months) for (const [cell, count] of agg.monthCells[month] ?? []) sums[cell] = (sums[cell] ?? 0) + count;
    counts = sums;
  } else throw new Error(`"${key}" is not a needle aggregates key: use 'all' or a year such as '2025'`);
  const out: { lngLat: LngLat; weight: number }[] = [];
  counts.forEach((weight, i) => {
    const p = agg.cellLngLats[i];
    if (weight > 0 && p) out.push({ lngLat: [p[0], p[1]], weight });
  });
  return out;
}
