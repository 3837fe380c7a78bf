// One row of data/sites.csv: the zod schema every curated site passes (hours that parse, real dates, inside the service area).
import { z } from 'zod';
import { SERVICE_AREA_BBOX } from '../config/city';
import { isRealIsoDate } from './calendar-day';
import { latSchema, lngSchema } from './geometry';
import { openingHoursError } from './opening-hours';
import { COORD_PRECISIONS, SITE_ID_PATTERN, SITE_KINDS, WHEELCHAIR_ACCESS } from './site';
import type { Site } from './site';

const list = z
  .string()
  .transform((s) => s.split(';').map((x) => x.trim()).filter((x) => x.length > 0));
const optionalText = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' || s.toLowerCase() === 'unknown' ? null : s));

/** A longitude or latitude cell: a number, and inside the service area (Boston and its neighbours). */
function serviceAreaCoordinate(axis: 'lng' | 'lat') {
  const [min, max] = axis === 'lng' ? [SERVICE_AREA_BBOX[0], SERVICE_AREA_BBOX[2]] : [SERVICE_AREA_BBOX[1], SERVICE_AREA_BBOX[3]];
  return z
    .string()
    .trim()
    .min(1, `${axis} is required`)
    .pipe(z.coerce.number())
    .pipe(axis === 'lng' ? lngSchema : latSchema)
    .superRefine((value, ctx) => {
      if (value < min || value > max) {
        const name = axis === 'lng' ? 'longitude' : 'latitude';
        ctx.addIssue({
          code: 'custom',
          message: `${axis} ${value} is outside the service area (Boston and its neighbours: ${name} ${min} to ${max})`,
        });
      }
    });
}

/** OSM opening_hours text, or null when empty / "unknown" (no source publishes hours); text that does not parse is an error. */
const openingHoursText = optionalText.superRefine((value, ctx) => {
  if (value === null) return;
  const error = openingHoursError(value);
  if (error !== null) {
    ctx.addIssue({ code: 'custom', message: `opening_hours "${value}" is not valid OSM opening_hours syntax: ${error.trim()}` });
  }
});

/** A wheelchair cell: yes, limited or no (any case), or empty / "unknown" when no source says. */
const wheelchairText = optionalText.pipe(
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(WHEELCHAIR_ACCESS, { message: 'wheelchair must be yes, limited, no, or empty when no source says' }))
    .nullable(),
);

/**
 * One row of data/sites.csv as text (every CSV cell is a string), validated and converted.
 * Unknown facts are empty cells (or "unknown") and become null: the app says "not published".
 */
export const siteCsvRowSchema = z.object({
  id: z.string().regex(SITE_ID_PATTERN, 'id must be kebab-case: a-z, 0-9 and -, at most 80 characters'),
  name: z.string().trim().min(1, 'name is required'),
  kind: z.enum(SITE_KINDS),
  address: optionalText,
  city: z.string().trim().min(1, 'city is required'),
  lng: serviceAreaCoordinate('lng'),
  lat: serviceAreaCoordinate('lat'),
  coord_precision: z.enum(COORD_PRECISIONS),
  opening_hours: openingHoursText,
  hours_note: optionalText,
  phone: optionalText,
  services: list,
  languages: list,
  eligibility: optionalText,
  wheelchair: wheelchairText,
  source: z.string().trim().min(1, 'every row needs a source (URL or dataset name)'),
  last_verified: z.string().trim().refine(isRealIsoDate, 'last_verified must be a real calendar date written YYYY-MM-DD'),
});

export type SiteCsvRow = z.input<typeof siteCsvRowSchema>;

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
    wheelchair: row.wheelchair,
    source: row.source,
    lastVerified: row.last_verified,
  };
}
