// The Sweeps tool's slice: the time window and filters of the 311 requests, the density cell size, and the sweep plan's
// settings (area, start, end, speed, minutes per stop, shift, removed/locked stops and a hand-made order), all in the
// URL so a plan can be shared.
import { SERVICE_AREA_BBOX } from '../../config/city';
import { isRealIsoDate } from '../../domain/calendar-day';
import { insideBbox } from '../../domain/geometry';
import type { ToolSlice } from '../../ui/tool-contract';

/** Time presets: the last 30 days of the data (the default: the published file ends before today), today, the last 7/30/90 days, this year, custom. */
export const SWEEP_PRESETS = ['latest', 'today', '7d', '30d', '90d', 'year', 'custom'] as const;
export type SweepPreset = (typeof SWEEP_PRESETS)[number];
export const SWEEP_STATUSES = ['all', 'open', 'closed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];
export const SWEEP_MODES = ['walk', 'drive'] as const;
export type SweepMode = (typeof SWEEP_MODES)[number];
/** Density / hotspot cell sizes offered, metres. */
export const CELL_SIZES_METERS = [100, 200, 400, 800] as const;

/** Which requests become stops: all that pass the filters, those in the map's current view, or those in an outreach zone. */
export type SweepArea =
  | { kind: 'all' }
  | { kind: 'view'; bbox: [w: number, s: number, e: number, n: number] }
  | { kind: 'zone'; zoneId: string }
  /** A polygon drawn on the map: its outer ring, [lng, lat], closed (first = last). */
  | { kind: 'polygon'; ring: [number, number][] };
/** Most corners a drawn area keeps in the URL. */
export const MAX_AREA_CORNERS = 60;
/** Where the sweep starts: a site of the list, a point on the map, or the first stop. */
export type SweepStart = { kind: 'site'; siteId: string } | { kind: 'point'; lngLat: [number, number] } | { kind: 'first-stop' };

export type SweepsState = {
  preset: SweepPreset;
  /** Custom window, ISO dates (inclusive); used when preset is 'custom'. */
  from: string | null;
  to: string | null;
  status: SweepStatus;
  neighborhood: string | null;
  ward: string | null;
  source: string | null;
  cellMeters: number;
  /** What the map colours: square cells of cellMeters, or neighbourhoods by count (a choropleth). */
  mapView: 'cells' | 'neighborhoods';
  area: SweepArea;
  start: SweepStart;
  /** Back at the start, or done at the last stop. */
  end: 'start' | 'last-stop';
  mode: SweepMode;
  minutesPerStop: number;
  shiftMinutes: number;
  /** Shift start, "HH:MM" (Boston time). */
  shiftStart: string;
  /** How many of the top hotspot cells to add as sweep stops (0: none). */
  hotspotStops: number;
  /** Stops added by hand on the map, [lng, lat]. */
  added: readonly [number, number][];
  /** Stop ids taken out of the plan, and those kept whatever the shift length. */
  removed: readonly string[];
  locked: readonly string[];
  /** A hand-made visiting order (stop ids), or null for the optimised one. */
  order: readonly string[] | null;
  /** A plan was asked for (a shared link opens with it drawn). */
  planned: boolean;
};

export const SWEEPS_INITIAL: SweepsState = {
  preset: 'latest',
  from: null,
  to: null,
  status: 'all',
  neighborhood: null,
  ward: null,
  source: null,
  cellMeters: 200,
  mapView: 'cells',
  area: { kind: 'all' },
  start: { kind: 'first-stop' },
  end: 'start',
  mode: 'walk',
  minutesPerStop: 5,
  shiftMinutes: 240,
  shiftStart: '08:00',
  hotspotStops: 0,
  added: [],
  removed: [],
  locked: [],
  order: null,
  planned: false,
};

const TEXT_PATTERN = /^[\p{L}\p{N} .,'&()/-]{1,80}$/u;
const ID_PATTERN = /^[\w.:-]{1,64}$/;
const oneOf = <T extends string>(values: readonly T[], v: string | null, fallback: T): T => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback);
const text = (v: string | null): string | null => (v !== null && TEXT_PATTERN.test(v) ? v : null);
const isoDate = (v: string | null): string | null => (v !== null && isRealIsoDate(v) ? v : null);
function intIn(v: string | null, min: number, max: number, fallback: number): number {
  if (v === null || !/^\d{1,5}$/.test(v)) return fallback;
  const n = Number(v);
  return n >= min && n <= max ? n : fallback;
}
function ids(v: string | null): string[] {
  if (v === null || v === '') return [];
  return [...new Set(v.split('~').filter((id) => ID_PATTERN.test(id)))].slice(0, 500);
}
/** `lat,lng` (as people write it) inside the service area, as [lng, lat]. */
function latLng(v: string): [number, number] | null {
  const parts = v.split(',').map(Number);
  if (parts.length !== 2 || parts.some((x) => !Number.isFinite(x))) return null;
  const [lat, lng] = parts as [number, number];
  return insideBbox(lng, lat, SERVICE_AREA_BBOX) ? [lng, lat] : null;
}
const fmt = (x: number) => Number(x.toFixed(5)).toString();
/** Hand-added stops: `lat,lng~lat,lng…` inside the service area, at most 100. */
function points(v: string | null): [number, number][] {
  if (v === null || v === '') return [];
  return v
    .split('~')
    .map(latLng)
    .filter((p): p is [number, number] => p !== null)
    .slice(0, 100);
}
/** The id of a hand-added stop (stable: its place). */
export const addedStopId = (p: readonly [number, number]): string => `pt:${fmt(p[1])}_${fmt(p[0])}`;

export function parseArea(v: string | null): SweepArea {
  if (v === null) return SWEEPS_INITIAL.area;
  if (v.startsWith('poly:')) {
    const corners = v.slice(5).split('~').map(latLng);
    if (corners.length >= 3 && corners.length <= MAX_AREA_CORNERS && corners.every((c) => c !== null)) {
      const ring = corners as [number, number][];
      return { kind: 'polygon', ring: [...ring, ring[0]!] };
    }
    return SWEEPS_INITIAL.area;
  }
  if (v.startsWith('zone:') && ID_PATTERN.test(v.slice(5))) return { kind: 'zone', zoneId: v.slice(5) };
  if (v.startsWith('box:')) {
    const b = v.slice(4).split(',').map(Number);
    if (b.length === 4 && b.every(Number.isFinite)) {
      const [w, s, e, n] = b as [number, number, number, number];
      if (w < e && s < n && insideBbox(w, s, SERVICE_AREA_BBOX) && insideBbox(e, n, SERVICE_AREA_BBOX)) return { kind: 'view', bbox: [w, s, e, n] };
    }
  }
  return SWEEPS_INITIAL.area;
}
export function formatArea(a: SweepArea): string | null {
  if (a.kind === 'zone') return `zone:${a.zoneId}`;
  if (a.kind === 'polygon') return `poly:${a.ring.slice(0, -1).map((p) => `${fmt(p[1])},${fmt(p[0])}`).join('~')}`;
  if (a.kind === 'view') return `box:${a.bbox.map(fmt).join(',')}`;
  return null;
}
export function parseStart(v: string | null): SweepStart {
  if (v === null) return SWEEPS_INITIAL.start;
  if (v.startsWith('site:') && ID_PATTERN.test(v.slice(5))) return { kind: 'site', siteId: v.slice(5) };
  if (v.startsWith('pt:')) {
    const p = latLng(v.slice(3));
    if (p) return { kind: 'point', lngLat: p };
  }
  return SWEEPS_INITIAL.start;
}
export function formatStart(s: SweepStart): string | null {
  if (s.kind === 'site') return `site:${s.siteId}`;
  if (s.kind === 'point') return `pt:${fmt(s.lngLat[1])},${fmt(s.lngLat[0])}`;
  return null;
}

export const sweepsSlice: ToolSlice<SweepsState> = {
  initial: SWEEPS_INITIAL,
  urlKeys: ['sp', 'sfrom', 'sto', 'sst', 'shood', 'sward', 'ssrc', 'cell', 'smap', 'sarea', 'sstart', 'send', 'smode', 'sper', 'sshift', 'sat', 'shot', 'sadd', 'sx', 'slock', 'sord', 'splan'],
  fromUrl: (p) => {
    const order = ids(p.get('sord'));
    const at = p.get('sat');
    return {
      preset: oneOf(SWEEP_PRESETS, p.get('sp'), SWEEPS_INITIAL.preset),
      from: isoDate(p.get('sfrom')),
      to: isoDate(p.get('sto')),
      status: oneOf(SWEEP_STATUSES, p.get('sst'), SWEEPS_INITIAL.status),
      neighborhood: text(p.get('shood')),
      ward: text(p.get('sward')),
      source: text(p.get('ssrc')),
      cellMeters: intIn(p.get('cell'), 50, 2000, SWEEPS_INITIAL.cellMeters),
      mapView: p.get('smap') === 'hoods' ? 'neighborhoods' : 'cells',
      area: parseArea(p.get('sarea')),
      start: parseStart(p.get('sstart')),
      end: p.get('send') === 'last' ? 'last-stop' : 'start',
      mode: oneOf(SWEEP_MODES, p.get('smode'), SWEEPS_INITIAL.mode),
      minutesPerStop: intIn(p.get('sper'), 0, 120, SWEEPS_INITIAL.minutesPerStop),
      shiftMinutes: intIn(p.get('sshift'), 15, 24 * 60, SWEEPS_INITIAL.shiftMinutes),
      shiftStart: at !== null && /^([01]\d|2[0-3]):[0-5]\d$/.test(at) ? at : SWEEPS_INITIAL.shiftStart,
      hotspotStops: intIn(p.get('shot'), 0, 20, SWEEPS_INITIAL.hotspotStops),
      added: points(p.get('sadd')),
      removed: ids(p.get('sx')),
      locked: ids(p.get('slock')),
      order: order.length > 0 ? order : null,
      planned: p.get('splan') === '1',
    };
  },
  toUrl: (s) => {
    const out: [string, string][] = [];
    const I = SWEEPS_INITIAL;
    if (s.preset !== I.preset) out.push(['sp', s.preset]);
    if (s.preset === 'custom' && s.from) out.push(['sfrom', s.from]);
    if (s.preset === 'custom' && s.to) out.push(['sto', s.to]);
    if (s.status !== I.status) out.push(['sst', s.status]);
    if (s.neighborhood) out.push(['shood', s.neighborhood]);
    if (s.ward) out.push(['sward', s.ward]);
    if (s.source) out.push(['ssrc', s.source]);
    if (s.cellMeters !== I.cellMeters) out.push(['cell', String(s.cellMeters)]);
    if (s.mapView !== I.mapView) out.push(['smap', 'hoods']);
    const area = formatArea(s.area);
    if (area) out.push(['sarea', area]);
    const start = formatStart(s.start);
    if (start) out.push(['sstart', start]);
    if (s.end !== I.end) out.push(['send', 'last']);
    if (s.mode !== I.mode) out.push(['smode', s.mode]);
    if (s.minutesPerStop !== I.minutesPerStop) out.push(['sper', String(s.minutesPerStop)]);
    if (s.shiftMinutes !== I.shiftMinutes) out.push(['sshift', String(s.shiftMinutes)]);
    if (s.shiftStart !== I.shiftStart) out.push(['sat', s.shiftStart]);
    if (s.hotspotStops !== I.hotspotStops) out.push(['shot', String(s.hotspotStops)]);
    if (s.added.length > 0) out.push(['sadd', s.added.map((a) => `${fmt(a[1])},${fmt(a[0])}`).join('~')]);
    if (s.removed.length > 0) out.push(['sx', s.removed.join('~')]);
    if (s.locked.length > 0) out.push(['slock', s.locked.join('~')]);
    if (s.order && s.order.length > 0) out.push(['sord', s.order.join('~')]);
    if (s.planned) out.push(['splan', '1']);
    return out;
  },
};

/** A change of what the plan is made of: the hand-made order no longer applies. */
export const withPlanInput = (s: SweepsState, patch: Partial<SweepsState>): SweepsState => ({ ...s, ...patch, order: null });
