// Tests for rounding positions for output and closing rings that rounding opened.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { closeRing, roundPositions } from '../../../src/geo/round-positions';

describe('roundPositions', () => {
  it('rounds to the given decimals and drops elevation', () => {
    expect(roundPositions([[-71.0612345, 42.3512349, 12]], 5)).toEqual([[-71.06123, 42.35123]]);
  });

  it('drops positions that round onto the previous one, but not onto an earlier one', () => {
    const line: Position[] = [[0, 0], [0.000001, 0.000002], [1, 1], [0, 0.000004]];
    expect(roundPositions(line, 5)).toEqual([[0, 0], [1, 1], [0, 0]]);
  });

  it('does not mutate its input', () => {
    const line: Position[] = [[0.123456, 1.234567, 5]];
    const copy = structuredClone(line);
    roundPositions(line, 2);
    expect(line).toEqual(copy);
  });
});

describe('closeRing', () => {
  it('appends the first position to an open ring', () => {
    expect(closeRing([[0, 0], [1, 0], [1, 1]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
  });

  it('returns a copy of a closed ring unchanged', () => {
    const ring: Position[] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const closed = closeRing(ring);
    expect(closed).toEqual(ring);
    expect(closed).not.toBe(ring);
  });

  it('leaves an empty ring empty', () => {
    expect(closeRing([])).toEqual([]);
  });
});
