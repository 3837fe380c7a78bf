// Plans a sweep for one shift: which stops fit (by priority), their order (the route engine) and arrival times.
import { WALK_METERS_PER_MINUTE } from '../config/city';
import { haversineMeters } from './haversine';
import { planSweepRoute, type SweepSearch } from './sweep-route';
import type { WalkNetwork } from './walk-network';

/** Walking speed preset, metres per minute (about 4.8 km/h, the app's walk-time speed). */
export const WALKING_METERS_PER_MINUTE = WALK_METERS_PER_MINUTE;

/**
 * Driving speed preset, metres per minute (24 km/h): city driving door to door, with lights and finding a place to
 * stop, well below the speed limit.
 */
export const DRIVING_METERS_PER_MINUTE = 400;

/** The speed presets of the sweep form, metres per minute. */
export const SWEEP_SPEEDS_METERS_PER_MINUTE = { walking: WALKING_METERS_PER_MINUTE, driving: DRIVING_METERS_PER_MINUTE } as const;

/** A stop near a park or playground ranks like a request opened this many days earlier (see {@link sweepPriority}). */
export const PARK_BONUS_DAYS = 7;

/** One candidate stop: an open request (or a hotspot) to sweep. */
export type SweepStopInput = {
  id: string;
  lngLat: [number, number];
  /** Day the request was opened, days since 1970-01-01 (UTC calendar day). */
  openedDay: number;
  /** Within the park-proximity distance of a park or playground (see src/geo/park-proximity.ts). */
  nearPark: boolean;
  label?: string;
  caseId?: string | null;
  /** Locked stops are always in the plan, even when they alone overrun the shift. */
  locked?: boolean;
};

/**
 * Distances between points: `meters[i][j]` from `points[i]` to `points[j]`, metres (finite, ≥ 0, 0 on the diagonal);
 * `approximate` when any of them is not along the street network, and, when known, `approximateLegs[i][j]` for
 * each one (then a plan is labelled straight-line only when a leg it uses is).
 */
export type DistanceMatrix = (points: [number, number][]) => { meters: number[][]; approximate: boolean; approximateLegs?: boolean[][] };

export type SweepPlanInput = {
  stops: readonly SweepStopInput[];
  /** Where the shift starts, [lng, lat]. */
  start: [number, number];
  /** A fixed end point, back to the start, or wherever the last stop is. */
  end: [number, number] | 'start' | 'last-stop';
  /** Travel speed, metres per minute (> 0); see {@link SWEEP_SPEEDS_METERS_PER_MINUTE}. */
  speedMetersPerMinute: number;
  /** Minutes spent at each stop (≥ 0). */
  minutesPerStop: number;
  /** Shift length, minutes (≥ 0): travel, stops and the leg to the end must fit in it. */
  shiftMinutes: number;
  /** Today, days since 1970-01-01: a request's age is today − openedDay. */
  today: number;
  /** Distances between points (default: {@link straightLineDistanceMatrix}; {@link walkDistanceMatrix} along streets). */
  distanceMatrix?: DistanceMatrix;
  /** Seed of the route engine (default 1): the same input and seed give the same plan, within the time budget. */
  seed?: number;
  /** Time budget of each iterated route search, ms (default 60); a plan runs one to a few of them. */
  timeBudgetMs?: number;
  /** Kicks of each iterated route search at most (the engine's default when not given). */
  maxKicks?: number;
};

/** A stop of the plan, in visiting order. */
export type PlannedStop = {
  id: string;
  /** Position in the route, 1 for the first stop. */
  order: number;
  /** Arrival, minutes after the start of the shift. */
  arriveMinute: number;
  /** Distance from the previous stop (or the start), metres. */
  legMeters: number;
  /** The leg is a straight line (or straight line × detour), not along the streets. */
  legStraightLine: boolean;
};

export type LeftOutStop = { id: string; reason: string };

export type SweepPlan = {
  /** The chosen stops in visiting order. */
  stops: PlannedStop[];
  /** Stops not in the plan, most important first, each with why. */
  leftOut: LeftOutStop[];
  /** The leg from the last stop (or the start, when no stop) to the end, metres; 0 when the end is the last stop. */
  endLegMeters: number;
  /** Sum of every leg (the legs to the stops and the leg to the end), metres. */
  totalMeters: number;
  /** totalMeters / speed + stops × minutesPerStop: from the start of the shift to reaching the end. */
  totalMinutes: number;
  /**
   * totalMinutes ≤ shiftMinutes. False only when the locked stops alone (or the way from the start to a fixed end)
   * overrun the shift, or after a reorder.
   */
  fitsShift: boolean;
  /**
   * True when a leg of the plan (or, without per-leg flags, any distance of the matrix) is a straight line rather
   * than along the streets: label the route so.
   */
  straightLine: boolean;
  /** Priority score of every input stop, by id (see {@link sweepPriority}). */
  priorityOf: Map<string, number>;
};

/**
 * Priority score of a stop: its age in days (today − openedDay, never below 0) plus {@link PARK_BONUS_DAYS} when it
 * is near a park or playground. Higher goes first; so a 3-day-old request beside a playground (10) ranks above a
 * 9-day-old one elsewhere (9). Ties keep the input order.
 */
export function sweepPriority(stop: Pick<SweepStopInput, 'openedDay' | 'nearPark'>, today: number): number {
  return Math.max(0, today - stop.openedDay) + (stop.nearPark ? PARK_BONUS_DAYS : 0);
}

/** Great-circle metres between every two points, flagged approximate (straight line). The default distance matrix. */
export function straightLineDistanceMatrix(points: [number, number][]): { meters: number[][]; approximate: boolean } {
  return { meters: points.map((a) => points.map((b) => haversineMeters(a, b))), approximate: true };
}

/** Cached walking distances above this many pairs are dropped (about 1,000 × 1,000 points). */
const WALK_CACHE_MAX_PAIRS = 1_000_000;

/**
 * A {@link DistanceMatrix} along the walking graph, metres: one `routeMany` per row, from each point to the later
 * points not yet known (a walk is as long both ways, so each pair is routed once); `approximate` when any leg is (no
 * street path, or a point far off the streets: then the network's straight line × detour factor), with the flag of
 * each leg. Distances are cached by position, so planning again with the same stops (a reorder, another shift length)
 * routes nothing new. Cost: a Dijkstra search per point over the area the points span, plus a snap of every later
 * point; about 7 s for 200 points across a few km of Boston on a busy laptop core, so run it off the main thread.
 */
export function walkDistanceMatrix(network: Pick<WalkNetwork, 'routeMany'>): DistanceMatrix {
  const cache = new Map<string, { meters: number; approximate: boolean }>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  return (points) => {
    const keys = points.map((p) => `${p[0]},${p[1]}`);
    if (cache.size > WALK_CACHE_MAX_PAIRS) cache.clear();
    points.forEach((from, i) => {
      const missing = new Map<string, [number, number]>();
      for (let j = i + 1; j < points.length; j++) {
        if (keys[j] !== keys[i] && !cache.has(pairKey(keys[i]!, keys[j]!))) missing.set(keys[j]!, points[j]!);
      }
      if (missing.size === 0) return;
      const routes = network.routeMany(from, [...missing.values()]);
      [...missing.keys()].forEach((key, k) => cache.set(pairKey(keys[i]!, key), { meters: routes[k]!.distanceMeters, approximate: routes[k]!.approximate }));
    });
    let approximate = false;
    const approximateLegs = points.map(() => new Array<boolean>(points.length).fill(false));
    const meters = points.map((_, i) =>
      keys.map((key, j) => {
        if (key === keys[i]) return 0;
        const leg = cache.get(pairKey(keys[i]!, key))!;
        if (leg.approximate) approximate = approximateLegs[i]![j] = true;
        return leg.meters;
      }),
    );
    return { meters, approximate, approximateLegs };
  };
}

/** Floating-point slack when comparing minutes with the shift. */
const EPS = 1e-9;
/** Optimise-then-insert rounds of the greedy choice at most (it usually settles in two). */
const MAX_ROUNDS = 8;

/**
 * The points of a plan in one symmetric matrix: 0 the start, 1..n the stops, n + 1 a fixed end point; `straight`
 * flags the straight-line legs (every leg, when the distance matrix gives no per-leg flags but says approximate).
 */
type Matrix = { d: Float64Array; size: number; straight: (a: number, b: number) => boolean };

function checkInput(input: SweepPlanInput): void {
  const { speedMetersPerMinute: speed, minutesPerStop, shiftMinutes, today } = input;
  if (!(Number.isFinite(speed) && speed > 0)) throw new RangeError(`sweep plan: speed ${speed} m/min is not a positive number`);
  if (!(Number.isFinite(minutesPerStop) && minutesPerStop >= 0)) throw new RangeError(`sweep plan: ${minutesPerStop} minutes per stop is not ≥ 0`);
  if (!(Number.isFinite(shiftMinutes) && shiftMinutes >= 0)) throw new RangeError(`sweep plan: a shift of ${shiftMinutes} minutes is not ≥ 0`);
  if (!Number.isFinite(today)) throw new RangeError(`sweep plan: today (${today}) is not a day number`);
  const ids = new Set<string>();
  for (const stop of input.stops) {
    if (ids.has(stop.id)) throw new RangeError(`sweep plan: stop id "${stop.id}" appears twice`);
    ids.add(stop.id);
    if (!Number.isFinite(stop.openedDay)) throw new RangeError(`sweep plan: stop "${stop.id}" has no opened day`);
  }
}

/** Great-circle metres between every two points into a flat matrix, each pair once (the default, fast path). */
function straightLineMatrix(points: [number, number][]): Matrix {
  const size = points.length;
  const d = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const x = haversineMeters(points[i]!, points[j]!);
      d[i * size + j] = x;
      d[j * size + i] = x;
    }
  }
  return { d, size, straight: () => true };
}

/**
 * Calls the distance matrix on the points and symmetrises it ((a→b + b→a) / 2: the route engine needs symmetry);
 * without one, great-circle metres ({@link straightLineDistanceMatrix}, computed in place).
 */
function buildMatrix(points: [number, number][], distanceMatrix: DistanceMatrix | undefined): Matrix {
  if (!distanceMatrix) return straightLineMatrix(points);
  const size = points.length;
  const { meters, approximate, approximateLegs } = distanceMatrix(points);
  const d = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const x = meters[i]?.[j];
      if (x === undefined || !Number.isFinite(x) || x < 0) throw new RangeError(`sweep plan: distance ${i} → ${j} is ${x}, not a finite distance ≥ 0`);
      if (j < i) {
        const mean = (x + d[j * size + i]!) / 2;
        d[i * size + j] = mean;
        d[j * size + i] = mean;
      } else d[i * size + j] = i === j ? 0 : x;
    }
  }
  const straight = (a: number, b: number) => (approximateLegs ? (approximateLegs[a]?.[b] ?? false) || (approximateLegs[b]?.[a] ?? false) : approximate);
  return { d, size, straight };
}

/** "opened 3 days ago, near a park". */
function describe(stop: SweepStopInput, today: number): string {
  const age = Math.max(0, Math.floor(today - stop.openedDay));
  const opened = age === 0 ? 'opened today' : age === 1 ? 'opened 1 day ago' : `opened ${age} days ago`;
  return `${opened}, ${stop.nearPark ? 'near a park' : 'not near a park'}`;
}

/**
 * Plans today's sweep. When every stop fits the shift (travel at `speedMetersPerMinute` plus `minutesPerStop` at each
 * stop, including the leg to the end), the plan holds them all in a short order (the route engine's iterated local
 * search). Otherwise it keeps the locked stops, then adds the others by {@link sweepPriority} (highest first) at their
 * cheapest place in the route while the shift allows, re-orders the route (route engine) and tries again with the time
 * saved, until nothing more fits; every other stop is left out with the reason (each would overrun the shift at its
 * cheapest place in the final route). The result fits the shift unless the locked stops (or the way to a fixed end)
 * alone do not. Pure and synchronous; deterministic for a seed while the route search ends by its kick count (not its
 * time budget). Given the distances, 200 stops take 30–200 ms and 1,000 about 0.2–0.3 s; a walking matrix of many
 * points costs far more than the plan (see {@link walkDistanceMatrix}).
 */
export function planSweep(input: SweepPlanInput): SweepPlan {
  checkInput(input);
  const { stops, speedMetersPerMinute: speed, minutesPerStop, shiftMinutes, today } = input;
  const n = stops.length;
  const fixedEnd = Array.isArray(input.end) ? input.end : undefined;
  const points: [number, number][] = [input.start, ...stops.map((s) => s.lngLat), ...(fixedEnd ? [fixedEnd] : [])];
  const matrix = buildMatrix(points, input.distanceMatrix);
  const { d, size } = matrix;
  // The end's matrix index: the start (closed route), the fixed end point, or none.
  const endNode = input.end === 'start' ? 0 : fixedEnd ? n + 1 : -1;
  const dist = (a: number, b: number) => d[a * size + b]!;

  const priorityOf = new Map(stops.map((s) => [s.id, sweepPriority(s, today)]));
  // Candidates by priority, highest first, ties in input order (a stable sort).
  const byPriority = stops.map((_, i) => i + 1).sort((a, b) => priorityOf.get(stops[b - 1]!.id)! - priorityOf.get(stops[a - 1]!.id)!);
  const rank = new Int32Array(n + 2);
  byPriority.forEach((node, r) => (rank[node] = r));

  /** Metres of a route (matrix indices of stops, in order) from the start to the end. */
  const lengthOf = (route: readonly number[]) => {
    let sum = 0;
    let prev = 0;
    for (const node of route) {
      sum += dist(prev, node);
      prev = node;
    }
    return endNode >= 0 ? sum + dist(prev, endNode) : sum;
  };
  const minutesOf = (meters: number, count: number) => meters / speed + count * minutesPerStop;

  /** The route engine on these stops: the shorter of its route and `route`. */
  const optimise = (route: number[], search: SweepSearch): number[] => {
    if (route.length < 2) return route;
    const nodes = [0, ...route, ...(endNode > 0 ? [endNode] : [])].map((m) => ({ m, lngLat: points[m]! }));
    const { order } = planSweepRoute(nodes, {
      distance: (a, b) => dist(a.m, b.m),
      closed: endNode === 0,
      end: endNode > 0 ? nodes.length - 1 : undefined,
      search,
      seed: input.seed ?? 1,
      timeBudgetMs: input.timeBudgetMs ?? 60,
      maxKicks: input.maxKicks,
    });
    const better = order.map((k) => nodes[k]!.m).filter((m) => m !== 0 && m !== endNode);
    return lengthOf(better) < lengthOf(route) - 1e-9 ? better : route;
  };

  /** Cheapest place to insert `node` into `route`: the position and the extra metres. */
  const cheapestInsertion = (route: readonly number[], node: number): { at: number; meters: number } => {
    let best = { at: route.length, meters: Infinity };
    let prev = 0;
    for (let k = 0; k <= route.length; k++) {
      const next = k < route.length ? route[k]! : endNode;
      const meters = next >= 0 ? dist(prev, node) + dist(node, next) - dist(prev, next) : dist(prev, node);
      if (meters < best.meters) best = { at: k, meters };
      if (k < route.length) prev = route[k]!;
    }
    return best;
  };

  const all = stops.map((_, i) => i + 1);
  const lockedNodes = all.filter((node) => stops[node - 1]!.locked);
  let route: number[] = [];
  let lockedOverrun = false;
  const allFitLowerBound = minutesOf(0, n) <= shiftMinutes + EPS;
  // Every stop, when a local search (fast) orders them within the shift; then the iterated search shortens that.
  const full = allFitLowerBound ? optimise(all, 'local') : [];
  if (allFitLowerBound && minutesOf(lengthOf(full), n) <= shiftMinutes + EPS) route = optimise(full, 'iterated');
  else {
    route = optimise(lockedNodes, 'iterated');
    lockedOverrun = minutesOf(lengthOf(route), route.length) > shiftMinutes + EPS;
    if (!lockedOverrun) {
      const chosen = new Uint8Array(n + 2);
      route.forEach((node) => (chosen[node] = 1));
      let meters = lengthOf(route);
      /** Adds candidates by priority at their cheapest place while they fit; passes again until none is added. */
      const insertPass = (): boolean => {
        let addedAny = false;
        for (let added = true; added; ) {
          added = false;
          for (const node of byPriority) {
            if (chosen[node]) continue;
            const { at, meters: extra } = cheapestInsertion(route, node);
            if (minutesOf(meters + extra, route.length + 1) <= shiftMinutes + EPS) {
              route.splice(at, 0, node);
              chosen[node] = 1;
              meters += extra;
              added = addedAny = true;
            }
          }
        }
        return addedAny;
      };
      /** Re-orders the route (`search`) and inserts again with the time saved, until nothing more fits. */
      const settle = (search: SweepSearch) => {
        for (let round = 0; round < MAX_ROUNDS; round++) {
          const shorter = optimise(route, search);
          if (shorter === route) return; // no shorter order: nothing more fits than already tried
          route = shorter;
          meters = lengthOf(route);
          if (!insertPass()) return;
          search = 'local';
        }
      };
      insertPass();
      settle('local');
      settle('iterated');
    }
  }

  // Times and legs along the route.
  const planned: PlannedStop[] = [];
  let totalMeters = 0;
  let prev = 0;
  route.forEach((node, k) => {
    const legMeters = dist(prev, node);
    totalMeters += legMeters;
    const legStraightLine = matrix.straight(prev, node);
    planned.push({ id: stops[node - 1]!.id, order: k + 1, arriveMinute: totalMeters / speed + k * minutesPerStop, legMeters, legStraightLine });
    prev = node;
  });
  const endLegMeters = endNode >= 0 ? dist(prev, endNode) : 0;
  const straightLine = planned.some((p) => p.legStraightLine) || (endNode >= 0 && matrix.straight(prev, endNode));
  totalMeters += endLegMeters;
  const totalMinutes = minutesOf(totalMeters, route.length);

  // Why each other stop is out.
  const inRoute = new Set(route);
  const lowestChosenRank = route.reduce((low, node) => (stops[node - 1]!.locked ? low : Math.max(low, rank[node]!)), -1);
  const minutesLeft = Math.max(0, shiftMinutes - totalMinutes);
  const leftOut = byPriority
    .filter((node) => !inRoute.has(node))
    .map((node) => {
      const stop = stops[node - 1]!;
      let why: string;
      if (lockedOverrun) {
        const what = route.length > 0 ? 'the locked stops alone take' : 'the way from the start to the end alone takes';
        why = `${what} ${Math.round(totalMinutes)} of the ${shiftMinutes} minutes`;
      }
      else if (lowestChosenRank >= 0 && rank[node]! > lowestChosenRank) why = 'lower priority';
      else {
        const needed = cheapestInsertion(route, node).meters / speed + minutesPerStop;
        why = `it needs ${Math.ceil(needed)} more minutes with the stop, ${Math.floor(minutesLeft)} are left`;
      }
      return { id: stop.id, reason: `not enough shift time: ${why} (${describe(stop, today)})` };
    });

  return {
    stops: planned,
    leftOut,
    endLegMeters,
    totalMeters,
    totalMinutes,
    fitsShift: totalMinutes <= shiftMinutes + EPS,
    straightLine,
    priorityOf,
  };
}

/**
 * The plan for a route in the user's order (after a drag): arrival times, legs and totals recomputed, nothing
 * re-ordered or chosen. `orderIds` are the stops to visit, in order (each once, ids of `input.stops`, else a
 * RangeError); the other stops are left out, with their reason in `previous` when given, else "removed from the
 * route". `fitsShift` says whether the new order still fits.
 */
export function reorderPlan(input: SweepPlanInput, orderIds: readonly string[], previous?: Pick<SweepPlan, 'leftOut'>): SweepPlan {
  checkInput(input);
  const { stops, speedMetersPerMinute: speed, minutesPerStop, shiftMinutes, today } = input;
  const byId = new Map(stops.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const ordered = orderIds.map((id) => {
    const stop = byId.get(id);
    if (!stop) throw new RangeError(`sweep plan: no stop "${id}" to reorder`);
    if (seen.has(id)) throw new RangeError(`sweep plan: stop "${id}" appears twice in the order`);
    seen.add(id);
    return stop;
  });
  const fixedEnd = Array.isArray(input.end) ? input.end : undefined;
  const points: [number, number][] = [input.start, ...ordered.map((s) => s.lngLat), ...(fixedEnd ? [fixedEnd] : [])];
  const matrix = buildMatrix(points, input.distanceMatrix);
  const dist = (a: number, b: number) => matrix.d[a * matrix.size + b]!;
  const planned: PlannedStop[] = [];
  let totalMeters = 0;
  ordered.forEach((stop, k) => {
    const legMeters = dist(k, k + 1);
    totalMeters += legMeters;
    planned.push({ id: stop.id, order: k + 1, arriveMinute: totalMeters / speed + k * minutesPerStop, legMeters, legStraightLine: matrix.straight(k, k + 1) });
  });
  const last = ordered.length;
  const endNode = input.end === 'start' ? 0 : fixedEnd ? last + 1 : -1;
  const endLegMeters = endNode >= 0 ? dist(last, endNode) : 0;
  const straightLine = planned.some((p) => p.legStraightLine) || (endNode >= 0 && matrix.straight(last, endNode));
  totalMeters += endLegMeters;
  const totalMinutes = totalMeters / speed + ordered.length * minutesPerStop;
  const reasons = new Map((previous?.leftOut ?? []).map((l) => [l.id, l.reason]));
  const priorityOf = new Map(stops.map((s) => [s.id, sweepPriority(s, today)]));
  const leftOut = stops
    .filter((s) => !seen.has(s.id))
    .sort((a, b) => priorityOf.get(b.id)! - priorityOf.get(a.id)!)
    .map((s) => ({ id: s.id, reason: reasons.get(s.id) ?? `removed from the route (${describe(s, today)})` }));
  return { stops: planned, leftOut, endLegMeters, totalMeters, totalMinutes, fitsShift: totalMinutes <= shiftMinutes + EPS, straightLine, priorityOf };
}
