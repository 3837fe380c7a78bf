// k-nearest sites to a point by great-circle distance, from a kdbush index built once (geokdbush search).
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine';

/** geokdbush measures on a sphere of this radius (km); thresholds are converted through the angle so both agree. */
const GEOKDBUSH_EARTH_RADIUS_KM = 6371;

export type NearestOptions<S> = {
  /** How many sites at most (default 5; Infinity for all within maxDistanceMeters). */
  k?: number;
  /** Only sites at most this far, great-circle metres (default: no limit). */
  maxDistanceMeters?: number;
  /** Only sites for which this returns true (called lazily, nearest candidates first). */
  filter?: (site: S) => boolean;
};

export type NearestHit<S> = { site: S; distanceMeters: number };

export type NearestIndex<S> = {
  /**
   * The k nearest sites to `point` ([lng, lat], degrees), nearest first, with their great-circle distance in metres
   * (haversine, mean Earth radius, as turf.distance). Equal distances keep the sites' input order.
   */
  nearest(point: [number, number], options?: NearestOptions<S>): NearestHit<S>[];
};

function assertLngLat(p: readonly number[], what: string): void {
  const [lng, lat] = p;
  if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw new RangeError(`${what}: not a [lng, lat] position in degrees: ${JSON.stringify(p)}`);
  }
}

/**
 * Builds a spatial index (kdbush) over `sites` once; `nearest` then answers k-nearest queries by great-circle
 * distance (geokdbush) in O(log n + k) typical time. Neither the array nor the sites are mutated; the index keeps its
 * own copy of the array, so later changes to the caller's array do not affect it. Throws a RangeError naming the
 * site when a position is not finite [lng, lat] degrees.
 */
export function createNearestIndex<S extends { lngLat: [number, number] }>(sites: S[]): NearestIndex<S> {
  const items: readonly S[] = sites.slice();
  const index = new KDBush(Math.max(items.length, 1));
  items.forEach((site, i) => {
    assertLngLat(site.lngLat, `createNearestIndex: site ${i}`);
    index.add(site.lngLat[0], site.lngLat[1]);
  });
  if (items.length === 0) index.add(0, 0); // kdbush needs one item; the empty case returns before searching
  index.finish();

  return {
    nearest(point, options = {}) {
      assertLngLat(point, 'nearest: point');
      const k = options.k ?? 5;
      if (!(k === Infinity || (Number.isInteger(k) && k >= 0))) throw new RangeError(`nearest: k must be a whole number ≥ 0 or Infinity, got ${k}`);
      const maxMeters = options.maxDistanceMeters ?? Infinity;
      if (Number.isNaN(maxMeters)) throw new RangeError('nearest: maxDistanceMeters is NaN');
      if (items.length === 0 || k === 0 || maxMeters < 0) return [];
      const filter = options.filter;
      // Same angle as maxMeters on geokdbush's sphere, with a hair of slack; the exact cut is made below in metres.
      const maxKm = maxMeters === Infinity ? Infinity : (maxMeters / EARTH_RADIUS_METERS) * GEOKDBUSH_EARTH_RADIUS_KM * (1 + 1e-9);
      const ids = around(index, point[0], point[1], k, maxKm, filter ? (id: number) => filter(items[id]!) : undefined);
      const hits = ids
        .map((id) => ({ id, distanceMeters: haversineMeters(point, items[id]!.lngLat) }))
        .filter((h) => h.distanceMeters <= maxMeters);
      hits.sort((a, b) => a.distanceMeters - b.distanceMeters || a.id - b.id);
      return hits.map((h) => ({ site: items[h.id]!, distanceMeters: h.distanceMeters }));
    },
  };
}
