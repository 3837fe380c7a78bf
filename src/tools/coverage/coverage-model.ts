// What the Coverage tab computes, as pure functions: the demand (311 requests of a window), the supply (the chosen
// disposal points), who is within reach of it (citywide and per neighbourhood), and the candidate sites for new kiosks.
import type { NeedleTable } from '../../datasets/needle-table';
import { aggregateDemand, type NeedleAggregates } from '../../datasets/needle-aggregates';
import { dayFromIsoDate } from '../../domain/calendar-day';
import { eligibilityClass } from '../../domain/site-eligibility';
import { meetsSupplyHours, type SupplyHours } from '../../domain/supply-hours';
import type { SiteFeature } from '../../domain/site';
import { coverageByGroup, coveredFlags, type DemandPoint } from '../../geo/coverage';
import { cellBounds, cellIdAt, hotspotCells } from '../../geo/hotspots';
import type { CoverageState } from './coverage-state';

/** A place with a position, as the siting engine takes it. */
export type Located = { lngLat: [number, number] };
/** Candidate sites for new kiosks: the centres of the grid cells of this size that hold demand. */
export const CANDIDATE_CELL_METERS = 250;

/** The 311 requests of the window as demand points (weight 1 each) and the window's first and last day. */
export function demandOf(needles: NeedleTable, window: CoverageState['window']): { points: (Located & { weight: number })[]; fromDay: number; toDay: number } {
  const toDay = needles.maxDay;
  const fromDay = window === 'all' ? needles.minDay : toDay - (Number(window) - 1);
  const points: (Located & { weight: number })[] = [];
  for (let i = 0; i < needles.count; i++) {
    const day = needles.openedDay[i]!;
    if (day < fromDay || day > toDay) continue;
    points.push({ lngLat: [needles.lng[i]!, needles.lat[i]!], weight: 1 });
  }
  return { points, fromDay, toDay };
}

/** All the requests of the City's aggregates as demand (each cell of about 90 m weighted by its count) and their first and last day. */
export function aggregateDemandOf(agg: NeedleAggregates): { points: (Located & { weight: number })[]; fromDay: number; toDay: number } {
  const [y, m] = agg.lastMonth.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    points: aggregateDemand(agg, 'all').map((p) => ({ lngLat: [p.lngLat[0], p.lngLat[1]], weight: p.weight })),
    fromDay: dayFromIsoDate(`${agg.firstMonth}-01`),
    toDay: dayFromIsoDate(`${agg.lastMonth}-${String(lastDay).padStart(2, '0')}`),
  };
}

/**
 * The sites counted as supply: of the chosen kinds, when asked open to everyone (restricted ones left out), and open
 * at the chosen hours (judged at `now`, Boston time; unpublished hours never count as open).
 */
export function supplyOf(sites: readonly SiteFeature[], state: Pick<CoverageState, 'kinds' | 'everyone'> & { hours?: SupplyHours }, now: Date = new Date()): SiteFeature[] {
  const hours = state.hours ?? { kind: 'any' };
  return sites.filter(
    (s) =>
      (state.kinds as readonly string[]).includes(s.properties.kind) &&
      (!state.everyone || eligibilityClass(s.properties.eligibility) !== 'restricted') &&
      meetsSupplyHours(s.properties.openingHours, hours, now),
  );
}

export const siteLngLat = (s: SiteFeature): [number, number] => [s.geometry.coordinates[0]!, s.geometry.coordinates[1]!];

export type AreaCoverage = { name: string; total: number; covered: number; share: number };
export type Coverage = { total: number; covered: number; share: number; flags: Uint8Array; byArea: AreaCoverage[] };

/**
 * Who is within `radiusMeters` (great-circle) of a supply point: the share of demand citywide and per named area
 * (`areaOf`: the neighbourhood of a point, null outside them all), areas with the most uncovered demand first.
 */
export function measureCoverage(demand: readonly DemandPoint[], supply: readonly Located[], radiusMeters: number, areaOf: ((p: readonly [number, number]) => string | null) | null): Coverage {
  return summarizeCoverage(demand, coveredFlags(demand, supply, radiusMeters), areaOf);
}

/** The figures of {@link measureCoverage} from covered flags worked out elsewhere (along the streets, in the worker). */
export function summarizeCoverage(demand: readonly DemandPoint[], flags: Uint8Array, areaOf: ((p: readonly [number, number]) => string | null) | null): Coverage {
  let covered = 0;
  let total = 0;
  demand.forEach((d, i) => {
    const w = d.weight ?? 1;
    total += w;
    if (flags[i]) covered += w;
  });
  const groups = areaOf ? coverageByGroup(demand, flags, (d) => areaOf(d.lngLat)) : new Map();
  const byArea = [...groups.entries()]
    .map(([name, g]) => ({ name: String(name), total: g.totalWeight, covered: g.coveredWeight, share: g.share }))
    .sort((a, b) => b.total - b.covered - (a.total - a.covered) || a.name.localeCompare(b.name));
  return { total, covered, share: total > 0 ? covered / total : 0, flags, byArea };
}

/** Candidate sites: the centre of every CANDIDATE_CELL_METERS cell holding some demand. */
export function candidateSites(demand: readonly Located[]): Located[] {
  const cols = { lng: demand.map((d) => d.lngLat[0]), lat: demand.map((d) => d.lngLat[1]) };
  const all = Uint32Array.from(demand.keys());
  return hotspotCells(cols, all, new Uint32Array(0), CANDIDATE_CELL_METERS, Number.MAX_SAFE_INTEGER).map((c) => ({ lngLat: [c.center[0], c.center[1]] }));
}

/** Size of the gap cells, metres. */
export const GAP_CELL_METERS = 500;

export type GapCell = { cellId: string; center: [number, number]; bounds: [number, number, number, number]; weight: number };

/** The cells of GAP_CELL_METERS holding the most uncovered demand weight (requests or residents), most first. */
export function gapCells(demand: readonly (Located & { weight?: number })[], flags: ArrayLike<number>, top = 10): GapCell[] {
  const weightOf = new Map<string, number>();
  demand.forEach((d, i) => {
    if (flags[i]) return;
    const id = cellIdAt(d.lngLat, GAP_CELL_METERS);
    weightOf.set(id, (weightOf.get(id) ?? 0) + (d.weight ?? 1));
  });
  return [...weightOf.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([cellId, weight]) => {
      const b = cellBounds(cellId, GAP_CELL_METERS);
      return { cellId, center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], bounds: [b[0], b[1], b[2], b[3]], weight };
    });
}

/** Demand near parks and playgrounds (within 200 m, see geo/park-proximity.ts) and how much of it is covered. */
export function parkEquity(demand: readonly (Located & { weight?: number })[], flags: ArrayLike<number>, nearPark: (p: readonly [number, number]) => boolean): { total: number; covered: number; share: number } {
  let total = 0;
  let covered = 0;
  demand.forEach((d, i) => {
    if (!nearPark(d.lngLat)) return;
    const w = d.weight ?? 1;
    total += w;
    if (flags[i]) covered += w;
  });
  return { total, covered, share: total > 0 ? covered / total : 0 };
}
