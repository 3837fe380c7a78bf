// `npm run bench:ingest-browser`: a synthetic 1,000,000-row 311 CSV (~380 MB, streamed to a temp file) imported through the real Sweeps tab in headless Chromium.
// Prints, as run-bench.ts does, `name: value unit (baseline: value unit, ratio x.xx, goal …) PASS|OVER` for: the import's time
// against bare Papa.parse of the same File in a worker of the same page; the longest main-thread gap against the page's idle
// gap while the file is read, at the end of the import (merge, save, redraw until the file is listed with its count) and in
// all; the page's JS heap after the import (and its peak during it) against a budget.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { writeSynthetic311Csv } from '../support/synthetic-311';
import { BENCH_VIEWPORT, buildBenchApp, root, startBenchBrowser, type BenchResult } from './bench-browser';

const port = Number(process.env.BENCH_PORT ?? 4184);
const origin = `http://127.0.0.1:${port}`;
const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
const TIMEOUT_MS = 300_000;
/** Goal: the longest main-thread gap during the import (issue 10: the page never freezes). */
const GOAL_GAP_MS = 200;
/** Goal: importer time / bare Papa.parse time in a worker (the importer at least half the bare speed). */
const GOAL_TIME_RATIO = 2;
/** Budget: the page's JS heap (main thread, after a GC) once the import has been added to the map, MB. */
const BUDGET_HEAP_MB = 300;
/** How long the main-thread gap is sampled while the page is idle, ms. */
const IDLE_SAMPLE_MS = 3_000;

type Result = BenchResult;

const mb = (bytes: number) => bytes / 1024 / 1024;

function format(r: Result): string {
  const v = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return `${r.name}: ${v(r.value)} ${r.unit} (baseline: ${v(r.baseline)} ${r.baselineUnit}, ratio ${r.ratio.toFixed(2)}, goal ${r.goal}) ${r.pass ? 'PASS' : 'OVER'}`;
}

/**
 * maxGapMs: the longest gap of all; maxGapReadingMs: of the gaps that ended with the watched element still shown;
 * maxGapAfterMs: of the gaps that ended after it had gone (the end of the import: merging, saving, drawing);
 * afterMs: from the watched element going to the done text showing.
 */
type Probe = { durationMs: number; maxGapMs: number; maxGapReadingMs: number; maxGapAfterMs: number; afterMs: number; ticks: number; seen: boolean; gaps: string[] };

/**
 * Starts a setInterval(…, 16) + requestAnimationFrame probe in the page; it records the longest gap between successive
 * callbacks of either. With `watch` it stops itself once that element (by test id) has shown and gone again and the
 * element `done.testId` holds `done.text` (the imported file listed with its count: the import is on the map).
 */
async function startProbe(page: Page, watch: { testId: string; done: { testId: string; text: string } } | null): Promise<void> {
  await page.evaluate((w) => {
    const p = {
      start: performance.now(),
      end: null as number | null,
      gone: null as number | null,
      lastTick: performance.now(),
      lastFrame: performance.now(),
      maxGap: 0,
      maxGapWatched: 0,
      maxGapAfter: 0,
      ticks: 0,
      seen: false,
      timer: 0,
      gaps: [] as string[],
    };
    const note = (gap: number) => {
      p.maxGap = Math.max(p.maxGap, gap);
      if (p.gone !== null) p.maxGapAfter = Math.max(p.maxGapAfter, gap);
    };
    const stop = () => {
      if (p.end !== null) return;
      p.end = performance.now();
      note(Math.max(p.end - p.lastFrame, p.end - p.lastTick));
      clearInterval(p.timer);
    };
    p.timer = window.setInterval(() => {
      const now = performance.now();
      const watched = w !== null && document.querySelector(`[data-testid="${w.testId}"]`) !== null;
      if (w !== null && !watched && p.seen && p.gone === null) p.gone = now;
      const phase = watched ? '' : p.gone !== null ? ' (progress bar gone)' : ' (before the progress bar)';
      if (now - p.lastTick > 100) p.gaps.push(`${(now - p.lastTick).toFixed(0)} ms ending at ${(now - p.start).toFixed(0)} ms${phase}`);
      note(now - p.lastTick);
      if (watched) p.maxGapWatched = Math.max(p.maxGapWatched, now - p.lastTick);
      p.lastTick = now;
      p.ticks++;
      if (w === null) return;
      if (watched) p.seen = true;
      else if (p.gone !== null && (document.querySelector(`[data-testid="${w.done.testId}"]`)?.textContent ?? '').includes(w.done.text)) stop();
    }, 16);
    const frame = () => {
      if (p.end !== null) return;
      const now = performance.now();
      if (now - p.lastFrame > 100) p.gaps.push(`frame gap ${(now - p.lastFrame).toFixed(0)} ms ending at ${(now - p.start).toFixed(0)} ms${p.gone !== null ? ' (progress bar gone)' : ''}`);
      note(now - p.lastFrame);
      p.lastFrame = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    Object.assign(window, { __benchProbe: p, __benchProbeStop: stop });
  }, watch);
}

async function stopProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    type P = { start: number; end: number | null; gone: number | null; maxGap: number; maxGapWatched: number; maxGapAfter: number; ticks: number; seen: boolean; gaps: string[] };
    const w = window as unknown as { __benchProbe: P; __benchProbeStop: () => void };
    w.__benchProbeStop();
    const p = w.__benchProbe;
    const end = p.end ?? performance.now();
    return {
      durationMs: end - p.start,
      maxGapMs: p.maxGap,
      maxGapReadingMs: p.maxGapWatched,
      maxGapAfterMs: p.maxGapAfter,
      afterMs: p.gone === null ? 0 : end - p.gone,
      ticks: p.ticks,
      seen: p.seen,
      gaps: p.gaps,
    };
  });
}

async function heapUsedBytes(cdp: CDPSession, collect: boolean): Promise<number> {
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/**
 * The baseline: the same file read by bare Papa.parse (its own File reader, rows counted in `chunk`) in a Blob worker
 * of the page, from posting the File to the worker's answer. Returns the time and the rows papaparse saw.
 */
async function barePapaInWorker(page: Page, path: string): Promise<{ ms: number; rows: number }> {
  const papaSource = readFileSync(join(root, 'node_modules', 'papaparse', 'papaparse.min.js'), 'utf8');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-bare-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-bare-file', path);
  return page.evaluate(
    (source) =>
      new Promise<{ ms: number; rows: number }>((resolve, reject) => {
        const body = `${source}
self.onmessage = (e) => {
  let rows = 0;
  Papa.parse(e.data, { chunk: (r) => { rows += r.data.length; }, complete: () => self.postMessage({ rows }), error: (err) => self.postMessage({ error: String(err) }) });
};`;
        const url = URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));
        const worker = new Worker(url);
        const file = document.querySelector<HTMLInputElement>('#bench-bare-file')!.files![0]!;
        const t = performance.now();
        worker.onmessage = (e: MessageEvent<{ rows?: number; error?: string }>) => {
          const ms = performance.now() - t;
          worker.terminate();
          URL.revokeObjectURL(url);
          if (e.data.error) reject(new Error(e.data.error));
          else resolve({ ms, rows: e.data.rows ?? 0 });
        };
        worker.onerror = (e) => reject(new Error(`bare papaparse worker failed: ${e.message}`));
        worker.postMessage(file);
      }),
    papaSource,
  );
}

async function main(): Promise<void> {
  buildBenchApp();
  const dir = mkdtempSync(join(tmpdir(), 'ingest-browser-bench-'));
  const path = join(dir, 'synthetic-311-1m.csv');
  let t = performance.now();
  const counts = await writeSynthetic311Csv(path, { rows: ROWS, needleShare: 0.03, now: new Date(), days: 60, rejectEvery: 500, seed: 1311 });
  console.log(
    `synthetic 311 CSV: ${ROWS.toLocaleString('en-US')} rows, ${mb(counts.bytes).toFixed(0)} MB, ${counts.needleAdded} valid + ${counts.needleRejected} rejected Needle Pickup (written in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const { browser, close } = await startBenchBrowser(port);
  const results: Result[] = [];
  try {
    const context = await browser.newContext({ viewport: BENCH_VIEWPORT });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    // tsx keeps function names with a __name helper that functions passed to page.evaluate carry into the page.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/#tab=sweeps`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __hrm?: { ready?: boolean } }).__hrm?.ready === true, undefined, { polling: 50 });
    if (!(await page.getByTestId('sweeps-panel').isVisible())) await page.getByTestId('tab-sweeps').click();
    await page.getByTestId('sweeps-window').waitFor({ state: 'visible' });
    await page.waitForTimeout(2_000);

    await startProbe(page, null);
    await page.waitForTimeout(IDLE_SAMPLE_MS);
    const idle = await stopProbe(page);
    const heapBefore = await heapUsedBytes(cdp, true);

    const bare = await barePapaInWorker(page, path);
    console.log(`  bare Papa.parse(File) in a worker: ${bare.ms.toFixed(0)} ms, ${bare.rows.toLocaleString('en-US')} rows`);
    if (bare.rows < ROWS) throw new Error(`bare papaparse read ${bare.rows} rows of ${ROWS}`);

    // The import: the probe runs from the file pick until the progress bar has gone and the file is listed with its
    // count of requests on the map (merged with the published ones, saved, drawn); the heap is sampled meanwhile.
    const listed = `${counts.needleAdded} requests on the map`;
    await startProbe(page, { testId: 'sweeps-progress', done: { testId: 'sweeps-imports', text: listed } });
    let peakHeap = heapBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakHeap = Math.max(peakHeap, await heapUsedBytes(cdp, false));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    t = performance.now();
    await page.getByTestId('sweeps-file').setInputFiles(path);
    await page.waitForFunction(() => (window as unknown as { __benchProbe: { end: number | null } }).__benchProbe.end !== null, undefined, { polling: 100 });
    const importWallMs = performance.now() - t;
    const during = await stopProbe(page);
    sampling = false;
    await sampler;
    const summary = (await page.getByTestId('sweeps-import-result').locator('p').first().innerText()).trim();
    console.log(`  ${summary}`);
    console.log(`  import: ${during.durationMs.toFixed(0)} ms in the page (${importWallMs.toFixed(0)} ms from the pick), ${during.ticks} probe ticks; idle gap ${idle.maxGapMs.toFixed(0)} ms`);
    console.log(`  from the progress bar gone to "${listed}" shown: ${during.afterMs.toFixed(0)} ms, longest gap then ${during.maxGapAfterMs.toFixed(0)} ms`);
    console.log(`  timer and frame gaps over 100 ms during the import: ${during.gaps.join('; ') || 'none'}`);
    const expected = `${counts.needleAdded} Needle Pickup requests added; ${counts.otherTypes} other requests ignored; 0 duplicate case ids merged (newest kept); ${counts.needleRejected} rejected.`;
    if (!during.seen || !summary.endsWith(expected)) {
      console.error(`the import did not report what the generator wrote (expected "…${expected}")`);
      process.exitCode = 1;
    }
    // Let the map and IndexedDB settle, then measure what stays.
    await page.waitForTimeout(3_000);
    const heapAfter = await heapUsedBytes(cdp, true);
    console.log(`  page JS heap (main thread, after GC): before ${mb(heapBefore).toFixed(0)} MB, peak during ${mb(peakHeap).toFixed(0)} MB (garbage included), after ${mb(heapAfter).toFixed(0)} MB`);
    await context.close();

    const rowsLabel = ROWS >= 1e6 ? `${ROWS / 1e6}M` : `${ROWS / 1e3}k`;
    results.push(
      {
        name: `Sweeps import of a ${rowsLabel}-row 311 CSV (${mb(counts.bytes).toFixed(0)} MB)`,
        value: during.durationMs,
        unit: 'ms',
        baseline: bare.ms,
        baselineUnit: 'ms bare Papa.parse(File) in a worker, same page',
        ratio: during.durationMs / bare.ms,
        goal: `≤ ${GOAL_TIME_RATIO}`,
        pass: during.durationMs / bare.ms <= GOAL_TIME_RATIO,
      },
      {
        name: `longest main-thread gap while the ${rowsLabel}-row file is read (progress bar shown)`,
        value: during.maxGapReadingMs,
        unit: 'ms',
        baseline: idle.maxGapMs,
        baselineUnit: `ms idle (${IDLE_SAMPLE_MS / 1000} s)`,
        ratio: during.maxGapReadingMs / idle.maxGapMs,
        goal: `gap < ${GOAL_GAP_MS} ms`,
        pass: during.maxGapReadingMs < GOAL_GAP_MS,
      },
      {
        name: `longest main-thread gap at the end of the ${rowsLabel}-row import (progress bar gone to its ${counts.needleAdded} requests listed)`,
        value: during.maxGapAfterMs,
        unit: 'ms',
        baseline: idle.maxGapMs,
        baselineUnit: `ms idle (${IDLE_SAMPLE_MS / 1000} s)`,
        ratio: during.maxGapAfterMs / idle.maxGapMs,
        goal: `gap < ${GOAL_GAP_MS} ms`,
        pass: during.maxGapAfterMs < GOAL_GAP_MS,
      },
      {
        name: `longest main-thread gap from the pick to the ${rowsLabel}-row result shown (its ${counts.needleAdded} requests added)`,
        value: during.maxGapMs,
        unit: 'ms',
        baseline: idle.maxGapMs,
        baselineUnit: `ms idle (${IDLE_SAMPLE_MS / 1000} s)`,
        ratio: during.maxGapMs / idle.maxGapMs,
        goal: `gap < ${GOAL_GAP_MS} ms`,
        pass: during.maxGapMs < GOAL_GAP_MS,
      },
      {
        name: `page JS heap after the ${rowsLabel}-row import (after GC)`,
        value: mb(heapAfter),
        unit: 'MB',
        baseline: BUDGET_HEAP_MB,
        baselineUnit: `MB budget (before the import: ${mb(heapBefore).toFixed(0)} MB)`,
        ratio: mb(heapAfter) / BUDGET_HEAP_MB,
        goal: `≤ ${BUDGET_HEAP_MB} MB`,
        pass: mb(heapAfter) <= BUDGET_HEAP_MB,
      },
      {
        name: `page JS heap peak during the ${rowsLabel}-row import`,
        value: mb(peakHeap),
        unit: 'MB',
        baseline: BUDGET_HEAP_MB,
        baselineUnit: 'MB budget (sampled every 250 ms, garbage included)',
        ratio: mb(peakHeap) / BUDGET_HEAP_MB,
        goal: `≤ ${BUDGET_HEAP_MB} MB`,
        pass: mb(peakHeap) <= BUDGET_HEAP_MB,
      },
    );
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'ingest-browser-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('');
  for (const r of results) console.log(format(r));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
