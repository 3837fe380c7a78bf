import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_CSV_COLUMNS, parseSitesCsv } from '../../../src/datasets/parse-sites-csv';
import { sitesToCsv } from '../../../src/datasets/site-csv-export';
import { applyColumnMapping, guessColumnMapping, mappingKey } from '../../../src/datasets/site-csv-mapping';
import type { ColumnMapping } from '../../../src/datasets/site-csv-mapping';
import { AWKWARD_SITES } from './site-sample';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/sites/${name}`, import.meta.url), 'utf8');
const elsewhere = fixture('elsewhere.csv');
const ELSEWHERE_HEADERS = ['Site Name', 'Type', 'Street Address', 'Town', 'Latitude', 'Longitude', 'Hours', 'Telephone', 'Notes', 'Date Verified', 'Source URL'];

/** The identity mapping: every sites.csv column read from the column of the same name. */
const identity = Object.fromEntries(SITE_CSV_COLUMNS.map((c) => [c, c])) as ColumnMapping;

describe('guessColumnMapping', () => {
  it('maps the headers of another list, ignoring case, spaces, underscores and a BOM', () => {
    const mapping = guessColumnMapping(['\uFEFFSite Name', ...ELSEWHERE_HEADERS.slice(1)]);
    expect(mapping).toEqual({
      id: null,
      name: '\uFEFFSite Name',
      kind: 'Type',
      address: 'Street Address',
      city: 'Town',
      lng: 'Longitude',
      lat: 'Latitude',
      coord_precision: null,
      opening_hours: 'Hours',
      hours_note: 'Notes',
      phone: 'Telephone',
      services: null,
      languages: null,
      eligibility: null,
      wheelchair: null,
      source: 'Source URL',
      last_verified: 'Date Verified',
    });
  });

  it('recognises common synonyms: x/y, lon, long, telephone, opening_hours, town', () => {
    expect(guessColumnMapping(['X', 'Y', 'NAME'])).toMatchObject({ lng: 'X', lat: 'Y', name: 'NAME' });
    expect(guessColumnMapping(['lon', 'lat'])).toMatchObject({ lng: 'lon', lat: 'lat' });
    expect(guessColumnMapping(['LONG', 'LAT'])).toMatchObject({ lng: 'LONG', lat: 'LAT' });
    expect(guessColumnMapping(['opening_hours', 'phone_number', 'City'])).toMatchObject({ opening_hours: 'opening_hours', phone: 'phone_number', city: 'City' });
    expect(guessColumnMapping(['street_address', 'town'])).toMatchObject({ address: 'street_address', city: 'town' });
  });

  it("maps sites.csv's own header to itself", () => {
    expect(guessColumnMapping(SITE_CSV_COLUMNS)).toEqual(identity);
  });

  it('uses a header once, and a column name beats a synonym', () => {
    // 'type' is a synonym of kind, 'kind' is kind's own name: kind takes 'kind' and 'type' stays unused.
    const mapping = guessColumnMapping(['kind', 'type', 'hours', 'opening hours']);
    expect(mapping.kind).toBe('kind');
    expect(mapping.opening_hours).toBe('opening hours');
    expect(Object.values(mapping).filter((h) => h === 'hours')).toHaveLength(0);
  });

  it('maps nothing it does not recognise', () => {
    expect(Object.values(guessColumnMapping(['foo', 'bar baz'])).every((h) => h === null)).toBe(true);
  });
});

describe('mappingKey', () => {
  it('is the same for the same headers in any order, case or spacing', () => {
    expect(mappingKey(['Site Name', 'Latitude', 'lng'])).toBe(mappingKey(['LNG', 'latitude', 'site_name']));
    expect(mappingKey(['Site Name', 'Latitude'])).toBe('latitude|sitename');
  });

  it('differs when a header differs', () => {
    expect(mappingKey(['name', 'lat', 'lng'])).not.toBe(mappingKey(['name', 'lat', 'lon']));
  });
});

describe('applyColumnMapping', () => {
  const mapping = guessColumnMapping(ELSEWHERE_HEADERS);
  const result = applyColumnMapping(elsewhere, mapping, { coord_precision: 'pinned' });

  it('keeps the good rows (BOM, CRLF, quoted commas, quotes and a quoted line break)', () => {
    expect(result.rows.map((s) => s.name)).toEqual(['Mass Ave Kiosk', 'Café Drop-in', 'Mass Ave Kiosk']);
    const [kiosk, cafe] = result.rows;
    expect(kiosk).toEqual({
      id: 'mass-ave-kiosk',
      name: 'Mass Ave Kiosk',
      kind: 'disposal-kiosk',
      address: '700 Massachusetts Ave, rear',
      city: 'Boston',
      coordinates: [-71.0745, 42.3355],
      coordPrecision: 'pinned',
      openingHours: '24/7',
      hoursNote: 'Outdoor box, "sharps only"',
      phone: '617-555-0101',
      services: [],
      languages: [],
      eligibility: null,
      wheelchair: null,
      source: 'https://example.org/list',
      lastVerified: '2026-03-01',
    });
    expect(cafe!.hoursNote).toBe('Walk in,\r\nno appointment');
    expect(cafe!.city).toBe('Cambridge');
  });

  it('makes kebab-case ids from names, unique with -2, -3', () => {
    expect(result.rows.map((s) => s.id)).toEqual(['mass-ave-kiosk', 'cafe-drop-in', 'mass-ave-kiosk-2']);
  });

  it('rejects each bad row with its line, the field and why (bad hours, bad date, outside the area, swapped, unknown kind)', () => {
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [5, 'opening_hours'],
      [6, 'last_verified'],
      [7, 'lng'],
      [8, 'lng'],
      [8, 'lat'],
      [9, 'kind'],
    ]);
    const reason = (line: number, field: string) => result.rejected.find((r) => r.line === line && r.field === field)!.reason;
    expect(reason(5, 'opening_hours')).toMatch(/^opening_hours "Mo-Fr 08:00-" is not valid OSM opening_hours syntax.*\(column "Hours"\)$/s);
    expect(reason(6, 'last_verified')).toBe('last_verified must be a real calendar date written YYYY-MM-DD (column "Date Verified")');
    expect(reason(7, 'lng')).toContain('outside the service area');
    expect(reason(8, 'lat')).toContain('(lat and lng look swapped)');
    expect(reason(9, 'kind')).toContain('(column "Type")');
    expect(result.rejected.find((r) => r.line === 9)!.raw).toBe('Unknown kind,food-bank,1 A St,Boston,42.33,-71.07,,,,2026-03-01,https://example.org/list');
  });

  it('gives one clear rejection, not one per row, when a required field is not mapped', () => {
    const { rows, rejected } = applyColumnMapping(elsewhere, mapping);
    expect(rows).toEqual([]);
    expect(rejected).toEqual([
      {
        line: 1,
        field: 'coord_precision',
        reason: 'no column chosen for required field: coord_precision (map a column or give one value for every row)',
        raw: ELSEWHERE_HEADERS.join(','),
      },
    ]);
  });

  it('names every unmapped required field in that one rejection', () => {
    const { rejected } = applyColumnMapping(elsewhere, { ...mapping, source: null, lat: null });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.field).toBe('lat,coord_precision,source');
  });

  it('rejects a mapping that names a header the file does not have', () => {
    const { rows, rejected } = applyColumnMapping(elsewhere, { ...mapping, phone: 'Fax' }, { coord_precision: 'pinned' });
    expect(rows).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual(['the mapping names columns this file does not have: phone <- "Fax"']);
  });

  it('leaves unmapped optional columns empty (null or [])', () => {
    const [kiosk] = result.rows;
    expect([kiosk!.services, kiosk!.languages, kiosk!.eligibility, kiosk!.wheelchair]).toEqual([[], [], null, null]);
  });

  it('keeps a mapped id and rejects a repeated one', () => {
    const text = 'ID,Name,Kind,City,Lat,Lon,Precision,Source,Verified\nsite-a,A,pharmacy,Boston,42.33,-71.07,street,x,2026-01-01\nsite-a,B,pharmacy,Boston,42.33,-71.07,street,x,2026-01-01\n';
    const { rows, rejected } = applyColumnMapping(text, guessColumnMapping(text.split('\n')[0]!.split(',')));
    expect(rows.map((s) => [s.id, s.name])).toEqual([['site-a', 'A']]);
    expect(rejected).toEqual([{ line: 3, field: 'id', reason: 'duplicate id "site-a" (first used on line 2)', raw: 'site-a,B,pharmacy,Boston,42.33,-71.07,street,x,2026-01-01' }]);
  });

  it('rejects a row with the wrong number of fields, and keeps reading', () => {
    const text = 'name,kind,city,lat,lng,coord_precision,source,last_verified\nA,pharmacy,Boston,42.33\nB,pharmacy,Boston,42.33,-71.07,street,x,2026-01-01\n';
    const { rows, rejected } = applyColumnMapping(text, guessColumnMapping(text.split('\n')[0]!.split(',')));
    expect(rows.map((s) => s.id)).toEqual(['b']);
    expect(rejected).toEqual([{ line: 2, field: '', reason: 'row has 4 fields, header has 8', raw: 'A,pharmacy,Boston,42.33' }]);
  });

  it('reads a sites.csv export through the guessed identity mapping unchanged', () => {
    expect(applyColumnMapping(sitesToCsv(AWKWARD_SITES), guessColumnMapping(SITE_CSV_COLUMNS))).toEqual(parseSitesCsv(sitesToCsv(AWKWARD_SITES)));
  });

  it('gives one rejection for an empty file', () => {
    expect(applyColumnMapping('', identity).rejected).toEqual([{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }]);
  });
});
