import { describe, expect, it } from 'vitest';
import { dayFromIsoDate } from '../../../../src/domain/calendar-day';
import type { LngLat } from '../../../../src/domain/geometry';
import type { NeedleRecord } from '../../../../src/domain/needle-request';
import type { SiteFeature } from '../../../../src/domain/site';
import type { HotspotCell } from '../../../../src/geo/hotspots';
import { DRIVING_METERS_PER_MINUTE, sweepPriority, WALKING_METERS_PER_MINUTE, type SweepPlan } from '../../../../src/geo/sweep-plan';
import { buildWalkGraph, type WalkNetwork, type WalkRoute } from '../../../../src/geo/walk-network';
import { candidateCount, candidateStops, exportRows, MAX_CANDIDATES, planSetup, routeLine, startPoint, type PlannerEnv, type StopInfo } from '../../../../src/tools/sweeps/sweeps-planner';
import { addedStopId, SWEEPS_INITIAL, type SweepsState } from '../../../../src/tools/sweeps/sweeps-state';
import { needleRecord, tableOf } from './sweeps-fixtures';
import { mulberry32, testSeed } from '../../seeded-random';

const TODAY = dayFromIsoDate('2025-04-01');

const record = (patch: Partial<NeedleRecord>): NeedleRecord => needleRecord({ status: 'open', neighborhood: 'South End', ...patch });

const state = (patch: Partial<SweepsState>): SweepsState => ({ ...SWEEPS_INITIAL, ...patch });

function site(id: string, lngLat: [number, number]): SiteFeature {
  return {
    type: 'Feature',
    properties: {
      id,
      name: id,
      kind: 'disposal-kiosk',
      layer: 'disposal',
      address: null,
      city: 'Boston',
      coordPrecision: 'pinned',
      openingHours: null,
      hoursNote: null,
      phone: null,
      services: [],
      languages: [],
      eligibility: null,
      wheelchair: null,
      source: 'test',
      lastVerified: '2025-01-01',
    },
    geometry: { type: 'Point', coordinates: lngLat },
  };
}

function cell(cellId: string, center: LngLat, count: number): HotspotCell {
  return { cellId, center, bounds: [center[0] - 0.001, center[1] - 0.001, center[0] + 0.001, center[1] + 0.001], count, previousCount: 0, change: count, changePct: null };
}

describe('candidateStops', () => {
  const needles = tableOf([
    record({ caseId: '101', openedDate: '2025-03-30', street: 'Albany St', coordinates: [-71.0701, 42.3401] }),
    record({ caseId: '102', openedDate: '2025-03-20', street: null, coordinates: [-71.0702, 42.3402] }),
    record({ caseId: '103', openedDate: '2025-03-10', street: 'Tremont St', coordinates: [-71.0703, 42.3403] }),
    record({ caseId: null, openedDate: '2025-03-05', street: 'Melnea Cass Blvd', coordinates: [-71.0704, 42.3404] }),
  ]);
  // Near a park: the second request only (by its exact place, so a swapped [lat, lng] would not be near).
  const nearPark = (p: readonly [number, number]) => p[0] === -71.0702 && p[1] === 42.3402;
  // An address for the first request only.
  const describe_ = (p: [number, number]) => (p[0] === -71.0701 && p[1] === 42.3401 ? { text: '12 Albany St' } : null);
  const env: PlannerEnv = { needles, describe: describe_, nearPark, sites: [], todayDay: TODAY };
  const rows = [0, 1, 2, 3];
  const hotspots = [cell('10:20', [-71.06, 42.35], 9), cell('11:20', [-71.059, 42.35], 7), cell('12:20', [-71.058, 42.35], 5)];

  it('makes a stop of each row, with its id, place, day, case id, address and park flag', () => {
    const stops = candidateStops(env, rows, [], state({}));
    expect(stops.map((s) => s.id)).toEqual([...needles.ids]);
    expect(stops[0]).toMatchObject({ id: '101', kind: 'request', lngLat: [-71.0701, 42.3401], openedDay: dayFromIsoDate('2025-03-30'), openedDate: '2025-03-30', caseId: '101', address: '12 Albany St', label: 'Albany St', nearPark: false, locked: false, count: null });
    // No address found: the street; no street either: null.
    expect(stops[2]).toMatchObject({ address: 'Tremont St', nearPark: false });
    expect(stops[1]).toMatchObject({ address: null, nearPark: true, caseId: '102' });
    expect(stops[3]!.caseId).toBeNull();
    expect(stops[3]!.id).toMatch(/^h-/);
  });

  it('works without the address finder and the parks (not loaded yet)', () => {
    const stops = candidateStops({ ...env, describe: null, nearPark: null }, rows, [], state({}));
    expect(stops[0]).toMatchObject({ address: 'Albany St', nearPark: false });
  });

  it('leaves out removed stops and flags locked ones', () => {
    const stops = candidateStops(env, rows, hotspots, state({ removed: ['102', 'cell:10:20'], locked: ['103', 'cell:11:20'], hotspotStops: 2 }));
    expect(stops.map((s) => s.id)).toEqual(['101', '103', needles.ids[3], 'cell:11:20']);
    expect(stops.filter((s) => s.locked).map((s) => s.id)).toEqual(['103', 'cell:11:20']);
  });

  it('adds the top hotspot cells only up to hotspotStops, as stops opened today with their count', () => {
    expect(candidateStops(env, rows, hotspots, state({ hotspotStops: 0 })).filter((s) => s.kind === 'hotspot')).toEqual([]);
    const stops = candidateStops(env, rows, hotspots, state({ hotspotStops: 2 }));
    const cells = stops.filter((s) => s.kind === 'hotspot');
    expect(cells.map((s) => s.id)).toEqual(['cell:10:20', 'cell:11:20']);
    expect(cells[0]).toMatchObject({ lngLat: [-71.06, 42.35], openedDay: TODAY, openedDate: null, count: 9, caseId: null, address: null, locked: false });
    expect(candidateStops(env, rows, hotspots, state({ hotspotStops: 20 })).filter((s) => s.kind === 'hotspot')).toHaveLength(3);
  });

  it('candidateCount is the number of stops candidateStops makes, without asking the address finder or the park test', () => {
    const seed = testSeed(4_242);
    const rand = mulberry32(seed);
    let asked = 0;
    const counting: PlannerEnv = { ...env, nearPark: () => (asked++, false), describe: () => (asked++, null) };
    const ids = [...needles.ids, 'cell:10:20', 'cell:11:20', 'cell:12:20', addedStopId([-71.05, 42.36])];
    for (let k = 0; k < 200; k++) {
      const some = <T>(xs: readonly T[]) => xs.filter(() => rand() < 0.4);
      const s = state({ removed: some(ids), locked: some(ids), added: rand() < 0.5 ? [[-71.05, 42.36]] : [], hotspotStops: Math.floor(rand() * 5) });
      const r = some(rows);
      expect(candidateCount(needles, r, hotspots, s), `seed ${seed}, ${JSON.stringify(s)}`).toBe(candidateStops(counting, r, hotspots, s).length);
    }
    asked = 0;
    candidateCount(needles, rows, hotspots, state({ hotspotStops: 3, added: [[-71.05, 42.36]] }));
    expect(asked).toBe(0);
  });

  it('asks the address finder and the park test about a hotspot cell at its centre', () => {
    const at = (p: readonly [number, number]) => p[0] === -71.06 && p[1] === 42.35;
    const stops = candidateStops({ ...env, nearPark: at, describe: (p) => (at(p) ? { text: 'Boylston St & Tremont St' } : null) }, [], hotspots, state({ hotspotStops: 1 }));
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ nearPark: true, address: 'Boylston St & Tremont St' });
  });
});

/** A candidate stop as candidateStops makes it. */
function stop(id: string, patch: Partial<StopInfo> = {}): StopInfo {
  return { id, kind: 'request', lngLat: [-71.07, 42.34], openedDay: TODAY - 1, openedDate: null, count: null, nearPark: false, caseId: id, address: `${id} Main St`, label: 'Main St', locked: false, ...patch };
}

describe('startPoint', () => {
  const sites = [site('kiosk-a', [-71.05, 42.36]), site('kiosk-b', [-71.04, 42.37])];
  const ranked = [stop('a', { lngLat: [-71.08, 42.33] }), stop('b', { lngLat: [-71.09, 42.32] })];

  it("is the site's place for a site start, null when the site is gone", () => {
    expect(startPoint(state({ start: { kind: 'site', siteId: 'kiosk-b' } }), sites, ranked)).toEqual([-71.04, 42.37]);
    expect(startPoint(state({ start: { kind: 'site', siteId: 'gone' } }), sites, ranked)).toBeNull();
  });

  it('is the picked point for a point start', () => {
    expect(startPoint(state({ start: { kind: 'point', lngLat: [-71.1, 42.3] } }), sites, ranked)).toEqual([-71.1, 42.3]);
  });

  it('is the first (highest-priority) stop for a first-stop start, null without stops', () => {
    expect(startPoint(state({ start: { kind: 'first-stop' } }), sites, ranked)).toEqual([-71.08, 42.33]);
    expect(startPoint(state({ start: { kind: 'first-stop' } }), sites, [])).toBeNull();
  });
});

describe('planSetup', () => {
  const env = { sites: [site('kiosk-a', [-71.05, 42.36])], todayDay: TODAY };

  it('says why there is nothing to plan: no stops, or no start', () => {
    expect(planSetup(env, [], state({}))).toEqual({ error: 'no-stops' });
    expect(planSetup(env, [stop('a')], state({ start: { kind: 'site', siteId: 'gone' } }))).toEqual({ error: 'no-start' });
  });

  it('starts at the highest-priority stop for a first-stop start (an older one, or one near a park)', () => {
    const candidates = [stop('new', { openedDay: TODAY - 1, lngLat: [-71.01, 42.31] }), stop('old', { openedDay: TODAY - 6, lngLat: [-71.02, 42.32] }), stop('park', { openedDay: TODAY - 2, nearPark: true, lngLat: [-71.03, 42.33] })];
    const setup = planSetup(env, candidates, state({ start: { kind: 'first-stop' } }));
    if ('error' in setup) throw new Error(setup.error);
    // park: 2 + 7 days; old: 6; new: 1.
    expect(setup.start).toEqual([-71.03, 42.33]);
    expect(setup.input.stops.map((s) => s.id)).toEqual(['park', 'old', 'new']);
  });

  it(`considers at most ${MAX_CANDIDATES} stops by priority and says why the others were cut`, () => {
    const candidates = Array.from({ length: MAX_CANDIDATES + 5 }, (_, k) => stop(`s${k}`, { openedDay: TODAY - k }));
    const setup = planSetup(env, candidates, state({ start: { kind: 'point', lngLat: [-71.06, 42.35] } }));
    if ('error' in setup) throw new Error(setup.error);
    expect(setup.input.stops).toHaveLength(MAX_CANDIDATES);
    // The oldest (highest priority) are considered; the 5 newest cut, most important first.
    expect(setup.input.stops[0]!.id).toBe(`s${MAX_CANDIDATES + 4}`);
    expect(setup.cut.map((c) => c.id)).toEqual(['s4', 's3', 's2', 's1', 's0']);
    for (const c of setup.cut) expect(c.reason).toMatch(new RegExp(`${MAX_CANDIDATES} stops of higher priority`));
    // Every candidate is still known to the tab (to show the cut ones).
    expect(setup.stops.size).toBe(MAX_CANDIDATES + 5);
    expect(setup.start).toEqual([-71.06, 42.35]);
  });

  it('always considers the locked stops, even low-priority ones and more of them than the limit', () => {
    const candidates = Array.from({ length: MAX_CANDIDATES + 5 }, (_, k) => stop(`s${k}`, { openedDay: TODAY - k }));
    candidates[0] = { ...candidates[0]!, locked: true };
    const setup = planSetup(env, candidates, state({}));
    if ('error' in setup) throw new Error(setup.error);
    expect(setup.input.stops[0]).toMatchObject({ id: 's0', locked: true });
    expect(setup.cut.map((c) => c.id)).not.toContain('s0');
    expect(setup.cut).toHaveLength(5);

    const allLocked = candidates.map((c) => ({ ...c, locked: true }));
    const all = planSetup(env, allLocked, state({}));
    if ('error' in all) throw new Error(all.error);
    expect(all.input.stops).toHaveLength(MAX_CANDIDATES + 5);
    expect(all.cut).toEqual([]);
  });

  it('ranks stops by priority (locked first) as sweepPriority scores them', () => {
    const candidates = Array.from({ length: 12 }, (_, k) => stop(`s${k}`, { openedDay: TODAY - ((k * 7) % 12), nearPark: k % 3 === 0, locked: k === 11 }));
    const setup = planSetup(env, candidates, state({}));
    if ('error' in setup) throw new Error(setup.error);
    const ids = setup.input.stops.map((s) => s.id);
    expect(ids[0]).toBe('s11');
    const scores = ids.slice(1).map((id) => sweepPriority(candidates.find((c) => c.id === id)!, TODAY));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('takes the speed from the mode, and the end, stop minutes, shift and today from the state', () => {
    const walk = planSetup(env, [stop('a')], state({ mode: 'walk', end: 'start', minutesPerStop: 7, shiftMinutes: 300 }));
    const drive = planSetup(env, [stop('a')], state({ mode: 'drive', end: 'last-stop' }));
    if ('error' in walk || 'error' in drive) throw new Error('no plan');
    expect(walk.input).toMatchObject({ speedMetersPerMinute: WALKING_METERS_PER_MINUTE, end: 'start', minutesPerStop: 7, shiftMinutes: 300, today: TODAY });
    expect(drive.input).toMatchObject({ speedMetersPerMinute: DRIVING_METERS_PER_MINUTE, end: 'last-stop' });
    expect(WALKING_METERS_PER_MINUTE).not.toBe(DRIVING_METERS_PER_MINUTE);
  });

  it('sends the engine only the fields it reads', () => {
    const setup = planSetup(env, [stop('a', { locked: true, nearPark: true })], state({}));
    if ('error' in setup) throw new Error(setup.error);
    expect(setup.input.stops).toEqual([{ id: 'a', lngLat: [-71.07, 42.34], openedDay: TODAY - 1, nearPark: true, locked: true }]);
  });
});

describe('routeLine', () => {
  const graph = buildWalkGraph({ lng: [], lat: [], edgeFrom: [], edgeTo: [] });
  /** A network whose every route goes through a known midpoint (its leg's two ends averaged, then nudged north). */
  const mid = (a: LngLat, b: LngLat): LngLat => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + 0.001];
  const route = (from: LngLat, to: LngLat): WalkRoute => ({ distanceMeters: 1, walkMinutes: 1, path: [from, mid(from, to), to], approximate: false });
  const network: WalkNetwork = { graph, snap: () => undefined, route, routeMany: (from, targets) => targets.map((t) => route(from, t)) };
  const start: [number, number] = [-71.07, 42.34];
  const stops: [number, number][] = [
    [-71.06, 42.35],
    [-71.05, 42.33],
  ];

  it('goes from the start through each stop in order along the network, back to the start when asked', () => {
    expect(routeLine(network, start, stops, true)).toEqual([start, mid(start, stops[0]!), stops[0], mid(stops[0]!, stops[1]!), stops[1], mid(stops[1]!, start), start]);
  });

  it('ends at the last stop when not going back', () => {
    expect(routeLine(network, start, stops, false)).toEqual([start, mid(start, stops[0]!), stops[0], mid(stops[0]!, stops[1]!), stops[1]]);
  });

  it('draws straight legs without a network', () => {
    expect(routeLine(null, start, stops, true)).toEqual([start, stops[0], stops[1], start]);
  });

  it('still reaches each stop when a leg comes back with a one-point path', () => {
    const stub: WalkNetwork = { ...network, route: (from) => ({ distanceMeters: 0, walkMinutes: 0, path: [from], approximate: true }) };
    expect(routeLine(stub, start, stops, false)).toEqual([start, stops[0], stops[1]]);
  });
});

describe('exportRows', () => {
  const stops = new Map<string, StopInfo>([
    ['101', stop('101', { lngLat: [-71.0701, 42.3401], address: '12 Albany St', caseId: '101' })],
    ['h-1', stop('h-1', { lngLat: [-71.0702, 42.3402], address: null, label: 'Tremont St', caseId: null })],
    ['h-2', stop('h-2', { lngLat: [-71.0703, 42.3403], address: null, label: undefined, caseId: null })],
    ['cell:1:2', stop('cell:1:2', { kind: 'hotspot', lngLat: [-71.0704, 42.3404], address: null, label: undefined, caseId: null, count: 4 })],
  ]);
  const plan: SweepPlan = {
    stops: [
      { id: 'cell:1:2', order: 1, arriveMinute: 6, legMeters: 480, legStraightLine: false },
      { id: 'h-1', order: 2, arriveMinute: 14, legMeters: 240, legStraightLine: false },
      { id: '101', order: 3, arriveMinute: 22, legMeters: 240, legStraightLine: true },
      { id: 'h-2', order: 4, arriveMinute: 30, legMeters: 240, legStraightLine: false },
    ],
    leftOut: [],
    endLegMeters: 0,
    totalMeters: 1200,
    totalMinutes: 35,
    fitsShift: true,
    straightLine: true,
    priorityOf: new Map(),
  };

  it("gives the plan's stops in visiting order, named by order and address (else street, else kind), [lng, lat]", () => {
    expect(exportRows(plan, stops, 5)).toEqual([
      { name: '1. hotspot', lngLat: [-71.0704, 42.3404], caseId: null, address: null, arriveMinute: 6, legMeters: 480, minutes: 5 },
      { name: '2. Tremont St', lngLat: [-71.0702, 42.3402], caseId: null, address: 'Tremont St', arriveMinute: 14, legMeters: 240, minutes: 5 },
      { name: '3. 12 Albany St', lngLat: [-71.0701, 42.3401], caseId: '101', address: '12 Albany St', arriveMinute: 22, legMeters: 240, minutes: 5 },
      { name: '4. request', lngLat: [-71.0703, 42.3403], caseId: null, address: null, arriveMinute: 30, legMeters: 240, minutes: 5 },
    ]);
  });
});
