// `npm run bench:geo` (node, no browser): k-nearest by the index against turf.nearestPoint, and walking routes on Boston's graph.
// Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x, goal …) PASS|OVER`; exits 1 on a wrong answer.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureCollection, nearestPoint, point } from '@turf/turf';
import type { LngLat } from '../../src/domain/geometry';
import { decodeWalkGraph } from '../../src/datasets/walk-graph';
import { haversineMeters } from '../../src/geo/haversine';
import { createNearestIndex } from '../../src/geo/nearest';
import { createWalkNetwork } from '../../src/geo/walk-network';
import { mulberry32 as seededRandom } from '../unit/seeded-random';

const root = join(import.meta.dirname, '..', '..');
const POINTS = 100_000;
const TURF_QUERIES = Number(process.env.BENCH_TURF_QUERIES ?? 100);
const INDEX_QUERIES = 20_000;
const ROUTE_PAIRS = Number(process.env.BENCH_ROUTE_PAIRS ?? 200);
const SPEEDUP_GOAL = 1000;
const ROUTE_GOAL_MS = 50;
/** Boston's street extent. */
const BOX = { west: -71.18, south: 42.23, east: -70.96, north: 42.4 };

type Result = { name: string; value: number; unit: string; baseline: number; baselineUnit: string; ratio: number; goal: string; pass: boolean };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));
const format = (r: Result) =>
  `${r.name}: ${fmt(r.value)} ${r.unit} (baseline: ${fmt(r.baseline)} ${r.baselineUnit}, ratio ${fmt(r.ratio)}, goal ${r.goal}) ${r.pass ? 'PASS' : 'OVER'}`;

let wrong = 0;

function nearestBench(): Result {
  const rand = seededRandom(2026);
  const randomPoint = (): LngLat => [BOX.west + rand() * (BOX.east - BOX.west), BOX.south + rand() * (BOX.north - BOX.south)];
  const sites = Array.from({ length: POINTS }, (_, id) => ({ id, lngLat: randomPoint() }));
  const queries = Array.from({ length: TURF_QUERIES }, randomPoint);
  // The index is timed on many more queries (its time per query is tiny); the first TURF_QUERIES are checked against turf.
  const indexQueries = [...queries, ...Array.from({ length: INDEX_QUERIES - TURF_QUERIES }, randomPoint)];

  let t = performance.now();
  const index = createNearestIndex(sites);
  const buildMs = performance.now() - t;
  for (const q of indexQueries) index.nearest(q, { k: 1 }); // warm-up
  t = performance.now();
  const byIndex = indexQueries.map((q) => index.nearest(q, { k: 1 })[0]!);
  const indexMs = (performance.now() - t) / indexQueries.length;

  const collection = featureCollection(sites.map((s) => point(s.lngLat, { id: s.id })));
  nearestPoint(queries[0]!, collection, { units: 'meters' }); // warm-up
  t = performance.now();
  const byTurf = queries.map((q) => nearestPoint(q, collection, { units: 'meters' }));
  const turfMs = (performance.now() - t) / queries.length;

  queries.forEach((q, i) => {
    const a = byTurf[i]!;
    const b = byIndex[i]!;
    if (a.properties.id !== b.site.id || Math.abs(a.properties.distanceToPoint - b.distanceMeters) > 1e-6) {
      wrong++;
      console.error(`nearest: query ${i} ${q}: turf says #${a.properties.id} at ${a.properties.distanceToPoint} m, the index #${b.site.id} at ${b.distanceMeters} m`);
    }
  });
  console.log(`k-nearest: ${POINTS.toLocaleString('en-US')} points, index built in ${buildMs.toFixed(0)} ms; ${indexQueries.length} index queries; the ${queries.length} also asked to turf: ${queries.length - wrong} identical answers (site and distance to 1 µm)`);
  const speedup = turfMs / indexMs;
  return {
    name: `nearest (k=1 of ${POINTS.toLocaleString('en-US')}, index)`,
    value: indexMs * 1000,
    unit: 'µs/query',
    baseline: turfMs * 1000,
    baselineUnit: 'µs/query turf.nearestPoint',
    ratio: speedup,
    goal: `≥ ${SPEEDUP_GOAL}× faster`,
    pass: speedup >= SPEEDUP_GOAL && wrong === 0,
  };
}

function routeBench(): Result[] {
  const file = join(root, 'public', 'data', 'walk-graph.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run data first`);
  let t = performance.now();
  const graph = decodeWalkGraph(JSON.parse(readFileSync(file, 'utf8')));
  const decodeMs = performance.now() - t;
  t = performance.now();
  const network = createWalkNetwork(graph);
  const indexMs = performance.now() - t;
  console.log(`walk graph: ${graph.nodeCount.toLocaleString('en-US')} nodes, ${graph.edgeCount.toLocaleString('en-US')} edges; parse + decode ${decodeMs.toFixed(0)} ms, snap index ${indexMs.toFixed(0)} ms`);

  // Pairs of points near streets of the largest component (a node moved up to 30 m), 0.3 to 5 km apart.
  const rand = seededRandom(311);
  const largest: number[] = [];
  for (let i = 0; i < graph.nodeCount; i++) if (graph.component[i] === 0) largest.push(i);
  const near = (): LngLat => {
    const n = largest[Math.floor(rand() * largest.length)]!;
    return [graph.lng[n]! + (rand() - 0.5) * 0.0007, graph.lat[n]! + (rand() - 0.5) * 0.0005];
  };
  const pairs: [LngLat, LngLat][] = [];
  while (pairs.length < ROUTE_PAIRS) {
    const [a, b] = [near(), near()];
    const d = haversineMeters(a, b);
    if (d >= 300 && d <= 5000) pairs.push([a, b]);
  }
  // Sites for the one-to-many case: 60 points spread over the largest component, indexed for the straight-line query.
  const sites = Array.from({ length: 60 }, (_, id) => ({ id, lngLat: near() }));
  const siteIndex = createNearestIndex(sites);

  const routeTimes: number[] = [];
  const straightTimes: number[] = [];
  const manyTimes: number[] = [];
  let approximate = 0;
  for (const [from, to] of pairs) {
    t = performance.now();
    const r = network.route(from, to);
    routeTimes.push(performance.now() - t);
    if (r.approximate) approximate++;
    t = performance.now();
    const straight = siteIndex.nearest(from, { k: 5 });
    straightTimes.push(performance.now() - t);
    if (straight.length !== 5) wrong++;
    // Find's walking answer: the 15 nearest sites by straight line, walked to in one search, the 5 shortest kept.
    t = performance.now();
    const candidates = siteIndex.nearest(from, { k: 15 });
    const walks = network.routeMany(from, candidates.map((c) => c.site.lngLat), { maxDistanceMeters: 5000 });
    walks.map((w, i) => ({ w, i })).sort((x, y) => x.w.distanceMeters - y.w.distanceMeters).slice(0, 5);
    manyTimes.push(performance.now() - t);
  }
  const straightMs = median(straightTimes);
  console.log(`walk routes: ${pairs.length} pairs 0.3–5 km apart, ${approximate} approximate; route p95 ${quantile(routeTimes, 0.95).toFixed(1)} ms, max ${Math.max(...routeTimes).toFixed(1)} ms; walking top-5 p95 ${quantile(manyTimes, 0.95).toFixed(1)} ms`);
  const result = (name: string, times: number[]): Result => ({
    name,
    value: median(times),
    unit: 'ms',
    baseline: straightMs,
    baselineUnit: 'ms straight-line nearest k=5',
    ratio: median(times) / straightMs,
    goal: `< ${ROUTE_GOAL_MS} ms`,
    pass: median(times) < ROUTE_GOAL_MS,
  });
  return [
    result('walk route (A*, one pair, Boston graph, median)', routeTimes),
    result('walk nearest (15 candidates, one Dijkstra, top 5, median)', manyTimes),
  ];
}

const results = [nearestBench(), ...routeBench()];
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'geo-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('');
for (const r of results) console.log(format(r));
if (wrong > 0) {
  console.error(`${wrong} wrong answer(s)`);
  process.exitCode = 1;
}
