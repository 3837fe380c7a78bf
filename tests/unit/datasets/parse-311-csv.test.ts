import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse311Csv } from '../../../src/datasets/parse-311-csv';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('parse311Csv, old upper-case export (BOM, CRLF, unnamed first column)', () => {
  const result = parse311Csv(fixture('311-old-schema.csv'), { dataset: 'needle-requests-2015' });
  const reasonAt = (line: number) => result.rejected.filter((r) => r.line === line).map((r) => r.reason);

  it('keeps only the valid Needle Pickup rows', () => {
    expect(result.rows.map((r) => r.caseId)).toEqual(['101001400001', '101001400002', '101001400013']);
  });

  it('converts a kept row into a Needle request with the Boston local dates, status and a 5-digit ZIP', () => {
    expect(result.rows[0]).toEqual({
      caseId: '101001400001',
      openedDate: '2015-05-15',
      openedTime: '14:40',
      closedDate: '2015-05-16',
      status: 'closed',
      closureReason: 'Case Closed. Case Resolved Recovered 2 syringes, disposed of properly, area clean.',
      neighborhood: 'South End',
      street: '600 Massachusetts Ave',
      zip: '02118',
      source: 'Constituent Call',
      ward: null,
      coordinates: [-71.0762, 42.3357],
      dataset: 'needle-requests-2015',
    });
  });

  it('reads an open case with no close date as open', () => {
    expect(result.rows[1]).toMatchObject({ status: 'open', closedDate: null, closureReason: null });
  });

  it('keeps quoted commas and quotes inside a cell', () => {
    expect(result.rows[2]!.street).toBe('Geneva Ave, near "Four Corners"');
  });

  it('rejects every other row exactly once, with its line number counted from the header as line 1', () => {
    expect(result.rejected.map((r) => r.line)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('rejects test cases', () => expect(reasonAt(5)).toEqual(['test case']));
  it('rejects the City Hall default location as not a real place', () =>
    expect(reasonAt(6)).toEqual(['default City Hall location (not a real place)']));
  it('rejects the city-wide geocoder default location', () => expect(reasonAt(7)[0]).toMatch(/default geocoder location/));
  it('rejects a row with no coordinates', () => expect(reasonAt(8)).toEqual(['no coordinates']));
  it('rejects a point outside Boston', () => expect(reasonAt(9)).toEqual(['outside the Boston bounding box']));
  it('rejects other 311 case types, naming the type', () =>
    expect(reasonAt(10)).toEqual(['not a Needle Pickup case (type "Request for Pothole Repair")']));
  it('rejects an impossible open date, naming the field', () => {
    expect(result.rejected.find((r) => r.line === 11)).toMatchObject({ field: 'open_dt', reason: 'open date is not a date' });
  });
  it('rejects a row with the wrong number of fields', () => expect(reasonAt(12)[0]).toMatch(/^row has 4 fields, header has 16$/));
  it('rejects a repeated case id and keeps the first', () => expect(reasonAt(13)).toEqual(['duplicate case id (the first row is kept)']));
  it('rejects cases 311 closed as "Case Invalid"', () => expect(reasonAt(14)).toEqual(['closed by 311 as "Case Invalid"']));

  it('keeps the raw row text so it can be fixed', () => {
    expect(result.rejected.find((r) => r.line === 8)!.raw).toMatch(/^6,101001400006,/);
  });
});

describe('parse311Csv, current lower-case Analyze Boston export (LF, ISO dates)', () => {
  const result = parse311Csv(fixture('311-new-schema.csv'), { dataset: '311-2024' });

  it('keeps the valid Needle Pickup rows, matching the type case-insensitively', () => {
    expect(result.rows.map((r) => r.caseId)).toEqual(['101005000001', '101005000002', '101005000003', '101005000006']);
  });

  it('keeps a closure reason that spans several lines', () => {
    expect(result.rows[1]!.closureReason).toBe('Case Resolved.\nRecovered 3 syringes,\nsite swept.');
  });

  it('dates a UTC timestamp by its Boston local date and time', () => {
    expect(result.rows[2]!.openedDate).toBe('2024-03-01');
    expect(result.rows[2]!.openedTime).toBe('22:30');
  });

  it('keeps the open time (HH:MM) and the request source', () => {
    expect(result.rows.map((r) => r.openedTime)).toEqual(['08:15', '09:00', '22:30', '23:59']);
    expect(result.rows[0]!.source).toBe('Citizens Connect App');
  });

  it('counts lines after a multi-line cell correctly', () => {
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [7, 'test case'],
      [8, 'invalid longitude'],
      [10, 'not a Needle Pickup case (type "Request for Pothole Repair")'],
    ]);
  });
});

describe('parse311Csv, unusable files', () => {
  it('gives one clear rejection and no rows for an empty file', () => {
    expect(parse311Csv('', { dataset: 'x' })).toEqual({
      rows: [],
      rejected: [{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }],
    });
  });

  it('gives one rejection naming the missing required columns', () => {
    const r = parse311Csv(fixture('311-missing-columns.csv'), { dataset: 'x' });
    expect(r.rows).toEqual([]);
    expect(r.rejected).toEqual([
      { line: 1, field: 'latitude,longitude', reason: 'missing required columns: latitude, longitude', raw: 'case_enquiry_id,open_dt,type' },
    ]);
  });

  it('reads header names case-insensitively', () => {
    const text = 'Case_Enquiry_ID,Open_DT,Type,Latitude,Longitude\n1,2024-05-01 10:00:00,Needle Pickup,42.33,-71.07\n';
    expect(parse311Csv(text, { dataset: 'x' }).rows).toHaveLength(1);
  });

  it('uses a custom bounding box when given one', () => {
    const text = 'case_enquiry_id,open_dt,type,latitude,longitude\n1,2024-05-01,Needle Pickup,42.33,-71.07\n';
    const r = parse311Csv(text, { dataset: 'x', bbox: [0, 0, 1, 1] });
    expect(r.rejected[0]!.reason).toBe('outside the Boston bounding box');
  });
});

describe('parse311Csv, rows the CSV reader cannot read cleanly are rejected, never dropped', () => {
  const header = 'case_enquiry_id,open_dt,type,latitude,longitude';
  const good = (id: number) => `${id},2024-05-01,Needle Pickup,42.33,-71.07`;
  /** Every data record is either kept or rejected on its own line. */
  const accounted = (r: ReturnType<typeof parse311Csv>) => r.rows.length + new Set(r.rejected.map((x) => x.line)).size;

  it('rejects a row with more cells than the header, naming both counts, and keeps the rows around it', () => {
    const r = parse311Csv([header, good(1), `${good(2)},extra`, good(3)].join('\n'), { dataset: 'x' });
    expect(r.rows.map((x) => x.caseId)).toEqual(['1', '3']);
    expect(r.rejected).toEqual([{ line: 3, field: '', reason: 'row has 6 fields, header has 5', raw: `${good(2)},extra` }]);
  });

  it('rejects a row with an empty trailing cell beyond the header', () => {
    const r = parse311Csv([header, `${good(1)},`].join('\n'), { dataset: 'x' });
    expect(r.rows).toEqual([]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[2, 'row has 6 fields, header has 5']]);
  });

  it('rejects a row with fewer cells than the header', () => {
    const r = parse311Csv([header, '1,2024-05-01,Needle Pickup,42.33', good(3)].join('\n'), { dataset: 'x' });
    expect(r.rows.map((x) => x.caseId)).toEqual(['3']);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[2, 'row has 4 fields, header has 5']]);
  });

  it('rejects a malformed quote with its line number and keeps reading the rows after it', () => {
    const r = parse311Csv([header, good(1), '2,2024-05-01,Needle Pickup,"42.33"x,-71.07', good(3)].join('\n'), { dataset: 'x' });
    expect(r.rows.map((x) => x.caseId)).toEqual(['1', '3']);
    expect(r.rejected).toEqual([
      { line: 3, field: '', reason: 'unreadable CSV: Trailing quote on quoted field is malformed', raw: '2,2024-05-01,Needle Pickup,"42.33"x,-71.07' },
    ]);
  });

  it('rejects an unclosed quote on the line where it starts, without losing the lines after it', () => {
    const r = parse311Csv([header, good(1), '2,"2024-05-01,Needle Pickup,42.33,-71.07', good(3)].join('\n'), { dataset: 'x' });
    expect(r.rows.map((x) => x.caseId)).toEqual(['1', '3']);
    expect(r.rejected).toEqual([
      { line: 3, field: '', reason: 'unreadable CSV: Quoted field unterminated', raw: '2,"2024-05-01,Needle Pickup,42.33,-71.07' },
    ]);
  });

  it('keeps a record whose quoted cell legitimately spans lines, and counts the lines after it', () => {
    const r = parse311Csv([header, '1,2024-05-01,"Needle\nPickup",42.33,-71.07', good(2), '3,"2024-05-01,Needle Pickup,42.33,-71.07', good(4)].join('\n'), {
      dataset: 'x',
    });
    expect(r.rows.map((x) => x.caseId)).toEqual(['2', '4']);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [2, 'not a Needle Pickup case (type "Needle\nPickup")'],
      [5, 'unreadable CSV: Quoted field unterminated'],
    ]);
  });

  it('accounts for every record of a file mixing good rows, wrong field counts and bad quotes', () => {
    const lines = [header, good(1), `${good(2)},x,y`, '3,"2024"z,Needle Pickup,42.33,-71.07', '4,2024-05-01', good(5), `"6",2024-05-01,Needle Pickup,42.33,-71.07`];
    const r = parse311Csv(lines.join('\r\n'), { dataset: 'x' });
    expect(r.rows.map((x) => x.caseId)).toEqual(['1', '5', '6']);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5]);
    expect(accounted(r)).toBe(lines.length - 1);
  });

  it('gives one rejection on line 1 when the header row itself is unreadable', () => {
    const r = parse311Csv(['"case_enquiry_id"x,open_dt,type,latitude,longitude', good(1)].join('\n'), { dataset: 'x' });
    expect(r.rows).toEqual([]);
    expect(r.rejected).toEqual([
      { line: 1, field: '', reason: 'unreadable CSV header: Trailing quote on quoted field is malformed', raw: '"case_enquiry_id"x,open_dt,type,latitude,longitude' },
    ]);
  });
});
