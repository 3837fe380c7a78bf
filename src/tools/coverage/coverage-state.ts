// The Coverage tool's slice: the demand window, the walking distance that counts as "within reach", which disposal
// points are the supply, and how many new kiosks to propose, all in the URL so a planner can share a scenario.
import { WALK_METERS_PER_MINUTE } from '../../config/city';
import type { SiteKind } from '../../domain/site';
import type { IsoWeekday, SupplyHours } from '../../domain/supply-hours';
import type { ToolSlice } from '../../ui/tool-contract';

/** Demand windows: every 311 request in the data, or the last 365 / 90 days of it. */
export const COVERAGE_WINDOWS = ['all', '365', '90'] as const;
export type CoverageWindow = (typeof COVERAGE_WINDOWS)[number];
/** Distances offered, metres (a 5 / 10 minute walk is about 400 / 800 m). */
export const COVERAGE_RADII_METERS = [200, 400, 800] as const;
/** Walking times offered, minutes (times the walking speed Find uses, WALK_METERS_PER_MINUTE). */
export const COVERAGE_WALK_MINUTES = [5, 10, 15] as const;
/** How distances are measured: a straight line (great-circle), or walking along the street network. */
export const COVERAGE_DISTANCES = ['straight', 'walk'] as const;
export type CoverageDistanceMode = (typeof COVERAGE_DISTANCES)[number];
/** The kinds of places a planner may count as supply. */
export const SUPPLY_KINDS = ['disposal-kiosk', 'drop-off', 'syringe-service-program', 'pharmacy'] as const satisfies readonly SiteKind[];
export type SupplyKind = (typeof SUPPLY_KINDS)[number];
/** Most new sites proposed at once (the coverage curve runs 1..MAX_K). */
export const MAX_K = 20;

/**
 * What is counted as demand, never mixed: 311 Needle Pickup requests (the points of a window), all the requests of
 * 2024-2026 from the City's aggregates (counted in cells of about 90 m), or estimated residents by census tract.
 */
export type CoverageDemand = 'requests' | 'aggregates' | 'residents';
const DEMAND_URL: Record<CoverageDemand, string> = { requests: 'req', aggregates: 'agg', residents: 'res' };

export type CoverageState = {
  demand: CoverageDemand;
  window: CoverageWindow;
  radiusMeters: number;
  /** When the reach was chosen as a walking time, minutes (radiusMeters is then minutes × WALK_METERS_PER_MINUTE). */
  walkMinutes: number | null;
  /** Straight line (default, so shared links keep their meaning) or along the streets (URL cmode=walk). */
  distance: CoverageDistanceMode;
  kinds: readonly SupplyKind[];
  /** Only places open to everyone (not restricted to a town's residents). */
  everyone: boolean;
  /** Only places open 24/7, or open at a weekday and hour (Boston time); unpublished hours never count as open. */
  hours: SupplyHours;
  /** How many new kiosks to propose (0: none). */
  k: number;
  /** What the map shows: each site's reach and the demand out of reach, or the share covered per neighbourhood. */
  mapView: 'reach' | 'areas';
};

export const COVERAGE_INITIAL: CoverageState = {
  demand: 'requests',
  window: 'all',
  radiusMeters: 400,
  walkMinutes: null,
  distance: 'straight',
  kinds: ['disposal-kiosk', 'drop-off', 'syringe-service-program'],
  everyone: true,
  hours: { kind: 'any' },
  k: 0,
  mapView: 'reach',
};

/** URL form of the hours: '247', or '<ISO weekday 1-7>-<hour 0-23>'. */
function hoursFromUrl(v: string | null): SupplyHours {
  if (v === '247') return { kind: 'always' };
  const m = v === null ? null : /^([1-7])-(\d{1,2})$/.exec(v);
  if (m && Number(m[2]) <= 23) return { kind: 'at', weekday: Number(m[1]) as IsoWeekday, hour: Number(m[2]) };
  return { kind: 'any' };
}
function hoursToUrl(h: SupplyHours): string | null {
  return h.kind === 'any' ? null : h.kind === 'always' ? '247' : `${h.weekday}-${h.hour}`;
}

function isKind(v: string): v is SupplyKind {
  return (SUPPLY_KINDS as readonly string[]).includes(v);
}

export const coverageSlice: ToolSlice<CoverageState> = {
  initial: COVERAGE_INITIAL,
  urlKeys: ['cdem', 'cwin', 'cr', 'cmin', 'cmode', 'ckinds', 'call', 'chrs', 'ck', 'cmap'],
  fromUrl: (p) => {
    const win = p.get('cwin');
    const r = Number(p.get('cr'));
    const kinds = p.get('ckinds');
    const k = p.get('ck');
    const min = Number(p.get('cmin'));
    const walkMinutes = (COVERAGE_WALK_MINUTES as readonly number[]).includes(min) ? min : null;
    return {
      demand: (Object.keys(DEMAND_URL) as CoverageDemand[]).find((d) => DEMAND_URL[d] === p.get('cdem')) ?? COVERAGE_INITIAL.demand,
      window: win !== null && (COVERAGE_WINDOWS as readonly string[]).includes(win) ? (win as CoverageWindow) : COVERAGE_INITIAL.window,
      radiusMeters: walkMinutes !== null ? walkMinutes * WALK_METERS_PER_MINUTE : (COVERAGE_RADII_METERS as readonly number[]).includes(r) ? r : COVERAGE_INITIAL.radiusMeters,
      walkMinutes,
      distance: p.get('cmode') === 'walk' ? 'walk' : 'straight',
      kinds: kinds === null ? COVERAGE_INITIAL.kinds : [...new Set(kinds.split('~').filter(isKind))],
      everyone: p.get('call') === '0' ? false : COVERAGE_INITIAL.everyone,
      hours: hoursFromUrl(p.get('chrs')),
      mapView: p.get('cmap') === 'areas' ? 'areas' : 'reach',
      k: k !== null && /^\d{1,2}$/.test(k) && Number(k) <= MAX_K ? Number(k) : COVERAGE_INITIAL.k,
    };
  },
  toUrl: (s) => {
    const out: [string, string][] = [];
    const I = COVERAGE_INITIAL;
    if (s.demand !== I.demand) out.push(['cdem', DEMAND_URL[s.demand]]);
    if (s.window !== I.window) out.push(['cwin', s.window]);
    if (s.walkMinutes !== null) out.push(['cmin', String(s.walkMinutes)]);
    else if (s.radiusMeters !== I.radiusMeters) out.push(['cr', String(s.radiusMeters)]);
    if (s.distance !== I.distance) out.push(['cmode', s.distance]);
    if (s.kinds.join('~') !== I.kinds.join('~')) out.push(['ckinds', s.kinds.join('~')]);
    if (s.everyone !== I.everyone) out.push(['call', s.everyone ? '1' : '0']);
    const hours = hoursToUrl(s.hours);
    if (hours !== null) out.push(['chrs', hours]);
    if (s.k !== I.k) out.push(['ck', String(s.k)]);
    if (s.mapView !== I.mapView) out.push(['cmap', s.mapView]);
    return out;
  },
};
