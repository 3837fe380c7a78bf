// A versioned value in localStorage: validated with zod, migrated from older versions, never thrown away when unreadable.
import type { z } from 'zod';

/** The subset of the Web Storage API a store needs (so tests can pass a fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type LocalStoreWarningKind =
  /** The stored text is not JSON, not a versioned envelope, or its data fails the schema: the defaults are shown. */
  | 'corrupted-storage'
  /** The data was readable but `salvage` left part of it out. */
  | 'partly-corrupted-storage'
  /** Saved by a newer version of the app: the defaults are shown, the stored value is left as it was. */
  | 'future-version'
  /** No storage, or reading it throws (blocked by the browser). */
  | 'storage-unavailable'
  /** Writing or removing failed (quota exceeded, storage blocked). */
  | 'save-failed';

/** Why the value shown is not exactly what was saved (or will not be saved). Translated by the UI per kind. */
export type LocalStoreWarning = {
  kind: LocalStoreWarningKind;
  /** English detail for logs and bug reports. */
  detail: string;
  /** Where the unreadable stored text was copied before anything could overwrite it (absent if it could not be). */
  backupKey?: string;
};

export type LocalStoreLoad<T> = {
  value: T;
  /** True when the value came from storage; false on a first visit or when storage was unusable. */
  fromStorage: boolean;
  warning: LocalStoreWarning | null;
};

export type LocalStoreSave = { ok: true } | { ok: false; warning: LocalStoreWarning };

/** Turns the data of version `n` into the data of version `n + 1`; may throw on data it cannot read. */
export type Migration = (data: unknown) => unknown;

export type LocalStoreOptions<T> = {
  /** The localStorage key. The backup of an unreadable value goes to `${key}.backup`. */
  key: string;
  /** The version written by `save`; a positive integer, bumped whenever the data's shape changes. */
  version: number;
  /** Validates the data of the current version (after migration). */
  schema: z.ZodType<T>;
  /** `migrations[n]` upgrades version n's data to version n + 1; every version from the oldest supported one is needed. */
  migrations?: Readonly<Record<number, Migration>>;
  /** The envelope member holding the data (default 'data'); lets an existing stored format keep its name. */
  dataField?: string;
  /**
   * Optional check after the schema: returns the usable part, and what was left out (null when nothing was).
   * Lets a collection keep its readable items when one is broken.
   */
  salvage?: (value: T) => { value: T; leftOut: string | null };
};

export type LocalStore<T> = {
  readonly key: string;
  readonly backupKey: string;
  readonly version: number;
  /** Reads the value; `defaults` on a first visit or when storage is unusable. Never throws. */
  load(storage: KeyValueStorage | null, defaults: T): LocalStoreLoad<T>;
  /** Writes `{ version, savedAt, [dataField]: value }` as JSON. Never throws. */
  save(storage: KeyValueStorage | null, value: T, now?: Date): LocalStoreSave;
  /** Forgets the value, so the next load returns the defaults. Never throws. */
  clear(storage: KeyValueStorage | null): LocalStoreSave;
};

/**
 * A versioned store for one value under one localStorage key. Unreadable stored text (not JSON, a broken envelope, a
 * failed migration or schema, a version from the future) is copied to `backupKey` before the defaults are returned,
 * so a later save cannot destroy what the user had; the main key itself is only ever written by `save`/`clear`.
 */
export function createLocalStore<T>(options: LocalStoreOptions<T>): LocalStore<T> {
  const { key, version, schema, migrations = {}, dataField = 'data', salvage } = options;
  if (!Number.isInteger(version) || version < 1) throw new Error(`local store ${key}: version must be a positive integer`);
  const backupKey = `${key}.backup`;

  const load = (storage: KeyValueStorage | null, defaults: T): LocalStoreLoad<T> => {
    const fallback = (kind: LocalStoreWarningKind, detail: string): LocalStoreLoad<T> => ({
      value: defaults,
      fromStorage: false,
      warning: { kind, detail },
    });
    if (!storage) return fallback('storage-unavailable', 'no localStorage');
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch (error) {
      return fallback('storage-unavailable', errorMessage(error));
    }
    if (text === null) return { value: defaults, fromStorage: false, warning: null };

    const unreadable = (kind: 'corrupted-storage' | 'future-version', detail: string): LocalStoreLoad<T> => ({
      value: defaults,
      fromStorage: false,
      warning: withBackup(storage, backupKey, text, { kind, detail }),
    });

    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch (error) {
      return unreadable('corrupted-storage', `${key} is not JSON: ${errorMessage(error)}`);
    }
    if (!isRecord(stored)) return unreadable('corrupted-storage', `${key} is not an object`);
    const storedVersion = stored.version;
    if (typeof storedVersion !== 'number' || !Number.isInteger(storedVersion) || storedVersion < 1) {
      return unreadable('corrupted-storage', `${key} has no valid version (${String(storedVersion)})`);
    }
    if (storedVersion > version) {
      return unreadable('future-version', `${key} was saved as version ${storedVersion}; this app reads up to ${version}`);
    }
    if (!(dataField in stored)) return unreadable('corrupted-storage', `${key} has no "${dataField}"`);

    let data: unknown = stored[dataField];
    for (let v = storedVersion; v < version; v++) {
      const migrate = migrations[v];
      if (!migrate) return unreadable('corrupted-storage', `${key}: no migration from version ${v} to ${v + 1}`);
      try {
        data = migrate(data);
      } catch (error) {
        return unreadable('corrupted-storage', `${key}: migration from version ${v} failed: ${errorMessage(error)}`);
      }
    }

    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
      return unreadable('corrupted-storage', `${key} does not fit its schema: ${where}${issue?.message ?? 'invalid'}`);
    }
    if (!salvage) return { value: parsed.data, fromStorage: true, warning: null };
    const salvaged = salvage(parsed.data);
    if (salvaged.leftOut === null) return { value: salvaged.value, fromStorage: true, warning: null };
    return {
      value: salvaged.value,
      fromStorage: true,
      warning: withBackup(storage, backupKey, text, { kind: 'partly-corrupted-storage', detail: salvaged.leftOut }),
    };
  };

  const save = (storage: KeyValueStorage | null, value: T, now: Date = new Date()): LocalStoreSave => {
    if (!storage) return { ok: false, warning: { kind: 'storage-unavailable', detail: 'no localStorage' } };
    try {
      storage.setItem(key, JSON.stringify({ version, savedAt: now.toISOString(), [dataField]: value }));
      return { ok: true };
    } catch (error) {
      return { ok: false, warning: { kind: 'save-failed', detail: errorMessage(error) } };
    }
  };

  const clear = (storage: KeyValueStorage | null): LocalStoreSave => {
    if (!storage) return { ok: false, warning: { kind: 'storage-unavailable', detail: 'no localStorage' } };
    try {
      storage.removeItem(key);
      return { ok: true };
    } catch (error) {
      return { ok: false, warning: { kind: 'save-failed', detail: errorMessage(error) } };
    }
  };

  return { key, backupKey, version, load, save, clear };
}

/**
 * Copies the unreadable text to the backup key (one slot per store: the most recent unreadable value) and says so in
 * the warning. Loading the same unreadable text again rewrites the same backup, so nothing accumulates.
 */
function withBackup(storage: KeyValueStorage, backupKey: string, text: string, warning: LocalStoreWarning): LocalStoreWarning {
  try {
    storage.setItem(backupKey, text);
    return { ...warning, backupKey };
  } catch (error) {
    return { ...warning, detail: `${warning.detail} (backup to ${backupKey} failed: ${errorMessage(error)})` };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
