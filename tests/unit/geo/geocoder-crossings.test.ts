import { describe, expect, it } from 'vitest';
import type { Feature, LineString } from 'geojson';
import { buildGeocoderIndex, spanningEdges } from '../../../scripts/build-geocoder';
import { createGeocoder, haversineMeters, segmentApproach } from '../../../src/geo/geocoder';
import { geocoderFixtureSources } from '../../fixtures/geocoder/fixture-sources';
import { mulberry32 } from '../seeded-random';

// Intersections the basemap cannot give by a shared node: streets the OSM extract leaves out (known only by the
// City's points), street pairs that cross in two neighbourhoods, and the query's postal city. Built on the fixture
// grid (tests/fixtures/geocoder/README.md: Dorchester lng -71.08 … -71.06, Hyde Park -71.06 … -71.04).

const HEADER_FIELDS = 14;
/** One row of the address-points CSV layout: an address ("12 Foo St") or an intersection ("INTERSECTION A & B"). */
function csvRow(id: number, street: string, postalCity: string, zip: string, lngLat: [number, number]): string {
  const m = /^(\d+)\s+(.*)$/.exec(street);
  const streetName = m ? m[2]! : '';
  const locStreet = m ? street : `INTERSECTION ${street}`;
  const cells = [String(id), '2019-05-01 10:00:00', 'Pick up Dead Animal', `${street}  ${postalCity}  MA  ${zip}`, locStreet, zip, postalCity, 'Ward 1', '0101', String(lngLat[1]), String(lngLat[0]), m ? m[1]! : '', streetName, 'test'];
  expect(cells).toHaveLength(HEADER_FIELDS);
  return cells.join(',');
}

const line = (name: string, coordinates: [number, number][]): Feature<LineString, { name: string; highway: string }> => ({
  type: 'Feature',
  properties: { name, highway: 'residential' },
  geometry: { type: 'LineString', coordinates },
});

function geocoderWith(rows: string[], streets: Feature<LineString, { name: string; highway: string }>[] = []) {
  const src = geocoderFixtureSources();
  src.addressCsv = `${src.addressCsv!.trimEnd()}\n${rows.join('\n')}\n`;
  src.streets[0]!.streets.features.push(...streets);
  return createGeocoder(buildGeocoderIndex(src, { holdoutEvery: 0 }).index);
}

describe('streets known only by points', () => {
  // "Jamaicaway" is not a basemap street: three address points along lng -71.072, 167-333 m apart, north and south of
  // Wolcott Street (lat 42.303, -71.079 … -71.071).
  const jamaicaway = geocoderWith([
    csvRow(901, '1 Jamaicaway', 'Dorchester', '02121', [-71.072, 42.3015]),
    csvRow(902, '3 Jamaicaway', 'Dorchester', '02121', [-71.072, 42.3045]),
    csvRow(903, '5 Jamaicaway', 'Dorchester', '02121', [-71.072, 42.306]),
  ]);

  it('crosses other streets where the line through its points does', () => {
    const hit = jamaicaway.geocode('Jamaicaway & Wolcott St, Dorchester');
    expect(hit?.precision).toBe('intersection');
    expect(haversineMeters(hit!.lngLat, [-71.072, 42.303])).toBeLessThan(2);
  });

  it('says "near" at street precision, halfway, for two streets known by one point each', () => {
    // Two public alleys 300 m apart, each known by one City crossing with another alley: where they meet is unknown.
    const alleys = geocoderWith([
      csvRow(911, 'Public Alley No. 431 & Public Alley No. 430', 'Boston', '', [-71.0775, 42.3085]),
      csvRow(912, 'Public Alley No. 432 & Public Alley No. 433', 'Boston', '', [-71.0739, 42.3085]),
    ]);
    const hit = alleys.geocode('Public Alley No. 431 & Public Alley No. 432');
    expect(hit?.label).toBe('Public Alley No. 431 near Public Alley No. 432, Dorchester');
    expect(hit?.precision).toBe('street');
    expect(haversineMeters(hit!.lngLat, [-71.0757, 42.3085])).toBeLessThan(2);
  });
});

describe('the query’s neighbourhood or postal city', () => {
  // Providence St and Arlington St cross twice: in Hyde Park at a shared node (postal city Hyde Park), and in
  // Dorchester's grid without one (postal city Boston, as the City writes the central neighbourhoods).
  const twice = geocoderWith(
    [
      csvRow(921, '10 Providence St', 'Hyde Park', '02136', [-71.0501, 42.3051]),
      csvRow(922, '10 Arlington St', 'Hyde Park', '02136', [-71.0499, 42.3049]),
      csvRow(923, '10 Providence St', 'Boston', '02116', [-71.0651, 42.3051]),
      csvRow(924, '10 Arlington St', 'Boston', '02116', [-71.0649, 42.3049]),
    ],
    [
      line('Providence Street', [[-71.052, 42.305], [-71.05, 42.305], [-71.048, 42.305]]),
      line('Arlington Street', [[-71.05, 42.304], [-71.05, 42.305], [-71.05, 42.306]]),
      line('Providence Street', [[-71.067, 42.305], [-71.063, 42.305]]),
      line('Arlington Street', [[-71.065, 42.304], [-71.065, 42.306]]),
    ],
  );

  it('"Boston" as the postal city is not Hyde Park: the crossing among the Boston streets, found by their lines', () => {
    const hit = twice.geocode('Providence St & Arlington St, Boston, MA');
    expect(hit?.precision).toBe('intersection');
    expect(haversineMeters(hit!.lngLat, [-71.065, 42.305])).toBeLessThan(2);
  });

  it('the Hyde Park crossing for Hyde Park', () => {
    const hit = twice.geocode('Providence St & Arlington St, Hyde Park, MA');
    expect(haversineMeters(hit!.lngLat, [-71.05, 42.305])).toBeLessThan(2);
  });
});

describe('segmentApproach', () => {
  it('is the crossing point, at distance 0, for segments that cross between their ends', () => {
    expect(segmentApproach(0, 0, 10, 10, 0, 10, 10, 0)).toEqual({ distM: 0, x: 5, y: 5 });
  });

  it('is halfway between the nearest end and the other segment when they do not cross', () => {
    expect(segmentApproach(0, 0, 10, 0, 5, 4, 5, 20)).toEqual({ distM: 4, x: 5, y: 2 });
  });

  it('takes a one-point segment as a point', () => {
    expect(segmentApproach(3, 3, 3, 3, 0, 0, 10, 0)).toEqual({ distM: 3, x: 3, y: 1.5 });
  });
});

describe('spanningEdges', () => {
  const dist = (a: [number, number], b: [number, number]) => haversineMeters(a, b);

  it('has the length of the minimum spanning tree found by Kruskal over all pairs (oracle), on random points', () => {
    const rand = mulberry32(8);
    for (let trial = 0; trial < 5; trial++) {
      const pts = Array.from({ length: 40 }, (): [number, number] => [-71.1 + rand() * 0.05, 42.3 + rand() * 0.05]);
      const pairs: [number, number, number][] = [];
      for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) pairs.push([dist(pts[i]!, pts[j]!), i, j]);
      pairs.sort((x, y) => x[0] - y[0]);
      const parent = pts.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
      let kruskal = 0;
      for (const [d, i, j] of pairs) if (find(i) !== find(j)) [parent[find(i)], kruskal] = [find(j), kruskal + d];
      const edges = spanningEdges(pts, Infinity);
      expect(edges).toHaveLength(pts.length - 1);
      const total = edges.reduce((s, [i, j]) => s + dist(pts[i]!, pts[j]!), 0);
      expect(total).toBeCloseTo(kruskal, -1);
    }
  });

  it('leaves out edges longer than the limit (separate pieces of a street stay apart)', () => {
    const pts: [number, number][] = [[-71.07, 42.3], [-71.07, 42.301], [-71.07, 42.302], [-71.07, 42.32]];
    const edges = spanningEdges(pts, 400).map(([i, j]) => [Math.min(i, j), Math.max(i, j)]);
    expect(edges.sort()).toEqual([[0, 1], [1, 2]]);
  });
});

describe('names that are not the known street', () => {
  // Wolcott Street crosses Massachusetts Avenue at [-71.075, 42.303]; Melnea Cass Boulevard runs along lat 42.307.
  it('does not answer "Wolcott Ct & Mass Ave" at the Wolcott Street corner when Wolcott Court is a street of its own', () => {
    const g = geocoderWith([], [line('Wolcott Court', [[-71.0795, 42.3055], [-71.0785, 42.3055]])]);
    const hit = g.geocode('Wolcott Ct & Mass Ave');
    expect(hit?.label).not.toMatch(/Wolcott Street/);
    expect(hit?.precision).not.toBe('intersection');
  });

  it('answers a street type the index does not know ("Wolcott Sq") near the known street\'s corner, at street precision', () => {
    const g = geocoderWith([]);
    const hit = g.geocode('Wolcott Sq & Mass Ave');
    expect(hit?.precision).toBe('street');
    expect(hit?.label).toBe('Wolcott Street near Massachusetts Avenue, Dorchester');
  });

  it('keeps a known street name to that street, not a similar one that crosses the other street', () => {
    // Walcott Street (one letter off) is known by one City crossing with Melnea Cass Boulevard; Wolcott St never meets it.
    const g = geocoderWith([csvRow(921, 'Walcott St & Melnea Cass Blvd', 'Roxbury', '02119', [-71.077, 42.307])]);
    const hit = g.geocode('Wolcott St & Melnea Cass Blvd');
    expect(hit?.label ?? '').not.toMatch(/Walcott/);
    expect(hit?.precision).toBe('street');
  });

  it('falls back to the second street when only it is a known street', () => {
    const hit = geocoderWith([]).geocode('Wolcutt Pl & Melnea Cass Blvd');
    expect(hit?.label).toMatch(/^Melnea Cass Boulevard/);
    expect(hit?.precision).toBe('street');
  });
});

describe('a pair that crosses twice', () => {
  // "Cross Rd" (not a basemap street) meets Wolcott Street in Dorchester (ZIP 02121 addresses) and in Hyde Park (02136).
  const g = geocoderWith([
    csvRow(931, 'Wolcott St & Cross Rd', 'Boston', '', [-71.073, 42.303]),
    csvRow(932, 'Wolcott St & Cross Rd', 'Boston', '', [-71.05, 42.3031]),
  ]);

  it('is answered at the crossing in the query\'s ZIP', () => {
    const dorchester = g.geocode('Wolcott St & Cross Rd, MA 02121');
    const hydePark = g.geocode('Wolcott St & Cross Rd, MA 02136');
    expect(haversineMeters(dorchester!.lngLat, [-71.073, 42.303])).toBeLessThan(2);
    expect(haversineMeters(hydePark!.lngLat, [-71.05, 42.3031])).toBeLessThan(2);
    expect(dorchester?.precision).toBe('intersection');
  });
});
