import { describe, expect, it } from 'vitest';
import { mergeNeedleImports } from '../../../src/datasets/needle-merge';
import { needleTableFromRequests, type NeedleTable } from '../../../src/datasets/needle-table';
import { assignNeedleIds } from '../../../src/domain/needle-id';
import type { NeedleRecord, NeedleRequest } from '../../../src/domain/needle-request';
import type { NeedleImport } from '../../../src/ui/needles-api';

/** A record with every field set; `patch` changes what a test is about. */
function record(patch: Partial<NeedleRecord>): NeedleRecord {
  return {
    caseId: null,
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
    ...patch,
  };
}

/** The published table as the pipeline writes it: ids over all records, then encoded and decoded. */
const publishedOf = (records: readonly NeedleRecord[]): NeedleTable => needleTableFromRequests(assignNeedleIds(records));

const imp = (id: string, records: NeedleRecord[]): NeedleImport => ({ id, name: `${id}.csv`, importedAt: '2026-01-01T00:00:00.000Z', records });

/** Every request of the table by id (the merged table's row order is not part of the contract). */
function byId(table: NeedleTable): Map<string, NeedleRequest> {
  const out = new Map<string, NeedleRequest>();
  for (let i = 0; i < table.count; i++) out.set(table.ids[i]!, table.get(i));
  return out;
}

const PUBLISHED: NeedleRecord[] = [
  record({ caseId: '101005000001', status: 'open', coordinates: [-71.0741, 42.3371] }),
  record({ caseId: '101005000002', status: 'open', openedDate: '2025-03-02', coordinates: [-71.0652, 42.3502], street: 'Tremont St' }),
  // No case id (the points file): known by open date, place and street.
  record({ caseId: null, status: 'unknown', openedDate: '2025-03-03', coordinates: [-71.0831, 42.3301], street: 'Melnea Cass Blvd', dataset: 'points' }),
  record({ caseId: null, status: 'unknown', openedDate: '2025-03-04', coordinates: [-71.0702, 42.3405], street: 'Washington St', dataset: 'points' }),
  // Two requests with the same facts: the pipeline tells them apart with "-2".
  record({ caseId: null, status: 'unknown', openedDate: '2025-03-05', coordinates: [-71.0603, 42.3551], street: 'Boylston St', dataset: 'points' }),
  record({ caseId: null, status: 'unknown', openedDate: '2025-03-05', coordinates: [-71.0603, 42.3551], street: 'Boylston St', dataset: 'points', zip: '02116' }),
];

describe('mergeNeedleImports', () => {
  it('gives the published table back (same ids, same requests) when nothing is imported', () => {
    const published = publishedOf(PUBLISHED);
    const merged = mergeNeedleImports(published, []);
    expect(byId(merged.table)).toEqual(byId(published));
    expect(merged.countOf.size).toBe(0);
  });

  it('replaces the published request of the same case id with the imported one', () => {
    const published = publishedOf(PUBLISHED);
    const closed = record({ caseId: '101005000001', status: 'closed', closedDate: '2025-03-04', closureReason: 'Case Resolved', dataset: 'export.csv' });
    const merged = mergeNeedleImports(published, [imp('a', [closed])]);
    expect(merged.table.count).toBe(published.count);
    const row = byId(merged.table).get('101005000001');
    expect(row).toMatchObject({ status: 'closed', closedDate: '2025-03-04', closureReason: 'Case Resolved', dataset: 'export.csv' });
    expect(merged.countOf.get('a')).toBe(1);
  });

  it('adds an imported case the published table does not have', () => {
    const published = publishedOf(PUBLISHED);
    const fresh = record({ caseId: '101005000099', openedDate: '2025-04-01', dataset: 'export.csv' });
    const merged = mergeNeedleImports(published, [imp('a', [fresh])]);
    expect(merged.table.count).toBe(published.count + 1);
    expect(byId(merged.table).get('101005000099')).toMatchObject({ openedDate: '2025-04-01', dataset: 'export.csv' });
  });

  it('lets a later import win over an earlier one for the same case, and counts the case only for the later', () => {
    const published = publishedOf(PUBLISHED);
    const older = record({ caseId: '101005000002', status: 'open', openedDate: '2025-03-02', street: 'Tremont St', dataset: 'first.csv' });
    const newer = record({ caseId: '101005000002', status: 'closed', openedDate: '2025-03-02', closedDate: '2025-03-03', street: 'Tremont St', dataset: 'second.csv' });
    const onlyInFirst = record({ caseId: '101005000077', dataset: 'first.csv' });
    const merged = mergeNeedleImports(published, [imp('first', [older, onlyInFirst]), imp('second', [newer])]);
    expect(byId(merged.table).get('101005000002')).toMatchObject({ status: 'closed', dataset: 'second.csv' });
    expect(merged.table.ids.filter((id) => id === '101005000002')).toHaveLength(1);
    expect(merged.countOf.get('first')).toBe(1);
    expect(merged.countOf.get('second')).toBe(1);

    // The other order: the earlier file's copy is the one that stays.
    const swapped = mergeNeedleImports(published, [imp('second', [newer]), imp('first', [older, onlyInFirst])]);
    expect(byId(swapped.table).get('101005000002')).toMatchObject({ status: 'open', dataset: 'first.csv' });
    expect(swapped.countOf.get('first')).toBe(2);
    expect(swapped.countOf.get('second')).toBe(0);
  });

  it('counts 0 for an import all of whose cases a later import took over', () => {
    const a = record({ caseId: '101005000050', dataset: 'a.csv' });
    const merged = mergeNeedleImports(null, [imp('a', [a]), imp('b', [{ ...a, dataset: 'b.csv' }])]);
    expect(merged.countOf).toEqual(new Map([['a', 0], ['b', 1]]));
    expect(merged.table.count).toBe(1);
  });

  it('matches a request without a case id by open date, place and street, whatever its status or neighbourhood', () => {
    const published = publishedOf(PUBLISHED);
    const hashedId = [...byId(published).values()].find((r) => r.street === 'Melnea Cass Blvd')!.id;
    expect(hashedId).toMatch(/^h-[0-9a-f]{16}$/);
    const same = record({ caseId: null, status: 'closed', closedDate: '2025-03-06', neighborhood: 'Roxbury', openedDate: '2025-03-03', coordinates: [-71.0831, 42.3301], street: 'Melnea Cass Blvd', dataset: 'points-refresh' });
    const merged = mergeNeedleImports(published, [imp('a', [same])]);
    expect(merged.table.count).toBe(published.count);
    expect(byId(merged.table).get(hashedId)).toMatchObject({ status: 'closed', neighborhood: 'Roxbury', dataset: 'points-refresh' });

    // Another street (or day, or place) is another request.
    const elsewhere = mergeNeedleImports(published, [imp('a', [{ ...same, street: 'Massachusetts Ave' }])]);
    expect(elsewhere.table.count).toBe(published.count + 1);
    expect(byId(elsewhere.table).get(hashedId)).toMatchObject({ status: 'unknown', dataset: 'points' });
    const otherDay = mergeNeedleImports(published, [imp('a', [{ ...same, openedDate: '2025-03-04' }])]);
    expect(otherDay.table.count).toBe(published.count + 1);
  });

  it('keeps the id of every published request an import does not touch (shared links keep working)', () => {
    const published = publishedOf(PUBLISHED);
    const before = byId(published);
    const touched = record({ caseId: '101005000001', status: 'closed', closedDate: '2025-03-09', dataset: 'x.csv' });
    const fresh = [
      record({ caseId: '101005000123', openedDate: '2025-05-01', dataset: 'x.csv' }),
      // A new request with the same facts as the published "-2" pair, under a case id: it must not take their ids.
      record({ caseId: '101005000124', openedDate: '2025-03-05', coordinates: [-71.0603, 42.3551], street: 'Boylston St', dataset: 'x.csv' }),
    ];
    const after = byId(mergeNeedleImports(published, [imp('x', [touched, ...fresh])]).table);
    for (const [id, request] of before) {
      if (id === '101005000001') continue;
      expect(after.get(id), id).toEqual(request);
    }
    expect([...before.keys()].filter((id) => /-2$/.test(id))).toHaveLength(1);
  });

  it('keeps published ids of requests whose facts differ only below the 6 stored decimals', () => {
    // The pipeline tells these two apart by their raw coordinates; the published file stores 6 decimals.
    const twins = [
      record({ caseId: null, status: 'unknown', openedTime: '08:00', coordinates: [-71.0600004, 42.35], street: 'Beacon St', dataset: 'points' }),
      record({ caseId: null, status: 'unknown', openedTime: '17:30', coordinates: [-71.0599996, 42.35], street: 'Beacon St', dataset: 'points' }),
    ];
    // Rows in the order the pipeline writes them (by open date, then longitude).
    const rows = assignNeedleIds(twins).sort((a, b) => a.coordinates[0] - b.coordinates[0]);
    const published = needleTableFromRequests(rows);
    const before = byId(published);
    expect(before.size).toBe(2);
    const after = byId(mergeNeedleImports(published, [imp('x', [record({ caseId: '101005000200', dataset: 'x.csv' })])]).table);
    for (const [id, request] of before) expect(after.get(id), id).toEqual(request);
  });

  it('works with no published table (the file failed to load): the imports alone', () => {
    const a = record({ caseId: '101005000001', dataset: 'a.csv' });
    const b = record({ caseId: null, openedDate: '2025-06-01', dataset: 'a.csv' });
    const merged = mergeNeedleImports(null, [imp('a', [a, b])]);
    expect(merged.table.count).toBe(2);
    expect(merged.table.ids[0]).toBe('101005000001');
    expect(merged.table.ids[1]).toMatch(/^h-[0-9a-f]{16}$/);
    expect(merged.countOf).toEqual(new Map([['a', 2]]));
    expect(mergeNeedleImports(null, []).table.count).toBe(0);
  });
});
