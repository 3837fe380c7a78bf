import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { buildSiteLayers, siteFilter } from '../../../../src/map/layers/site-layers';
import { buildZoneLayers } from '../../../../src/map/layers/zone-layers';
import { buildNeedleLayers } from '../../../../src/map/layers/needle-layers';
import { densityRadiusMeters, needleModeAt, NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID } from '../../../../src/map/layers/needle-mode';
import { buildNeedlePointLayer, needlePointFeatures, needlePointFilter } from '../../../../src/map/layers/needle-point-layers';
import { LAYER_ORDER } from '../../../../src/map/layer-order';
import { NEEDLE_POINTS_MIN_ZOOM } from '../../../../src/config/city';

const table = { count: 3, lng: [-71.06, -71.07, -71.08], lat: [42.33, 42.34, 42.35], openedDay: [1, 2, 3], status: [0, 1, 2] };

describe('site layers', () => {
  it('filters by layer and kind with a MapLibre expression', () => {
    expect(siteFilter('disposal', ['pharmacy'])).toEqual(['all', ['==', ['get', 'layer'], 'disposal'], ['in', ['get', 'kind'], ['literal', ['pharmacy']]]]);
  });

  it('hides the disposal layers and keeps the service layers when only services are shown', () => {
    const layers = buildSiteLayers({ showDisposal: false, showServices: true, kinds: ['treatment'], selectedSiteId: null });
    const vis = Object.fromEntries(layers.map((l) => [l.id, l.layout && 'visibility' in l.layout ? l.layout.visibility : 'visible']));
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

  it('draws the deck.gl density only when zoomed out, from the filtered rows', () => {
    const build = (zoom: number) => buildNeedleLayers({ table, indices: new Uint32Array([0, 2]), filterKey: 'k', zoom, visible: true });
    const low = build(12);
    expect(low.map((l) => l.id)).toEqual([NEEDLE_DENSITY_LAYER_ID]);
    expect(low[0]?.props.visible).toBe(true);
    expect((low[0]?.props.data as number[]).length).toBe(2);
    expect(build(16)[0]?.props.visible).toBe(false);
  });

  it('uses finer hexagons as the map zooms in, and draws them under the 311 points and sites', () => {
    const radius = (zoom: number) => (buildNeedleLayers({ table, indices: new Uint32Array([0]), filterKey: 'k', zoom, visible: true })[0]?.props as unknown as { radius: number }).radius;
    expect(radius(11)).toBeGreaterThan(radius(13));
    expect(radius(13)).toBeGreaterThan(radius(13.9));
    expect(densityRadiusMeters(12)).toBe(radius(12));
    const layer = buildNeedleLayers({ table, indices: new Uint32Array([0]), filterKey: 'k', zoom: 12, visible: true })[0];
    expect((layer?.props as unknown as { beforeId?: string }).beforeId).toBe(NEEDLE_POINTS_LAYER_ID);
  });

  it('hides the density when the layer is off', () => {
    const layers = buildNeedleLayers({ table, indices: new Uint32Array([0]), filterKey: 'k', zoom: 11, visible: false });
    expect(layers.every((l) => !l.props.visible)).toBe(true);
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
      ...buildSiteLayers({ showDisposal: true, showServices: false, kinds: ['pharmacy'], selectedSiteId: 'x' }),
    ];
    const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
    const style = { version: 8 as const, sources: { zones: empty, sites: empty, needles: empty }, layers };
    expect(validateStyleMin(style)).toEqual([]);
  });
});
