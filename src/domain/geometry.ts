// Shared coordinate types and zod schemas for GeoJSON positions (always [lng, lat], WGS84).
import { z } from 'zod';

/** A WGS84 position in GeoJSON order. */
export type LngLat = [lng: number, lat: number];

export const lngSchema = z.number().min(-180).max(180);
export const latSchema = z.number().min(-90).max(90);
export const lngLatSchema = z.tuple([lngSchema, latSchema]);
