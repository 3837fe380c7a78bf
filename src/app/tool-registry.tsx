// The one list of tools: from it come the tab bar, the `tab` URL values, each tool's URL keys and state slice, and the
// i18n label keys (tools.<id>.label). Adding a tool is a folder under src/tools/ plus one entry here.
import { lazy, type ComponentType, type ReactNode } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { ShellApi, ToolPanelProps, ToolSlice } from '../ui/tool-contract';
import { LayersPanel, type LayersPanelExtra } from '../tools/layers/layers-panel';
import { layersSlice, type LayersState } from '../tools/layers/layers-state';
import type { ZonesApi } from '../tools/zones/use-zones';
import { zonesSlice } from '../tools/zones/zones-state';
import type { FindPanelExtra } from '../tools/find/find-tool-panel';
import { findSlice } from '../tools/find/find-state';
import type { ManagePanelExtra } from '../tools/manage/manage-tool-panel';
import { manageSlice } from '../tools/manage/manage-state';
import type { SiteCollection } from '../domain/site';
import type { SitesApi } from '../ui/sites-api';
import type { NeedlesApi } from '../ui/needles-api';
import { needleTableFromRequests, type NeedleTable } from '../datasets/needle-table';
import type { SweepsPanelExtra } from '../tools/sweeps/sweeps-tool-panel';
import { sweepsSlice } from '../tools/sweeps/sweeps-state';
import type { CoveragePanelExtra } from '../tools/coverage/coverage-tool-panel';
import { coverageSlice } from '../tools/coverage/coverage-state';
import type { AppData } from './use-app-data';
import { addToolStrings } from './i18n/i18n';

/** What the app hands to the registry so each tool's panel gets the extra props it declares. */
export type ToolEnv = {
  map: maplibregl.Map | null;
  /** The app's base URL; generated data lives under its data/ folder. */
  baseUrl: string;
  /** The app's data (loaded once for the map; tools use it rather than fetching it again). */
  data: AppData;
  /** The shell as one tool sees it (its overlays are its own). */
  shellFor: (toolId: string) => ShellApi;
  zonesApi: ZonesApi;
  /** The site list with local edits applied (what the map shows); null while loading or when it failed. */
  sites: SiteCollection | null;
  sitesApi: SitesApi;
  /** The 311 requests with the user's imports merged in (null while loading or when the file failed). */
  needles: NeedleTable | null;
  needlesApi: NeedlesApi;
  layers: LayersPanelExtra;
};

/** A tool with its state type erased, so tools of different state types fit one list. */
export type ToolEntry<Id extends string = string, S = unknown> = {
  id: Id;
  /** i18n key of the tab label. */
  labelKey: `tools.${Id}.label`;
  /** The slice with its state type erased (each tool's own code only ever sees its own state). */
  slice: ToolSlice<unknown>;
  /** The tool's state out of the app's per-tool record. */
  stateOf: (states: ToolStates) => S;
  /** The tool draws the 311 requests its own way (its window, its cells): the shell's 311 layer steps aside while it is open. */
  drawsNeedles: boolean;
  /** The tool's panel; `dispatchTool` applies an updater to the slice of the tool named (this one). */
  renderPanel: (env: ToolEnv, state: unknown, dispatchTool: DispatchTool) => ReactNode;
};

export type DispatchTool = (tool: string, updater: (state: unknown) => unknown) => void;

/** Each tool's state, by tool id. */
export type ToolStates = Readonly<Record<string, unknown>>;

function defineTool<const Id extends string, S, Extra>(tool: {
  id: Id;
  slice: ToolSlice<S>;
  Panel: ComponentType<ToolPanelProps<S, Extra>>;
  extra: (env: ToolEnv) => Extra;
  drawsNeedles?: boolean;
}): ToolEntry<Id, S> {
  const { id, slice, Panel, extra } = tool;
  // The only casts of the registry: a tool's entry in ToolStates is only ever written by its own slice and updaters.
  const own = (state: unknown) => state as S;
  return {
    id,
    labelKey: `tools.${id}.label`,
    drawsNeedles: tool.drawsNeedles ?? false,
    slice: {
      initial: slice.initial,
      urlKeys: slice.urlKeys,
      fromUrl: (params, current) => slice.fromUrl(params, own(current)),
      toUrl: (state) => slice.toUrl(own(state)),
    },
    stateOf: (states) => own(states[id] ?? slice.initial),
    renderPanel: (env, state, dispatchTool) => (
      <Panel map={env.map} shell={env.shellFor(id)} state={own(state)} update={(f) => dispatchTool(id, (s) => f(own(s)))} {...extra(env)} />
    ),
  };
}

export const layersTool = defineTool({
  id: 'layers',
  slice: layersSlice,
  Panel: LayersPanel,
  extra: (env): Omit<ToolPanelProps<LayersState, LayersPanelExtra>, keyof ToolPanelProps<LayersState>> => env.layers,
});

/** An empty 311 table, for Sweeps when the published file failed to load. */
const NO_NEEDLES = needleTableFromRequests([]);

/** One empty list, so a failed sites file does not rebuild Find's geocoder on every render. */
const NO_SITES: readonly never[] = [];

export const findTool = defineTool({
  id: 'find',
  slice: findSlice,
  Panel: lazy(() => import('../tools/find/find-tool-panel').then((m) => ({ default: m.FindToolPanel }))),
  extra: (env): FindPanelExtra => ({
    baseUrl: env.baseUrl,
    // A failed sites file is reported by the app; Find then has no places and says so.
    sites: env.data.loaded ? (env.sites?.features ?? NO_SITES) : null,
    phones: env.data.phoneServices,
  }),
});

export const zonesTool = defineTool({
  id: 'zones',
  slice: zonesSlice,
  Panel: lazy(() => import('../tools/zones/zones-tool-panel').then((m) => ({ default: m.ZonesToolPanel }))),
  extra: (env): { zonesApi: ZonesApi } => ({ zonesApi: env.zonesApi }),
});

export const manageTool = defineTool({
  id: 'manage',
  slice: manageSlice,
  Panel: lazy(() => import('../tools/manage/manage-tool-panel').then((m) => ({ default: m.ManageToolPanel }))),
  extra: (env): ManagePanelExtra => ({ sitesApi: env.sitesApi, baseUrl: env.baseUrl }),
});

export const sweepsTool = defineTool({
  id: 'sweeps',
  drawsNeedles: true,
  slice: sweepsSlice,
  // Its strings load with the panel, not on the first screen.
  Panel: lazy(() => Promise.all([import('../tools/sweeps/sweeps-tool-panel'), addToolStrings('sweeps')]).then(([m]) => ({ default: m.SweepsToolPanel }))),
  extra: (env): SweepsPanelExtra => ({
    baseUrl: env.baseUrl,
    // When the published file failed, imports still work (over an empty table).
    needles: env.needles ?? (env.data.loaded ? NO_NEEDLES : null),
    needlesApi: env.needlesApi,
    sites: env.sites?.features ?? NO_SITES,
    zones: env.zonesApi.zones.features,
  }),
});

export const coverageTool = defineTool({
  id: 'coverage',
  drawsNeedles: true,
  slice: coverageSlice,
  // Coverage shows the Sweeps chart's "as a table" label too.
  Panel: lazy(() => Promise.all([import('../tools/coverage/coverage-tool-panel'), addToolStrings('coverage'), addToolStrings('sweeps')]).then(([m]) => ({ default: m.CoverageToolPanel }))),
  extra: (env): CoveragePanelExtra => ({
    baseUrl: env.baseUrl,
    needles: env.needles ?? (env.data.loaded ? NO_NEEDLES : null),
    sites: env.sites?.features ?? NO_SITES,
  }),
});

/** Every tool, in tab order; the first is the default tab. The City's own tools (Sweeps, Manage) come last, out of residents' way. */
export const TOOLS = [layersTool, findTool, zonesTool, sweepsTool, coverageTool, manageTool] as const;

export type ToolId = (typeof TOOLS)[number]['id'];
export const TOOL_IDS: readonly ToolId[] = TOOLS.map((t) => t.id);
export const DEFAULT_TOOL: ToolId = TOOLS[0].id;

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}

export function toolById(id: string): ToolEntry | undefined {
  return TOOLS.find((t) => t.id === id);
}

/** Every tool's initial state. */
export function initialToolStates(): ToolStates {
  return Object.fromEntries(TOOLS.map((t) => [t.id, t.slice.initial]));
}
