// parseTsplib on a hand-written TSPLIB fixture (CRLF, header, NODE_COORD_SECTION, EOF) and on malformed text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { euc2dDistance, parseTsplib } from '../../../src/datasets/parse-tsplib';

const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'tsplib', 'grid20.tsp'), 'utf8');

describe('parseTsplib', () => {
  it('reads the header and every city of a CRLF file in order', () => {
    const instance = parseTsplib(fixture);
    expect(instance.name).toBe('grid20');
    expect(instance.edgeWeightType).toBe('EUC_2D');
    expect(instance.comment).toMatch(/optimal tour length 200/);
    expect(instance.cities).toHaveLength(20);
    expect(instance.cities[0]).toEqual({ id: 1, lngLat: [43, 15] });
    expect(instance.cities.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('rejects a missing section, a count other than DIMENSION and a malformed line', () => {
    expect(() => parseTsplib('NAME : x\nDIMENSION : 2\nEOF\n')).toThrow(/NODE_COORD_SECTION/);
    expect(() => parseTsplib('DIMENSION : 3\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nEOF\n')).toThrow(/DIMENSION is 3 but 2/);
    expect(() => parseTsplib('NODE_COORD_SECTION\n1 0 0\n2 3 x\nEOF\n')).toThrow(/line 3/);
  });

  it('EUC_2D rounds the Euclidean distance to the nearest integer', () => {
    expect(euc2dDistance({ lngLat: [0, 0] }, { lngLat: [3, 4] })).toBe(5);
    expect(euc2dDistance({ lngLat: [0, 0] }, { lngLat: [1, 1] })).toBe(1);
    expect(euc2dDistance({ lngLat: [0, 0] }, { lngLat: [1.5, 2] })).toBe(3); // 2.5 rounds up
  });
});
