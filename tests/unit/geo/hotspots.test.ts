// Tests for the hotspot grid: one cell per point, cells of the stated size, ranking and change, and choropleth breaks.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CENTER } from '../../../src/config/city';
import type { LngLat } from '../../../src/domain/geometry';
import { haversineMeters } from '../../../src/geo/haversine';
import {
  MAX_CELL_METERS,
  MIN_CELL_METERS,
  cellBounds,
  cellIdAt,
  cellPolygon,
  choroplethBreaks,
  choroplethClass,
  hotspotCells,
} from '../../../src/geo/hotspots';
import { mulberry32, testSeed } from '../seeded-random';

const SEED = testSeed(2024);
const SIZES = [MIN_CELL_METERS, 75, 100, 250, 333, 500, MAX_CELL_METERS];

/** Random points over Boston (-71.19..-70.92, 42.22..42.40), some snapped to a 1e-4 degree lattice to hit cell edges. */
function randomPoints(seed: number, n: number) {
  const rand = mulberry32(seed);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lng[i] = -71.19 + rand() * 0.27;
    lat[i] = 42.22 + rand() * 0.18;
    if (rand() < 0.3) {
      lng[i] = Math.round(lng[i]! * 1e4) / 1e4;
      lat[i] = Math.round(lat[i]! * 1e4) / 1e4;
    }
  }
  return { lng, lat };
}

const inside = ([lng, lat]: LngLat, [w, s, e, n]: readonly number[]) => lng >= w! && lng < e! && lat >= s! && lat < n!;
const neighbours = (id: string) => {
  const [ix, iy] = id.split(':').map(Number) as [number, number];
  return [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => `${ix + dx}:${iy + dy}`));
};

describe('the grid', () => {
  it('puts every point in exactly one cell, inside that cell\'s bounds', () => {
    const { lng, lat } = randomPoints(SEED, 3000);
    for (const size of SIZES) {
      for (let i = 0; i < lng.length; i++) {
        const p: LngLat = [lng[i]!, lat[i]!];
        const id = cellIdAt(p, size);
        const holding = neighbours(id).filter((c) => inside(p, cellBounds(c, size)));
        expect(holding, `seed ${SEED}, ${size} m, point ${p.join(',')}`).toEqual([id]);
      }
    }
  });

  it('gives a cell\'s own south-west corner to that cell, and its north and east edges to the next', () => {
    for (const size of SIZES) {
      for (const id of ['-2345:9876', '0:0', '-2900:9400']) {
        const [w, s, e, n] = cellBounds(id, size);
        const [ix, iy] = id.split(':').map(Number) as [number, number];
        expect(cellIdAt([w, s], size)).toBe(id);
        expect(cellIdAt([e, s], size)).toBe(`${ix + 1}:${iy}`);
        expect(cellIdAt([w, n], size)).toBe(`${ix}:${iy + 1}`);
      }
    }
  });

  it('makes cells of the stated size in metres, east-west and north-south, around Boston', () => {
    for (const size of SIZES) {
      const [w, s, e, n] = cellBounds(cellIdAt(DEFAULT_CENTER, size), size);
      expect(haversineMeters([w, s], [e, s]) / size).toBeCloseTo(1, 2);
      expect(haversineMeters([w, s], [w, n]) / size).toBeCloseTo(1, 2);
    }
  });

  it('places Boston\'s centre in the cell whose bounds hold it (lng, lat order)', () => {
    const [w, s, e, n] = cellBounds(cellIdAt(DEFAULT_CENTER, 100), 100);
    expect([w < -71.07, e > -71.08, s < 42.34, n > 42.33]).toEqual([true, true, true, true]);
    // Two points 60 m apart along a street running north: the same 100 m column, never the same row of a 50 m grid.
    const a: LngLat = [-71.06, 42.35];
    const b: LngLat = [-71.06, 42.35 + 60 / 111_195];
    expect(cellIdAt(a, 50).split(':')[0]).toBe(cellIdAt(b, 50).split(':')[0]);
    expect(cellIdAt(a, 50).split(':')[1]).not.toBe(cellIdAt(b, 50).split(':')[1]);
  });

  it('draws a cell as its bounds, a closed counter-clockwise square', () => {
    const [w, s, e, n] = cellBounds('-2900:9400', 250);
    const ring = cellPolygon('-2900:9400', 250).coordinates[0]!;
    expect(ring).toEqual([[w, s], [e, s], [e, n], [w, n], [w, s]]);
    let twiceArea = 0;
    for (let k = 0; k + 1 < ring.length; k++) twiceArea += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('refuses cell sizes out of 50..1000 m and malformed ids', () => {
    for (const bad of [49, 1001, NaN, 0, -100]) expect(() => cellIdAt(DEFAULT_CENTER, bad)).toThrow(RangeError);
    for (const bad of ['', '1:', '1:2:3', 'a:b', '1.5:2']) expect(() => cellPolygon(bad, 100)).toThrow(RangeError);
  });
});

describe('hotspotCells', () => {
  /** Oracle: group by cellIdAt with a string map, then sort by the documented ranking. */
  function naive(cols: { lng: Float64Array; lat: Float64Array }, now: number[], before: number[], size: number) {
    const group = (rows: number[]) => {
      const m = new Map<string, number>();
      for (const i of rows) {
        const id = cellIdAt([cols.lng[i]!, cols.lat[i]!], size);
        m.set(id, (m.get(id) ?? 0) + 1);
      }
      return m;
    };
    const a = group(now);
    const b = group(before);
    return [...a].map(([cellId, count]) => ({ cellId, count, previousCount: b.get(cellId) ?? 0 }));
  }

  it('counts every point of the window once, and the previous window per cell, as a naive grouping does', () => {
    const cols = randomPoints(SEED + 1, 4000);
    const rand = mulberry32(SEED + 2);
    const now: number[] = [];
    const before: number[] = [];
    for (let i = 0; i < 4000; i++) (rand() < 0.5 ? now : before).push(i);
    for (const size of SIZES) {
      const cells = hotspotCells(cols, Uint32Array.from(now), Uint32Array.from(before), size, Infinity);
      expect(cells.reduce((t, c) => t + c.count, 0)).toBe(now.length);
      const byId = (x: { cellId: string }, y: { cellId: string }) => (x.cellId < y.cellId ? -1 : 1);
      expect(
        cells.map(({ cellId, count, previousCount }) => ({ cellId, count, previousCount })).sort(byId),
        `seed ${SEED}, ${size} m`,
      ).toEqual(naive(cols, now, before, size).sort(byId));
      for (const c of cells) {
        expect(inside(c.center, c.bounds)).toBe(true);
        expect(c.bounds).toEqual(cellBounds(c.cellId, size));
        expect(c.change).toBe(c.count - c.previousCount);
      }
    }
  });

  it('ranks by count, then by the largest rise, and keeps the top N', () => {
    const size = 100;
    const [w, s] = cellBounds('-820:4700', size);
    const inCell = (dx: number): LngLat => [w + (dx + 0.5) * (size / 82_000), s + 0.0001];
    // Cells about 1000 m apart, west to east: counts now 3, 3, 5, 1; before 2, 0, 10, 1 (the tie is not west-first).
    const plan: [cell: number, now: number, before: number][] = [
      [0, 3, 2],
      [10, 3, 0],
      [20, 5, 10],
      [30, 1, 1],
    ];
    const lng: number[] = [];
    const lat: number[] = [];
    const now: number[] = [];
    const before: number[] = [];
    for (const [dx, a, b] of plan) {
      for (let k = 0; k < a + b; k++) {
        const [x, y] = inCell(dx);
        (k < a ? now : before).push(lng.length);
        lng.push(x);
        lat.push(y);
      }
    }
    const cells = hotspotCells({ lng: Float64Array.from(lng), lat: Float64Array.from(lat) }, Uint32Array.from(now), Uint32Array.from(before), size);
    expect(cells.map((c) => [c.count, c.previousCount, c.change, c.changePct])).toEqual([
      [5, 10, -5, -50],
      [3, 0, 3, null],
      [3, 2, 1, 50],
      [1, 1, 0, 0],
    ]);
    expect(hotspotCells({ lng, lat }, now, before, size, 2).map((c) => c.count)).toEqual([5, 3]);
    expect(hotspotCells({ lng, lat }, now, before, size, 0)).toEqual([]);
  });

  it('leaves out cells with requests only in the previous window, and skips rows without coordinates', () => {
    const cols = { lng: [-71.06, -71.0, NaN], lat: [42.35, 42.3, 42.3] };
    const cells = hotspotCells(cols, [0, 2], [1], 200);
    expect(cells.map((c) => [c.cellId, c.count])).toEqual([[cellIdAt([-71.06, 42.35], 200), 1]]);
  });

  it('never mutates its inputs', () => {
    const cols = randomPoints(SEED, 200);
    const idx = Uint32Array.from({ length: 100 }, (_, i) => i * 2);
    const snapshot = JSON.stringify([Array.from(cols.lng), Array.from(cols.lat), Array.from(idx)]);
    hotspotCells(cols, idx, idx, 100);
    expect(JSON.stringify([Array.from(cols.lng), Array.from(cols.lat), Array.from(idx)])).toBe(snapshot);
  });
});

describe('choroplethBreaks', () => {
  it('splits distinct counts into classes of equal size (quantiles)', () => {
    const counts = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    const breaks = choroplethBreaks(counts, 5);
    expect(breaks).toEqual([3, 5, 7, 9]);
    expect(counts.map((c) => choroplethClass(c, breaks)).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('merges classes on ties and gives none for no counts or equal counts', () => {
    expect(choroplethBreaks([0, 0, 0, 0, 0, 0, 5, 9], 4)).toEqual([5]);
    expect(choroplethBreaks([], 5)).toEqual([]);
    expect(choroplethBreaks([4, 4, 4], 5)).toEqual([]);
    expect(choroplethBreaks([1, 2, 3], 1)).toEqual([]);
    expect(() => choroplethBreaks([1], 0)).toThrow(RangeError);
  });

  it('gives increasing breaks inside the range, and balanced classes for distinct values, on random counts', () => {
    const rand = mulberry32(SEED + 3);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rand() * 40);
      const classes = 1 + Math.floor(rand() * 8);
      const distinct = t % 2 === 0;
      const counts = Array.from({ length: n }, (_, i) => (distinct ? i * 3 + Math.floor(rand() * 3) : Math.floor(rand() * rand() * 50)));
      const breaks = choroplethBreaks(counts, classes);
      const msg = `seed ${SEED}, counts ${counts.join(',')}, ${classes} classes`;
      expect(breaks.length, msg).toBeLessThanOrEqual(classes - 1);
      breaks.forEach((b, k) => {
        expect(b, msg).toBeGreaterThan(k === 0 ? Math.min(...counts) : breaks[k - 1]!);
        expect(b, msg).toBeLessThanOrEqual(Math.max(...counts));
      });
      if (distinct && n >= classes) {
        const sizes = new Array(classes).fill(0);
        for (const c of counts) sizes[choroplethClass(c, breaks)]++;
        expect(Math.max(...sizes) - Math.min(...sizes), msg).toBeLessThanOrEqual(1);
      }
    }
  });

  it('does not reorder the counts it is given', () => {
    const counts = [5, 1, 3];
    choroplethBreaks(counts);
    expect(counts).toEqual([5, 1, 3]);
  });
});
