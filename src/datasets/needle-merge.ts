// The 311 table the app draws: the published requests with the user's imported files over them (a case in a later
// file replaces the same case in an earlier file or in the published one).
import { needleBaseId } from '../domain/needle-id';
import type { NeedleRecord, NeedleRequest } from '../domain/needle-request';
import type { NeedleImport } from '../ui/needles-api';
import { needleTableFromRequests, type NeedleTable } from './needle-table';

export type MergedNeedles = {
  table: NeedleTable;
  /** How many requests of each import are in the table (an import's case that a later import also has counts there). */
  countOf: ReadonlyMap<string, number>;
};

/**
 * Merges `imports` (in import order) over `published`. A request is the same case when its base id is (the 311 case
 * id, else the hash of open date, place and street): the last file that has it wins. A published request the imports
 * do not have keeps its id (and its shared links); an imported one gets its base id.
 */
export function mergeNeedleImports(published: NeedleTable | null, imports: readonly NeedleImport[]): MergedNeedles {
  const winner = new Map<string, { record: NeedleRecord; importId: string | null }>();
  const kept: NeedleRequest[] = [];
  const importedKeys = new Set<string>();
  for (const imp of imports) for (const r of imp.records) importedKeys.add(needleBaseId(r));
  if (published) {
    for (let i = 0; i < published.count; i++) {
      const request = published.get(i);
      if (!importedKeys.has(needleBaseId(request))) kept.push(request);
    }
  }
  for (const imp of imports) {
    for (const record of imp.records) winner.set(needleBaseId(record), { record, importId: imp.id });
  }
  const countOf = new Map<string, number>(imports.map((imp) => [imp.id, 0]));
  for (const { importId } of winner.values()) if (importId !== null) countOf.set(importId, (countOf.get(importId) ?? 0) + 1);
  // A kept request keeps its published id as it is: giving ids again from the decoded fields (coordinates rounded to
  // 6 decimals) could hand a "-2" suffix to the other of two requests the pipeline told apart by their raw coordinates.
  // An imported case is the only one left with its base id, so that is its id (a suffix only if, against the id
  // patterns, a kept id already is that text).
  const taken = new Set(kept.map((r) => r.id));
  const imported = [...winner.values()].map(({ record }) => {
    const base = needleBaseId(record);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { id, ...record };
  });
  const rows = [...kept, ...imported];
  return { table: needleTableFromRequests(rows), countOf };
}
