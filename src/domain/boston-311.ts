// Boston 311 source records (CSV exports and the published points file): zod schemas and the data-quality rules.
import { z } from 'zod';
import { BOSTON_TIME_ZONE, DEFAULT_311_LOCATIONS } from '../config/city';
import { isRealIsoDate } from './calendar-day';


/** The 311 case type this app maps. */
export const NEEDLE_PICKUP_TYPE = 'Needle Pickup';

/** Reason given for a default location, or null when the point is a real one. */
export function defaultLocationReason(lng: number, lat: number): string | null {
  for (const d of DEFAULT_311_LOCATIONS) {
    if (Math.abs(lng - d.lngLat[0]) < 0.00005 && Math.abs(lat - d.lngLat[1]) < 0.00005) return d.reason;
  }
  return null;
}

const bostonDateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BOSTON_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A 311 timestamp as Boston local date and time; time is null when the value has only a date. */
export type BostonDateTime = { date: string; time: string | null };

const two = (n: number) => String(n).padStart(2, '0');

/** "HH:MM:SS" from parts, or null when they are not a time of day. */
function timeOfDay(hour: number, minute: number, second: number): string | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${two(hour)}:${two(minute)}:${two(second)}`;
}

/**
 * The Boston local date (YYYY-MM-DD) and time ("HH:MM:SS", or null for a bare date) of a 311 timestamp, or null
 * when it is not one. Accepts the old export form "05/15/2015 02:40:00 PM" (local time, 12- or 24-hour), ISO
 * "2024-01-02 10:15:00" / "2024-01-02T10:15:00" / "2024-01-02" (local time), and ISO with "Z" or an offset
 * ("+00", "-05:00", "-0500"; converted to Boston time).
 */
export function bostonDateTimeFrom311(value: string): BostonDateTime | null {
  const s = value.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AP])M)?)?$/i.exec(s);
  if (us) {
    const date = `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
    if (!isRealIsoDate(date)) return null;
    if (us[4] === undefined) return { date, time: null };
    let hour = Number(us[4]);
    const ampm = us[7]?.toUpperCase();
    if (ampm !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ampm === 'P' ? 12 : 0);
    }
    const time = timeOfDay(hour, Number(us[5]), Number(us[6] ?? 0));
    return time === null ? null : { date, time };
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(s);
  if (!iso) return null;
  const date = iso[1]!;
  if (!isRealIsoDate(date)) return null;
  if (iso[2] === undefined) return { date, time: null };
  const time = timeOfDay(Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0));
  if (time === null) return null;
  const zone = iso[5];
  if (!zone) return { date, time };
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(`${date}T${time}${offset}`);
  if (Number.isNaN(instant.getTime())) return null;
  const p: Record<string, string> = {};
  for (const part of bostonDateTimeFormat.formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/**
 * The Boston local date (YYYY-MM-DD) of a 311 timestamp, or null when it is not one (forms: see
 * bostonDateTimeFrom311).
 */
export function bostonDateFrom311(value: string): string | null {
  return bostonDateTimeFrom311(value)?.date ?? null;
}

/** A US ZIP code as 5 digits ("2118.0" and "2118" become "02118"), or null when absent or not a ZIP. */
export function normalizeZip(value: string | null | undefined): string | null {
  const s = (value ?? '').trim().replace(/\.0+$/, '');
  if (!/^\d{3,5}(-\d{4})?$/.test(s)) return null;
  return s.slice(0, 5).padStart(5, '0');
}

const optionalText = z
  .string()
  .optional()
  .transform((s) => {
    const t = (s ?? '').trim();
    return t === '' ? null : t;
  });

const dateText = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is missing`)
    .transform((s, ctx) => {
      const d = bostonDateTimeFrom311(s);
      if (d === null) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a date` });
        return z.NEVER;
      }
      return d;
    });

const coordinateText = (label: 'latitude' | 'longitude') =>
  z
    .string()
    .trim()
    .min(1, 'no coordinates')
    .transform((s, ctx) => {
      const n = Number(s);
      const limit = label === 'latitude' ? 90 : 180;
      if (!Number.isFinite(n) || Math.abs(n) > limit) {
        ctx.addIssue({ code: 'custom', message: `invalid ${label}` });
        return z.NEVER;
      }
      return n;
    });

/**
 * One row of a 311 CSV export, keys lower-cased (old and current Analyze Boston schemas share these names once
 * lower-cased). Optional columns may be absent. open_dt and closed_dt become Boston local date and time.
 */
export const boston311CsvRowSchema = z.object({
  case_enquiry_id: z.string().trim().min(1, 'case id is missing'),
  open_dt: dateText('open date'),
  closed_dt: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const t = (s ?? '').trim();
      if (t === '') return null;
      const d = bostonDateTimeFrom311(t);
      if (d === null) {
        ctx.addIssue({ code: 'custom', message: 'close date is not a date' });
        return z.NEVER;
      }
      return d;
    }),
  case_status: z
    .string()
    .optional()
    .transform((s) => {
      const t = (s ?? '').trim().toLowerCase();
      return t === 'open' ? ('open' as const) : t === 'closed' ? ('closed' as const) : ('unknown' as const);
    }),
  closure_reason: optionalText,
  case_title: optionalText,
  type: z.string().trim(),
  neighborhood: optionalText,
  location_street_name: optionalText,
  location_zipcode: z.string().optional().transform((s) => normalizeZip(s)),
  latitude: coordinateText('latitude'),
  longitude: coordinateText('longitude'),
  source: optionalText,
  ward: optionalText,
});
export type Boston311CsvRow = z.output<typeof boston311CsvRowSchema>;

/** Columns a 311 CSV must have (lower-cased); the others are optional. */
export const BOSTON_311_REQUIRED_COLUMNS = ['case_enquiry_id', 'open_dt', 'type', 'latitude', 'longitude'] as const;

/**
 * Why a 311 case is a test or was voided by 311 rather than a real report, or null.
 * "Case Invalid" closures are test cases, wrong case types, duplicates with a wrong location, or police matters.
 */
export function testOrInvalidCaseReason(title: string | null, closureReason: string | null): string | null {
  const t = title ?? '';
  const c = closureReason ?? '';
  if (/\btest\b/i.test(t) || (/case invalid/i.test(c) && /\btest\b/i.test(c))) return 'test case';
  if (/case invalid/i.test(c)) return 'closed by 311 as "Case Invalid"';
  return null;
}

/** Properties of one feature of boston/needle-requests-points-2024-2026.geojson. */
export const needlePointPropertiesSchema = z.object({
  date: z.string().refine(isRealIsoDate, 'date must be a calendar date YYYY-MM-DD'),
  neighborhood: z.string().nullish().transform((s) => (s?.trim() ? s.trim() : null)),
  street: z.string().nullish().transform((s) => (s?.trim() ? s.trim() : null)),
  zip: z.string().nullish().transform((s) => normalizeZip(s)),
});

export const needlePointFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object(
    {
      type: z.literal('Point', 'geometry must be a Point'),
      coordinates: z.tuple([z.number(), z.number()], 'coordinates must be [lng, lat]').rest(z.number()),
    },
    'no geometry',
  ),
  properties: needlePointPropertiesSchema,
});

const numberOrText = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));

/**
 * One service request of an Open311 GeoReport v2 JSON list (requests.json), as Boston's Open311 endpoint publishes it.
 * Fields the app does not use are ignored. A closed request's close date is the date it was last updated.
 */
export const open311RequestSchema = z.object({
  service_request_id: z
    .union([z.string(), z.number()], 'service_request_id is missing')
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, 'service_request_id is missing')),
  service_name: z.string().nullish().transform((s) => (s ?? '').trim()),
  status: z
    .string()
    .nullish()
    .transform((s) => {
      const t = (s ?? '').trim().toLowerCase();
      return t === 'open' ? ('open' as const) : t === 'closed' ? ('closed' as const) : ('unknown' as const);
    }),
  status_notes: z.string().nullish().transform((s) => (s?.trim() ? s.trim() : null)),
  requested_datetime: z.string('requested date is missing').pipe(dateText('requested date')),
  updated_datetime: z
    .string()
    .nullish()
    .transform((s, ctx) => {
      const t = (s ?? '').trim();
      if (t === '') return null;
      const d = bostonDateTimeFrom311(t);
      if (d === null) {
        ctx.addIssue({ code: 'custom', message: 'updated date is not a date' });
        return z.NEVER;
      }
      return d;
    }),
  address: z.string().nullish().transform((s) => (s?.trim() ? s.trim() : null)),
  zipcode: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => normalizeZip(v === null || v === undefined ? null : String(v))),
  lat: numberOrText.pipe(coordinateText('latitude')),
  long: numberOrText.pipe(coordinateText('longitude')),
});
export type Open311Request = z.output<typeof open311RequestSchema>;
