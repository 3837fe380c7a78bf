// MapLibre overlays of the Sweeps tool: the 311 counts per square cell (the density at the chosen cell size), the
// planned route, its numbered stops (left-out stops hollow) and its start.
import type { FeatureCollection, Geometry } from 'geojson';
import type { OverlaySpec } from '../overlay';
import { PALETTE } from '../palette';

export const SWEEP_CELLS_OVERLAY_ID = 'sweep-cells';
export const SWEEP_CHOROPLETH_OVERLAY_ID = 'sweep-choropleth';
export const SWEEP_AREA_OVERLAY_ID = 'sweep-area';
export const SWEEP_ROUTE_OVERLAY_ID = 'sweep-route';
export const SWEEP_STOPS_OVERLAY_ID = 'sweep-stops';
/** The layer a click on a stop hits (its feature carries the stop `id`). */
export const SWEEP_STOP_CLICK_LAYER_ID = 'sweep-stops';

/**
 * Square cells coloured by count on the needle density ramp: `breaks` are the lower bounds of classes 2.. (ascending);
 * `rings` are closed [lng, lat] rings.
 */
export function buildSweepCellsOverlay(cells: readonly { id: string; ring: [number, number][]; count: number }[], breaks: readonly number[]): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: cells.map((c) => ({ type: 'Feature', properties: { id: c.id, count: c.count }, geometry: { type: 'Polygon', coordinates: [c.ring] } })),
  };
  const color = rampColor(breaks);
  return {
    id: SWEEP_CELLS_OVERLAY_ID,
    data,
    layers: [
      {
        id: 'sweep-cells',
        type: 'fill',
        source: SWEEP_CELLS_OVERLAY_ID,
        paint: { 'fill-color': color as never, 'fill-outline-color': 'rgba(140, 45, 4, 0.35)' },
      },
    ],
  };
}

/** Neighbourhood outlines coloured by their count of requests (the same ramp and breaks as the cells). */
export function buildSweepChoroplethOverlay(areas: readonly { name: string; geometry: Geometry; count: number }[], breaks: readonly number[]): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', properties: { id: a.name, name: a.name, count: a.count }, geometry: a.geometry })),
  };
  return {
    id: SWEEP_CHOROPLETH_OVERLAY_ID,
    data,
    layers: [
      { id: 'sweep-choropleth', type: 'fill', source: SWEEP_CHOROPLETH_OVERLAY_ID, paint: { 'fill-color': rampColor(breaks) as never, 'fill-outline-color': 'rgba(140, 45, 4, 0.5)' } },
    ],
  };
}

/** The density ramp as a MapLibre step expression on `count`: class 1 below breaks[0], class k+2 from breaks[k]. */
function rampColor(breaks: readonly number[]): unknown {
  const ramp = PALETTE.needleDensityRamp;
  const steps: (number | string)[] = [];
  breaks.slice(0, ramp.length - 1).forEach((b, i) => steps.push(b, ramp[i + 1]!));
  return steps.length > 0 ? ['step', ['get', 'count'], ramp[0]!, ...steps] : ramp[0]!;
}

/** The area drawn for the stops: a dark dashed outline (closed ring, [lng, lat]). */
export function buildSweepAreaOverlay(ring: readonly (readonly [number, number])[]): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring.map((p) => [p[0], p[1]]) } }],
  };
  return {
    id: SWEEP_AREA_OVERLAY_ID,
    data,
    layers: [{ id: 'sweep-area', type: 'line', source: SWEEP_AREA_OVERLAY_ID, paint: { 'line-color': PALETTE.selection, 'line-width': 2, 'line-dasharray': [3, 2] } }],
  };
}

/** The route through the stops, dashed when any leg is a straight line rather than along the streets. */
export function buildSweepRouteOverlay(path: readonly (readonly [number, number])[], straightLine: boolean): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: path.length < 2 ? [] : [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path.map((p) => [p[0], p[1]]) } }],
  };
  return {
    id: SWEEP_ROUTE_OVERLAY_ID,
    data,
    layers: [
      { id: 'sweep-route-casing', type: 'line', source: SWEEP_ROUTE_OVERLAY_ID, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': PALETTE.halo, 'line-width': 7 } },
      {
        id: 'sweep-route',
        type: 'line',
        source: SWEEP_ROUTE_OVERLAY_ID,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': PALETTE.sweepRoute, 'line-width': 3.5, ...(straightLine ? { 'line-dasharray': [1.5, 1.5] } : {}) },
      },
    ],
  };
}

/** The stops numbered in visiting order (`n` null for a stop left out: drawn hollow, unnumbered), and the start. */
export function buildSweepStopsOverlay(stops: readonly { id: string; lngLat: readonly [number, number]; n: number | null }[], start: readonly [number, number] | null, selectedId: string | null): OverlaySpec {
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [
      ...stops.map((s) => ({
        type: 'Feature' as const,
        properties: { id: s.id, part: 'stop', label: s.n === null ? '' : String(s.n), planned: s.n !== null, selected: s.id === selectedId },
        geometry: { type: 'Point' as const, coordinates: [s.lngLat[0], s.lngLat[1]] },
      })),
      ...(start ? [{ type: 'Feature' as const, properties: { id: 'start', part: 'start', label: 'S', planned: true, selected: false }, geometry: { type: 'Point' as const, coordinates: [start[0], start[1]] } }] : []),
    ],
  };
  return {
    id: SWEEP_STOPS_OVERLAY_ID,
    data,
    interactiveLayerIds: [SWEEP_STOP_CLICK_LAYER_ID],
    layers: [
      {
        id: 'sweep-stops',
        type: 'circle',
        source: SWEEP_STOPS_OVERLAY_ID,
        paint: {
          'circle-radius': ['case', ['get', 'planned'], 10, 6],
          'circle-color': ['case', ['==', ['get', 'part'], 'start'], PALETTE.selection, ['get', 'planned'], PALETTE.sweepStop, PALETTE.halo],
          'circle-stroke-width': ['case', ['get', 'selected'], 4, 2],
          'circle-stroke-color': ['case', ['get', 'selected'], PALETTE.selection, ['get', 'planned'], PALETTE.halo, PALETTE.sweepStop],
        },
      },
      {
        id: 'sweep-stops-label',
        type: 'symbol',
        source: SWEEP_STOPS_OVERLAY_ID,
        filter: ['get', 'planned'],
        layout: { 'text-field': ['get', 'label'], 'text-font': ['sans-serif'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': PALETTE.halo },
      },
    ],
  };
}
