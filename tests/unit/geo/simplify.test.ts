// Tests for shared-edge-preserving simplification: Douglas-Peucker with pinned vertices, and finding shared vertices.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { positionKey, segmentDistance, sharedPositions, simplifyPositions } from '../../../src/geo/simplify';
import { roundPositions } from '../../../src/geo/round-positions';

/** A deterministic pseudo-random generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('simplifyPositions', () => {
  it('keeps both ends and corners, and drops a vertex on a straight line', () => {
    const line: Position[] = [[0, 0], [0.5, 0.0000001], [1, 0], [1, 1]];
    expect(simplifyPositions(line, 0.00001)).toEqual([[0, 0], [1, 0], [1, 1]]);
  });

  it('keeps the vertices two neighbourhoods share, so simplifying cannot open a sliver between them', () => {
    const edge: Position[] = [[0, 0], [0.5, 0.000001], [1, 0]];
    const west: Position[][][] = [[[[-1, 0], ...edge, [-1, 1], [-1, 0]]]];
    const east: Position[][][] = [[[...edge, [2, 1], [0, 0]]]];
    const shared = sharedPositions([west, east], (p) => roundPositions([p], 5)[0] ?? p);
    expect([...shared].sort()).toEqual(['0,0', '0.5,0', '1,0']);
    const rounded: Position[] = [[0, 0], [0.5, 0], [1, 0]];
    expect(simplifyPositions(rounded, 0.1, (p) => shared.has(`${p[0]},${p[1]}`))).toEqual(rounded);
    expect(simplifyPositions(rounded, 0.1)).toEqual([[0, 0], [1, 0]]);
  });

  it('keeps a closed ring closed', () => {
    const ring: Position[] = [[0, 0], [1, 0], [1, 0.5], [1, 1], [0, 1], [0, 0]];
    const simplified = simplifyPositions(ring, 0.01);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
    expect(simplified).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('scales longitude by cos(latitude): a bump of 0.00002° east is about 1.5 m at Boston, under a 0.00002° tolerance', () => {
    const northSouth: Position[] = [[-71.06, 42.3], [-71.05998, 42.3005], [-71.06, 42.301]];
    expect(simplifyPositions(northSouth, 0.00002)).toEqual([[-71.06, 42.3], [-71.06, 42.301]]);
    expect(simplifyPositions(northSouth, 0.00001)).toHaveLength(3);
  });

  it('drops only vertices within the tolerance of the simplified line (oracle on random lines)', () => {
    const next = random(7);
    for (let trial = 0; trial < 50; trial++) {
      const line: Position[] = Array.from({ length: 30 }, (_, i) => [i * 0.001, (next() - 0.5) * 0.002]);
      const tolerance = 0.0002;
      const simplified = simplifyPositions(line, tolerance);
      const kept = simplified.map((p) => line.indexOf(p));
      expect(kept[0]).toBe(0);
      expect(kept[kept.length - 1]).toBe(line.length - 1);
      for (let k = 1; k < kept.length; k++) {
        const [a = 0, b = 0] = [kept[k - 1], kept[k]];
        const [ax = 0, ay = 0] = line[a] ?? [];
        const [bx = 0, by = 0] = line[b] ?? [];
        for (let i = a + 1; i < b; i++) {
          const [px = 0, py = 0] = line[i] ?? [];
          const kx = Math.cos(((line[0]?.[1] ?? 0) * Math.PI) / 180);
          expect(segmentDistance((px - ax) * kx, py - ay, (bx - ax) * kx, by - ay)).toBeLessThanOrEqual(tolerance);
        }
      }
    }
  });

  it('does not mutate its input', () => {
    const line: Position[] = [[0, 0], [0.5, 0.0000001], [1, 0], [1, 1]];
    const copy = structuredClone(line);
    simplifyPositions(line, 0.00001, () => true);
    simplifyPositions(line, 0.00001);
    expect(line).toEqual(copy);
  });
});

describe('sharedPositions', () => {
  it('finds nothing shared within one area, even a vertex its rings repeat', () => {
    const area: Position[][][] = [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [-1, 0], [-1, -1], [0, 0]]]];
    expect(sharedPositions([area]).size).toBe(0);
  });

  it('uses exact coordinates unless told how to normalize them', () => {
    const a: Position[][][] = [[[[0, 0], [1, 0.000001], [1, 1], [0, 0]]]];
    const b: Position[][][] = [[[[5, 5], [1, 0], [6, 6], [5, 5]]]];
    expect(sharedPositions([a, b]).size).toBe(0);
    expect([...sharedPositions([a, b], (p) => roundPositions([p], 5)[0] ?? p)]).toEqual(['1,0']);
  });

  it('keys positions as "lng,lat"', () => {
    expect(positionKey([-71.06, 42.35])).toBe('-71.06,42.35');
  });
});

describe('segmentDistance', () => {
  it('measures to the nearest point of the segment, including its ends', () => {
    expect(segmentDistance(0.5, 1, 1, 0)).toBe(1);
    expect(segmentDistance(-3, 4, 1, 0)).toBe(5);
    expect(segmentDistance(4, 4, 1, 0)).toBe(5);
    expect(segmentDistance(3, 4, 0, 0)).toBe(5);
  });
});
