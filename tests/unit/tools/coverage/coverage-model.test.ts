import { describe, expect, it } from 'vitest';
import { needleTableFromRequests } from '../../../../src/datasets/needle-table';
import type { NeedleRequest } from '../../../../src/domain/needle-request';
import type { SiteFeature } from '../../../../src/domain/site';
import { haversineMetersLngLat } from '../../../../src/geo/haversine';
import { candidateSites, demandOf, gapCells, measureCoverage, parkEquity, supplyOf } from '../../../../src/tools/coverage/coverage-model';
import { WALK_METERS_PER_MINUTE } from '../../../../src/config/city';
import { coverageSlice, COVERAGE_INITIAL, type CoverageState } from '../../../../src/tools/coverage/coverage-state';
import { mulberry32 } from '../../../../src/geo/seeded-random';

const request = (i: number, lngLat: [number, number], openedDate: string): NeedleRequest => ({
  id: `r${i}`,
  caseId: String(1000 + i),
  openedDate,
  openedTime: null,
  closedDate: null,
  status: 'open',
  closureReason: null,
  neighborhood: null,
  street: null,
  zip: null,
  source: null,
  ward: null,
  coordinates: lngLat,
  dataset: 'test',
});
const site = (id: string, kind: string, lngLat: [number, number], eligibility: string | null): SiteFeature =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: lngLat }, properties: { id, kind, eligibility } }) as unknown as SiteFeature;

describe('the Coverage slice in the URL', () => {
  it('round-trips and falls back part by part', () => {
    const s: CoverageState = { demand: 'residents', window: '90', radiusMeters: 800, walkMinutes: null, distance: 'walk', kinds: ['pharmacy', 'drop-off'], everyone: false, hours: { kind: 'at', weekday: 7, hour: 23 }, k: 7, mapView: 'areas' };
    expect(coverageSlice.fromUrl(new URLSearchParams(coverageSlice.toUrl(s)), COVERAGE_INITIAL)).toEqual(s);
    for (const demand of ['requests', 'aggregates', 'residents'] as const) {
      const d = { ...COVERAGE_INITIAL, demand, hours: { kind: 'always' as const } };
      expect(coverageSlice.fromUrl(new URLSearchParams(coverageSlice.toUrl(d)), COVERAGE_INITIAL)).toEqual(d);
    }
    expect(coverageSlice.fromUrl(new URLSearchParams('chrs=8-10'), COVERAGE_INITIAL).hours).toEqual({ kind: 'any' });
    expect(coverageSlice.fromUrl(new URLSearchParams('chrs=1-24'), COVERAGE_INITIAL).hours).toEqual({ kind: 'any' });
    expect(coverageSlice.toUrl(COVERAGE_INITIAL)).toEqual([]);
    expect(coverageSlice.fromUrl(new URLSearchParams('cwin=7&cr=300&ckinds=bogus&ck=99'), COVERAGE_INITIAL)).toEqual({ ...COVERAGE_INITIAL, kinds: [] });
  });

  it('keeps a walking time as minutes (radius = minutes × the walking speed) and the distance mode; straight line by default', () => {
    const s: CoverageState = { ...COVERAGE_INITIAL, radiusMeters: 10 * WALK_METERS_PER_MINUTE, walkMinutes: 10, distance: 'walk' };
    expect(coverageSlice.toUrl(s)).toEqual([['cmin', '10'], ['cmode', 'walk']]);
    expect(coverageSlice.fromUrl(new URLSearchParams(coverageSlice.toUrl(s)), COVERAGE_INITIAL)).toEqual(s);
    expect(coverageSlice.fromUrl(new URLSearchParams('cmin=7&cmode=bike'), COVERAGE_INITIAL)).toEqual(COVERAGE_INITIAL);
    expect(COVERAGE_INITIAL.distance).toBe('straight');
  });
});

describe('demand, supply and coverage', () => {
  const random = mulberry32(7);
  const rows = Array.from({ length: 400 }, (_, i) => request(i, [-71.1 + random() * 0.08, 42.3 + random() * 0.06], i < 100 ? '2026-03-30' : '2025-01-15'));
  const needles = needleTableFromRequests(rows);
  const sites = [
    site('a', 'disposal-kiosk', [-71.07, 42.33], null),
    site('b', 'drop-off', [-71.05, 42.34], 'Cambridge residents only, not businesses'),
    site('c', 'pharmacy', [-71.09, 42.31], null),
    site('d', 'drop-in-center', [-71.06, 42.32], null),
  ];

  it('the window ends at the newest request: the last 90 days hold only the recent ones', () => {
    expect(demandOf(needles, 'all').points).toHaveLength(400);
    expect(demandOf(needles, '90').points).toHaveLength(100);
  });

  it('supply: the chosen kinds, and "open to everyone" leaves out the restricted places', () => {
    expect(supplyOf(sites, { kinds: ['disposal-kiosk', 'drop-off'], everyone: true }).map((s) => s.properties.id)).toEqual(['a']);
    expect(supplyOf(sites, { kinds: ['disposal-kiosk', 'drop-off'], everyone: false }).map((s) => s.properties.id)).toEqual(['a', 'b']);
  });

  it('supply by hours: 24/7 only, or open at a weekday and hour in Boston; unpublished hours never count', () => {
    const withHours = (id: string, openingHours: string | null) => {
      const f = site(id, 'drop-off', [-71.06, 42.35], null);
      return { ...f, properties: { ...f.properties, openingHours } } as SiteFeature;
    };
    const list = [withHours('always', '24/7'), withHours('office', 'Mo-Fr 09:00-17:00'), withHours('unknown', null)];
    const now = new Date('2026-11-26T08:44:00Z');
    const ids = (hours: Parameters<typeof supplyOf>[1]['hours']) => supplyOf(list, { kinds: ['drop-off'], everyone: false, hours }, now).map((s) => s.properties.id);
    expect(ids({ kind: 'any' })).toEqual(['always', 'office', 'unknown']);
    expect(ids({ kind: 'always' })).toEqual(['always']);
    expect(ids({ kind: 'at', weekday: 2, hour: 10 })).toEqual(['always', 'office']);
    expect(ids({ kind: 'at', weekday: 2, hour: 23 })).toEqual(['always']);
  });

  it('covered counts equal a brute-force haversine loop, citywide and per area', () => {
    const demand = demandOf(needles, 'all').points;
    const supply = [{ lngLat: [-71.07, 42.33] as [number, number] }, { lngLat: [-71.05, 42.34] as [number, number] }];
    const areaOf = (p: readonly [number, number]) => (p[0] < -71.06 ? 'west' : 'east');
    const c = measureCoverage(demand, supply, 1500, areaOf);
    const brute = demand.map((d) => supply.some((s) => haversineMetersLngLat(d.lngLat[0], d.lngLat[1], s.lngLat[0], s.lngLat[1]) <= 1500));
    expect(c.covered).toBe(brute.filter(Boolean).length);
    expect(c.total).toBe(400);
    for (const a of c.byArea) {
      const inArea = demand.map((d, i) => ({ d, i })).filter(({ d }) => areaOf(d.lngLat) === a.name);
      expect(a.total).toBe(inArea.length);
      expect(a.covered).toBe(inArea.filter(({ i }) => brute[i]).length);
    }
    // Most uncovered first.
    const uncovered = c.byArea.map((a) => a.total - a.covered);
    expect([...uncovered].sort((x, y) => y - x)).toEqual(uncovered);
  });

  it('candidates: one per 250 m cell holding demand, each within a cell of some demand point', () => {
    const demand = demandOf(needles, 'all').points;
    const candidates = candidateSites(demand);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(demand.length);
    for (const c of candidates) {
      const nearest = Math.min(...demand.map((d) => haversineMetersLngLat(c.lngLat[0], c.lngLat[1], d.lngLat[0], d.lngLat[1])));
      expect(nearest).toBeLessThanOrEqual(250 * Math.SQRT1_2 + 1);
    }
  });
});

describe('gaps and the park figure', () => {
  const random = mulberry32(11);
  const demand = Array.from({ length: 300 }, () => ({ lngLat: [-71.1 + random() * 0.06, 42.3 + random() * 0.05] as [number, number], weight: 1 }));
  const flags = Uint8Array.from(demand, (_, i) => (i % 3 === 0 ? 1 : 0));

  it('gap cells count only uncovered demand, most first, each point inside its cell', () => {
    const gaps = gapCells(demand, flags, 1000);
    expect(gaps.reduce((a, g) => a + g.weight, 0)).toBe(demand.filter((_, i) => !flags[i]).length);
    expect(gaps.map((g) => g.weight)).toEqual([...gaps.map((g) => g.weight)].sort((a, b) => b - a));
    const inside = (p: [number, number], b: readonly number[]) => p[0] >= b[0]! && p[0] < b[2]! && p[1] >= b[1]! && p[1] < b[3]!;
    for (const g of gaps) {
      const members = demand.filter((d, i) => !flags[i] && inside(d.lngLat, g.bounds));
      expect(members.length).toBe(g.weight);
    }
  });

  it('the park figure counts the demand near a park and the covered part of it', () => {
    const nearPark = (p: readonly [number, number]) => p[0] < -71.07;
    const e = parkEquity(demand, flags, nearPark);
    const near = demand.map((d, i) => ({ d, i })).filter(({ d }) => nearPark(d.lngLat));
    expect(e.total).toBe(near.length);
    expect(e.covered).toBe(near.filter(({ i }) => flags[i]).length);
  });
});
