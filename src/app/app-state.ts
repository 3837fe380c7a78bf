// App state as a reducer built from small exported pure updaters (kepler.gl style); each is unit-tested.
// The shell keeps the view, the tab and what is selected; each tool's state is its own slice (src/tools/<id>/).
import type { MapViewState } from '../domain/view';
import { toolById, type ToolId, type ToolStates } from './tool-registry';
import type { UrlState } from './url-state';

export type AppState = UrlState & {
  /** Id of the selected outreach zone (transient: zones live in this browser only). */
  zoneId: string | null;
};

export type AppAction =
  | { type: 'set-view'; view: MapViewState }
  | { type: 'select-site'; siteId: string }
  | { type: 'select-request'; requestId: string }
  | { type: 'select-zone'; zoneId: string }
  | { type: 'close-details' }
  | { type: 'set-tab'; tab: ToolId }
  | { type: 'update-tool'; tool: string; updater: (state: unknown) => unknown }
  | { type: 'replace-url-state'; urlState: UrlState };

export function initialAppState(urlState: UrlState): AppState {
  return { ...urlState, zoneId: null };
}

export const setView = (s: AppState, view: MapViewState): AppState => ({ ...s, view });

/** One detail panel at a time: selecting a site, a request or a zone clears the other two. */
export const selectSite = (s: AppState, siteId: string): AppState => ({ ...s, siteId, requestId: null, zoneId: null });
export const selectRequest = (s: AppState, requestId: string): AppState => ({ ...s, requestId, siteId: null, zoneId: null });
export const selectZone = (s: AppState, zoneId: string): AppState => ({ ...s, zoneId, siteId: null, requestId: null });
export const closeDetails = (s: AppState): AppState => ({ ...s, siteId: null, requestId: null, zoneId: null });
export const setTab = (s: AppState, tab: ToolId): AppState => ({ ...s, tab });

/** Applies a tool's own updater to its slice; an updater that returns the same state leaves the app state as it was. */
export function updateTool(s: AppState, tool: string, updater: (state: unknown) => unknown): AppState {
  const entry = toolById(tool);
  if (!entry) return s;
  const before = entry.stateOf(s.tools);
  const after = updater(before);
  if (after === before) return s;
  const tools: ToolStates = { ...s.tools, [tool]: after };
  return { ...s, tools };
}

/** The URL changed under the app (back button, edited hash): take its shared state, keep what is transient. */
export const replaceUrlState = (s: AppState, urlState: UrlState): AppState => ({ ...urlState, zoneId: s.zoneId });

export function appReducer(s: AppState, a: AppAction): AppState {
  switch (a.type) {
    case 'set-view':
      return setView(s, a.view);
    case 'select-site':
      return selectSite(s, a.siteId);
    case 'select-request':
      return selectRequest(s, a.requestId);
    case 'select-zone':
      return selectZone(s, a.zoneId);
    case 'close-details':
      return closeDetails(s);
    case 'set-tab':
      return setTab(s, a.tab);
    case 'update-tool':
      return updateTool(s, a.tool, a.updater);
    case 'replace-url-state':
      return replaceUrlState(s, a.urlState);
  }
}
