// A Boston neighbourhood as read from the City's boundaries file and as written for the app.
import { z } from 'zod';
import { polygonalGeometrySchema } from './geometry';

/**
 * One feature of boston/neighborhoods.geojson (the City's layer names the neighbourhood `Name`; lower-case `name`
 * is accepted too). Output properties are just { name }.
 */
export const neighborhoodSourceFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: polygonalGeometrySchema,
    properties: z.object({ Name: z.string().optional(), name: z.string().optional() }),
  })
  .transform((f, ctx) => {
    const name = (f.properties.Name ?? f.properties.name ?? '').trim();
    if (name === '') {
      ctx.addIssue({ code: 'custom', path: ['properties', 'Name'], message: 'neighbourhood has no name' });
      return z.NEVER;
    }
    return { type: 'Feature' as const, geometry: f.geometry, properties: { name } };
  });

/** Properties of public/data/neighborhoods.geojson. */
export const neighborhoodPropertiesSchema = z.object({ name: z.string().min(1) });
export type NeighborhoodProperties = z.infer<typeof neighborhoodPropertiesSchema>;
