import { describe, expect, it } from 'vitest';
import { buildSiteLayers, siteFilter } from '../../../../src/map/layers/site-layers';
import { buildZoneLayers } from '../../../../src/map/layers/zone-layers';
import { buildNeedleLayers } from '../../../../src/map/layers/needle-layers';
import { needleModeAt, NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID } from '../../../../src/map/layers/needle-mode';
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

  it('builds a density and a points layer with stable ids, one visible at a time', () => {
    const build = (zoom: number) =>
      buildNeedleLayers({ table, indices: new Uint32Array([0, 2]), filterKey: 'k', zoom, visible: true, selectedIndex: null, onSelect: () => {} });
    const low = build(12);
    expect(low.map((l) => l.id)).toEqual([NEEDLE_DENSITY_LAYER_ID, NEEDLE_POINTS_LAYER_ID]);
    expect(low.map((l) => l.props.visible)).toEqual([true, false]);
    expect(build(16).map((l) => l.props.visible)).toEqual([false, true]);
    expect((low[1]?.props.data as number[]).length).toBe(2);
  });

  it('hides both when the layer is off', () => {
    const layers = buildNeedleLayers({ table, indices: new Uint32Array([0]), filterKey: 'k', zoom: 16, visible: false, selectedIndex: null, onSelect: () => {} });
    expect(layers.every((l) => !l.props.visible)).toBe(true);
  });
});
