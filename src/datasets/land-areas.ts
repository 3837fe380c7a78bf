// The generated basemap land file (public/data/basemap-land.geojson) as named areas: Boston's neighbourhoods and the
// neighbouring cities, each a polygon with its name and kind.
import { z } from 'zod';
import { polygonalGeometrySchema } from '../domain/geometry';
import type { NamedArea } from '../geo/area-lookup';

export type LandAreaKind = 'neighborhood' | 'city';

const landFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ name: z.string().min(1), kind: z.enum(['neighborhood', 'city']) }),
      geometry: polygonalGeometrySchema,
    }),
  ),
});

/** Decodes the land file; throws with the first problem's path when it is not the pipeline's format. */
export function parseLandAreas(json: unknown): NamedArea<LandAreaKind>[] {
  const parsed = landFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a land file: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}`);
  }
  return parsed.data.features.map((f) => ({ name: f.properties.name, kind: f.properties.kind, geometry: f.geometry }));
}
