import { describe, expect, it } from 'vitest';
import { appReducer, closeDetails, initialAppState, selectRequest, selectSite, selectZone, updateTool } from '../../../src/app/app-state';
import { defaultUrlState } from '../../../src/app/url-state';
import { toggleLayer, type LayersState } from '../../../src/tools/layers/layers-state';

const base = initialAppState(defaultUrlState());
const layersOf = (s: typeof base) => s.tools['layers'] as LayersState;

describe('app state updaters', () => {
  it('selecting a site clears a selected request and vice versa; close clears both', () => {
    const a = selectRequest(base, 'h-0000000000000004');
    const b = selectSite(a, 'x');
    expect([b.siteId, b.requestId]).toEqual(['x', null]);
    expect(selectRequest(b, '101001383310').siteId).toBeNull();
    const c = closeDetails(b);
    expect([c.siteId, c.requestId]).toEqual([null, null]);
  });

  it('selecting a zone clears a selected site and request; selecting a site clears the zone', () => {
    const z = selectZone(selectRequest(selectSite(base, 'x'), '101001383310'), 'mass-cass');
    expect([z.zoneId, z.siteId, z.requestId]).toEqual(['mass-cass', null, null]);
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

  it('replace-url-state takes the URL state but keeps the transient zone selection', () => {
    const s = appReducer(selectZone(base, 'z1'), { type: 'replace-url-state', urlState: { ...defaultUrlState(), tab: 'zones' } });
    expect(s.tab).toBe('zones');
    expect(s.zoneId).toBe('z1');
  });
});
