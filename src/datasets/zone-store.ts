// Outreach zones in and out of the browser: localStorage persistence (a local-store), GeoJSON import (validated) and export.
import type { Position } from 'geojson';
import { kinks, rewind } from '@turf/turf';
import { z } from 'zod';
import { zonePropertiesSchema, type ZoneCollection, type ZoneFeature, type ZoneGeometry, type ZoneProperties } from '../domain/zone';
import type { LoadResult, Rejected } from '../domain/rejection';
import { createLocalStore, type KeyValueStorage, type LocalStoreSave, type LocalStoreWarning } from './local-store';

/** A zone as the app keeps it: `feature.id` always equals `properties.id`. */
export type StoredZone = ZoneFeature & { id: string };

/** The subset of the Web Storage API the store needs (so tests can pass a fake). */
export type ZoneStorage = KeyValueStorage;

export const ZONES_STORAGE_KEY = 'hrm.zones.v1';
export const ZONES_STORAGE_VERSION = 1;
export const ZONES_EXPORT_FILE_NAME = 'outreach-zones.geojson';
export const ZONES_COLLECTION_NAME = 'outreach-zones';

/** Why the zones shown are not exactly what the user saved (or will not be saved). Translated by the UI per kind. */
export type ZoneStoreWarning = LocalStoreWarning;

export type LoadedZones = {
  zones: ZoneCollection;
  /** True when the zones came from storage; false on a first visit or when storage was unusable. */
  fromStorage: boolean;
  warning: ZoneStoreWarning | null;
};

/**
 * The schema checks only that the stored zones are a FeatureCollection; `salvage` then validates every zone with the
 * same checks as an import (zone validation is not a zod schema: it needs turf for self-intersections), keeping the
 * readable ones.
 */
const storedZonesSchema = z.custom<ZoneCollection>(
  (value) => isRecord(value) && value.type === 'FeatureCollection' && Array.isArray(value.features),
  'stored zones are not a FeatureCollection',
);

const zonesStore = createLocalStore<ZoneCollection>({
  key: ZONES_STORAGE_KEY,
  version: ZONES_STORAGE_VERSION,
  dataField: 'zones',
  schema: storedZonesSchema,
  salvage: (stored) => {
    const { rows, rejected } = zonesFromValue(stored, {});
    const leftOut = rejected.length === 0
      ? null
      : `${rejected.length} stored zone(s) could not be read: ${rejected.map((r) => r.reason).join('; ')}`;
    return { value: featureCollection(rows), leftOut };
  },
});

/**
 * Reads the user's zones. First visit (nothing stored) → `defaults`. Unreadable or malformed storage → `defaults`
 * plus a warning, the unreadable text kept under `${ZONES_STORAGE_KEY}.backup`; never throws. Stored features that no
 * longer validate are dropped with a warning.
 */
export function loadStoredZones(storage: ZoneStorage | null, defaults: ZoneCollection): LoadedZones {
  const { value, fromStorage, warning } = zonesStore.load(storage, defaults);
  return { zones: value, fromStorage, warning };
}

export type SaveResult = LocalStoreSave;

/** Writes the zones as versioned JSON. Never throws (quota exceeded, storage disabled → a warning). */
export function saveZones(storage: ZoneStorage | null, fc: ZoneCollection, now: Date = new Date()): SaveResult {
  return zonesStore.save(storage, fc, now);
}

/** Forgets the user's zones, so the next load shows the (possibly updated) defaults. Never throws. */
export function clearStoredZones(storage: ZoneStorage | null): SaveResult {
  return zonesStore.clear(storage);
}

export type ParseZonesOptions = {
  /** `source` given to imported zones that name none, e.g. "imported from my-zones.geojson". */
  defaultSource?: string;
  /** Generates ids for zones without one (tests pass a deterministic one). */
  newId?: () => string;
};

/**
 * Parses a user's GeoJSON file: a FeatureCollection, a Feature, or a bare Polygon/MultiPolygon geometry.
 * Every feature that is not a valid Polygon/MultiPolygon zone becomes a Rejected entry whose `line` is the
 * feature's index + 1 (0 when the whole file is unusable: empty, not JSON, not GeoJSON).
 * A missing name becomes "Zone N" (N = index + 1); a missing or duplicate id is generated. Unknown properties are dropped.
 */
export function parseZonesImport(text: string, options: ParseZonesOptions = {}): LoadResult<StoredZone> {
  const fileRejected = (reason: string): LoadResult<StoredZone> => ({
    rows: [],
    rejected: [{ line: 0, field: '', reason, raw: text.slice(0, 500) }],
  });
  if (text.trim() === '') return fileRejected('the file is empty');
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    return fileRejected(`the file is not JSON: ${errorMessage(error)}`);
  }
  return zonesFromValue(value, options);
}

/**
 * Validates one zone made in the app (drawn, or edited): returns it with a generated id and defaults filled in,
 * or the reason it cannot be a zone.
 */
export function toZoneFeature(
  geometry: unknown,
  properties: Partial<ZoneProperties> = {},
  options: ParseZonesOptions = {},
): { ok: true; zone: StoredZone } | { ok: false; reason: string; field: string } {
  const result = zoneFromFeature({ type: 'Feature', geometry, properties }, 0, new Set(), options);
  return 'zone' in result ? { ok: true, zone: result.zone } : { ok: false, reason: result.reason, field: result.field };
}

/** Checks a Polygon/MultiPolygon: returns the reason it is unusable, or null when it is a valid zone outline. */
export function zoneGeometryProblem(geometry: unknown): { field: string; reason: string } | null {
  if (!isRecord(geometry)) return { field: 'geometry', reason: 'the feature has no geometry' };
  const type = geometry.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { field: 'geometry.type', reason: `a ${String(type)} is not a zone: only Polygon and MultiPolygon are` };
  }
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return { field: 'geometry.coordinates', reason: `the ${type} has no coordinates` };
  }
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  for (const [p, polygon] of polygons.entries()) {
    const where = type === 'MultiPolygon' ? `polygon ${p + 1}, ` : '';
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return { field: 'geometry.coordinates', reason: `${where}the polygon has no rings` };
    }
    for (const [r, ring] of polygon.entries()) {
      const ringName = `${where}${r === 0 ? 'outer ring' : `hole ${r}`}`;
      if (!Array.isArray(ring)) return { field: 'geometry.coordinates', reason: `${ringName} is not a list of positions` };
      if (ring.length < 4) {
        return { field: 'geometry.coordinates', reason: `${ringName} has ${ring.length} positions; a closed ring needs at least 4` };
      }
      for (const [i, position] of ring.entries()) {
        const problem = positionProblem(position);
        if (problem) return { field: 'geometry.coordinates', reason: `${ringName}, position ${i + 1}: ${problem}` };
      }
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return { field: 'geometry.coordinates', reason: `${ringName} is not closed (its first and last positions differ)` };
      }
    }
  }
  const cleaned = cleanGeometry(geometry as unknown as ZoneGeometry);
  if (kinks(cleaned).features.length > 0) {
    return { field: 'geometry.coordinates', reason: 'the outline crosses itself' };
  }
  return null;
}

/**
 * Serialises zones as RFC 7946 GeoJSON: a named FeatureCollection, outer rings counter-clockwise,
 * positions [lng, lat] rounded to 6 decimals (about 0.1 m), pretty-printed. Does not mutate `fc`.
 */
export function exportZones(fc: ZoneCollection): string {
  const features = fc.features.map((feature) => {
    const geometry = roundGeometry(rewind(cleanGeometry(feature.geometry), { reverse: false }) as ZoneGeometry);
    const properties = zonePropertiesSchema.parse(feature.properties);
    return { type: 'Feature' as const, id: properties.id, properties, geometry };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', name: ZONES_COLLECTION_NAME, features }, null, 2)}\n`;
}

/** A new collection with the given zones (no shared arrays with the caller's). */
export function featureCollection(features: readonly ZoneCollection['features'][number][]): ZoneCollection {
  return { type: 'FeatureCollection', features: [...features] };
}

/** A random zone id; works outside secure contexts, where crypto.randomUUID is missing. */
export function newZoneId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return `zone-${uuid ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`}`;
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

function zonesFromValue(value: unknown, options: ParseZonesOptions): LoadResult<StoredZone> {
  const rows: StoredZone[] = [];
  const rejected: Rejected[] = [];
  const usedIds = new Set<string>();
  const wholeFile = (reason: string): LoadResult<StoredZone> => ({
    rows,
    rejected: [{ line: 0, field: 'type', reason, raw: safeStringify(value).slice(0, 500) }],
  });
  if (!isRecord(value)) return wholeFile('the file is not a GeoJSON object');

  let candidates: unknown[];
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return wholeFile('the FeatureCollection has no "features" list');
    candidates = value.features;
  } else if (value.type === 'Feature') {
    candidates = [value];
  } else if (typeof value.type === 'string' && GEOMETRY_TYPES.has(value.type)) {
    candidates = [{ type: 'Feature', geometry: value, properties: {} }];
  } else if (value.type === 'GeometryCollection') {
    return wholeFile('a GeometryCollection is not supported: use a FeatureCollection of Polygon features');
  } else {
    return wholeFile(`"${String(value.type)}" is not a GeoJSON FeatureCollection, Feature or geometry`);
  }

  candidates.forEach((candidate, index) => {
    const result = zoneFromFeature(candidate, index, usedIds, options);
    if ('zone' in result) {
      usedIds.add(result.zone.id);
      rows.push(result.zone);
    } else {
      rejected.push({ line: index + 1, field: result.field, reason: result.reason, raw: safeStringify(candidate) });
    }
  });
  return { rows, rejected };
}

function zoneFromFeature(
  candidate: unknown,
  index: number,
  usedIds: ReadonlySet<string>,
  options: ParseZonesOptions,
): { zone: StoredZone } | { field: string; reason: string } {
  if (!isRecord(candidate) || candidate.type !== 'Feature') {
    return { field: 'type', reason: `item ${index + 1} is not a GeoJSON Feature` };
  }
  const problem = zoneGeometryProblem(candidate.geometry);
  if (problem) return problem;

  const given = isRecord(candidate.properties) ? candidate.properties : {};
  const name = typeof given.name === 'string' ? given.name.trim() : given.name;
  const featureId = typeof candidate.id === 'string' || typeof candidate.id === 'number' ? String(candidate.id) : undefined;
  const givenId = typeof given.id === 'string' && given.id !== '' ? given.id : featureId;
  const id = givenId !== undefined && !usedIds.has(givenId) ? givenId : (options.newId ?? newZoneId)();
  const parsed = zonePropertiesSchema.safeParse({
    ...given,
    id,
    name: name === undefined || name === null || name === '' ? `Zone ${index + 1}` : name,
    ...(given.source === undefined && options.defaultSource !== undefined ? { source: options.defaultSource } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? `properties.${issue.path.join('.')}` : 'properties';
    return { field, reason: `${field}: ${issue?.message ?? 'invalid'}` };
  }
  const geometry = rewind(cleanGeometry(candidate.geometry as unknown as ZoneGeometry), { reverse: false }) as ZoneGeometry;
  return { zone: { type: 'Feature', id: parsed.data.id, properties: parsed.data, geometry } };
}

function positionProblem(position: unknown): string | null {
  if (!Array.isArray(position) || position.length < 2) return 'not a [lng, lat] position';
  const [lng, lat] = position as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    return 'longitude and latitude must be finite numbers';
  }
  if (lng < -180 || lng > 180) return `longitude ${lng} is outside -180..180`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside -90..90`;
  return null;
}

/** A copy with only [lng, lat] per position (altitudes dropped) and no foreign members. */
function cleanGeometry(geometry: ZoneGeometry): ZoneGeometry {
  const ring = (positions: Position[]): Position[] => positions.map((p) => [p[0] as number, p[1] as number]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

function roundGeometry(geometry: ZoneGeometry): ZoneGeometry {
  const round = (n: number): number => Math.round(n * 1e6) / 1e6;
  const ring = (positions: Position[]): Position[] => positions.map((p) => [round(p[0] as number), round(p[1] as number)]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
