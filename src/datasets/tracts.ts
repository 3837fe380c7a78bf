// public/data/tracts.geojson: Boston's census tracts with estimated residents; its schema, decoding and loader.
import { z } from 'zod';
import { polygonalGeometrySchema, type LngLat, type PolygonalGeometry } from '../domain/geometry';
import { tractInsidePoint } from '../geo/tract-demand';
import { loadDecoded } from './load-data';

/** How to name the tracts' population wherever it is shown (it is a derived estimate, not a count). */
export const TRACT_POPULATION_LABEL = 'estimated residents (ACS, about 2015)';

/** Properties of one tract in the generated file. */
export const tractPropertiesSchema = z.object({
  /** Census GEOID (2010): state, county and tract code, 11 digits. */
  geoid: z.string().regex(/^\d{11}$/, 'geoid must be 11 digits'),
  /** The Census name, e.g. "Census Tract 104.05". */
  name: z.string().min(1),
  /** Estimated residents (population_est of the shared file): a whole number ≥ 0. */
  population: z.int().nonnegative(),
});
export type TractProperties = z.infer<typeof tractPropertiesSchema>;

export const tractFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: polygonalGeometrySchema,
  properties: tractPropertiesSchema,
});

/** The whole file: a FeatureCollection of tracts. */
export const tractsFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(tractFeatureSchema),
});

/** A decoded tract. `centroid` is a point strictly inside it ([lng, lat], see tractInsidePoint), not always the centroid. */
export type Tract = { geoid: string; name: string; population: number; centroid: LngLat; geometry: PolygonalGeometry };

/**
 * Decodes the generated tracts file. Throws naming the first problem (path and message) when the file does not match
 * the schema, or naming a geoid that appears twice. Does not mutate `json`.
 */
export function parseTracts(json: unknown): Tract[] {
  const parsed = tractsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`malformed tracts file at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const seen = new Set<string>();
  return parsed.data.features.map((f) => {
    const { geoid, name, population } = f.properties;
    if (seen.has(geoid)) throw new Error(`malformed tracts file: tract ${geoid} appears twice`);
    seen.add(geoid);
    const geometry = f.geometry as PolygonalGeometry;
    return { geoid, name, population, centroid: tractInsidePoint(geometry), geometry };
  });
}

/** Loads public/data/tracts.geojson (only the Coverage tab needs it). Throws naming the file when it is malformed. */
export function loadTracts(url: string): Promise<Tract[]> {
  return loadDecoded(url, parseTracts);
}
