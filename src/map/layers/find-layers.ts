// MapLibre overlays of the Find tool: the search point, the walking route to the chosen place and its highlight.
import type { FeatureCollection, Geometry } from 'geojson';
import type { OverlaySpec } from '../overlay';
import { PALETTE } from '../palette';

export const FIND_POINT_OVERLAY_ID = 'find-point';
export const FIND_ROUTE_OVERLAY_ID = 'find-route';
export const FIND_LAYER_IDS = ['find-route-casing', 'find-route', 'find-target', 'find-point-halo', 'find-point'] as const;

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
