// Tests for joining the ways of a street that meet end to end.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mergeLines } from '../../../src/geo/merge-lines';

describe('mergeLines', () => {
  it('does not mutate its input and reverses a way to join it', () => {
    const lines: Position[][] = [[[0, 0], [1, 0]], [[2, 0], [1, 0]]];
    const copy = structuredClone(lines);
    expect(mergeLines(lines)).toEqual([[[0, 0], [1, 0], [2, 0]]]);
    expect(lines).toEqual(copy);
  });

  it('chains ways given in any order, extending at both ends', () => {
    const lines: Position[][] = [[[1, 0], [2, 0]], [[3, 0], [2, 0]], [[0, 0], [1, 0]]];
    expect(mergeLines(lines)).toEqual([[[0, 0], [1, 0], [2, 0], [3, 0]]]);
  });

  it('keeps pieces that do not touch apart', () => {
    const lines: Position[][] = [[[0, 0], [1, 0]], [[5, 5], [6, 6]]];
    expect(mergeLines(lines)).toEqual(lines);
  });

  it('uses every way exactly once (every input position appears in the output)', () => {
    const lines: Position[][] = [[[0, 0], [1, 0]], [[1, 0], [2, 0]], [[1, 0], [1, 1]], [[9, 9], [8, 8]]];
    const merged = mergeLines(lines);
    const segments = (ls: Position[][]) => ls.flatMap((l) => l.slice(1).map((p, i) => [l[i], p].map(String).sort().join('|'))).sort();
    expect(segments(merged)).toEqual(segments(lines));
  });
});
