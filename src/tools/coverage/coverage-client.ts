// Main-thread side of the Coverage worker: one Web Worker for the tab's life (it keeps the walking graph and the snapped
// demand); each call says how it is getting on through `onProgress`, and resolves to null when a newer call of the same
// kind was made meanwhile (its answer is stale).
import * as Comlink from 'comlink';
import type { CoverageCurvePoint } from '../../geo/site-selection';
import type { CoverageJob, CoverageProgress, CoverageWorkerApi, CurveJob, MeasureResponse, ProposeJob, ProposeResponse } from './coverage-worker';

export type { CoverageDistance, CoverageProgress, MeasureResponse, ProposeResponse } from './coverage-worker';

let worker: { worker: Worker; api: Comlink.Remote<CoverageWorkerApi> } | null = null;
let nextId = 1;
const latest = { measure: 0, propose: 0, curve: 0 };

function start(): { worker: Worker; api: Comlink.Remote<CoverageWorkerApi> } {
  if (!worker) {
    const w = new Worker(new URL('./coverage-worker.ts', import.meta.url), { type: 'module' });
    worker = { worker: w, api: Comlink.wrap<CoverageWorkerApi>(w) };
    w.addEventListener('error', () => stopCoverageWorker());
  }
  return worker;
}

/** A job without its id: the client numbers the calls. */
type Job<J extends CoverageJob> = Omit<J, 'id'>;

async function call<K extends keyof typeof latest, R>(kind: K, run: (id: number, onProgress: (p: CoverageProgress) => void) => Promise<R>, onProgress: (p: CoverageProgress) => void): Promise<R | null> {
  const id = nextId++;
  latest[kind] = id;
  const live = (p: CoverageProgress) => {
    if (latest[kind] === id) onProgress(p);
  };
  try {
    const out = await run(id, Comlink.proxy(live));
    return latest[kind] === id ? out : null;
  } catch (e) {
    if (latest[kind] !== id) return null;
    throw e;
  }
}

/** Covered flags (and walking catchments) in the worker; null when a newer measure was asked for. Rejects when the worker fails. */
export function measureInWorker(job: Job<CoverageJob>, onProgress: (p: CoverageProgress) => void): Promise<MeasureResponse | null> {
  return call('measure', (id, cb) => start().api.measure({ ...job, id }, cb), onProgress);
}

/** K proposed sites in the worker; null when stale. */
export function proposeInWorker(job: Job<ProposeJob>, onProgress: (p: CoverageProgress) => void): Promise<ProposeResponse | null> {
  return call('propose', (id, cb) => start().api.propose({ ...job, id }, cb), onProgress);
}

/** The coverage curve in the worker; null when stale. */
export function curveInWorker(job: Job<CurveJob>, onProgress: (p: CoverageProgress) => void): Promise<CoverageCurvePoint[] | null> {
  return call('curve', (id, cb) => start().api.curve({ ...job, id }, cb), onProgress);
}

/** Makes any answer on its way stale (the inputs changed and nothing new is asked for). */
export function dropCoverageRequest(kind: keyof typeof latest): void {
  latest[kind] = nextId++;
}

/** Ends the worker (when the Coverage tab closes). */
export function stopCoverageWorker(): void {
  if (!worker) return;
  worker.api[Comlink.releaseProxy]();
  worker.worker.terminate();
  worker = null;
}
