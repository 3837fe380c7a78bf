// The Coverage tab's candidate choices in localStorage (imported list, source, locks, excludes): versioned, validated
// on read, never thrown away when unreadable, so a reload keeps the imported list.
import { z } from 'zod';
import { createLocalStore, type KeyValueStorage, type LocalStoreWarning } from './local-store';

/** Where candidates come from: grid-cell centres (the default), the imported list only, or both. */
export const CANDIDATE_SOURCES = ['grid', 'imported', 'both'] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];

const lngLat = z.tuple([z.number(), z.number()]);
const pinned = z.object({ key: z.string(), name: z.string().nullable(), lngLat });
const choiceSchema = z.object({
  source: z.enum(CANDIDATE_SOURCES),
  imported: z.array(z.object({ name: z.string(), lngLat, address: z.string().nullable() })),
  fileName: z.string().nullable(),
  locked: z.array(pinned),
  excluded: z.array(pinned),
});

/** A candidate the planner locked or excluded: its key (see candidateKey), its name (null for a grid cell) and [lng, lat]. */
export type PinnedCandidate = z.infer<typeof pinned>;
/** What the planner chose about candidates: the source, the imported list and its file's name, locks and excludes. */
export type CandidateChoice = z.infer<typeof choiceSchema>;

export const NO_CANDIDATE_CHOICE: CandidateChoice = { source: 'grid', imported: [], fileName: null, locked: [], excluded: [] };

export const COVERAGE_CANDIDATES_KEY = 'hrm.coverage-candidates';

const store = createLocalStore<CandidateChoice>({ key: COVERAGE_CANDIDATES_KEY, version: 1, dataField: 'choice', schema: choiceSchema });

export function loadCandidateChoice(storage: KeyValueStorage | null): { choice: CandidateChoice; warning: LocalStoreWarning | null } {
  const loaded = store.load(storage, NO_CANDIDATE_CHOICE);
  // No storage at all is the normal case in some browsers: nothing to warn about until a save fails.
  return { choice: loaded.value, warning: loaded.warning?.kind === 'storage-unavailable' ? null : loaded.warning };
}

export function saveCandidateChoice(storage: KeyValueStorage | null, choice: CandidateChoice): LocalStoreWarning | null {
  const saved = store.save(storage, choice);
  return saved.ok ? null : saved.warning;
}
