// Parses a planner's list of candidate kiosk sites (CSV with a name and latitude/longitude columns in any common
// spelling, or GeoJSON points): every row kept or rejected with its line and why; points outside Boston rejected.
import { z } from 'zod';
import { CITY_BBOX } from '../config/city';
import { insideBbox } from '../domain/geometry';
import type { LoadResult, Rejected } from '../domain/rejection';
import { readCsv } from './read-csv';
import { normaliseHeader } from './site-csv-mapping';

/** One imported candidate: its name, [lng, lat] (degrees) and, when the file has one, its address. */
export type CandidateRow = { name: string; lngLat: [lng: number, lat: number]; address: string | null };

/** Most candidates one list may hold (the siting search grows with the number of candidates). */
export const MAX_IMPORTED_CANDIDATES = 5000;

type Column = 'name' | 'lat' | 'lng' | 'address';
/** Header spellings each column is recognised by (compared after normaliseHeader). */
const SYNONYMS: Record<Column, string[]> = {
  name: ['name', 'candidate', 'candidatename', 'sitename', 'site', 'label', 'title', 'placename', 'locationname', 'facility', 'facilityname'],
  lat: ['lat', 'latitude', 'y', 'ycoord', 'ycoordinate', 'latdd', 'latitudedd'],
  lng: ['lng', 'lon', 'long', 'longitude', 'x', 'xcoord', 'xcoordinate', 'londd', 'longitudedd'],
  address: ['address', 'streetaddress', 'street', 'addr', 'address1', 'location'],
};
const REQUIRED: readonly Column[] = ['name', 'lat', 'lng'];
const LABEL: Record<Column, string> = { name: 'name', lat: 'latitude', lng: 'longitude', address: 'address' };

/** A cell holding a number in [min, max]: one issue per cell (empty, not a number, or out of range). */
const numberCell = (label: string, min: number, max: number) =>
  z.string().transform((text, ctx) => {
    const v = text.trim();
    const n = Number(v);
    const message = v === '' ? `${label} is empty` : !Number.isFinite(n) ? `${label} is not a number` : n < min || n > max ? `${label} must be between ${min} and ${max}` : null;
    if (message === null) return n;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

const csvRowSchema = z.object({
  name: z.string().trim().min(1, 'name is empty').max(120, 'name is longer than 120 characters'),
  lat: numberCell('latitude', -90, 90),
  lng: numberCell('longitude', -180, 180),
  address: z.string().trim().max(200, 'address is longer than 200 characters'),
});

const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.literal('Point', 'geometry must be a Point'), coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number()) }),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** Which header holds each column (exact names first, then synonyms in order), or null when none does. */
function findColumns(header: readonly string[]): Record<Column, number> {
  const normal = header.map(normaliseHeader);
  const used = new Set<number>();
  const out = { name: -1, lat: -1, lng: -1, address: -1 };
  for (const column of ['lat', 'lng', 'name', 'address'] as const) {
    for (const synonym of SYNONYMS[column]) {
      const i = normal.findIndex((h, j) => h === synonym && !used.has(j));
      if (i >= 0) {
        out[column] = i;
        used.add(i);
        break;
      }
    }
  }
  return out;
}

/** Why a point cannot be a candidate (outside the city, or latitude and longitude given the wrong way round), or null. */
function placeProblem(lng: number, lat: number, bbox: readonly [number, number, number, number]): string | null {
  if (insideBbox(lng, lat, bbox)) return null;
  return insideBbox(lat, lng, bbox) ? 'latitude and longitude look swapped' : 'outside the Boston bounding box';
}

/** Adds `row` unless its place repeats an earlier row's (ids are made from places) or the list is full. */
function keep(out: LoadResult<CandidateRow>, seen: Map<string, number>, row: CandidateRow, line: number, raw: string): void {
  const key = `${row.lngLat[0].toFixed(6)},${row.lngLat[1].toFixed(6)}`;
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    out.rejected.push({ line, field: 'coordinates', reason: `same place as line ${earlier}`, raw });
    return;
  }
  if (out.rows.length >= MAX_IMPORTED_CANDIDATES) {
    out.rejected.push({ line, field: '', reason: `more than ${MAX_IMPORTED_CANDIDATES} candidates: the rest are left out`, raw });
    return;
  }
  seen.set(key, line);
  out.rows.push(row);
}

function parseCsv(text: string, bbox: readonly [number, number, number, number]): LoadResult<CandidateRow> {
  const csv = readCsv(text);
  const out: LoadResult<CandidateRow> = { rows: [], rejected: [] };
  if (csv.header.length === 0) {
    const e = csv.errors[0];
    out.rejected.push(e ? { line: e.line, field: '', reason: `unreadable CSV header: ${e.message}`, raw: e.raw } : { line: 1, field: '', reason: 'empty file: no header row', raw: '' });
    return out;
  }
  const at = findColumns(csv.header);
  const missing = REQUIRED.filter((c) => at[c] < 0);
  if (missing.length > 0) {
    const reason = `missing column${missing.length > 1 ? 's' : ''}: ${missing.map((c) => LABEL[c]).join(', ')} (headers found: ${csv.header.join(', ')})`;
    out.rejected.push({ line: 1, field: missing.join(','), reason, raw: csv.header.join(',') });
    return out;
  }
  for (const e of csv.errors) out.rejected.push({ line: e.line, field: '', reason: `unreadable CSV: ${e.message}`, raw: e.raw });
  const seen = new Map<string, number>();
  for (const record of csv.records) {
    const cell = (c: Column) => (at[c] >= 0 ? (record.values[at[c]] ?? '') : '');
    if (record.values.length < Math.max(at.name, at.lat, at.lng) + 1) {
      out.rejected.push({ line: record.line, field: '', reason: `row has ${record.values.length} fields, header has ${csv.header.length}`, raw: record.raw });
      continue;
    }
    const parsed = csvRowSchema.safeParse({ name: cell('name'), lat: cell('lat'), lng: cell('lng'), address: cell('address') });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) out.rejected.push({ line: record.line, field: LABEL[issue.path[0] as Column] ?? '', reason: issue.message, raw: record.raw });
      continue;
    }
    const { name, lat, lng, address } = parsed.data;
    const problem = placeProblem(lng, lat, bbox);
    if (problem) {
      out.rejected.push({ line: record.line, field: 'coordinates', reason: problem, raw: record.raw });
      continue;
    }
    keep(out, seen, { name, lngLat: [lng, lat], address: address === '' ? null : address }, record.line, record.raw);
  }
  return out;
}

/** A feature's name: the first non-empty text among the usual property names. */
function featureName(properties: Record<string, unknown>): string | null {
  for (const [k, v] of Object.entries(properties)) {
    if (SYNONYMS.name.includes(normaliseHeader(k)) && typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 120);
  }
  return null;
}

function parseGeoJson(text: string, bbox: readonly [number, number, number, number]): LoadResult<CandidateRow> {
  const out: LoadResult<CandidateRow> = { rows: [], rejected: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    out.rejected.push({ line: 1, field: '', reason: `not valid JSON: ${(e as Error).message}`, raw: text.slice(0, 200) });
    return out;
  }
  const features = (json as { features?: unknown } | null)?.features;
  if ((json as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    out.rejected.push({ line: 1, field: '', reason: 'not a GeoJSON FeatureCollection', raw: text.slice(0, 200) });
    return out;
  }
  const seen = new Map<string, number>();
  features.forEach((feature: unknown, i) => {
    const line = i + 1;
    const raw = JSON.stringify(feature) ?? '';
    const parsed = featureSchema.safeParse(feature);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      out.rejected.push({ line, field: String(issue?.path.at(-1) ?? ''), reason: issue?.message ?? 'invalid feature', raw });
      return;
    }
    const [lng, lat] = parsed.data.geometry.coordinates;
    const properties = parsed.data.properties ?? {};
    const name = featureName(properties);
    if (name === null) {
      out.rejected.push({ line, field: 'name', reason: 'no name property', raw });
      return;
    }
    const problem = placeProblem(lng, lat, bbox);
    if (problem) {
      out.rejected.push({ line, field: 'coordinates', reason: problem, raw });
      return;
    }
    const address = typeof properties.address === 'string' && properties.address.trim() !== '' ? properties.address.trim().slice(0, 200) : null;
    keep(out, seen, { name, lngLat: [lng, lat], address }, line, raw);
  });
  return out;
}

/**
 * Parses a candidate list: GeoJSON when the file is named .geojson/.json or starts with `{`, CSV otherwise. Rejections
 * carry the CSV line (header = line 1) or the feature's index + 1. Points must lie in `bbox` (default: Boston's,
 * [west, south, east, north] degrees). Never throws.
 */
export function parseCandidateSites(text: string, fileName: string, bbox: readonly [number, number, number, number] = CITY_BBOX): LoadResult<CandidateRow> {
  if (text.trim() === '') return { rows: [], rejected: [{ line: 1, field: '', reason: 'empty file', raw: '' }] satisfies Rejected[] };
  const geo = /\.(geo)?json$/i.test(fileName) || text.trimStart().startsWith('{');
  return geo ? parseGeoJson(text, bbox) : parseCsv(text, bbox);
}
