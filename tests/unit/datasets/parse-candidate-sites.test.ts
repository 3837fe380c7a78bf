// Tests for the candidate-site list parser: header spellings, rejected rows with their line and why, Boston's bounds,
// swapped coordinates, GeoJSON points.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCandidateSites } from '../../../src/datasets/parse-candidate-sites';

const FIXTURE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'coverage-candidates.csv'), 'utf8');

describe('parseCandidateSites (CSV)', () => {
  it('reads name, latitude and longitude in [lng, lat] order, whatever the header spelling', () => {
    for (const header of ['name,lat,lng', 'Name,Latitude,Longitude', 'site_name,Y,X', 'Candidate, lat , lon']) {
      const out = parseCandidateSites(`${header}\nA,42.33,-71.08\n`, 'c.csv');
      expect(out.rejected).toEqual([]);
      expect(out.rows).toEqual([{ name: 'A', lngLat: [-71.08, 42.33], address: null }]);
    }
  });

  it('keeps the columns apart when longitude comes first', () => {
    const out = parseCandidateSites('lng,lat,name\n-71.06,42.35,Downtown\n', 'c.csv');
    expect(out.rows[0]!.lngLat).toEqual([-71.06, 42.35]);
  });

  it('rejects the bad row of the fixture with its line and reason, and keeps the rest', () => {
    const out = parseCandidateSites(FIXTURE, 'coverage-candidates.csv');
    expect(out.rows.map((r) => r.name)).toEqual(['Nubian Square library', 'Maverick Station', 'Andrew Square', 'Fields Corner', 'Roxbury Crossing']);
    expect(out.rows[0]).toEqual({ name: 'Nubian Square library', lngLat: [-71.0838, 42.3294], address: '2044 Washington St' });
    expect(out.rejected).toEqual([{ line: 4, field: 'latitude', reason: 'latitude is not a number', raw: 'Broken row,forty-two,-71.0600,Nowhere St' }]);
  });

  it('rejects points outside Boston, and says when latitude and longitude look swapped', () => {
    const out = parseCandidateSites('name,lat,lng\nCambridge far,42.45,-71.30\nSwapped,-71.06,42.35\nOK,42.35,-71.06\n', 'c.csv');
    expect(out.rows.map((r) => r.name)).toEqual(['OK']);
    expect(out.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'outside the Boston bounding box'],
      [3, 'latitude and longitude look swapped'],
    ]);
  });

  it('rejects an empty name, an empty cell, a short row and a repeated place', () => {
    const out = parseCandidateSites('name,lat,lng\n,42.35,-71.06\nB,,-71.06\nC,42.35\nD,42.35,-71.06\nE,42.35,-71.06\n', 'c.csv');
    expect(out.rows.map((r) => r.name)).toEqual(['D']);
    expect(out.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [2, 'name', 'name is empty'],
      [3, 'latitude', 'latitude is empty'],
      [4, '', 'row has 2 fields, header has 3'],
      [6, 'coordinates', 'same place as line 5'],
    ]);
  });

  it('names the missing columns on line 1, and never throws on an empty file', () => {
    expect(parseCandidateSites('title,address\nA,1 Main St\n', 'c.csv').rejected[0]).toMatchObject({ line: 1, reason: expect.stringContaining('missing columns: latitude, longitude') });
    expect(parseCandidateSites('', 'c.csv')).toEqual({ rows: [], rejected: [{ line: 1, field: '', reason: 'empty file', raw: '' }] });
  });
});

describe('parseCandidateSites (GeoJSON)', () => {
  const point = (coordinates: number[], properties: Record<string, unknown> | null) => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
  it('reads named points and rejects others by feature number', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        point([-71.06, 42.35], { Name: 'Downtown', address: '1 School St' }),
        point([-71.07, 42.34], {}),
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[-71, 42]] }, properties: { name: 'Line' } },
        point([-70.5, 42.35], { name: 'At sea' }),
      ],
    };
    const out = parseCandidateSites(JSON.stringify(fc), 'candidates.geojson');
    expect(out.rows).toEqual([{ name: 'Downtown', lngLat: [-71.06, 42.35], address: '1 School St' }]);
    expect(out.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'no name property'],
      [3, 'geometry must be a Point'],
      [4, 'outside the Boston bounding box'],
    ]);
  });

  it('says when the file is not JSON or not a FeatureCollection', () => {
    expect(parseCandidateSites('{ nope', 'x.geojson').rejected[0]!.reason).toMatch(/^not valid JSON/);
    expect(parseCandidateSites('{"type":"Feature"}', 'x.json').rejected[0]!.reason).toBe('not a GeoJSON FeatureCollection');
  });
});
