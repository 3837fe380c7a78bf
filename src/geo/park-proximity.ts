// Whether a point is near a park or playground: a grid of polygon boxes, then point-in-polygon and distance to the rings.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_METERS } from './haversine';

/** Default distance of "near a park", metres: a couple of short blocks. */
export const PARK_PROXIMITY_METERS = 200;

/**
 * The classes of public/data/basemap-parks.geojson (built from the City's open-space layer, `class` property) that
 * count as parks and playgrounds for the sweep priority: open-space type "Parks, Playgrounds & Athletic Fields", split
 * by name into `park` and `playground`. Plazas, urban wilds, gardens, parkways and cemeteries are not counted.
 */
export const PROXIMITY_PARK_CLASSES: readonly string[] = ['park', 'playground'];

/**
 * The parks and playgrounds of the basemap's open-space layer (public/data/basemap-parks.geojson, DATA_FILES.parks):
 * its features whose `class` is in {@link PROXIMITY_PARK_CLASSES}. This is what the Sweeps tab passes to
 * {@link createParkProximity}.
 */
export function parksAndPlaygrounds<P extends { class?: unknown } | null>(
  openSpace: FeatureCollection<Polygon | MultiPolygon, P>,
): FeatureCollection<Polygon | MultiPolygon, P> {
  return { type: 'FeatureCollection', features: openSpace.features.filter((f) => PROXIMITY_PARK_CLASSES.includes(String(f.properties?.class))) };
}

const RAD = Math.PI / 180;
/** Metres per degree of latitude on the mean Earth sphere. */
const METERS_PER_DEGREE = EARTH_RADIUS_METERS * RAD;

/** One polygon (outer ring and holes) with its box in degrees. */
type Part = { rings: Position[][]; west: number; south: number; east: number; north: number };

/** Whether [x, y] is inside the rings (even-odd: a point in a hole is outside). */
function insideRings(x: number, y: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!;
      const yi = ring[i]![1]!;
      const xj = ring[j]![0]!;
      const yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Squared distance in metres from the point to the nearest ring edge, on a local plane around the point (longitude
 * scaled by cos(latitude): under 0.1 % off the great-circle distance at a few hundred metres).
 */
function ringDistanceSquared(lng: number, lat: number, rings: Position[][], stopBelowSquared: number): number {
  const kx = Math.cos(lat * RAD) * METERS_PER_DEGREE;
  const ky = METERS_PER_DEGREE;
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]![0]! - lng) * kx;
      const ay = (ring[i - 1]![1]! - lat) * ky;
      const bx = (ring[i]![0]! - lng) * kx;
      const by = (ring[i]![1]! - lat) * ky;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d2 = px * px + py * py;
      if (d2 < best) {
        best = d2;
        if (best <= stopBelowSquared) return best;
      }
    }
  }
  return best;
}

/**
 * Returns a test of whether a [lng, lat] point is within `meters` of any of the polygons (a point inside one counts;
 * a point in a hole is measured to the hole's edge). Polygon boxes, widened by `meters`, are put in a grid of cells
 * of about `meters`; a query checks the boxes of its cell, then point-in-polygon and the distance to the rings. Builds
 * in O(vertices), answers in microseconds: meant for thousands of requests against Boston's ~360 parks.
 */
export function createParkProximity(
  parks: FeatureCollection<Polygon | MultiPolygon, unknown> | readonly Feature<Polygon | MultiPolygon, unknown>[],
  meters = PARK_PROXIMITY_METERS,
): (lngLat: readonly [number, number]) => boolean {
  if (!(Number.isFinite(meters) && meters >= 0)) throw new RangeError(`park proximity: ${meters} m is not a distance ≥ 0`);
  const features = 'features' in parks ? parks.features : parks;
  const parts: Part[] = [];
  for (const feature of features) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) {
      if (rings.length === 0 || (rings[0]?.length ?? 0) === 0) continue;
      let west = Infinity;
      let south = Infinity;
      let east = -Infinity;
      let north = -Infinity;
      for (const p of rings[0]!) {
        west = Math.min(west, p[0]!);
        east = Math.max(east, p[0]!);
        south = Math.min(south, p[1]!);
        north = Math.max(north, p[1]!);
      }
      parts.push({ rings, west, south, east, north });
    }
  }
  if (parts.length === 0) return () => false;

  // Grid cells in degrees, about max(meters, 100 m) wide; longitude scaled at the parks' mean latitude.
  const meanLat = parts.reduce((sum, p) => sum + (p.south + p.north) / 2, 0) / parts.length;
  const cosLat = Math.max(0.01, Math.cos(meanLat * RAD));
  const cellLat = Math.max(meters, 100) / METERS_PER_DEGREE;
  const cellLng = cellLat / cosLat;
  // Widening of the boxes, degrees: a little more than `meters` at the highest latitude of the parks (cos is smaller).
  const maxAbsLat = Math.min(89, Math.max(...parts.map((p) => Math.max(Math.abs(p.south), Math.abs(p.north)))));
  const padLat = (meters * 1.01) / METERS_PER_DEGREE;
  const padLng = padLat / Math.cos(maxAbsLat * RAD);
  const grid = new Map<string, number[]>();
  parts.forEach((part, index) => {
    const x0 = Math.floor((part.west - padLng) / cellLng);
    const x1 = Math.floor((part.east + padLng) / cellLng);
    const y0 = Math.floor((part.south - padLat) / cellLat);
    const y1 = Math.floor((part.north + padLat) / cellLat);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = `${x}:${y}`;
        const cell = grid.get(key);
        if (cell) cell.push(index);
        else grid.set(key, [index]);
      }
    }
  });
  const meters2 = meters * meters;
  return ([lng, lat]) => {
    const cell = grid.get(`${Math.floor(lng / cellLng)}:${Math.floor(lat / cellLat)}`);
    if (!cell) return false;
    for (const index of cell) {
      const part = parts[index]!;
      if (lng < part.west - padLng || lng > part.east + padLng || lat < part.south - padLat || lat > part.north + padLat) continue;
      if (insideRings(lng, lat, part.rings)) return true;
      if (ringDistanceSquared(lng, lat, part.rings, meters2) <= meters2) return true;
    }
    return false;
  };
}
