// Finds features drawn at (nearly) the same spot as another, so a click on stacked markers can reach all of them.
import { distance } from '@turf/turf';
import type { Feature, Point } from 'geojson';

/**
 * Features other than `target` within `maxDistanceMeters` (geodesic, haversine) of it, nearest first.
 * Does not mutate its inputs.
 */
export function coLocated<P>(features: readonly Feature<Point, P>[], target: Feature<Point, P>, maxDistanceMeters: number): Feature<Point, P>[] {
  return features
    .filter((f) => f !== target)
    .map((f) => ({ f, d: distance(target.geometry.coordinates, f.geometry.coordinates, { units: 'meters' }) }))
    .filter((x) => x.d <= maxDistanceMeters)
    .sort((a, b) => a.d - b.d)
    .map((x) => x.f);
}
