// coveredFlags / coveredWeight / coverageByGroup against a brute-force double loop (haversine to every site) on seeded random points.
import { describe, expect, it } from 'vitest';
import { coverageByGroup, coveredFlags, coveredFlagsLngLat, coveredWeight, createRadiusIndex, type DemandPoint } from '../../../src/geo/coverage';
import { haversineMeters } from '../../../src/geo/haversine';
import { mulberry32 as seededRandom, testSeed } from '../seeded-random';

/** Boston and its neighbours, with margin. */
const BOX = { west: -71.25, south: 42.2, east: -70.9, north: 42.45 };

type Demand = { lngLat: [number, number]; weight: number; hood: string };

function randomPoints(n: number, rand: () => number, box = BOX): [number, number][] {
  return Array.from({ length: n }, () => [box.west + rand() * (box.east - box.west), box.south + rand() * (box.north - box.south)] as [number, number]);
}

function randomDemand(n: number, rand: () => number, box = BOX): Demand[] {
  return randomPoints(n, rand, box).map((lngLat) => ({ lngLat, weight: Math.floor(rand() * 5), hood: rand() < 0.5 ? 'north' : 'south' }));
}

/** The oracle: every demand point against every site. */
function bruteFlags(demand: readonly DemandPoint[], sites: readonly { lngLat: [number, number] }[], radiusMeters: number): number[] {
  return demand.map((d) => (sites.some((s) => haversineMeters(d.lngLat, s.lngLat) <= radiusMeters) ? 1 : 0));
}

describe('coveredFlags', () => {
  const seed = testSeed(11);
  const rand = seededRandom(seed);
  const demand = randomDemand(4000, rand);
  const sites = randomPoints(60, rand).map((lngLat) => ({ lngLat }));

  for (const radiusMeters of [0, 150, 400, 800, 2500, 50_000]) {
    it(`equals the brute-force double loop at ${radiusMeters} m (seed ${seed})`, () => {
      expect([...coveredFlags(demand, sites, radiusMeters)]).toEqual(bruteFlags(demand, sites, radiusMeters));
    });
  }

  it('equals the brute force when sites outnumber the demand (the other index)', () => {
    const r = seededRandom(seed + 2);
    const few = randomDemand(300, r);
    const many = randomPoints(2000, r).map((lngLat) => ({ lngLat }));
    for (const radiusMeters of [0, 250, 900]) expect([...coveredFlags(few, many, radiusMeters)]).toEqual(bruteFlags(few, many, radiusMeters));
  });

  it('counts a point exactly at the radius as covered', () => {
    const d: DemandPoint = { lngLat: [-71.06, 42.35] };
    const site = { lngLat: [-71.0537, 42.3561] as [number, number] };
    const r = haversineMeters(d.lngLat, site.lngLat);
    expect([...coveredFlags([d], [site], r)]).toEqual([1]);
    expect([...coveredFlags([d], [site], r * (1 - 1e-12))]).toEqual([0]);
    const crowd = Array.from({ length: 40 }, () => d);
    expect([...coveredFlags(crowd, [site], r)]).toEqual(crowd.map(() => 1));
    expect([...coveredFlags(crowd, [site], r * (1 - 1e-12))]).toEqual(crowd.map(() => 0));
  });

  it('agrees with the brute force across the antimeridian and near the poles', () => {
    const r = seededRandom(seed + 1);
    for (const box of [
      { west: 179.9, south: -10, east: 180, north: -9.9 },
      { west: -180, south: -10, east: -179.9, north: -9.9 },
      { west: -180, south: 89.95, east: 180, north: 90 },
    ]) {
      const d = [...randomDemand(400, r, box), ...randomDemand(400, r, { west: -180, south: -10, east: -179.9, north: -9.9 })];
      for (const count of [15, 2000]) {
        const s = randomPoints(count, r, box).map((lngLat) => ({ lngLat }));
        expect([...coveredFlags(d, s, 3000)]).toEqual(bruteFlags(d, s, 3000));
      }
    }
  });

  it('gives the same flags from longitude and latitude columns', () => {
    const lng = Float64Array.from(demand, (d) => d.lngLat[0]);
    const lat = Float64Array.from(demand, (d) => d.lngLat[1]);
    expect(coveredFlagsLngLat(lng, lat, sites, 400)).toEqual(coveredFlags(demand, sites, 400));
  });

  it('covers nothing without sites, and nothing is covered for no demand', () => {
    expect([...coveredFlags(demand.slice(0, 5), [], 1e6)]).toEqual([0, 0, 0, 0, 0]);
    expect(coveredFlags([], sites, 400).length).toBe(0);
  });

  it('rejects a negative or NaN radius and a position out of range', () => {
    expect(() => coveredFlags(demand, sites, -1)).toThrow(RangeError);
    expect(() => coveredFlags(demand, sites, Number.NaN)).toThrow(RangeError);
    expect(() => coveredFlags([{ lngLat: [-71.1, 142.3] }], sites, 400)).toThrow(RangeError);
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify([demand, sites]);
    coveredFlags(demand, sites, 400);
    coveredWeight(demand, sites, 400);
    expect(JSON.stringify([demand, sites])).toBe(before);
  });
});

describe('coveredWeight', () => {
  it('sums the weights of the covered points (a missing weight counts 1), as the brute force does', () => {
    const seed = testSeed(12);
    const rand = seededRandom(seed);
    const demand = randomDemand(3000, rand);
    const sites = randomPoints(40, rand).map((lngLat) => ({ lngLat }));
    const flags = bruteFlags(demand, sites, 500);
    expect(coveredWeight(demand, sites, 500), `seed ${seed}`).toBe(demand.reduce((a, d, i) => a + (flags[i] ? d.weight : 0), 0));
    const unweighted = demand.map((d) => ({ lngLat: d.lngLat }));
    expect(coveredWeight(unweighted, sites, 500)).toBe(flags.reduce((a, b) => a + b, 0));
  });

  it('rejects a negative weight', () => {
    expect(() => coveredWeight([{ lngLat: [-71, 42.3], weight: -1 }], [], 400)).toThrow(RangeError);
  });
});

describe('coverageByGroup', () => {
  it('splits covered and total weight by group; the groups add up to the citywide figures', () => {
    const rand = seededRandom(testSeed(13));
    const demand = randomDemand(2000, rand);
    const sites = randomPoints(30, rand).map((lngLat) => ({ lngLat }));
    const flags = coveredFlags(demand, sites, 600);
    const groups = coverageByGroup(demand, flags, (_p, i) => demand[i]!.hood);
    const all = [...groups.values()];
    expect(all.reduce((a, g) => a + g.totalWeight, 0)).toBe(demand.reduce((a, d) => a + d.weight, 0));
    expect(all.reduce((a, g) => a + g.coveredWeight, 0)).toBe(coveredWeight(demand, sites, 600));
    for (const [hood, g] of groups) {
      const mine = demand.filter((d) => d.hood === hood);
      expect(g.totalWeight).toBe(mine.reduce((a, d) => a + d.weight, 0));
      expect(g.share).toBeCloseTo(g.coveredWeight / g.totalWeight, 12);
    }
  });

  it('leaves out points without a group and gives share 0 to a group of weight 0', () => {
    const demand: DemandPoint[] = [{ lngLat: [-71, 42.3], weight: 0 }, { lngLat: [-71, 42.31] }];
    const groups = coverageByGroup(demand, [1, 1], (_p, i) => (i === 0 ? 'a' : null));
    expect([...groups]).toEqual([['a', { coveredWeight: 0, totalWeight: 0, share: 0 }]]);
  });
});

describe('createRadiusIndex', () => {
  it('visits every point within the radius once, with its distance', () => {
    const rand = seededRandom(testSeed(14));
    const points = randomPoints(2000, rand).map((lngLat) => ({ lngLat }));
    const index = createRadiusIndex(points);
    for (const q of randomPoints(50, rand)) {
      const seen: [number, number][] = [];
      index.forEachWithin(q[0], q[1], 1200, (id, d) => seen.push([id, d]));
      const expected = points.flatMap((p, id) => {
        const d = haversineMeters(q, p.lngLat);
        return d <= 1200 ? [[id, d]] : [];
      });
      expect(seen.sort((a, b) => a[0] - b[0])).toEqual(expected);
    }
  });
});
