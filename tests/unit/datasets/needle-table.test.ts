import { describe, expect, it } from 'vitest';
import { decodeNeedleColumns, encodeNeedleColumns, minuteOfDay, needleTableFromPacked, needleTableFromRequests, packedBuffers, packNeedleTable, timeOfMinute } from '../../../src/datasets/needle-table';
import { dayFromIsoDate } from '../../../src/domain/calendar-day';
import { NEEDLE_COLUMNS_VERSION, needleColumnsSchema } from '../../../src/domain/needle-request';
import type { NeedleRequest } from '../../../src/domain/needle-request';

const base: NeedleRequest = {
  id: 'h-00000000000000aa',
  caseId: null,
  openedDate: '2024-01-02',
  openedTime: null,
  closedDate: null,
  status: 'unknown',
  closureReason: null,
  neighborhood: 'South End',
  street: 'Albany St',
  zip: null,
  source: null,
  ward: null,
  coordinates: [-71.0741234567, 42.3370749999],
  dataset: 'points',
};
const rows: NeedleRequest[] = [
  base,
  {
    id: '101001400001',
    caseId: '101001400001',
    openedDate: '2015-05-15',
    openedTime: '14:40',
    closedDate: '2015-05-16',
    status: 'closed',
    closureReason: 'Case Resolved',
    neighborhood: 'Roxbury',
    street: null,
    zip: '02119',
    source: 'Constituent Call',
    ward: '03',
    coordinates: [-71.0838, 42.3296],
    dataset: 'csv-2015',
  },
  { ...base, id: 'h-00000000000000bb', openedDate: '2026-03-30', openedTime: '00:00', status: 'open', neighborhood: null, street: 'Albany St', source: 'Citizens Connect App', ward: 'Ward 3' },
];

describe('encodeNeedleColumns', () => {
  const columns = encodeNeedleColumns(rows);

  it('produces a file that passes the needle columns schema', () => {
    expect(needleColumnsSchema.safeParse(columns).success).toBe(true);
  });

  it('stores repeated strings once in sorted lookup tables, with -1 for unknown', () => {
    expect(columns.neighborhoods).toEqual(['Roxbury', 'South End']);
    expect(columns.columns.neighborhood).toEqual([1, 0, -1]);
    expect(columns.streets).toEqual(['Albany St']);
    expect(columns.columns.street).toEqual([0, -1, 0]);
  });

  it('rounds coordinates to 6 decimals', () => {
    expect(columns.columns.lng[0]).toBe(-71.074123);
    expect(columns.columns.lat[0]).toBe(42.337075);
  });

  it('encodes days, status codes and -1 for no close date', () => {
    expect(columns.columns.openedDay).toEqual([dayFromIsoDate('2024-01-02'), dayFromIsoDate('2015-05-15'), dayFromIsoDate('2026-03-30')]);
    expect(columns.columns.closedDay).toEqual([-1, dayFromIsoDate('2015-05-16'), -1]);
    expect(columns.columns.status).toEqual([0, 2, 1]);
  });

  it('stores the open time as a minute of the day (-1 unknown) and source and ward as lookups (-1 null)', () => {
    expect(columns.columns.openedMinute).toEqual([-1, 14 * 60 + 40, 0]);
    expect(columns.sources).toEqual(['Citizens Connect App', 'Constituent Call']);
    expect(columns.columns.source).toEqual([-1, 1, 0]);
    expect(columns.wards).toEqual(['03', 'Ward 3']);
    expect(columns.columns.ward).toEqual([-1, 0, 1]);
  });

  it('encodes an empty list as an empty table', () => {
    expect(encodeNeedleColumns([]).count).toBe(0);
  });

  it('stores the stable ids in their own column, in row order, under the current version', () => {
    expect(columns.version).toBe(NEEDLE_COLUMNS_VERSION);
    expect(NEEDLE_COLUMNS_VERSION).toBe(3);
    expect(columns.columns.id).toEqual(['h-00000000000000aa', '101001400001', 'h-00000000000000bb']);
  });

  it('refuses to encode an empty or repeated id', () => {
    expect(() => encodeNeedleColumns([base, { ...rows[2]!, id: base.id }])).toThrow('needle request id "h-00000000000000aa" is empty or not unique');
    expect(() => encodeNeedleColumns([{ ...base, id: '' }])).toThrow(/is empty or not unique/);
  });
});

describe('decodeNeedleColumns', () => {
  it('round-trips every request (coordinates at 6 decimals)', () => {
    const table = decodeNeedleColumns(JSON.parse(JSON.stringify(encodeNeedleColumns(rows))));
    expect(table.count).toBe(3);
    expect(table.get(0)).toEqual({ ...base, coordinates: [-71.074123, 42.337075] });
    expect(table.get(1)).toEqual(rows[1]);
    expect(table.get(2)).toEqual({ ...rows[2], coordinates: [-71.074123, 42.337075] });
  });

  it('exposes the stable ids and finds a row by its id', () => {
    const table = decodeNeedleColumns(encodeNeedleColumns(rows));
    expect(table.ids).toEqual(['h-00000000000000aa', '101001400001', 'h-00000000000000bb']);
    expect(rows.map((r) => table.indexOfId(r.id))).toEqual([0, 1, 2]);
    expect(table.indexOfId('h-ffffffffffffffff')).toBe(-1);
    expect(table.indexOfId('')).toBe(-1);
    expect(table.get(2).id).toBe('h-00000000000000bb');
  });

  it('throws a clear error for a file of an older version (no id column, or no time, source and ward columns)', () => {
    const old = { ...encodeNeedleColumns(rows), version: 1 };
    expect(() => decodeNeedleColumns(old)).toThrow('malformed needle requests file at version: not version 3 of the needle requests file: run `npm run data` to rebuild it');
    expect(() => decodeNeedleColumns({ ...old, version: 2 })).toThrow(/not version 3 of the needle requests file/);
  });

  it('exposes the open minute, source and ward columns as typed arrays with their tables', () => {
    const table = decodeNeedleColumns(encodeNeedleColumns(rows));
    expect(table.openedMinute).toBeInstanceOf(Int16Array);
    expect([...table.openedMinute]).toEqual([-1, 880, 0]);
    expect(table.sourceIndex).toBeInstanceOf(Int32Array);
    expect([...table.sourceIndex]).toEqual([-1, 1, 0]);
    expect(table.sources).toEqual(['Citizens Connect App', 'Constituent Call']);
    expect([...table.wardIndex]).toEqual([-1, 0, 1]);
    expect(table.wards).toEqual(['03', 'Ward 3']);
    expect(table.get(2)).toMatchObject({ openedTime: '00:00', source: 'Citizens Connect App', ward: 'Ward 3' });
  });

  it('throws a clear error when a source or ward index points outside its table, or a minute is not one of a day', () => {
    const bad = encodeNeedleColumns(rows);
    bad.columns.ward[1] = 2;
    expect(() => decodeNeedleColumns(bad)).toThrow(/columns\.ward\[1\] = 2/);
    const bad2 = encodeNeedleColumns(rows);
    bad2.columns.source[0] = -2;
    expect(() => decodeNeedleColumns(bad2)).toThrow(/columns\.source\[0\] = -2/);
    const bad3 = encodeNeedleColumns(rows);
    bad3.columns.openedMinute[0] = 1440;
    expect(() => decodeNeedleColumns(bad3)).toThrow(/malformed needle requests file at columns\.openedMinute\.0/);
  });

  it('needleTableFromRequests gives the table the file would give', () => {
    const table = needleTableFromRequests(rows);
    expect(table.count).toBe(3);
    expect(table.get(1)).toEqual(rows[1]);
    expect(table.ids).toEqual(rows.map((r) => r.id));
  });

  it('converts between "HH:MM" and the minute of the day', () => {
    expect(['00:00', '14:40', '23:59', null, '24:00', '9:05'].map(minuteOfDay)).toEqual([0, 880, 1439, -1, -1, -1]);
    expect([0, 880, 1439, -1, 1440].map(timeOfMinute)).toEqual(['00:00', '14:40', '23:59', null, null]);
  });

  it('throws a clear error when two rows share an id', () => {
    const bad = encodeNeedleColumns(rows);
    bad.columns.id[2] = bad.columns.id[0]!;
    expect(() => decodeNeedleColumns(bad)).toThrow('malformed needle requests file at columns.id.2: id "h-00000000000000aa" is not unique');
  });

  it('exposes typed arrays and the first and last open day', () => {
    const table = decodeNeedleColumns(encodeNeedleColumns(rows));
    expect(table.lng).toBeInstanceOf(Float64Array);
    expect(table.openedDay).toBeInstanceOf(Int32Array);
    expect(table.status).toBeInstanceOf(Uint8Array);
    expect(table.minDay).toBe(dayFromIsoDate('2015-05-15'));
    expect(table.maxDay).toBe(dayFromIsoDate('2026-03-30'));
  });

  it('gives minDay and maxDay -1 for an empty table', () => {
    const table = decodeNeedleColumns(encodeNeedleColumns([]));
    expect([table.count, table.minDay, table.maxDay]).toEqual([0, -1, -1]);
  });

  it('throws a clear error when a column has the wrong length', () => {
    const bad = encodeNeedleColumns(rows);
    bad.columns.lat.pop();
    expect(() => decodeNeedleColumns(bad)).toThrow(/malformed needle requests file at columns\.lat: column lat has 2 values, expected 3/);
  });

  it('throws a clear error when a lookup index points outside its table', () => {
    const bad = encodeNeedleColumns(rows);
    bad.columns.neighborhood[0] = 7;
    expect(() => decodeNeedleColumns(bad)).toThrow(/columns\.neighborhood\[0\] = 7/);
  });

  it('throws a clear error for something that is not a needle file', () => {
    expect(() => decodeNeedleColumns({ type: 'FeatureCollection' })).toThrow(/malformed needle requests file/);
  });

  it('throws on a row index out of range', () => {
    expect(() => decodeNeedleColumns(encodeNeedleColumns(rows)).get(3)).toThrow('needle request 3 out of range 0..2');
  });
});

describe('packNeedleTable and needleTableFromPacked', () => {
  it('round-trips a table (what a worker sends the page), with the same rows, ids and days', () => {
    const table = needleTableFromRequests(rows);
    const packed = packNeedleTable(table);
    // A table's own columns, not a copy: nothing is read row by row.
    expect(packed.lng).toBe(table.lng);
    const back = needleTableFromPacked(structuredClone(packed));
    expect(back.count).toBe(table.count);
    expect(back.ids).toEqual(table.ids);
    expect([back.minDay, back.maxDay]).toEqual([table.minDay, table.maxDay]);
    for (let i = 0; i < table.count; i++) expect(back.get(i)).toEqual(table.get(i));
    expect(back.indexOfId(rows[1]!.id)).toBe(1);
  });

  it('transfers every typed array (and no buffer twice)', () => {
    const packed = packNeedleTable(needleTableFromRequests(rows));
    const buffers = packedBuffers(packed);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(12);
    const moved = structuredClone(packed, { transfer: buffers });
    expect(packed.lng.length).toBe(0);
    expect(needleTableFromPacked(moved).get(0)).toEqual(needleTableFromRequests(rows).get(0));
  });
});
