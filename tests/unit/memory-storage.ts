// An in-memory Web Storage for unit tests of what the app keeps in localStorage (zones, and later sweeps and site edits).
import type { KeyValueStorage } from '../../src/datasets/local-store';

export type MemoryStorageOptions = {
  /** setItem throws, as with a full quota. */
  failWrites?: boolean;
  /** getItem throws, as in a browser that blocks storage. */
  failReads?: boolean;
  /** removeItem throws too (default: as failWrites). */
  failRemoves?: boolean;
};

/** A storage over a Map (exposed as `data`, to inspect what was written). */
export function memoryStorage(initial: Record<string, string> = {}, opts: MemoryStorageOptions = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const failRemoves = opts.failRemoves ?? opts.failWrites;
  return {
    data,
    getItem: (key) => {
      if (opts.failReads) throw new DOMException('blocked', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (opts.failWrites) throw new DOMException('full', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => {
      if (failRemoves) throw new DOMException('blocked', 'SecurityError');
      data.delete(key);
    },
  };
}
