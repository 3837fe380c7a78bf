import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNeedlePoints } from '../../../src/datasets/parse-needle-points';

const text = readFileSync(new URL('../../fixtures/needle-points.geojson', import.meta.url), 'utf8');

describe('parseNeedlePoints', () => {
  const result = parseNeedlePoints(text, { dataset: 'points' });

  it('keeps valid points as requests with no case id, no close date and status unknown', () => {
    expect(result.rows[0]).toEqual({
      caseId: null,
      openedDate: '2024-01-02',
      openedTime: null,
      closedDate: null,
      status: 'unknown',
      closureReason: null,
      neighborhood: 'South End',
      street: 'Melnea Cass Blvd',
      zip: null,
      source: null,
      ward: null,
      coordinates: [-71.074024, 42.337074],
      dataset: 'points',
    });
  });

  it('pads a 4-digit ZIP and accepts a missing zip property', () => {
    expect(result.rows.map((r) => r.zip)).toEqual([null, '02111', null]);
  });

  it('rejects each bad feature with its index + 1 as the line', () => {
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'date must be a calendar date YYYY-MM-DD'],
      [4, 'outside the Boston bounding box'],
      [5, 'no geometry'],
      [6, 'default City Hall location (not a real place)'],
    ]);
  });

  it('accepts already-parsed JSON', () => {
    expect(parseNeedlePoints(JSON.parse(text), { dataset: 'points' }).rows).toHaveLength(3);
  });

  it('gives one rejection for invalid JSON, an empty file or a non-FeatureCollection', () => {
    expect(parseNeedlePoints('{oops', { dataset: 'x' }).rejected[0]!.reason).toMatch(/^not valid JSON/);
    expect(parseNeedlePoints('', { dataset: 'x' }).rejected).toEqual([{ line: 1, field: '', reason: 'empty file', raw: '' }]);
    expect(parseNeedlePoints({ type: 'Feature' }, { dataset: 'x' }).rejected[0]!.reason).toBe('not a GeoJSON FeatureCollection');
  });
});
