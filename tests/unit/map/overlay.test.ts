import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { interactiveLayerIds, planOverlaySync, type OverlaySpec } from '../../../src/map/overlay';

const fc = () => ({ type: 'FeatureCollection' as const, features: [] });
const circle = (id: string, paint: Record<string, unknown> = {}, layout: Record<string, unknown> = {}, filter?: unknown): LayerSpecification =>
  ({ id, type: 'circle', source: 'a', paint, layout, ...(filter ? { filter } : {}) }) as LayerSpecification;

describe('planOverlaySync', () => {
  it('adds every source before its layers on the first sync', () => {
    const a: OverlaySpec = { id: 'a', data: fc(), layers: [circle('a1'), circle('a2')] };
    const ops = planOverlaySync(null, [a]);
    expect(ops.map((o) => o.op)).toEqual(['add-source', 'add-layer', 'add-layer']);
  });

  it('does nothing when nothing changed', () => {
    const a: OverlaySpec = { id: 'a', data: fc(), layers: [circle('a1', { 'circle-radius': 3 })] };
    expect(planOverlaySync([a], [{ ...a, layers: [circle('a1', { 'circle-radius': 3 })] }])).toEqual([]);
  });

  it('replaces the data only when its reference changed', () => {
    const data = fc();
    const a: OverlaySpec = { id: 'a', data, layers: [] };
    expect(planOverlaySync([a], [{ ...a }])).toEqual([]);
    const next = fc();
    expect(planOverlaySync([a], [{ ...a, data: next }])).toEqual([{ op: 'set-data', sourceId: 'a', data: next }]);
  });

  it('changes a filter, a paint property and visibility in place', () => {
    const before: OverlaySpec = { id: 'a', data: fc(), layers: [circle('a1', { 'circle-radius': 3 }, { visibility: 'visible' }, ['==', 'x', 1])] };
    const after: OverlaySpec = { ...before, layers: [circle('a1', { 'circle-radius': 5 }, { visibility: 'none' }, ['==', 'x', 2])] };
    expect(planOverlaySync([before], [after])).toEqual([
      { op: 'set-filter', layerId: 'a1', filter: ['==', 'x', 2] },
      { op: 'set-layout', layerId: 'a1', name: 'visibility', value: 'none' },
      { op: 'set-paint', layerId: 'a1', name: 'circle-radius', value: 5 },
    ]);
  });

  it('a layout property left out goes back to visible', () => {
    const before: OverlaySpec = { id: 'a', data: fc(), layers: [circle('a1', {}, { visibility: 'none' })] };
    const after: OverlaySpec = { ...before, layers: [circle('a1')] };
    expect(planOverlaySync([before], [after])).toEqual([{ op: 'set-layout', layerId: 'a1', name: 'visibility', value: 'visible' }]);
  });

  it('removes layers before their source, and re-adds a layer whose type changed', () => {
    const a: OverlaySpec = { id: 'a', data: fc(), layers: [circle('a1')] };
    const b: OverlaySpec = { id: 'b', data: fc(), layers: [circle('b1')] };
    expect(planOverlaySync([a, b], [a]).map((o) => o.op)).toEqual(['remove-layer', 'remove-source']);
    const asFill = { ...a, layers: [{ id: 'a1', type: 'fill', source: 'a' } as LayerSpecification] };
    expect(planOverlaySync([a], [asFill]).map((o) => o.op)).toEqual(['remove-layer', 'add-layer']);
  });

  it('lists the interactive layers of every overlay', () => {
    const a: OverlaySpec = { id: 'a', data: fc(), layers: [], interactiveLayerIds: ['a1'] };
    const b: OverlaySpec = { id: 'b', data: fc(), layers: [], interactiveLayerIds: ['b1', 'b2'] };
    expect(interactiveLayerIds([a, b])).toEqual(['a1', 'b1', 'b2']);
  });
});
