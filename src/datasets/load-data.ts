// Browser loaders for the files `npm run data` writes under public/data: fetch, validate, and say which file failed and why.
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { z } from 'zod';
import { pointSchema, polygonalGeometrySchema } from '../domain/geometry';
import type { LoadResult, Rejected } from '../domain/rejection';
import { sitePropertiesSchema } from '../domain/site';
import type { SiteProperties } from '../domain/site';
import { zonePropertiesSchema } from '../domain/zone';
import type { ZoneProperties } from '../domain/zone';
import { phoneServicesFileSchema, type PhoneService } from '../domain/phone-service';
import { decodeNeedleColumns } from './needle-table';
import type { NeedleTable } from './needle-table';

/** Fetches and parses a JSON file. Throws an Error naming the URL and the HTTP status or parse error. */
export async function loadJson(url: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new Error(`${url}: could not be fetched (${(e as Error).message})`, { cause: e });
  }
  if (!response.ok) {
    const hint = response.status === 404 ? ' (run `npm run data` to generate it)' : '';
    throw new Error(`${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${hint}`);
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${url}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
}

function featuresOf(url: string, json: unknown): unknown[] {
  const fc = json as { type?: unknown; features?: unknown } | null;
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${url}: not a GeoJSON FeatureCollection`);
  }
  return fc.features;
}

/** Validates each feature of a FeatureCollection; bad features are rejected (line = feature index + 1), never dropped silently. */
function validateFeatures<T>(features: unknown[], schema: z.ZodType<T>): LoadResult<T> {
  const rows: T[] = [];
  const rejected: Rejected[] = [];
  features.forEach((f, i) => {
    const parsed = schema.safeParse(f);
    if (parsed.success) {
      rows.push(parsed.data);
    } else {
      const issue = parsed.error.issues[0];
      rejected.push({ line: i + 1, field: issue?.path.join('.') ?? '', reason: issue?.message ?? 'invalid feature', raw: JSON.stringify(f) ?? '' });
    }
  });
  return { rows, rejected };
}

const siteFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: pointSchema,
  properties: sitePropertiesSchema,
});

const zoneFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: polygonalGeometrySchema,
  properties: zonePropertiesSchema,
});

/** Loads public/data/sites.geojson; each feature is checked against sitePropertiesSchema. */
export async function loadSites(url: string): Promise<LoadResult<Feature<Point, SiteProperties>>> {
  const features = featuresOf(url, await loadJson(url));
  return validateFeatures(features, siteFeatureSchema as z.ZodType<Feature<Point, SiteProperties>>);
}

/** Loads public/data/outreach-zones.geojson (or any zones file); each feature is checked against zonePropertiesSchema. */
export async function loadZones(url: string): Promise<LoadResult<Feature<Polygon | MultiPolygon, ZoneProperties>>> {
  const features = featuresOf(url, await loadJson(url));
  return validateFeatures(features, zoneFeatureSchema as z.ZodType<Feature<Polygon | MultiPolygon, ZoneProperties>>);
}

/** Fetches a JSON file and decodes it with `decode`; a decoding error is thrown again with the URL in front. */
export async function loadDecoded<T>(url: string, decode: (json: unknown) => T): Promise<T> {
  const json = await loadJson(url);
  try {
    return decode(json);
  } catch (e) {
    throw new Error(`${url}: ${(e as Error).message}`, { cause: e });
  }
}

/** Loads public/data/needle-requests.json into typed arrays. Throws naming the file when it is malformed. */
export function loadNeedleTable(url: string): Promise<NeedleTable> {
  return loadDecoded(url, decodeNeedleColumns);
}

/** Loads public/data/phone-services.json (3-1-1, PAATHS, ...). */
export async function loadPhoneServices(url: string): Promise<PhoneService[]> {
  const parsed = phoneServicesFileSchema.safeParse(await loadJson(url));
  if (!parsed.success) throw new Error(`${url}: ${parsed.error.issues[0]?.message ?? 'not a list of phone services'}`);
  return parsed.data;
}

/** public/data/manifest.json: what `npm run data` built, from which sources, and what it rejected. */
export const dataManifestSchema = z.object({
  generatedAt: z.string(),
  sourceDir: z.string(),
  datasets: z.array(
    z.object({
      dataset: z.string(),
      outputs: z.array(z.string()),
      rowsRead: z.number().int().nonnegative(),
      rowsKept: z.number().int().nonnegative(),
      rejectedByReason: z.record(z.string(), z.number()),
      dateRange: z.tuple([z.string(), z.string()]).optional(),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
      rejectedFile: z.string().optional(),
      source: z.string().optional(),
      totals: z.record(z.string(), z.number()).optional(),
    }),
  ),
  /** First and last open date of the 311 requests, or null when there are none. */
  needleDateRange: z.tuple([z.string(), z.string()]).nullable(),
});
export type DataManifest = z.infer<typeof dataManifestSchema>;

/** Loads public/data/manifest.json. Throws naming the file and the first problem when it is malformed. */
export async function loadManifest(url: string): Promise<DataManifest> {
  const parsed = dataManifestSchema.safeParse(await loadJson(url));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${url}: malformed manifest at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
