import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSitesCsv } from '../../../src/datasets/parse-sites-csv';
import { sitesFromGeoJson, sitesToGeoJson } from '../../../src/datasets/site-geojson';
import { sitePropertiesSchema } from '../../../src/domain/site';
import { AWKWARD_SITES, sampleSite } from './site-sample';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/sites/sites.geojson', import.meta.url), 'utf8')) as unknown;
const committed = parseSitesCsv(readFileSync(new URL('../../../data/sites.csv', import.meta.url), 'utf8')).rows;

describe('sitesToGeoJson', () => {
  it('writes a FeatureCollection of Point features at [lng, lat] with the properties of sites.geojson', () => {
    const fc = sitesToGeoJson([sampleSite()]);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [-71.07, 42.33] });
    expect(sitePropertiesSchema.safeParse(fc.features[0]!.properties).success).toBe(true);
    expect(fc.features[0]!.properties.layer).toBe('service');
  });
});

describe('sitesFromGeoJson', () => {
  const result = sitesFromGeoJson(fixture);

  it('keeps the good features, reading camelCase or sites.csv property names and ignoring extras', () => {
    expect(result.rows.map((s) => s.id)).toEqual(['good-kiosk', 'snake-case-drop-off']);
    expect(result.rows[1]).toEqual({
      id: 'snake-case-drop-off',
      name: 'Snake Case Drop-off',
      kind: 'drop-off',
      address: null,
      city: 'Boston',
      coordinates: [-71.0601, 42.3601],
      coordPrecision: 'pinned',
      openingHours: null,
      hoursNote: null,
      phone: null,
      services: ['sharps disposal', 'syringes'],
      languages: [],
      eligibility: null,
      wheelchair: null,
      source: 'fixture',
      lastVerified: '2026-02-02',
    });
  });

  it('rejects each bad feature with its index + 1 and why: hours, date, outside the area, swapped, kind, duplicate id, not a Point', () => {
    expect(result.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'opening_hours'],
      [3, 'last_verified'],
      [4, 'lng'],
      [5, 'lng'],
      [5, 'lat'],
      [6, 'kind'],
      [7, 'id'],
      [8, 'geometry'],
    ]);
    expect(result.rejected.find((r) => r.line === 5 && r.field === 'lat')!.reason).toContain('lat and lng look swapped');
    expect(result.rejected.find((r) => r.line === 7)!.reason).toBe('duplicate id "good-kiosk" (first used by feature 1)');
    expect(JSON.parse(result.rejected.find((r) => r.line === 6)!.raw)).toEqual((fixture as { features: unknown[] }).features[5]);
  });

  it('rejects a property of the wrong type', () => {
    const fc = sitesToGeoJson([sampleSite()]);
    const bad = { ...fc, features: [{ ...fc.features[0]!, properties: { ...fc.features[0]!.properties, name: { en: 'x' }, services: [1] } }] };
    expect(sitesFromGeoJson(bad).rejected.map((r) => r.field)).toEqual(['name', 'services', 'name']);
  });

  it('rejects anything but a FeatureCollection as a whole', () => {
    for (const json of [null, 'text', [], { type: 'Feature' }, { type: 'FeatureCollection' }]) {
      expect(sitesFromGeoJson(json)).toEqual({ rows: [], rejected: [expect.objectContaining({ line: 0, field: '' })] });
    }
  });

  it('round-trips: import(export(sites)) equals sites, for the committed list and awkward cells', () => {
    expect(sitesFromGeoJson(sitesToGeoJson(committed))).toEqual({ rows: committed, rejected: [] });
    expect(sitesFromGeoJson(sitesToGeoJson(AWKWARD_SITES))).toEqual({ rows: AWKWARD_SITES, rejected: [] });
  });

  it('round-trips through JSON text', () => {
    expect(sitesFromGeoJson(JSON.parse(JSON.stringify(sitesToGeoJson(AWKWARD_SITES))))).toEqual({ rows: AWKWARD_SITES, rejected: [] });
  });
});
