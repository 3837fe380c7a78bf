import { describe, expect, it } from 'vitest';
import { appReducer, closeDetails, initialAppState, selectNeedle, selectSite, selectZone, setNeedleRange, toggleKind, toggleLayer, toggleStatus } from '../../../src/app/app-state';
import { DEFAULT_URL_STATE } from '../../../src/app/url-state';

const base = initialAppState(DEFAULT_URL_STATE);

describe('app state updaters', () => {
  it('toggleLayer hides then shows a layer, keeping canonical order', () => {
    const hidden = toggleLayer(base, 'services');
    expect(hidden.layers).toEqual(['disposal', 'needles', 'zones']);
    expect(toggleLayer(hidden, 'services').layers).toEqual(['disposal', 'services', 'needles', 'zones']);
  });

  it('toggleKind and toggleStatus flip one member', () => {
    expect(toggleKind(base, 'pharmacy').kinds).not.toContain('pharmacy');
    expect(toggleStatus(base, 'open').statuses).toEqual(['unknown', 'closed']);
  });

  it('setNeedleRange swaps an inverted range', () => {
    const s = setNeedleRange(base, '2026-03-01', '2026-01-01');
    expect([s.needleFrom, s.needleTo]).toEqual(['2026-01-01', '2026-03-01']);
  });

  it('selecting a site clears a selected request and vice versa; close clears both', () => {
    const a = selectNeedle(base, 4);
    const b = selectSite(a, 'x');
    expect([b.siteId, b.needleIndex]).toEqual(['x', null]);
    expect(selectNeedle(b, 2).siteId).toBeNull();
    const c = closeDetails(b);
    expect([c.siteId, c.needleIndex]).toEqual([null, null]);
  });

  it('selecting a zone clears a selected site and request; selecting a site clears the zone', () => {
    const z = selectZone(selectNeedle(selectSite(base, 'x'), 1), 'mass-cass');
    expect([z.zoneId, z.siteId, z.needleIndex]).toEqual(['mass-cass', null, null]);
    expect(selectSite(z, 'y').zoneId).toBeNull();
    expect(closeDetails(z).zoneId).toBeNull();
  });

  it('never mutates the previous state', () => {
    const frozen = Object.freeze({ ...base, layers: Object.freeze([...base.layers]) }) as typeof base;
    expect(() => appReducer(frozen, { type: 'toggle-layer', layer: 'zones' })).not.toThrow();
    expect(frozen.layers).toEqual(base.layers);
  });

  it('replace-url-state takes the URL state but keeps the transient selection', () => {
    const s = appReducer(selectNeedle(base, 3), { type: 'replace-url-state', urlState: { ...DEFAULT_URL_STATE, tab: 'zones' } });
    expect(s.tab).toBe('zones');
    expect(s.needleIndex).toBe(3);
  });
});
