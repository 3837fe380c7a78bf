import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { coLocated } from '../../../src/geo/co-located';

const pt = (id: string, lng: number, lat: number): Feature<Point, { id: string }> => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Point', coordinates: [lng, lat] },
});

describe('coLocated', () => {
  const a = pt('a', -71.0725, 42.3345);
  const b = pt('b', -71.0725, 42.3345);
  const c = pt('c', -71.0726, 42.3345); // about 8 m west
  const far = pt('far', -71.06, 42.33);

  it('returns the other features within the distance, nearest first, never the target', () => {
    expect(coLocated([far, c, a, b], a, 20).map((f) => f.properties.id)).toEqual(['b', 'c']);
  });

  it('returns nothing when the target stands alone', () => {
    expect(coLocated([a, far], a, 20)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const list = [far, c, a, b];
    const copy = structuredClone(list);
    coLocated(list, a, 20);
    expect(list).toEqual(copy);
  });
});
