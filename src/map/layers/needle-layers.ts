// deck.gl layer for 311 needle requests when zoomed out: counts per hexagon (points are a MapLibre layer, under the sites).
// Hexagons, not a heatmap: each cell is a count a planner can read, and the aggregation is a cheap CPU pass.
import type { Color, Layer } from '@deck.gl/core';
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import type { NeedleColumnsView } from '../../geo/needle-filter';
import { PALETTE, type RgbaColor } from '../palette';
import { densityRadiusMeters, NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID, needleModeAt } from './needle-mode';

export type NeedleLayersInput = {
  table: NeedleColumnsView;
  /** Row indexes that pass the current filters. */
  indices: Uint32Array;
  /** Changes whenever `indices` changes (deck.gl compares accessors by updateTriggers). */
  filterKey: string;
  zoom: number;
  visible: boolean;
};

const deckColor = (c: RgbaColor): Color => [c[0], c[1], c[2], c[3] ?? 255];
const DENSITY_RAMP: Color[] = PALETTE.needleDensityRamp.map(deckColor);

/** Builds the density layer with a stable id; deck.gl re-aggregates only when the rows or the radius change. */
export function buildNeedleLayers(input: NeedleLayersInput): Layer[] {
  const { table, indices, zoom, visible } = input;
  const data = Array.from(indices);
  return [
    new HexagonLayer<number>({
      id: NEEDLE_DENSITY_LAYER_ID,
      // Interleaved with MapLibre (MapLibreOverlay reads `beforeId` from layer props; deck's types don't declare it):
      // drawn under the 311 points and the site markers.
      ...({ beforeId: NEEDLE_POINTS_LAYER_ID } as object),
      data,
      visible: visible && needleModeAt(zoom) === 'density',
      getPosition: (i: number) => [table.lng[i] as number, table.lat[i] as number],
      radius: densityRadiusMeters(zoom),
      coverage: 0.92,
      extruded: false,
      gpuAggregation: false,
      opacity: 1,
      colorRange: DENSITY_RAMP,
      updateTriggers: { getPosition: input.filterKey },
    }),
  ];
}
