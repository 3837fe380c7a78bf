import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractNeedlePickupCsv,
  geojsonResource,
  packageShowUrl,
  resourcesFromPackageShow,
  yearly311CsvResources,
} from '../../../src/datasets/analyze-boston';
import { parse311Csv } from '../../../src/datasets/parse-311-csv';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string) => JSON.parse(fixture(name)) as unknown;

describe('packageShowUrl', () => {
  it('builds the CKAN package_show URL on data.boston.gov', () => {
    expect(packageShowUrl('311-service-requests')).toBe('https://data.boston.gov/api/3/action/package_show?id=311-service-requests');
  });
});

describe('yearly311CsvResources', () => {
  it('lists one CSV per year, oldest first, the first listed winning for a year', () => {
    expect(yearly311CsvResources(json('ckan-package-show.json')).map((r) => [r.year, r.id])).toEqual([
      [2015, 'r2015'],
      [2016, 'r2016'],
      [2024, 'r2024'],
    ]);
  });

  it('recognises a CSV by its URL when the format field is empty, and skips non-CSV resources', () => {
    const r = yearly311CsvResources(json('ckan-package-show.json')).find((x) => x.year === 2024);
    expect(r?.url).toMatch(/tmpm461rr5o\.csv$/);
  });

  it('leaves out resources with no year in their name', () => {
    expect(yearly311CsvResources(json('ckan-package-show.json')).some((r) => /NEW SYSTEM/.test(r.name))).toBe(false);
  });
});

describe('resourcesFromPackageShow', () => {
  it('throws with CKAN\'s error when the call failed', () => {
    expect(() => resourcesFromPackageShow(json('ckan-not-found.json'))).toThrow(/CKAN package_show failed: .*Not found/);
  });

  it('throws when CKAN reports failure even if a result is present', () => {
    expect(() => resourcesFromPackageShow({ success: false, result: { resources: [] }, error: { message: 'Authorization Error' } })).toThrow(
      /Authorization Error/,
    );
  });

  it('throws when the response is not a package_show response', () => {
    expect(() => resourcesFromPackageShow({ hello: 'world' })).toThrow(/not a CKAN package_show response/);
  });
});

describe('geojsonResource', () => {
  it('finds the GeoJSON resource of the neighbourhoods package', () => {
    expect(geojsonResource(json('ckan-neighborhoods-package-show.json'))?.url).toMatch(/Boston_Neighborhoods\.geojson$/);
  });

  it('returns null when the package has no GeoJSON', () => {
    expect(geojsonResource({ success: true, result: { resources: [] } })).toBeNull();
  });
});

describe('extractNeedlePickupCsv', () => {
  it('keeps the header and only the Needle Pickup rows, unchanged', () => {
    const out = extractNeedlePickupCsv(fixture('311-new-schema.csv'));
    expect([out.rowsRead, out.rowsKept]).toEqual([7, 6]);
    expect(out.csv).not.toMatch(/Pothole/);
    expect(out.csv).toContain('"Case Resolved.\nRecovered 3 syringes,\nsite swept."');
  });

  it('produces a file the 311 parser reads with the same kept rows as the full export', () => {
    const full = parse311Csv(fixture('311-old-schema.csv'), { dataset: 'd' });
    const extract = parse311Csv(extractNeedlePickupCsv(fixture('311-old-schema.csv')).csv, { dataset: 'd' });
    expect(extract.rows).toEqual(full.rows);
  });

  it('throws when the export lacks the 311 columns', () => {
    expect(() => extractNeedlePickupCsv('a,b\n1,2\n')).toThrow(/not a 311 export: missing column\(s\) case_enquiry_id/);
  });

  it('returns an empty extract for an empty file', () => {
    expect(extractNeedlePickupCsv('')).toEqual({ csv: '', rowsRead: 0, rowsKept: 0 });
  });
});
