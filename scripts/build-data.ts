// `npm run data`: validates the source data and writes the app's files under public/data, with a summary and reject reports.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile as writeFileDirect } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { DATA_FILES } from '../src/config/city';
import { neighborhoodSourceFeatureSchema } from '../src/domain/neighborhood';
import type { NeighborhoodProperties } from '../src/domain/neighborhood';
import { assignNeedleIds, needleIdCounts } from '../src/domain/needle-id';
import type { NeedleRecord, NeedleRequest } from '../src/domain/needle-request';
import type { LoadResult, Rejected } from '../src/domain/rejection';
import type { SiteProperties } from '../src/domain/site';
import { dataManifestSchema } from '../src/datasets/load-data';
import type { DataManifest } from '../src/datasets/load-data';
import { encodeNeedleColumns } from '../src/datasets/needle-table';
import { parse311Csv } from '../src/datasets/parse-311-csv';
import { parseNeedlePoints } from '../src/datasets/parse-needle-points';
import { parseSitesCsv, siteToFeature } from '../src/datasets/parse-sites-csv';
import { parsePhoneServicesCsv } from '../src/datasets/parse-phone-services-csv';
import { buildBasemap } from './build-basemap';
import { buildOutreachZones } from './build-zones';
import { buildWalkGraphFile } from './build-walk-graph';
import { buildGeocoder } from './build-geocoder';
import { buildTracts } from './build-tracts';
import { buildNeedleAggregates } from './build-needle-aggregates';
import type { DatasetSummary } from './pipeline-report';

/** Writes through a temporary file and a rename, so an interrupted build never leaves a truncated file behind. */
async function writeFile(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFileDirect(tmp, data);
  await rename(tmp, file);
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Step = (opts: { sourceDir: string; outDir: string }) => Promise<DatasetSummary[]>;

export type BuildOptions = {
  sourceDir: string;
  outDir: string;
  /** data/sites.csv of the repository (curated, committed). */
  sitesCsv: string;
  /** data/phone-services.csv (phone-only services); optional, absent means none. */
  phoneServicesCsv?: string;
  /** The other engineers' steps; replaceable in tests. */
  steps?: { basemap: Step; zones: Step; walkGraph?: Step };
  log?: (line: string) => void;
};

/** Where the source data is: $HRM_DATA_DIR, else ../shared/data next to the repository. Throws naming both when neither exists. */
export function resolveSourceDir(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): string {
  const fallback = path.resolve(repoRoot, '..', 'shared', 'data');
  const fromEnv = env.HRM_DATA_DIR?.trim();
  if (fromEnv) {
    const dir = path.resolve(fromEnv);
    if (existsSync(dir)) return dir;
    throw new Error(`No source data: HRM_DATA_DIR=${fromEnv} (${dir}) does not exist (without HRM_DATA_DIR the default would be ${fallback}).`);
  }
  if (existsSync(fallback)) return fallback;
  throw new Error(
    `No source data: HRM_DATA_DIR is not set and the default ${fallback} does not exist. ` +
      'Set HRM_DATA_DIR to a folder laid out like ../shared/data (boston/, basemap/), or run `npm run data:download`.',
  );
}

/** Where the app's files go: $HRM_OUT_DIR, else public/data. */
export function resolveOutDir(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): string {
  return env.HRM_OUT_DIR?.trim() ? path.resolve(env.HRM_OUT_DIR.trim()) : path.join(repoRoot, 'public', 'data');
}

/** The file name of a DATA_FILES entry, relative to public/data. */
function outName(file: string): string {
  return file.replace(/^data\//, '');
}

function countByReason(rejected: readonly Rejected[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rejected) out[r.reason] = (out[r.reason] ?? 0) + 1;
  return out;
}

/** Rows read = rows kept + distinct rejected lines (a row may have several problems). */
function rowsRead(kept: number, rejected: readonly Rejected[]): number {
  return kept + new Set(rejected.map((r) => r.line)).size;
}

function bboxOf(points: Iterable<readonly [number, number]>): [number, number, number, number] | undefined {
  let b: [number, number, number, number] | undefined;
  for (const [x, y] of points) {
    if (!b) b = [x, y, x, y];
    else b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  }
  return b;
}

function dateRangeOf(dates: Iterable<string>): [string, string] | undefined {
  let range: [string, string] | undefined;
  for (const d of dates) {
    if (!range) range = [d, d];
    else range = [d < range[0] ? d : range[0], d > range[1] ? d : range[1]];
  }
  return range;
}

function* geometryPositions(g: Polygon | MultiPolygon): Generator<[number, number]> {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polygons) for (const ring of poly) for (const p of ring) yield [p[0]!, p[1]!];
}

/** Writes rejected rows as CSV (line, field, reason, raw) and returns its path relative to outDir; removes a stale report when there is none. */
async function writeRejectReport(outDir: string, dataset: string, rejected: readonly Rejected[]): Promise<string | undefined> {
  const rel = `reports/${dataset}-rejected.csv`;
  const file = path.join(outDir, rel);
  if (rejected.length === 0) {
    await rm(file, { force: true });
    return undefined;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const csv = Papa.unparse({ fields: ['line', 'field', 'reason', 'raw'], data: rejected.map((r) => [r.line, r.field, r.reason, r.raw]) });
  await writeFile(file, `${csv}\n`);
  return rel;
}

async function summarize(
  outDir: string,
  dataset: string,
  outputs: string[],
  result: { kept: number; rejected: readonly Rejected[] },
  extra: Pick<DatasetSummary, 'dateRange' | 'bbox'>,
): Promise<DatasetSummary> {
  const rejectedFile = await writeRejectReport(outDir, dataset, result.rejected);
  return {
    dataset,
    outputs,
    rowsRead: rowsRead(result.kept, result.rejected),
    rowsKept: result.kept,
    rejectedByReason: countByReason(result.rejected),
    ...(extra.dateRange ? { dateRange: extra.dateRange } : {}),
    ...(extra.bbox ? { bbox: extra.bbox } : {}),
    ...(rejectedFile ? { rejectedFile } : {}),
  };
}

/** Step 1: every boston/needle-requests-*.csv (311 exports) and needle-requests-points-*.geojson, into needle-requests.json. */
async function buildNeedles(
  sourceDir: string,
  outDir: string,
  log: (line: string) => void,
): Promise<{ summaries: DatasetSummary[]; rows: NeedleRequest[] }> {
  const dir = path.join(sourceDir, 'boston');
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => /^needle-requests-.*\.(csv|geojson)$/.test(f)).sort() : [];
  if (files.length === 0) throw new Error(`no 311 needle request files (needle-requests-*.csv / *.geojson) in ${dir}`);

  const out = outName(DATA_FILES.needleRequests);
  const perFile: { dataset: string; result: LoadResult<NeedleRecord> }[] = [];
  for (const file of files) {
    const dataset = file.replace(/\.(csv|geojson)$/, '');
    const text = await readFile(path.join(dir, file), 'utf8');
    const result = file.endsWith('.csv') ? parse311Csv(text, { dataset }) : parseNeedlePoints(text, { dataset });
    perFile.push({ dataset, result });
  }

  const records: NeedleRecord[] = [];
  const summaries: DatasetSummary[] = [];
  for (const { dataset, result } of perFile) {
    records.push(...result.rows);
    summaries.push(
      await summarize(outDir, dataset, [out], { kept: result.rows.length, rejected: result.rejected }, {
        dateRange: dateRangeOf(result.rows.map((r) => r.openedDate)),
        bbox: bboxOf(result.rows.map((r) => r.coordinates)),
      }),
    );
  }

  // Ids across all sources at once, so two files can never give two requests the same id.
  const all = assignNeedleIds(records);
  const ids = needleIdCounts(all);
  log(`311 ids: ${ids.fromCaseId} from case ids, ${ids.hashed} hashed (no case id), ${ids.suffixed} with a -n suffix (same facts as another request)`);
  all.sort((a, b) =>
    a.openedDate < b.openedDate
      ? -1
      : a.openedDate > b.openedDate
        ? 1
        : a.coordinates[0] - b.coordinates[0] || a.coordinates[1] - b.coordinates[1] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  await writeFile(path.join(outDir, out), JSON.stringify(encodeNeedleColumns(all)));
  return { summaries, rows: all };
}

/** Step 2: data/sites.csv into sites.geojson (an empty collection, and a note, when the file does not exist yet). */
async function buildSites(sitesCsv: string, outDir: string, log: (s: string) => void): Promise<DatasetSummary> {
  const out = outName(DATA_FILES.sites);
  let result: LoadResult<ReturnType<typeof siteToFeature>> = { rows: [], rejected: [] };
  if (existsSync(sitesCsv)) {
    const parsed = parseSitesCsv(await readFile(sitesCsv, 'utf8'));
    result = { rows: parsed.rows.map(siteToFeature), rejected: parsed.rejected };
  } else {
    log(`note: ${path.relative(REPO_ROOT, sitesCsv) || sitesCsv} does not exist yet: wrote an empty ${out}`);
  }
  const fc: FeatureCollection<Point, SiteProperties> = { type: 'FeatureCollection', features: result.rows };
  await writeFile(path.join(outDir, out), `${JSON.stringify(fc)}\n`);
  return summarize(outDir, 'sites', [out], { kept: result.rows.length, rejected: result.rejected }, {
    dateRange: dateRangeOf(result.rows.map((f) => f.properties.lastVerified)),
    bbox: bboxOf(result.rows.map((f) => [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] as const)),
  });
}

/** Step 2b: data/phone-services.csv into phone-services.json (services reached by phone, with no walk-in address). */
async function buildPhoneServices(csvFile: string | undefined, outDir: string): Promise<DatasetSummary> {
  const out = outName(DATA_FILES.phoneServices);
  const parsed = csvFile && existsSync(csvFile) ? parsePhoneServicesCsv(await readFile(csvFile, 'utf8')) : { rows: [], rejected: [] };
  await writeFile(path.join(outDir, out), `${JSON.stringify(parsed.rows)}\n`);
  return summarize(outDir, 'phone-services', [out], { kept: parsed.rows.length, rejected: parsed.rejected }, {});
}

/** Step 3: boston/neighborhoods.geojson, validated, with properties { name } only. */
async function buildNeighborhoods(sourceDir: string, outDir: string): Promise<DatasetSummary> {
  const out = outName(DATA_FILES.neighborhoods);
  const file = path.join(sourceDir, 'boston', 'neighborhoods.geojson');
  const json = JSON.parse(await readFile(file, 'utf8')) as { type?: unknown; features?: unknown };
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  const features: Feature<Polygon | MultiPolygon, NeighborhoodProperties>[] = [];
  const rejected: Rejected[] = [];
  (json.features as unknown[]).forEach((f, i) => {
    const parsed = neighborhoodSourceFeatureSchema.safeParse(f);
    if (parsed.success) features.push(parsed.data as Feature<Polygon | MultiPolygon, NeighborhoodProperties>);
    else {
      const issue = parsed.error.issues[0];
      rejected.push({ line: i + 1, field: issue?.path.join('.') ?? '', reason: issue?.message ?? 'invalid feature', raw: JSON.stringify(f).slice(0, 2000) });
    }
  });
  const fc: FeatureCollection<Polygon | MultiPolygon, NeighborhoodProperties> = { type: 'FeatureCollection', features };
  await writeFile(path.join(outDir, out), `${JSON.stringify(fc)}\n`);
  return summarize(outDir, 'neighborhoods', [out], { kept: features.length, rejected }, {
    bbox: bboxOf(features.flatMap((f) => [...geometryPositions(f.geometry)])),
  });
}

function fmtBbox(b: DatasetSummary['bbox']): string {
  return b ? `${b[0].toFixed(4)},${b[1].toFixed(4)} … ${b[2].toFixed(4)},${b[3].toFixed(4)}` : '';
}

/** A plain-text table: one line per dataset, then its rejection reasons indented below it. */
export function formatSummary(datasets: readonly DatasetSummary[]): string {
  const head = ['dataset', 'read', 'kept', 'rejected', 'dates', 'bbox (W,S … E,N)'];
  const body = datasets.map((d) => [
    d.dataset,
    String(d.rowsRead),
    String(d.rowsKept),
    String(Object.values(d.rejectedByReason).reduce((a, b) => a + b, 0)),
    d.dateRange ? `${d.dateRange[0]} … ${d.dateRange[1]}` : '',
    fmtBbox(d.bbox),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const numeric = new Set([1, 2, 3]);
  const fmt = (r: string[]) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const lines = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  ')];
  datasets.forEach((d, i) => {
    lines.push(fmt(body[i]!));
    const reasons = Object.entries(d.rejectedByReason).sort((a, b) => b[1] - a[1]);
    for (const [reason, n] of reasons) lines.push(`    ${String(n).padStart(6)}  ${reason}`);
    if (d.rejectedFile) lines.push(`            rejected rows: ${d.rejectedFile}`);
  });
  return lines.join('\n');
}

/** Runs every step; a failing step is reported and the others still run. Throws at the end if any step failed (no manifest then). */
export async function buildData(opts: BuildOptions): Promise<DataManifest> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const steps = opts.steps ?? { basemap: buildBasemap, zones: buildOutreachZones, walkGraph: (o: Parameters<Step>[0]) => buildWalkGraphFile({ ...o, log }) };
  await mkdir(opts.outDir, { recursive: true });
  log(`Source data: ${opts.sourceDir}`);
  log(`Output:      ${opts.outDir}`);

  const datasets: DatasetSummary[] = [];
  const failures: string[] = [];
  let needleRows: NeedleRequest[] = [];
  const run = async (name: string, fn: () => Promise<DatasetSummary[]>) => {
    try {
      datasets.push(...(await fn()));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      failures.push(`${name}: ${message}`);
      log(`✗ ${name} failed: ${message}`);
    }
  };
  await run('311 needle requests', async () => {
    const r = await buildNeedles(opts.sourceDir, opts.outDir, log);
    needleRows = r.rows;
    return r.summaries;
  });
  await run('sites', async () => [await buildSites(opts.sitesCsv, opts.outDir, log)]);
  await run('phone services', async () => [await buildPhoneServices(opts.phoneServicesCsv, opts.outDir)]);
  await run('neighborhoods', async () => [await buildNeighborhoods(opts.sourceDir, opts.outDir)]);
  await run('basemap', () => steps.basemap({ sourceDir: opts.sourceDir, outDir: opts.outDir }));
  await run('outreach zones', () => steps.zones({ sourceDir: opts.sourceDir, outDir: opts.outDir }));
  const walkGraph = steps.walkGraph;
  if (walkGraph) await run('walk graph', () => walkGraph({ sourceDir: opts.sourceDir, outDir: opts.outDir }));
  await run('geocoder', () => buildGeocoder({ sourceDir: opts.sourceDir, outDir: opts.outDir, log }));
  await run('census tracts', () => buildTracts({ sourceDir: opts.sourceDir, outDir: opts.outDir }));
  await run('needle aggregates', () => buildNeedleAggregates({ sourceDir: opts.sourceDir, outDir: opts.outDir }));

  log('');
  log(formatSummary(datasets));
  log('');
  if (failures.length > 0) {
    throw new Error(`npm run data: ${failures.length} step(s) failed, manifest not written:\n  ${failures.join('\n  ')}`);
  }

  const manifest: DataManifest = dataManifestSchema.parse({
    generatedAt: new Date().toISOString(),
    sourceDir: path.relative(REPO_ROOT, opts.sourceDir) || '.',
    datasets,
    needleDateRange: dateRangeOf(needleRows.map((r) => r.openedDate)) ?? null,
  });
  await writeFile(path.join(opts.outDir, outName(DATA_FILES.manifest)), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`Wrote ${path.join(opts.outDir, outName(DATA_FILES.manifest))} (${datasets.length} datasets, 311 dates ${manifest.needleDateRange?.join(' … ') ?? 'none'}).`);
  return manifest;
}

/** The build as `npm run data` runs it: source, output and sites file from the environment and the repository. */
export async function runBuildData(env: NodeJS.ProcessEnv = process.env): Promise<DataManifest> {
  return buildData({
    sourceDir: resolveSourceDir(env),
    outDir: resolveOutDir(env),
    sitesCsv: path.join(REPO_ROOT, 'data', 'sites.csv'),
    phoneServicesCsv: path.join(REPO_ROOT, 'data', 'phone-services.csv'),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runBuildData().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
