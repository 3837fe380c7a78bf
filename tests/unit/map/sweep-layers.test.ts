import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LAYER_ORDER } from '../../../src/map/layer-order';
import {
  buildSweepCellsOverlay,
  buildSweepChoroplethOverlay,
  buildSweepRouteOverlay,
  buildSweepStopsOverlay,
  SWEEP_STOP_CLICK_LAYER_ID,
} from '../../../src/map/layers/sweep-layers';
import type { OverlaySpec } from '../../../src/map/overlay';
import { PALETTE } from '../../../src/map/palette';

const RAMP = PALETTE.needleDensityRamp;
const ring = (w: number, s: number): [number, number][] => [
  [w, s],
  [w + 0.002, s],
  [w + 0.002, s + 0.002],
  [w, s + 0.002],
  [w, s],
];

/** The paint property `name` of layer `layerId`. */
function paintOf(overlay: OverlaySpec, layerId: string, name: string): unknown {
  const layer = overlay.layers.find((l) => l.id === layerId);
  if (!layer) throw new Error(`no layer ${layerId}`);
  return (layer.paint as Record<string, unknown> | undefined)?.[name];
}

/** What a MapLibre ['step', ['get', 'count'], c0, b1, c1, ...] gives for `count` (a bare colour gives itself). */
function stepValue(expression: unknown, count: number): unknown {
  if (!Array.isArray(expression)) return expression;
  expect(expression.slice(0, 2)).toEqual(['step', ['get', 'count']]);
  let out: unknown = expression[2];
  for (let k = 3; k < expression.length; k += 2) if (count >= (expression[k] as number)) out = expression[k + 1];
  return out;
}

const validate = (overlays: readonly OverlaySpec[]) =>
  validateStyleMin({
    version: 8,
    sources: Object.fromEntries(overlays.map((o) => [o.id, { type: 'geojson' as const, data: o.data }])),
    layers: overlays.flatMap((o) => o.layers),
  });

const CELLS = [
  { id: '1:2', ring: ring(-71.08, 42.33), count: 1 },
  { id: '1:3', ring: ring(-71.078, 42.33), count: 12 },
];
const AREAS: { name: string; geometry: Geometry; count: number }[] = [
  { name: 'South End', geometry: { type: 'Polygon', coordinates: [ring(-71.08, 42.33)] }, count: 40 },
  { name: 'Roxbury', geometry: { type: 'Polygon', coordinates: [ring(-71.09, 42.32)] }, count: 3 },
];

describe('sweep cells and choropleth', () => {
  it('makes a polygon feature of each cell with its id and count, ring as given ([lng, lat])', () => {
    const overlay = buildSweepCellsOverlay(CELLS, [2, 5, 10]);
    expect(overlay.data.features).toEqual([
      { type: 'Feature', properties: { id: '1:2', count: 1 }, geometry: { type: 'Polygon', coordinates: [CELLS[0]!.ring] } },
      { type: 'Feature', properties: { id: '1:3', count: 12 }, geometry: { type: 'Polygon', coordinates: [CELLS[1]!.ring] } },
    ]);
  });

  it('colours by a step on count: the first ramp colour below breaks[0], ramp[k + 1] from breaks[k]', () => {
    const breaks = [2, 5, 10];
    const color = paintOf(buildSweepCellsOverlay(CELLS, breaks), 'sweep-cells', 'fill-color');
    expect(color).toEqual(['step', ['get', 'count'], RAMP[0], 2, RAMP[1], 5, RAMP[2], 10, RAMP[3]]);
    expect(stepValue(color, 1)).toBe(RAMP[0]);
    expect(stepValue(color, 2)).toBe(RAMP[1]);
    expect(stepValue(color, 9)).toBe(RAMP[2]);
    expect(stepValue(color, 10)).toBe(RAMP[3]);
  });

  it('uses at most as many breaks as the ramp has colours after the first', () => {
    const breaks = Array.from({ length: RAMP.length + 3 }, (_, k) => (k + 1) * 10);
    const color = paintOf(buildSweepCellsOverlay(CELLS, breaks), 'sweep-cells', 'fill-color');
    expect(color).toHaveLength(3 + 2 * (RAMP.length - 1));
    expect(stepValue(color, 10_000)).toBe(RAMP[RAMP.length - 1]);
  });

  it('is one colour when there are no breaks (every count in one class)', () => {
    expect(paintOf(buildSweepCellsOverlay(CELLS, []), 'sweep-cells', 'fill-color')).toBe(RAMP[0]);
  });

  it('colours neighbourhoods with the same ramp and breaks, each feature named and counted', () => {
    const breaks = [5, 20];
    const overlay = buildSweepChoroplethOverlay(AREAS, breaks);
    expect(overlay.data.features.map((f) => f.properties)).toEqual([
      { id: 'South End', name: 'South End', count: 40 },
      { id: 'Roxbury', name: 'Roxbury', count: 3 },
    ]);
    expect(overlay.data.features[0]!.geometry).toBe(AREAS[0]!.geometry);
    const color = paintOf(overlay, 'sweep-choropleth', 'fill-color');
    expect(color).toEqual(paintOf(buildSweepCellsOverlay(CELLS, breaks), 'sweep-cells', 'fill-color'));
    expect(stepValue(color, 3)).toBe(RAMP[0]);
    expect(stepValue(color, 40)).toBe(RAMP[2]);
  });
});

describe('sweep route', () => {
  const path: [number, number][] = [
    [-71.07, 42.34],
    [-71.06, 42.35],
    [-71.07, 42.34],
  ];

  it('is one line through the path, [lng, lat] as given', () => {
    const overlay = buildSweepRouteOverlay(path, false);
    expect(overlay.data.features).toEqual([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path } }]);
  });

  it('draws nothing for a path of fewer than two points', () => {
    expect(buildSweepRouteOverlay([[-71.07, 42.34]], false).data.features).toEqual([]);
    expect(buildSweepRouteOverlay([], true).data.features).toEqual([]);
  });

  it('is dashed only when a leg is a straight line', () => {
    expect(paintOf(buildSweepRouteOverlay(path, true), 'sweep-route', 'line-dasharray')).toEqual([1.5, 1.5]);
    expect(paintOf(buildSweepRouteOverlay(path, false), 'sweep-route', 'line-dasharray')).toBeUndefined();
    // The casing is never dashed.
    expect(paintOf(buildSweepRouteOverlay(path, true), 'sweep-route-casing', 'line-dasharray')).toBeUndefined();
  });
});

describe('sweep stops', () => {
  const stops = [
    { id: '101', lngLat: [-71.07, 42.34] as const, n: 2 },
    { id: 'h-1', lngLat: [-71.06, 42.35] as const, n: 1 },
    { id: 'cell:1:2', lngLat: [-71.05, 42.36] as const, n: null },
  ];

  it('labels each planned stop with its visiting order and leaves a left-out stop unnumbered, then adds the start', () => {
    const overlay = buildSweepStopsOverlay(stops, [-71.08, 42.33], '101');
    expect(overlay.data.features).toEqual([
      { type: 'Feature', properties: { id: '101', part: 'stop', label: '2', planned: true, selected: true }, geometry: { type: 'Point', coordinates: [-71.07, 42.34] } },
      { type: 'Feature', properties: { id: 'h-1', part: 'stop', label: '1', planned: true, selected: false }, geometry: { type: 'Point', coordinates: [-71.06, 42.35] } },
      { type: 'Feature', properties: { id: 'cell:1:2', part: 'stop', label: '', planned: false, selected: false }, geometry: { type: 'Point', coordinates: [-71.05, 42.36] } },
      { type: 'Feature', properties: { id: 'start', part: 'start', label: 'S', planned: true, selected: false }, geometry: { type: 'Point', coordinates: [-71.08, 42.33] } },
    ]);
  });

  it('has no start feature without a start, and nothing selected without a selection', () => {
    const overlay = buildSweepStopsOverlay(stops, null, null);
    expect(overlay.data.features.map((f) => f.properties?.id)).toEqual(['101', 'h-1', 'cell:1:2']);
    expect(overlay.data.features.some((f) => f.properties?.selected)).toBe(false);
  });

  it('answers clicks on the stop circles and labels only the planned stops', () => {
    const overlay = buildSweepStopsOverlay(stops, null, null);
    expect(overlay.interactiveLayerIds).toEqual([SWEEP_STOP_CLICK_LAYER_ID]);
    expect(overlay.layers.map((l) => l.id)).toContain(SWEEP_STOP_CLICK_LAYER_ID);
    const label = overlay.layers.find((l) => l.type === 'symbol');
    expect(label && 'filter' in label ? label.filter : undefined).toEqual(['get', 'planned']);
  });
});

describe('every sweep layer', () => {
  const overlays = [
    buildSweepCellsOverlay(CELLS, [2, 5]),
    buildSweepChoroplethOverlay(AREAS, [2, 5]),
    buildSweepRouteOverlay([
      [-71.07, 42.34],
      [-71.06, 42.35],
    ], true),
    buildSweepStopsOverlay([{ id: 'a', lngLat: [-71.07, 42.34], n: 1 }], [-71.08, 42.33], 'a'),
  ];

  it('has an id in LAYER_ORDER and draws from its own overlay source', () => {
    const ids = overlays.flatMap((o) => o.layers.map((l) => l.id));
    expect(ids).toEqual(['sweep-cells', 'sweep-choropleth', 'sweep-route-casing', 'sweep-route', 'sweep-stops', 'sweep-stops-label']);
    for (const id of ids) expect(LAYER_ORDER as readonly string[]).toContain(id);
    for (const o of overlays) for (const l of o.layers) expect('source' in l ? l.source : null, l.id).toBe(o.id);
  });

  it('is a valid MapLibre style layer (expressions included)', () => {
    expect(validate(overlays)).toEqual([]);
  });
});
