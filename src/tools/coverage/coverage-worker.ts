// Web Worker (comlink) of the Coverage tab: it loads the walking graph once, snaps the demand once per demand set, and
// measures coverage, proposes new sites and works out the coverage curve (straight line or along the streets) and the
// walking catchments, reporting progress; a newer request of the same kind makes an older one stop at its next pause.
import * as Comlink from 'comlink';
import type { MultiPolygon } from 'geojson';
import { walkNetworkCache } from '../../datasets/walk-graph';
import { coveredFlags } from '../../geo/coverage';
import { createNetworkCoverage, type NetworkCoverage } from '../../geo/network-coverage';
import { coverageCurve, selectSites, type CoverageCurvePoint, type CoverSets, type SelectSitesResult } from '../../geo/site-selection';
import type { WalkNetwork } from '../../geo/walk-network';

type Located = { lngLat: [number, number] };

/** How distances are measured: great-circle, or walking along the street network. */
export type CoverageDistance = 'straight' | 'walk';

export type CoverageJob = {
  /** Larger for newer requests; a request of the same kind with a larger id makes this one stale. */
  id: number;
  distance: CoverageDistance;
  /** The walking graph file (used when distance is 'walk'). */
  walkGraphUrl: string;
  /** Names the demand set (same key, same points), so the worker snaps it only once. */
  demandKey: string;
  demand: { lng: Float64Array; lat: Float64Array; weight: Float64Array };
  supply: [number, number][];
  radiusMeters: number;
};
/** `locked`: the planner's locked sites, counted as already there (after `supply`) before the search. */
export type ProposeJob = CoverageJob & { candidates: [number, number][]; k: number; locked: [number, number][] };
export type CurveJob = CoverageJob & { candidates: [number, number][]; maxK: number };

export type CoverageProgress = { step: 'graph' | 'snapping' | 'routing' | 'catchments' | 'curve' | 'searching'; done: number; total: number };
type OnProgress = (p: CoverageProgress) => void;

export type MeasureResponse = {
  flags: Uint8Array;
  /** Demand points and sites measured in a straight line (off the street network, or cut off from the sites' streets). */
  straightLine: { demand: number; sites: number };
  /** Per supply point, its walking catchment (null: draw a circle, it is off the street network). Empty in straight mode. */
  catchments: (MultiPolygon | null)[];
};
export type ProposeResponse = {
  result: SelectSitesResult;
  /** Demand weight each locked site newly covers, in lock order, after the supply and the locked sites before it. */
  lockedGains: number[];
  /** Covered flags with the existing and the proposed sites. */
  afterFlags: Uint8Array;
  /** Per chosen site, in `result.chosen` order, its walking catchment (empty in straight mode). */
  catchments: (MultiPolygon | null)[];
};

/** Thrown (and passed to the caller) when a newer request of the same kind came in. */
const STALE = 'stale coverage request';

/** Settings of the proposal and the curve (the straight-line answers must stay those the tab gave on the main thread). */
const PROPOSE_OPTIONS = { search: 'restarts', timeBudgetMs: 800, seed: 1 } as const;
const CURVE_OPTIONS = { search: 'local' } as const;

let snapped: { key: string; network: WalkNetwork; coverage: NetworkCoverage } | null = null;
let sets: { key: string; promise: Promise<CoverSets>; listeners: Set<OnProgress> } | null = null;
const latest = { measure: 0, propose: 0, curve: 0 };

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const networkFor = walkNetworkCache();

function demandPoints(job: CoverageJob): (Located & { weight: number })[] {
  const { lng, lat, weight } = job.demand;
  return Array.from(lng, (x, i) => ({ lngLat: [x, lat[i]!] as [number, number], weight: weight[i]! }));
}

async function coverageFor(job: CoverageJob, onProgress: OnProgress): Promise<NetworkCoverage> {
  onProgress({ step: 'graph', done: 0, total: 1 });
  const network = await networkFor(job.walkGraphUrl);
  if (!snapped || snapped.key !== job.demandKey || snapped.network !== network) {
    onProgress({ step: 'snapping', done: 0, total: job.demand.lng.length });
    snapped = { key: job.demandKey, network, coverage: createNetworkCoverage(network, demandPoints(job)) };
  }
  return snapped.coverage;
}

function check(kind: keyof typeof latest, job: CoverageJob): void {
  if (latest[kind] !== job.id) throw new Error(STALE);
}

/** Each candidate's reach along the streets and the demand the supply covers, shared by the proposal and the curve. */
function coverSetsFor(job: ProposeJob | CurveJob, coverage: NetworkCoverage, onProgress: OnProgress): Promise<CoverSets> {
  const key = `${job.demandKey}|${job.radiusMeters}|${job.supply.join(';')}|${job.candidates.join(';')}`;
  if (!sets || sets.key !== key) {
    const entry: { key: string; promise: Promise<CoverSets>; listeners: Set<OnProgress> } = { key, promise: Promise.resolve({ candidates: [], existing: new Uint8Array(0) }), listeners: new Set() };
    sets = entry;
    entry.promise = (async () => {
      const existing = coverage.coveredFlags(job.supply.map((lngLat) => ({ lngLat })), job.radiusMeters);
      const candidates: Uint32Array[] = [];
      const total = job.candidates.length;
      for (let i = 0; i < total; i++) {
        if (i % 25 === 0) {
          for (const l of entry.listeners) {
            try {
              l({ step: 'routing', done: i, total });
            } catch {
              entry.listeners.delete(l); // its request ended and released the callback
            }
          }
          await pause();
          if (sets !== entry) throw new Error(STALE);
        }
        candidates.push(coverage.reachOf({ lngLat: job.candidates[i]! }, job.radiusMeters));
      }
      return { candidates, existing };
    })();
    entry.promise.catch(() => {
      if (sets === entry) sets = null;
    });
  }
  const entry = sets;
  entry.listeners.add(onProgress);
  return entry.promise.finally(() => entry.listeners.delete(onProgress));
}

async function catchmentsOf(job: CoverageJob, coverage: NetworkCoverage, points: readonly [number, number][], kind: keyof typeof latest, onProgress: OnProgress): Promise<(MultiPolygon | null)[]> {
  const out: (MultiPolygon | null)[] = [];
  for (let i = 0; i < points.length; i++) {
    if (i % 5 === 0) {
      onProgress({ step: 'catchments', done: i, total: points.length });
      await pause();
      check(kind, job);
    }
    out.push(coverage.catchment({ lngLat: points[i]! }, job.radiusMeters));
  }
  return out;
}

/** Runs `work`, then releases the caller's progress callback (a Comlink proxy holds a message port until released). */
async function releasing<R>(onProgress: OnProgress, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } finally {
    (onProgress as OnProgress & Partial<Comlink.ProxyMethods>)[Comlink.releaseProxy]?.();
  }
}

const jobs = {
  /** Covered flags of the demand by the supply, and (walking) each supply point's catchment. */
  async measure(job: CoverageJob, onProgress: OnProgress): Promise<MeasureResponse> {
    latest.measure = Math.max(latest.measure, job.id);
    if (job.distance === 'straight') {
      const flags = coveredFlags(demandPoints(job), job.supply.map((lngLat) => ({ lngLat })), job.radiusMeters);
      return { flags, straightLine: { demand: 0, sites: 0 }, catchments: [] };
    }
    const coverage = await coverageFor(job, onProgress);
    check('measure', job);
    const supply = job.supply.map((lngLat) => ({ lngLat }));
    const flags = coverage.coveredFlags(supply, job.radiusMeters);
    const catchments = await catchmentsOf(job, coverage, job.supply, 'measure', onProgress);
    return { flags, straightLine: coverage.straightLine(supply), catchments };
  },

  /** K new sites (selectSites with restarts), the coverage with them, and (walking) their catchments. */
  async propose(asked: ProposeJob, onProgress: OnProgress): Promise<ProposeResponse> {
    latest.propose = Math.max(latest.propose, asked.id);
    // The search counts the locked sites as already there; their gains are measured one by one after the supply.
    const job: ProposeJob = { ...asked, supply: [...asked.supply, ...asked.locked] };
    const demand = demandPoints(job);
    const candidates = job.candidates.map((lngLat) => ({ lngLat }));
    const supply = job.supply.map((lngLat) => ({ lngLat }));
    const gainsOf = (base: Uint8Array, reachOf: (site: [number, number]) => ArrayLike<number>, indices: boolean) =>
      asked.locked.map((site) => {
        const reach = reachOf(site);
        let gain = 0;
        for (let j = 0; j < reach.length; j++) {
          const i = indices ? reach[j]! : reach[j] ? j : -1;
          if (i < 0 || base[i]) continue;
          base[i] = 1;
          gain += demand[i]!.weight ?? 1;
        }
        return gain;
      });
    if (job.distance === 'straight') {
      const lockedGains = gainsOf(coveredFlags(demand, asked.supply.map((lngLat) => ({ lngLat })), job.radiusMeters), (site) => coveredFlags(demand, [{ lngLat: site }], job.radiusMeters), false);
      const result = selectSites(demand, candidates, supply, { k: job.k, radiusMeters: job.radiusMeters, ...PROPOSE_OPTIONS });
      const afterFlags = coveredFlags(demand, [...supply, ...result.chosen.map((c) => candidates[c.index]!)], job.radiusMeters);
      return { result, lockedGains, afterFlags, catchments: [] };
    }
    const coverage = await coverageFor(job, onProgress);
    check('propose', job);
    const lockedGains = gainsOf(coverage.coveredFlags(asked.supply.map((lngLat) => ({ lngLat })), job.radiusMeters), (site) => coverage.reachOf({ lngLat: site }, job.radiusMeters), true);
    const coverSets = await coverSetsFor(job, coverage, onProgress);
    check('propose', job);
    onProgress({ step: 'searching', done: 0, total: job.k });
    const result = selectSites(demand, candidates, supply, { k: job.k, radiusMeters: job.radiusMeters, ...PROPOSE_OPTIONS, coverSets });
    const afterFlags = Uint8Array.from(coverSets.existing);
    for (const c of result.chosen) {
      const reach = coverSets.candidates[c.index]!;
      for (let j = 0; j < reach.length; j++) afterFlags[reach[j]!] = 1;
    }
    const catchments = await catchmentsOf(job, coverage, result.chosen.map((c) => job.candidates[c.index]!), 'propose', onProgress);
    return { result, lockedGains, afterFlags, catchments };
  },

  /** The coverage curve for 1..maxK new sites. */
  async curve(job: CurveJob, onProgress: OnProgress): Promise<CoverageCurvePoint[]> {
    latest.curve = Math.max(latest.curve, job.id);
    const demand = demandPoints(job);
    const candidates = job.candidates.map((lngLat) => ({ lngLat }));
    const supply = job.supply.map((lngLat) => ({ lngLat }));
    const progress = (k: number, maxK: number) => onProgress({ step: 'curve', done: k, total: maxK });
    if (job.distance === 'straight') return coverageCurve(demand, candidates, supply, { radiusMeters: job.radiusMeters, maxK: job.maxK, ...CURVE_OPTIONS, onProgress: progress });
    const coverage = await coverageFor(job, onProgress);
    check('curve', job);
    const coverSets = await coverSetsFor(job, coverage, onProgress);
    check('curve', job);
    return coverageCurve(demand, candidates, supply, { radiusMeters: job.radiusMeters, maxK: job.maxK, ...CURVE_OPTIONS, coverSets, onProgress: progress });
  },
};
const api = {
  measure: (job: CoverageJob, onProgress: OnProgress) => releasing(onProgress, () => jobs.measure(job, onProgress)),
  propose: (job: ProposeJob, onProgress: OnProgress) => releasing(onProgress, () => jobs.propose(job, onProgress)),
  curve: (job: CurveJob, onProgress: OnProgress) => releasing(onProgress, () => jobs.curve(job, onProgress)),
};
export type CoverageWorkerApi = typeof api;

Comlink.expose(api);
