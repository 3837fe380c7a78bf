// An Outreach zone: a polygon the outreach teams work, with name, team, notes, and where its outline came from.
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
