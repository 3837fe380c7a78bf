// The Coverage overlay: circles in straight-line mode, walking catchments in their place when given (circles only for points off the streets).
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildCoverageOverlay } from '../../../../src/map/layers/coverage-layers';

const square = (x: number, y: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]]] });
const parts = (o: ReturnType<typeof buildCoverageOverlay>) => o.data.features.map((f) => `${String(f.properties?.['part'])}:${String(f.properties?.['n'])}`);

describe('buildCoverageOverlay', () => {
  const supply: [number, number][] = [[-71.06, 42.35], [-71.08, 42.33]];
  const proposed: [number, number][] = [[-71.07, 42.34]];

  it('draws a dashed circle round every site without catchments', () => {
    const o = buildCoverageOverlay(supply, proposed, [], 400);
    expect(parts(o)).toEqual(['supply-reach:1', 'supply-reach:2', 'proposed-reach:1', 'proposed:1']);
    expect(o.layers.find((l) => l.id === 'coverage-reach-line')?.paint).toMatchObject({ 'line-dasharray': [2, 1] });
  });

  it('draws each catchment in place of its circle, a circle where there is none, with a solid outline', () => {
    const a = square(-71.06, 42.35);
    const b = square(-71.07, 42.34);
    const o = buildCoverageOverlay(supply, proposed, [[-71.1, 42.3]], 400, { supply: [a, null], proposed: [b] });
    expect(parts(o)).toEqual(['supply-catchment:1', 'supply-reach:2', 'proposed-catchment:1', 'uncovered:0', 'proposed:1']);
    expect(o.data.features[0]!.geometry).toBe(a);
    expect(o.data.features[2]!.geometry).toBe(b);
    expect(o.layers.find((l) => l.id === 'coverage-reach-line')?.paint).toMatchObject({ 'line-dasharray': [1, 0] });
  });

  it('marks the locked sites "L" beside the numbered proposals', () => {
    const o = buildCoverageOverlay(supply, proposed, [], 400, undefined, [[-71.05, 42.36]]);
    expect(o.data.features.filter((f) => f.properties?.['part'] === 'proposed').map((f) => f.properties?.['label'])).toEqual(['1', 'L']);
    expect(o.data.features.at(-1)!.geometry).toEqual({ type: 'Point', coordinates: [-71.05, 42.36] });
  });
});
