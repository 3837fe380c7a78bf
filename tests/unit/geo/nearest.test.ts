// createNearestIndex against a brute-force oracle (haversine distance to every site, sorted) on seeded random points.
import { distance as turfDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createNearestIndex } from '../../../src/geo/nearest';
import { haversineMeters } from '../../../src/geo/haversine';
import { mulberry32 as seededRandom } from '../seeded-random';

type Site = { id: number; lngLat: [number, number]; open: boolean };

/** Boston and its neighbours, with margin. */
const BOX = { west: -71.25, south: 42.2, east: -70.9, north: 42.45 };

function randomSites(n: number, seed: number): Site[] {
  const rand = seededRandom(seed);
  return Array.from({ length: n }, (_, id) => ({
    id,
    lngLat: [BOX.west + rand() * (BOX.east - BOX.west), BOX.south + rand() * (BOX.north - BOX.south)] as [number, number],
    open: rand() < 0.3,
  }));
}

/** Every site with its haversine distance to `point`, sorted (ties by id): the oracle, computed once per query. */
function sortedByDistance(sites: Site[], point: [number, number]) {
  return sites
    .map((site) => ({ site, distanceMeters: haversineMeters(point, site.lngLat) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.site.id - b.site.id);
}

function bruteForce(sorted: ReturnType<typeof sortedByDistance>, k: number, maxDistanceMeters = Infinity, filter?: (s: Site) => boolean) {
  return sorted.filter((h) => (!filter || filter(h.site)) && h.distanceMeters <= maxDistanceMeters).slice(0, k);
}

const ids = (hits: { site: Site }[]) => hits.map((h) => h.site.id);

describe('createNearestIndex', () => {
  const sites = randomSites(3000, 42);
  const index = createNearestIndex(sites);
  const rand = seededRandom(7);
  const queries = Array.from({ length: 150 }, () => [BOX.west + rand() * (BOX.east - BOX.west), BOX.south + rand() * (BOX.north - BOX.south)] as [number, number]);

  it('returns the same 5 sites, in the same order and at the same distances, as sorting all 3,000 by haversine (150 queries)', () => {
    for (const q of queries) {
      const got = index.nearest(q);
      const want = bruteForce(sortedByDistance(sites, q), 5);
      expect(ids(got)).toEqual(ids(want));
      got.forEach((h, i) => expect(h.distanceMeters).toBeCloseTo(want[i]!.distanceMeters, 6));
    }
  });

  it('honours k, a filter and maxDistanceMeters together, and agrees with the oracle', () => {
    const isOpen = (s: Site) => s.open;
    for (const [i, q] of queries.entries()) {
      const all = sortedByDistance(sites, q);
      const k = 1 + (i % 12);
      const maxDistanceMeters = 200 + (i % 7) * 400;
      expect(ids(index.nearest(q, { k, filter: isOpen, maxDistanceMeters }))).toEqual(ids(bruteForce(all, k, maxDistanceMeters, isOpen)));
      expect(ids(index.nearest(q, { k, maxDistanceMeters }))).toEqual(ids(bruteForce(all, k, maxDistanceMeters)));
      expect(ids(index.nearest(q, { k, filter: isOpen }))).toEqual(ids(bruteForce(all, k, Infinity, isOpen)));
    }
  });

  it('returns every site within the radius with k: Infinity, and never one beyond it', () => {
    const q = queries[0]!;
    const got = index.nearest(q, { k: Infinity, maxDistanceMeters: 1500 });
    expect(got.length).toBeGreaterThan(5);
    expect(ids(got)).toEqual(ids(bruteForce(sortedByDistance(sites, q), Infinity, 1500)));
    expect(got.every((h) => h.distanceMeters <= 1500)).toBe(true);
  });

  it('measures great-circle metres as turf.distance does', () => {
    const q = queries[1]!;
    for (const h of index.nearest(q, { k: 20 })) {
      expect(h.distanceMeters).toBeCloseTo(turfDistance(q, h.site.lngLat, { units: 'meters' }), 6);
    }
  });

  it('returns the site objects themselves, nearest first, and nothing for k = 0, an empty index or a filter that rejects all', () => {
    const got = index.nearest(queries[2]!, { k: 3 });
    expect(got.every((h) => sites.includes(h.site))).toBe(true);
    expect(got.map((h) => h.distanceMeters)).toEqual([...got.map((h) => h.distanceMeters)].sort((a, b) => a - b));
    expect(index.nearest(queries[2]!, { k: 0 })).toEqual([]);
    expect(index.nearest(queries[2]!, { filter: () => false })).toEqual([]);
    expect(createNearestIndex<Site>([]).nearest([-71.06, 42.36])).toEqual([]);
  });

  it('finds a site exactly at the query point at distance 0, and keeps input order among sites at the same spot', () => {
    const spot: [number, number] = [-71.0589, 42.3601];
    const stacked: Site[] = [
      { id: 0, lngLat: [-71.07, 42.35], open: true },
      { id: 1, lngLat: [...spot], open: true },
      { id: 2, lngLat: [...spot], open: false },
    ];
    const got = createNearestIndex(stacked).nearest(spot, { k: 2 });
    expect(ids(got)).toEqual([1, 2]);
    expect(got[0]!.distanceMeters).toBe(0);
  });

  it('never mutates the sites or the array, and is unaffected by later changes to the caller array', () => {
    const mine = randomSites(300, 3);
    const before = structuredClone(mine);
    const idx = createNearestIndex(mine);
    const first = ids(idx.nearest([-71.06, 42.33], { k: 4, filter: (s) => s.open, maxDistanceMeters: 20_000 }));
    expect(mine).toEqual(before);
    mine.reverse();
    mine.length = 10;
    expect(ids(idx.nearest([-71.06, 42.33], { k: 4, filter: (s) => s.open, maxDistanceMeters: 20_000 }))).toEqual(first);
  });

  it('rejects positions that are not [lng, lat] degrees and a k that is not a whole number', () => {
    expect(() => createNearestIndex([{ lngLat: [Number.NaN, 42] }])).toThrow(/site 0/);
    expect(() => index.nearest([42.36, -171.06])).toThrow(RangeError);
    expect(() => index.nearest([-71.06, 42.36], { k: 2.5 })).toThrow(/k must be/);
  });
});
