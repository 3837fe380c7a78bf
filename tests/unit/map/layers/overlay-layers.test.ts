import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildSiteLayers, siteFilter } from '../../../../src/map/layers/site-layers';
import { buildZoneLayers } from '../../../../src/map/layers/zone-layers';
import { densityRadiusMeters, needleModeAt, NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID } from '../../../../src/map/layers/needle-mode';
import {
  buildNeedleDensityOverlay,
  buildNeedlePointLayer,
  densityCellFeatures,
  NEEDLE_DENSITY_BREAKS,
  needlePointFeatures,
  needlePointFilter,
} from '../../../../src/map/layers/needle-layers';
import { hexBinCounts } from '../../../../src/geo/hex-bins';
import { PALETTE } from '../../../../src/map/palette';
import { LAYER_ORDER } from '../../../../src/map/layer-order';
import { NEEDLE_POINTS_MIN_ZOOM } from '../../../../src/config/city';

const table = { count: 3, lng: [-71.06, -71.07, -71.08], lat: [42.33, 42.34, 42.35], openedDay: [1, 2, 3], status: [0, 1, 2] };

describe('site layers', () => {
  it('filters by layer and kind with a MapLibre expression', () => {
    expect(siteFilter('disposal', ['pharmacy'])).toEqual(['all', ['==', ['get', 'layer'], 'disposal'], ['in', ['get', 'kind'], ['literal', ['pharmacy']]]]);
  });

  it('hides the disposal layers and keeps the service layers when only services are shown', () => {
    const layers = buildSiteLayers({ showDisposal: false, showServices: true, kinds: ['treatment'], selectedSiteId: null });
    const vis = Object.fromEntries(layers.map((l: LayerSpecification) => [l.id, l.layout && 'visibility' in l.layout ? l.layout.visibility : 'visible']));
    expect(vis['sites-disposal']).toBe('none');
    expect(vis['sites-service']).toBe('visible');
  });

  it('uses only ids from layer-order', () => {
    const ids = [...buildSiteLayers({ showDisposal: true, showServices: true, kinds: [], selectedSiteId: 'a' }), ...buildZoneLayers(true)].map((l) => l.id);
    for (const id of ids) expect(LAYER_ORDER as readonly string[]).toContain(id);
  });

  it('draws zones only when visible', () => {
    expect(buildZoneLayers(false).every((l) => l.layout?.visibility === 'none')).toBe(true);
  });
});

describe('needle layers', () => {
  it('switches from density to points at the configured zoom', () => {
    expect(needleModeAt(NEEDLE_POINTS_MIN_ZOOM - 0.01)).toBe('density');
    expect(needleModeAt(NEEDLE_POINTS_MIN_ZOOM)).toBe('points');
  });

  it('draws the density only below the points zoom, from the binned rows, and hides it when off', () => {
    const cells = densityCellFeatures(hexBinCounts(table, new Uint32Array([0, 2]), 250, 42.33));
    const on = buildNeedleDensityOverlay(cells, true);
    expect(on.layers.map((l) => l.id)).toEqual([NEEDLE_DENSITY_LAYER_ID]);
    expect(on.layers[0]?.maxzoom).toBe(NEEDLE_POINTS_MIN_ZOOM);
    expect(on.layers[0]?.layout?.visibility).toBe('visible');
    expect(cells.features.reduce((n, f) => n + f.properties.count, 0)).toBe(2);
    expect(buildNeedleDensityOverlay(cells, false).layers[0]?.layout?.visibility).toBe('none');
  });

  it('uses finer hexagons as the map zooms in', () => {
    expect(densityRadiusMeters(11)).toBeGreaterThan(densityRadiusMeters(13));
    expect(densityRadiusMeters(13)).toBeGreaterThan(densityRadiusMeters(13.9));
  });

  it('colours a cell by the class its count falls in, one ramp colour per class', () => {
    expect(PALETTE.needleDensityRamp).toHaveLength(NEEDLE_DENSITY_BREAKS.length);
    const layer = buildNeedleDensityOverlay(densityCellFeatures([]), true).layers[0];
    const color = layer?.type === 'fill' ? layer.paint?.['fill-color'] : null;
    expect(color).toEqual(['step', ['get', 'count'], PALETTE.needleDensityRamp[0], 3, PALETTE.needleDensityRamp[1], 6, PALETTE.needleDensityRamp[2], 12, PALETTE.needleDensityRamp[3], 25, PALETTE.needleDensityRamp[4], 50, PALETTE.needleDensityRamp[5]]);
  });

  it('draws the density under the basemap labels and the 311 points', () => {
    expect(LAYER_ORDER.indexOf(NEEDLE_DENSITY_LAYER_ID)).toBeLessThan(LAYER_ORDER.indexOf('street-labels-minor'));
    expect(LAYER_ORDER.indexOf(NEEDLE_DENSITY_LAYER_ID)).toBeLessThan(LAYER_ORDER.indexOf(NEEDLE_POINTS_LAYER_ID));
  });

  it('makes one point feature per row with its index, day and status', () => {
    const fc = needlePointFeatures(table);
    expect(fc.features).toHaveLength(3);
    expect(fc.features[2]?.properties).toEqual({ i: 2, d: 3, s: 2 });
    expect(fc.features[2]?.geometry.coordinates).toEqual([-71.08, 42.35]);
  });

  it('filters points by inclusive day window and status codes', () => {
    expect(needlePointFilter(10, 20, ['open', 'closed'])).toEqual(['all', ['>=', ['get', 'd'], 10], ['<=', ['get', 'd'], 20], ['in', ['get', 's'], ['literal', [1, 2]]]]);
  });

  it('draws points under the site markers, only from the points zoom, and hides them when off', () => {
    const layer = buildNeedlePointLayer({ visible: false, fromDay: 0, toDay: 1, statuses: ['open'], selectedIndex: null });
    expect(layer.id).toBe(NEEDLE_POINTS_LAYER_ID);
    expect(layer.minzoom).toBe(NEEDLE_POINTS_MIN_ZOOM);
    expect(layer.layout?.visibility).toBe('none');
    expect(LAYER_ORDER.indexOf('needle-points')).toBeLessThan(LAYER_ORDER.indexOf('sites-service-halo'));
  });
});

describe('every overlay layer', () => {
  it('is a valid MapLibre layer (as the map validates it on addLayer)', () => {
    const layers: LayerSpecification[] = [
      ...buildZoneLayers(true),
      buildNeedlePointLayer({ visible: true, fromDay: 0, toDay: 10, statuses: ['open'], selectedIndex: 3 }),
      ...buildNeedleDensityOverlay(densityCellFeatures([]), true).layers,
      ...buildSiteLayers({ showDisposal: true, showServices: false, kinds: ['pharmacy'], selectedSiteId: 'x' }),
    ];
    const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
    const style = { version: 8 as const, sources: { zones: empty, sites: empty, needles: empty, 'needle-density': empty }, layers };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
