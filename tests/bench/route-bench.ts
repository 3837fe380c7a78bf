// `npm run bench:route` (node): planSweepRoute on TSPLIB instances against their proven optima, and on 1,000 random stops.
// Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x, goal …) PASS|OVER`; exits 1 on an invalid route.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { euc2dDistance, parseTsplib } from '../../src/datasets/parse-tsplib';
import { haversineMeters } from '../../src/geo/haversine';
import { planSweepRoute } from '../../src/geo/sweep-route';
import { mulberry32 as seededRandom } from '../unit/seeded-random';

const root = join(import.meta.dirname, '..', '..');
/** Proven optimal tour lengths (TSPLIB; ../shared/data/tsplib/README.md). */
const OPTIMA: Record<string, number> = { eil51: 426, berlin52: 7542, st70: 675 };
const RUNS = 5;
const GOAL_MS = 200;
const GOAL_MEAN = 1.005;
const GOAL_MAX = 1.01;
const RANDOM_STOPS = 1000;
/** Boston's street extent. */
const BOX = { west: -71.18, south: 42.23, east: -70.96, north: 42.4 };

type Stop = { lngLat: [number, number] };
type Result = { name: string; value: number; unit: string; baseline: number; baselineUnit: string; ratio: number; goal: string; pass: boolean };

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(4) : x.toPrecision(3));
const format = (r: Result) =>
  `${r.name}: ${fmt(r.value)} ${r.unit} (baseline: ${fmt(r.baseline)} ${r.baselineUnit}, ratio ${fmt(r.ratio)}, goal ${r.goal}) ${r.pass ? 'PASS' : 'OVER'}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let wrong = 0;

/** $HRM_DATA_DIR/tsplib, else ../shared/data/tsplib next to the repository. */
function tsplibDir(): string {
  const fromEnv = process.env.HRM_DATA_DIR?.trim();
  const dir = join(fromEnv ? resolve(fromEnv) : resolve(root, '..', 'shared', 'data'), 'tsplib');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: set HRM_DATA_DIR to a folder with tsplib/*.tsp`);
  return dir;
}

/** The baseline of the same run: nearest neighbour from stop 0, then plain 2-opt (every pair, first improvement). */
function nearestNeighbourTwoOpt<S>(stops: S[], distance: (a: S, b: S) => number, closed: boolean): number {
  const n = stops.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * n + j] = i === j ? 0 : distance(stops[i]!, stops[j]!);
  const order = [0];
  const used = new Uint8Array(n);
  used[0] = 1;
  while (order.length < n) {
    const cur = order[order.length - 1]!;
    let best = -1;
    for (let i = 0; i < n; i++) if (!used[i] && (best === -1 || d[cur * n + i]! < d[cur * n + best]!)) best = i;
    used[best] = 1;
    order.push(best);
  }
  // 2-opt on the route (reversing order[i..j]); open routes have no edge after the last stop.
  const at = (k: number) => order[k % n]!;
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 1; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = at(i - 1);
        const b = at(i);
        const c = at(j);
        const before = d[a * n + b]! + (j + 1 < n || closed ? d[c * n + at(j + 1)]! : 0);
        const after = d[a * n + c]! + (j + 1 < n || closed ? d[b * n + at(j + 1)]! : 0);
        if (after < before - 1e-9) {
          for (let x = i, y = j; x < y; x++, y--) [order[x], order[y]] = [order[y]!, order[x]!];
          improved = true;
        }
      }
    }
  }
  let length = closed ? d[order[n - 1]! * n + order[0]!]! : 0;
  for (let k = 1; k < n; k++) length += d[order[k - 1]! * n + order[k]!]!;
  return length;
}

/** Checks a route's order and length; counts a wrong answer. */
function check<S>(name: string, stops: S[], route: { order: number[]; length: number }, distance: (a: S, b: S) => number, closed: boolean) {
  const sorted = [...route.order].sort((a, b) => a - b);
  let length = closed ? distance(stops[route.order[route.order.length - 1]!]!, stops[route.order[0]!]!) : 0;
  for (let k = 1; k < route.order.length; k++) length += distance(stops[route.order[k - 1]!]!, stops[route.order[k]!]!);
  if (route.order[0] !== 0 || sorted.some((x, i) => x !== i) || sorted.length !== stops.length || Math.abs(length - route.length) > 1e-6 * (1 + length)) {
    wrong++;
    console.error(`${name}: invalid route (order starts at ${route.order[0]}, ${sorted.length} of ${stops.length} stops, length ${route.length} vs recomputed ${length})`);
  }
}

function tsplibBench(): Result[] {
  const dir = tsplibDir();
  // Warm-up on a random instance of the same size (the JIT), not on the measured ones.
  const rand = seededRandom(51);
  planSweepRoute(Array.from({ length: 60 }, (): Stop => ({ lngLat: [rand() * 100, rand() * 100] })), { distance: euc2dDistance, closed: true });

  const results: Result[] = [];
  const ratios: number[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsp')).sort();
  for (const file of files) {
    const instance = parseTsplib(readFileSync(join(dir, file), 'utf8'));
    const optimum = OPTIMA[instance.name];
    if (instance.edgeWeightType !== 'EUC_2D' || optimum === undefined) {
      console.log(`${file}: skipped (${instance.edgeWeightType}, no known optimum here)`);
      continue;
    }
    const times: number[] = [];
    let route = { order: [] as number[], length: 0 };
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      route = planSweepRoute(instance.cities, { distance: euc2dDistance, closed: true });
      times.push(performance.now() - t);
    }
    check(instance.name, instance.cities, route, euc2dDistance, true);
    const t = performance.now();
    const baseline = nearestNeighbourTwoOpt(instance.cities, euc2dDistance, true);
    const baselineMs = performance.now() - t;
    const construction = planSweepRoute(instance.cities, { distance: euc2dDistance, closed: true, search: 'construction' });
    const local = planSweepRoute(instance.cities, { distance: euc2dDistance, closed: true, search: 'local' });
    const ratio = route.length / optimum;
    ratios.push(ratio);
    const maxMs = Math.max(...times);
    console.log(
      `${instance.name} (${instance.cities.length} cities): length ${route.length}, optimum ${optimum} (${ratio.toFixed(4)}); ` +
        `median ${median(times).toFixed(1)} ms, max ${maxMs.toFixed(1)} ms of ${RUNS} runs; nearest neighbour ${(construction.length / optimum).toFixed(4)}, ` +
        `+ 2-opt/Or-opt ${(local.length / optimum).toFixed(4)}, baseline NN + 2-opt ${(baseline / optimum).toFixed(4)} in ${baselineMs.toFixed(1)} ms`,
    );
    results.push({
      name: `sweep route ${instance.name} (length / optimum)`,
      value: ratio,
      unit: '× optimum',
      baseline: baseline / optimum,
      baselineUnit: '× optimum NN + 2-opt',
      ratio: route.length / baseline,
      goal: `≤ ${GOAL_MAX}, < ${GOAL_MS} ms`,
      pass: ratio <= GOAL_MAX && maxMs < GOAL_MS,
    });
  }
  if (ratios.length) {
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const baselineMean = results.reduce((a, r) => a + r.baseline, 0) / results.length;
    results.push({
      name: `sweep route TSPLIB mean (${ratios.length} instances)`,
      value: mean,
      unit: '× optimum',
      baseline: baselineMean,
      baselineUnit: '× optimum NN + 2-opt',
      ratio: mean / baselineMean,
      goal: `≤ ${GOAL_MEAN} mean, ≤ ${GOAL_MAX} each`,
      pass: mean <= GOAL_MEAN && Math.max(...ratios) <= GOAL_MAX,
    });
  }
  return results;
}

function randomStopsBench(): Result[] {
  const rand = seededRandom(1000);
  const stops = Array.from({ length: RANDOM_STOPS }, (): Stop => ({
    lngLat: [BOX.west + rand() * (BOX.east - BOX.west), BOX.south + rand() * (BOX.north - BOX.south)],
  }));
  const metres = (a: Stop, b: Stop) => haversineMeters(a.lngLat, b.lngLat);
  const results: Result[] = [];
  for (const closed of [false, true]) {
    let t = performance.now();
    const construction = planSweepRoute(stops, { closed, search: 'construction' });
    const constructionMs = performance.now() - t;
    t = performance.now();
    const local = planSweepRoute(stops, { closed, search: 'local' });
    const localMs = performance.now() - t;
    t = performance.now();
    const route = planSweepRoute(stops, { closed });
    const ms = performance.now() - t;
    check(`${RANDOM_STOPS} stops`, stops, route, metres, closed);
    t = performance.now();
    const baseline = nearestNeighbourTwoOpt(stops, metres, closed);
    const baselineMs = performance.now() - t;
    const gain = 1 - route.length / construction.length;
    console.log(
      `${RANDOM_STOPS} random stops, ${closed ? 'closed' : 'open'}: ${(route.length / 1000).toFixed(1)} km in ${ms.toFixed(0)} ms (default options); ` +
        `nearest neighbour ${(construction.length / 1000).toFixed(1)} km in ${constructionMs.toFixed(0)} ms, + 2-opt/Or-opt ${(local.length / 1000).toFixed(1)} km in ${localMs.toFixed(0)} ms; ` +
        `${(100 * gain).toFixed(1)} % shorter than the construction; baseline NN + 2-opt ${(baseline / 1000).toFixed(1)} km in ${baselineMs.toFixed(0)} ms`,
    );
    results.push({
      name: `sweep route ${RANDOM_STOPS} random stops, ${closed ? 'closed' : 'open'} (time)`,
      value: ms,
      unit: `ms, ${(100 * gain).toFixed(1)} % shorter than nearest neighbour`,
      baseline: baselineMs,
      baselineUnit: `ms NN + 2-opt (${(baseline / 1000).toFixed(1)} km)`,
      ratio: route.length / baseline,
      goal: 'report (ratio is length / baseline length)',
      pass: route.length <= construction.length,
    });
  }
  return results;
}

const results = [...tsplibBench(), ...randomStopsBench()];
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'route-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('');
for (const r of results) console.log(format(r));
if (wrong > 0) {
  console.error(`${wrong} wrong answer(s)`);
  process.exitCode = 1;
}
