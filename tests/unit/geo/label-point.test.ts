// Tests for label points: inside the polygon (never in a hole), well away from its edges.
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, centroid, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { labelPoint } from '../../../src/geo/label-point';
import { closeRing } from '../../../src/geo/round-positions';

const feature = (rings: Position[][]): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } });
/** The oracle: turf's point-in-polygon, on closed rings (turf needs them closed). */
const inside = (rings: Position[][]) =>
  booleanPointInPolygon(labelPoint(rings), feature(rings.map(closeRing)), { ignoreBoundary: true });

describe('labelPoint', () => {
  it('lands inside a concave polygon whose centroid is outside', () => {
    const u: Position[][] = [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]];
    expect(booleanPointInPolygon(centroid(feature(u)), feature(u))).toBe(false);
    expect(inside(u)).toBe(true);
  });

  it('stays out of a hole in the middle', () => {
    const donut: Position[][] = [
      [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
      [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]],
    ];
    expect(inside(donut)).toBe(true);
  });

  it('works on a ring the source left open', () => {
    expect(inside([[[0, 0], [2, 0], [2, 1], [0, 1]]])).toBe(true);
  });

  it('finds the middle of a rectangle, far from every edge', () => {
    const [lng = 0, lat = 0] = labelPoint([[[-71.1, 42.3], [-71.0, 42.3], [-71.0, 42.32], [-71.1, 42.32], [-71.1, 42.3]]]);
    expect(lat).toBeCloseTo(42.31, 3);
    expect(lng).toBeGreaterThan(-71.09);
    expect(lng).toBeLessThan(-71.01);
  });

  it('gets within 2% of the best clearance in an L, where the centroid falls outside', () => {
    const arm = 0.004;
    const l: Position[][] = [[[0, 0], [0.02, 0], [0.02, arm], [arm, arm], [arm, 0.02], [0, 0.02], [0, 0]]];
    const edge = polygonToLine(feature(l)) as Feature<LineString>;
    const clearance = (p: Position) => pointToLineDistance(p, edge, { units: 'meters' });
    // The widest point is on the diagonal of the corner square, as far from the outer edges as from the inner corner:
    // d = sqrt(2) * (arm - d).
    const d = (Math.SQRT2 * arm) / (1 + Math.SQRT2);
    expect(booleanPointInPolygon(centroid(feature(l)), feature(l))).toBe(false);
    expect(inside(l)).toBe(true);
    expect(clearance(labelPoint(l))).toBeGreaterThan(0.98 * clearance([d, d]));
  });

  it('does not mutate its input', () => {
    const ring: Position[][] = [[[0, 0], [2, 0], [2, 1], [0, 1]]];
    const copy = structuredClone(ring);
    labelPoint(ring);
    expect(ring).toEqual(copy);
  });
});
