import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { composeOverlays, selectionFromClick, siteCountByKind, visiblePlaces } from '../../../src/app/selectors';
import type { OverlaySpec } from '../../../src/map/overlay';
import type { SiteKind, SiteProperties } from '../../../src/domain/site';

const site = (id: string, kind: SiteKind, layer: 'disposal' | 'service'): Feature<Point, SiteProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-71.06, 42.33] },
  properties: { id, kind, layer, name: id } as SiteProperties,
});
const sites = [site('a', 'drop-off', 'disposal'), site('b', 'drop-in-center', 'service'), site('c', 'drop-off', 'disposal')];

describe('selectors', () => {
  it('counts sites by kind', () => {
    expect(siteCountByKind(sites)).toEqual({ 'drop-off': 2, 'drop-in-center': 1 });
  });

  it('lists the places of layers and kinds that are on', () => {
    expect(visiblePlaces(sites, ['disposal'], ['drop-off', 'drop-in-center']).map((f) => f.properties.id)).toEqual(['a', 'c']);
    expect(visiblePlaces(sites, ['disposal', 'services'], ['drop-in-center']).map((f) => f.properties.id)).toEqual(['b']);
    expect(visiblePlaces(sites, [], ['drop-off'])).toEqual([]);
  });

  it('a click selects a site before a 311 point before a zone, whatever order the map lists them', () => {
    const zone = { layerId: 'zones-fill', properties: { id: 'z' } };
    const needle = { layerId: 'needle-points', properties: { i: 4 } };
    const marker = { layerId: 'sites-service', properties: { id: 's' } };
    expect(selectionFromClick({ lngLat: [0, 0], features: [zone, needle, marker], gesture: 'tap' })).toEqual({ kind: 'site', siteId: 's' });
    expect(selectionFromClick({ lngLat: [0, 0], features: [zone, needle], gesture: 'tap' })).toEqual({ kind: 'needle', index: 4 });
    expect(selectionFromClick({ lngLat: [0, 0], features: [zone], gesture: 'tap' })).toEqual({ kind: 'zone', zoneId: 'z' });
    expect(selectionFromClick({ lngLat: [0, 0], features: [], gesture: 'tap' })).toBeNull();
    expect(selectionFromClick({ lngLat: [0, 0], features: [{ layerId: 'sites-label', properties: { id: 's' } }], gesture: 'tap' })).toBeNull();
  });

  it("draws the open tool's overlays above the shell's, and no other tool's", () => {
    const o = (id: string): OverlaySpec => ({ id, data: { type: 'FeatureCollection', features: [] }, layers: [] });
    const byTool = { find: [o('find-route')], sweeps: [o('sweep-route')] };
    expect(composeOverlays([o('sites')], byTool, 'find').map((x) => x.id)).toEqual(['sites', 'find-route']);
    expect(composeOverlays([o('sites')], byTool, 'layers').map((x) => x.id)).toEqual(['sites']);
  });

  it('draws what a tool keeps on the map while another tab is open, unless hidden; its own panel draws its own', () => {
    const o = (id: string): OverlaySpec => ({ id, data: { type: 'FeatureCollection', features: [] }, layers: [] });
    const byTool = { sweeps: [o('sweep-cells'), o('sweep-route')] };
    const kept = { sweeps: { overlays: [o('sweep-route')], shown: true } };
    expect(composeOverlays([o('sites')], byTool, 'layers', kept).map((x) => x.id)).toEqual(['sites', 'sweep-route']);
    expect(composeOverlays([o('sites')], byTool, 'sweeps', kept).map((x) => x.id)).toEqual(['sites', 'sweep-cells', 'sweep-route']);
    expect(composeOverlays([o('sites')], byTool, 'layers', { sweeps: { ...kept.sweeps, shown: false } }).map((x) => x.id)).toEqual(['sites']);
  });
});
