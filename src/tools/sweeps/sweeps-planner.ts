// Turns the Sweeps tab's state into a plan: the stops (open requests, plus hotspot cells when asked), the start, the
// speed and the distances (along the walking graph, straight line where it has no path), then the route engine; and
// the plan back into what the list, the map and the exports show.
import type { NeedleTable } from '../../datasets/needle-table';
import type { SweepExportRow } from '../../datasets/sweep-export';
import { isoDateFromDay } from '../../domain/calendar-day';
import type { SiteFeature } from '../../domain/site';
import type { HotspotCell } from '../../geo/hotspots';
import { DRIVING_METERS_PER_MINUTE, sweepPriority, WALKING_METERS_PER_MINUTE, type LeftOutStop, type SweepPlan, type SweepPlanInput, type SweepStopInput } from '../../geo/sweep-plan';
import type { WalkNetwork } from '../../geo/walk-network';
import { addedStopId, type SweepsState } from './sweeps-state';
import { rowAddress, rowNearPark } from './sweeps-row-lookups';

/** A stop as the list shows it. */
export type StopInfo = SweepStopInput & {
  kind: 'request' | 'hotspot' | 'added';
  /** Open date ISO (requests) or the hotspot's count in the window. */
  openedDate: string | null;
  count: number | null;
  /** Where, in words: the nearest address or intersection, else the request's street. */
  address: string | null;
};

/**
 * At most this many candidate stops go to the route engine, by priority: a shift covers far fewer (8 hours at 5 minutes
 * a stop is under 96), and the walking distances between n stops cost n one-to-many searches.
 */
export const MAX_CANDIDATES = 80;


export type PlannerEnv = {
  needles: NeedleTable;
  describe: ((p: [number, number]) => { text: string } | null) | null;
  nearPark: ((p: readonly [number, number]) => boolean) | null;
  sites: readonly SiteFeature[];
  todayDay: number;
};

/** The candidate stops: the open requests of the area (minus removed ones) and the top hotspot cells when asked. */
export function candidateStops(
  env: PlannerEnv,
  rows: readonly number[],
  hotspots: readonly HotspotCell[],
  state: Pick<SweepsState, 'removed' | 'locked' | 'added' | 'hotspotStops'>,
): StopInfo[] {
  const removed = new Set(state.removed);
  const locked = new Set(state.locked);
  const out: StopInfo[] = [];
  // Each request's park test and address, once per table (a new window or filter asks again only for new rows).
  const nearPark = env.nearPark ? rowNearPark(env.needles, env.nearPark) : null;
  const address = env.describe ? rowAddress(env.needles, env.describe) : null;
  for (const i of rows) {
    const id = env.needles.ids[i]!;
    if (removed.has(id)) continue;
    const r = env.needles.get(i);
    const lngLat: [number, number] = [r.coordinates[0], r.coordinates[1]];
    out.push({
      id,
      kind: 'request',
      lngLat,
      openedDay: env.needles.openedDay[i]!,
      openedDate: r.openedDate,
      count: null,
      nearPark: nearPark?.(i) ?? false,
      caseId: r.caseId,
      address: address?.(i) ?? r.street,
      label: r.street ?? undefined,
      locked: locked.has(id),
    });
  }
  for (const p of state.added) {
    const id = addedStopId(p);
    if (removed.has(id)) continue;
    const lngLat: [number, number] = [p[0], p[1]];
    // Added by hand: the team wants it swept today, so it ranks as a request opened today and is kept like a locked one.
    out.push({ id, kind: 'added', lngLat, openedDay: env.todayDay, openedDate: null, count: null, nearPark: env.nearPark?.(lngLat) ?? false, caseId: null, address: env.describe?.(lngLat)?.text ?? null, locked: true });
  }
  for (const cell of hotspots.slice(0, state.hotspotStops)) {
    const id = `cell:${cell.cellId}`;
    if (removed.has(id)) continue;
    const lngLat: [number, number] = [cell.center[0], cell.center[1]];
    out.push({
      id,
      kind: 'hotspot',
      lngLat,
      // A hotspot is as urgent as a request opened today: it is swept for what has not been reported yet.
      openedDay: env.todayDay,
      openedDate: null,
      count: cell.count,
      nearPark: env.nearPark?.(lngLat) ?? false,
      caseId: null,
      address: env.describe?.(lngLat)?.text ?? null,
      locked: locked.has(id),
    });
  }
  return out;
}

/** How many stops candidateStops gives (its length), without testing or describing any of them. */
export function candidateCount(
  needles: Pick<NeedleTable, 'ids'>,
  rows: readonly number[],
  hotspots: readonly HotspotCell[],
  state: Pick<SweepsState, 'removed' | 'added' | 'hotspotStops'>,
): number {
  const removed = new Set(state.removed);
  let n = 0;
  for (const i of rows) if (!removed.has(needles.ids[i]!)) n++;
  for (const p of state.added) if (!removed.has(addedStopId(p))) n++;
  for (const cell of hotspots.slice(0, state.hotspotStops)) if (!removed.has(`cell:${cell.cellId}`)) n++;
  return n;
}

/** The start point: a site's, a picked point, or (first stop) the highest-priority candidate's. */
export function startPoint(state: SweepsState, sites: readonly SiteFeature[], ranked: readonly StopInfo[]): [number, number] | null {
  if (state.start.kind === 'point') return state.start.lngLat;
  if (state.start.kind === 'site') {
    const siteId = state.start.siteId;
    const site = sites.find((s) => s.properties.id === siteId);
    return site ? [site.geometry.coordinates[0]!, site.geometry.coordinates[1]!] : null;
  }
  return ranked[0]?.lngLat ?? null;
}

/** What the worker needs to plan, and what the tab keeps to show the plan. */
export type PlanSetup = {
  input: Omit<SweepPlanInput, 'distanceMatrix'>;
  stops: Map<string, StopInfo>;
  start: [number, number];
  /** Candidates beyond MAX_CANDIDATES, left out before planning (the shift could never reach them). */
  cut: LeftOutStop[];
};

/** The route engine's input for `candidates`, ranked by priority (locked first), or why there is nothing to plan. */
export function planSetup(env: Pick<PlannerEnv, 'sites' | 'todayDay'>, candidates: readonly StopInfo[], state: SweepsState): PlanSetup | { error: 'no-stops' | 'no-start' } {
  if (candidates.length === 0) return { error: 'no-stops' };
  const priority = (s: StopInfo) => sweepPriority(s, env.todayDay);
  const ranked = [...candidates].sort((a, b) => Number(b.locked ?? false) - Number(a.locked ?? false) || priority(b) - priority(a));
  const start = startPoint(state, env.sites, ranked);
  if (!start) return { error: 'no-start' };
  const considered = ranked.slice(0, Math.max(MAX_CANDIDATES, ranked.filter((s) => s.locked).length));
  const input: Omit<SweepPlanInput, 'distanceMatrix'> = {
    // Only what the engine reads crosses to the worker.
    stops: considered.map(({ id, lngLat, openedDay, nearPark, locked }) => ({ id, lngLat, openedDay, nearPark, locked })),
    start,
    end: state.end === 'start' ? 'start' : 'last-stop',
    speedMetersPerMinute: state.mode === 'drive' ? DRIVING_METERS_PER_MINUTE : WALKING_METERS_PER_MINUTE,
    minutesPerStop: state.minutesPerStop,
    shiftMinutes: state.shiftMinutes,
    today: env.todayDay,
    seed: 1,
  };
  const cut = ranked.slice(considered.length).map((s) => ({ id: s.id, reason: `not considered: the ${considered.length} stops of higher priority already more than fill the shift` }));
  return { input, stops: new Map(candidates.map((s) => [s.id, s])), start, cut };
}

/** The line of the route: along the walking graph leg by leg (straight where it has no path), start to end. */
export function routeLine(network: WalkNetwork | null, start: [number, number], stops: readonly [number, number][], backToStart: boolean): [number, number][] {
  const points = [start, ...stops, ...(backToStart ? [start] : [])];
  const line: [number, number][] = [start];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    const path = network ? network.route(a, b).path : [a, b];
    for (const p of path.slice(1)) line.push([p[0], p[1]]);
    if (path.length < 2) line.push(b);
  }
  return line;
}

/** The plan's stops as the exports take them. */
export function exportRows(plan: SweepPlan, stops: ReadonlyMap<string, StopInfo>, minutesPerStop: number): SweepExportRow[] {
  return plan.stops.map((p) => {
    const s = stops.get(p.id);
    const where = s?.address ?? s?.label ?? '';
    return { name: `${p.order}. ${where || (s?.kind === 'hotspot' ? 'hotspot' : 'request')}`, lngLat: s?.lngLat ?? [0, 0], caseId: s?.caseId ?? null, address: where || null, arriveMinute: p.arriveMinute, legMeters: p.legMeters, minutes: minutesPerStop };
  });
}

/** "YYYY-MM-DD" of a day number (for labels). */
export const dayLabel = (day: number): string => isoDateFromDay(day);
