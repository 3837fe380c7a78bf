// MapLibre overlays for 311 requests: points when zoomed in (filtered on the GPU by date window and status), and
// hexagon counts when zoomed out (binned in geo/hex-bins.ts; every cell is a count a planner can read).
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { NEEDLE_STATUSES, type NeedleStatus } from '../../domain/needle-request';
import type { NeedleColumnsView } from '../../geo/needle-filter';
import type { HexCell } from '../../geo/hex-bins';
import type { OverlaySpec } from '../overlay';
import { NEEDLE_POINTS_MIN_ZOOM } from '../../config/city';
import { LEGEND_SWATCHES, PALETTE } from '../palette';
import { NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID } from './needle-mode';

export const NEEDLES_SOURCE_ID = 'needles';
export const NEEDLE_DENSITY_SOURCE_ID = 'needle-density';

/** Properties of one point: row index `i` in the needle table, open day `d`, status code `s`. */
export type NeedlePointProperties = { i: number; d: number; s: number };

/** One GeoJSON point per request, carrying only what the filter and click need. */
export function needlePointFeatures(table: NeedleColumnsView): FeatureCollection<Point, NeedlePointProperties> {
  const features = new Array(table.count);
  for (let i = 0; i < table.count; i++) {
    features[i] = {
      type: 'Feature',
      id: i,
      properties: { i, d: table.openedDay[i] as number, s: table.status[i] as number },
      geometry: { type: 'Point', coordinates: [table.lng[i] as number, table.lat[i] as number] },
    };
  }
  return { type: 'FeatureCollection', features };
}

/** MapLibre filter for the date window (days since epoch, inclusive) and statuses. */
export function needlePointFilter(fromDay: number, toDay: number, statuses: readonly NeedleStatus[]): FilterSpecification {
  const codes = NEEDLE_STATUSES.flatMap((s, code) => (statuses.includes(s) ? [code] : []));
  return ['all', ['>=', ['get', 'd'], fromDay], ['<=', ['get', 'd'], toDay], ['in', ['get', 's'], ['literal', codes]]];
}

export type NeedlePointLayerInput = { visible: boolean; fromDay: number; toDay: number; statuses: readonly NeedleStatus[]; selectedIndex: number | null };

export function buildNeedlePointLayer(input: NeedlePointLayerInput): LayerSpecification {
  const selected = input.selectedIndex ?? -1;
  const isSelected: ExpressionSpecification = ['==', ['get', 'i'], selected];
  return {
    id: NEEDLE_POINTS_LAYER_ID,
    type: 'circle',
    source: NEEDLES_SOURCE_ID,
    minzoom: NEEDLE_POINTS_MIN_ZOOM,
    filter: needlePointFilter(input.fromDay, input.toDay, input.statuses),
    layout: { visibility: input.visible ? 'visible' : 'none' },
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, ['case', isSelected, 8, 3.5], 18, ['case', isSelected, 10, 7]],
      'circle-color': ['match', ['get', 's'], 1, LEGEND_SWATCHES['needle-open'], 2, LEGEND_SWATCHES['needle-closed'], LEGEND_SWATCHES['needle-unknown']],
      'circle-stroke-width': ['case', isSelected, 3, 1],
      'circle-stroke-color': ['case', isSelected, PALETTE.selection, '#ffffff'],
      'circle-opacity': 0.9,
    },
  };
}

/** The 311 points as an overlay; a click on a point hands its row index `i` to the map's owner. */
export function buildNeedlePointsOverlay(points: FeatureCollection<Point, NeedlePointProperties>, input: NeedlePointLayerInput): OverlaySpec {
  return { id: NEEDLES_SOURCE_ID, data: points, layers: [buildNeedlePointLayer(input)], interactiveLayerIds: [NEEDLE_POINTS_LAYER_ID] };
}

/** Lower bounds of the density classes (reports per cell); one colour each in PALETTE.needleDensityRamp. */
export const NEEDLE_DENSITY_BREAKS = [1, 3, 6, 12, 25, 50] as const;

export type NeedleDensityProperties = { id: string; count: number };

/** Hexagon cells as GeoJSON polygons carrying their count. */
export function densityCellFeatures(cells: readonly HexCell[]): FeatureCollection<Polygon, NeedleDensityProperties> {
  return {
    type: 'FeatureCollection',
    features: cells.map((c) => ({
      type: 'Feature',
      properties: { id: c.id, count: c.count },
      geometry: { type: 'Polygon', coordinates: [c.ring] },
    })),
  };
}

/** The density overlay: one fill per cell, coloured by class of count, drawn only below the points' zoom. */
export function buildNeedleDensityOverlay(cells: FeatureCollection<Polygon, NeedleDensityProperties>, visible: boolean): OverlaySpec {
  const ramp = PALETTE.needleDensityRamp;
  const classes = NEEDLE_DENSITY_BREAKS.slice(1).flatMap((lower, k) => [lower, ramp[k + 1] as string]);
  const color = ['step', ['get', 'count'], ramp[0], ...classes] as ExpressionSpecification;
  return {
    id: NEEDLE_DENSITY_SOURCE_ID,
    data: cells,
    layers: [
      {
        id: NEEDLE_DENSITY_LAYER_ID,
        type: 'fill',
        source: NEEDLE_DENSITY_SOURCE_ID,
        maxzoom: NEEDLE_POINTS_MIN_ZOOM,
        layout: { visibility: visible ? 'visible' : 'none' },
        paint: { 'fill-color': color, 'fill-outline-color': 'rgba(255, 255, 255, 0.6)' },
      },
    ],
  };
}
