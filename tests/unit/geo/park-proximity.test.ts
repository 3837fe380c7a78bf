// createParkProximity against a brute-force turf oracle, on real parks (Franklin Park area) and random polygons with holes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createParkProximity, parksAndPlaygrounds, PARK_PROXIMITY_METERS } from '../../../src/geo/park-proximity';
import { mulberry32 as seededRandom, testSeed } from '../seeded-random';

type Parks = FeatureCollection<Polygon | MultiPolygon, { name?: string; class: string }>;

/**
 * The 48 open-space features of public/data/basemap-parks.geojson (`npm run data`) whose boxes touch Jamaica Plain to
 * Franklin Park (-71.115..-71.08, 42.283..42.305): parks, playgrounds, gardens, parkways, cemeteries; Polygons and
 * MultiPolygons; Franklin Park, the Southwest Corridor and the Boston Nature Center have holes.
 */
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'sweep-parks.geojson'), 'utf8')) as Parks;

/** Box of a feature, degrees. */
function boxOf(f: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  const xs = verticesOf([f]).map((p) => p[0]!);
  const ys = verticesOf([f]).map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Beyond this from every feature's box the oracle does not ask turf (it is slow): the answer is "far", metres. */
const ORACLE_REACH_METERS = 500;

/**
 * The oracle: turf's geodesic distance to the nearest polygon (negative inside), metres, asked of every feature whose
 * box is within ORACLE_REACH_METERS (0.006° of latitude, 0.008° of longitude at Boston's latitude); Infinity when none.
 */
function turfDistances(features: readonly Feature<Polygon | MultiPolygon>[], points: [number, number][]): number[] {
  const boxes = features.map(boxOf);
  return points.map((lngLat) => {
    const p = point(lngLat);
    let best = Infinity;
    features.forEach((f, k) => {
      const [w, s, e, n] = boxes[k]!;
      if (lngLat[0] < w - 0.008 || lngLat[0] > e + 0.008 || lngLat[1] < s - 0.006 || lngLat[1] > n + 0.006) return;
      best = Math.min(best, pointToPolygonDistance(p, f, { units: 'meters' }));
    });
    return best;
  });
}

/** Random points in a box, half of them right next to a random vertex (where the answer is close). */
function randomPoints(rand: () => number, count: number, box: [number, number, number, number], vertices: Position[]): [number, number][] {
  return Array.from({ length: count }, () => {
    if (rand() < 0.5) {
      const v = vertices[Math.floor(rand() * vertices.length)]!;
      const r = rand() * 0.004; // up to ~400 m
      const a = rand() * 2 * Math.PI;
      return [v[0]! + r * Math.cos(a) * 1.35, v[1]! + r * Math.sin(a)];
    }
    return [box[0] + rand() * (box[2] - box[0]), box[1] + rand() * (box[3] - box[1])];
  });
}

function verticesOf(features: readonly Feature<Polygon | MultiPolygon>[]): Position[] {
  return features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2));
}

/** Checks the proximity test against turf; points within 0.5 m of the threshold are skipped (planar vs geodesic). */
function expectMatchesOracle(
  features: readonly Feature<Polygon | MultiPolygon>[],
  meters: number,
  points: [number, number][],
  distances: number[],
  context: string,
) {
  expect(meters).toBeLessThan(ORACLE_REACH_METERS);
  const near = createParkProximity(features, meters);
  let checked = 0;
  let inside = 0;
  let within = 0;
  points.forEach((p, k) => {
    const d = distances[k]!;
    if (Math.abs(d - meters) < 0.5) return;
    checked++;
    if (d <= 0) inside++;
    else if (d <= meters) within++;
    expect(near(p), `${context}: ${JSON.stringify(p)} is ${d.toFixed(2)} m from the nearest polygon (${meters} m)`).toBe(d <= meters);
  });
  // The points reach every case: inside, near but outside, and far.
  expect(inside, `${context}: points inside`).toBeGreaterThan(5);
  if (meters > 0) expect(within, `${context}: points near but outside`).toBeGreaterThan(5);
  expect(checked - inside - within, `${context}: points far`).toBeGreaterThan(5);
}

describe('createParkProximity', () => {
  it('agrees with turf on the real parks around Franklin Park (holes, MultiPolygons), at 200, 50 and 0 m', () => {
    const seed = testSeed(200);
    const rand = seededRandom(seed);
    const points = randomPoints(rand, 500, [-71.125, 42.275, -71.07, 42.315], verticesOf(fixture.features));
    const distances = turfDistances(fixture.features, points);
    for (const meters of [PARK_PROXIMITY_METERS, 50, 0]) expectMatchesOracle(fixture.features, meters, points, distances, `seed ${seed}, ${meters} m`);
  }, 60_000);

  it('agrees with turf on random polygons with holes and multipolygons', () => {
    const seed = testSeed(77);
    const rand = seededRandom(seed);
    for (let trial = 0; trial < 6; trial++) {
      const features: Feature<Polygon | MultiPolygon>[] = [];
      for (let k = 0; k < 15; k++) {
        const cx = -71.1 + rand() * 0.05;
        const cy = 42.3 + rand() * 0.04;
        const star = (r: number, sides: number, reverse: boolean): Position[] => {
          const ring = Array.from({ length: sides }, (_, i) => {
            const a = ((reverse ? -i : i) / sides) * 2 * Math.PI;
            const rr = r * (0.5 + rand() * 0.5);
            return [cx + rr * Math.cos(a) * 1.35, cy + rr * Math.sin(a)];
          });
          return [...ring, ring[0]!];
        };
        const outer = star(0.001 + rand() * 0.004, 5 + Math.floor(rand() * 12), false);
        // A hole well inside (a fifth of the smallest radius: the outer radius varies from half to all of r).
        const rings = rand() < 0.4 ? [outer, star(0.0002, 6, true)] : [outer];
        if (rand() < 0.3) {
          const other = star(0.001, 5, false).map((p) => [p[0]! + 0.01, p[1]! + 0.008]);
          features.push({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [rings, [other]] } });
        } else features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } });
      }
      const points = randomPoints(rand, 400, [-71.11, 42.29, -71.03, 42.35], verticesOf(features));
      expectMatchesOracle(features, 100 + Math.floor(rand() * 200), points, turfDistances(features, points), `seed ${seed} trial ${trial}`);
    }
  }, 60_000);

  it('counts a point in a hole as outside, measured to the hole edge', () => {
    const outer = [[-71.1, 42.3], [-71.08, 42.3], [-71.08, 42.315], [-71.1, 42.315], [-71.1, 42.3]];
    const hole = [[-71.095, 42.303], [-71.085, 42.303], [-71.085, 42.312], [-71.095, 42.312], [-71.095, 42.303]];
    const park: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outer, hole] } };
    const centre: [number, number] = [-71.09, 42.3075]; // ~410 m from the hole's east and west edges, 500 m from the others
    expect(booleanPointInPolygon(point(centre), park)).toBe(false);
    expect(createParkProximity([park], 200)(centre)).toBe(false);
    expect(createParkProximity([park], 450)(centre)).toBe(true);
    expect(createParkProximity([park], 0)([-71.098, 42.301])).toBe(true);
  });

  it('is fast for thousands of points (prints the time), and empty parks are never near', () => {
    const rand = seededRandom(3);
    const near = createParkProximity(fixture, 200);
    const points = Array.from({ length: 20_000 }, (): [number, number] => [-71.18 + rand() * 0.22, 42.23 + rand() * 0.17]);
    const started = performance.now();
    const count = points.filter(near).length;
    const ms = performance.now() - started;
    console.log(`park proximity: 20,000 points against ${fixture.features.length} open spaces in ${ms.toFixed(1)} ms (${count} near)`);
    expect(ms).toBeLessThan(1000);
    expect(createParkProximity({ type: 'FeatureCollection', features: [] })([-71.09, 42.3])).toBe(false);
    expect(() => createParkProximity(fixture, -1)).toThrow(RangeError);
  });
});

describe('parksAndPlaygrounds', () => {
  it('keeps only the park and playground classes of the basemap open space', () => {
    const kept = parksAndPlaygrounds(fixture);
    expect(kept.features.length).toBe(fixture.features.filter((f) => f.properties.class === 'park' || f.properties.class === 'playground').length);
    expect(new Set(kept.features.map((f) => f.properties.class))).toEqual(new Set(['park', 'playground']));
    expect(kept.features.map((f) => f.properties.name)).toContain('Franklin Park');
  });
});
