// Local site edits and remembered CSV column mappings in IndexedDB (idb-keyval): versioned, validated on read, never throwing.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import { sitePropertiesSchema, type Site } from '../domain/site';
import type { SiteEdit, SiteEdits } from '../domain/site-edits';

/** No edits. The app reads the store on its first screen: the validation code (opening_hours) loads only when some edit is stored. */
const NO_SITE_EDITS: SiteEdits = Object.freeze({});

/** The IndexedDB database and object store of the Sites editor. */
export const SITE_EDIT_DB_NAME = 'hrm-sites';
export const SITE_EDIT_STORE_NAME = 'edits';
/** Key of the edits record; the record is `{ version: SITE_EDITS_VERSION, edits }`. */
export const SITE_EDITS_KEY = 'site-edits';
/** Where an unreadable or partly unreadable edits record is copied before anything can overwrite it. */
export const SITE_EDITS_BACKUP_KEY = 'site-edits.backup';
export const SITE_EDITS_VERSION = 1;
const COLUMN_MAPPING_PREFIX = 'column-mapping:';
const COLUMN_MAPPING_VERSION = 1;

export type StoreSaveResult = { ok: true } | { ok: false; warning: string };
export type LoadedSiteEdits = { edits: SiteEdits; warning: string | null };
/** A CSV column mapping: for each column of the file, the site field it fills, or null to ignore it. */
export type ColumnMapping = Record<string, string | null>;

let defaultStore: UseStore | null = null;

/** The editor's object store, created on first use (idb-keyval opens the database lazily, so importing is safe anywhere). */
function siteEditStore(): UseStore {
  defaultStore ??= createStore(SITE_EDIT_DB_NAME, SITE_EDIT_STORE_NAME);
  return defaultStore;
}

/** The shape of a stored Site: a site feature's properties (without the derived `layer`) and its coordinates; the
 * pipeline's remaining rules are applied after it (validateSite). */
const storedSiteSchema: z.ZodType<Site> = sitePropertiesSchema.omit({ layer: true }).extend({ coordinates: z.tuple([z.number(), z.number()]) });

const storedEditSchema: z.ZodType<SiteEdit> = z.strictObject({
  kind: z.enum(['added', 'changed', 'retired']),
  site: storedSiteSchema,
  at: z.string().min(1),
});

const envelopeSchema = z.object({ version: z.number() });

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** A warning for a failed read or write, in words for the editor. */
function storageWarning(action: 'read' | 'saved' | 'cleared', e: unknown): string {
  const what = action === 'read' ? 'Local site edits could not be read' : `Local site edits could not be ${action}`;
  if (e instanceof Error && e.name === 'QuotaExceededError') return `${what}: the browser's storage for this site is full (${describe(e)}).`;
  return `${what}: the browser's storage (IndexedDB) is unavailable (${describe(e)}).`;
}

/** Copies an unreadable record aside so that the next save cannot destroy it; best effort. */
async function backUp(raw: unknown, store: UseStore): Promise<string> {
  try {
    await set(SITE_EDITS_BACKUP_KEY, raw, store);
    return ` A copy of the stored record was kept under "${SITE_EDITS_BACKUP_KEY}".`;
  } catch {
    return '';
  }
}

/**
 * Reads the local edits. Nothing stored → no edits, no warning. Never throws: IndexedDB unavailable, a record that is
 * not a versioned edits record, or one from an unknown version → no edits and a warning (the record is copied to
 * SITE_EDITS_BACKUP_KEY first). Each edit is checked (its shape, its key matching its site id, and the pipeline's rules
 * through validateSite); the bad ones are left out and counted in the warning.
 */
export async function loadSiteEdits(store: UseStore = siteEditStore()): Promise<LoadedSiteEdits> {
  let raw: unknown;
  try {
    raw = await get<unknown>(SITE_EDITS_KEY, store);
  } catch (e) {
    return { edits: NO_SITE_EDITS, warning: `${storageWarning('read', e)} The published list is shown.` };
  }
  if (raw === undefined) return { edits: NO_SITE_EDITS, warning: null };
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    const kept = await backUp(raw, store);
    return { edits: NO_SITE_EDITS, warning: `The stored local site edits are corrupt (not a versioned edits record): the published list is shown.${kept}` };
  }
  if (envelope.data.version !== SITE_EDITS_VERSION) {
    const kept = await backUp(raw, store);
    return {
      edits: NO_SITE_EDITS,
      warning: `The stored local site edits have version ${envelope.data.version}, which this version of the app cannot read (it reads version ${SITE_EDITS_VERSION}): the published list is shown.${kept}`,
    };
  }
  const stored = (raw as { edits?: unknown }).edits;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    const kept = await backUp(raw, store);
    return { edits: NO_SITE_EDITS, warning: `The stored local site edits are corrupt (no edits in the record): the published list is shown.${kept}` };
  }
  const edits: Record<string, SiteEdit> = {};
  const problems: string[] = [];
  const entries = Object.entries(stored);
  if (entries.length === 0) return { edits: NO_SITE_EDITS, warning: null };
  const { validateSite } = await import('../domain/site-edits');
  for (const [id, value] of entries) {
    const parsed = storedEditSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(`"${id}": ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
      continue;
    }
    if (parsed.data.site.id !== id) {
      problems.push(`"${id}": stored under another id than its site's ("${parsed.data.site.id}")`);
      continue;
    }
    const valid = validateSite(parsed.data.site);
    if (!valid.ok) {
      problems.push(`"${id}": ${valid.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
      continue;
    }
    edits[id] = parsed.data;
  }
  if (problems.length === 0) return { edits, warning: null };
  const kept = await backUp(raw, store);
  return {
    edits,
    warning: `${problems.length} of ${entries.length} stored local site edit(s) could not be read and were left out: ${problems.join(' | ')}.${kept}`,
  };
}

/** Writes the local edits as `{ version: 1, edits }`. Never throws: a full or unavailable storage gives a warning. */
export async function saveSiteEdits(edits: SiteEdits, store: UseStore = siteEditStore()): Promise<StoreSaveResult> {
  try {
    await set(SITE_EDITS_KEY, { version: SITE_EDITS_VERSION, edits }, store);
    return { ok: true };
  } catch (e) {
    return { ok: false, warning: storageWarning('saved', e) };
  }
}

/** Forgets the local edits ("reset to the published list"). Never throws. */
export async function clearSiteEdits(store: UseStore = siteEditStore()): Promise<StoreSaveResult> {
  try {
    await del(SITE_EDITS_KEY, store);
    return { ok: true };
  } catch (e) {
    return { ok: false, warning: storageWarning('cleared', e) };
  }
}


const columnMappingSchema = z.object({
  version: z.literal(COLUMN_MAPPING_VERSION),
  mapping: z.record(z.string(), z.string().nullable()),
});

/** The column mapping remembered under `key` (see mappingKey in site-csv-mapping.ts), or null when none is (or it cannot be read). Never throws. */
export async function loadColumnMapping(key: string, store: UseStore = siteEditStore()): Promise<ColumnMapping | null> {
  try {
    const parsed = columnMappingSchema.safeParse(await get<unknown>(`${COLUMN_MAPPING_PREFIX}${key}`, store));
    return parsed.success ? parsed.data.mapping : null;
  } catch {
    return null;
  }
}

/** Remembers a column mapping under `key` (see mappingKey in site-csv-mapping.ts). Never throws: a full or unavailable storage gives a warning. */
export async function saveColumnMapping(key: string, mapping: ColumnMapping, store: UseStore = siteEditStore()): Promise<StoreSaveResult> {
  try {
    await set(`${COLUMN_MAPPING_PREFIX}${key}`, { version: COLUMN_MAPPING_VERSION, mapping: { ...mapping } }, store);
    return { ok: true };
  } catch (e) {
    return { ok: false, warning: storageWarning('saved', e).replace('Local site edits', 'The column mapping') };
  }
}
