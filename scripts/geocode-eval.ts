// `npm run geocode:eval`: accuracy of the geocoder on the held-out real addresses and intersections, and its speed per keystroke.
//
// Reads public/data/geocoder-index.json and public/data/reports/geocoder-holdout.csv (both written by `npm run data`;
// the held-out rows are not in the index). Prints median / 90th-percentile error in metres per query style against
// the goals of issue 8, and suggestion time per keystroke; exits 1 when a goal is missed.
// `npm run geocode:eval -- --samples 3` instead rebuilds the index from ../shared/data (or --source DIR) with three
// other held-out samples and reports each and all pooled (about 15 s a sample); `--misses` lists the missed intersections.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { parseGeocoderIndex } from '../src/datasets/geocoder-index';
import { createGeocoder, haversineMeters, type Geocoder } from '../src/geo/geocoder';
import type { LngLat } from '../src/domain/geometry';
import { buildGeocoderIndex, HOLDOUT_FILE, readGeocoderSources, type HoldoutRow } from './build-geocoder';
import { geocoderIndexPath } from './geocode';

export type ErrorStats = { n: number; unmatched: number; medianM: number; p90M: number; within60mShare: number };

/** Value at quantile q (0..1) of sorted values (nearest rank); Infinity stands for "no answer". */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Errors in metres (great-circle) of the geocoder's best match for each query, sorted; no match counts as Infinity. */
export function queryErrors(geocoder: Geocoder, cases: readonly { query: string; lngLat: LngLat }[]): number[] {
  return cases
    .map((c) => {
      const hit = geocoder.geocode(c.query);
      return hit ? haversineMeters(hit.lngLat, c.lngLat) : Infinity;
    })
    .sort((a, b) => a - b);
}

/** Errors in metres (great-circle) of the geocoder's best match for each query; no match counts as Infinity. */
export function errorStats(geocoder: Geocoder, cases: readonly { query: string; lngLat: LngLat }[]): ErrorStats {
  return statsOfErrors(queryErrors(geocoder, cases));
}

/** Summary of sorted errors in metres (Infinity: no match). */
export function statsOfErrors(errors: readonly number[]): ErrorStats {
  return {
    n: errors.length,
    unmatched: errors.filter((e) => e === Infinity).length,
    medianM: quantile(errors, 0.5),
    p90M: quantile(errors, 0.9),
    within60mShare: errors.length ? errors.filter((e) => e <= 60).length / errors.length : NaN,
  };
}

export type Evaluation = {
  addressWithCityAndZip: ErrorStats;
  addressStreetAndNumber: ErrorStats;
  intersectionWithCity: ErrorStats;
  intersectionAlone: ErrorStats;
};

type EvaluationErrors = Record<keyof Evaluation, number[]>;
const STYLES = ['addressWithCityAndZip', 'addressStreetAndNumber', 'intersectionWithCity', 'intersectionAlone'] as const;

/** The sorted errors (metres) of the four query styles of the holdout. */
export function evaluationErrors(geocoder: Geocoder, holdout: readonly HoldoutRow[]): EvaluationErrors {
  const addresses = holdout.filter((r) => r.kind === 'address');
  const crossings = holdout.filter((r) => r.kind === 'intersection');
  return {
    addressWithCityAndZip: queryErrors(geocoder, addresses.map((r) => ({ query: r.queryFull, lngLat: r.lngLat }))),
    addressStreetAndNumber: queryErrors(geocoder, addresses.map((r) => ({ query: r.query, lngLat: r.lngLat }))),
    intersectionWithCity: queryErrors(geocoder, crossings.map((r) => ({ query: r.queryFull, lngLat: r.lngLat }))),
    intersectionAlone: queryErrors(geocoder, crossings.map((r) => ({ query: r.query, lngLat: r.lngLat }))),
  };
}

function statsOfEvaluation(e: EvaluationErrors): Evaluation {
  return {
    addressWithCityAndZip: statsOfErrors(e.addressWithCityAndZip),
    addressStreetAndNumber: statsOfErrors(e.addressStreetAndNumber),
    intersectionWithCity: statsOfErrors(e.intersectionWithCity),
    intersectionAlone: statsOfErrors(e.intersectionAlone),
  };
}

/** Runs the four query styles of the holdout: addresses with city + ZIP and alone, intersections with city and alone. */
export function evaluateGeocoder(geocoder: Geocoder, holdout: readonly HoldoutRow[]): Evaluation {
  return statsOfEvaluation(evaluationErrors(geocoder, holdout));
}

/** The holdout salt of sample i (1-based) of `--samples`; the published holdout has salt ''. */
export function sampleSalt(i: number): string {
  return `sample-${i}`;
}

/** Pools the errors of several samples (each style's errors merged and sorted). */
export function poolErrors(samples: readonly EvaluationErrors[]): EvaluationErrors {
  const pooled = {} as EvaluationErrors;
  for (const k of STYLES) pooled[k] = samples.flatMap((s) => s[k]).sort((a, b) => a - b);
  return pooled;
}

/** The goals of issue 8, each with whether this evaluation meets it. */
export function checkGoals(e: Evaluation): { goal: string; measured: string; ok: boolean }[] {
  const m = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} m` : 'no match');
  return [
    { goal: 'address with city and ZIP: median ≤ 10 m', measured: m(e.addressWithCityAndZip.medianM), ok: e.addressWithCityAndZip.medianM <= 10 },
    { goal: 'address with city and ZIP: p90 ≤ 50 m', measured: m(e.addressWithCityAndZip.p90M), ok: e.addressWithCityAndZip.p90M <= 50 },
    { goal: 'street and number alone: p90 ≤ 200 m', measured: m(e.addressStreetAndNumber.p90M), ok: e.addressStreetAndNumber.p90M <= 200 },
    {
      goal: 'intersections (with city): 98 % within 60 m',
      measured: `${(100 * e.intersectionWithCity.within60mShare).toFixed(1)} %`,
      ok: e.intersectionWithCity.within60mShare >= 0.98,
    },
  ];
}

/** Parses reports/geocoder-holdout.csv. */
export function parseHoldoutCsv(text: string): HoldoutRow[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({
    kind: r.kind === 'intersection' ? 'intersection' : 'address',
    query: r.query ?? '',
    queryFull: r.query_full ?? '',
    neighborhood: r.neighborhood ?? '',
    lngLat: [Number(r.lng), Number(r.lat)],
    rows: Number(r.rows),
  }));
}

/**
 * Times suggest() on every prefix of each query, as if typed one key at a time; milliseconds per prefix, the best of
 * `repeats` runs (on a shared machine a single run also measures the other processes).
 */
export function keystrokeTimes(geocoder: Geocoder, queries: readonly string[], repeats = 3): number[] {
  const times: number[] = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      let best = Infinity;
      for (let r = 0; r < repeats; r++) {
        const t = performance.now();
        geocoder.suggest(q.slice(0, i), { limit: 8 });
        best = Math.min(best, performance.now() - t);
      }
      times.push(best);
    }
  }
  return times.sort((a, b) => a - b);
}

function fmt(s: ErrorStats): string {
  const m = (v: number) => (Number.isFinite(v) ? v.toFixed(1).padStart(7) : '    n/a');
  return `n=${String(s.n).padStart(4)}  median ${m(s.medianM)} m  p90 ${m(s.p90M)} m  ≤60 m ${(100 * s.within60mShare).toFixed(1).padStart(5)} %  no match ${s.unmatched}`;
}

function printEvaluation(e: Evaluation, indent = '  '): void {
  console.log(`${indent}address, street + number + city + ZIP   ${fmt(e.addressWithCityAndZip)}`);
  console.log(`${indent}address, street + number alone          ${fmt(e.addressStreetAndNumber)}`);
  console.log(`${indent}intersection, "A & B, city"             ${fmt(e.intersectionWithCity)}`);
  console.log(`${indent}intersection, "A & B" alone             ${fmt(e.intersectionAlone)}`);
}

/** Prints the intersections of a holdout answered further than 60 m away (or not at all): query, error, answer. */
function printMisses(geocoder: Geocoder, holdout: readonly HoldoutRow[]): void {
  for (const r of holdout) {
    if (r.kind !== 'intersection') continue;
    const hit = geocoder.geocode(r.queryFull);
    const err = hit ? haversineMeters(hit.lngLat, r.lngLat) : Infinity;
    if (err > 60) console.log(`    miss ${Number.isFinite(err) ? `${err.toFixed(0)} m` : 'no match'}: ${r.queryFull} (${r.neighborhood}) -> ${hit ? `${hit.label} [${hit.precision}]` : '-'}`);
  }
}

/**
 * `--samples N`: rebuilds the index N times from the shared data, each time holding out another sample (salts
 * sample-1 … sample-N, none of them the published one), and prints each sample's accuracy and all of them pooled.
 * Exits 1 when the pooled errors miss a goal of issue 8. `--misses` also lists the intersections missed by more than 60 m.
 */
async function evaluateSamples(n: number, sourceDir: string, showMisses: boolean): Promise<void> {
  const sources = await readGeocoderSources(sourceDir, (line) => console.log(line));
  const all: EvaluationErrors[] = [];
  for (let i = 1; i <= n; i++) {
    const t = performance.now();
    const build = buildGeocoderIndex(sources, { holdoutSalt: sampleSalt(i) });
    const geocoder = createGeocoder(build.index);
    const errors = evaluationErrors(geocoder, build.holdout);
    all.push(errors);
    console.log(`Sample ${i} (holdout salt "${sampleSalt(i)}", ${build.holdout.length} rows, built and run in ${((performance.now() - t) / 1000).toFixed(1)} s):`);
    printEvaluation(statsOfEvaluation(errors));
    if (showMisses) printMisses(geocoder, build.holdout);
  }
  const pooled = statsOfEvaluation(poolErrors(all));
  console.log(`Pooled over ${n} samples:`);
  printEvaluation(pooled);
  const goals = checkGoals(pooled);
  for (const g of goals) console.log(`${g.ok ? 'PASS' : 'FAIL'}  ${g.goal}: ${g.measured}`);
  if (goals.some((g) => !g.ok)) process.exitCode = 1;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const samples = opt('--samples');
  if (samples !== undefined) {
    const n = Number(samples);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--samples wants a whole number ≥ 1, not "${samples}"`);
    await evaluateSamples(n, path.resolve(opt('--source') ?? path.join('..', 'shared', 'data')), args.includes('--misses'));
    return;
  }
  const indexFile = geocoderIndexPath();
  const holdoutFile = path.join(path.dirname(indexFile), HOLDOUT_FILE);
  for (const f of [indexFile, holdoutFile]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run data\` first.`);
  const text = readFileSync(indexFile, 'utf8');
  let t = performance.now();
  const index = parseGeocoderIndex(text);
  const parseMs = performance.now() - t;
  t = performance.now();
  const geocoder = createGeocoder(index);
  const createMs = performance.now() - t;
  const holdout = parseHoldoutCsv(readFileSync(holdoutFile, 'utf8'));

  const e = evaluateGeocoder(geocoder, holdout);
  console.log(`Geocoder accuracy on ${holdout.length} held-out rows (${holdoutFile}), great-circle error of the best match:`);
  printEvaluation(e);
  if (args.includes('--misses')) printMisses(geocoder, holdout);

  // Speed: every prefix of 300 held-out queries (addresses and intersections), warmed up once.
  const sample = holdout.filter((_, i) => i % Math.max(1, Math.floor(holdout.length / 300)) === 0).map((r) => r.queryFull);
  keystrokeTimes(geocoder, sample.slice(0, 20));
  const times = keystrokeTimes(geocoder, sample);
  console.log(
    `Speed: index ${(text.length / 1024).toFixed(0)} KB parsed in ${parseMs.toFixed(0)} ms, geocoder built in ${createMs.toFixed(0)} ms; ` +
      `suggest() per keystroke over ${times.length} prefixes (best of 3 runs each): median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, ` +
      `p99 ${quantile(times, 0.99).toFixed(2)} ms, max ${quantile(times, 1).toFixed(2)} ms (goal < 16 ms)`,
  );
  const goals = checkGoals(e);
  goals.push({ goal: 'suggestions per keystroke: p99 < 16 ms', measured: `${quantile(times, 0.99).toFixed(2)} ms`, ok: quantile(times, 0.99) < 16 });
  for (const g of goals) console.log(`${g.ok ? 'PASS' : 'FAIL'}  ${g.goal}: ${g.measured}`);
  if (goals.some((g) => !g.ok)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
