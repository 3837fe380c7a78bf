// Imported 311 files in IndexedDB (idb-keyval): versioned, validated on read, never throwing. Read and written in the
// import worker (a year of imports is tens of thousands of records: too many to copy on the page's main thread).
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { NEEDLE_STATUSES, type NeedleRecord } from '../domain/needle-request';
import type { NeedleImport } from '../ui/needles-api';

export const NEEDLE_IMPORT_DB_NAME = 'hrm-needles';
export const NEEDLE_IMPORT_STORE_NAME = 'imports';
export const NEEDLE_IMPORTS_KEY = 'needle-imports';
export const NEEDLE_IMPORTS_VERSION = 1;

let store: UseStore | null = null;
const importStore = (): UseStore => (store ??= createStore(NEEDLE_IMPORT_DB_NAME, NEEDLE_IMPORT_STORE_NAME));

const text = z.string().nullable();
const storedRecordSchema: z.ZodType<NeedleRecord> = z.object({
  caseId: text,
  openedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  openedTime: z.string().regex(/^\d{2}:\d{2}$/).nullable(),
  closedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  status: z.enum(NEEDLE_STATUSES),
  closureReason: text,
  neighborhood: text,
  street: text,
  zip: text,
  source: text,
  ward: text,
  coordinates: z.tuple([z.number(), z.number()]),
  dataset: z.string(),
});
const storedImportSchema = z.object({ id: z.string().min(1), name: z.string(), importedAt: z.string(), records: z.array(storedRecordSchema) });
const envelopeSchema = z.object({ version: z.literal(NEEDLE_IMPORTS_VERSION), imports: z.array(z.unknown()) });

export type LoadedNeedleImports = { imports: NeedleImport[]; warning: string | null };

/** The saved imports; an unreadable import is left out and named in the warning (the others are kept). */
export async function loadNeedleImports(): Promise<LoadedNeedleImports> {
  const raw: unknown = await get(NEEDLE_IMPORTS_KEY, importStore());
  if (raw === undefined) return { imports: [], warning: null };
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { imports: [], warning: 'The saved 311 imports could not be read (an unknown version); import the files again.' };
  const imports: NeedleImport[] = [];
  const bad: number[] = [];
  envelope.data.imports.forEach((entry, i) => {
    const parsed = storedImportSchema.safeParse(entry);
    if (parsed.success) imports.push(parsed.data);
    else bad.push(i + 1);
  });
  return { imports, warning: bad.length > 0 ? `Saved 311 import${bad.length > 1 ? 's' : ''} ${bad.join(', ')} could not be read and ${bad.length > 1 ? 'were' : 'was'} left out.` : null };
}

/** Saves the imports (all of them, replacing what was saved); none left removes the entry. */
export async function saveNeedleImports(imports: readonly NeedleImport[]): Promise<void> {
  if (imports.length === 0) await del(NEEDLE_IMPORTS_KEY, importStore());
  else await set(NEEDLE_IMPORTS_KEY, { version: NEEDLE_IMPORTS_VERSION, imports }, importStore());
}

/** Whether anything is saved (readable or not), without reading it: the page asks this before starting the worker. */
export async function hasSavedNeedleImports(): Promise<boolean> {
  return (await keys(importStore())).includes(NEEDLE_IMPORTS_KEY);
}
