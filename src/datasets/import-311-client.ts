// Main-thread side of the 311 import: runs the import in a Web Worker (comlink) and ends the worker when done or aborted.
import * as Comlink from 'comlink';
import type { Import311Result } from './import-311';
import type { Import311WorkerApi } from './import-311-worker';

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The 311 import was aborted', 'AbortError');
}

/**
 * Imports a 311 file (Analyze Boston CSV or Open311 JSON) in a Web Worker, so the page stays responsive.
 * `onProgress` gets the fraction of the file read (0..1). Rejects when `signal` aborts (the worker is terminated)
 * or the worker fails; bad rows never reject, they are in the result.
 */
export function import311File(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Import311Result> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const worker = new Worker(new URL('./import-311-worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<Import311WorkerApi>(worker);
  return new Promise<Import311Result>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      api[Comlink.releaseProxy]();
      worker.terminate();
      done();
    };
    const onAbort = () => settle(() => reject(abortError(signal!)));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (e) => settle(() => reject(new Error(`the 311 import worker failed: ${e.message || 'could not start'}`))));
    api.importFile(file, Comlink.proxy(onProgress)).then(
      (result) => settle(() => resolve(result)),
      (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
