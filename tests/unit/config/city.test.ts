import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITY_BBOX, DEFAULT_311_LOCATIONS, DEFAULT_CENTER, MAX_BOUNDS, SERVICE_AREA_BBOX } from '../../../src/config/city';

const inside = ([lng, lat]: readonly [number, number], [w, s, e, n]: readonly number[]) => lng >= w! && lng <= e! && lat >= s! && lat <= n!;

describe('config/city', () => {
  it('imports nothing, so domain/ can import config/ without a cycle', () => {
    const source = readFileSync(new URL('../../../src/config/city.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\bfrom\s+['"]/);
  });

  it('puts the City of Boston, its centre and the 311 default locations inside the service area', () => {
    expect(inside([CITY_BBOX[0], CITY_BBOX[1]], SERVICE_AREA_BBOX)).toBe(true);
    expect(inside([CITY_BBOX[2], CITY_BBOX[3]], SERVICE_AREA_BBOX)).toBe(true);
    expect(inside(DEFAULT_CENTER, CITY_BBOX)).toBe(true);
    for (const d of DEFAULT_311_LOCATIONS) expect(inside(d.lngLat, CITY_BBOX)).toBe(true);
  });

  it('lets the map pan over exactly the service area', () => {
    expect(MAX_BOUNDS).toEqual([
      [SERVICE_AREA_BBOX[0], SERVICE_AREA_BBOX[1]],
      [SERVICE_AREA_BBOX[2], SERVICE_AREA_BBOX[3]],
    ]);
  });
});
