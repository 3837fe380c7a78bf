// `npm run bench:geo` (node, no browser): k-nearest by the index against turf.nearestPoint, walking routes on Boston's
// graph, and geocoder suggestions per keystroke on the real index against a plain substring scan of every label.
// Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x, goal …) PASS|OVER`; exits 1 on a wrong answer.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureCollection, nearestPoint, point } from '@turf/turf';
import type { LngLat } from '../../src/domain/geometry';
import { parseGeocoderIndex } from '../../src/datasets/geocoder-index';
import { decodeWalkGraph } from '../../src/datasets/walk-graph';
import { createGeocoder, type GeocoderIndex } from '../../src/geo/geocoder';
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

/** Real queries typed in full, as a resident would: addresses (with and without city and ZIP), intersections, places. */
const TYPED_QUERIES = [
  '183 Belgrade Ave, Roslindale, MA 02131',
  '20 Jacob St, Dorchester, MA 02124',
  '22 Wolcott St',
  '1 City Hall Plz',
  '350 S Huntington Ave, Jamaica Plain',
  '774 Albany St',
  'Mass Ave and Melnea Cass',
  'Amory St & Dimock St, Jamaica Plain, MA',
  'Dot Ave & Columbia Rd',
  'Blue Hill Ave at Morton St, Mattapan',
  'MLK Blvd & Warren St',
  'E Broadway & L St, South Boston',
  'Fenway & Park Dr',
  'Franklin Park',
  'Copley Sq',
  'Jamaica Plain',
  'AHOPE',
];
/** The search box asks for suggestions from the second character on, six at most (src/tools/find/find-search-box.tsx). */
const SEARCH_BOX = { minChars: 2, limit: 6 };
const KEYSTROKE_GOAL_MS = 16;

/** Every label the index can answer with (addresses, crossings, streets, places, areas), lower-cased, for the baseline. */
function allLabels(index: GeocoderIndex, extra: readonly string[]): string[] {
  const { streets, addresses, intersections, places, areas } = index;
  const labels: string[] = [];
  for (let i = 0; i < addresses.street.length; i++) labels.push(`${addresses.number[i]} ${streets.name[addresses.street[i]!]}, ${areas.name[addresses.area[i]!] ?? ''}`);
  for (let i = 0; i < intersections.a.length; i++) labels.push(`${streets.name[intersections.a[i]!]} & ${streets.name[intersections.b[i]!]}`);
  streets.name.forEach((n, i) => labels.push(`${n}, ${areas.name[streets.area[i]!] ?? ''}`));
  places.name.forEach((n) => labels.push(n));
  areas.name.forEach((n) => labels.push(n));
  labels.push(...extra);
  return labels.map((l) => l.toLowerCase());
}

/**
 * Geocoder suggestions per keystroke: each query typed one character at a time through geocoder.suggest, on the real
 * index, as the search box asks. Baseline in the same run: the plainest search box, a substring scan of every label
 * the index holds (no abbreviations, typos, numbers between known ones or neighbourhoods), on the same prefixes.
 */
function keystrokeBench(): Result[] {
  const dir = join(root, 'public', 'data');
  const file = join(dir, 'geocoder-index.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run data first`);
  let t = performance.now();
  const index = parseGeocoderIndex(readFileSync(file, 'utf8'));
  const parseMs = performance.now() - t;
  const sites = (JSON.parse(readFileSync(join(dir, 'sites.geojson'), 'utf8')) as { features: { geometry: { coordinates: number[] }; properties: { name: string } }[] }).features;
  const places = sites.map((f) => ({ name: f.properties.name, lngLat: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] as LngLat }));
  t = performance.now();
  const geocoder = createGeocoder(index, { places });
  const createMs = performance.now() - t;
  const labels = allLabels(index, places.map((p) => p.name));

  const prefixes = TYPED_QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))).filter((p) => p.trim().length >= SEARCH_BOX.minChars);
  const scan = (text: string) => {
    const needle = text.trim().toLowerCase();
    const hits: string[] = [];
    for (const l of labels) if (l.includes(needle) && hits.push(l) >= SEARCH_BOX.limit) break;
    return hits;
  };
  // One unmeasured pass of each warms the JIT, as the first few keys in the app do.
  for (const p of prefixes) {
    geocoder.suggest(p, { limit: SEARCH_BOX.limit });
    scan(p);
  }
  const suggestTimes: number[] = [];
  const scanTimes: number[] = [];
  let empty = 0;
  // Best of 3 per keystroke, for both: on a shared machine one run also times the other processes (as geocode:eval does).
  const bestOf3 = (run: () => unknown) => {
    let best = Infinity;
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      run();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  for (const p of prefixes) {
    if (geocoder.suggest(p, { limit: SEARCH_BOX.limit }).length === 0) empty++;
    suggestTimes.push(bestOf3(() => geocoder.suggest(p, { limit: SEARCH_BOX.limit })));
    scanTimes.push(bestOf3(() => scan(p)));
  }
  for (const q of TYPED_QUERIES) {
    if (geocoder.geocode(q)) continue;
    wrong++;
    console.error(`geocoder: no match for the full query "${q}"`);
  }
  console.log(
    `geocoder: index parsed in ${parseMs.toFixed(0)} ms, built in ${createMs.toFixed(0)} ms; ${TYPED_QUERIES.length} queries typed key by key = ${prefixes.length} ` +
      `keystrokes (${empty} without a suggestion, e.g. a house number alone), best of 3 each; suggest max ${Math.max(...suggestTimes).toFixed(1)} ms; the baseline scans ${labels.length.toLocaleString('en-US')} labels`,
  );
  const result = (what: string, q: number): Result => {
    const value = quantile(suggestTimes, q);
    const baseline = quantile(scanTimes, q);
    return {
      name: `geocoder suggestions per keystroke (${what})`,
      value,
      unit: 'ms',
      baseline,
      baselineUnit: `ms substring scan of all labels (${what})`,
      ratio: value / baseline,
      goal: `< ${KEYSTROKE_GOAL_MS} ms (one frame)`,
      pass: value < KEYSTROKE_GOAL_MS,
    };
  };
  return [result('median', 0.5), result('p99', 0.99)];
}

const results = [nearestBench(), ...routeBench(), ...keystrokeBench()];
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'geo-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('');
for (const r of results) console.log(format(r));
if (wrong > 0) {
  console.error(`${wrong} wrong answer(s)`);
  process.exitCode = 1;
}
