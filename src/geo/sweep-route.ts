// The sweep route engine: orders stops to a short route (nearest-neighbour, 2-opt + Or-opt, iterated local search).
import { mulberry32 } from './seeded-random';
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine';

/** A route: `order` holds indices into the stops (each once, starting at stop 0); `length` is the sum of distances along it. */
export type SweepRoute = { order: number[]; length: number };

/** How hard {@link planSweepRoute} works: the construction only, one local search, or iterated local search (the default). */
export type SweepSearch = 'construction' | 'local' | 'iterated';

export type SweepRouteOptions<S> = {
  /**
   * Distance between two stops (metres, or any unit: `length` is in the same unit). Must be finite, non-negative and
   * symmetric: it is asked once per pair (a, b) with a's index below b's, and the route may walk a leg either way.
   * Default: great-circle metres between the `lngLat`s ({@link haversineMeters}). A caller with a street network passes
   * walking distances along it (e.g. from the walking graph), which is what the crew actually walks.
   */
  distance?: (a: S, b: S) => number;
  /** True: the route returns to its first stop (a TSPLIB tour) and `length` includes that closing leg. Default false. */
  closed?: boolean;
  /**
   * Index of the stop the route must end at (the last stop of `order`; in a closed route the one before returning to
   * stop 0). Must not be 0 when there is more than one stop.
   */
  end?: number;
  /**
   * Locked legs: each entry is a chain of stop indices to be visited one right after the other, in the given order
   * (e.g. `[[4, 7, 2]]` after the user dragged 4, 7 and 2 together and locked them). A chain may begin with stop 0
   * (the route starts with it) or end with `end`. Chains must not share a leg's endpoints in conflicting ways (a stop
   * with two successors, a cycle, a chain leaving `end` or entering stop 0 in an open route): that throws a RangeError.
   */
  locked?: readonly (readonly number[])[];
  /**
   * Wall-clock budget in milliseconds of the kicks of the iterated local search, after the distance matrix, the
   * construction and the first local search (which always run: ~0.1 s together for 1,000 stops). Default 100; a
   * 70-stop TSPLIB tour usually stops before it, at `maxKicks`.
   */
  timeBudgetMs?: number;
  /**
   * Kicks of the iterated local search at most (default 1,000 + 10 per stop). When the time budget is not reached
   * first, the same seed gives the same route.
   */
  maxKicks?: number;
  /** Seed of the random source of the kicks (default 1): the same seed, stops and options give the same route. */
  seed?: number;
  /** 'construction' (nearest neighbour), 'local' (+ 2-opt and Or-opt) or 'iterated' (+ kicks; default). */
  search?: SweepSearch;
};

/** Neighbours per node in the candidate lists of 2-opt and Or-opt. */
const NEIGHBOURS = 10;
/** Longest segment Or-opt moves, and longest segment a kick swaps. */
const OR_OPT_MAX = 3;
const KICK_SEGMENT_MAX = 30;


/** The directed legs the route must contain: locked chains, plus end → 0 in a closed route with an end. Validated. */
function fixedLegs(n: number, closed: boolean, end: number | undefined, locked: readonly (readonly number[])[]): { next: Int32Array; prev: Int32Array } {
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const check = (i: number, what: string) => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`sweep route: ${what} ${i} is not a stop index (0 to ${n - 1})`);
  };
  const add = (a: number, b: number) => {
    if (a === b) throw new RangeError(`sweep route: stop ${a} cannot follow itself`);
    if (next[a] === b) return;
    if (next[a] !== -1 || prev[b] !== -1) throw new RangeError(`sweep route: locked legs conflict at ${a} → ${b}`);
    next[a] = b;
    prev[b] = a;
  };
  if (end !== undefined) {
    check(end, 'end');
    if (end === 0 && n > 1) throw new RangeError('sweep route: the end cannot be stop 0 (the start)');
  }
  for (const chain of locked) {
    chain.forEach((i) => check(i, 'locked stop'));
    for (let k = 1; k < chain.length; k++) add(chain[k - 1]!, chain[k]!);
  }
  if (!closed) {
    if (prev[0] !== -1) throw new RangeError(`sweep route: stop 0 starts an open route, it cannot follow stop ${prev[0]}`);
    if (end !== undefined && next[end] !== -1) throw new RangeError(`sweep route: the end ${end} cannot be followed by stop ${next[end]}`);
  } else if (end !== undefined && n > 1) add(end, 0);
  // No cycles, except one through every stop in a closed route.
  for (let s = 0; s < n; s++) {
    let steps = 0;
    for (let i = next[s]!; i !== -1 && steps <= n; i = next[i]!) {
      steps++;
      if (i === s && !(closed && steps === n)) throw new RangeError(`sweep route: locked legs make a cycle through stop ${s}`);
      if (i === s) break;
    }
  }
  return { next, prev };
}

/**
 * Orders `stops` into a short route that starts at stop 0: nearest-neighbour construction (locked legs kept), then
 * 2-opt and Or-opt on neighbour lists with don't-look bits, then iterated local search (random local double-bridge
 * kicks, the best route kept) within `timeBudgetMs` / `maxKicks`. The distance matrix is computed once (n² numbers,
 * n(n-1)/2 calls of `distance`), so it is meant for up to a few thousand stops.
 *
 * Returns `{ order, length }`: `order` holds every index of `stops` once, `order[0] === 0`, and the last is `end` when
 * given; `length` is the sum of `distance` over consecutive stops of `order` (plus the leg back to stop 0 when
 * `closed`), in the unit of `distance` (metres by default). It is never longer than the nearest-neighbour construction.
 */
export function planSweepRoute<S extends { lngLat: [number, number] }>(stops: S[], options: SweepRouteOptions<S> = {}): SweepRoute {
  const n = stops.length;
  const distance = options.distance ?? ((a: S, b: S) => haversineMeters(a.lngLat, b.lngLat));
  const closed = options.closed ?? false;
  const { end } = options;
  if (n === 0) return { order: [], length: 0 };
  const legs = fixedLegs(n, closed, end, options.locked ?? []);
  const routeLength = (order: number[]) => {
    let sum = 0;
    for (let k = 1; k < order.length; k++) sum += distance(stops[order[k - 1]!]!, stops[order[k]!]!);
    if (closed && order.length > 1) sum += distance(stops[order[order.length - 1]!]!, stops[order[0]!]!);
    return sum;
  };
  if (n === 1) return { order: [0], length: 0 };

  // The search works on a closed tour over N nodes. An open route without an end gets a dummy node N-1 placed right
  // before stop 0, 0 away from every stop: the tour's length is then the open route's. Legs that must stay in the
  // route (locked legs, the dummy → 0 leg, end → 0) are "fixed": their matrix entry is -BIG, so that removing one never
  // pays, and kicks never cut them.
  const dummy = !closed && end === undefined;
  const N = dummy ? n + 1 : n;
  const d = new Float64Array(N * N);
  let maxEdge = 0;
  const pairDistance = options.distance ? (i: number, j: number) => distance(stops[i]!, stops[j]!) : greatCircleMatrix(stops);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = pairDistance(i, j);
      if (!Number.isFinite(x) || x < 0) throw new RangeError(`sweep route: distance from stop ${i} to ${j} is ${x}, not a finite distance ≥ 0`);
      d[i * N + j] = x;
      d[j * N + i] = x;
      if (x > maxEdge) maxEdge = x;
    }
  }
  const BIG = 4 * maxEdge + 1;
  const fix = (a: number, b: number) => {
    d[a * N + b] = -BIG;
    d[b * N + a] = -BIG;
  };
  // Fixed legs as directed successors over the N nodes (the open route's last stop before the dummy is free).
  const fixedNext = new Int32Array(N).fill(-1);
  const fixedPrev = new Int32Array(N).fill(-1);
  for (let a = 0; a < n; a++) {
    const b = legs.next[a]!;
    if (b !== -1) {
      fixedNext[a] = b;
      fixedPrev[b] = a;
      fix(a, b);
    }
  }
  if (dummy) {
    fixedNext[n] = 0;
    fixedPrev[0] = n;
    fix(n, 0);
  } else if (!closed && end !== undefined) {
    // An open route with an end is a closed tour whose end → 0 leg is fixed (and not counted).
    fixedNext[end] = 0;
    fixedPrev[0] = end;
    fix(end, 0);
  }
  const isFixed = (a: number, b: number) => d[a * N + b]! < 0;

  const construction = nearestNeighbourTour(N, d, fixedNext, fixedPrev);
  const toOrder = (tour: Int32Array) => orientedOrder(tour, n, fixedNext);
  const constructionOrder = toOrder(construction);
  const constructionLength = routeLength(constructionOrder);
  const search = options.search ?? 'iterated';
  if (search === 'construction' || N < 4) return { order: constructionOrder, length: constructionLength };

  // One directed leg of each chain of fixed legs: when there are two chains or more, the search must not turn one
  // around against the others (distances are symmetric, directions are not).
  const units: number[] = [];
  for (let a = 0; a < N; a++) if (fixedPrev[a] === -1 && fixedNext[a] !== -1) units.push(a, fixedNext[a]!);
  if (units.length === 0 && fixedNext[0] !== -1) units.push(0, fixedNext[0]!); // a closed cycle of fixed legs
  const improved = improveTour(construction, N, d, isFixed, units, {
    iterate: search === 'iterated' && N >= 5,
    timeBudgetMs: options.timeBudgetMs ?? 100,
    maxKicks: options.maxKicks ?? 1000 + 10 * n,
    random: mulberry32(options.seed ?? 1),
  });
  const order = toOrder(improved);
  const length = routeLength(order);
  return length <= constructionLength ? { order, length } : { order: constructionOrder, length: constructionLength };
}

/** Haversine metres between stops i and j with the per-stop sines and cosines computed once (the default distance). */
function greatCircleMatrix(stops: { lngLat: [number, number] }[]): (i: number, j: number) => number {
  const RAD = Math.PI / 180;
  const lat = Float64Array.from(stops, (s) => s.lngLat[1] * RAD);
  const lng = Float64Array.from(stops, (s) => s.lngLat[0] * RAD);
  const cosLat = lat.map(Math.cos);
  return (i, j) => {
    const sinDLat = Math.sin((lat[j]! - lat[i]!) / 2);
    const sinDLng = Math.sin((lng[j]! - lng[i]!) / 2);
    const h = sinDLat * sinDLat + cosLat[i]! * cosLat[j]! * sinDLng * sinDLng;
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  };
}

/**
 * Nearest-neighbour tour from node 0 over units (a chain of fixed legs is walked whole, forward, from its head).
 * Stop 0's own chain is split: its part after 0 is walked first, its part before 0 last.
 */
function nearestNeighbourTour(N: number, d: Float64Array, fixedNext: Int32Array, fixedPrev: Int32Array): Int32Array {
  const tour = new Int32Array(N);
  const visited = new Uint8Array(N);
  let len = 0;
  const visit = (i: number) => {
    visited[i] = 1;
    tour[len++] = i;
  };
  // Stop 0's chain: forward from 0 now; backward from 0 (its head … the one before 0) at the end.
  let head = 0;
  for (let i = fixedPrev[0]!; i !== -1 && i !== 0; i = fixedPrev[i]!) head = i;
  const tail: number[] = [];
  if (head !== 0) for (let i = head; i !== 0; i = fixedNext[i]!) tail.push(i);
  tail.forEach((i) => (visited[i] = 1));
  let cur = 0;
  visit(0);
  for (let i = fixedNext[0]!; i !== -1 && !visited[i]; i = fixedNext[i]!) visit((cur = i));
  // A chain is entered at its head only and walked forward, so that it keeps its direction.
  while (len + tail.length < N) {
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < N; i++) {
      if (visited[i] || fixedPrev[i] !== -1) continue;
      const x = d[cur * N + i]!;
      if (x < bestD) {
        bestD = x;
        best = i;
      }
    }
    for (let i = best; i !== -1; i = fixedNext[i]!) visit((cur = i));
  }
  tail.forEach((i) => (tour[len++] = i));
  return tour;
}

/**
 * The route as stop indices from stop 0: the tour rotated to 0 and turned so that fixed legs run forward (the search
 * keeps all of them in one direction, so one leg decides), with the dummy node dropped.
 */
function orientedOrder(tour: Int32Array, n: number, fixedNext: Int32Array): number[] {
  const N = tour.length;
  const at = tour.indexOf(0);
  const a = fixedNext.findIndex((b) => b !== -1);
  const forward = a === -1 || tour[(tour.indexOf(a) + 1) % N] === fixedNext[a];
  const order: number[] = [];
  for (let k = 0; k < N; k++) {
    const node = tour[(at + (forward ? k : N - k)) % N]!;
    if (node < n) order.push(node);
  }
  return order;
}

type ImproveOptions = { iterate: boolean; timeBudgetMs: number; maxKicks: number; random: () => number };

/** 2-opt + Or-opt local search with don't-look bits, then (if `iterate`) iterated local search; returns the best tour. */
function improveTour(
  start: Int32Array,
  N: number,
  d: Float64Array,
  isFixed: (a: number, b: number) => boolean,
  units: number[],
  opts: ImproveOptions,
): Int32Array {
  const tour = Int32Array.from(start);
  const pos = new Int32Array(N);
  const syncPos = () => {
    for (let k = 0; k < N; k++) pos[tour[k]!] = k;
  };
  syncPos();
  const dist = (a: number, b: number) => d[a * N + b]!;
  const succ = (a: number) => tour[pos[a]! + 1 === N ? 0 : pos[a]! + 1]!;
  const pred = (a: number) => tour[pos[a]! === 0 ? N - 1 : pos[a]! - 1]!;

  // Candidate neighbours: the K nearest of each node (fixed partners and the dummy come first: they are ≤ 0).
  const K = Math.min(NEIGHBOURS, N - 1);
  const neighbours = new Int32Array(N * K);
  for (let a = 0; a < N; a++) {
    // Insertion into the row's sorted K best: O(N·K), no full sort.
    let filled = 0;
    const row = a * K;
    for (let b = 0; b < N; b++) {
      if (b === a) continue;
      const x = dist(a, b);
      if (filled === K && x >= dist(a, neighbours[row + K - 1]!)) continue;
      let k = filled < K ? filled++ : K - 1;
      while (k > 0 && dist(a, neighbours[row + k - 1]!) > x) {
        neighbours[row + k] = neighbours[row + k - 1]!;
        k--;
      }
      neighbours[row + k] = b;
    }
  }
  const eps = 1e-9 * (1 + Math.abs(d.reduce((m, x) => Math.max(m, Math.abs(x)), 0)));

  /** Reverses the tour path from position i forward to position j (inclusive), or the rest of the tour when shorter. */
  const reverse = (i: number, j: number) => {
    let len = ((j - i + N) % N) + 1;
    if (2 * len > N) {
      const ni = (j + 1) % N;
      j = (i - 1 + N) % N;
      i = ni;
      len = N - len;
    }
    for (let k = 0; k < len >> 1; k++) {
      const a = tour[i]!;
      const b = tour[j]!;
      tour[i] = b;
      pos[b] = i;
      tour[j] = a;
      pos[a] = j;
      i = i + 1 === N ? 0 : i + 1;
      j = j === 0 ? N - 1 : j - 1;
    }
  };

  // Don't-look bits as a FIFO queue of active nodes.
  const queue = new Int32Array(N);
  const queued = new Uint8Array(N);
  let qHead = 0;
  let qSize = 0;
  const push = (a: number) => {
    if (queued[a]) return;
    queued[a] = 1;
    queue[(qHead + qSize) % N] = a;
    qSize++;
  };
  const pop = () => {
    const a = queue[qHead]!;
    qHead = (qHead + 1) % N;
    qSize--;
    queued[a] = 0;
    return a;
  };

  /** Whether reversing the tour from position i to j keeps every chain of fixed legs in the same direction. */
  const unitCount = units.length / 2;
  const keepsDirections = (i: number, j: number) => {
    if (unitCount < 2) return true;
    const span = (j - i + N) % N;
    let inside = 0;
    for (let u = 0; u < units.length; u += 2) if ((pos[units[u]!]! - i + N) % N <= span) inside++;
    return inside === 0 || inside === unitCount;
  };

  /** 2-opt from node a: for each direction, the first improving exchange of (a, a's neighbour on the tour). */
  const twoOpt = (a: number): boolean => twoOptFrom(a, true) || twoOptFrom(a, false);
  const twoOptFrom = (a: number, forward: boolean): boolean => {
    {
      const b = forward ? succ(a) : pred(a);
      const dab = dist(a, b);
      for (let k = 0; k < K; k++) {
        const c = neighbours[a * K + k]!;
        const dac = dist(a, c);
        if (dac - dab >= -eps) break;
        const e = forward ? succ(c) : pred(c);
        if (c === b || e === a) continue;
        const delta = dac + dist(b, e) - dab - dist(c, e);
        if (delta < -eps) {
          // Remove (a,b), (c,e); add (a,c), (b,e).
          const i = forward ? pos[b]! : pos[a]!;
          const j = forward ? pos[c]! : pos[e]!;
          if (!keepsDirections(i, j)) continue;
          reverse(i, j);
          push(a);
          push(b);
          push(c);
          push(e);
          return true;
        }
      }
    }
    return false;
  };

  const segment = new Int32Array(OR_OPT_MAX);
  /** Moves the L nodes from position i (forward) between u and its successor v, reversed or not. */
  const moveSegment = (i: number, L: number, u: number, reversed: boolean) => {
    for (let k = 0; k < L; k++) segment[reversed ? L - 1 - k : k] = tour[(i + k) % N]!;
    const j = (i + L - 1) % N;
    const v = succ(u);
    const forwardGap = (pos[u]! - j + N) % N;
    const backwardGap = (i - pos[v]! + N) % N;
    if (forwardGap <= backwardGap) {
      for (let k = 0; k < forwardGap; k++) {
        const node = tour[(j + 1 + k) % N]!;
        const p = (i + k) % N;
        tour[p] = node;
        pos[node] = p;
      }
      for (let k = 0; k < L; k++) {
        const p = (i + forwardGap + k) % N;
        tour[p] = segment[k]!;
        pos[segment[k]!] = p;
      }
    } else {
      const start = pos[v]!;
      for (let k = backwardGap - 1; k >= 0; k--) {
        const node = tour[(start + k) % N]!;
        const p = (start + k + L) % N;
        tour[p] = node;
        pos[node] = p;
      }
      for (let k = 0; k < L; k++) {
        const p = (start + k) % N;
        tour[p] = segment[k]!;
        pos[segment[k]!] = p;
      }
    }
  };

  /** Or-opt from node a: segments of 1–3 nodes starting or ending at a, moved next to a candidate neighbour. */
  const orOpt = (a: number): boolean => {
    for (let L = 1; L <= Math.min(OR_OPT_MAX, N - 3); L++) {
      for (let side = 0; side < (L === 1 ? 1 : 2); side++) {
        // The segment starts at a (side 0) or ends at a (side 1).
        const i = side === 0 ? pos[a]! : (pos[a]! - L + 1 + N) % N;
        const s1 = tour[i]!;
        const s2 = tour[(i + L - 1) % N]!;
        const p = pred(s1);
        const nx = succ(s2);
        const removeGain = dist(p, s1) + dist(s2, nx) - dist(p, nx);
        if (removeGain <= eps) continue;
        // A segment holding a fixed leg may not be turned around when that would go against another chain.
        const mayReverse = unitCount < 2 || L === 1 || !(isFixed(s1, tour[(i + 1) % N]!) || (L === 3 && isFixed(tour[(i + 1) % N]!, s2)));
        for (let t = 0; t < (L === 1 ? 1 : 2); t++) {
          const tip = t === 0 ? s1 : s2;
          const other = t === 0 ? s2 : s1;
          for (let k = 0; k < K; k++) {
            const c = neighbours[tip * K + k]!;
            const dc = dist(tip, c);
            if (dc - removeGain >= -eps) break;
            if ((pos[c]! - i + N) % N < L) continue;
            for (let cf = 0; cf < 2; cf++) {
              const cFirst = cf === 0;
              // The edge (u, v), v = succ(u), that the segment goes into, with `tip` next to c.
              const u = cFirst ? c : pred(c);
              const v = cFirst ? succ(c) : c;
              if ((pos[u]! - i + N) % N < L || (pos[v]! - i + N) % N < L) continue;
              const add = dc + dist(other, cFirst ? v : u) - dist(u, v);
              if (add - removeGain < -eps) {
                // s1 next to u means the segment keeps its direction.
                const reversed = (tip === s1) !== cFirst;
                if (reversed && !mayReverse) continue;
                moveSegment(i, L, u, reversed);
                push(p);
                push(nx);
                push(s1);
                push(s2);
                push(u);
                push(v);
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  };

  // Every applied move shortens the tour, so the search ends; the cap only guards the page against a float cycle.
  const maxMoves = 1000 * N;
  const localSearch = () => {
    for (let moves = 0; qSize > 0 && moves < maxMoves; ) {
      const a = pop();
      if (twoOpt(a) || orOpt(a)) {
        push(a);
        moves++;
      }
    }
    while (qSize > 0) pop();
  };
  const tourCost = () => {
    let sum = dist(tour[N - 1]!, tour[0]!);
    for (let k = 1; k < N; k++) sum += dist(tour[k - 1]!, tour[k]!);
    return sum;
  };

  for (let k = 0; k < N; k++) push(tour[k]!);
  localSearch();
  if (!opts.iterate) return tour;
  const started = performance.now();

  const best = Int32Array.from(tour);
  let bestCost = tourCost();
  const maxSegment = Math.max(1, Math.min(KICK_SEGMENT_MAX, Math.floor(N / 3)));
  const swapped = new Int32Array(2 * maxSegment);
  for (let kick = 0; kick < opts.maxKicks; kick++) {
    if ((kick & 15) === 0 && performance.now() - started > opts.timeBudgetMs) break;
    // Local double bridge: swap two adjacent random segments A, B after position x (x A B y → x B A y), no fixed leg cut.
    let done = false;
    for (let attempt = 0; attempt < 10 && !done; attempt++) {
      const x = Math.floor(opts.random() * N);
      const la = 1 + Math.floor(opts.random() * maxSegment);
      const lb = 1 + Math.floor(opts.random() * maxSegment);
      const a0 = (x + 1) % N;
      const b0 = (x + 1 + la) % N;
      const y = (x + 1 + la + lb) % N;
      const nodeX = tour[x]!;
      const nodeA0 = tour[a0]!;
      const nodeAEnd = tour[(b0 - 1 + N) % N]!;
      const nodeB0 = tour[b0]!;
      const nodeBEnd = tour[(y - 1 + N) % N]!;
      const nodeY = tour[y]!;
      if (isFixed(nodeX, nodeA0) || isFixed(nodeAEnd, nodeB0) || isFixed(nodeBEnd, nodeY)) continue;
      for (let k = 0; k < lb; k++) swapped[k] = tour[(b0 + k) % N]!;
      for (let k = 0; k < la; k++) swapped[lb + k] = tour[(a0 + k) % N]!;
      for (let k = 0; k < la + lb; k++) {
        const p = (a0 + k) % N;
        tour[p] = swapped[k]!;
        pos[swapped[k]!] = p;
      }
      push(nodeX);
      push(nodeA0);
      push(nodeAEnd);
      push(nodeB0);
      push(nodeBEnd);
      push(nodeY);
      done = true;
    }
    if (!done) break;
    localSearch();
    const cost = tourCost();
    if (cost <= bestCost + eps) {
      // Better or equal: keep it (equal moves let the search drift across plateaus).
      bestCost = Math.min(cost, bestCost);
      best.set(tour);
    } else {
      tour.set(best);
      syncPos();
    }
  }
  return best;
}
