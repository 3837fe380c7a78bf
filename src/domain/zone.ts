// An Outreach zone: a polygon the outreach teams work, with name, team, notes, and where its outline came from.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

export const zonePropertiesSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'a zone needs a name'),
  team: z.string().default(''),
  notes: z.string().default(''),
  /** True for the shipped default outlines, which are approximations around named places. */
  approximate: z.boolean().default(false),
  source: z.string().default('drawn by a user'),
});
export type ZoneProperties = z.infer<typeof zonePropertiesSchema>;

/** A zone's outline: one polygon, or several (a zone split by a highway or the water). */
export type ZoneGeometry = Polygon | MultiPolygon;
/** An outreach zone as a GeoJSON feature; a stored or drawn zone also carries its id as the feature id. */
export type ZoneFeature = Feature<ZoneGeometry, ZoneProperties>;
export type ZoneCollection = FeatureCollection<ZoneGeometry, ZoneProperties>;
