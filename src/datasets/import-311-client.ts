// Main-thread side of the 311 imports: one Web Worker (comlink) reads, merges and saves them; the page gets each
// change as a snapshot whose table's typed arrays were transferred, so taking it in costs the page next to nothing.
import * as Comlink from 'comlink';
import type { NeedleImportReport, NeedleImportSummary, NeedleImportsSnapshot } from './import-311-session';
import type { Import311WorkerApi } from './import-311-worker';
import { needleTableFromPacked, packNeedleTable, type NeedleTable } from './needle-table';

/** A snapshot as the page keeps it: the merged table ready to draw. */
export type NeedleImportsState = {
  imports: readonly NeedleImportSummary[];
  countOf: ReadonlyMap<string, number>;
  warning: string | null;
  /** The published requests with the imports over them; null when there are none (show the published table). */
  table: NeedleTable | null;
};

export type NeedleImportsClient = {
  /** Starts the worker (it reads the saved imports and answers them) unless it runs. */
  start(): void;
  /** The published table to merge the imports over (sent to the worker when it runs, or when it starts). */
  setPublished(table: NeedleTable | null): void;
  /**
   * Imports a 311 file (Analyze Boston CSV or Open311 JSON) in the worker, which adds its Needle requests (if any)
   * and saves them. `onProgress` gets the fraction of the file read (0..1). Rejects when `signal` aborts while the
   * file is read, or when the worker fails; bad rows never reject, they are in the report.
   */
  importFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<NeedleImportReport>;
  remove(importId: string): void;
  /** Ends the worker. */
  dispose(): void;
};

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The 311 import was aborted', 'AbortError');
}

type Running = { worker: Worker; api: Comlink.Remote<Import311WorkerApi>; failed: Promise<never>; lastVersion: number };

/** `onState` gets every newer state; `onError` a message when the worker fails (the next call starts a new one). */
export function createNeedleImportsClient(onState: (state: NeedleImportsState) => void, onError: (message: string) => void): NeedleImportsClient {
  let published: NeedleTable | null = null;
  let running: Running | null = null;
  let nextJob = 1;

  const take = (r: Running, s: NeedleImportsSnapshot) => {
    if (running !== r || s.version <= r.lastVersion) return;
    r.lastVersion = s.version;
    onState({ imports: s.imports, countOf: new Map(s.countOf), warning: s.warning, table: s.table && needleTableFromPacked(s.table) });
  };
  /** A call to the worker that also rejects when the worker fails. */
  const call = <T>(r: Running, p: Promise<T>): Promise<T> => Promise.race([p, r.failed]);

  const ensure = (): Running => {
    if (running) return running;
    const worker = new Worker(new URL('./import-311-worker.ts', import.meta.url), { type: 'module' });
    const api = Comlink.wrap<Import311WorkerApi>(worker);
    let fail: (e: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    failed.catch(() => undefined);
    const r: Running = { worker, api, failed, lastVersion: 0 };
    worker.addEventListener('error', (e) => {
      const error = new Error(`the 311 import worker failed: ${e.message || 'could not start'}`);
      fail(error);
      if (running === r) {
        running = null;
        worker.terminate();
        onError(error.message);
      }
    });
    running = r;
    call(r, api.start(published && packNeedleTable(published))).then(
      (s) => take(r, s),
      (e: unknown) => running === r && onError(`Saved 311 imports could not be read: ${e instanceof Error ? e.message : String(e)}`),
    );
    return r;
  };

  return {
    start: () => void ensure(),
    setPublished(table) {
      if (table === published) return;
      published = table;
      const r = running;
      if (!r) return;
      call(r, r.api.setPublished(table && packNeedleTable(table))).then(
        (s) => take(r, s),
        (e: unknown) => running === r && onError(`The imported 311 files could not be merged: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    importFile(file, onProgress, signal) {
      if (signal?.aborted) return Promise.reject(abortError(signal));
      const r = ensure();
      const jobId = nextJob++;
      const importedAt = new Date().toISOString();
      const summary: NeedleImportSummary = { id: `${file.name}@${importedAt}`, name: file.name, importedAt };
      const done = call(r, r.api.importFile(jobId, file, summary, Comlink.proxy(onProgress))).then(({ report, snapshot }) => {
        // Taken even when the page stopped waiting: once the file was read the import is kept (and saved).
        if (snapshot) take(r, snapshot);
        return report;
      });
      if (!signal) return done;
      return new Promise<NeedleImportReport>((resolve, reject) => {
        const onAbort = () => {
          void r.api.cancel(jobId).catch(() => undefined);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        done.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    remove(importId) {
      const r = ensure();
      call(r, r.api.remove(importId)).then(
        (s) => take(r, s),
        (e: unknown) => running === r && onError(`The 311 import could not be removed: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
    dispose() {
      const r = running;
      running = null;
      if (!r) return;
      r.api[Comlink.releaseProxy]();
      r.worker.terminate();
    },
  };
}
