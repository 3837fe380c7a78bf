// The open-space layer's parks file (public/data/basemap-parks.geojson), validated for what the park-proximity test reads.
import { z } from 'zod';
import { polygonalGeometrySchema } from '../domain/geometry';
import { parksAndPlaygrounds } from '../geo/park-proximity';

export const parksFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), properties: z.object({ class: z.string().optional() }).passthrough().nullable(), geometry: polygonalGeometrySchema })),
});

/** The parks and playgrounds of the parks file (plazas, wilds, gardens, parkways and cemeteries left out). */
export const decodeParks = (json: unknown) => parksAndPlaygrounds(parksFileSchema.parse(json));
