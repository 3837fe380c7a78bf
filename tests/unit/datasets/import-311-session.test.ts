import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NeedleImportSession, type NeedleImportStorage, type NeedleImportsSnapshot } from '../../../src/datasets/import-311-session';
import { loadNeedleImports, saveNeedleImports } from '../../../src/datasets/needle-import-store';
import { needleTableFromPacked, needleTableFromRequests, packNeedleTable, type PackedNeedleColumns } from '../../../src/datasets/needle-table';
import { assignNeedleIds } from '../../../src/domain/needle-id';
import type { NeedleRecord } from '../../../src/domain/needle-request';
import type { NeedleImport } from '../../../src/ui/needles-api';

const HEADER = 'case_enquiry_id,open_dt,closed_dt,case_status,closure_reason,case_title,type,neighborhood,location_street_name,location_zipcode,latitude,longitude,source,ward';
const row = (id: string, lat = '42.3371') => `${id},2026-11-20 09:15:00,,Open,,Needle Pickup,Needle Pickup,South End,Albany St,02118,${lat},-71.0741,Constituent Call,Ward 8`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const streamOf = (text: string) => new Blob([text]).stream();

const PUBLISHED_RECORD: NeedleRecord = {
  caseId: '101005000001',
  openedDate: '2025-03-01',
  openedTime: '09:15',
  closedDate: null,
  status: 'open',
  closureReason: null,
  neighborhood: 'South End',
  street: 'Albany St',
  zip: '02118',
  source: 'Constituent Call',
  ward: 'Ward 8',
  coordinates: [-71.0741, 42.3371],
  dataset: 'published',
};
/** The published table's columns as the page sends them: one case id, one request without (a hashed id). */
const published = (): PackedNeedleColumns =>
  packNeedleTable(needleTableFromRequests(assignNeedleIds([PUBLISHED_RECORD, { ...PUBLISHED_RECORD, caseId: null, street: 'Harrison Ave' }])));

/** Storage in memory (what the worker reads and writes), with a log of the saves. */
function memoryStorage(initial: NeedleImport[] = []): NeedleImportStorage & { saved: NeedleImport[][] } {
  let stored = initial;
  const saved: NeedleImport[][] = [];
  return {
    saved,
    load: () => Promise.resolve({ imports: stored, warning: null }),
    save: (imports) => {
      stored = [...imports];
      saved.push(stored);
      return Promise.resolve();
    },
  };
}

const summary = (name: string, at = '2026-11-26T15:00:00.000Z') => ({ id: `${name}@${at}`, name, importedAt: at });
const idsOf = (s: NeedleImportsSnapshot) => needleTableFromPacked(s.table!).ids.slice().sort();

describe('NeedleImportSession', () => {
  it('imports a file: counts in the report, the requests merged over the published ones (their ids kept) and saved', async () => {
    const storage = memoryStorage();
    const session = new NeedleImportSession(published(), storage);
    const publishedIds = needleTableFromPacked(published()).ids.slice();
    const progress: number[] = [];
    const { report, snapshot } = await session.importStream(1, streamOf(csv(row('101005900001'), row('101005900002'), row('101005900003', ''))), { name: 'a.csv', size: 500 }, summary('a.csv'), (f) => progress.push(f));
    expect(report.added).toBe(2);
    expect(report.counts).toMatchObject({ needle: 3, rejected: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([4]);
    expect('records' in report).toBe(false);
    expect(progress.at(-1)).toBe(1);
    expect(snapshot!.imports).toEqual([summary('a.csv')]);
    expect(snapshot!.countOf).toEqual([['a.csv@2026-11-26T15:00:00.000Z', 2]]);
    expect(idsOf(snapshot!)).toEqual([...publishedIds, '101005900001', '101005900002'].sort());
    expect(storage.saved).toHaveLength(1);
    expect(storage.saved[0]![0]!.records.map((r) => r.caseId)).toEqual(['101005900001', '101005900002']);
  });

  it('a later import of a case replaces it; counts say how many of each import are on the map; remove brings the older back', async () => {
    const storage = memoryStorage();
    const session = new NeedleImportSession(published(), storage);
    await session.importStream(1, streamOf(csv(row('101005900001'), row('101005000001'))), { name: 'a.csv', size: 1 }, summary('a.csv', 'T1'), () => undefined);
    const { snapshot } = await session.importStream(2, streamOf(csv(row('101005900001'))), { name: 'b.csv', size: 1 }, summary('b.csv', 'T2'), () => undefined);
    expect(snapshot!.countOf).toEqual([
      ['a.csv@T1', 1],
      ['b.csv@T2', 1],
    ]);
    const table = needleTableFromPacked(snapshot!.table!);
    expect(table.count).toBe(3);
    expect(table.get(table.indexOfId('101005900001')).dataset).toBe('b.csv');
    expect(table.get(table.indexOfId('101005000001')).dataset).toBe('a.csv');

    const removed = await session.remove('b.csv@T2');
    expect(removed.countOf).toEqual([['a.csv@T1', 2]]);
    expect(storage.saved.at(-1)!.map((i) => i.id)).toEqual(['a.csv@T1']);
    const none = await session.remove('a.csv@T1');
    expect(none.imports).toEqual([]);
    expect(none.table).toBeNull();
    expect(storage.saved.at(-1)).toEqual([]);
  });

  it('a file without needle requests adds nothing and saves nothing', async () => {
    const storage = memoryStorage();
    const session = new NeedleImportSession(published(), storage);
    const { report, snapshot } = await session.importStream(1, streamOf(`${HEADER}\n1,2026-11-20 09:15:00,,Open,,Pothole,Pothole,,,,42.33,-71.07,,\n`), { name: 'x.csv', size: 1 }, summary('x.csv'), () => undefined);
    expect(report.added).toBe(0);
    expect(report.counts.otherTypes).toBe(1);
    expect(snapshot).toBeNull();
    expect(storage.saved).toEqual([]);
  });

  it('cancelled while the file is read: rejects, adds and saves nothing', async () => {
    const storage = memoryStorage();
    const session = new NeedleImportSession(published(), storage);
    let pull = 0;
    const slow = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 5));
        controller.enqueue(new TextEncoder().encode(pull++ === 0 ? `${HEADER}\n` : `${row(String(101005900000 + pull))}\n`));
        if (pull > 1000) controller.close();
      },
    });
    const running = session.importStream(7, slow, { name: 'slow.csv', size: 1 }, summary('slow.csv'), () => undefined);
    setTimeout(() => session.cancel(7), 30);
    await expect(running).rejects.toThrow(/cancelled/);
    expect(pull).toBeLessThan(1000);
    expect(storage.saved).toEqual([]);
    expect((await session.current()).imports).toEqual([]);
  });

  it('reads the saved imports first: a new import is added to them, and a new published table is merged under them', async () => {
    const saved: NeedleImport = { ...summary('old.csv', 'T0'), records: [{ ...PUBLISHED_RECORD, caseId: '101005900009', dataset: 'old.csv' }] };
    const storage = memoryStorage([saved]);
    const session = new NeedleImportSession(null, storage);
    const first = await session.current();
    expect(first.imports).toEqual([summary('old.csv', 'T0')]);
    expect(idsOf(first)).toEqual(['101005900009']);
    const { snapshot } = await session.importStream(1, streamOf(csv(row('101005900001'))), { name: 'a.csv', size: 1 }, summary('a.csv', 'T1'), () => undefined);
    expect(snapshot!.imports.map((i) => i.id)).toEqual(['old.csv@T0', 'a.csv@T1']);
    expect(storage.saved.at(-1)!.map((i) => i.id)).toEqual(['old.csv@T0', 'a.csv@T1']);
    const later = await session.setPublished(published());
    expect(later.version).toBeGreaterThan(snapshot!.version);
    expect(needleTableFromPacked(later.table!).count).toBe(4);
  });

  it('says so when the saved imports cannot be read or saved, and keeps the import on the map', async () => {
    const session = new NeedleImportSession(published(), {
      load: () => Promise.reject(new Error('IndexedDB is not available')),
      save: () => Promise.reject(new Error('quota exceeded')),
    });
    expect((await session.current()).warning).toBe('Saved 311 imports could not be read: IndexedDB is not available');
    const { snapshot } = await session.importStream(1, streamOf(csv(row('101005900001'))), { name: 'a.csv', size: 1 }, summary('a.csv'), () => undefined);
    expect(snapshot!.warning).toBe('The browser did not save the 311 imports: quota exceeded');
    expect(snapshot!.countOf).toEqual([['a.csv@2026-11-26T15:00:00.000Z', 1]]);
  });

  it('keeps imports in IndexedDB across sessions (a reload)', async () => {
    await saveNeedleImports([]);
    const first = new NeedleImportSession(published());
    await first.importStream(1, streamOf(csv(row('101005900001'))), { name: 'a.csv', size: 1 }, summary('a.csv'), () => undefined);
    const second = new NeedleImportSession(published());
    const reloaded = await second.current();
    expect(reloaded.imports).toEqual([summary('a.csv')]);
    expect(reloaded.countOf).toEqual([['a.csv@2026-11-26T15:00:00.000Z', 1]]);
    await second.remove('a.csv@2026-11-26T15:00:00.000Z');
    expect(await loadNeedleImports()).toEqual({ imports: [], warning: null });
  });
});
