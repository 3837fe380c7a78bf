// Tests for the generic versioned localStorage store (round-trip, migrations, corrupted and future data, no storage).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLocalStore } from '../../../src/datasets/local-store';
import { memoryStorage } from '../memory-storage';

const fakeStorage = memoryStorage;

// Version 2 of a saved list of sweeps: v1 stored one name per sweep, v2 stores objects.
const sweepsV2 = z.array(z.object({ name: z.string().min(1), stops: z.number().int().nonnegative() }));
type Sweeps = z.infer<typeof sweepsV2>;
const KEY = 'hrm.test.sweeps';
const v1ToV2 = (data: unknown): unknown => {
  if (!Array.isArray(data)) throw new Error('v1 sweeps are a list');
  return data.map((name: unknown) => ({ name: String(name), stops: 0 }));
};
const store = createLocalStore<Sweeps>({ key: KEY, version: 2, schema: sweepsV2, migrations: { 1: v1ToV2 } });
const defaults: Sweeps = [{ name: 'Default sweep', stops: 3 }];
const envelope = (version: unknown, data: unknown) => JSON.stringify({ version, savedAt: '2025-01-01T00:00:00.000Z', data });

describe('createLocalStore', () => {
  it('returns the defaults on a first visit, with no warning', () => {
    expect(store.load(fakeStorage(), defaults)).toEqual({ value: defaults, fromStorage: false, warning: null });
  });

  it('round-trips what save wrote, in a versioned envelope', () => {
    const storage = fakeStorage();
    const mine: Sweeps = [{ name: 'Mass Ave', stops: 12 }];
    expect(store.save(storage, mine, new Date('2025-01-02T03:04:05Z'))).toEqual({ ok: true });
    expect(JSON.parse(storage.data.get(KEY) ?? '')).toEqual({ version: 2, savedAt: '2025-01-02T03:04:05.000Z', data: mine });
    expect(store.load(storage, defaults)).toEqual({ value: mine, fromStorage: true, warning: null });
  });

  it('stores the data under the member dataField names, so an existing format keeps working', () => {
    const named = createLocalStore({ key: KEY, version: 1, schema: z.array(z.string()), dataField: 'zones' });
    const storage = fakeStorage();
    named.save(storage, ['a']);
    expect(JSON.parse(storage.data.get(KEY) ?? '')).toMatchObject({ version: 1, zones: ['a'] });
    expect(named.load(storage, []).value).toEqual(['a']);
  });

  it('migrates data saved as version 1 to version 2', () => {
    const storage = fakeStorage({ [KEY]: envelope(1, ['Nubian', 'Newmarket']) });
    expect(store.load(storage, defaults)).toEqual({
      value: [{ name: 'Nubian', stops: 0 }, { name: 'Newmarket', stops: 0 }],
      fromStorage: true,
      warning: null,
    });
  });

  it('runs every migration in order from an old version to the current one', () => {
    const v3 = createLocalStore({
      key: KEY,
      version: 3,
      schema: z.object({ sweeps: sweepsV2 }),
      migrations: { 1: v1ToV2, 2: (data) => ({ sweeps: data }) },
    });
    expect(v3.load(fakeStorage({ [KEY]: envelope(1, ['A']) }), { sweeps: [] }).value).toEqual({ sweeps: [{ name: 'A', stops: 0 }] });
  });

  it.each([
    ['text that is not JSON', '{"version":2,"data":'],
    ['JSON that is not an object', '[1,2,3]'],
    ['an envelope with no version', JSON.stringify({ data: [] })],
    ['a version that is not a positive integer', envelope(0, [])],
    ['an envelope with no data', JSON.stringify({ version: 2 })],
    ['data that fails the schema', envelope(2, [{ name: '', stops: -1 }])],
    ['a migration that throws', envelope(1, 'not a list')],
  ])('on %s: returns the defaults, warns, and keeps the raw text in a backup key', (_label, text) => {
    const storage = fakeStorage({ [KEY]: text });
    const loaded = store.load(storage, defaults);
    expect(loaded.value).toEqual(defaults);
    expect(loaded.fromStorage).toBe(false);
    expect(loaded.warning).toMatchObject({ kind: 'corrupted-storage', backupKey: `${KEY}.backup` });
    expect(storage.data.get(`${KEY}.backup`)).toBe(text);
    expect(storage.data.get(KEY)).toBe(text);
  });

  it('keeps the backup after the user saves over the corrupted value', () => {
    const storage = fakeStorage({ [KEY]: 'garbage' });
    store.load(storage, defaults);
    store.save(storage, [{ name: 'New', stops: 1 }]);
    expect(storage.data.get(`${KEY}.backup`)).toBe('garbage');
  });

  it('treats a missing migration step as unreadable, not as data of the current version', () => {
    const noMigrations = createLocalStore({ key: KEY, version: 2, schema: z.unknown() });
    const storage = fakeStorage({ [KEY]: envelope(1, ['A']) });
    const loaded = noMigrations.load(storage, 'defaults');
    expect(loaded.value).toBe('defaults');
    expect(loaded.warning?.kind).toBe('corrupted-storage');
    expect(loaded.warning?.detail).toMatch(/no migration from version 1 to 2/);
  });

  it('warns about data from a future version without losing it', () => {
    const text = envelope(3, { sweeps: [{ name: 'From the future', stops: 4, colour: 'red' }] });
    const storage = fakeStorage({ [KEY]: text });
    const loaded = store.load(storage, defaults);
    expect(loaded.value).toEqual(defaults);
    expect(loaded.fromStorage).toBe(false);
    expect(loaded.warning).toMatchObject({ kind: 'future-version', backupKey: `${KEY}.backup` });
    expect(storage.data.get(KEY)).toBe(text);
    store.save(storage, defaults);
    expect(storage.data.get(`${KEY}.backup`)).toBe(text);
  });

  it('keeps the readable part that salvage returns, warns, and backs up the whole stored text', () => {
    const salvaging = createLocalStore({
      key: KEY,
      version: 1,
      schema: z.array(z.number()),
      salvage: (value) => {
        const kept = value.filter((n) => n >= 0);
        return { value: kept, leftOut: kept.length < value.length ? `${value.length - kept.length} negative` : null };
      },
    });
    const text = envelope(1, [1, -2, 3]);
    const storage = fakeStorage({ [KEY]: text });
    const loaded = salvaging.load(storage, []);
    expect(loaded).toMatchObject({ value: [1, 3], fromStorage: true, warning: { kind: 'partly-corrupted-storage', detail: '1 negative' } });
    expect(storage.data.get(`${KEY}.backup`)).toBe(text);
    expect(salvaging.load(fakeStorage({ [KEY]: envelope(1, [1]) }), []).warning).toBeNull();
  });

  it('clear brings the defaults back', () => {
    const storage = fakeStorage();
    store.save(storage, []);
    expect(store.clear(storage)).toEqual({ ok: true });
    expect(store.load(storage, defaults).value).toEqual(defaults);
  });
});

describe('createLocalStore without usable storage', () => {
  it('reports no storage at all as storage-unavailable on load, save and clear', () => {
    expect(store.load(null, defaults)).toMatchObject({ value: defaults, fromStorage: false, warning: { kind: 'storage-unavailable' } });
    expect(store.save(null, defaults)).toMatchObject({ ok: false, warning: { kind: 'storage-unavailable' } });
    expect(store.clear(null)).toMatchObject({ ok: false, warning: { kind: 'storage-unavailable' } });
  });

  it('does not throw when reading is blocked', () => {
    const loaded = store.load(fakeStorage({ [KEY]: envelope(2, []) }, { failReads: true }), defaults);
    expect(loaded).toMatchObject({ value: defaults, warning: { kind: 'storage-unavailable', detail: 'blocked' } });
  });

  it('reports a failing setItem (full quota) as save-failed instead of throwing', () => {
    const storage = fakeStorage({}, { failWrites: true });
    expect(store.save(storage, defaults)).toEqual({ ok: false, warning: { kind: 'save-failed', detail: 'full' } });
    expect(store.clear(storage)).toMatchObject({ ok: false, warning: { kind: 'save-failed' } });
  });

  it('still warns about corrupted data when the backup cannot be written, and leaves the stored text alone', () => {
    const storage = fakeStorage({ [KEY]: 'garbage' }, { failWrites: true });
    const loaded = store.load(storage, defaults);
    expect(loaded.value).toEqual(defaults);
    expect(loaded.warning?.kind).toBe('corrupted-storage');
    expect(loaded.warning?.backupKey).toBeUndefined();
    expect(loaded.warning?.detail).toMatch(/backup to hrm\.test\.sweeps\.backup failed/);
    expect(storage.data.get(KEY)).toBe('garbage');
  });
});
