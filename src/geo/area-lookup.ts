// Which named area (a Boston neighbourhood, or Brookline, Cambridge, Somerville) contains a point.
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import { insideBbox, type LngLatBbox, type PolygonalGeometry } from '../domain/geometry';

export type NamedArea<K extends string = string> = { name: string; kind: K; geometry: PolygonalGeometry };

/**
 * Builds `areaAt(point)`: the first area (in the given order) whose polygon contains `point` ([lng, lat] degrees,
 * boundary included), or null outside all of them. Bounding boxes are computed once and tested first.
 */
export function createAreaLookup<K extends string>(areas: readonly NamedArea<K>[]): (point: readonly [number, number]) => NamedArea<K> | null {
  const boxes = areas.map((a) => turfBbox(a.geometry) as LngLatBbox);
  return (point) => {
    for (let i = 0; i < areas.length; i++) {
      if (!insideBbox(point[0], point[1], boxes[i]!)) continue;
      if (booleanPointInPolygon([point[0], point[1]], areas[i]!.geometry)) return areas[i]!;
    }
    return null;
  };
}
