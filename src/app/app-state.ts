// App state as a reducer built from small exported pure updaters (kepler.gl style); each is unit-tested.
import type { NeedleStatus } from '../domain/needle-request';
import type { SiteKind } from '../domain/site';
import { LAYER_IDS, type LayerId, type MapView, type PanelTab, type UrlState } from './url-state';
import { NEEDLE_STATUSES } from '../domain/needle-request';
import { SITE_KINDS } from '../domain/site';

export type AppState = UrlState & {
  /** Row index of the selected 311 request in the needle table (transient, not shared in the URL). */
  needleIndex: number | null;
  /** Id of the selected outreach zone (transient). */
  zoneId: string | null;
};

export type AppAction =
  | { type: 'set-view'; view: MapView }
  | { type: 'toggle-layer'; layer: LayerId }
  | { type: 'toggle-kind'; kind: SiteKind }
  | { type: 'set-needle-range'; from: string | null; to: string | null }
  | { type: 'toggle-status'; status: NeedleStatus }
  | { type: 'select-site'; siteId: string }
  | { type: 'select-needle'; index: number }
  | { type: 'select-zone'; zoneId: string }
  | { type: 'close-details' }
  | { type: 'set-tab'; tab: PanelTab }
  | { type: 'replace-url-state'; urlState: UrlState };

export function initialAppState(urlState: UrlState): AppState {
  return { ...urlState, needleIndex: null, zoneId: null };
}

/** Toggles membership of `item`, keeping the canonical order of `all`. */
function toggleIn<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const has = list.includes(item);
  return all.filter((x) => (x === item ? !has : list.includes(x)));
}

export const setView = (s: AppState, view: MapView): AppState => ({ ...s, view });
export const toggleLayer = (s: AppState, layer: LayerId): AppState => ({ ...s, layers: toggleIn(s.layers, layer, LAYER_IDS) });
export const toggleKind = (s: AppState, kind: SiteKind): AppState => ({ ...s, kinds: toggleIn(s.kinds, kind, SITE_KINDS) });
export const toggleStatus = (s: AppState, status: NeedleStatus): AppState => ({
  ...s,
  statuses: toggleIn(s.statuses, status, NEEDLE_STATUSES),
});

/** Sets the 311 date window; an inverted range is swapped rather than rejected. */
export function setNeedleRange(s: AppState, from: string | null, to: string | null): AppState {
  if (from !== null && to !== null && from > to) return { ...s, needleFrom: to, needleTo: from };
  return { ...s, needleFrom: from, needleTo: to };
}

/** One detail panel at a time: selecting a site, a request or a zone clears the other two. */
export const selectSite = (s: AppState, siteId: string): AppState => ({ ...s, siteId, needleIndex: null, zoneId: null });
export const selectNeedle = (s: AppState, index: number): AppState => ({ ...s, needleIndex: index, siteId: null, zoneId: null });
export const selectZone = (s: AppState, zoneId: string): AppState => ({ ...s, zoneId, siteId: null, needleIndex: null });
export const closeDetails = (s: AppState): AppState => ({ ...s, siteId: null, needleIndex: null, zoneId: null });
export const setTab = (s: AppState, tab: PanelTab): AppState => ({ ...s, tab });

export function appReducer(s: AppState, a: AppAction): AppState {
  switch (a.type) {
    case 'set-view':
      return setView(s, a.view);
    case 'toggle-layer':
      return toggleLayer(s, a.layer);
    case 'toggle-kind':
      return toggleKind(s, a.kind);
    case 'set-needle-range':
      return setNeedleRange(s, a.from, a.to);
    case 'toggle-status':
      return toggleStatus(s, a.status);
    case 'select-site':
      return selectSite(s, a.siteId);
    case 'select-needle':
      return selectNeedle(s, a.index);
    case 'select-zone':
      return selectZone(s, a.zoneId);
    case 'close-details':
      return closeDetails(s);
    case 'set-tab':
      return setTab(s, a.tab);
    case 'replace-url-state':
      return { ...a.urlState, needleIndex: s.needleIndex, zoneId: s.zoneId };
  }
}
