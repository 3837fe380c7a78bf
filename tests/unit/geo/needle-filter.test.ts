import { describe, expect, it } from 'vitest';
import { countInBox, filterNeedleIndices, type NeedleColumnsView } from '../../../src/geo/needle-filter';
import { mulberry32, testSeed } from '../seeded-random';

// Seeded oracle inputs: a failure message names the seed; replay it with TEST_SEED=<seed> npx vitest run <this file>.
const SEED = testSeed(20260401);

const table: NeedleColumnsView = {
  count: 5,
  lng: [-71.06, -71.07, -71.08, -71.09, -71.2],
  lat: [42.33, 42.34, 42.35, 42.36, 42.2],
  openedDay: [100, 101, 102, 103, 104],
  status: [0, 1, 2, 1, 0],
};

describe('filterNeedleIndices', () => {
  it('keeps rows inside the inclusive day window with a wanted status', () => {
    expect(Array.from(filterNeedleIndices(table, { fromDay: 101, toDay: 103, statuses: ['open'] }))).toEqual([1, 3]);
    expect(Array.from(filterNeedleIndices(table, { fromDay: 100, toDay: 104, statuses: ['unknown', 'open', 'closed'] }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('matches a brute-force oracle on seeded random tables', () => {
    const statuses = ['unknown', 'open', 'closed'] as const;
    for (let run = 0; run < 20; run++) {
      const seed = SEED + run;
      const random = mulberry32(seed);
      const n = 200;
      const t: NeedleColumnsView = {
        count: n,
        lng: Array.from({ length: n }, () => -71 - random() * 0.2),
        lat: Array.from({ length: n }, () => 42.2 + random() * 0.2),
        openedDay: Array.from({ length: n }, () => Math.floor(random() * 50)),
        status: Array.from({ length: n }, () => Math.floor(random() * 3)),
      };
      const want = statuses.filter(() => random() < 0.6);
      const from = Math.floor(random() * 25);
      const to = from + Math.floor(random() * 25);
      const expected = [];
      for (let i = 0; i < n; i++) {
        const d = t.openedDay[i] as number;
        if (d >= from && d <= to && want.includes(statuses[t.status[i] as number] as (typeof statuses)[number])) expected.push(i);
      }
      expect(Array.from(filterNeedleIndices(t, { fromDay: from, toDay: to, statuses: want })), `seed ${seed}`).toEqual(expected);
    }
  });

  it('keeps rows opened exactly on the first and last day of the window', () => {
    expect(Array.from(filterNeedleIndices(table, { fromDay: 101, toDay: 103, statuses: ['unknown', 'open', 'closed'] }))).toEqual([1, 2, 3]);
    expect(Array.from(filterNeedleIndices(table, { fromDay: 102, toDay: 102, statuses: ['closed'] }))).toEqual([2]);
  });

  it('returns nothing when no status is wanted', () => {
    expect(filterNeedleIndices(table, { fromDay: 0, toDay: 1e6, statuses: [] }).length).toBe(0);
  });
});

describe('countInBox', () => {
  it('counts only the given rows inside the box', () => {
    expect(countInBox(table, [0, 1, 2, 3, 4], [-71.1, 42.3, -71.0, 42.4])).toBe(4);
    expect(countInBox(table, [0, 4], [-71.1, 42.3, -71.0, 42.4])).toBe(1);
  });

  // Box [west, south, east, north] and, for each edge, a point exactly on it (counted) and one just outside it (not).
  const [W, S, E, N] = [-71.1, 42.3, -71.0, 42.4];
  const box = [W, S, E, N] as const;
  const midLng = -71.05;
  const midLat = 42.35;
  const EPS = 1e-9;
  const edges = {
    west: { on: [W, midLat], outside: [W - EPS, midLat] },
    south: { on: [midLng, S], outside: [midLng, S - EPS] },
    east: { on: [E, midLat], outside: [E + EPS, midLat] },
    north: { on: [midLng, N], outside: [midLng, N + EPS] },
  } as const;
  const onePoint = ([lng, lat]: readonly [number, number]): NeedleColumnsView => ({ count: 1, lng: [lng], lat: [lat], openedDay: [0], status: [0] });

  for (const [edge, { on, outside }] of Object.entries(edges)) {
    it(`counts a point exactly on the ${edge} edge and not one just outside it`, () => {
      expect(countInBox(onePoint(on), [0], box)).toBe(1);
      expect(countInBox(onePoint(outside), [0], box)).toBe(0);
    });
  }

  it('counts the four corners', () => {
    const corners: NeedleColumnsView = { count: 4, lng: [W, E, E, W], lat: [S, S, N, N], openedDay: [0, 0, 0, 0], status: [0, 0, 0, 0] };
    expect(countInBox(corners, [0, 1, 2, 3], box)).toBe(4);
  });

  it('does not read longitude as latitude', () => {
    // Inside the box only when read as [lng, lat]; swapped it would be far outside.
    const t: NeedleColumnsView = { count: 1, lng: [-71.05], lat: [42.35], openedDay: [0], status: [0] };
    expect(countInBox(t, [0], box)).toBe(1);
    expect(countInBox(t, [0], [42.3, -71.1, 42.4, -71.0])).toBe(0);
  });

  it('matches a brute-force oracle on seeded random points, many on or next to an edge', () => {
    for (let run = 0; run < 20; run++) {
      const seed = SEED + 1000 + run;
      const random = mulberry32(seed);
      const n = 300;
      // Half the coordinates snap to an edge value or one just beside it, so every edge comparison is exercised.
      const coord = (lo: number, hi: number) => {
        const r = random();
        if (r < 0.5) return lo - 0.05 + random() * (hi - lo + 0.1);
        const pick = [lo, hi, lo - EPS, hi + EPS, lo + EPS, hi - EPS][Math.floor(random() * 6)]!;
        return pick;
      };
      const lng = Array.from({ length: n }, () => coord(W, E));
      const lat = Array.from({ length: n }, () => coord(S, N));
      const t: NeedleColumnsView = { count: n, lng, lat, openedDay: new Array<number>(n).fill(0), status: new Array<number>(n).fill(0) };
      const indices = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.7);
      const expected = indices.filter((i) => lng[i]! >= W && lng[i]! <= E && lat[i]! >= S && lat[i]! <= N).length;
      expect(countInBox(t, indices, box), `seed ${seed}`).toBe(expected);
    }
  });

  it('does not change the table or the indices', () => {
    const indices = Uint32Array.from([0, 1, 2, 3, 4]);
    const before = JSON.stringify(table);
    countInBox(table, indices, box);
    expect(JSON.stringify(table)).toBe(before);
    expect(Array.from(indices)).toEqual([0, 1, 2, 3, 4]);
  });
});
