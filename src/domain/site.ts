// A Site: a place that offers a harm-reduction service (disposal point, drop-in, treatment...), modelled on HSDS 3.
// The CSV row schema is in site-csv.ts, so that the app's first screen does not load the opening_hours parser.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { z } from 'zod';
import { isRealIsoDate } from './calendar-day';

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

/** Map layers a site can be drawn in. */
export const SITE_LAYERS = ['disposal', 'service'] as const;
export type SiteLayer = (typeof SITE_LAYERS)[number];

/** A site id: kebab-case, a-z, 0-9 and '-', 1 to 80 characters (it appears in URLs), anchored at both ends. */
export const SITE_ID_PATTERN = /^[a-z0-9-]{1,80}$/;

/**
 * How a site's coordinates were obtained, most to least precise: the offline geocoder's vocabulary
 * (`src/geo/geocoder.ts` Precision: an address point, a house number interpolated along its street, an intersection,
 * somewhere on the named street, a named place such as a park, a neighbourhood) plus 'pinned', a person's correction
 * (a marker dragged to the spot), which wins over any geocoder result.
 */
export const COORD_PRECISIONS = ['pinned', 'address-point', 'interpolated', 'intersection', 'street', 'place', 'neighborhood'] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

/** Wheelchair access as a source states it (OSM `wheelchair` values); null when no source says. */
export const WHEELCHAIR_ACCESS = ['yes', 'limited', 'no'] as const;
export type WheelchairAccess = (typeof WHEELCHAIR_ACCESS)[number];

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
  /** Wheelchair access as a source states it; null when unknown. */
  wheelchair: WheelchairAccess | null;
  source: string;
  lastVerified: string;
};

/**
 * Properties of a site as a GeoJSON feature in public/data/sites.geojson (arrays kept as arrays). Strict: a property
 * the app does not know is an error, so a misspelt or stale file fails loudly instead of being half-read.
 */
export const sitePropertiesSchema = z.strictObject({
  id: z.string().regex(SITE_ID_PATTERN, 'id must be kebab-case: a-z, 0-9 and -, at most 80 characters'),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  layer: z.enum(SITE_LAYERS),
  address: z.string().nullable(),
  city: z.string(),
  coordPrecision: z.enum(COORD_PRECISIONS),
  openingHours: z.string().nullable(),
  hoursNote: z.string().nullable(),
  phone: z.string().nullable(),
  services: z.array(z.string()),
  languages: z.array(z.string()),
  eligibility: z.string().nullable(),
  wheelchair: z.enum(WHEELCHAIR_ACCESS).nullable(),
  source: z.string(),
  lastVerified: z.string().refine(isRealIsoDate, 'lastVerified must be a real calendar date written YYYY-MM-DD'),
});
export type SiteProperties = z.infer<typeof sitePropertiesSchema>;

/** A site as a GeoJSON feature in public/data/sites.geojson. */
export type SiteFeature = Feature<Point, SiteProperties>;
export type SiteCollection = FeatureCollection<Point, SiteProperties>;
