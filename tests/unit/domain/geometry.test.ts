import { describe, expect, it } from 'vitest';
import { pointSchema, polygonalGeometrySchema } from '../../../src/domain/geometry';

const ring = [
  [-71.07, 42.33],
  [-71.06, 42.33],
  [-71.06, 42.34],
  [-71.07, 42.33],
];

describe('polygonalGeometrySchema', () => {
  it('accepts a Polygon and a MultiPolygon', () => {
    expect(polygonalGeometrySchema.safeParse({ type: 'Polygon', coordinates: [ring] }).success).toBe(true);
    expect(polygonalGeometrySchema.safeParse({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }).success).toBe(true);
  });

  it('rejects other geometry types with one clear message', () => {
    const r = polygonalGeometrySchema.safeParse({ type: 'LineString', coordinates: ring });
    expect(r.success ? null : r.error.issues[0]!.message).toBe('geometry must be a Polygon or MultiPolygon');
  });

  it('rejects a ring of fewer than 4 positions, an empty polygon and an empty multipolygon', () => {
    const r = polygonalGeometrySchema.safeParse({ type: 'Polygon', coordinates: [ring.slice(0, 3)] });
    expect(r.success ? null : r.error.issues[0]!.message).toBe('a polygon ring needs at least 4 positions');
    expect(polygonalGeometrySchema.safeParse({ type: 'Polygon', coordinates: [] }).success).toBe(false);
    expect(polygonalGeometrySchema.safeParse({ type: 'MultiPolygon', coordinates: [] }).success).toBe(false);
    expect(polygonalGeometrySchema.safeParse({ type: 'MultiPolygon', coordinates: [[]] }).success).toBe(false);
  });

  it('rejects positions outside WGS84', () => {
    const badLng = [[...ring.slice(0, 3), [-200, 42.33]]];
    expect(polygonalGeometrySchema.safeParse({ type: 'Polygon', coordinates: badLng }).success).toBe(false);
    const badLat = [[...ring.slice(0, 3), [-71.07, 91]]];
    expect(polygonalGeometrySchema.safeParse({ type: 'Polygon', coordinates: badLat }).success).toBe(false);
  });
});

describe('pointSchema', () => {
  it('accepts [lng, lat] with an optional altitude, and nothing shorter', () => {
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [-71.07, 42.33] }).success).toBe(true);
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [-71.07, 42.33, 5] }).success).toBe(true);
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [-71.07] }).success).toBe(false);
  });
});
