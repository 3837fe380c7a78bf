// Great-circle distance (haversine) in metres on the mean Earth sphere, the same radius turf uses.
import type { LngLat } from '../domain/geometry';

/** Mean Earth radius in metres (IUGG R1), as in @turf/helpers, so distances here equal turf.distance in metres. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle distance in metres between two [lng, lat] points in degrees (haversine formula). */
export function haversineMeters(a: readonly [number, number] | LngLat, b: readonly [number, number] | LngLat): number {
  return haversineMetersLngLat(a[0], a[1], b[0], b[1]);
}

/** {@link haversineMeters} on separate coordinates (degrees), for hot loops over typed arrays. */
export function haversineMetersLngLat(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLng = Math.sin(((lng2 - lng1) * RAD) / 2);
  const h = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLng * sinDLng;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}
