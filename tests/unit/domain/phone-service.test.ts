import { describe, expect, it } from 'vitest';
import { phoneParts } from '../../../src/domain/phone-service';
import { parsePhoneServicesCsv } from '../../../src/datasets/parse-phone-services-csv';

describe('phoneParts', () => {
  it('splits "or"-separated numbers into label and digits to dial', () => {
    expect(phoneParts('3-1-1 or 617-635-4500')).toEqual([
      { label: '3-1-1', dial: '311' },
      { label: '617-635-4500', dial: '6176354500' },
    ]);
  });

  it('drops parts that are not numbers', () => {
    expect(phoneParts('ask at desk')).toEqual([]);
  });
});

describe('parsePhoneServicesCsv', () => {
  it('keeps valid rows, empty hours meaning not published', () => {
    const r = parsePhoneServicesCsv('name,phone,hours,note,source\r\n"PAATHS, line",1-855-494-4057,,note,https://example.org\r\n');
    expect(r.rejected).toEqual([]);
    expect(r.rows).toEqual([{ name: 'PAATHS, line', phone: '1-855-494-4057', hours: null, note: 'note', source: 'https://example.org' }]);
  });

  it('rejects a row with no source or no number, naming line and field', () => {
    const r = parsePhoneServicesCsv('name,phone,hours,note,source\nA,555-1234,24/7,,\nB,none,24/7,,src\n');
    expect(r.rows).toEqual([]);
    expect(r.rejected.map((x) => [x.line, x.field])).toEqual([
      [2, 'source'],
      [3, 'phone'],
    ]);
  });

  it('rejects an empty file and a file missing a column with one clear message', () => {
    expect(parsePhoneServicesCsv('').rejected[0]?.reason).toMatch(/empty file/);
    expect(parsePhoneServicesCsv('name,phone\nA,311\n').rejected[0]?.reason).toMatch(/missing required columns: hours, note, source/);
  });
});
