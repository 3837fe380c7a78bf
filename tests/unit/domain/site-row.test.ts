import { describe, expect, it } from 'vitest';
import { checkSiteRow, siteToRowCells } from '../../../src/domain/site-row';
import { AWKWARD_SITES, sampleSite } from '../datasets/site-sample';

describe('checkSiteRow', () => {
  it('gives back every site from its own cells', () => {
    for (const site of AWKWARD_SITES) expect(checkSiteRow(siteToRowCells(site))).toEqual({ ok: true, site });
  });

  it('says lat and lng look swapped only when swapping them would put the point in the service area', () => {
    const swapped = checkSiteRow({ ...siteToRowCells(sampleSite()), lng: '42.33', lat: '-71.07' });
    expect(swapped.ok === false && swapped.issues.map((i) => [i.field, i.reason.endsWith('(lat and lng look swapped)')])).toEqual([
      ['lng', true],
      ['lat', true],
    ]);
    const far = checkSiteRow({ ...siteToRowCells(sampleSite()), lng: '-71.8023', lat: '42.2626' });
    expect(far.ok === false && far.issues.map((i) => [i.field, i.reason.includes('swapped')])).toEqual([['lng', false]]);
  });

  it('lists every problem of a row', () => {
    const result = checkSiteRow({ ...siteToRowCells(sampleSite()), kind: 'food-bank', last_verified: '2026-02-30', opening_hours: 'Mo-Fr 08:00-' });
    expect(result.ok === false && result.issues.map((i) => i.field)).toEqual(['kind', 'opening_hours', 'last_verified']);
  });
});
