// MapLibre overlays of the Find tool: the search point, the listed places numbered as in the list, the walking route to
// the chosen place and its highlight.
import type { FeatureCollection, Geometry } from 'geojson';
import type { OverlaySpec } from '../overlay';
import { PALETTE } from '../palette';

export const FIND_POINT_OVERLAY_ID = 'find-point';
export const FIND_ROUTE_OVERLAY_ID = 'find-route';
export const FIND_RESULTS_OVERLAY_ID = 'find-results';
export const FIND_LAYER_IDS = ['find-route-casing', 'find-route', 'find-results', 'find-target', 'find-point-halo', 'find-point', 'find-results-label'] as const;
/** The layer a click on a numbered result hits (its feature carries the site `id`). */
export const FIND_RESULT_CLICK_LAYER_ID = 'find-results';

/**
 * The listed places as numbered markers (1 = nearest walk), so the list and the map read the same; the selected one
 * filled. `places` are [lng, lat] with the site id, in list order.
 */
export function buildFindResultsOverlay(places: readonly { id: string; lngLat: readonly [number, number] }[], selectedId: string | null): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: places.map((p, i) => ({
      type: 'Feature',
      properties: { id: p.id, rank: String(i + 1), selected: p.id === selectedId },
      geometry: { type: 'Point', coordinates: [p.lngLat[0], p.lngLat[1]] },
    })),
  };
  return {
    id: FIND_RESULTS_OVERLAY_ID,
    data,
    interactiveLayerIds: [FIND_RESULT_CLICK_LAYER_ID],
    layers: [
      {
        id: 'find-results',
        type: 'circle',
        source: FIND_RESULTS_OVERLAY_ID,
        paint: {
          'circle-radius': 10,
          'circle-color': ['case', ['get', 'selected'], PALETTE.selection, PALETTE.halo],
          'circle-stroke-width': 2,
          'circle-stroke-color': PALETTE.selection,
          // Offset up and right of the site marker it numbers, so the marker stays visible.
          'circle-translate': [12, -12],
        },
      },
      {
        id: 'find-results-label',
        type: 'symbol',
        source: FIND_RESULTS_OVERLAY_ID,
        layout: { 'text-field': ['get', 'rank'], 'text-font': ['sans-serif'], 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true, 'text-offset': [1, -1] },
        paint: { 'text-color': ['case', ['get', 'selected'], PALETTE.halo, PALETTE.selection] },
      },
    ],
  };
}

/** The search point: a dark dot in a white ring. */
export function buildFindPointOverlay(point: readonly [number, number]): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [point[0], point[1]] } }],
  };
  return {
    id: FIND_POINT_OVERLAY_ID,
    data,
    layers: [
      { id: 'find-point-halo', type: 'circle', source: FIND_POINT_OVERLAY_ID, paint: { 'circle-radius': 11, 'circle-color': PALETTE.halo } },
      {
        id: 'find-point',
        type: 'circle',
        source: FIND_POINT_OVERLAY_ID,
        paint: { 'circle-radius': 7, 'circle-color': PALETTE.siteLabel, 'circle-stroke-width': 2, 'circle-stroke-color': PALETTE.selection },
      },
    ],
  };
}

/** The walking route (path [lng, lat][]) to the chosen place, dashed when approximate, and a ring on the place. */
export function buildFindRouteOverlay(path: readonly (readonly [number, number])[], approximate: boolean): OverlaySpec {
  const end = path[path.length - 1] ?? [0, 0];
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { part: 'route' }, geometry: { type: 'LineString', coordinates: path.map((p) => [p[0], p[1]]) } },
      { type: 'Feature', properties: { part: 'target' }, geometry: { type: 'Point', coordinates: [end[0], end[1]] } },
    ],
  };
  const lineFilter = ['==', ['get', 'part'], 'route'] as ['==', ['get', string], string];
  return {
    id: FIND_ROUTE_OVERLAY_ID,
    data,
    layers: [
      { id: 'find-route-casing', type: 'line', source: FIND_ROUTE_OVERLAY_ID, filter: lineFilter, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': PALETTE.halo, 'line-width': 8 } },
      {
        id: 'find-route',
        type: 'line',
        source: FIND_ROUTE_OVERLAY_ID,
        filter: lineFilter,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': PALETTE.selection, 'line-width': 4, ...(approximate ? { 'line-dasharray': [1, 1.5] } : {}) },
      },
      {
        id: 'find-target',
        type: 'circle',
        source: FIND_ROUTE_OVERLAY_ID,
        filter: ['==', ['get', 'part'], 'target'],
        paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-width': 3, 'circle-stroke-color': PALETTE.selection },
      },
    ],
  };
}
