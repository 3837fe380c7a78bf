import 'fake-indexeddb/auto';
import { createStore, del, set, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  hasSavedNeedleImports,
  loadNeedleImports,
  NEEDLE_IMPORT_DB_NAME,
  NEEDLE_IMPORT_STORE_NAME,
  NEEDLE_IMPORTS_KEY,
  NEEDLE_IMPORTS_VERSION,
  saveNeedleImports,
} from '../../../src/datasets/needle-import-store';
import type { NeedleRecord } from '../../../src/domain/needle-request';
import type { NeedleImport } from '../../../src/ui/needles-api';

/** The same object store the module uses, to plant raw entries (as an older or broken app would have left them). */
const raw: UseStore = createStore(NEEDLE_IMPORT_DB_NAME, NEEDLE_IMPORT_STORE_NAME);

const RECORD: NeedleRecord = {
  caseId: '101005000001',
  openedDate: '2025-03-01',
  openedTime: '09:15',
  closedDate: '2025-03-02',
  status: 'closed',
  closureReason: 'Case Resolved',
  neighborhood: 'South End',
  street: 'Albany St',
  zip: '02118',
  source: 'Constituent Call',
  ward: 'Ward 8',
  coordinates: [-71.0741, 42.3371],
  dataset: 'export.csv',
};

const IMPORTS: NeedleImport[] = [
  { id: 'export.csv@2026-01-01T10:00:00.000Z', name: 'export.csv', importedAt: '2026-01-01T10:00:00.000Z', records: [RECORD, { ...RECORD, caseId: null, openedTime: null, closedDate: null, status: 'unknown', closureReason: null, neighborhood: null, street: null, zip: null, source: null, ward: null }] },
  { id: 'later.csv@2026-01-02T10:00:00.000Z', name: 'later.csv', importedAt: '2026-01-02T10:00:00.000Z', records: [{ ...RECORD, status: 'open', closedDate: null }] },
  { id: 'empty.csv@2026-01-03T10:00:00.000Z', name: 'empty.csv', importedAt: '2026-01-03T10:00:00.000Z', records: [] },
];

beforeEach(async () => {
  await del(NEEDLE_IMPORTS_KEY, raw);
});

describe('saveNeedleImports and loadNeedleImports', () => {
  it('gives no imports and no warning when nothing was saved', async () => {
    expect(await loadNeedleImports()).toEqual({ imports: [], warning: null });
  });

  it('reads back what was saved, in order, as a versioned entry', async () => {
    await saveNeedleImports(IMPORTS);
    expect(await loadNeedleImports()).toEqual({ imports: IMPORTS, warning: null });
  });

  it('says whether anything is saved without reading it; saving no imports removes the entry', async () => {
    expect(await hasSavedNeedleImports()).toBe(false);
    await saveNeedleImports(IMPORTS);
    expect(await hasSavedNeedleImports()).toBe(true);
    await saveNeedleImports([]);
    expect(await hasSavedNeedleImports()).toBe(false);
    expect(await loadNeedleImports()).toEqual({ imports: [], warning: null });
  });

  it('replaces what was saved before (a removed import stays removed)', async () => {
    await saveNeedleImports(IMPORTS);
    await saveNeedleImports([IMPORTS[1]!]);
    expect(await loadNeedleImports()).toEqual({ imports: [IMPORTS[1]], warning: null });
  });

  it('leaves out an unreadable import, names it in the warning and keeps the others', async () => {
    const broken = { ...IMPORTS[1]!, records: [{ ...RECORD, openedDate: '1 March 2025' }] };
    await set(NEEDLE_IMPORTS_KEY, { version: NEEDLE_IMPORTS_VERSION, imports: [IMPORTS[0], broken, IMPORTS[2]] }, raw);
    const loaded = await loadNeedleImports();
    expect(loaded.imports).toEqual([IMPORTS[0], IMPORTS[2]]);
    expect(loaded.warning).toMatch(/\b2\b/);
    expect(loaded.warning).toMatch(/left out/);
    expect(loaded.warning).not.toMatch(/\b[13]\b/);
  });

  it('names every unreadable import when there are several', async () => {
    await set(NEEDLE_IMPORTS_KEY, { version: NEEDLE_IMPORTS_VERSION, imports: ['not an import', IMPORTS[1], { ...IMPORTS[2]!, id: '' }] }, raw);
    const loaded = await loadNeedleImports();
    expect(loaded.imports).toEqual([IMPORTS[1]]);
    expect(loaded.warning).toMatch(/1, 3\b/);
  });

  it('warns and gives no imports for another version of the entry', async () => {
    await set(NEEDLE_IMPORTS_KEY, { version: NEEDLE_IMPORTS_VERSION + 1, imports: IMPORTS }, raw);
    const loaded = await loadNeedleImports();
    expect(loaded.imports).toEqual([]);
    expect(loaded.warning).toMatch(/could not be read/);
  });

  it('warns and gives no imports for an entry that is not an envelope at all', async () => {
    await set(NEEDLE_IMPORTS_KEY, IMPORTS, raw);
    const loaded = await loadNeedleImports();
    expect(loaded.imports).toEqual([]);
    expect(loaded.warning).not.toBeNull();
  });
});
