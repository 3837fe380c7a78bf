import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_STORED_REJECTS, create311Importer, import311Json, import311Stream, import311Text } from '../../../src/datasets/import-311';
import type { Import311Result } from '../../../src/datasets/import-311';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const lines = (r: Import311Result) => r.rejected.map((x) => [x.line, x.field, x.reason]);

/** A web byte stream of `bytes` cut into pieces of `size` bytes (cuts may fall inside a UTF-8 character). */
function byteStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe('import311Text, current lower-case Analyze Boston export', () => {
  const result = import311Text(fixture('311-current.csv'), '311-current.csv');

  it('keeps the valid Needle Pickup rows once per case, in first-seen order', () => {
    expect(result.records.map((r) => r.caseId)).toEqual(['101005100001', '101005100002', '101005100011', '101005100012', '101005100013', '101005100014']);
    expect(result.error).toBeUndefined();
  });

  it('fills every field, including the open time, source and ward', () => {
    expect(result.records[0]).toEqual({
      caseId: '101005100001',
      openedDate: '2024-04-01',
      openedTime: '08:15',
      closedDate: '2024-04-01',
      status: 'closed',
      closureReason: 'Case Resolved. Needles picked up.',
      neighborhood: 'South End',
      street: 'Melnea Cass Blvd',
      zip: '02118',
      source: 'Citizens Connect App',
      ward: 'Ward 3',
      coordinates: [-71.074024, 42.337074],
      dataset: '311-current.csv',
    });
    expect(result.records[5]).toMatchObject({ ward: '02', zip: '02129', source: 'Constituent Call' });
  });

  it('keeps quoted commas, quotes and newlines in a cell', () => {
    expect(result.records[1]!.closureReason).toBe('Case Resolved.\nRecovered 3 syringes, near "the steps",\nsite swept.');
  });

  it('reads a UTC time as Boston local date and time, and the type case-insensitively', () => {
    expect(result.records[4]).toMatchObject({ caseId: '101005100013', openedDate: '2024-04-01', openedTime: '23:30' });
  });

  it('merges duplicate case ids, the newest wins whether it comes later or earlier in the file', () => {
    expect(result.records[2]).toMatchObject({ caseId: '101005100011', status: 'closed', closedDate: '2024-04-06', closureReason: 'Case Resolved. Picked up 1 needle.' });
    expect(result.records[3]).toMatchObject({ caseId: '101005100012', status: 'closed', closedDate: '2024-04-08' });
    expect(result.counts.duplicatesMerged).toBe(2);
  });

  it('counts rows, needle rows and other types; other types are not rejected', () => {
    expect(result.counts).toEqual({ rows: 19, needle: 17, otherTypes: 2, duplicatesMerged: 2, rejected: 9 });
    expect(result.rejected.some((r) => /Pothole|Street Light/.test(r.raw))).toBe(false);
  });

  it('rejects each bad Needle row with its line (counting quoted newlines and blank lines), field and reason', () => {
    expect(lines(result)).toEqual([
      [8, 'latitude', 'no coordinates'],
      [9, 'latitude', 'invalid latitude'],
      [10, 'latitude,longitude', 'coordinates are (0, 0): no location'],
      [11, 'latitude,longitude', 'default City Hall location (not a real place)'],
      [12, 'latitude,longitude', 'latitude and longitude look swapped'],
      [13, 'latitude,longitude', 'outside the Boston bounding box'],
      [14, 'open_dt', 'open date is not a date'],
      [15, 'case_title', 'test case'],
      [23, '', 'row has 5 fields, header has 30'],
    ]);
  });

  it('keeps the raw row of a rejection and counts rejections by reason', () => {
    expect(result.rejected[3]!.raw).toMatch(/^101005100006,2024-04-02 10:15:00,/);
    expect(result.rejected[8]!.raw).toBe('101005100015,2024-04-09 13:10:00,Needle Pickup,42.33,-71.07');
    expect(result.rejectedByReason).toHaveLength(9);
    expect(result.rejectedByReason.every((r) => r.count === 1)).toBe(true);
  });
});

describe('import311Text, old upper-case export (BOM, CRLF, unnamed first column)', () => {
  const result = import311Text(fixture('311-old-upper.csv'), 'old.csv');

  it('keeps the valid rows with local time, ward and source as published', () => {
    expect(result.records.map((r) => [r.caseId, r.openedDate, r.openedTime, r.ward, r.source, r.zip])).toEqual([
      ['101001400101', '2015-05-15', '14:40', '05', 'Constituent Call', '02118'],
      ['101001400102', '2015-05-20', '11:05', '09', 'Citizens Connect App', null],
    ]);
    expect(result.records[1]!.closureReason).toBe('Noted:\r\nneedles near the fence');
    expect(result.records[1]!.street).toBe('Geneva Ave, near "Four Corners"');
  });

  it('keeps the newer row of a duplicate that comes first', () => {
    expect(result.records[0]).toMatchObject({ closedDate: '2015-05-16', status: 'closed' });
    expect(result.counts).toEqual({ rows: 8, needle: 7, otherTypes: 1, duplicatesMerged: 1, rejected: 4 });
  });

  it('rejects test cases, (0, 0), the geocoder default point and swapped coordinates on their lines', () => {
    expect(lines(result)).toEqual([
      [6, 'closure_reason', 'test case'],
      [7, 'latitude,longitude', 'coordinates are (0, 0): no location'],
      [8, 'latitude,longitude', 'default geocoder location for "Boston" (not a real place)'],
      [9, 'latitude,longitude', 'latitude and longitude look swapped'],
    ]);
  });
});

describe('import311Text, files without needle rows or without the columns', () => {
  it('a file of other request types gives no records and counts them, with no error', () => {
    const r = import311Text(fixture('311-no-needles.csv'), 'x.csv');
    expect(r.records).toEqual([]);
    expect(r.counts).toEqual({ rows: 4, needle: 0, otherTypes: 4, duplicatesMerged: 0, rejected: 0 });
    expect(r.error).toBeUndefined();
  });

  it('a header without the required columns gives one clear error', () => {
    const r = import311Text(fixture('311-missing-columns.csv'), 'x.csv');
    expect(r.columnsMissing).toEqual(['latitude', 'longitude']);
    expect(r.error).toBe('not a 311 export: missing required columns latitude, longitude');
    expect(r.records).toEqual([]);
    expect(r.rejected).toEqual([]);
  });

  it('reads a file with a BOM before a lower-case header as without it', () => {
    const text = fixture('311-current.csv');
    expect(import311Text(`\uFEFF${text}`, 'f')).toEqual(import311Text(text, 'f'));
    const quoted = '\uFEFF"case_enquiry_id","open_dt","type","latitude","longitude"\n1,2024-05-01,Needle Pickup,42.33,-71.07\n';
    expect(import311Text(quoted, 'f').records).toHaveLength(1);
  });

  it('an empty or blank file says so', () => {
    expect(import311Text('', 'x.csv').error).toBe('empty file: no header row');
    expect(import311Text('\n\r\n', 'x.csv').error).toBe('empty file: no header row');
  });
});

describe('import311Text, unreadable rows', () => {
  const header = 'case_enquiry_id,open_dt,type,latitude,longitude';
  const good = (id: number) => `${id},2024-05-01 10:00:00,Needle Pickup,42.33,-71.07`;

  it('rejects a row whose quote never closes and still reads the rows after it', () => {
    const text = [header, good(1), '2,"2024-05-01,Needle Pickup,42.33,-71.07', good(3), good(4)].join('\n');
    const r = import311Text(text, 'x.csv');
    expect(r.records.map((x) => x.caseId)).toEqual(['1', '3', '4']);
    expect(lines(r)).toEqual([[3, '', 'unreadable CSV: a quoted field is never closed']]);
  });

  it('rejects a row too short to have a type, and counts a broken row of another type as another type', () => {
    const text = [header, good(1), '2,2024-05-01 10:00:00', '3,2024-05-01 10:00:00,Request for Pothole Repair,42.33,-71.07,extra', '4,x,Needle Pickup'].join('\n');
    const r = import311Text(text, 'x.csv');
    expect(lines(r)).toEqual([
      [3, '', 'row has 2 fields, header has 5'],
      [5, '', 'row has 3 fields, header has 5'],
    ]);
    expect(r.counts).toEqual({ rows: 4, needle: 2, otherTypes: 1, duplicatesMerged: 0, rejected: 2 });
  });

  it('does so in the middle of a long file too (the open row is cut after MAX_CSV_ROW_CHARS)', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => good(i + 10));
    const text = [header, good(1), '2,"2024-05-01,Needle Pickup,42.33,-71.07', ...rows].join('\n');
    const r = import311Text(text, 'x.csv', { chunkChars: 65_536 });
    expect(r.records).toHaveLength(30_001);
    expect(lines(r)).toEqual([[3, '', 'unreadable CSV: a quoted field is never closed']]);
  });

  it('stores at most MAX_STORED_REJECTS rejected rows but counts them all', () => {
    const bad = Array.from({ length: MAX_STORED_REJECTS + 50 }, (_, i) => `${i},2024-05-01,Needle Pickup,,`);
    const r = import311Text([header, ...bad].join('\n'), 'x.csv');
    expect(r.rejected).toHaveLength(MAX_STORED_REJECTS);
    expect(r.counts.rejected).toBe(MAX_STORED_REJECTS + 50);
    expect(r.rejectedByReason).toEqual([{ reason: 'no coordinates', count: MAX_STORED_REJECTS + 50 }]);
  });
});

describe('import311Text, Open311 GeoReport v2 JSON', () => {
  const result = import311Text(fixture('311-open311.json'), 'requests.json');

  it('is detected by its first character and keeps the valid Needle Pickup requests, newest update winning', () => {
    expect(result.format).toBe('open311');
    expect(result.records).toEqual([
      {
        caseId: '101005300001',
        openedDate: '2024-05-01',
        openedTime: '10:15',
        closedDate: '2024-05-02',
        status: 'closed',
        closureReason: 'Case Resolved. Needles picked up.',
        neighborhood: null,
        street: '1500 Washington St',
        zip: '02118',
        source: null,
        ward: null,
        coordinates: [-71.0695, 42.3396],
        dataset: 'requests.json',
      },
    ]);
    expect(result.counts).toEqual({ rows: 8, needle: 7, otherTypes: 1, duplicatesMerged: 1, rejected: 5 });
  });

  it('rejects missing, default, swapped and (0, 0) coordinates and bad dates, by list position', () => {
    expect(lines(result)).toEqual([
      [3, 'lat', 'no coordinates'],
      [4, 'lat,long', 'default City Hall location (not a real place)'],
      [5, 'lat,long', 'latitude and longitude look swapped'],
      [7, 'requested_datetime', 'requested date is not a date'],
      [8, 'lat,long', 'coordinates are (0, 0): no location'],
    ]);
  });

  it('accepts a list wrapped in { service_requests } and says what is wrong with other JSON', () => {
    const list = JSON.parse(fixture('311-open311.json')) as unknown[];
    expect(import311Json({ service_requests: list }, { fileName: 'x' }).records).toHaveLength(1);
    expect(import311Text(' \n{"error": "nope"}', 'x.json').error).toBe('not an Open311 GeoReport v2 list of service requests');
    expect(import311Text('[{"a":', 'x.json').error).toMatch(/^not valid JSON: /);
    expect(import311Text('[]', 'x.json')).toMatchObject({ records: [], counts: { rows: 0 } });
  });
});

describe('chunk boundaries do not change the result', () => {
  const files = ['311-current.csv', '311-old-upper.csv', '311-no-needles.csv', '311-missing-columns.csv', '311-open311.json'];

  it.each(files)('%s: text pushed in chunks of 1..97 characters and a few larger sizes', (name) => {
    const text = fixture(name);
    const whole = import311Text(text, name);
    for (const size of [...Array.from({ length: 97 }, (_, i) => i + 1), 128, 500, 1000, 4096]) {
      expect(import311Text(text, name, { chunkChars: size }), `chunk ${size}`).toEqual(whole);
    }
  });

  it.each(files)('%s: the byte stream cut into pieces of 1..64 bytes and a few larger sizes', async (name) => {
    const bytes = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
    const whole = import311Text(fixture(name), name);
    for (const size of [...Array.from({ length: 64 }, (_, i) => i + 1), 1000, 1 << 16]) {
      expect(await import311Stream(byteStream(bytes, size), { fileName: name }), `piece ${size}`).toEqual(whole);
    }
  });

  it('decodes UTF-8 characters cut between two pieces', async () => {
    const text = 'case_enquiry_id,open_dt,type,latitude,longitude,location_street_name\r\n1,2024-05-01 10:00:00,Needle Pickup,42.33,-71.07,Rue de l’Église – Café\r\n';
    const bytes = new TextEncoder().encode(text);
    for (let size = 1; size <= 8; size++) {
      const r = await import311Stream(byteStream(bytes, size), { fileName: 'u.csv' });
      expect(r.records[0]!.street, `piece ${size}`).toBe('Rue de l’Église – Café');
    }
  });

  it('the streaming importer gives the same result however its pushes are cut', () => {
    const text = fixture('311-current.csv');
    const a = create311Importer({ fileName: 'f' });
    for (const ch of text) a.pushText(ch);
    expect(a.finish()).toEqual(import311Text(text, 'f'));
  });
});

describe('import311Stream', () => {
  it('reports progress as a growing fraction of the size, ending at 1', async () => {
    const bytes = readFileSync(new URL('../../fixtures/311-current.csv', import.meta.url));
    const seen: number[] = [];
    const r = await import311Stream(byteStream(bytes, 1000), { fileName: 'f', size: bytes.length, onProgress: (f) => seen.push(f) });
    expect(r.records).toHaveLength(6);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    expect(seen.filter((f) => f === 1)).toHaveLength(1);
  });

  it('imports a File the way the worker does', async () => {
    const file = new File([fixture('311-old-upper.csv')], 'old.csv');
    const r = await import311Stream(file.stream(), { fileName: file.name, size: file.size });
    expect(r.records.map((x) => x.caseId)).toEqual(['101001400101', '101001400102']);
  });
});
