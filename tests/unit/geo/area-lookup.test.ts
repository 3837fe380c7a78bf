// Which area contains a point: inside, on the boundary, in a hole, outside, first match wins.
import { describe, expect, it } from 'vitest';
import { createAreaLookup, type NamedArea } from '../../../src/geo/area-lookup';
import { parseLandAreas } from '../../../src/datasets/land-areas';

const square = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];

describe('createAreaLookup', () => {
  const areas: NamedArea<'neighborhood' | 'city'>[] = [
    { name: 'Ring', kind: 'neighborhood', geometry: { type: 'Polygon', coordinates: [square(-71.1, 42.3, -71.0, 42.4), square(-71.06, 42.34, -71.04, 42.36)] } },
    { name: 'Town', kind: 'city', geometry: { type: 'MultiPolygon', coordinates: [[square(-71.2, 42.3, -71.15, 42.35)], [square(-71.06, 42.34, -71.04, 42.36)]] } },
  ];
  const areaAt = createAreaLookup(areas);

  it('finds the polygon containing the point ([lng, lat])', () => {
    expect(areaAt([-71.09, 42.31])?.name).toBe('Ring');
    expect(areaAt([-71.17, 42.32])?.name).toBe('Town');
    // In Ring's hole, covered by Town's second polygon.
    expect(areaAt([-71.05, 42.35])?.name).toBe('Town');
    expect(areaAt([-71.12, 42.38])).toBeNull();
    // Swapped order is nowhere.
    expect(areaAt([42.31, -71.09])).toBeNull();
  });

  it('counts the boundary as inside', () => {
    expect(areaAt([-71.1, 42.35])?.name).toBe('Ring');
  });
});

describe('parseLandAreas', () => {
  it('reads the pipeline format and names the bad part otherwise', () => {
    const good = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Allston', kind: 'neighborhood' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } }] };
    expect(parseLandAreas(good)[0]).toMatchObject({ name: 'Allston', kind: 'neighborhood' });
    const bad = { ...good, features: [{ ...good.features[0], properties: { name: 'Allston', kind: 'county' } }] };
    expect(() => parseLandAreas(bad)).toThrow(/features\.0\.properties\.kind/);
  });
});
