// A point well inside a polygon to hang its label on (an approximate pole of inaccessibility).
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { closeRing } from './round-positions';
import { segmentDistance } from './simplify';

/** Grid points per side of each search round, and the number of rounds (each on a grid 4 times finer). */
const GRID_STEPS = 24;
const ROUNDS = 4;

/**
 * A label point well inside a polygon (`rings`: outer ring, then holes, [lng, lat]): the grid point farthest from every
 * edge, refined on finer grids around the best one. Distances are planar in a local equirectangular frame (longitude
 * scaled by cos(latitude)), fine at city scale. Inside the polygon, not on its edge; falls back to the first vertex
 * only for degenerate slivers where no grid point is inside. Not rounded; does not mutate `rings`.
 *
 * Hand-written until polylabel (mapbox/polylabel, the exact pole of inaccessibility) is installed; turf has no
 * equivalent (`pointOnFeature` is inside, but may hug an edge; `centroid`/`centerOfMass` can fall outside a horseshoe).
 */
export function labelPoint(rings: readonly Position[][]): [lng: number, lat: number] {
  const outer = rings[0] ?? [];
  // turf wants closed rings; the edge distances below wrap around on their own.
  const polygon: Polygon = { type: 'Polygon', coordinates: rings.map(closeRing) };
  const kx = Math.cos(((outer[0]?.[1] ?? 0) * Math.PI) / 180);
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng = 0, lat = 0] of outer) {
    west = Math.min(west, lng);
    east = Math.max(east, lng);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  let best: { lng: number; lat: number; distance: number } | undefined;
  let cx = (west + east) / 2;
  let cy = (south + north) / 2;
  let halfW = (east - west) / 2;
  let halfH = (north - south) / 2;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i <= GRID_STEPS; i++) {
      for (let j = 0; j <= GRID_STEPS; j++) {
        const lng = cx - halfW + (2 * halfW * i) / GRID_STEPS;
        const lat = cy - halfH + (2 * halfH * j) / GRID_STEPS;
        if (!booleanPointInPolygon([lng, lat], polygon, { ignoreBoundary: true })) continue;
        const distance = distanceToRings(lng, lat, rings, kx);
        if (!best || distance > best.distance) best = { lng, lat, distance };
      }
    }
    if (!best) break;
    cx = best.lng;
    cy = best.lat;
    halfW /= 4;
    halfH /= 4;
  }
  return best ? [best.lng, best.lat] : [outer[0]?.[0] ?? 0, outer[0]?.[1] ?? 0];
}

/** Planar distance (degrees of latitude) from (x, y) to the nearest edge of any ring. */
function distanceToRings(x: number, y: number, rings: readonly Position[][], kx: number): number {
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax = 0, ay = 0] = ring[j] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      min = Math.min(min, segmentDistance((x - ax) * kx, y - ay, (bx - ax) * kx, by - ay));
    }
  }
  return min;
}
