// What a user would share lives in location.hash; parse falls back to defaults on anything malformed, never throws.
import { DEFAULT_CENTER, DEFAULT_ZOOM, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../config/city';
import type { LngLat } from '../domain/geometry';
import { NEEDLE_STATUSES, type NeedleStatus } from '../domain/needle-request';
import { SITE_KINDS, type SiteKind } from '../domain/site';

export const LAYER_IDS = ['disposal', 'services', 'needles', 'zones'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const PANEL_TABS = ['layers', 'zones'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export type MapView = { center: LngLat; zoom: number };

/** The shareable part of the app state. `from`/`to` null means "the default window of the data". */
export type UrlState = {
  view: MapView;
  layers: LayerId[];
  kinds: SiteKind[];
  needleFrom: string | null;
  needleTo: string | null;
  statuses: NeedleStatus[];
  siteId: string | null;
  tab: PanelTab;
};

export const DEFAULT_URL_STATE: UrlState = {
  view: { center: DEFAULT_CENTER, zoom: DEFAULT_ZOOM },
  layers: [...LAYER_IDS],
  kinds: [...SITE_KINDS],
  needleFrom: null,
  needleTo: null,
  statuses: [...NEEDLE_STATUSES],
  siteId: null,
  tab: 'layers',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function parseView(value: string | null): MapView | null {
  if (value === null) return null;
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  const [[west, south], [east, north]] = MAX_BOUNDS;
  if (lng < west || lng > east || lat < south || lat > north) return null;
  return { center: [lng, lat], zoom };
}

/** Parses a comma list keeping only allowed values, in canonical order; null when absent or nothing valid. */
function parseList<T extends string>(value: string | null, allowed: readonly T[]): T[] | null {
  if (value === null) return null;
  if (value === '') return [];
  const items = new Set(value.split(','));
  const kept = allowed.filter((a) => items.has(a));
  return kept.length > 0 ? kept : null;
}

/**
 * Parses a location hash ("#map=12.20/42.3323/-71.0712&layers=..."). Each malformed or missing part falls back
 * to its default on its own, so one bad parameter does not discard the rest.
 */
export function parseUrlState(hash: string): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return DEFAULT_URL_STATE;
  }
  const from = params.get('from');
  const to = params.get('to');
  let needleFrom = from !== null && isRealDate(from) ? from : null;
  let needleTo = to !== null && isRealDate(to) ? to : null;
  if (needleFrom !== null && needleTo !== null && needleFrom > needleTo) {
    needleFrom = null;
    needleTo = null;
  }
  const site = params.get('site');
  const tab = params.get('tab');
  return {
    view: parseView(params.get('map')) ?? DEFAULT_URL_STATE.view,
    layers: parseList(params.get('layers'), LAYER_IDS) ?? DEFAULT_URL_STATE.layers,
    kinds: parseList(params.get('kinds'), SITE_KINDS) ?? DEFAULT_URL_STATE.kinds,
    needleFrom,
    needleTo,
    statuses: parseList(params.get('status'), NEEDLE_STATUSES) ?? DEFAULT_URL_STATE.statuses,
    siteId: site !== null && /^[a-z0-9-]{1,80}$/.test(site) ? site : null,
    tab: tab !== null && (PANEL_TABS as readonly string[]).includes(tab) ? (tab as PanelTab) : 'layers',
  };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Serialises the state to a hash; parts equal to their default are left out to keep links short. */
export function serializeUrlState(state: UrlState): string {
  const { view } = state;
  const parts: string[] = [
    `map=${view.zoom.toFixed(2)}/${view.center[1].toFixed(5)}/${view.center[0].toFixed(5)}`,
  ];
  if (!sameList(state.layers, DEFAULT_URL_STATE.layers)) parts.push(`layers=${state.layers.join(',')}`);
  if (!sameList(state.kinds, DEFAULT_URL_STATE.kinds)) parts.push(`kinds=${state.kinds.join(',')}`);
  if (state.needleFrom !== null) parts.push(`from=${state.needleFrom}`);
  if (state.needleTo !== null) parts.push(`to=${state.needleTo}`);
  if (!sameList(state.statuses, DEFAULT_URL_STATE.statuses)) parts.push(`status=${state.statuses.join(',')}`);
  if (state.siteId !== null) parts.push(`site=${state.siteId}`);
  if (state.tab !== 'layers') parts.push(`tab=${state.tab}`);
  return `#${parts.join('&')}`;
}
