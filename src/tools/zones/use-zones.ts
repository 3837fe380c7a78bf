// The user's outreach zones as React state: starts from their saved zones (else the defaults) and saves every change.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Polygon, MultiPolygon } from 'geojson';
import { zonePropertiesSchema, type ZoneCollection, type ZoneGeometry, type ZoneProperties } from '../../domain/zone';
import type { Rejected } from '../../domain/rejection';
import {
  clearStoredZones,
  featureCollection,
  loadStoredZones,
  newZoneId,
  parseZonesImport,
  saveZones,
  toZoneFeature,
  zoneGeometryProblem,
  ZONES_STORAGE_KEY,
  type ParseZonesOptions,
  type StoredZone,
  type ZoneStorage,
  type ZoneStoreWarning,
} from '../../datasets/zone-store';

export type ZonePatch = Partial<Omit<ZoneProperties, 'id'>>;
export type ZoneChangeResult = { ok: true; zone: StoredZone } | { ok: false; reason: string };
export type ZoneImportResult = { added: StoredZone[]; rejected: Rejected[] };

export type UseZonesOptions = {
  /** Defaults to window.localStorage (null when the browser blocks it). */
  storage?: ZoneStorage | null;
};

const EMPTY: ZoneCollection = { type: 'FeatureCollection', features: [] };

/** What the hook keeps: the user's zones (null while they have never changed the defaults) and an edit counter. */
type ZonesState = { userZones: ZoneCollection | null; edits: number; warning: ZoneStoreWarning | null };

/**
 * Zones for the map and the zones panel. `defaults` may be null while they load. Until the user changes something the
 * defaults are shown (and not saved, so updated defaults reach them); after that every change is saved.
 */
export function useZones(defaults: ZoneCollection | null | undefined, options: UseZonesOptions = {}) {
  const storage = useMemo(() => (options.storage !== undefined ? options.storage : browserStorage()), [options.storage]);
  const [state, setState] = useState<ZonesState>(() => initialState(storage));
  const zones = state.userZones ?? defaults ?? EMPTY;

  // Save after every change the user made (edits > 0); a reset forgets the saved zones.
  useEffect(() => {
    if (state.edits === 0) return;
    const result = state.userZones ? saveZones(storage, state.userZones) : clearStoredZones(storage);
    if (!result.ok) setState((s) => ({ ...s, warning: result.warning }));
  }, [state.userZones, state.edits, storage]);

  // Another tab changed the zones: show theirs.
  useEffect(() => {
    if (typeof window === 'undefined') return;
    const onStorage = (event: StorageEvent): void => {
      if (event.key === ZONES_STORAGE_KEY) setState((s) => ({ ...initialState(storage), warning: s.warning }));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [storage]);

  const change = useCallback(
    (next: (current: ZoneCollection) => ZoneCollection) =>
      setState((s) => ({ ...s, userZones: next(s.userZones ?? defaults ?? EMPTY), edits: s.edits + 1 })),
    [defaults],
  );

  /** Adds a drawn zone; the name defaults to "Zone N" (the first N not already used). */
  const add = useCallback(
    (geometry: ZoneGeometry, properties: ZonePatch = {}): ZoneChangeResult => {
      const result = toZoneFeature(geometry, { name: nextZoneName(zones), ...properties });
      if (!result.ok) return { ok: false, reason: result.reason };
      change((current) => addZones(current, [result.zone]));
      return { ok: true, zone: result.zone };
    },
    [change, zones],
  );

  /** Changes a zone's properties (a patch) or replaces its outline (a Polygon/MultiPolygon). */
  const update = useCallback(
    (id: string, patch: ZonePatch | Polygon | MultiPolygon): ZoneChangeResult => {
      const zone = zones.features.find((f) => f.properties.id === id);
      if (!zone) return { ok: false, reason: `no zone with id ${id}` };
      let updated: StoredZone;
      if (isGeometry(patch)) {
        const problem = zoneGeometryProblem(patch);
        if (problem) return { ok: false, reason: problem.reason };
        const result = toZoneFeature(patch, zone.properties);
        if (!result.ok) return { ok: false, reason: result.reason };
        updated = result.zone;
      } else {
        const parsed = zonePropertiesSchema.safeParse({ ...zone.properties, ...patch, id });
        if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid zone' };
        updated = { type: 'Feature', id, properties: parsed.data, geometry: zone.geometry };
      }
      change((current) => replaceZone(current, updated));
      return { ok: true, zone: updated };
    },
    [change, zones],
  );

  const rename = useCallback((id: string, name: string): ZoneChangeResult => update(id, { name }), [update]);

  const remove = useCallback((id: string): void => change((current) => removeZone(current, id)), [change]);

  /** Parses a GeoJSON file's text and adds every valid zone (with a new id when its id is taken). */
  const importText = useCallback(
    (text: string, parseOptions: ParseZonesOptions = {}): ZoneImportResult => {
      const { rows, rejected } = parseZonesImport(text, parseOptions);
      const taken = new Set(zones.features.map((f) => f.properties.id));
      const added = rows.map((zone) => (taken.has(zone.properties.id) ? withId(zone, newZoneId()) : zone));
      if (added.length > 0) change((current) => addZones(current, added));
      return { added, rejected };
    },
    [change, zones],
  );

  /** Forgets the user's zones and shows the defaults again. */
  const resetToDefaults = useCallback(
    () => setState((s) => ({ userZones: null, edits: s.edits + 1, warning: null })),
    [],
  );

  const dismissWarning = useCallback(() => setState((s) => ({ ...s, warning: null })), []);

  return {
    zones,
    /** True while the shown zones are the shipped defaults (nothing saved). */
    showingDefaults: state.userZones === null,
    add,
    update,
    remove,
    rename,
    importText,
    resetToDefaults,
    warning: state.warning,
    dismissWarning,
  };
}

export type ZonesApi = ReturnType<typeof useZones>;

/** A new collection with `added` appended; ids already present are not added twice. */
export function addZones(fc: ZoneCollection, added: readonly StoredZone[]): ZoneCollection {
  const ids = new Set(fc.features.map((f) => f.properties.id));
  return featureCollection([...fc.features, ...added.filter((z) => !ids.has(z.properties.id))]);
}

/** A new collection with the zone of the same id replaced. */
export function replaceZone(fc: ZoneCollection, zone: StoredZone): ZoneCollection {
  return featureCollection(fc.features.map((f) => (f.properties.id === zone.properties.id ? zone : f)));
}

/** A new collection without the zone `id`. */
export function removeZone(fc: ZoneCollection, id: string): ZoneCollection {
  return featureCollection(fc.features.filter((f) => f.properties.id !== id));
}

/** "Zone N" with the smallest N ≥ count + 1 that no zone is called. */
export function nextZoneName(fc: ZoneCollection): string {
  const names = new Set(fc.features.map((f) => f.properties.name));
  let n = fc.features.length + 1;
  while (names.has(`Zone ${n}`)) n += 1;
  return `Zone ${n}`;
}

function initialState(storage: ZoneStorage | null): ZonesState {
  const loaded = loadStoredZones(storage, EMPTY);
  // No storage at all is not worth a banner until a save fails.
  const warning = loaded.warning?.kind === 'storage-unavailable' ? null : loaded.warning;
  return { userZones: loaded.fromStorage ? loaded.zones : null, edits: 0, warning };
}

function browserStorage(): ZoneStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // Some browsers throw on the property itself when storage is disabled.
  }
}

function isGeometry(patch: ZonePatch | Polygon | MultiPolygon): patch is Polygon | MultiPolygon {
  return 'coordinates' in patch;
}

function withId(zone: StoredZone, id: string): StoredZone {
  return { ...zone, id, properties: { ...zone.properties, id } };
}
