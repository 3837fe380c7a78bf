import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlState, serializeUrlState, type UrlState } from '../../../src/app/url-state';

describe('url state', () => {
  it('round-trips view, layers, kinds, date window, statuses, site and tab', () => {
    const state: UrlState = {
      view: { center: [-71.06612, 42.33112], zoom: 15.5 },
      layers: ['disposal', 'needles'],
      kinds: ['disposal-kiosk', 'pharmacy'],
      needleFrom: '2026-01-01',
      needleTo: '2026-02-15',
      statuses: ['open'],
      siteId: 'engagement-center',
      tab: 'zones',
    };
    expect(parseUrlState(serializeUrlState(state))).toEqual(state);
  });

  it('leaves defaults out of the hash', () => {
    expect(serializeUrlState(DEFAULT_URL_STATE)).toBe('#map=12.20/42.33230/-71.07120');
  });

  it('keeps an empty layer list (every layer hidden) distinct from the default', () => {
    const state = { ...DEFAULT_URL_STATE, layers: [] };
    expect(parseUrlState(serializeUrlState(state)).layers).toEqual([]);
  });

  it('falls back to defaults on an empty or garbage hash', () => {
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
    expect(parseUrlState('#%%%zz&&==')).toEqual(DEFAULT_URL_STATE);
    expect(parseUrlState('#map=banana')).toEqual(DEFAULT_URL_STATE);
  });

  it('rejects a view outside the allowed area or zoom range, keeping the other parameters', () => {
    const s = parseUrlState('#map=12/10.0/-71.06&layers=zones');
    expect(s.view).toEqual(DEFAULT_URL_STATE.view);
    expect(s.layers).toEqual(['zones']);
    expect(parseUrlState('#map=40/42.33/-71.06').view).toEqual(DEFAULT_URL_STATE.view);
    expect(parseUrlState('#map=NaN/42.33/-71.06').view).toEqual(DEFAULT_URL_STATE.view);
    expect(parseUrlState('#map=12//-71.06').view).toEqual(DEFAULT_URL_STATE.view);
  });

  it('drops unknown layer, kind and status names', () => {
    const s = parseUrlState('#layers=needles,bogus&kinds=nope,pharmacy&status=closed,xyz');
    expect(s.layers).toEqual(['needles']);
    expect(s.kinds).toEqual(['pharmacy']);
    expect(s.statuses).toEqual(['closed']);
    expect(parseUrlState('#layers=bogus').layers).toEqual(DEFAULT_URL_STATE.layers);
  });

  it('ignores impossible or inverted dates', () => {
    expect(parseUrlState('#from=2026-02-30').needleFrom).toBeNull();
    expect(parseUrlState('#from=yesterday').needleFrom).toBeNull();
    const inverted = parseUrlState('#from=2026-03-01&to=2026-01-01');
    expect([inverted.needleFrom, inverted.needleTo]).toEqual([null, null]);
  });

  it('ignores a site id with characters ids never have', () => {
    expect(parseUrlState('#site=<script>').siteId).toBeNull();
    expect(parseUrlState('#tab=admin').tab).toBe('layers');
  });
});
