// Residents by census tract as Coverage demand: one weighted point inside each tract, or residents spread over a grid.
import { area as geodesicAreaM2, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import type { PolygonalGeometry } from '../domain/geometry';
import { EARTH_RADIUS_METERS } from './haversine';
import { labelPoint } from './label-point';

/** What the demand functions read of a tract: its id, estimated residents (a whole number ≥ 0) and its outline. */
export type TractLike = { geoid: string; population: number; geometry: PolygonalGeometry };

/**
 * Estimated residents of one tract placed at `lngLat`: `weight` people. `area` is what `areaOf` said of the point
 * (e.g. its neighbourhood), null when no `areaOf` was given or the point is outside every area.
 */
export type TractDemandPoint = { lngLat: [lng: number, lat: number]; weight: number; geoid: string; area: string | null };

const METERS_PER_DEGREE_LAT = (EARTH_RADIUS_METERS * Math.PI) / 180;

function polygonsOf(geometry: PolygonalGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function assertPopulation(tract: TractLike): void {
  if (!(Number.isInteger(tract.population) && tract.population >= 0)) {
    throw new RangeError(`tract ${tract.geoid}: population must be a whole number ≥ 0, got ${tract.population}`);
  }
}

/**
 * A point strictly inside the tract (boundary excluded), [lng, lat] degrees: turf's `centerOfMass` of the whole
 * outline when `booleanPointInPolygon` confirms it is inside; otherwise (a horseshoe, or islands with water at their
 * centre) the label point (approximate pole of inaccessibility, `labelPoint`) of the tract's largest polygon.
 */
export function tractInsidePoint(geometry: PolygonalGeometry): [lng: number, lat: number] {
  const [lng = NaN, lat = NaN] = centerOfMass(geometry).geometry.coordinates;
  if (Number.isFinite(lng) && Number.isFinite(lat) && booleanPointInPolygon([lng, lat], geometry, { ignoreBoundary: true })) return [lng, lat];
  let largest: Position[][] = [];
  let largestM2 = -1;
  for (const rings of polygonsOf(geometry)) {
    const m2 = geodesicAreaM2({ type: 'Polygon', coordinates: rings } satisfies Polygon);
    if (m2 > largestM2) {
      largest = rings;
      largestM2 = m2;
    }
  }
  return labelPoint(largest);
}

/**
 * One demand point per tract, strictly inside it (see `tractInsidePoint`), weighted by its estimated residents.
 * `areaOf` (optional) names the area of each point, e.g. its neighbourhood. Weights sum to the tracts' total
 * population. Throws a RangeError on a population that is not a whole number ≥ 0. Does not mutate `tracts`.
 */
export function tractDemandPoints(
  tracts: readonly TractLike[],
  areaOf?: (lngLat: readonly [number, number]) => string | null,
): TractDemandPoint[] {
  return tracts.map((tract) => {
    assertPopulation(tract);
    const lngLat = tractInsidePoint(tract.geometry);
    return { lngLat, weight: tract.population, geoid: tract.geoid, area: areaOf ? areaOf(lngLat) : null };
  });
}

/**
 * Each tract's residents spread evenly over the centres of a square grid of `cellMeters` (side, metres) that lie
 * strictly inside the tract, so coverage within a few hundred metres is not decided by one point per tract.
 * The grid is one lattice for all tracts (columns `cellMeters` apart at the tracts' mean latitude, rows
 * `cellMeters` apart), so neighbouring tracts never put two points in one cell. Weights are whole numbers that differ
 * by at most 1 inside a tract and sum exactly to its population (point i gets floor((i+1)p/n) - floor(ip/n));
 * points of weight 0 (tracts with fewer residents than points) are left out. A tract with no grid centre inside it
 * gets one point at `tractInsidePoint`. `areaOf` as in `tractDemandPoints`. Throws a RangeError on a population
 * that is not a whole number ≥ 0 or a `cellMeters` that is not finite and > 0. Does not mutate `tracts`.
 */
export function tractDemandGrid(
  tracts: readonly TractLike[],
  cellMeters: number,
  areaOf?: (lngLat: readonly [number, number]) => string | null,
): TractDemandPoint[] {
  if (!(Number.isFinite(cellMeters) && cellMeters > 0)) throw new RangeError(`cellMeters must be finite and > 0, got ${cellMeters}`);
  let south = Infinity;
  let north = -Infinity;
  for (const tract of tracts) {
    assertPopulation(tract);
    for (const rings of polygonsOf(tract.geometry)) {
      for (const [, lat = NaN] of rings[0] ?? []) {
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  const stepLat = cellMeters / METERS_PER_DEGREE_LAT;
  const stepLng = stepLat / Math.cos((((south + north) / 2) * Math.PI) / 180);
  const out: TractDemandPoint[] = [];
  for (const tract of tracts) {
    const inside: [number, number][] = [];
    for (const rings of polygonsOf(tract.geometry)) {
      let west = Infinity;
      let east = -Infinity;
      let s = Infinity;
      let n = -Infinity;
      for (const [lng = NaN, lat = NaN] of rings[0] ?? []) {
        west = Math.min(west, lng);
        east = Math.max(east, lng);
        s = Math.min(s, lat);
        n = Math.max(n, lat);
      }
      const polygon: Polygon = { type: 'Polygon', coordinates: rings };
      // Cell centres are at (i + 0.5) steps from 0° on both axes.
      for (let i = Math.ceil(west / stepLng - 0.5); (i + 0.5) * stepLng <= east; i++) {
        for (let j = Math.ceil(s / stepLat - 0.5); (j + 0.5) * stepLat <= n; j++) {
          const p: [number, number] = [(i + 0.5) * stepLng, (j + 0.5) * stepLat];
          if (booleanPointInPolygon(p, polygon, { ignoreBoundary: true })) inside.push(p);
        }
      }
    }
    if (inside.length === 0) inside.push(tractInsidePoint(tract.geometry));
    const count = inside.length;
    const people = tract.population;
    inside.forEach((lngLat, i) => {
      const weight = Math.floor(((i + 1) * people) / count) - Math.floor((i * people) / count);
      if (weight > 0) out.push({ lngLat, weight, geoid: tract.geoid, area: areaOf ? areaOf(lngLat) : null });
    });
  }
  return out;
}
