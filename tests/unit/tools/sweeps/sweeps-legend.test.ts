import { describe, expect, it } from 'vitest';
import { classLabels } from '../../../../src/tools/sweeps/sweeps-legend';

describe('the map key of the Sweeps counts', () => {
  it('labels each class from its lower bound to one below the next, the last up to the largest count', () => {
    expect(classLabels([3, 5, 9], 1, 14)).toEqual(['1–2', '3–4', '5–8', '9–14']);
  });
  it('a class of one value is that value; no breaks is one class', () => {
    expect(classLabels([2, 3], 1, 3)).toEqual(['1', '2', '3']);
    expect(classLabels([], 4, 4)).toEqual(['4']);
    expect(classLabels([], 0, 7)).toEqual(['0–7']);
  });
});
