// The Layers tab: the legend wired to the Layers slice (toggles, kinds, 311 window and statuses, places list).
import type { Feature, Point } from 'geojson';
import type { SiteKind, SiteProperties } from '../../domain/site';
import type { NeedleWindow } from '../../geo/needle-window';
import type { ToolPanelProps } from '../../ui/tool-contract';
import { Legend, type KeptLegendEntry } from './legend';
import { setNeedleRange, toggleKind, toggleLayer, toggleStatus, type LayersState } from './layers-state';

/** What the legend shows that the shell derives from the data and the slice (app/selectors.ts). */
export type LayersPanelExtra = {
  needleWindow: NeedleWindow;
  needleCount: number;
  needleMode: 'points' | 'density';
  densityCellMeters: number;
  siteCountByKind: Partial<Record<SiteKind, number>>;
  places: Feature<Point, SiteProperties>[];
  /** What other tools keep on the map (a planned sharps sweep), each with a toggle. */
  kept: readonly KeptLegendEntry[];
  onToggleKept: (toolId: string) => void;
};

export function LayersPanel({ state, update, shell, ...derived }: ToolPanelProps<LayersState, LayersPanelExtra>) {
  const w = derived.needleWindow;
  return (
    <Legend
      layers={state.layers}
      kinds={state.kinds}
      statuses={state.statuses}
      needleFrom={w.from}
      needleTo={w.to}
      needleBounds={w.bounds}
      needleCount={derived.needleCount}
      needleMode={derived.needleMode}
      densityCellMeters={derived.densityCellMeters}
      siteCountByKind={derived.siteCountByKind}
      places={derived.places}
      kept={derived.kept}
      onToggleKept={derived.onToggleKept}
      onToggleLayer={(layer) => update((s) => toggleLayer(s, layer))}
      onToggleKind={(kind) => update((s) => toggleKind(s, kind))}
      onToggleStatus={(status) => update((s) => toggleStatus(s, status))}
      onNeedleRange={(from, to) => update((s) => setNeedleRange(s, from, to))}
      onSelectSite={shell.selectSite}
    />
  );
}
