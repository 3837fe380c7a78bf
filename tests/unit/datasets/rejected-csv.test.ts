import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/datasets/read-csv';
import { rejectedToCsv } from '../../../src/datasets/rejected-csv';
import { applyColumnMapping, guessColumnMapping } from '../../../src/datasets/site-csv-mapping';

describe('rejectedToCsv', () => {
  it('writes one row per rejected line with every field and reason, and the raw row intact', () => {
    const text = rejectedToCsv([
      { line: 8, field: 'lng', reason: 'lng bad', raw: 'x,"a, b",-71' },
      { line: 3, field: 'kind', reason: 'kind bad', raw: 'k' },
      { line: 8, field: 'lat', reason: 'lat bad', raw: 'x,"a, b",-71' },
    ]);
    const csv = readCsv(text);
    expect(csv.header).toEqual(['line', 'field', 'reason', 'raw']);
    expect(csv.records.map((r) => r.values)).toEqual([
      ['3', 'kind', 'kind bad', 'k'],
      ['8', 'lng,lat', 'lng bad; lat bad', 'x,"a, b",-71'],
    ]);
  });

  it('keeps every rejected row of a mapped import, multi-line raw rows included', () => {
    const elsewhere = readFileSync(new URL('../../fixtures/sites/elsewhere.csv', import.meta.url), 'utf8');
    const headers = readCsv(elsewhere).header;
    const { rejected } = applyColumnMapping(elsewhere, guessColumnMapping(headers), { coord_precision: 'pinned' });
    const back = readCsv(rejectedToCsv(rejected)).records;
    expect(back.map((r) => r.values[0])).toEqual(['5', '6', '7', '8', '9']);
    expect(back.map((r) => r.values[3])).toEqual([...new Set(rejected.map((r) => r.raw))]);
  });

  it('writes a header only when nothing was rejected', () => {
    expect(rejectedToCsv([])).toBe('line,field,reason,raw\n');
  });
});
