// A Site: a place that offers a harm-reduction service (disposal point, drop-in, treatment...), modelled on HSDS 3.
import { z } from 'zod';
import { latSchema, lngSchema } from './geometry';

export const SITE_KINDS = [
  'disposal-kiosk',
  'drop-off',
  'syringe-service-program',
  'drop-in-center',
  'treatment',
  'pharmacy',
  'outreach-base',
  'other',
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Kinds drawn in the "Disposal points" layer; every other kind is a "Drop-in service site". */
export const DISPOSAL_KINDS: readonly SiteKind[] = ['disposal-kiosk', 'drop-off', 'pharmacy'];

export const COORD_PRECISIONS = ['exact', 'building', 'street-level', 'approximate'] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const list = z
  .string()
  .transform((s) => s.split(';').map((x) => x.trim()).filter((x) => x.length > 0));
const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' || s.toLowerCase() === 'unknown' ? null : s));

/**
 * One row of data/sites.csv as text (every CSV cell is a string), validated and converted.
 * Unknown facts are empty cells (or "unknown") and become null: the app says "not published".
 */
export const siteCsvRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id must be kebab-case: a-z, 0-9 and -'),
  name: z.string().trim().min(1, 'name is required'),
  kind: z.enum(SITE_KINDS),
  address: optionalText,
  city: z.string().trim().min(1, 'city is required'),
  lng: z.string().trim().min(1, 'lng is required').pipe(z.coerce.number()).pipe(lngSchema),
  lat: z.string().trim().min(1, 'lat is required').pipe(z.coerce.number()).pipe(latSchema),
  coord_precision: z.enum(COORD_PRECISIONS),
  opening_hours: optionalText,
  hours_note: optionalText,
  phone: optionalText,
  services: list,
  languages: list,
  eligibility: optionalText,
  source: z.string().trim().min(1, 'every row needs a source (URL or dataset name)'),
  last_verified: isoDate,
});

export type SiteCsvRow = z.input<typeof siteCsvRowSchema>;

export type Site = {
  id: string;
  name: string;
  kind: SiteKind;
  address: string | null;
  city: string;
  coordinates: [lng: number, lat: number];
  coordPrecision: CoordPrecision;
  /** OSM opening_hours syntax, or null when no source publishes hours. */
  openingHours: string | null;
  hoursNote: string | null;
  phone: string | null;
  services: string[];
  languages: string[];
  eligibility: string | null;
  source: string;
  lastVerified: string;
};

/** Converts a validated CSV row into a Site. */
export function siteFromCsvRow(row: z.output<typeof siteCsvRowSchema>): Site {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    city: row.city,
    coordinates: [row.lng, row.lat],
    coordPrecision: row.coord_precision,
    openingHours: row.opening_hours,
    hoursNote: row.hours_note,
    phone: row.phone,
    services: row.services,
    languages: row.languages,
    eligibility: row.eligibility,
    source: row.source,
    lastVerified: row.last_verified,
  };
}

/** Properties of a site as a GeoJSON feature in public/data/sites.geojson (arrays kept as arrays). */
export const sitePropertiesSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  layer: z.enum(['disposal', 'service']),
  address: z.string().nullable(),
  city: z.string(),
  coordPrecision: z.enum(COORD_PRECISIONS),
  openingHours: z.string().nullable(),
  hoursNote: z.string().nullable(),
  phone: z.string().nullable(),
  services: z.array(z.string()),
  languages: z.array(z.string()),
  eligibility: z.string().nullable(),
  source: z.string(),
  lastVerified: z.string(),
});
export type SiteProperties = z.infer<typeof sitePropertiesSchema>;
