// planSweepRoute: route invariants on seeded random stops, a brute-force optimum on small n, and a TSPLIB-like fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { euc2dDistance, parseTsplib } from '../../../src/datasets/parse-tsplib';
import { haversineMeters } from '../../../src/geo/haversine';
import { planSweepRoute, type SweepRouteOptions } from '../../../src/geo/sweep-route';
import { mulberry32 as seededRandom, testSeed } from '../seeded-random';

type Stop = { id: number; lngLat: [number, number] };

/** Boston's street extent. */
const BOX = { west: -71.18, south: 42.23, east: -70.96, north: 42.4 };

function randomStops(n: number, rand: () => number): Stop[] {
  return Array.from({ length: n }, (_, id) => ({
    id,
    lngLat: [BOX.west + rand() * (BOX.east - BOX.west), BOX.south + rand() * (BOX.north - BOX.south)] as [number, number],
  }));
}

const metres = (a: Stop, b: Stop) => haversineMeters(a.lngLat, b.lngLat);

/** The length of `order` recomputed leg by leg (plus the closing leg when closed). */
function lengthOf(stops: Stop[], order: number[], closed: boolean, distance = metres): number {
  let sum = 0;
  for (let k = 1; k < order.length; k++) sum += distance(stops[order[k - 1]!]!, stops[order[k]!]!);
  if (closed && order.length > 1) sum += distance(stops[order[order.length - 1]!]!, stops[order[0]!]!);
  return sum;
}

/** Every order of the stops allowed by the options (start 0, end, locked chains), by permutations: the oracle. */
function bruteForceOptimum(stops: Stop[], options: SweepRouteOptions<Stop>, distance = metres): number {
  const n = stops.length;
  const closed = options.closed ?? false;
  let best = Infinity;
  const order = [0];
  const used = new Array<boolean>(n).fill(false);
  used[0] = true;
  const allowed = (o: number[]) =>
    (options.end === undefined || o[o.length - 1] === options.end) &&
    (options.locked ?? []).every((chain) =>
      chain.every((s, k) => {
        if (k === 0) return true;
        const at = o.indexOf(chain[k - 1]!);
        return at + 1 < o.length ? o[at + 1] === s : closed && o[0] === s;
      }),
    );
  const extend = () => {
    if (order.length === n) {
      if (allowed(order)) best = Math.min(best, lengthOf(stops, order, closed, distance));
      return;
    }
    for (let i = 1; i < n; i++) {
      if (used[i]) continue;
      used[i] = true;
      order.push(i);
      extend();
      order.pop();
      used[i] = false;
    }
  };
  extend();
  return best;
}

/** Checks every invariant of a route; returns it for further checks. */
function expectValidRoute(stops: Stop[], options: SweepRouteOptions<Stop>, context: string) {
  const route = planSweepRoute(stops, options);
  const { order, length } = route;
  const closed = options.closed ?? false;
  expect([...order].sort((a, b) => a - b), `${context}: every stop exactly once`).toEqual(stops.map((_, i) => i));
  if (stops.length) expect(order[0], `${context}: starts at stop 0`).toBe(0);
  if (options.end !== undefined) expect(order[order.length - 1], `${context}: ends at the end`).toBe(options.end);
  for (const chain of options.locked ?? []) {
    const at = order.indexOf(chain[0]!);
    const walked = chain.map((_, k) => order[(at + k) % order.length]);
    expect(walked, `${context}: locked chain ${chain.join('→')} kept in order in ${order.join(',')}`).toEqual([...chain]);
    if (!closed) expect(at + chain.length <= order.length, `${context}: an open route does not wrap a chain`).toBe(true);
  }
  const distance = options.distance ?? metres;
  expect(length, `${context}: length is the sum of the legs`).toBeCloseTo(lengthOf(stops, order, closed, distance), 6);
  return route;
}

/** Random options: closed or not, maybe an end, maybe one or two locked chains (valid for the options). */
function randomOptions(n: number, rand: () => number, seed: number): SweepRouteOptions<Stop> {
  const closed = rand() < 0.5;
  // A kick count rather than a time budget: the same test seed gives the same routes on a slow or busy machine.
  const options: SweepRouteOptions<Stop> = { closed, seed, maxKicks: 300, timeBudgetMs: 60_000 };
  const free = Array.from({ length: n - 1 }, (_, i) => i + 1).sort(() => rand() - 0.5);
  if (n > 2 && rand() < 0.5) options.end = free.pop()!;
  if (n > 4 && rand() < 0.6) {
    const locked: number[][] = [];
    const chains = 1 + Math.floor(rand() * 2);
    for (let c = 0; c < chains && free.length >= 3; c++) locked.push(free.splice(0, 2 + Math.floor(rand() * 2)));
    // Sometimes a chain runs into the end, or out of stop 0.
    if (options.end !== undefined && rand() < 0.3 && locked[0]) locked[0].push(options.end);
    else if (rand() < 0.3 && locked[0]) locked[0].unshift(0);
    options.locked = locked;
  }
  return options;
}

describe('planSweepRoute', () => {
  it('handles 0 to 3 stops, open and closed, with an end', () => {
    const stops = randomStops(3, seededRandom(1));
    expect(planSweepRoute([])).toEqual({ order: [], length: 0 });
    expect(planSweepRoute(stops.slice(0, 1), { closed: true })).toEqual({ order: [0], length: 0 });
    const two = planSweepRoute(stops.slice(0, 2));
    expect(two.order).toEqual([0, 1]);
    expect(two.length).toBeCloseTo(metres(stops[0]!, stops[1]!), 6);
    expect(planSweepRoute(stops.slice(0, 2), { closed: true }).length).toBeCloseTo(2 * metres(stops[0]!, stops[1]!), 6);
    for (const closed of [false, true]) {
      for (const end of [undefined, 1, 2]) {
        const route = expectValidRoute(stops, { closed, end }, `3 stops closed=${closed} end=${end}`);
        expect(route.length).toBeCloseTo(bruteForceOptimum(stops, { closed, end }), 6);
      }
    }
  });

  it('keeps every invariant on random stops and options (never longer than the construction)', () => {
    const seed = testSeed(20260);
    const rand = seededRandom(seed);
    for (let trial = 0; trial < 60; trial++) {
      const n = 4 + Math.floor(rand() * 60);
      const stops = randomStops(n, rand);
      const options = randomOptions(n, rand, trial);
      const context = `seed ${seed} trial ${trial} n=${n} ${JSON.stringify(options)}`;
      const route = expectValidRoute(stops, options, context);
      const construction = expectValidRoute(stops, { ...options, search: 'construction' }, `${context} construction`);
      const local = expectValidRoute(stops, { ...options, search: 'local' }, `${context} local`);
      expect(route.length, `${context}: not longer than the construction`).toBeLessThanOrEqual(construction.length + 1e-6);
      expect(local.length, `${context}: local search not longer than the construction`).toBeLessThanOrEqual(construction.length + 1e-6);
    }
  });

  it('finds the brute-force optimum on small n (≤ 8), with and without end and locked legs', () => {
    const seed = testSeed(808);
    const rand = seededRandom(seed);
    for (let trial = 0; trial < 80; trial++) {
      const n = 4 + Math.floor(rand() * 5);
      const stops = randomStops(n, rand);
      const options = randomOptions(n, rand, trial);
      const context = `seed ${seed} trial ${trial} n=${n} ${JSON.stringify(options)}`;
      const route = expectValidRoute(stops, options, context);
      expect(route.length, `${context}: optimum`).toBeCloseTo(bruteForceOptimum(stops, options), 6);
    }
  });

  it('uses the given distance (a walking distance, here a 2-D grid walk), and the same seed gives the same route', () => {
    const rand = seededRandom(testSeed(31));
    const stops = randomStops(40, rand);
    const manhattan = (a: Stop, b: Stop) => Math.abs(a.lngLat[0] - b.lngLat[0]) * 82_000 + Math.abs(a.lngLat[1] - b.lngLat[1]) * 111_000;
    const options = { distance: manhattan, closed: true, seed: 9, timeBudgetMs: 10_000 };
    const route = expectValidRoute(stops, options, 'manhattan');
    expect(planSweepRoute(stops, options)).toEqual(route);
    const small = stops.slice(0, 8);
    expect(expectValidRoute(small, options, 'manhattan small').length).toBeCloseTo(bruteForceOptimum(small, options, manhattan), 6);
  });

  it('finds the optimal tour of a TSPLIB-like fixture (5 × 4 grid, EUC_2D, optimum 200)', () => {
    const instance = parseTsplib(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'tsplib', 'grid20.tsp'), 'utf8'));
    const route = planSweepRoute(instance.cities, { distance: euc2dDistance, closed: true });
    expect(route.length).toBe(200);
    expect(new Set(route.order).size).toBe(20);
    // Open, from city 1 to the city at the far corner of the grid from it.
    const open = planSweepRoute(instance.cities, { distance: euc2dDistance });
    expect(open.length).toBe(190);
  });

  it('rejects an end at the start, an index out of range and conflicting locked legs', () => {
    const stops = randomStops(6, seededRandom(2));
    expect(() => planSweepRoute(stops, { end: 0 })).toThrow(RangeError);
    expect(() => planSweepRoute(stops, { end: 6 })).toThrow(RangeError);
    expect(() => planSweepRoute(stops, { locked: [[1, 2], [1, 3]] })).toThrow(RangeError);
    expect(() => planSweepRoute(stops, { locked: [[1, 2, 3, 1]] })).toThrow(RangeError);
    expect(() => planSweepRoute(stops, { locked: [[2, 0]] })).toThrow(RangeError);
    expect(() => planSweepRoute(stops, { end: 3, locked: [[3, 4]] })).toThrow(RangeError);
    expect(() => planSweepRoute(stops, { distance: () => NaN })).toThrow(RangeError);
  });
});
