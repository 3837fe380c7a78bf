import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  clearStoredZones,
  exportZones,
  loadStoredZones,
  parseZonesImport,
  saveZones,
  toZoneFeature,
  ZONES_STORAGE_KEY,
  type StoredZone as ZoneFeature,
} from '../../../src/datasets/zone-store';
import type { ZoneCollection } from '../../../src/domain/zone';
import { memoryStorage, type MemoryStorageOptions } from '../memory-storage';

/** Clearing zones never fails in these tests, even when writes do. */
const fakeStorage = (initial: Record<string, string> = {}, opts: MemoryStorageOptions = {}) => memoryStorage(initial, { failRemoves: false, ...opts });

// A small counter-clockwise square near Nubian Square, [lng, lat].
const square: Polygon = {
  type: 'Polygon',
  coordinates: [[[-71.084, 42.329], [-71.08, 42.329], [-71.08, 42.332], [-71.084, 42.332], [-71.084, 42.329]]],
};

function zone(id: string, name: string, geometry: Polygon = square): ZoneFeature {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: { id, name, team: 'Outreach', notes: '', approximate: true, source: 'City of Boston neighbourhoods' },
  };
}

const defaults: ZoneCollection = { type: 'FeatureCollection', features: [zone('nubian', 'Nubian Square')] };

function ids(counter = { n: 0 }) {
  return () => `gen-${++counter.n}`;
}

describe('loadStoredZones', () => {
  it('returns the defaults on a first visit, with no warning', () => {
    const loaded = loadStoredZones(fakeStorage(), defaults);
    expect(loaded).toEqual({ zones: defaults, fromStorage: false, warning: null });
  });

  it('round-trips what saveZones wrote', () => {
    const storage = fakeStorage();
    const mine: ZoneCollection = { type: 'FeatureCollection', features: [zone('a', 'Melnea Cass'), zone('b', 'Newmarket')] };
    expect(saveZones(storage, mine)).toEqual({ ok: true });
    const loaded = loadStoredZones(storage, defaults);
    expect(loaded.fromStorage).toBe(true);
    expect(loaded.warning).toBeNull();
    expect(loaded.zones).toEqual(mine);
  });

  it('keeps an empty saved collection (the user deleted every zone) instead of showing the defaults', () => {
    const storage = fakeStorage();
    saveZones(storage, { type: 'FeatureCollection', features: [] });
    expect(loadStoredZones(storage, defaults).zones.features).toEqual([]);
  });

  it('writes versioned JSON under hrm.zones.v1', () => {
    const storage = fakeStorage();
    saveZones(storage, defaults, new Date('2025-01-02T03:04:05Z'));
    const stored = JSON.parse(storage.data.get(ZONES_STORAGE_KEY) ?? '') as Record<string, unknown>;
    expect(stored.version).toBe(1);
    expect(stored.savedAt).toBe('2025-01-02T03:04:05.000Z');
  });

  it.each([
    ['text that is not JSON', '{"version":1,"zones":'],
    ['JSON that is not an object', '[1,2,3]'],
    ['a version that is not a number', JSON.stringify({ version: 'one', zones: defaults })],
    ['zones that are not a FeatureCollection', JSON.stringify({ version: 1, zones: { type: 'Feature' } })],
  ])('falls back to the defaults with a warning on %s', (_label, text) => {
    const loaded = loadStoredZones(fakeStorage({ [ZONES_STORAGE_KEY]: text }), defaults);
    expect(loaded.zones).toEqual(defaults);
    expect(loaded.fromStorage).toBe(false);
    expect(loaded.warning?.kind).toBe('corrupted-storage');
  });

  it('keeps the unreadable text under hrm.zones.v1.backup, so saving over it loses nothing', () => {
    const text = '{"version":1,"zones":';
    const storage = fakeStorage({ [ZONES_STORAGE_KEY]: text });
    expect(loadStoredZones(storage, defaults).warning?.backupKey).toBe(`${ZONES_STORAGE_KEY}.backup`);
    saveZones(storage, defaults);
    expect(storage.data.get(`${ZONES_STORAGE_KEY}.backup`)).toBe(text);
  });

  it('shows the defaults for zones saved by a newer version, warns, and keeps what was saved', () => {
    const text = JSON.stringify({ version: 99, zones: defaults });
    const storage = fakeStorage({ [ZONES_STORAGE_KEY]: text });
    const loaded = loadStoredZones(storage, defaults);
    expect(loaded).toMatchObject({ zones: defaults, fromStorage: false, warning: { kind: 'future-version' } });
    expect(storage.data.get(ZONES_STORAGE_KEY)).toBe(text);
    expect(storage.data.get(`${ZONES_STORAGE_KEY}.backup`)).toBe(text);
  });

  it('keeps the readable stored zones and warns about the others', () => {
    const broken = { ...zone('bad', 'Bad'), geometry: { type: 'Point', coordinates: [0, 0] } };
    const text = JSON.stringify({ version: 1, zones: { type: 'FeatureCollection', features: [zone('ok', 'Good'), broken] } });
    const loaded = loadStoredZones(fakeStorage({ [ZONES_STORAGE_KEY]: text }), defaults);
    expect(loaded.zones.features.map((f) => f.properties.name)).toEqual(['Good']);
    expect(loaded.warning?.kind).toBe('partly-corrupted-storage');
  });

  it('does not throw when the browser blocks storage', () => {
    const loaded = loadStoredZones(fakeStorage({}, { failReads: true }), defaults);
    expect(loaded.zones).toEqual(defaults);
    expect(loaded.warning?.kind).toBe('storage-unavailable');
    expect(loadStoredZones(null, defaults).warning?.kind).toBe('storage-unavailable');
  });
});

describe('saveZones', () => {
  it('reports a full quota as a warning instead of throwing', () => {
    const result = saveZones(fakeStorage({}, { failWrites: true }), defaults);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.warning.kind).toBe('save-failed');
  });

  it('clearStoredZones brings the defaults back', () => {
    const storage = fakeStorage();
    saveZones(storage, { type: 'FeatureCollection', features: [] });
    clearStoredZones(storage);
    expect(loadStoredZones(storage, defaults).zones).toEqual(defaults);
  });
});

describe('parseZonesImport', () => {
  const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', geometry, properties });

  it('accepts a FeatureCollection of Polygon and MultiPolygon zones', () => {
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    const result = parseZonesImport(fc([feature(square, { id: 'z1', name: 'Mass Ave', team: 'PAATHS' }), feature(multi, { name: 'Two' })]));
    expect(result.rejected).toEqual([]);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]?.properties).toEqual({
      id: 'z1', name: 'Mass Ave', team: 'PAATHS', notes: '', approximate: false, source: 'drawn by a user',
    });
    expect(result.rows[0]?.id).toBe('z1');
    expect(result.rows[1]?.geometry.type).toBe('MultiPolygon');
  });

  it('accepts a single Feature', () => {
    const result = parseZonesImport(JSON.stringify(feature(square, { name: 'One' })));
    expect(result.rows.map((r) => r.properties.name)).toEqual(['One']);
  });

  it('accepts a bare Polygon geometry, naming it "Zone 1" and generating an id', () => {
    const result = parseZonesImport(JSON.stringify(square), { newId: ids() });
    expect(result.rejected).toEqual([]);
    expect(result.rows[0]?.properties.name).toBe('Zone 1');
    expect(result.rows[0]?.properties.id).toBe('gen-1');
  });

  it('names unnamed zones "Zone N" after their position and fills the default source', () => {
    const result = parseZonesImport(fc([feature(square, { name: 'A' }), feature(square, { name: '  ' })]), {
      defaultSource: 'imported from mine.geojson',
    });
    expect(result.rows.map((r) => r.properties.name)).toEqual(['A', 'Zone 2']);
    expect(result.rows[1]?.properties.source).toBe('imported from mine.geojson');
  });

  it('uses the feature id when properties have none, and regenerates duplicate ids', () => {
    const result = parseZonesImport(
      fc([{ ...feature(square), id: 7 }, feature(square, { id: '7' })]),
      { newId: ids() },
    );
    expect(result.rows.map((r) => r.properties.id)).toEqual(['7', 'gen-1']);
  });

  it('rejects a LineString, naming the feature and why', () => {
    const line = { type: 'LineString', coordinates: [[-71.08, 42.33], [-71.07, 42.34]] };
    const result = parseZonesImport(fc([feature(square), feature(line)]));
    expect(result.rows).toHaveLength(1);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ line: 2, field: 'geometry.type' });
    expect(result.rejected[0]?.reason).toMatch(/LineString is not a zone/);
    expect(JSON.parse(result.rejected[0]?.raw ?? '')).toEqual(feature(line));
  });

  it('rejects an unclosed ring', () => {
    const open = { type: 'Polygon', coordinates: [square.coordinates[0]?.slice(0, 4).concat([[-71.083, 42.3295]])] };
    const result = parseZonesImport(fc([feature(open)]));
    expect(result.rows).toEqual([]);
    expect(result.rejected[0]?.reason).toMatch(/not closed/);
  });

  it('rejects a ring with fewer than 4 positions', () => {
    const tiny = { type: 'Polygon', coordinates: [[[-71.08, 42.33], [-71.07, 42.34], [-71.08, 42.33]]] };
    expect(parseZonesImport(fc([feature(tiny)])).rejected[0]?.reason).toMatch(/at least 4/);
  });

  it('rejects NaN, non-numeric and out-of-range coordinates', () => {
    const withNull = JSON.stringify(feature({ type: 'Polygon', coordinates: [[[-71.08, null], [-71.07, 42.3], [-71.07, 42.4], [-71.08, null]]] }));
    const withString = feature({ type: 'Polygon', coordinates: [[[-71.08, '42.3'], [-71.07, 42.3], [-71.07, 42.4], [-71.08, '42.3']]] });
    const farNorth = feature({ type: 'Polygon', coordinates: [[[-71.08, 95], [-71.07, 95], [-71.07, 96], [-71.08, 95]]] });
    const farEast = feature({ type: 'Polygon', coordinates: [[[190, 42.3], [191, 42.3], [191, 42.4], [190, 42.3]]] });
    const fromObjects = toZoneFeature({ type: 'Polygon', coordinates: [[[-71.08, NaN], [-71.07, 42.3], [-71.07, 42.4], [-71.08, NaN]]] });
    expect(parseZonesImport(withNull).rejected[0]?.reason).toMatch(/finite numbers/); // JSON has no NaN: it becomes null
    expect(fromObjects.ok === false && fromObjects.reason).toMatch(/position 1: longitude and latitude must be finite/);
    expect(parseZonesImport(fc([withString])).rejected[0]?.reason).toMatch(/finite numbers/);
    expect(parseZonesImport(fc([farNorth])).rejected[0]?.reason).toMatch(/latitude 95 is outside/);
    expect(parseZonesImport(fc([farEast])).rejected[0]?.reason).toMatch(/longitude 190 is outside/);
  });

  it('rejects an outline that crosses itself', () => {
    const bowtie = { type: 'Polygon', coordinates: [[[-71.08, 42.33], [-71.07, 42.34], [-71.07, 42.33], [-71.08, 42.34], [-71.08, 42.33]]] };
    expect(parseZonesImport(fc([feature(bowtie)])).rejected[0]?.reason).toMatch(/crosses itself/);
  });

  it('rejects a feature with no geometry and one whose properties do not fit the schema', () => {
    const result = parseZonesImport(fc([feature(null), feature(square, { team: 42 }), 'nope']));
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [1, 'geometry'],
      [2, 'properties.team'],
      [3, 'type'],
    ]);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a file of whitespace', ' \n\t', /empty/],
    ['text that is not JSON', 'name,lat,lng\nx,1,2', /not JSON/],
    ['JSON that is not GeoJSON', '{"hello":"world"}', /not a GeoJSON/],
    ['a JSON array', '[1,2]', /not a GeoJSON object/],
  ])('rejects %s as a whole (line 0)', (_label, text, reason) => {
    const result = parseZonesImport(text);
    expect(result.rows).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.line).toBe(0);
    expect(result.rejected[0]?.reason).toMatch(reason);
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(parseZonesImport(`\uFEFF${JSON.stringify(square)}`).rows).toHaveLength(1);
  });

  it('rewinds a clockwise outer ring to RFC 7946 counter-clockwise order and drops altitudes', () => {
    const ring = square.coordinates[0] ?? [];
    const clockwise = { type: 'Polygon', coordinates: [[...ring].reverse().map(([x, y]) => [x, y, 12])] };
    const result = parseZonesImport(JSON.stringify(clockwise));
    expect(result.rows[0]?.geometry).toEqual(square);
  });
});

describe('toZoneFeature', () => {
  it('turns a drawn polygon into a zone with defaults', () => {
    const result = toZoneFeature(square, { name: 'Drawn' }, { newId: ids() });
    expect(result.ok && result.zone.properties).toEqual({
      id: 'gen-1', name: 'Drawn', team: '', notes: '', approximate: false, source: 'drawn by a user',
    });
  });

  it('refuses a geometry that is not a zone', () => {
    expect(toZoneFeature({ type: 'Point', coordinates: [0, 0] }).ok).toBe(false);
  });
});

describe('exportZones', () => {
  const zones: ZoneCollection = {
    type: 'FeatureCollection',
    features: [zone('a', 'Mass Ave / Melnea Cass'), { ...zone('b', 'Newmarket'), geometry: { type: 'MultiPolygon', coordinates: [square.coordinates] } }],
  };

  it('writes a named, pretty-printed RFC 7946 FeatureCollection', () => {
    const text = exportZones(zones);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json.type).toBe('FeatureCollection');
    expect(json.name).toBe('outreach-zones');
    expect(json).not.toHaveProperty('crs');
    expect(text).toContain('\n  "features": [');
    const features = json.features as { id: unknown; type: string; properties: unknown }[];
    expect(features.map((f) => [f.type, f.id])).toEqual([['Feature', 'a'], ['Feature', 'b']]);
  });

  it('is accepted back by parseZonesImport unchanged', () => {
    const back = parseZonesImport(exportZones(zones));
    expect(back.rejected).toEqual([]);
    expect(back.rows).toEqual(zones.features);
  });

  it('rounds positions to 6 decimals', () => {
    const precise = zone('p', 'Precise', {
      type: 'Polygon',
      coordinates: [[[-71.0840001234, 42.329], [-71.08, 42.329], [-71.08, 42.332], [-71.084, 42.332], [-71.0840001234, 42.329]]],
    });
    const json = JSON.parse(exportZones({ type: 'FeatureCollection', features: [precise] })) as {
      features: { geometry: Polygon }[];
    };
    expect(json.features[0]?.geometry.coordinates[0]?.[0]).toEqual([-71.084, 42.329]);
  });

  it('does not mutate its input', () => {
    const clockwise: ZoneCollection = {
      type: 'FeatureCollection',
      features: [zone('c', 'Clockwise', { type: 'Polygon', coordinates: [[...(square.coordinates[0] ?? [])].reverse()] })],
    };
    const before = structuredClone(clockwise);
    exportZones(clockwise);
    expect(clockwise).toEqual(before);
  });
});

describe('parseZonesImport input', () => {
  it('does not mutate the objects it was given through toZoneFeature', () => {
    const geometry = structuredClone(square);
    geometry.coordinates[0]?.reverse();
    const before = structuredClone(geometry);
    toZoneFeature(geometry, { name: 'x' });
    expect(geometry).toEqual(before);
  });
});
