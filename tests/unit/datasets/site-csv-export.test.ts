import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_CSV_COLUMNS, parseSitesCsv } from '../../../src/datasets/parse-sites-csv';
import { sitesToCsv } from '../../../src/datasets/site-csv-export';
import { AWKWARD_SITES, sampleSite } from './site-sample';

const committedCsv = readFileSync(new URL('../../../data/sites.csv', import.meta.url), 'utf8');

describe('sitesToCsv', () => {
  it('writes the committed data/sites.csv back byte for byte, so an export can replace it', () => {
    const { rows, rejected } = parseSitesCsv(committedCsv);
    expect(rejected).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
    expect(sitesToCsv(rows)).toBe(committedCsv);
  });

  it('round-trips the committed sites: parse(export(sites)) equals sites', () => {
    const sites = parseSitesCsv(committedCsv).rows;
    expect(parseSitesCsv(sitesToCsv(sites))).toEqual({ rows: sites, rejected: [] });
  });

  it('round-trips quotes, commas, line breaks in notes, unicode, long decimals and empty lists', () => {
    expect(parseSitesCsv(sitesToCsv(AWKWARD_SITES))).toEqual({ rows: AWKWARD_SITES, rejected: [] });
  });

  it('writes exactly the columns of data/sites.csv, in order, with LF line breaks and a final newline', () => {
    const text = sitesToCsv([sampleSite()]);
    expect(text.split('\n')[0]).toBe(SITE_CSV_COLUMNS.join(','));
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toHaveLength(3);
  });

  it("joins lists with ';' and writes unknown facts as empty cells", () => {
    const text = sitesToCsv([sampleSite({ services: ['a', 'b, c'], languages: ['en', 'es'], phone: null, openingHours: null })]);
    expect(text.split('\n')[1]).toBe(
      'sample-site,Sample site,drop-in-center,1 Example St,Boston,-71.07,42.33,address-point,,,,"a;b, c",en;es,,,https://example.org/sample,2026-01-15',
    );
  });

  it('writes a header only for an empty list', () => {
    expect(sitesToCsv([])).toBe(`${SITE_CSV_COLUMNS.join(',')}\n`);
  });
});
