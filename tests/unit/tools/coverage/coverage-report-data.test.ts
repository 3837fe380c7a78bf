// Tests for the report's content (locked sites first, then the proposed ones, running totals, per-area before/after)
// and the proposed sites' CSV, read back with papaparse.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { measureCoverage } from '../../../../src/tools/coverage/coverage-model';
import { buildCoverageReport, PROPOSED_SITES_COLUMNS, proposedSitesCsv, type CoverageReportInput, type ReportSite } from '../../../../src/tools/coverage/coverage-report-data';

const sites: ReportSite[] = [
  { rank: 1, status: 'locked', lngLat: [-71.0838, 42.3294], name: 'Nubian Square library, "main"', address: '2044 Washington St, Roxbury', gain: 12, covered: 112 },
  { rank: 2, status: 'proposed', lngLat: [-71.0570123, 42.3302456], name: null, address: null, gain: 7, covered: 119 },
];

describe('proposedSitesCsv', () => {
  it('round-trips through papaparse: columns, order, lat/lng, gains, quoted names and addresses', () => {
    const csv = proposedSitesCsv(sites);
    expect(csv.endsWith('\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...PROPOSED_SITES_COLUMNS]);
    expect(parsed.data).toEqual([
      { rank: '1', status: 'locked', name: 'Nubian Square library, "main"', lat: '42.329400', lng: '-71.083800', gain: '12', covered: '112', address: '2044 Washington St, Roxbury' },
      { rank: '2', status: 'proposed', name: '', lat: '42.330246', lng: '-71.057012', gain: '7', covered: '119', address: '' },
    ]);
  });

  it('is just the header when there are no sites', () => {
    expect(proposedSitesCsv([])).toBe(`${PROPOSED_SITES_COLUMNS.join(',')}\n`);
  });
});

describe('buildCoverageReport', () => {
  const demand = [
    { lngLat: [-71.06, 42.35] as [number, number], weight: 1 },
    { lngLat: [-71.08, 42.33] as [number, number], weight: 1 },
    { lngLat: [-71.08, 42.3301] as [number, number], weight: 1 },
    { lngLat: [-71.1, 42.31] as [number, number], weight: 1 },
  ];
  const areaOf = (p: readonly [number, number]) => (p[1] > 42.34 ? 'Downtown' : 'Roxbury');
  const supply = [{ lngLat: [-71.06, 42.35] as [number, number] }];
  const locked = { lngLat: [-71.08, 42.33] as [number, number], name: 'Library', gain: 2 };
  const proposed = { lngLat: [-71.1, 42.31] as [number, number] };
  const input = (): CoverageReportInput => ({
    title: 'Report',
    settings: { demandKind: 'requests', demandLabel: '311', window: { from: '2024-01-01', to: '2024-12-31' }, distanceKind: 'straight line', radiusMeters: 100, supplyKinds: ['drop-off'], everyone: true, sitesCounted: 1, candidateCount: 3 },
    demand,
    coverage: measureCoverage(demand, supply, 100, areaOf),
    coverageAfter: measureCoverage(demand, [...supply, locked, proposed], 100, areaOf),
    supply,
    locked: [locked],
    proposal: { result: { chosen: [{ index: 1, gain: 1, covered: 4 }], existingCovered: 3, totalWeight: 4, upperBound: 4 }, candidates: [{ lngLat: [-71.05, 42.36] }, { ...proposed, name: 'Far' }] },
    describe: (p) => (p[0] === -71.08 ? '1 Main St' : null),
    dataDates: [{ what: '311 requests', date: '2024-01-01 – 2024-12-31' }],
  });

  it('lists the locked sites, then the proposed ones, with running totals from today\'s coverage', () => {
    const r = buildCoverageReport(input());
    expect(r.sites).toEqual([
      { rank: 1, status: 'locked', lngLat: [-71.08, 42.33], name: 'Library', address: '1 Main St', gain: 2, covered: 3 },
      { rank: 2, status: 'proposed', lngLat: [-71.1, 42.31], name: 'Far', address: null, gain: 1, covered: 4 },
    ]);
    expect(r.before).toEqual({ covered: 1, total: 4, share: 0.25 });
    expect(r.after).toEqual({ covered: 4, total: 4, share: 1, newSites: 2 });
  });

  it('gives each neighbourhood its share before and after, and no uncovered dots once all is covered', () => {
    const r = buildCoverageReport(input());
    expect(r.areas).toEqual([
      { name: 'Roxbury', total: 3, coveredBefore: 0, shareBefore: 0, coveredAfter: 3, shareAfter: 1 },
      { name: 'Downtown', total: 1, coveredBefore: 1, shareBefore: 1, coveredAfter: 1, shareAfter: 1 },
    ]);
    expect(r.map.uncovered).toEqual([]);
    expect(r.map.supply).toEqual([[-71.06, 42.35]]);
  });

  it('has no "after" and maps the demand out of reach when nothing is added', () => {
    const r = buildCoverageReport({ ...input(), locked: [], proposal: null, coverageAfter: null });
    expect(r.after).toBeNull();
    expect(r.sites).toEqual([]);
    expect(r.map.uncovered).toEqual([[-71.08, 42.33], [-71.08, 42.3301], [-71.1, 42.31]]);
  });
});
