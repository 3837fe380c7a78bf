import 'fake-indexeddb/auto';
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearSiteEdits,
  loadColumnMapping,
  loadSiteEdits,
  saveColumnMapping,
  saveSiteEdits,
  SITE_EDIT_DB_NAME,
  SITE_EDIT_STORE_NAME,
  SITE_EDITS_BACKUP_KEY,
  SITE_EDITS_KEY,
} from '../../../src/datasets/site-edit-store';
import { mappingKey } from '../../../src/datasets/site-csv-mapping';
import { addSite, moveSite, NO_SITE_EDITS, retireSite, updateSite, type SiteEditResult, type SiteEdits } from '../../../src/domain/site-edits';
import { BROOKLINE_KIOSK, ENGAGEMENT_CENTER, NEW_KIOSK, PUBLISHED } from '../domain/site-fixtures';

const AT = '2026-12-01T15:04:05.000Z';

/** The same object store the module uses, to plant raw records (as an older or broken app would have left them). */
const raw: UseStore = createStore(SITE_EDIT_DB_NAME, SITE_EDIT_STORE_NAME);

function ok(result: SiteEditResult): SiteEdits {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.edits;
}

/** Edits of every kind, as the editor would make them. */
function sampleEdits(): SiteEdits {
  let edits = ok(addSite(PUBLISHED, NO_SITE_EDITS, NEW_KIOSK, AT));
  edits = ok(moveSite(PUBLISHED, edits, BROOKLINE_KIOSK.id, [-71.11975, 42.33452], AT));
  edits = ok(updateSite(PUBLISHED, edits, BROOKLINE_KIOSK.id, { openingHours: 'Mo-Fr 08:00-16:00; PH off' }, AT));
  return ok(retireSite(PUBLISHED, edits, ENGAGEMENT_CENTER.id, AT));
}

/** A store whose every use fails as the browser would fail it. */
function failingStore(name: string, message: string): UseStore {
  return () => Promise.reject(new DOMException(message, name));
}

beforeEach(async () => {
  await clearSiteEdits();
  await set(SITE_EDITS_BACKUP_KEY, undefined, raw);
});

describe('loadSiteEdits and saveSiteEdits', () => {
  it('gives no edits and no warning on a first visit', async () => {
    expect(await loadSiteEdits()).toEqual({ edits: {}, warning: null });
  });

  it('reads back what was saved, as a versioned record', async () => {
    const edits = sampleEdits();
    expect(await saveSiteEdits(edits)).toEqual({ ok: true });
    expect(await get(SITE_EDITS_KEY, raw)).toEqual({ version: 1, edits });
    expect(await loadSiteEdits()).toEqual({ edits, warning: null });
  });

  it('forgets the edits on clear (reset to the published list)', async () => {
    await saveSiteEdits(sampleEdits());
    expect(await clearSiteEdits()).toEqual({ ok: true });
    expect(await loadSiteEdits()).toEqual({ edits: {}, warning: null });
  });

  it.each([
    ['a string', 'not json at all'],
    ['a number', 42],
    ['null', null],
    ['an array', [1, 2]],
    ['a record without a version', { edits: {} }],
    ['a record with a text version', { version: '1', edits: {} }],
    ['a version 1 record without edits', { version: 1 }],
    ['a version 1 record with a list of edits', { version: 1, edits: [] }],
  ])('gives no edits and a warning for a corrupt record (%s), keeping a copy', async (_, value) => {
    await set(SITE_EDITS_KEY, value, raw);
    const loaded = await loadSiteEdits();
    expect(loaded.edits).toEqual({});
    expect(loaded.warning).toMatch(/corrupt/);
    expect(loaded.warning).toContain(SITE_EDITS_BACKUP_KEY);
    expect(await get(SITE_EDITS_BACKUP_KEY, raw)).toEqual(value);
  });

  it('gives no edits and a warning for a record of a version it cannot read', async () => {
    const record = { version: 2, edits: { x: 'whatever version 2 stores' } };
    await set(SITE_EDITS_KEY, record, raw);
    const loaded = await loadSiteEdits();
    expect(loaded).toEqual({ edits: {}, warning: expect.stringMatching(/version 2, which this version of the app cannot read/) });
    expect(await get(SITE_EDITS_BACKUP_KEY, raw)).toEqual(record);
  });

  it('drops the edits that fail the schema or the pipeline rules, keeps the others and counts the dropped ones', async () => {
    const good = sampleEdits();
    const record = {
      version: 1,
      edits: {
        ...good,
        // Hours that do not parse (the pipeline's rule).
        'bad-hours': { kind: 'added', site: { ...NEW_KIOSK, id: 'bad-hours', openingHours: 'Mo-Fr 25:00-26:00' }, at: AT },
        // A field missing.
        'no-name': { kind: 'added', site: { ...NEW_KIOSK, id: 'no-name', name: undefined }, at: AT },
        // An unknown kind of edit.
        'odd-kind': { kind: 'moved', site: { ...NEW_KIOSK, id: 'odd-kind' }, at: AT },
        // Stored under a key that is not its id.
        'wrong-key': { kind: 'added', site: NEW_KIOSK, at: AT },
        // Outside the service area.
        'far-away': { kind: 'added', site: { ...NEW_KIOSK, id: 'far-away', coordinates: [-73.98, 40.75] }, at: AT },
      },
    };
    await set(SITE_EDITS_KEY, record, raw);
    const loaded = await loadSiteEdits();
    expect(loaded.edits).toEqual(good);
    expect(loaded.warning).toMatch(/^5 of 8 stored local site edit\(s\) could not be read and were left out/);
    for (const id of ['bad-hours', 'no-name', 'odd-kind', 'wrong-key', 'far-away']) expect(loaded.warning).toContain(`"${id}"`);
    expect(await get(SITE_EDITS_BACKUP_KEY, raw)).toEqual(record);
  });

  it('warns instead of throwing when IndexedDB is unavailable', async () => {
    const blocked = failingStore('InvalidStateError', 'IndexedDB is blocked in private mode');
    expect(await loadSiteEdits(blocked)).toEqual({ edits: {}, warning: expect.stringMatching(/could not be read: the browser's storage \(IndexedDB\) is unavailable/) });
    expect(await saveSiteEdits(sampleEdits(), blocked)).toEqual({ ok: false, warning: expect.stringMatching(/could not be saved/) });
    expect(await clearSiteEdits(blocked)).toEqual({ ok: false, warning: expect.stringMatching(/could not be cleared/) });
  });

  it('warns instead of throwing when the storage is full', async () => {
    const full = failingStore('QuotaExceededError', 'quota exceeded');
    expect(await saveSiteEdits(sampleEdits(), full)).toEqual({ ok: false, warning: expect.stringMatching(/storage for this site is full/) });
  });

  it('warns instead of throwing when indexedDB does not exist at all', async () => {
    const saved = globalThis.indexedDB;
    try {
      Reflect.deleteProperty(globalThis, 'indexedDB');
      const missing = createStore('hrm-sites-missing', 'edits');
      expect((await loadSiteEdits(missing)).warning).toMatch(/could not be read/);
      expect((await saveSiteEdits(NO_SITE_EDITS, missing)).ok).toBe(false);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('column mappings', () => {
  it('remembers a mapping per header set, whatever the order and case of the columns', async () => {
    const mapping = { Name: 'name', 'Street Address': 'address', Notes: null };
    const key = mappingKey(['Name', 'Street Address', 'Notes']);
    expect(await saveColumnMapping(key, mapping)).toEqual({ ok: true });
    expect(await loadColumnMapping(mappingKey(['notes', ' street address', 'NAME']))).toEqual(mapping);
    expect(await loadColumnMapping(mappingKey(['Name', 'Address']))).toBeNull();
  });

  it('keeps the edits and the mappings apart', async () => {
    await saveColumnMapping(mappingKey(['id']), { id: 'id' });
    await clearSiteEdits();
    expect(await loadColumnMapping(mappingKey(['id']))).toEqual({ id: 'id' });
    expect((await loadSiteEdits()).edits).toEqual({});
  });

  it('gives null for a corrupt mapping and warns when it cannot be saved', async () => {
    await set(`column-mapping:${mappingKey(['a'])}`, { version: 1, mapping: { a: 3 } }, raw);
    expect(await loadColumnMapping(mappingKey(['a']))).toBeNull();
    expect(await loadColumnMapping('x', failingStore('InvalidStateError', 'blocked'))).toBeNull();
    expect(await saveColumnMapping('x', {}, failingStore('QuotaExceededError', 'full'))).toEqual({
      ok: false,
      warning: expect.stringMatching(/^The column mapping could not be saved: the browser's storage for this site is full/),
    });
  });
});
