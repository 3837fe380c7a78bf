import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState, type UrlState } from '../../../src/app/url-state';
import type { LayersState } from '../../../src/tools/layers/layers-state';

const DEFAULT = defaultUrlState();
const layersOf = (s: UrlState) => s.tools['layers'] as LayersState;

describe('url state', () => {
  it('round-trips view, layers, kinds, date window, statuses, site and tab', () => {
    const state: UrlState = {
      view: { center: [-71.06612, 42.33112], zoom: 15.5 },
      siteId: 'engagement-center',
      requestId: null,
      tab: 'zones',
      tools: {
        ...DEFAULT.tools,
        layers: { layers: ['disposal', 'needles'], kinds: ['disposal-kiosk', 'pharmacy'], needleFrom: '2026-01-01', needleTo: '2026-02-15', statuses: ['open'] },
      },
    };
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });

  it('writes the parts in a stable, readable order', () => {
    const state: UrlState = { ...DEFAULT, siteId: 'ahope', tools: { ...DEFAULT.tools, layers: { ...layersOf(DEFAULT), layers: ['zones'], needleFrom: '2026-01-01' } } };
    expect(serializeUrlState(state)).toBe('#map=12.20/42.33230/-71.07120&layers=zones&from=2026-01-01&site=ahope');
  });

  it('leaves defaults out of the hash', () => {
    expect(serializeUrlState(DEFAULT)).toBe('#map=12.20/42.33230/-71.07120');
  });

  it('keeps an empty layer list (every layer hidden) distinct from the default', () => {
    const state = { ...DEFAULT, tools: { ...DEFAULT.tools, layers: { ...layersOf(DEFAULT), layers: [] } } };
    expect(layersOf(parseUrlState(serializeUrlState(state))).layers).toEqual([]);
  });

  it('falls back to defaults on an empty or garbage hash', () => {
    expect(parseUrlState('')).toEqual(DEFAULT);
    expect(parseUrlState('#%%%zz&&==')).toEqual(DEFAULT);
    expect(parseUrlState('#map=banana')).toEqual(DEFAULT);
  });

  it('rejects a view outside the allowed area or zoom range, keeping the other parameters', () => {
    const s = parseUrlState('#map=12/10.0/-71.06&layers=zones');
    expect(s.view).toEqual(DEFAULT.view);
    expect(layersOf(s).layers).toEqual(['zones']);
    expect(parseUrlState('#map=40/42.33/-71.06').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=NaN/42.33/-71.06').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=12//-71.06').view).toEqual(DEFAULT.view);
  });

  it('checks every edge of the allowed area and the zoom range', () => {
    // MAX_BOUNDS is [[-71.35, 42.15], [-70.8, 42.5]]; zoom 10..19.
    expect(parseUrlState('#map=12/42.3/-71.36').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=12/42.3/-70.79').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=12/42.14/-71.0').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=12/42.51/-71.0').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=9.9/42.3/-71.0').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=19.1/42.3/-71.0').view).toEqual(DEFAULT.view);
    expect(parseUrlState('#map=10/42.15/-71.35').view).toEqual({ center: [-71.35, 42.15], zoom: 10 });
    expect(parseUrlState('#map=19/42.5/-70.8').view).toEqual({ center: [-70.8, 42.5], zoom: 19 });
  });

  it('reads the view as zoom/lat/lng, never lng/lat', () => {
    expect(parseUrlState('#map=15/42.35/-71.06').view).toEqual({ center: [-71.06, 42.35], zoom: 15 });
  });

  it('drops unknown layer, kind and status names', () => {
    const s = layersOf(parseUrlState('#layers=needles,bogus&kinds=nope,pharmacy&status=closed,xyz'));
    expect(s.layers).toEqual(['needles']);
    expect(s.kinds).toEqual(['pharmacy']);
    expect(s.statuses).toEqual(['closed']);
    expect(layersOf(parseUrlState('#layers=bogus')).layers).toEqual(layersOf(DEFAULT).layers);
  });

  it('ignores impossible or inverted dates', () => {
    expect(layersOf(parseUrlState('#from=2026-02-30')).needleFrom).toBeNull();
    expect(layersOf(parseUrlState('#from=yesterday')).needleFrom).toBeNull();
    expect(layersOf(parseUrlState('#from=2026-01-011')).needleFrom).toBeNull();
    const inverted = layersOf(parseUrlState('#from=2026-03-01&to=2026-01-01'));
    expect([inverted.needleFrom, inverted.needleTo]).toEqual([null, null]);
  });

  it('ignores a site id with characters ids never have, anywhere in it', () => {
    expect(parseUrlState('#site=<script>').siteId).toBeNull();
    expect(parseUrlState('#site=ahope<script>').siteId).toBeNull();
    expect(parseUrlState('#site=<b>ahope').siteId).toBeNull();
    expect(parseUrlState('#site=ahope').siteId).toBe('ahope');
  });

  it('shares a selected 311 request by its stable id, and only ids of the two published forms', () => {
    const state: UrlState = { ...DEFAULT, requestId: 'h-1d4c5da7501f3476-2' };
    expect(serializeUrlState(state)).toBe('#map=12.20/42.33230/-71.07120&req=h-1d4c5da7501f3476-2');
    expect(parseUrlState(serializeUrlState(state)).requestId).toBe('h-1d4c5da7501f3476-2');
    expect(parseUrlState('#req=101001383310').requestId).toBe('101001383310');
    expect(parseUrlState('#req=h-1d4c').requestId).toBeNull();
    expect(parseUrlState('#req=101001383310x').requestId).toBeNull();
    expect(parseUrlState('#req=x101001383310').requestId).toBeNull();
    // One detail panel at a time: a site in the same link wins.
    expect(parseUrlState('#site=ahope&req=101001383310').requestId).toBeNull();
  });

  it('accepts only the tabs of the tool registry', () => {
    expect(parseUrlState('#tab=admin').tab).toBe('layers');
    expect(parseUrlState('#tab=zones').tab).toBe('zones');
  });

  it('keeps a tool state that is not shared by URL when the hash changes', () => {
    const current = { ...DEFAULT.tools, zones: { editingZoneId: 'z1' } };
    expect(parseUrlState('#layers=zones', current).tools['zones']).toEqual({ editingZoneId: 'z1' });
  });
});
