import { describe, expect, it } from 'vitest';
import { applyDiff, changedSiteFields, diffSites } from '../../../src/domain/site-diff';
import { sampleSite } from '../datasets/site-sample';

const a = sampleSite({ id: 'a', name: 'A' });
const b = sampleSite({ id: 'b', name: 'B' });
const c = sampleSite({ id: 'c', name: 'C' });
const bMoved = { ...b, coordinates: [-71.06, 42.34] as [number, number], coordPrecision: 'pinned' as const };
const d = sampleSite({ id: 'd', name: 'D' });

describe('diffSites', () => {
  it('finds added, changed (with the fields) and unchanged sites; merge never retires', () => {
    const diff = diffSites([a, b, c], [bMoved, d, a], 'merge');
    expect(diff).toEqual({ added: [d], changed: [{ before: b, after: bMoved, fields: ['coordinates', 'coordPrecision'] }], retired: [], unchanged: 2 });
  });

  it('replace retires the current sites the incoming list lacks', () => {
    const diff = diffSites([a, b, c], [bMoved, d, a], 'replace');
    expect(diff.retired).toEqual([c]);
    expect(diff.unchanged).toBe(1);
    expect(diff.added).toEqual([d]);
  });

  it('sees changes in lists and nulls, not in equal copies', () => {
    expect(changedSiteFields(a, { ...a, services: ['x'], phone: '1', languages: [...a.languages] })).toEqual(['phone', 'services']);
    expect(changedSiteFields(a, structuredClone(a))).toEqual([]);
    expect(changedSiteFields({ ...a, services: ['x', 'y'] }, { ...a, services: ['y', 'x'] })).toEqual(['services']);
  });

  it('gives an empty diff for the same list, in either mode', () => {
    for (const mode of ['merge', 'replace'] as const) {
      expect(diffSites([a, b], [structuredClone(b), structuredClone(a)], mode)).toEqual({ added: [], changed: [], retired: [], unchanged: 2 });
    }
  });

  it('handles empty lists: all added, or (replace) all retired', () => {
    expect(diffSites([], [a, b], 'merge')).toEqual({ added: [a, b], changed: [], retired: [], unchanged: 0 });
    expect(diffSites([a, b], [], 'replace')).toEqual({ added: [], changed: [], retired: [a, b], unchanged: 0 });
    expect(diffSites([a, b], [], 'merge')).toEqual({ added: [], changed: [], retired: [], unchanged: 2 });
  });

  it('counts a repeated incoming id once, its last version', () => {
    const d2 = { ...d, name: 'D again' };
    expect(diffSites([], [d, d2], 'merge').added).toEqual([d2]);
  });

  it('does not modify its inputs', () => {
    const current = [a, b, c];
    const incoming = [bMoved, d];
    const copies = structuredClone([current, incoming]);
    diffSites(current, incoming, 'replace');
    expect([current, incoming]).toEqual(copies);
  });
});

describe('applyDiff', () => {
  it('replaces changed sites in place, removes retired ones and appends added ones', () => {
    const current = [a, b, c];
    expect(applyDiff(current, diffSites(current, [bMoved, d, a], 'replace'))).toEqual([a, bMoved, d]);
    expect(applyDiff(current, diffSites(current, [bMoved, d, a], 'merge'))).toEqual([a, bMoved, c, d]);
  });

  it('after replace gives the incoming sites; after merge every incoming site is in the result as incoming', () => {
    const current = [a, b, c];
    const incoming = [d, bMoved, a];
    const replaced = applyDiff(current, diffSites(current, incoming, 'replace'));
    expect([...replaced].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...incoming].sort((x, y) => x.id.localeCompare(y.id)));
    const merged = applyDiff(current, diffSites(current, incoming, 'merge'));
    for (const s of incoming) expect(merged.find((m) => m.id === s.id)).toEqual(s);
    expect(diffSites(merged, incoming, 'merge')).toEqual({ added: [], changed: [], retired: [], unchanged: 4 });
  });

  it('returns a new array and leaves current untouched; an empty diff gives an equal list', () => {
    const current = [a, b];
    const copy = structuredClone(current);
    const next = applyDiff(current, diffSites(current, [d], 'replace'));
    expect(next).not.toBe(current);
    expect(current).toEqual(copy);
    expect(applyDiff(current, diffSites(current, current, 'replace'))).toEqual(current);
  });
});
