// What the Coverage tab's one-page report says, as a plain object built by a pure function, and the proposed sites as
// CSV (rank, status, name, lat, lng, gain, covered, address).
import Papa from 'papaparse';
import type { SelectSitesResult } from '../../geo/site-selection';
import type { Coverage, Located } from './coverage-model';

/** One site of the plan: a locked candidate (always chosen) or one the search proposed, in order. */
export type ReportSite = {
  rank: number;
  status: 'locked' | 'proposed';
  lngLat: [number, number];
  name: string | null;
  address: string | null;
  /** Demand weight this site newly covers, after the sites before it. */
  gain: number;
  /** Total demand weight covered once it is added (existing sites included). */
  covered: number;
};

export type CoverageReportData = {
  title: string;
  settings: {
    demandKind: 'requests' | 'residents';
    /** What the demand is, as the data calls it (e.g. "estimated residents (ACS, about 2015)"). */
    demandLabel: string;
    /** First and last day of the demand window (YYYY-MM-DD); null for residents. */
    window: { from: string; to: string } | null;
    distanceKind: 'straight line' | 'walking';
    radiusMeters: number;
    supplyKinds: string[];
    /** Only places open to everyone counted. */
    everyone: boolean;
    sitesCounted: number;
    candidateCount: number;
  };
  before: { covered: number; total: number; share: number };
  /** With the locked and proposed sites; null when there are none. */
  after: { covered: number; total: number; share: number; newSites: number } | null;
  /** Per neighbourhood, most uncovered (before) first. */
  areas: { name: string; total: number; coveredBefore: number; shareBefore: number; coveredAfter: number; shareAfter: number }[];
  sites: ReportSite[];
  /** The dates each data source is from, as the report lists them. */
  dataDates: { what: string; date: string }[];
  map: { supply: [number, number][]; uncovered: [number, number][] };
};

export type CoverageReportInput = {
  title: string;
  settings: CoverageReportData['settings'];
  demand: readonly (Located & { weight: number })[];
  coverage: Coverage;
  /** Coverage with the supply, the locked and the proposed sites (per area as `coverage`). */
  coverageAfter: Coverage | null;
  supply: readonly Located[];
  /** The locked sites with their names and gains (see lockedGains), in lock order. */
  locked: readonly { lngLat: [number, number]; name: string | null; gain: number }[];
  /** The search's answer and the candidates it chose from (with names when imported). */
  proposal: { result: SelectSitesResult; candidates: readonly (Located & { name?: string | null })[] } | null;
  describe: ((p: readonly [number, number]) => string | null) | null;
  dataDates: CoverageReportData['dataDates'];
};

const share = (covered: number, total: number) => (total > 0 ? covered / total : 0);

/** The report's content from what the tab computed. Pure: nothing in the input is changed. */
export function buildCoverageReport(input: CoverageReportInput): CoverageReportData {
  const { coverage, coverageAfter, proposal, describe } = input;
  const sites: ReportSite[] = [];
  let running = coverage.covered;
  for (const l of input.locked) {
    running += l.gain;
    sites.push({ rank: sites.length + 1, status: 'locked', lngLat: [l.lngLat[0], l.lngLat[1]], name: l.name, address: describe?.(l.lngLat) ?? null, gain: l.gain, covered: running });
  }
  for (const c of proposal?.result.chosen ?? []) {
    const candidate = proposal!.candidates[c.index]!;
    const lngLat: [number, number] = [candidate.lngLat[0], candidate.lngLat[1]];
    sites.push({ rank: sites.length + 1, status: 'proposed', lngLat, name: candidate.name ?? null, address: describe?.(lngLat) ?? null, gain: c.gain, covered: c.covered });
  }
  const afterBy = new Map((coverageAfter?.byArea ?? []).map((a) => [a.name, a]));
  const areas = coverage.byArea.map((a) => {
    const after = afterBy.get(a.name);
    const coveredAfter = after?.covered ?? a.covered;
    return { name: a.name, total: a.total, coveredBefore: a.covered, shareBefore: a.share, coveredAfter, shareAfter: share(coveredAfter, a.total) };
  });
  const after =
    sites.length > 0 && coverageAfter
      ? { covered: coverageAfter.covered, total: coverageAfter.total, share: coverageAfter.share, newSites: sites.length }
      : null;
  return {
    title: input.title,
    settings: input.settings,
    before: { covered: coverage.covered, total: coverage.total, share: coverage.share },
    after,
    areas,
    sites,
    dataDates: input.dataDates,
    map: {
      supply: input.supply.map((s) => [s.lngLat[0], s.lngLat[1]]),
      uncovered: input.demand.filter((_, i) => !(coverageAfter ?? coverage).flags[i]).map((d) => [d.lngLat[0], d.lngLat[1]]),
    },
  };
}

/** The CSV's columns, in order. */
export const PROPOSED_SITES_COLUMNS = ['rank', 'status', 'name', 'lat', 'lng', 'gain', 'covered', 'address'] as const;

/**
 * The locked and proposed sites as CSV: one row per site in rank order, lat/lng in degrees to 6 decimals, empty
 * cells for a missing name or address; LF line breaks and a final newline. Papaparse quotes what needs quoting.
 */
export function proposedSitesCsv(sites: readonly ReportSite[]): string {
  const rows = sites.map((s) => [String(s.rank), s.status, s.name ?? '', s.lngLat[1].toFixed(6), s.lngLat[0].toFixed(6), String(s.gain), String(s.covered), s.address ?? '']);
  return `${Papa.unparse([[...PROPOSED_SITES_COLUMNS], ...rows], { newline: '\n' })}\n`;
}
