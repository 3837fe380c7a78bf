// `npm run bench:coverage` (node): coverage of 500,000 points by 200 sites against a naive turf.distance double loop,
// siting against the exhaustive optimum on small clustered instances, and K = 20 on Boston's 311 reports.
// Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x, goal …) PASS|OVER`; exits 1 on a wrong answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance as turfDistance } from '@turf/turf';
import { decodeNeedleColumns } from '../../src/datasets/needle-table';
import { DISPOSAL_KINDS, type SiteKind } from '../../src/domain/site';
import { coveredFlags } from '../../src/geo/coverage';
import { selectSites, selectSitesExhaustive, type SelectSitesResult } from '../../src/geo/site-selection';
import { mulberry32 as seededRandom } from '../unit/seeded-random';
import { clusteredInstance } from '../support/clustered-instances';

const root = join(import.meta.dirname, '..', '..');
const DEMAND = 500_000;
const SITES = 200;
const RADIUS_METERS = 400;
/** Demand points the naive loop is timed on (its time is extrapolated to all of them); BENCH_NAIVE_ALL=1 runs it all. */
const NAIVE_SAMPLE = process.env.BENCH_NAIVE_ALL ? DEMAND : Number(process.env.BENCH_NAIVE_SAMPLE ?? 20_000);
const SPEEDUP_GOAL = 100;
const RUNS = 5;
const INSTANCES = 30;
const GOAL_MEAN = 0.999;
const GOAL_MIN = 0.99;
const CELL_METERS = 250;
/** Boston's street extent. */
const BOX = { west: -71.18, south: 42.23, east: -70.96, north: 42.4 };
const BOSTON: [number, number] = [-71.06, 42.33];
const M_LAT = 1 / 111_195;
const M_LNG = M_LAT / Math.cos((BOSTON[1] * Math.PI) / 180);

type Pt = { lngLat: [number, number] };
type Demand = Pt & { weight: number };
type Result = { name: string; value: number; unit: string; baseline: number; baselineUnit: string; ratio: number; goal: string; pass: boolean };

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(4) : x.toPrecision(4));
const format = (r: Result) =>
  `${r.name}: ${fmt(r.value)} ${r.unit} (baseline: ${fmt(r.baseline)} ${r.baselineUnit}, ratio ${fmt(r.ratio)}, goal ${r.goal}) ${r.pass ? 'PASS' : 'OVER'}`;
const lastCovered = (r: SelectSitesResult) => r.chosen.at(-1)?.covered ?? r.existingCovered;

let wrong = 0;

function coverageBench(): Result {
  const rand = seededRandom(500);
  const randomPoint = (): [number, number] => [BOX.west + rand() * (BOX.east - BOX.west), BOX.south + rand() * (BOX.north - BOX.south)];
  const demand = Array.from({ length: DEMAND }, (): Pt => ({ lngLat: randomPoint() }));
  const sites = Array.from({ length: SITES }, (): Pt => ({ lngLat: randomPoint() }));

  coveredFlags(demand.slice(0, 20_000), sites, RADIUS_METERS); // warm-up
  // Median of RUNS runs: the machine is shared, one run can be slowed by others.
  const times: number[] = [];
  let flags: Uint8Array = new Uint8Array(0);
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    flags = coveredFlags(demand, sites, RADIUS_METERS);
    times.push(performance.now() - start);
  }
  const indexMs = [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;

  // The naive loop: every point against every site with turf.distance (stops at the first site within reach).
  const naive = (p: Pt) => {
    for (const s of sites) if (turfDistance(p.lngLat, s.lngLat, { units: 'meters' }) <= RADIUS_METERS) return 1;
    return 0;
  };
  for (let i = 0; i < 2000; i++) naive(demand[i]!); // warm-up
  const t = performance.now();
  let mismatches = 0;
  // The sample is spread over the whole array (every stride-th point).
  const stride = Math.floor(DEMAND / NAIVE_SAMPLE);
  for (let i = 0; i < NAIVE_SAMPLE * stride; i += stride) if (naive(demand[i]!) !== flags[i]) mismatches++;
  const naiveSampleMs = performance.now() - t;
  const naiveMs = (naiveSampleMs * DEMAND) / NAIVE_SAMPLE;
  const covered = flags.reduce((a, b) => a + b, 0);
  if (mismatches > 0) {
    wrong++;
    console.error(`coverage: ${mismatches} of ${NAIVE_SAMPLE} points disagree with the turf loop`);
  }
  const extrapolated = NAIVE_SAMPLE < DEMAND;
  console.log(
    `coverage of ${DEMAND} points by ${SITES} sites at ${RADIUS_METERS} m: ${covered} covered in ${indexMs.toFixed(0)} ms (median of ${RUNS} runs, ${times.map((x) => x.toFixed(0)).join(', ')}); naive turf loop ` +
      `${extrapolated ? `timed on ${NAIVE_SAMPLE} points spread over all (${naiveSampleMs.toFixed(0)} ms) and extrapolated to ${naiveMs.toFixed(0)} ms` : `${naiveMs.toFixed(0)} ms`}; ` +
      `${mismatches} disagreements on the ${NAIVE_SAMPLE} points compared`,
  );
  return {
    name: `coverage ${DEMAND} points × ${SITES} sites (time)`,
    value: indexMs,
    unit: 'ms',
    baseline: naiveMs,
    baselineUnit: extrapolated ? `ms naive turf loop (extrapolated from ${NAIVE_SAMPLE} points)` : 'ms naive turf loop',
    ratio: naiveMs / indexMs,
    goal: `≥ ${SPEEDUP_GOAL}× faster, identical flags`,
    pass: naiveMs / indexMs >= SPEEDUP_GOAL && mismatches === 0,
  };
}

function sitingBench(): Result {
  const ratios: number[] = [];
  const greedyRatios: number[] = [];
  const localRatios: number[] = [];
  let ms = 0;
  let exhaustiveMs = 0;
  // clusteredInstance is the unit test's generator (tests/unit/geo/site-selection.test.ts); seeds other than its (311..340), so the goal is not met only on the instances it was tuned on.
  for (let i = 0; i < INSTANCES; i++) {
    const inst = clusteredInstance(10_000 + i);
    const k = 3 + (i % 3);
    let t = performance.now();
    const optimum = lastCovered(selectSitesExhaustive(inst.demand, inst.candidates, inst.existing, { k, radiusMeters: RADIUS_METERS }));
    exhaustiveMs += performance.now() - t;
    t = performance.now();
    const found = lastCovered(selectSites(inst.demand, inst.candidates, inst.existing, { k, radiusMeters: RADIUS_METERS }));
    ms += performance.now() - t;
    ratios.push(found / optimum);
    greedyRatios.push(lastCovered(selectSites(inst.demand, inst.candidates, inst.existing, { k, radiusMeters: RADIUS_METERS, search: 'greedy' })) / optimum);
    localRatios.push(lastCovered(selectSites(inst.demand, inst.candidates, inst.existing, { k, radiusMeters: RADIUS_METERS, search: 'local' })) / optimum);
    if (found > optimum + 1e-9) {
      wrong++;
      console.error(`siting instance ${i}: ${found} covered is above the exhaustive optimum ${optimum}`);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `siting on ${INSTANCES} clustered instances (300 reports, 30 candidates, K 3-5): mean ${mean(ratios).toFixed(5)}, min ${Math.min(...ratios).toFixed(5)} of the optimum ` +
      `in ${(ms / INSTANCES).toFixed(1)} ms each (exhaustive ${(exhaustiveMs / INSTANCES).toFixed(1)} ms); plain greedy mean ${mean(greedyRatios).toFixed(5)}, ` +
      `min ${Math.min(...greedyRatios).toFixed(5)}; greedy + swaps mean ${mean(localRatios).toFixed(5)}, min ${Math.min(...localRatios).toFixed(5)}`,
  );
  return {
    name: `siting vs exhaustive optimum, ${INSTANCES} clustered instances (mean)`,
    value: mean(ratios),
    unit: `× optimum (min ${Math.min(...ratios).toFixed(4)})`,
    baseline: mean(greedyRatios),
    baselineUnit: `× optimum plain greedy (min ${Math.min(...greedyRatios).toFixed(4)})`,
    ratio: mean(ratios) / mean(greedyRatios),
    goal: `≥ ${GOAL_MEAN} mean, ≥ ${GOAL_MIN} each`,
    pass: mean(ratios) >= GOAL_MEAN && Math.min(...ratios) >= GOAL_MIN,
  };
}

type SiteFeature = { geometry: { coordinates: [number, number] }; properties: { kind: SiteKind } };

function bostonBench(): Result {
  const table = decodeNeedleColumns(JSON.parse(readFileSync(join(root, 'public', 'data', 'needle-requests.json'), 'utf8')));
  const demand = Array.from({ length: table.count }, (_, i): Demand => ({ lngLat: [table.lng[i]!, table.lat[i]!], weight: 1 }));
  const features = (JSON.parse(readFileSync(join(root, 'public', 'data', 'sites.geojson'), 'utf8')) as { features: SiteFeature[] }).features;
  const existing = features.filter((f) => DISPOSAL_KINDS.includes(f.properties.kind)).map((f): Pt => ({ lngLat: f.geometry.coordinates }));
  // Candidates: centres of the 250 m cells (at Boston's latitude) that hold at least one report.
  const cells = new Map<string, [number, number]>();
  for (const d of demand) {
    const x = Math.floor(d.lngLat[0] / (CELL_METERS * M_LNG));
    const y = Math.floor(d.lngLat[1] / (CELL_METERS * M_LAT));
    cells.set(`${x},${y}`, [(x + 0.5) * CELL_METERS * M_LNG, (y + 0.5) * CELL_METERS * M_LAT]);
  }
  const candidates = [...cells.values()].map((lngLat): Pt => ({ lngLat }));
  const options = { k: 20, radiusMeters: RADIUS_METERS };
  selectSites(demand, candidates, existing, { ...options, search: 'greedy' }); // warm-up
  let t = performance.now();
  const greedy = selectSites(demand, candidates, existing, { ...options, search: 'greedy' });
  const greedyMs = performance.now() - t;
  t = performance.now();
  const result = selectSites(demand, candidates, existing, options);
  const ms = performance.now() - t;
  const covered = lastCovered(result);
  console.log(
    `K = 20 on Boston: ${demand.length} reports, ${candidates.length} candidate cells, ${existing.length} disposal sites at ${RADIUS_METERS} m: ` +
      `${result.existingCovered} → ${covered} reports covered (${((100 * covered) / result.totalWeight).toFixed(1)} %) in ${ms.toFixed(0)} ms; ` +
      `plain greedy ${lastCovered(greedy)} in ${greedyMs.toFixed(0)} ms; upper bound ${result.upperBound.toFixed(0)} (at least ${((100 * covered) / result.upperBound).toFixed(1)} % of the best)`,
  );
  return {
    name: 'siting K = 20 on Boston 311 reports (time)',
    value: ms,
    unit: `ms, ${covered} covered`,
    baseline: greedyMs,
    baselineUnit: `ms plain greedy, ${lastCovered(greedy)} covered`,
    ratio: covered / lastCovered(greedy),
    goal: 'report (ratio is covered / greedy covered), ≥ greedy',
    pass: covered >= lastCovered(greedy),
  };
}

const results = [coverageBench(), sitingBench(), bostonBench()];
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'coverage-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('');
for (const r of results) console.log(format(r));
if (wrong > 0) {
  console.error(`${wrong} wrong answer(s)`);
  process.exitCode = 1;
}
