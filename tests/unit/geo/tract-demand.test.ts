// Residents by tract as demand: weights sum to each tract's population and in total, every point strictly inside its tract.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, centerOfMass } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildTractFeatures } from '../../../scripts/build-tracts';
import type { PolygonalGeometry } from '../../../src/domain/geometry';
import { haversineMeters } from '../../../src/geo/haversine';
import { tractDemandGrid, tractDemandPoints, tractInsidePoint, type TractDemandPoint, type TractLike } from '../../../src/geo/tract-demand';
import { mulberry32 } from '../seeded-random';

const fixturePath = fileURLToPath(new URL('../../fixtures/tracts-sample.geojson', import.meta.url));

/** The fixture's two valid tracts as the app decodes them (104.05: one polygon with a notch; 9801.01: two islands). */
function sampleTracts(): TractLike[] {
  const source = (JSON.parse(readFileSync(fixturePath, 'utf8')) as { features: unknown[] }).features;
  return buildTractFeatures(source).features.map((f) => ({ geoid: f.properties.geoid, population: f.properties.population, geometry: f.geometry }));
}

/** A U-shaped tract (open to the north) whose centre of mass falls in the gap between its arms. */
const horseshoe: TractLike = {
  geoid: '25025000001',
  population: 1200,
  geometry: {
    type: 'Polygon',
    coordinates: [[[-71.07, 42.33], [-71.06, 42.33], [-71.06, 42.34], [-71.062, 42.34], [-71.062, 42.332], [-71.068, 42.332], [-71.068, 42.34], [-71.07, 42.34], [-71.07, 42.33]]],
  },
};

/** Two islands of equal size far apart: the centre of mass is in the water between them. */
const islands: TractLike = {
  geoid: '25025000002',
  population: 7,
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [[[-71.0, 42.3], [-70.998, 42.3], [-70.998, 42.3015], [-71.0, 42.3015], [-71.0, 42.3]]],
      [[[-70.95, 42.31], [-70.947, 42.31], [-70.947, 42.312], [-70.95, 42.312], [-70.95, 42.31]]],
    ],
  },
};

const byTract = (tracts: readonly TractLike[]) => new Map(tracts.map((t) => [t.geoid, t]));
const strictlyInside = (p: TractDemandPoint, geometry: PolygonalGeometry) => booleanPointInPolygon(p.lngLat, geometry, { ignoreBoundary: true });
function sumsByTract(points: readonly TractDemandPoint[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const p of points) sums.set(p.geoid, (sums.get(p.geoid) ?? 0) + p.weight);
  return sums;
}

describe('tractInsidePoint', () => {
  it('is the centre of mass when that is inside, else a point inside the largest polygon', () => {
    const [a] = sampleTracts();
    expect(tractInsidePoint(a!.geometry)).toEqual(centerOfMass(a!.geometry).geometry.coordinates);
    // The guards: these shapes really put the centre of mass outside.
    expect(booleanPointInPolygon(centerOfMass(horseshoe.geometry), horseshoe.geometry)).toBe(false);
    expect(booleanPointInPolygon(centerOfMass(islands.geometry), islands.geometry)).toBe(false);
    expect(booleanPointInPolygon(tractInsidePoint(horseshoe.geometry), horseshoe.geometry, { ignoreBoundary: true })).toBe(true);
    const island = tractInsidePoint(islands.geometry);
    // The larger island is the eastern one (3 × 2 thousandths of a degree against 2 × 1.5).
    expect(booleanPointInPolygon(island, { type: 'Polygon', coordinates: islands.geometry.coordinates[1] as number[][][] }, { ignoreBoundary: true })).toBe(true);
  });
});

describe('tractDemandPoints', () => {
  it('gives one point per tract, strictly inside it, weighted by its population; weights sum to the total', () => {
    const tracts = [...sampleTracts(), horseshoe, islands];
    const points = tractDemandPoints(tracts);
    expect(points.map((p) => [p.geoid, p.weight])).toEqual(tracts.map((t) => [t.geoid, t.population]));
    expect(points.reduce((s, p) => s + p.weight, 0)).toBe(4210 + 2875 + 1200 + 7);
    points.forEach((p, i) => {
      expect(p.lngLat[0]).toBeLessThan(-70); // [lng, lat]: Boston's longitude is about -71, its latitude 42
      expect(p.lngLat[1]).toBeGreaterThan(42);
      expect(strictlyInside(p, tracts[i]!.geometry)).toBe(true);
      expect(p.area).toBeNull();
    });
  });

  it('names the area of each point with areaOf, called with [lng, lat]', () => {
    const seen: (readonly [number, number])[] = [];
    const points = tractDemandPoints(sampleTracts(), (p) => {
      seen.push(p);
      return p[0] < -71.085 ? 'West' : 'East';
    });
    expect(points.map((p) => p.area)).toEqual(['West', 'East']);
    expect(seen).toEqual(points.map((p) => p.lngLat));
  });

  it('rejects a population that is not a whole number ≥ 0', () => {
    expect(() => tractDemandPoints([{ ...horseshoe, population: 10.5 }])).toThrow(RangeError);
    expect(() => tractDemandPoints([{ ...horseshoe, population: -1 }])).toThrow(/25025000001: population/);
    expect(() => tractDemandPoints([{ ...horseshoe, population: Number.NaN }])).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const tracts = sampleTracts();
    const before = structuredClone(tracts);
    tractDemandPoints(tracts);
    tractDemandGrid(tracts, 80);
    expect(tracts).toEqual(before);
  });
});

describe('tractDemandGrid', () => {
  it('spreads each tract over points strictly inside it, with whole weights that sum exactly to its population', () => {
    const tracts = [...sampleTracts(), horseshoe, islands];
    const lookup = byTract(tracts);
    for (const cellMeters of [40, 75, 100, 250]) {
      const points = tractDemandGrid(tracts, cellMeters);
      const sums = sumsByTract(points);
      for (const t of tracts) expect(sums.get(t.geoid)).toBe(t.population);
      expect(points.reduce((s, p) => s + p.weight, 0)).toBe(4210 + 2875 + 1200 + 7);
      for (const p of points) {
        expect(Number.isInteger(p.weight) && p.weight > 0).toBe(true);
        expect(p.lngLat[0]).toBeLessThan(-70);
        expect(strictlyInside(p, lookup.get(p.geoid)!.geometry)).toBe(true);
      }
    }
  });

  it('puts about one point per cell, evenly weighted (within one resident), on one lattice cellMeters apart', () => {
    const [a, b] = sampleTracts();
    const points = tractDemandGrid([a!, b!], 100);
    const ofA = points.filter((p) => p.geoid === a!.geoid);
    // Tract 104.05 is about 410 m × 445 m less a notch: 18 cells of 100 m, give or take the edges.
    expect(ofA.length).toBeGreaterThanOrEqual(12);
    expect(ofA.length).toBeLessThanOrEqual(20);
    const weights = ofA.map((p) => p.weight);
    expect(Math.max(...weights) - Math.min(...weights)).toBeLessThanOrEqual(1);
    // One lattice for both tracts: the gaps between their points' distinct longitudes (and latitudes) are whole
    // multiples of one step (the islands of 9801.01 lie a few columns away).
    for (const axis of [0, 1] as const) {
      const values = [...new Set(points.map((p) => p.lngLat[axis].toFixed(9)))].map(Number).sort((x, y) => x - y);
      const gaps = values.slice(1).map((v, i) => v - values[i]!);
      const step = Math.min(...gaps);
      for (const gap of gaps) expect(Math.abs(gap / step - Math.round(gap / step))).toBeLessThan(1e-3);
    }
    // Nearest neighbours across both tracts are a cell apart (the lattice is shared, no two points in one cell).
    for (const p of points) {
      const nearest = Math.min(...points.filter((q) => q !== p).map((q) => haversineMeters(p.lngLat, q.lngLat)));
      expect(nearest).toBeGreaterThan(99);
      expect(nearest).toBeLessThan(101);
    }
  });

  it('gives a tract smaller than a cell one point inside it, and a tract with fewer residents than points only whole people', () => {
    const tiny: TractLike = { geoid: '25025000003', population: 40, geometry: { type: 'Polygon', coordinates: [[[-71.05, 42.33], [-71.0496, 42.33], [-71.0496, 42.3303], [-71.05, 42.3303], [-71.05, 42.33]]] } };
    const [point, ...rest] = tractDemandGrid([tiny], 500);
    expect(rest).toEqual([]);
    expect(point?.weight).toBe(40);
    expect(strictlyInside(point!, tiny.geometry)).toBe(true);
    const few = tractDemandGrid([{ ...horseshoe, population: 3 }], 30);
    expect(few.map((p) => p.weight)).toEqual([1, 1, 1]);
    expect(tractDemandGrid([{ ...horseshoe, population: 0 }], 30)).toEqual([]);
  });

  it('keeps the sums exact for random populations and cell sizes', () => {
    const rand = mulberry32(7);
    const shapes = [...sampleTracts(), horseshoe, islands];
    for (let round = 0; round < 20; round++) {
      const tracts = shapes.map((t) => ({ ...t, population: Math.floor(rand() * 20000) }));
      const points = tractDemandGrid(tracts, 20 + rand() * 300);
      const sums = sumsByTract(points);
      for (const t of tracts) expect(sums.get(t.geoid) ?? 0).toBe(t.population);
    }
  });

  it('passes areaOf the point and rejects a bad cell size or population', () => {
    const points = tractDemandGrid([horseshoe], 100, (p) => (p[0] < -71.065 ? 'west arm' : 'east arm'));
    expect(new Set(points.map((p) => p.area))).toEqual(new Set(['west arm', 'east arm']));
    expect(() => tractDemandGrid([horseshoe], 0)).toThrow(RangeError);
    expect(() => tractDemandGrid([horseshoe], Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => tractDemandGrid([{ ...horseshoe, population: 1.5 }], 100)).toThrow(RangeError);
  });
});
