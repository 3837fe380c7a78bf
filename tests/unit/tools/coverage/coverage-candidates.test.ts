// Tests for the planner's candidates: the pool by source, locks (always chosen, passed as existing sites), excludes
// (never chosen), what survives a new import, the locked sites' gains, and the choice kept in localStorage.
import { describe, expect, it } from 'vitest';
import { COVERAGE_CANDIDATES_KEY, loadCandidateChoice, NO_CANDIDATE_CHOICE, saveCandidateChoice, type CandidateChoice } from '../../../../src/datasets/coverage-candidate-store';
import type { CandidateRow } from '../../../../src/datasets/parse-candidate-sites';
import { selectSites } from '../../../../src/geo/site-selection';
import { candidateKey, candidatePool, excludeCandidate, lockCandidate, lockedGains, pinOf, releaseCandidate, replaceImported } from '../../../../src/tools/coverage/coverage-candidates';
import type { Located } from '../../../../src/tools/coverage/coverage-model';
import { memoryStorage } from '../../memory-storage';

const grid = [{ lngLat: [-71.06, 42.35] as [number, number] }, { lngLat: [-71.07, 42.34] as [number, number] }];
const imported: CandidateRow[] = [
  { name: 'Library', lngLat: [-71.08, 42.33], address: '1 Main St' },
  { name: 'Same as a cell', lngLat: [-71.06, 42.35], address: null },
];
const choice = (patch: Partial<CandidateChoice> = {}): CandidateChoice => ({ ...NO_CANDIDATE_CHOICE, imported, fileName: 'c.csv', ...patch });
const pool = (c: CandidateChoice) => candidatePool({ grid, imported: c.imported, source: c.source, locked: c.locked, excluded: c.excluded });

describe('candidatePool', () => {
  it('takes grid cells, the imported list only, or both (a place in both once, with its name)', () => {
    expect(pool(choice({ source: 'grid' })).candidates.map((c) => c.name)).toEqual([null, null]);
    expect(pool(choice({ source: 'imported' })).candidates.map((c) => c.name)).toEqual(['Library', 'Same as a cell']);
    const both = pool(choice({ source: 'both' }));
    expect(both.candidates.map((c) => c.name)).toEqual(['Library', 'Same as a cell', null]);
    expect(both.labels).toEqual(['Library', 'Same as a cell', null]);
    expect(both.candidates.map((c) => c.lngLat)).toEqual([[-71.08, 42.33], [-71.06, 42.35], [-71.07, 42.34]]);
  });

  it('leaves excluded places out of the candidates', () => {
    const c = excludeCandidate(choice({ source: 'both' }), pinOf([-71.08, 42.33], imported));
    const p = pool(c);
    expect(p.candidates.map((x) => x.key)).not.toContain(candidateKey([-71.08, 42.33]));
    expect(p.fixed).toEqual([]);
  });

  it('moves locked places from the candidates to the fixed sites, whatever the source', () => {
    const c = lockCandidate(choice({ source: 'imported' }), pinOf([-71.07, 42.34], imported));
    const p = pool(c);
    expect(p.fixed.map((x) => x.lngLat)).toEqual([[-71.07, 42.34]]);
    expect(p.candidates.map((x) => x.name)).toEqual(['Library', 'Same as a cell']);
    const locked = pool(lockCandidate(choice({ source: 'both' }), pinOf([-71.08, 42.33], imported)));
    expect(locked.fixed).toEqual([{ lngLat: [-71.08, 42.33], key: candidateKey([-71.08, 42.33]), name: 'Library' }]);
    expect(locked.candidates.map((x) => x.name)).toEqual(['Same as a cell', null]);
  });

  it('changes its signature when the candidates or the locks change, and not otherwise', () => {
    const a = pool(choice({ source: 'both' }));
    expect(pool(choice({ source: 'both' })).signature).toBe(a.signature);
    expect(pool(choice({ source: 'imported' })).signature).not.toBe(a.signature);
    expect(pool(excludeCandidate(choice({ source: 'both' }), pinOf([-71.07, 42.34], imported))).signature).not.toBe(a.signature);
    expect(pool(lockCandidate(choice({ source: 'both' }), pinOf([-71.07, 42.34], imported))).signature).not.toBe(a.signature);
  });

  it('does not change its inputs', () => {
    const c = lockCandidate(choice({ source: 'both' }), pinOf([-71.08, 42.33], imported));
    const before = JSON.stringify([grid, c]);
    pool(c).fixed[0]!.lngLat[0] = 0;
    expect(JSON.stringify([grid, c])).toBe(before);
  });
});

describe('locks and excludes', () => {
  const library = pinOf([-71.08, 42.33], imported);
  it('a lock undoes an exclude and the other way round; release undoes both', () => {
    const excluded = excludeCandidate(choice(), library);
    const locked = lockCandidate(excluded, library);
    expect([locked.locked.length, locked.excluded.length]).toEqual([1, 0]);
    const again = excludeCandidate(locked, library);
    expect([again.locked.length, again.excluded.length]).toEqual([0, 1]);
    const released = releaseCandidate(again, library.key);
    expect([released.locked.length, released.excluded.length]).toEqual([0, 0]);
  });

  it('a new import drops the pins of the old list not in the new one, keeps grid pins, and no list means grid', () => {
    const cell = pinOf([-71.07, 42.34], imported);
    const c = lockCandidate(excludeCandidate(choice({ source: 'imported' }), library), cell);
    const next = replaceImported(c, [{ name: 'Other', lngLat: [-71.05, 42.36], address: null }], 'd.csv');
    expect(next.excluded).toEqual([]);
    expect(next.locked).toEqual([cell]);
    expect(next.source).toBe('imported');
    expect(replaceImported(next, null, null)).toMatchObject({ imported: [], fileName: null, source: 'grid' });
  });

  it('the search never chooses an excluded candidate, and counts a locked one as already there', () => {
    // Demand piled at the library; one lone request at a grid cell.
    const demand = [...Array.from({ length: 5 }, () => ({ lngLat: [-71.08, 42.33] as [number, number], weight: 1 })), { lngLat: [-71.07, 42.34] as [number, number], weight: 1 }];
    const free = pool(choice({ source: 'both' }));
    const best = selectSites<Located>(demand, free.candidates, [], { k: 1, radiusMeters: 100 }).chosen[0]!;
    expect(free.candidates[best.index]!.name).toBe('Library');
    const ex = pool(excludeCandidate(choice({ source: 'both' }), library));
    const second = selectSites<Located>(demand, ex.candidates, ex.fixed, { k: 1, radiusMeters: 100 });
    expect(ex.candidates[second.chosen[0]!.index]!.name).not.toBe('Library');
    expect(second.chosen[0]!.gain).toBe(1);
    const lk = pool(lockCandidate(choice({ source: 'both' }), library));
    const withLock = selectSites<Located>(demand, lk.candidates, lk.fixed, { k: 1, radiusMeters: 100 });
    expect(withLock.existingCovered).toBe(5);
    expect(withLock.chosen[0]!.gain).toBe(1);
    expect(lockedGains(demand, [], lk.fixed, 100)).toEqual([5]);
  });
});

describe('lockedGains', () => {
  it('counts each locked site after the existing ones and the locks before it', () => {
    const demand = [[-71.06, 42.35], [-71.0601, 42.35], [-71.08, 42.33], [-71.09, 42.32]].map((lngLat) => ({ lngLat: lngLat as [number, number], weight: 2 }));
    const existing = [{ lngLat: [-71.06, 42.35] as [number, number] }];
    const fixed = [{ lngLat: [-71.0601, 42.35] as [number, number] }, { lngLat: [-71.08, 42.33] as [number, number] }, { lngLat: [-71.0801, 42.33] as [number, number] }];
    expect(lockedGains(demand, existing, fixed, 50)).toEqual([0, 2, 0]);
  });
});

describe('the candidate choice in localStorage', () => {
  it('round-trips, and falls back to grid cells on unreadable storage (kept as a backup)', () => {
    const storage = memoryStorage();
    const c = lockCandidate(choice({ source: 'imported' }), pinOf([-71.08, 42.33], imported));
    expect(saveCandidateChoice(storage, c)).toBeNull();
    expect(loadCandidateChoice(storage)).toEqual({ choice: c, warning: null });
    storage.data.set(COVERAGE_CANDIDATES_KEY, '{"version":1,"choice":{"source":"nowhere"}}');
    const broken = loadCandidateChoice(storage);
    expect(broken.choice).toEqual(NO_CANDIDATE_CHOICE);
    expect(broken.warning?.kind).toBe('corrupted-storage');
    expect(storage.data.get(`${COVERAGE_CANDIDATES_KEY}.backup`)).toContain('nowhere');
  });
});
