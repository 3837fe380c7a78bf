// The candidate sites the planner controls, as pure functions: where candidates come from (grid-cell centres, an
// imported list, or both), which are locked (always chosen: counted as new sites before the search) and which are
// excluded (never chosen). The choice reaches the siting engine only through its `candidates` and `existing` arrays.
import type { CandidateChoice, CandidateSource, PinnedCandidate } from '../../datasets/coverage-candidate-store';
import type { CandidateRow } from '../../datasets/parse-candidate-sites';
import { coveredFlags, type DemandPoint } from '../../geo/coverage';
import type { Located } from './coverage-model';

/** A candidate as the siting engine gets it, with its key and name (null for a grid-cell centre). */
export type PoolCandidate = Located & { key: string; name: string | null };

export type CandidatePool = {
  /** The candidates the search may choose from (locked and excluded ones left out). */
  candidates: PoolCandidate[];
  /** The locked candidates: to be passed to the search with the existing sites. */
  fixed: PoolCandidate[];
  /** Each candidate's name (null for grid cells), by position in `candidates`. */
  labels: (string | null)[];
  /** Changes whenever `candidates` or `fixed` do (for caching the search's answer). */
  signature: string;
};

/** A place's key: its [lng, lat] to 6 decimals (about 0.1 m), so the same place has the same key in every list. */
export function candidateKey(lngLat: readonly [number, number]): string {
  return `${lngLat[0].toFixed(6)},${lngLat[1].toFixed(6)}`;
}

/** FNV-1a over a string, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The candidates of a search and the locked sites to add to the existing ones. Candidates come from `grid` (cell
 * centres), `imported` or both, by `source`; a place in both lists appears once, with its imported name. Excluded
 * and locked places are left out of the candidates; every locked place is in `fixed`, whatever the source.
 * Inputs are not mutated.
 */
export function candidatePool(input: {
  grid: readonly Located[];
  imported: readonly CandidateRow[];
  source: CandidateSource;
  locked: readonly PinnedCandidate[];
  excluded: readonly PinnedCandidate[];
}): CandidatePool {
  const { grid, imported, source, locked, excluded } = input;
  const skip = new Set([...locked, ...excluded].map((p) => p.key));
  const seen = new Set<string>();
  const candidates: PoolCandidate[] = [];
  const add = (lngLat: readonly [number, number], name: string | null) => {
    const key = candidateKey(lngLat);
    if (skip.has(key) || seen.has(key)) return;
    seen.add(key);
    candidates.push({ lngLat: [lngLat[0], lngLat[1]], key, name });
  };
  if (source !== 'grid') for (const c of imported) add(c.lngLat, c.name);
  if (source !== 'imported') for (const c of grid) add(c.lngLat, null);
  const fixed = locked.map((p) => ({ lngLat: [p.lngLat[0], p.lngLat[1]] as [number, number], key: p.key, name: p.name }));
  const signature = hash(`${candidates.map((c) => c.key).join(';')}|${fixed.map((c) => c.key).join(';')}`);
  return { candidates, fixed, labels: candidates.map((c) => c.name), signature };
}

const without = (list: readonly PinnedCandidate[], key: string) => list.filter((p) => p.key !== key);

/** Locks a candidate (always chosen); it is no longer excluded. */
export function lockCandidate(choice: CandidateChoice, c: PinnedCandidate): CandidateChoice {
  return { ...choice, locked: [...without(choice.locked, c.key), c], excluded: without(choice.excluded, c.key) };
}

/** Excludes a candidate (never chosen); it is no longer locked. */
export function excludeCandidate(choice: CandidateChoice, c: PinnedCandidate): CandidateChoice {
  return { ...choice, excluded: [...without(choice.excluded, c.key), c], locked: without(choice.locked, c.key) };
}

/** Neither locked nor excluded any more. */
export function releaseCandidate(choice: CandidateChoice, key: string): CandidateChoice {
  return { ...choice, locked: without(choice.locked, key), excluded: without(choice.excluded, key) };
}

/**
 * A new imported list in place of the old one (null: none). Locks and excludes of the old list's places that are not
 * in the new one are dropped; those of grid cells stay. With no list, the source goes back to grid cells.
 */
export function replaceImported(choice: CandidateChoice, rows: readonly CandidateRow[] | null, fileName: string | null): CandidateChoice {
  const oldKeys = new Set(choice.imported.map((c) => candidateKey(c.lngLat)));
  const newKeys = new Set((rows ?? []).map((c) => candidateKey(c.lngLat)));
  const keep = (p: PinnedCandidate) => !oldKeys.has(p.key) || newKeys.has(p.key);
  return {
    ...choice,
    imported: rows ? [...rows] : [],
    fileName: rows ? fileName : null,
    source: rows && rows.length > 0 ? choice.source : 'grid',
    locked: choice.locked.filter(keep),
    excluded: choice.excluded.filter(keep),
  };
}

/** The candidate at `lngLat` as a pinned one, with its imported name when it has one. */
export function pinOf(lngLat: readonly [number, number], imported: readonly CandidateRow[]): PinnedCandidate {
  const key = candidateKey(lngLat);
  const row = imported.find((c) => candidateKey(c.lngLat) === key);
  return { key, name: row?.name ?? null, lngLat: [lngLat[0], lngLat[1]] };
}

/**
 * Each locked site's gain: the demand weight it newly covers within `radiusMeters` (great-circle), counted after the
 * existing sites and the locked sites before it, in order.
 */
export function lockedGains(demand: readonly DemandPoint[], existing: readonly Located[], fixed: readonly Located[], radiusMeters: number): number[] {
  const covered = coveredFlags(demand, existing, radiusMeters);
  return fixed.map((site) => {
    const reach = coveredFlags(demand, [site], radiusMeters);
    let gain = 0;
    for (let i = 0; i < demand.length; i++) {
      if (reach[i] && !covered[i]) {
        gain += demand[i]!.weight ?? 1;
        covered[i] = 1;
      }
    }
    return gain;
  });
}
