// Shared coordinate types and zod schemas for GeoJSON geometries (always [lng, lat], WGS84): positions, points, polygons.
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

/** A WGS84 position in GeoJSON order. */
export type LngLat = [lng: number, lat: number];

/** A bounding box [west, south, east, north] in degrees (WGS84). */
export type LngLatBbox = [west: number, south: number, east: number, north: number];

/** A GeoJSON Polygon or MultiPolygon (zones, neighbourhoods, land). */
export type PolygonalGeometry = Polygon | MultiPolygon;

export const lngSchema = z.number().min(-180).max(180);
export const latSchema = z.number().min(-90).max(90);
export const lngLatSchema = z.tuple([lngSchema, latSchema]);

/** A GeoJSON position: [lng, lat], optionally followed by an altitude (kept, not checked). */
export const positionSchema = z.tuple([lngSchema, latSchema]).rest(z.number());

/** A GeoJSON Point. */
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema });

/** A linear ring: at least 4 positions (the first repeated at the end). */
export const ringSchema = z.array(positionSchema).min(4, 'a polygon ring needs at least 4 positions');

/** A GeoJSON Polygon: an outer ring, then any holes. */
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1) });

/** A GeoJSON MultiPolygon: at least one polygon of at least one ring. */
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});

/** A GeoJSON Polygon or MultiPolygon in WGS84. */
export const polygonalGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema], {
  error: 'geometry must be a Polygon or MultiPolygon',
});

/** Rounds a coordinate to 6 decimals (about 0.1 m), the precision the sources publish and the app stores. */
export function roundCoordinate6(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

/** True when [lng, lat] lies inside bbox [west, south, east, north] (edges included). */
export function insideBbox(lng: number, lat: number, bbox: readonly [number, number, number, number]): boolean {
  return lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}
