import { describe, expect, it } from 'vitest';
import { buildGeocoderIndex } from '../../../scripts/build-geocoder';
import { createGeocoder, haversineMeters, type GeocoderIndex, type Suggestion } from '../../../src/geo/geocoder';
import { geocoderFixtureSources } from '../../fixtures/geocoder/fixture-sources';

// The fixture grid (tests/fixtures/geocoder/README.md): Dorchester's Wolcott St number n at lng -71.079 + n × 0.0001,
// even numbers at lat 42.3031, odd ones at 42.3029.
const dorchesterWolcott = (n: number): [number, number] => [-71.079 + n * 0.0001, n % 2 === 0 ? 42.3031 : 42.3029];
const build = () => buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 0 }).index;
const index = build();
const geocoder = createGeocoder(index);

const within = (s: Suggestion | null | undefined, p: [number, number], meters: number) => {
  expect(s, 'a match').toBeTruthy();
  expect(haversineMeters(s!.lngLat, p)).toBeLessThanOrEqual(meters);
};

describe('addresses', () => {
  it('returns a known address point exactly (duplicates merged at their median)', () => {
    const hit = geocoder.geocode('40 Wolcott St, Dorchester, MA 02121');
    expect(hit).toMatchObject({ precision: 'address-point', neighborhood: 'Dorchester', label: '40 Wolcott Street, Dorchester 02121' });
    within(hit, dorchesterWolcott(40), 0.5);
    within(geocoder.geocode('20 Wolcott St, Dorchester'), [-71.077, 42.30311], 0.5);
  });

  it('places a number inside a known range on that range point', () => {
    const hit = geocoder.geocode('32 Wolcott St, 02121');
    expect(hit?.precision).toBe('address-point');
    within(hit, dorchesterWolcott(32), 0.5);
  });

  it('interpolates between known numbers on the same side of the street, along the street line', () => {
    const even = geocoder.geocode('50 Wolcott St, Dorchester, MA 02121');
    expect(even?.precision).toBe('interpolated');
    within(even, dorchesterWolcott(50), 1);
    // 31 lies between 21 and 51 on the odd (south) side, not between 30-34 and 40 on the even side.
    const odd = geocoder.geocode('31 Wolcott St, Dorchester, MA 02121');
    expect(odd?.precision).toBe('interpolated');
    within(odd, dorchesterWolcott(31), 1);
    expect(odd!.lngLat[1]).toBeLessThan(42.303);
    expect(even!.lngLat[1]).toBeGreaterThan(42.303);
  });

  it('continues past the last known number along the street', () => {
    const hit = geocoder.geocode('70 Wolcott St, Dorchester, MA 02121');
    expect(hit?.precision).toBe('interpolated');
    within(hit, dorchesterWolcott(70), 2);
  });

  it('offers a street name found in two neighbourhoods once per neighbourhood, never merged', () => {
    const both = geocoder.suggest('22 Wolcott St');
    const hoods = both.filter((s) => s.label.includes('Wolcott')).map((s) => s.neighborhood);
    expect(hoods).toHaveLength(2);
    expect(new Set(hoods)).toEqual(new Set(['Dorchester', 'Hyde Park']));
    for (const s of both.filter((x) => x.neighborhood === 'Hyde Park')) expect(s.lngLat[0]).toBeGreaterThan(-71.06);
  });

  it.each([
    ['22 Wolcott St, Hyde Park', 'Hyde Park'],
    ['22 Wolcott St 02136', 'Hyde Park'],
    ['22 Wolcott St, Hyde Park, MA 02136', 'Hyde Park'],
    ['22 Wolcott St, Dorchester', 'Dorchester'],
    ['22 Wolcott St, MA 02121', 'Dorchester'],
  ])('"%s" is disambiguated to %s', (q, hood) => {
    const all = geocoder.suggest(q).filter((s) => s.label.includes('Wolcott'));
    expect(all.map((s) => s.neighborhood)).toEqual([hood]);
  });

  it('falls back to the street, said by its precision, when no number is known near it', () => {
    const hit = geocoder.geocode('5 Dorchester Ave');
    expect(hit).toMatchObject({ precision: 'street', label: 'Dorchester Avenue, Dorchester' });
  });
});

describe('intersections', () => {
  it.each(['Mass Ave and Melnea Cass', 'Mass Ave & Melnea Cass Blvd', 'Massachusetts Avenue at Melnea Cass Boulevard', 'melnea cass @ mass ave'])(
    '%s is the shared node of the two streets',
    (q) => {
      const hit = geocoder.geocode(q);
      expect(hit?.precision).toBe('intersection');
      within(hit, [-71.075, 42.307], 1);
    },
  );

  it("prefers the City's own point of a crossing to the OSM node", () => {
    const hit = geocoder.geocode('Wolcott St & Mass Ave');
    expect(hit?.precision).toBe('intersection');
    within(hit, [-71.07502, 42.30302], 0.5);
  });

  it('finds intersections from a partly typed second street', () => {
    expect(geocoder.suggest('Mass Ave & Meln')[0]?.label).toBe('Massachusetts Avenue & Melnea Cass Boulevard, Dorchester');
  });
});

describe('names, typos and abbreviations', () => {
  it.each([
    ['Wolcot St', 'Wolcott Street'],
    ['wolcott', 'Wolcott Street'],
    ['Melnea Cas Blvd', 'Melnea Cass Boulevard'],
    ['Dot Ave', 'Dorchester Avenue'],
    ['Dorchestr Av', 'Dorchester Avenue'],
    ['E Broadway', 'East Broadway'],
    ['Massachusets Ave', 'Massachusetts Avenue'],
  ])('%s finds %s', (q, name) => {
    expect(geocoder.suggest(q)[0]?.label.startsWith(name)).toBe(true);
  });

  it('keeps "E St" a street named E, not East', () => {
    expect(geocoder.suggest('E St')[0]?.label).toBe('E Street, Hyde Park');
  });

  it('finds parks and squares (and their other names) with place precision', () => {
    expect(geocoder.geocode('Franklin Prk')).toMatchObject({ precision: 'place', neighborhood: 'Dorchester' });
    expect(geocoder.geocode('Copley Sq')).toMatchObject({ precision: 'place', label: 'Copley Square (square), Hyde Park' });
    expect(geocoder.geocode('Copley Plaza')?.label).toBe('Copley Square (square), Hyde Park');
  });

  it('finds neighbourhoods and neighbouring cities', () => {
    expect(geocoder.suggest('Hyde Park').find((s) => s.precision === 'neighborhood')?.neighborhood).toBe('Hyde Park');
    expect(geocoder.geocode('Brookline')).toMatchObject({ precision: 'neighborhood', neighborhood: 'Brookline' });
    expect(geocoder.geocode('Beacon St')?.neighborhood).toBe('Brookline');
  });

  it('finds extra places passed in (service sites) by name', () => {
    const withSites = createGeocoder(index, { places: [{ name: 'AHOPE Boston', lngLat: [-71.07, 42.305] }] });
    expect(withSites.geocode('ahope')).toMatchObject({ label: 'AHOPE Boston', precision: 'place', lngLat: [-71.07, 42.305] });
  });

  it('returns nothing for nonsense and for empty input', () => {
    expect(geocoder.suggest('')).toEqual([]);
    expect(geocoder.geocode('zzzzqqq')).toBeNull();
  });

  it('respects the limit', () => {
    expect(geocoder.suggest('Wolcott', { limit: 1 })).toHaveLength(1);
  });
});

describe('purity', () => {
  it('never mutates the index', () => {
    const idx: GeocoderIndex = build();
    const before = structuredClone(idx);
    const g = createGeocoder(idx, { places: [{ name: 'Site', lngLat: [-71.07, 42.305] }] });
    for (const q of ['50 Wolcott St, Dorchester, MA 02121', '31 Wolcott St', '22 Wolcott St', 'Mass Ave & Melnea Cass', 'Fenway & Riverway', 'Franklin', 'E St', '70 Wolcott St']) {
      g.suggest(q);
      g.geocode(q);
    }
    expect(idx).toEqual(before);
  });
});
