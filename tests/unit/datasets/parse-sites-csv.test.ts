import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSitesCsv, siteToFeature } from '../../../src/datasets/parse-sites-csv';
import { sitePropertiesSchema } from '../../../src/domain/site';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('parseSitesCsv', () => {
  it('reads every row of a good file (quoted commas, quotes, newlines, mixed CRLF/LF)', () => {
    const { rows, rejected } = parseSitesCsv(fixture('sites-good.csv'));
    expect(rejected).toEqual([]);
    expect(rows.map((s) => s.id)).toEqual(['test-kiosk-a', 'test-drop-in', 'test-pharmacy']);
    expect(rows[0]!.address).toBe('1 Example St, rear lot');
    expect(rows[1]!.name).toBe('Test drop-in, "the Center"');
    expect(rows[1]!.hoursNote).toBe('Walk in;\nno appointment');
  });

  it('splits ;-separated lists and turns empty or "unknown" cells into null', () => {
    const { rows } = parseSitesCsv(fixture('sites-good.csv'));
    expect(rows[1]!.services).toEqual(['showers', 'naloxone']);
    expect(rows[1]!.languages).toEqual(['en', 'es']);
    expect(rows[2]!.address).toBeNull();
    expect(rows[2]!.openingHours).toBeNull();
  });

  it('rejects each bad row with its line and every problem it has', () => {
    const { rows, rejected } = parseSitesCsv(fixture('sites-bad.csv'));
    expect(rows.map((s) => s.id)).toEqual(['ok-site']);
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [3, 'id'],
      [4, 'lat'],
      [5, 'kind'],
      [6, 'id'],
      [7, 'last_verified'],
      [8, ''],
      [9, 'name'],
      [9, 'source'],
    ]);
  });

  it('rejects a repeated id, naming the line of the first', () => {
    const { rejected } = parseSitesCsv(fixture('sites-bad.csv'));
    expect(rejected.find((r) => r.line === 6)!.reason).toBe('duplicate id "ok-site" (first used on line 2)');
  });

  it('gives one rejection naming the missing columns', () => {
    const { rows, rejected } = parseSitesCsv(fixture('sites-missing-column.csv'));
    expect(rows).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBe(
      'missing required columns: coord_precision, opening_hours, hours_note, phone, services, languages, eligibility, source, last_verified',
    );
  });

  it('gives one rejection for an empty file', () => {
    expect(parseSitesCsv('').rejected).toEqual([{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }]);
  });
});

describe('siteToFeature', () => {
  const { rows } = parseSitesCsv(fixture('sites-good.csv'));

  it('makes a Point feature whose properties pass sitePropertiesSchema', () => {
    const f = siteToFeature(rows[1]!);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [-71.069, 42.331] });
    expect(sitePropertiesSchema.parse(f.properties)).toEqual(f.properties);
  });

  it('puts disposal kinds in the disposal layer and every other kind in the service layer', () => {
    expect(rows.map((s) => siteToFeature(s).properties.layer)).toEqual(['disposal', 'service', 'disposal']);
  });
});
