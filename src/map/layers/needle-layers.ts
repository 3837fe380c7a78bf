// deck.gl layer for 311 needle requests when zoomed out: a density heatmap (points are a MapLibre layer, under the sites).
import type { Color, Layer } from '@deck.gl/core';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { NeedleColumnsView } from '../../geo/needle-filter';
import { PALETTE, type RgbaColor } from '../palette';
import { NEEDLE_DENSITY_LAYER_ID, needleModeAt } from './needle-mode';

export type NeedleLayersInput = {
  table: NeedleColumnsView;
  /** Row indexes that pass the current filters. */
  indices: Uint32Array;
  /** Changes whenever `indices` changes (deck.gl compares data by reference; this names the version). */
  filterKey: string;
  zoom: number;
  visible: boolean;
};

const deckColor = (c: RgbaColor): Color => [c[0], c[1], c[2], c[3] ?? 255];
const DENSITY_RAMP: Color[] = PALETTE.needleDensityRamp.map(deckColor);

/** Builds the 311 density layer with a stable id; deck.gl only re-aggregates when the filtered rows change. */
export function buildNeedleLayers(input: NeedleLayersInput): Layer[] {
  const { table, indices, zoom, visible } = input;
  const data = Array.from(indices);
  return [
    new HeatmapLayer<number>({
      id: NEEDLE_DENSITY_LAYER_ID,
      data,
      visible: visible && needleModeAt(zoom) === 'density',
      getPosition: (i: number) => [table.lng[i] as number, table.lat[i] as number],
      getWeight: 1,
      radiusPixels: 28,
      intensity: 1.2,
      threshold: 0.04,
      opacity: 0.85,
      colorRange: DENSITY_RAMP,
      updateTriggers: { getPosition: input.filterKey },
    }),
  ];
}
