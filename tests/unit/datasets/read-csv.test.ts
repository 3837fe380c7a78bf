import { describe, expect, it } from 'vitest';
import { readCsv, stripBom } from '../../../src/datasets/read-csv';

describe('readCsv', () => {
  it('reads the header and records, numbering lines from the header as line 1', () => {
    const csv = readCsv('a,b\n1,2\n3,4\n');
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.records.map((r) => [r.line, r.values])).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
  });

  it('strips a byte-order mark from the first header cell', () => {
    expect(readCsv('\uFEFFid,name\nx,y').header).toEqual(['id', 'name']);
    expect(stripBom('\uFEFFabc')).toBe('abc');
  });

  it('counts a quoted newline as a line, so later records keep their true line numbers', () => {
    const csv = readCsv('a,b\r\n1,"two\r\nlines"\r\n3,4\r\n');
    expect(csv.records.map((r) => r.line)).toEqual([2, 4]);
    expect(csv.records[0]!.values[1]).toBe('two\r\nlines');
  });

  it('keeps quoted commas and escaped quotes inside one cell', () => {
    const csv = readCsv('a,b\n"x, y","say ""hi"""\n');
    expect(csv.records[0]!.values).toEqual(['x, y', 'say "hi"']);
  });

  it('skips blank lines without shifting the line numbers of the rows after them', () => {
    const csv = readCsv('a\n1\n\n\n2');
    expect(csv.records.map((r) => [r.line, r.values[0]])).toEqual([
      [2, '1'],
      [5, '2'],
    ]);
  });

  it('keeps the raw text of each record without its line break', () => {
    const csv = readCsv('a,b\r\n"1,x",2\r\n');
    expect(csv.records[0]!.raw).toBe('"1,x",2');
  });

  it('returns no header and no records for an empty file', () => {
    expect(readCsv('')).toEqual({ header: [], records: [], errors: [] });
  });

  it('reports an unterminated quote as an error instead of throwing', () => {
    const csv = readCsv('a,b\n1,"never closed\n');
    expect(csv.errors.length).toBeGreaterThan(0);
    expect(csv.errors[0]!.line).toBe(2);
  });
});

describe('readCsv with mixed line endings', () => {
  it('does not leave a carriage return on the last cell of a CRLF row in an LF file', () => {
    const csv = readCsv('a,b\n1,2\r\n3,4\n');
    expect(csv.records.map((r) => r.values)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('readCsv with rows papaparse cannot read', () => {
  it('reports a malformed quote on its own line and still reads the lines after it', () => {
    const csv = readCsv('a,b,c\n1,"2"x,3\n4,5,6\r\n7,8,9\n');
    expect(csv.errors).toEqual([{ line: 2, message: 'Trailing quote on quoted field is malformed', raw: '1,"2"x,3' }]);
    expect(csv.records.map((r) => [r.line, r.values])).toEqual([
      [3, ['4', '5', '6']],
      [4, ['7', '8', '9']],
    ]);
  });

  it('reports an unclosed quote on the line where it starts and reads the next lines as records', () => {
    const csv = readCsv('a,b\n1,"open\n2,3\n4,5');
    expect(csv.errors.map((e) => [e.line, e.raw])).toEqual([[2, '1,"open']]);
    expect(csv.records.map((r) => [r.line, r.values])).toEqual([
      [3, ['2', '3']],
      [4, ['4', '5']],
    ]);
  });

  it('gives every non-blank line a verdict: part of a record, or an error', () => {
    const text = 'h1,h2\n"x\ny",1\n2,"bad"q\n"z",3\n\n5,"un\n6,7\n';
    const csv = readCsv(text);
    expect(csv.records.map((r) => r.line)).toEqual([2, 5, 8]);
    expect(csv.errors.map((e) => e.line)).toEqual([4, 7]);
  });

  it('leaves the header empty when the first row is unreadable, rather than taking a later row as the header', () => {
    const csv = readCsv('"a"x,b\n1,2\n');
    expect(csv.header).toEqual([]);
    expect(csv.errors.map((e) => e.line)).toEqual([1]);
  });
});
