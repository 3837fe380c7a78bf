// The 311 table the app draws: the published requests with the user's imported files over them (a case in a later
// file replaces the same case in an earlier file or in the published one).
import { assignNeedleIds, needleBaseId } from '../domain/needle-id';
import type { NeedleRecord } from '../domain/needle-request';
import type { NeedleImport } from '../ui/needles-api';
import { needleTableFromRequests, type NeedleTable } from './needle-table';

export type MergedNeedles = {
  table: NeedleTable;
  /** How many requests of each import are in the table (an import's case that a later import also has counts there). */
  countOf: ReadonlyMap<string, number>;
};

/**
 * Merges `imports` (in import order) over `published`. A request is the same case when its base id is (the 311 case
 * id, else the hash of open date, place and street): the last file that has it wins. Ids are then given as the
 * pipeline gives them, so a published request keeps its id and its shared links.
 */
export function mergeNeedleImports(published: NeedleTable | null, imports: readonly NeedleImport[]): MergedNeedles {
  const winner = new Map<string, { record: NeedleRecord; importId: string | null }>();
  const kept: NeedleRecord[] = [];
  const importedKeys = new Set<string>();
  for (const imp of imports) for (const r of imp.records) importedKeys.add(needleBaseId(r));
  if (published) {
    for (let i = 0; i < published.count; i++) {
      const request = published.get(i);
      const record: NeedleRecord = { ...request };
      delete (record as Partial<typeof request>).id;
      if (!importedKeys.has(needleBaseId(record))) kept.push(record);
    }
  }
  for (const imp of imports) {
    for (const record of imp.records) winner.set(needleBaseId(record), { record, importId: imp.id });
  }
  const countOf = new Map<string, number>(imports.map((imp) => [imp.id, 0]));
  for (const { importId } of winner.values()) if (importId !== null) countOf.set(importId, (countOf.get(importId) ?? 0) + 1);
  const rows = assignNeedleIds([...kept, ...[...winner.values()].map((w) => w.record)]);
  return { table: needleTableFromRequests(rows), countOf };
}
