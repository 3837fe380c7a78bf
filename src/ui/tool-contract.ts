// What a tool gets from the app shell and what it gives back: its state slice (with URL read/write) and its panel props.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { LngLat } from '../domain/geometry';
import type { OverlaySpec } from '../map/overlay';

/**
 * A tool's own state and how it is shared in the URL. `fromUrl` reads only the tool's `urlKeys` and falls back to
 * defaults part by part (never throws); `toUrl` writes only the parts that differ from `initial`.
 */
export type ToolSlice<S> = {
  initial: S;
  urlKeys: readonly string[];
  fromUrl: (params: URLSearchParams, current: S) => S;
  toUrl: (state: S) => [key: string, value: string][];
};

/** One rendered feature under a click, from an interactive overlay layer. */
export type MapFeatureHit = { layerId: string; properties: Record<string, unknown> };

/**
 * A click on the map: where, the interactive features under it (topmost first), and how: a tap/click, or a
 * long-press/right-click ('long-press', the browser's context-menu gesture) that means "here", whatever is under it.
 */
export type MapClick = { lngLat: LngLat; features: MapFeatureHit[]; gesture: 'tap' | 'long-press' };

/** Handles map clicks while a tool owns the map (drawing a zone, placing a sweep start...). */
export type MapClickHandler = (click: MapClick) => void;

/** A tool's drawing kept on the map after its panel closes, and how the Layers legend names it. */
export type KeptOverlay = { overlays: readonly OverlaySpec[]; label: string; detail: string };

/** Services of the shell every tool may use. */
export type ShellApi = {
  /**
   * Takes the map's clicks for this tool (`handler`), or gives them back to the shell (null). While a tool owns the
   * map, a click selects nothing else.
   */
  claimMap: (handler: MapClickHandler | null) => void;
  /**
   * What this tool draws on the map (a search point, a route...), as overlay descriptions from builders in
   * src/map/layers/ (their layer ids must be in map/layer-order.ts). Drawn above the shell's overlays while the tool's
   * panel is open; an empty list (or leaving the tab) removes them.
   */
  setOverlays: (overlays: readonly OverlaySpec[]) => void;
  /**
   * What this tool leaves on the map when its panel closes (the planned sharps sweep), with the line the Layers legend
   * shows for it and where the user can hide it; null takes it away. Drawn only while another tab is open (the tool's
   * own panel draws its overlays itself).
   */
  keepOnMap: (kept: KeptOverlay | null) => void;
  selectSite: (siteId: string) => void;
};

/** Props of every tool panel: the live map, the tool's own slice and its updater, and the shell. */
export type ToolPanelProps<S, Extra = object> = {
  map: MaplibreMap | null;
  state: S;
  update: (updater: (state: S) => S) => void;
  shell: ShellApi;
} & Extra;
