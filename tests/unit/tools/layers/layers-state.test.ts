import { describe, expect, it } from 'vitest';
import { INITIAL_LAYERS_STATE, layersSlice, setNeedleRange, toggleKind, toggleLayer, toggleStatus } from '../../../../src/tools/layers/layers-state';

const base = INITIAL_LAYERS_STATE;

describe('layers slice', () => {
  it('toggleLayer hides then shows a layer, keeping canonical order', () => {
    const hidden = toggleLayer(base, 'services');
    expect(hidden.layers).toEqual(['disposal', 'needles', 'zones']);
    expect(toggleLayer(hidden, 'services').layers).toEqual(['disposal', 'services', 'needles', 'zones']);
  });

  it('toggleKind and toggleStatus flip one member', () => {
    expect(toggleKind(base, 'pharmacy').kinds).not.toContain('pharmacy');
    expect(toggleKind(base, 'pharmacy').kinds).toHaveLength(base.kinds.length - 1);
    expect(toggleStatus(base, 'open').statuses).toEqual(['unknown', 'closed']);
  });

  it('setNeedleRange swaps an inverted range', () => {
    const s = setNeedleRange(base, '2026-03-01', '2026-01-01');
    expect([s.needleFrom, s.needleTo]).toEqual(['2026-01-01', '2026-03-01']);
  });

  it('never mutates its input', () => {
    const frozen = Object.freeze({ ...base, layers: Object.freeze([...base.layers]) }) as typeof base;
    expect(() => toggleLayer(frozen, 'zones')).not.toThrow();
    expect(frozen.layers).toEqual(base.layers);
  });

  it('reads only its own URL keys', () => {
    const params = new URLSearchParams('layers=zones&site=x&tab=zones&map=1/2/3');
    const s = layersSlice.fromUrl(params, base);
    expect(s).toEqual({ ...base, layers: ['zones'] });
    for (const [key] of layersSlice.toUrl(s)) expect(layersSlice.urlKeys).toContain(key);
  });
});
