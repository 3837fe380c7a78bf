// Siting engine (maximal covering location): choose k new sites that cover the most demand weight, existing sites fixed.
import FlatQueue from 'flatqueue';
import { assertLngLat, assertRadius, createRadiusIndex } from './coverage';
import { mulberry32 } from './seeded-random';

type Located = { lngLat: [number, number] };

export type SiteChoice = {
  /** Index into `candidates`. */
  index: number;
  /** Demand weight this site newly covers, given the sites before it in `chosen` and the existing sites. */
  gain: number;
  /** Total demand weight covered after adding this site (existing sites included). */
  covered: number;
};

export type SelectSitesResult = {
  /** The chosen candidates, in greedy order over the final set (each step adds the member with the largest gain). */
  chosen: SiteChoice[];
  /** Weight covered by the existing sites alone. */
  existingCovered: number;
  /** Weight of all demand. */
  totalWeight: number;
  /**
   * An upper bound on the covered weight of any allowed choice of k candidates (existing included), from
   * submodularity: covered + the k (minus locked) largest gains any single further candidate would add. The answer is
   * at least covered / upperBound of the optimum.
   */
  upperBound: number;
};

export type SiteSearch = 'greedy' | 'local' | 'restarts';

/** How hard to search, for selectSites and coverageCurve. */
export type SiteSearchOptions = {
  /**
   * 'greedy': lazy greedy only; 'local': then interchange (swap) local search; 'restarts' (default): also perturbed
   * restarts of the local search (iterated local search), deterministic for a given seed.
   */
  search?: SiteSearch;
  /** Perturbed restarts per value of k (default 30). */
  restarts?: number;
  /**
   * Time for restarts in milliseconds (default 1500), shared out over the values of k (time one k leaves unused goes to
   * the next); no restart starts after its share, local searches always finish. Results depend on it only when it runs out.
   */
  timeBudgetMs?: number;
  /** Seed of the restarts' random choices (default 1). */
  seed?: number;
  /** Called after each value of k is solved (k, and the largest k asked for), for a progress line. */
  onProgress?: (k: number, maxK: number) => void;
};

/**
 * Coverage worked out beforehand (along a street network, say), instead of from positions and `distance`:
 * `candidates[c]` lists the demand indices candidate c covers (any order, no repeats needed), `existing[i]` is 1 when
 * demand point i is already covered by an existing site. Lengths must equal the candidate and demand counts.
 */
export type CoverSets = { candidates: readonly ArrayLike<number>[]; existing: ArrayLike<number> };

export type SelectSitesOptions<P> = SiteSearchOptions & {
  /** How many candidates to choose (locked ones included). Fewer are returned when no further candidate adds any weight. */
  k: number;
  /** A demand point is covered when some site is at most this far (`distance`'s unit; boundary included). */
  radiusMeters: number;
  /** distance(demandPoint, site); default great-circle metres (haversine) through a spatial index. Custom: pairwise. */
  distance?: (a: P, b: P) => number;
  /** Candidate indices always chosen (they count towards k). */
  locked?: readonly number[];
  /** Candidate indices never chosen. */
  excluded?: readonly number[];
  /** Precomputed coverage (then `distance` and the positions are not used; `radiusMeters` is only checked). */
  coverSets?: CoverSets;
};

/** The covering problem after preprocessing: demand merged into groups covered by the same candidates. */
type Problem = {
  candidateCount: number;
  /** Weight of each demand group (only groups some candidate covers and no existing site covers). */
  weight: Float64Array;
  /** Groups covered by candidate c: setItems[setStart[c] .. setStart[c + 1]). */
  setStart: Int32Array;
  setItems: Int32Array;
  existingCovered: number;
  totalWeight: number;
  locked: number[];
  /** Candidates that may be chosen and cover some group, not locked. */
  free: number[];
};

function validIndices(list: readonly number[] | undefined, m: number, what: string): number[] {
  const out = [...new Set(list ?? [])];
  for (const i of out) if (!(Number.isInteger(i) && i >= 0 && i < m)) throw new RangeError(`selectSites: ${what} index ${i} is not a candidate index (0..${m - 1})`);
  return out.sort((a, b) => a - b);
}

function checkCoverSets(sets: CoverSets, n: number, m: number): void {
  if (sets.candidates.length !== m) throw new RangeError(`selectSites: coverSets has ${sets.candidates.length} candidate sets for ${m} candidates`);
  if (sets.existing.length !== n) throw new RangeError(`selectSites: coverSets.existing has ${sets.existing.length} flags for ${n} demand points`);
  sets.candidates.forEach((list, ci) => {
    for (let j = 0; j < list.length; j++) {
      const di = list[j]!;
      if (!(Number.isInteger(di) && di >= 0 && di < n)) throw new RangeError(`selectSites: coverSets candidate ${ci} names demand ${di}, not in 0..${n - 1}`);
    }
  });
}

/** Builds the coverage sets once: by spatial index for great-circle distance, pairwise for a custom distance. */
function buildProblem<P extends Located>(
  demand: readonly (P & { weight: number })[],
  candidates: readonly P[],
  existing: readonly P[],
  options: SelectSitesOptions<P>,
): Problem {
  const { radiusMeters, distance, coverSets } = options;
  assertRadius(radiusMeters, 'selectSites');
  if (coverSets) checkCoverSets(coverSets, demand.length, candidates.length);
  const byPosition = !distance && !coverSets;
  const n = demand.length;
  const m = candidates.length;
  const weights = new Float64Array(n);
  let totalWeight = 0;
  demand.forEach((d, i) => {
    if (byPosition) assertLngLat(d.lngLat, `selectSites: demand ${i}`);
    const w = d.weight;
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`selectSites: demand ${i} weight must be finite and ≥ 0, got ${w}`);
    weights[i] = w;
    totalWeight += w;
  });
  if (byPosition) {
    candidates.forEach((c, i) => assertLngLat(c.lngLat, `selectSites: candidate ${i}`));
    existing.forEach((c, i) => assertLngLat(c.lngLat, `selectSites: existing site ${i}`));
  }

  // Demand covered by an existing site counts once, in existingCovered, and never as anyone's gain.
  const coveredByExisting = new Uint8Array(n);
  let existingCovered = 0;
  if (coverSets) {
    for (let i = 0; i < n; i++) if (coverSets.existing[i]) coveredByExisting[i] = 1;
  } else if (!distance) {
    const sites = createRadiusIndex(existing);
    demand.forEach((d, i) => {
      if (sites.anyWithin(d.lngLat[0], d.lngLat[1], radiusMeters)) coveredByExisting[i] = 1;
    });
  } else {
    demand.forEach((d, i) => {
      if (existing.some((s) => distance(d, s) <= radiusMeters)) coveredByExisting[i] = 1;
    });
  }
  for (let i = 0; i < n; i++) if (coveredByExisting[i]) existingCovered += weights[i]!;

  const excluded = new Set(validIndices(options.excluded, m, 'excluded'));
  const locked = validIndices(options.locked, m, 'locked');
  for (const i of locked) if (excluded.has(i)) throw new RangeError(`selectSites: candidate ${i} is both locked and excluded`);

  // Raw sets: per candidate, the uncovered demand points within reach (ascending candidate order per point below).
  const raw: number[][] = Array.from({ length: m }, () => []);
  if (coverSets) {
    coverSets.candidates.forEach((list, ci) => {
      if (excluded.has(ci)) return;
      const set = raw[ci]!;
      for (let j = 0; j < list.length; j++) if (!coveredByExisting[list[j]!]) set.push(list[j]!);
    });
  } else if (!distance) {
    const demandIndex = createRadiusIndex(demand);
    candidates.forEach((c, ci) => {
      if (excluded.has(ci)) return;
      const set = raw[ci]!;
      demandIndex.forEachWithin(c.lngLat[0], c.lngLat[1], radiusMeters, (di) => {
        if (!coveredByExisting[di]) set.push(di);
      });
    });
  } else {
    candidates.forEach((c, ci) => {
      if (excluded.has(ci)) return;
      const set = raw[ci]!;
      demand.forEach((d, di) => {
        if (!coveredByExisting[di] && distance(d, c) <= radiusMeters) set.push(di);
      });
    });
  }

  // Demand points reached by exactly the same candidates are interchangeable: merge them into one weighted group.
  const reachedBy: number[][] = Array.from({ length: n }, () => []);
  raw.forEach((set, ci) => {
    for (const di of set) reachedBy[di]!.push(ci);
  });
  const groupOfKey = new Map<string, number>();
  const groupOfPoint = new Int32Array(n).fill(-1);
  const groupWeights: number[] = [];
  for (let di = 0; di < n; di++) {
    const by = reachedBy[di]!;
    if (by.length === 0) continue;
    const key = by.join(',');
    let g = groupOfKey.get(key);
    if (g === undefined) {
      g = groupWeights.length;
      groupOfKey.set(key, g);
      groupWeights.push(0);
    }
    groupOfPoint[di] = g;
    groupWeights[g]! += weights[di]!;
  }
  const setStart = new Int32Array(m + 1);
  const sets: number[][] = raw.map((set) => [...new Set(set.map((di) => groupOfPoint[di]!))].sort((a, b) => a - b));
  sets.forEach((set, ci) => (setStart[ci + 1] = setStart[ci]! + set.length));
  const setItems = new Int32Array(setStart[m]!);
  sets.forEach((set, ci) => setItems.set(set, setStart[ci]!));

  const lockedSet = new Set(locked);
  const free: number[] = [];
  for (let ci = 0; ci < m; ci++) if (!excluded.has(ci) && !lockedSet.has(ci) && sets[ci]!.length > 0) free.push(ci);
  return { candidateCount: m, weight: Float64Array.from(groupWeights), setStart, setItems, existingCovered, totalWeight, locked, free };
}

/** A set of chosen candidates with, per demand group, how many of them cover it and the sum of their indices. */
class Solution {
  readonly count: Int32Array;
  readonly indexSum: Float64Array;
  readonly members: number[] = [];
  readonly isMember: Uint8Array;
  covered = 0;

  constructor(private readonly p: Problem) {
    this.count = new Int32Array(p.weight.length);
    this.indexSum = new Float64Array(p.weight.length);
    this.isMember = new Uint8Array(p.candidateCount);
  }

  add(c: number): void {
    const { setStart, setItems, weight } = this.p;
    for (let j = setStart[c]!; j < setStart[c + 1]!; j++) {
      const g = setItems[j]!;
      const before = this.count[g]!;
      this.count[g] = before + 1;
      if (before === 0) this.covered += weight[g]!;
      this.indexSum[g]! += c;
    }
    this.members.push(c);
    this.isMember[c] = 1;
  }

  remove(c: number): void {
    const { setStart, setItems, weight } = this.p;
    for (let j = setStart[c]!; j < setStart[c + 1]!; j++) {
      const g = setItems[j]!;
      const after = this.count[g]! - 1;
      this.count[g] = after;
      if (after === 0) this.covered -= weight[g]!;
      this.indexSum[g]! -= c;
    }
    this.members.splice(this.members.indexOf(c), 1);
    this.isMember[c] = 0;
  }

  /** Weight candidate c would newly cover. */
  gain(c: number): number {
    const { setStart, setItems, weight } = this.p;
    let sum = 0;
    for (let j = setStart[c]!; j < setStart[c + 1]!; j++) if (this.count[setItems[j]!] === 0) sum += weight[setItems[j]!]!;
    return sum;
  }

  /** Weight only member c covers (lost if it left). */
  loss(c: number): number {
    const { setStart, setItems, weight } = this.p;
    let sum = 0;
    for (let j = setStart[c]!; j < setStart[c + 1]!; j++) if (this.count[setItems[j]!] === 1) sum += weight[setItems[j]!]!;
    return sum;
  }

  /** Recomputes the covered weight from scratch (guards against drift from many float additions and removals). */
  resum(): void {
    let sum = 0;
    for (let g = 0; g < this.count.length; g++) if (this.count[g]! > 0) sum += this.p.weight[g]!;
    this.covered = sum;
  }
}

/** How many of the best candidates a randomized greedy refill picks from. */
const RCL_SIZE = 3;

/** Greedy with lazy evaluation: gains only shrink as the set grows, so a popped gain that is still ≥ the next is the best. */
function lazyGreedy(p: Problem, s: Solution, k: number): void {
  const queue = new FlatQueue<number>();
  for (const c of p.free) if (!s.isMember[c]) queue.push(c, -s.gain(c));
  while (s.members.length < k && queue.length > 0) {
    const c = queue.pop()!;
    const g = s.gain(c);
    const next = queue.peekValue();
    if (next === undefined || -g <= next) {
      if (g <= 0) break;
      s.add(c);
    } else {
      queue.push(c, -g);
    }
  }
}

/** The free non-member with the largest gain (lowest index on ties), or -1 when none adds weight. */
function bestAddition(p: Problem, s: Solution): number {
  let best = -1;
  let bestGain = 0;
  for (const c of p.free) {
    if (s.isMember[c]) continue;
    const g = s.gain(c);
    if (g > bestGain) {
      bestGain = g;
      best = c;
    }
  }
  return best;
}

/** Scratch arrays for swapSearch, one slot per candidate, allocated once per solve. */
type SwapScratch = { loss: Float64Array; extra: Float64Array; touched: Uint8Array; isLocked: Uint8Array };

function swapScratch(p: Problem): SwapScratch {
  const isLocked = new Uint8Array(p.candidateCount);
  for (const c of p.locked) isLocked[c] = 1;
  const m = p.candidateCount;
  return { loss: new Float64Array(m), extra: new Float64Array(m), touched: new Uint8Array(m), isLocked };
}

/**
 * Interchange local search (best improvement): swap one unlocked member out and one free non-member in while that
 * raises the covered weight by more than `eps`; stops at a local optimum (no single swap improves). Swapping r for c
 * changes the covered weight by gain(c) - loss(r) + extra(c, r), where extra is the weight inside c's set that only
 * r covers. One pass over c's set gives gain(c) and every non-zero extra(c, r); members with no extra are priced
 * by the smallest loss, so a pass over all candidates costs O(sum of set sizes + k).
 */
function swapSearch(p: Problem, s: Solution, eps: number, scratch: SwapScratch): void {
  const { setStart, setItems, weight } = p;
  const { loss, extra, touched, isLocked } = scratch;
  const touchedList: number[] = [];
  for (let pass = 0; pass < 100_000; pass++) {
    let minLoss = Infinity;
    let minOut = -1;
    for (const r of s.members) {
      if (isLocked[r]) continue;
      loss[r] = s.loss(r);
      if (loss[r]! < minLoss) {
        minLoss = loss[r]!;
        minOut = r;
      }
    }
    if (minOut < 0) return;
    let bestDelta = eps;
    let bestIn = -1;
    let bestOut = -1;
    for (const c of p.free) {
      if (s.isMember[c]) continue;
      let gain = 0;
      for (let j = setStart[c]!; j < setStart[c + 1]!; j++) {
        const g = setItems[j]!;
        const cnt = s.count[g]!;
        if (cnt === 0) gain += weight[g]!;
        else if (cnt === 1) {
          const r = s.indexSum[g]!; // the sole member covering g
          if (!touched[r]) {
            touched[r] = 1;
            touchedList.push(r);
          }
          extra[r]! += weight[g]!;
        }
      }
      let delta = gain - minLoss + extra[minOut]!;
      if (delta > bestDelta) {
        bestDelta = delta;
        bestIn = c;
        bestOut = minOut;
      }
      for (const r of touchedList) {
        if (!isLocked[r]) {
          delta = gain - loss[r]! + extra[r]!;
          if (delta > bestDelta) {
            bestDelta = delta;
            bestIn = c;
            bestOut = r;
          }
        }
        extra[r] = 0;
        touched[r] = 0;
      }
      touchedList.length = 0;
    }
    if (bestIn < 0) return;
    s.remove(bestOut);
    s.add(bestIn);
  }
}

/**
 * Refills s up to k members, each step taking one of the RCL_SIZE candidates with the largest gains at random
 * (a randomized greedy), never one of `banned` (the members just removed, so the restart lands somewhere new).
 */
function refillRandomGreedy(p: Problem, s: Solution, k: number, banned: ReadonlySet<number>, rand: () => number): void {
  while (s.members.length < k) {
    const top: { c: number; g: number }[] = [];
    for (const c of p.free) {
      if (s.isMember[c] || banned.has(c)) continue;
      const g = s.gain(c);
      if (g <= 0) continue;
      if (top.length < RCL_SIZE) top.push({ c, g });
      else if (g > top[RCL_SIZE - 1]!.g) top[RCL_SIZE - 1] = { c, g };
      else continue;
      top.sort((a, b) => b.g - a.g);
    }
    if (top.length === 0) return;
    s.add(top[Math.floor(rand() * top.length)]!.c);
  }
}

/** Order a final set greedily from the existing coverage: each step takes the member adding the most (lowest index on ties). */
function greedyOrder(p: Problem, members: readonly number[]): SiteChoice[] {
  const s = new Solution(p);
  const left = [...members].sort((a, b) => a - b);
  const chosen: SiteChoice[] = [];
  let covered = p.existingCovered;
  while (left.length > 0) {
    let bestAt = 0;
    let bestGain = -1;
    left.forEach((c, at) => {
      const g = s.gain(c);
      if (g > bestGain) {
        bestGain = g;
        bestAt = at;
      }
    });
    const [c] = left.splice(bestAt, 1) as [number];
    s.add(c);
    covered += bestGain;
    chosen.push({ index: c, gain: bestGain, covered });
  }
  return chosen;
}

/** covered + the `slots` largest single-candidate gains over s: no allowed set of that many more can do better. */
function upperBound(p: Problem, s: Solution, slots: number): number {
  const gains = p.free.filter((c) => !s.isMember[c]).map((c) => s.gain(c)).sort((a, b) => b - a);
  let bound = p.existingCovered + s.covered;
  for (let i = 0; i < Math.min(slots, gains.length); i++) bound += gains[i]!;
  return Math.min(bound, p.existingCovered + p.weight.reduce((a, b) => a + b, 0));
}

function checkK(k: number, lockedCount: number): void {
  if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`selectSites: k must be a whole number ≥ 0, got ${k}`);
  if (lockedCount > k) throw new RangeError(`selectSites: ${lockedCount} locked candidates but k is ${k}`);
}

/**
 * Solves for every k' from the locked count to k, each starting from the best set for k' - 1 plus its best addition
 * (so the covered weight never falls as k' grows) and from the lazy-greedy set of size k', improved by swaps and
 * perturbed restarts. Returns the best member list for each k' (index k').
 */
function solveChain(p: Problem, k: number, options: SiteSearchOptions): number[][] {
  const search = options.search ?? 'restarts';
  const restarts = options.restarts ?? 30;
  const started = performance.now();
  const budgetMs = options.timeBudgetMs ?? 1500;
  const seed = options.seed ?? 1;
  const eps = 1e-12 * Math.max(1, p.totalWeight);
  const scratch = swapScratch(p);
  const k0 = p.locked.length;
  const byK: number[][] = [];

  const greedy = new Solution(p);
  for (const c of p.locked) greedy.add(c);
  byK[k0] = [...greedy.members];
  lazyGreedy(p, greedy, k);
  if (search === 'greedy') {
    for (let kk = k0 + 1; kk <= k; kk++) byK[kk] = greedy.members.slice(0, kk);
    return byK;
  }

  const fresh = (members: readonly number[]) => {
    const s = new Solution(p);
    for (const c of members) s.add(c);
    return s;
  };
  let best = fresh(byK[k0]!);
  for (let kk = k0 + 1; kk <= k; kk++) {
    const add = bestAddition(p, best);
    if (add < 0) {
      // Everything any candidate can reach is covered: more sites cannot add weight.
      byK[kk] = [...best.members];
      continue;
    }
    best.add(add);
    swapSearch(p, best, eps, scratch);
    const fromGreedy = fresh(greedy.members.slice(0, kk));
    swapSearch(p, fromGreedy, eps, scratch);
    if (fromGreedy.covered > best.covered + eps) best = fromGreedy;

    if (search === 'restarts' && best.members.length > k0 + 1) {
      const rand = mulberry32(seed * 7919 + kk);
      const deadline = started + (budgetMs * (kk - k0)) / (k - k0);
      for (let r = 0; r < restarts && performance.now() < deadline; r++) {
        const trial = fresh(best.members);
        const unlocked = trial.members.filter((c) => !p.locked.includes(c));
        const kicks = 1 + Math.floor(rand() * Math.ceil(unlocked.length / 2));
        const removed = new Set<number>();
        for (let i = 0; i < kicks; i++) {
          const out = unlocked.splice(Math.floor(rand() * unlocked.length), 1)[0]!;
          trial.remove(out);
          removed.add(out);
        }
        refillRandomGreedy(p, trial, kk, removed, rand);
        swapSearch(p, trial, eps, scratch);
        if (trial.covered > best.covered + eps) best = trial;
      }
    }
    best.resum();
    byK[kk] = [...best.members];
    options.onProgress?.(kk, k);
  }
  return byK;
}

function result(p: Problem, members: readonly number[], k: number): SelectSitesResult {
  const s = new Solution(p);
  for (const c of members) s.add(c);
  return {
    chosen: greedyOrder(p, members),
    existingCovered: p.existingCovered,
    totalWeight: p.totalWeight,
    upperBound: upperBound(p, s, k - p.locked.length),
  };
}

/**
 * Proposes up to `k` candidates that maximise the demand weight covered together with the `existing` sites (maximal
 * covering location problem). A demand point is covered when some site is within `radiusMeters` by `distance`
 * (called as distance(demandPoint, site); default great-circle metres). Lazy greedy, then an interchange (swap) local
 * search and seeded perturbed restarts; `chosen` lists the final set in greedy order with each one's marginal gain and
 * the running covered weight (existing included). Locked candidates are always chosen, excluded ones never; fewer than
 * k are returned when no further candidate adds weight. Inputs are not mutated. Throws a RangeError on a bad k,
 * radius, index, weight or position.
 */
export function selectSites<P extends { lngLat: [number, number] }>(
  demand: (P & { weight: number })[],
  candidates: P[],
  existing: P[],
  options: SelectSitesOptions<P>,
): SelectSitesResult {
  const p = buildProblem(demand, candidates, existing, options);
  checkK(options.k, p.locked.length);
  const byK = solveChain(p, options.k, options);
  return result(p, byK[options.k]!, options.k);
}

export type CoverageCurvePoint = SelectSitesResult & { k: number };

/**
 * The coverage curve: the best found set for every k from 1 (or the locked count) to `maxK` (default 20), from one
 * preprocessing and one chain of searches; each entry equals selectSites with that k and the same options. Covered
 * weight never falls as k grows.
 */
export function coverageCurve<P extends { lngLat: [number, number] }>(
  demand: (P & { weight: number })[],
  candidates: P[],
  existing: P[],
  options: Omit<SelectSitesOptions<P>, 'k'> & { maxK?: number },
): CoverageCurvePoint[] {
  const maxK = options.maxK ?? 20;
  const p = buildProblem(demand, candidates, existing, { ...options, k: maxK });
  checkK(maxK, p.locked.length);
  const byK = solveChain(p, maxK, options);
  const curve: CoverageCurvePoint[] = [];
  for (let k = Math.max(1, p.locked.length); k <= maxK; k++) curve.push({ k, ...result(p, byK[k]!, k) });
  return curve;
}

/**
 * The optimum by exhaustive search over every allowed set of min(k, choosable) candidates (depth-first, pruned by
 * the sum of the largest single gains), for tests and benchmarks on small instances. Same contract and result shape
 * as selectSites (upperBound is the optimum). Throws a RangeError when there are more than `maxSubsets` (default 1e8)
 * sets to try.
 */
export function selectSitesExhaustive<P extends { lngLat: [number, number] }>(
  demand: (P & { weight: number })[],
  candidates: P[],
  existing: P[],
  options: Omit<SelectSitesOptions<P>, keyof SiteSearchOptions> & { maxSubsets?: number },
): SelectSitesResult {
  const p = buildProblem(demand, candidates, existing, options);
  checkK(options.k, p.locked.length);
  const slots = Math.min(options.k - p.locked.length, p.free.length);
  let subsets = 1;
  for (let i = 0; i < slots; i++) subsets = (subsets * (p.free.length - i)) / (i + 1);
  if (subsets > (options.maxSubsets ?? 1e8)) throw new RangeError(`selectSitesExhaustive: ${Math.round(subsets)} sets to try`);

  const s = new Solution(p);
  for (const c of p.locked) s.add(c);
  // Candidates by their gain over the locked set, largest first: the next r of them bound what r more can add.
  const order = p.free.map((c) => ({ c, g: s.gain(c) })).sort((a, b) => b.g - a.g || a.c - b.c);
  const prefix = new Float64Array(order.length + 1);
  order.forEach((o, i) => (prefix[i + 1] = prefix[i]! + o.g));
  let bestCovered = s.covered;
  let bestMembers = [...s.members];
  const eps = 1e-12 * Math.max(1, p.totalWeight);

  const visit = (from: number, left: number) => {
    if (left === 0 || from === order.length) {
      if (s.covered > bestCovered + eps) {
        bestCovered = s.covered;
        bestMembers = [...s.members];
      }
      return;
    }
    for (let i = from; i <= order.length - left; i++) {
      if (s.covered + prefix[Math.min(order.length, i + left)]! - prefix[i]! <= bestCovered + eps) return;
      s.add(order[i]!.c);
      visit(i + 1, left - 1);
      s.remove(order[i]!.c);
    }
  };
  visit(0, slots);
  const r = result(p, bestMembers, options.k);
  return { ...r, upperBound: r.chosen.length ? r.chosen[r.chosen.length - 1]!.covered : p.existingCovered };
}
