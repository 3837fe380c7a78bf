// deck.gl layers for 311 needle requests: a density heatmap when zoomed out, clickable points when zoomed in.
import type { Color, Layer, PickingInfo } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { NeedleColumnsView } from '../../geo/needle-filter';
import { PALETTE, type RgbaColor } from '../palette';

import { NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID, needleModeAt } from './needle-mode';

export type NeedleLayersInput = {
  table: NeedleColumnsView;
  /** Row indexes that pass the current filters. */
  indices: Uint32Array;
  /** Changes whenever `indices` changes (deck.gl compares data by reference; this names the version). */
  filterKey: string;
  zoom: number;
  visible: boolean;
  selectedIndex: number | null;
  onSelect: (index: number) => void;
};

const deckColor = (c: RgbaColor): Color => [c[0], c[1], c[2], c[3] ?? 255];
const STATUS_COLORS: Color[] = [PALETTE.needleUnknown, PALETTE.needleOpen, PALETTE.needleClosed].map(deckColor);
const UNKNOWN_COLOR = deckColor(PALETTE.needleUnknown);
const SELECTION_COLOR = deckColor(PALETTE.selectionRgb);
const STROKE_COLOR = deckColor(PALETTE.needleStroke);
const DENSITY_RAMP: Color[] = PALETTE.needleDensityRamp.map(deckColor);

/** Builds the 311 layers with stable ids; deck.gl only recomputes what changed. */
export function buildNeedleLayers(input: NeedleLayersInput): Layer[] {
  const { table, indices, zoom, visible } = input;
  const mode = needleModeAt(zoom);
  const data = Array.from(indices);
  const position = (i: number): [number, number] => [table.lng[i] as number, table.lat[i] as number];
  return [
    new HeatmapLayer<number>({
      id: NEEDLE_DENSITY_LAYER_ID,
      data,
      visible: visible && mode === 'density',
      getPosition: position,
      getWeight: 1,
      radiusPixels: 28,
      intensity: 1.2,
      threshold: 0.04,
      colorRange: DENSITY_RAMP,
      updateTriggers: { getPosition: input.filterKey },
    }),
    new ScatterplotLayer<number>({
      id: NEEDLE_POINTS_LAYER_ID,
      data,
      visible: visible && mode === 'points',
      pickable: true,
      getPosition: position,
      getRadius: (i) => (i === input.selectedIndex ? 9 : 5),
      radiusUnits: 'pixels',
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (i) => (i === input.selectedIndex ? 3 : 1),
      getFillColor: (i) => STATUS_COLORS[table.status[i] as number] ?? UNKNOWN_COLOR,
      getLineColor: (i) => (i === input.selectedIndex ? SELECTION_COLOR : STROKE_COLOR),
      onClick: (info: PickingInfo<number>) => {
        if (typeof info.object === 'number') input.onSelect(info.object);
        return true;
      },
      updateTriggers: {
        getPosition: input.filterKey,
        getFillColor: input.filterKey,
        getRadius: input.selectedIndex,
        getLineWidth: input.selectedIndex,
        getLineColor: input.selectedIndex,
      },
    }),
  ];
}
