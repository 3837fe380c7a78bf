import { describe, expect, it } from 'vitest';
import { appReducer, closeDetails, initialAppState, selectNeedle, selectSite, selectZone, updateTool } from '../../../src/app/app-state';
import { defaultUrlState } from '../../../src/app/url-state';
import { toggleLayer, type LayersState } from '../../../src/tools/layers/layers-state';

const base = initialAppState(defaultUrlState());
const layersOf = (s: typeof base) => s.tools['layers'] as LayersState;

describe('app state updaters', () => {
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

  it("update-tool applies a tool's updater to its own slice only", () => {
    const s = appReducer(base, { type: 'update-tool', tool: 'layers', updater: (l) => toggleLayer(l as LayersState, 'zones') });
    expect(layersOf(s).layers).toEqual(['disposal', 'services', 'needles']);
    expect(s.tools['zones']).toBe(base.tools['zones']);
    expect(s.view).toBe(base.view);
  });

  it('update-tool for an unknown tool, or an updater that changes nothing, returns the same state', () => {
    expect(updateTool(base, 'nope', () => ({}))).toBe(base);
    expect(updateTool(base, 'layers', (l) => l)).toBe(base);
  });

  it('never mutates the previous state', () => {
    const frozenLayers = Object.freeze({ ...layersOf(base), layers: Object.freeze([...layersOf(base).layers]) });
    const frozen = Object.freeze({ ...base, tools: Object.freeze({ ...base.tools, layers: frozenLayers }) }) as typeof base;
    expect(() => appReducer(frozen, { type: 'update-tool', tool: 'layers', updater: (l) => toggleLayer(l as LayersState, 'zones') })).not.toThrow();
    expect(layersOf(frozen).layers).toEqual(['disposal', 'services', 'needles', 'zones']);
  });

  it('replace-url-state takes the URL state but keeps the transient selection', () => {
    const s = appReducer(selectNeedle(base, 3), { type: 'replace-url-state', urlState: { ...defaultUrlState(), tab: 'zones' } });
    expect(s.tab).toBe('zones');
    expect(s.needleIndex).toBe(3);
  });
});
