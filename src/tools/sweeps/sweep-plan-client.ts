// Main-thread side of the sweep planner: one Web Worker for the tab's life (it keeps the walking graph and the
// distances it has routed), a plan at a time; a newer request makes an older answer stale.
import * as Comlink from 'comlink';
import type { PlanRequest, PlanResponse, SweepPlanWorkerApi } from './sweep-plan-worker';

let worker: { worker: Worker; api: Comlink.Remote<SweepPlanWorkerApi> } | null = null;

function start(): { worker: Worker; api: Comlink.Remote<SweepPlanWorkerApi> } {
  if (!worker) {
    const w = new Worker(new URL('./sweep-plan-worker.ts', import.meta.url), { type: 'module' });
    worker = { worker: w, api: Comlink.wrap<SweepPlanWorkerApi>(w) };
    w.addEventListener('error', () => stopSweepPlanner());
  }
  return worker;
}

/** Plans in the worker. Rejects when the worker fails (it is then restarted on the next call). */
export function planInWorker(req: PlanRequest): Promise<PlanResponse> {
  return start().api.plan(req);
}

/** Ends the worker (when the Sweeps tab closes). */
export function stopSweepPlanner(): void {
  if (!worker) return;
  worker.api[Comlink.releaseProxy]();
  worker.worker.terminate();
  worker = null;
}
