// What a user would share lives in location.hash: the shell's part (view, selected site, tab) and each tool's slice.
// Parsing falls back to defaults part by part on anything malformed and never throws.
import { DEFAULT_CENTER, DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM, SERVICE_AREA_BBOX } from '../config/city';
import { insideBbox } from '../domain/geometry';
import { NEEDLE_ID_PATTERN } from '../domain/needle-request';
import { SITE_ID_PATTERN } from '../domain/site';
import type { MapViewState } from '../domain/view';
import { DEFAULT_TOOL, initialToolStates, isToolId, TOOLS, type ToolId, type ToolStates } from './tool-registry';

/** The shareable part of the app state. */
export type UrlState = {
  view: MapViewState;
  siteId: string | null;
  /** The selected 311 request, by its stable id (shared, so a sweep lead can send one report). */
  requestId: string | null;
  tab: ToolId;
  /** Each tool's slice, by tool id (only the parts in its URL keys are shared). */
  tools: ToolStates;
};

/** URL keys of the shell; a tool may not use them. */
export const SHELL_URL_KEYS = ['map', 'site', 'req', 'tab'] as const;

export const DEFAULT_VIEW: MapViewState = { center: DEFAULT_CENTER, zoom: DEFAULT_ZOOM };

export function defaultUrlState(): UrlState {
  return { view: DEFAULT_VIEW, siteId: null, requestId: null, tab: DEFAULT_TOOL, tools: initialToolStates() };
}

/** Parses `zoom/lat/lng` within the map's zoom range and bounds; null when anything is off. */
export function parseView(value: string | null): MapViewState | null {
  if (value === null) return null;
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  if (!insideBbox(lng, lat, SERVICE_AREA_BBOX)) return null;
  return { center: [lng, lat], zoom };
}

/**
 * Parses a location hash ("#map=12.20/42.3323/-71.0712&layers=..."). Each malformed or missing part falls back to its
 * default on its own, so one bad parameter does not discard the rest. `current` is the tools' state before the
 * change (a tool that shares nothing by URL keeps its own).
 */
export function parseUrlState(hash: string, current: ToolStates = initialToolStates()): UrlState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return defaultUrlState();
  }
  const site = params.get('site');
  const req = params.get('req');
  const tab = params.get('tab');
  return {
    view: parseView(params.get('map')) ?? DEFAULT_VIEW,
    siteId: site !== null && SITE_ID_PATTERN.test(site) ? site : null,
    // One detail panel at a time: a site wins over a request.
    requestId: site === null && req !== null && NEEDLE_ID_PATTERN.test(req) ? req : null,
    tab: tab !== null && isToolId(tab) ? tab : DEFAULT_TOOL,
    tools: Object.fromEntries(TOOLS.map((t) => [t.id, t.slice.fromUrl(params, current[t.id] ?? t.slice.initial)])),
  };
}

/** Serialises the state to a hash; parts equal to their default are left out to keep links short. */
export function serializeUrlState(state: UrlState): string {
  const { view } = state;
  const parts: string[] = [`map=${view.zoom.toFixed(2)}/${view.center[1].toFixed(5)}/${view.center[0].toFixed(5)}`];
  for (const t of TOOLS) {
    for (const [key, value] of t.slice.toUrl(state.tools[t.id] ?? t.slice.initial)) parts.push(`${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`);
  }
  if (state.siteId !== null) parts.push(`site=${state.siteId}`);
  if (state.requestId !== null) parts.push(`req=${state.requestId}`);
  if (state.tab !== DEFAULT_TOOL) parts.push(`tab=${state.tab}`);
  return `#${parts.join('&')}`;
}
