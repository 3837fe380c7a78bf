import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, distance, polygon } from '@turf/turf';
import { hexBinCounts } from '../../../src/geo/hex-bins';
import { mulberry32 as rng } from '../seeded-random';

function randomPoints(seed: number, n: number) {
  const r = rng(seed);
  const lng = Array.from({ length: n }, () => -71.19 + r() * 0.27);
  const lat = Array.from({ length: n }, () => 42.23 + r() * 0.17);
  return { lng, lat };
}

describe('hexBinCounts', () => {
  it('puts every point in exactly one cell, inside its hexagon and within a radius of its centre (seed 7)', () => {
    const pts = randomPoints(7, 400);
    const indices = Array.from({ length: 400 }, (_, i) => i);
    const cells = hexBinCounts(pts, indices, 250, 42.33);
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(400);
    expect(new Set(cells.map((c) => c.id)).size).toBe(cells.length);
    const hexes = cells.map((c) => ({ cell: c, poly: polygon([c.ring]) }));
    for (let i = 0; i < 400; i++) {
      const p: [number, number] = [pts.lng[i] as number, pts.lat[i] as number];
      const inside = hexes.filter((h) => booleanPointInPolygon(p, h.poly));
      // A point exactly on a shared edge may touch two hexagons; random points never do.
      expect(inside).toHaveLength(1);
      expect(distance(p, inside[0]!.cell.center, { units: 'meters' })).toBeLessThanOrEqual(251);
    }
    // Each cell's count is the number of points inside its hexagon (the oracle).
    for (const h of hexes) {
      let n = 0;
      for (let i = 0; i < 400; i++) if (booleanPointInPolygon([pts.lng[i] as number, pts.lat[i] as number], h.poly)) n++;
      expect(h.cell.count).toBe(n);
    }
  });

  it('makes hexagons of the asked size on the ground: corner to centre is the radius in metres', () => {
    const [cell] = hexBinCounts({ lng: [-71.06], lat: [42.35] }, [0], 150, 42.35);
    for (const corner of cell!.ring.slice(0, 6)) expect(distance(corner, cell!.center, { units: 'meters' })).toBeCloseTo(150, -0.5);
    expect(cell!.ring).toHaveLength(7);
    expect(cell!.ring[6]).toEqual(cell!.ring[0]);
  });

  it('bins only the given indices and keeps longitude first', () => {
    const pts = { lng: [-71.06, -71.1, -71.0601], lat: [42.35, 42.3, 42.3501] };
    const cells = hexBinCounts(pts, [0, 2], 250, 42.33);
    expect(cells).toHaveLength(1);
    expect(cells[0]!.count).toBe(2);
    expect(cells[0]!.center[0]).toBeCloseTo(-71.06, 2);
    expect(cells[0]!.center[1]).toBeCloseTo(42.35, 2);
  });

  it('never mutates its input', () => {
    const pts = Object.freeze({ lng: Object.freeze([-71.06]), lat: Object.freeze([42.35]) });
    const indices = Object.freeze([0]);
    expect(() => hexBinCounts(pts, indices, 250, 42.33)).not.toThrow();
  });
});
