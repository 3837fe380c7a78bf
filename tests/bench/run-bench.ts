// `npm run bench`: builds the app and the bare MapLibre page, serves them, and measures both in the same headless
// Chromium. Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x.xx, goal ≤ y) PASS|OVER`.
// Also the Find tab's cost: that the first map loads none of its code or data, and the time from a click on its tab to
// its search box, against the time to the first map of the same page load.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { BENCH_VIEWPORT, buildBenchApp, root, startBenchBrowser, type BenchResult } from './bench-browser';

const port = Number(process.env.BENCH_PORT ?? 4183);
const origin = `http://127.0.0.1:${port}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const READY_TIMEOUT_MS = 90_000;
/** First-screen JavaScript allowed beyond maplibre-gl's own, in bytes (gzip). */
const FIRST_SCREEN_ALLOWANCE_BYTES = 150 * 1024;
/** Time to the first map with every layer, as a multiple of the bare MapLibre page's. */
const TIME_RATIO_GOAL = 1.3;

type Result = BenchResult;

const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const kb = (bytes: number) => bytes / 1024;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

function format(r: Result): string {
  const v = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  return `${r.name}: ${v(r.value)} ${r.unit} (baseline: ${v(r.baseline)} ${r.baselineUnit}, ratio ${r.ratio.toFixed(2)}, goal ≤ ${r.goal}) ${r.pass ? 'PASS' : 'OVER'}`;
}

/** Waits in the page for the app's ready flag; returns ms from navigation start (the app's own stamp when it has one). */
async function appReadyMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const hrm = (window as unknown as { __hrm?: { ready?: boolean; readyAtMs?: number | null } }).__hrm;
      return hrm?.ready === true ? (hrm.readyAtMs ?? performance.now()) : false;
    },
    undefined,
    { polling: 5, timeout: READY_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

async function bareIdleMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __bareMapIdleMs?: number }).__bareMapIdleMs ?? false,
    undefined,
    { polling: 5, timeout: READY_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/** (1) gzip size of every JavaScript file fetched (page and workers) until the app is ready. */
async function firstScreenJs(browser: Browser): Promise<Result> {
  const context = await browser.newContext({ viewport: BENCH_VIEWPORT });
  const page = await context.newPage();
  let loading = true;
  const bodies: Promise<{ url: string; gzip: number }>[] = [];
  context.on('response', (response) => {
    if (!loading) return;
    const url = new URL(response.url());
    const type = response.headers()['content-type'] ?? '';
    if (url.origin !== origin || !(/\.m?js$/.test(url.pathname) || type.includes('javascript'))) return;
    bodies.push(response.body().then((body) => ({ url: url.pathname, gzip: gzipBytes(body) })));
  });
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  await appReadyMs(page);
  loading = false;
  const files = await Promise.all(bodies);
  await context.close();
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(f.gzip).toFixed(1).padStart(7)} KB  ${f.url}`);

  const dist = join(root, 'node_modules', 'maplibre-gl', 'dist');
  const baseline = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs']
    .map((f) => gzipBytes(readFileSync(join(dist, f))))
    .reduce((a, b) => a + b, 0);
  const total = files.reduce((n, f) => n + f.gzip, 0);
  return {
    name: 'first-screen JS (gzip)',
    value: kb(total),
    unit: 'KB',
    baseline: kb(baseline),
    baselineUnit: 'KB (maplibre-gl dist JS)',
    ratio: total / baseline,
    // Issue 7: at most MapLibre's own JS plus 150 KB (React, i18next, zod and the app); deck.gl stays off it.
    goal: `${kb(baseline + FIRST_SCREEN_ALLOWANCE_BYTES).toFixed(0)} KB (MapLibre + ${kb(FIRST_SCREEN_ALLOWANCE_BYTES)} KB)`,
    pass: total <= baseline + FIRST_SCREEN_ALLOWANCE_BYTES,
  };
}

/** (2) navigation start → all four layers drawn, against the bare MapLibre basemap page; median of alternating cold runs. */
async function timeToMap(browser: Browser): Promise<Result> {
  const once = async (which: 'app' | 'bare'): Promise<number> => {
    const context = await browser.newContext({ viewport: BENCH_VIEWPORT });
    const page = await context.newPage();
    const path = which === 'app' ? '/' : '/tests/bench/bare-map.html';
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    const ms = which === 'app' ? await appReadyMs(page) : await bareIdleMs(page);
    await context.close();
    return ms;
  };
  // One unmeasured run of each warms the browser process (shader compilation, disk cache of the binary).
  await once('app');
  await once('bare');
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await once('app'));
    bare.push(await once('bare'));
  }
  console.log(`  app runs (ms):  ${app.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`  bare runs (ms): ${bare.map((x) => x.toFixed(0)).join(', ')}`);
  const value = median(app);
  const baseline = median(bare);
  const ratio = value / baseline;
  return {
    name: 'time to first map with 4 layers',
    value,
    unit: 'ms',
    baseline,
    baselineUnit: 'ms (bare MapLibre basemap)',
    ratio,
    goal: String(TIME_RATIO_GOAL),
    pass: ratio <= TIME_RATIO_GOAL,
  };
}

/** Find's own data files (src/datasets/place-files.ts loads them when Find first opens). */
const FIND_DATA_FILES = ['/data/geocoder-index.json', '/data/walk-graph.json'];
const FIND_RUNS = Number(process.env.BENCH_FIND_RUNS ?? 3);
/** Find's tab, click to search box, as a multiple of the first map's time in the same page load. */
const FIND_RATIO_GOAL = 1;

type Fetched = { path: string; kind: 'js' | 'data' | 'other'; gzip: number };

/**
 * (3) The Find tab is lazy: loads the app, records every same-origin file fetched until the map is ready, then clicks
 * the Find tab and records what it fetches until its search box shows. Medians over FIND_RUNS cold page loads.
 */
async function findTabCost(browser: Browser): Promise<Result[]> {
  const once = async () => {
    const context = await browser.newContext({ viewport: BENCH_VIEWPORT });
    const page = await context.newPage();
    let phase: 'first' | 'find' | 'done' = 'first';
    const fetched: Promise<Fetched & { phase: 'first' | 'find' }>[] = [];
    context.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin || phase === 'done') return;
      const at = phase;
      const type = response.headers()['content-type'] ?? '';
      const kind = /\.m?js$/.test(url.pathname) || type.includes('javascript') ? 'js' : url.pathname.startsWith('/data/') ? 'data' : 'other';
      fetched.push(response.body().then((body) => ({ path: url.pathname, kind, gzip: gzipBytes(body), phase: at }), () => ({ path: url.pathname, kind, gzip: 0, phase: at })));
    });
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    const firstMapMs = await appReadyMs(page);
    phase = 'find';
    const clickedAt = await page.evaluate(() => {
      const t = performance.now();
      document.querySelector<HTMLElement>('[data-testid="tab-find"]')?.click();
      return t;
    });
    const ready = await page.waitForFunction(() => (document.querySelector('[data-testid="find-search"]') ? performance.now() : false), undefined, {
      polling: 5,
      timeout: READY_TIMEOUT_MS,
    });
    const findMs = ((await ready.jsonValue()) as number) - clickedAt;
    phase = 'done';
    const files = await Promise.all(fetched);
    await context.close();
    return { firstMapMs, findMs, files };
  };
  const runs = [];
  for (let i = 0; i < FIND_RUNS; i++) runs.push(await once());
  const { files } = runs[0]!;
  const first = files.filter((f) => f.phase === 'first');
  const find = files.filter((f) => f.phase === 'find');
  console.log('  loaded before the first map was ready (JS and data, gzip):');
  for (const f of first.filter((x) => x.kind !== 'other').sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(f.gzip).toFixed(1).padStart(7)} KB  ${f.path}`);
  console.log('  loaded by a click on the Find tab:');
  for (const f of find.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${kb(f.gzip).toFixed(1).padStart(7)} KB  ${f.path}`);
  // Find's code is what its tab fetched; its data, the files it loads itself. Neither may be on the first screen.
  const findPaths = new Set([...find.filter((f) => f.kind === 'js').map((f) => f.path), ...FIND_DATA_FILES]);
  const early = first.filter((f) => findPaths.has(f.path) || /find/i.test(f.path));
  for (const f of early) console.log(`  Find's ${f.path} loaded before the first map`);
  const missing = FIND_DATA_FILES.filter((p) => !find.some((f) => f.path === p) && !early.some((f) => f.path === p));
  if (missing.length > 0) throw new Error(`the Find tab did not fetch ${missing.join(', ')}: is the benchmark still measuring Find?`);
  const findBytes = find.filter((f) => f.kind === 'js' || FIND_DATA_FILES.includes(f.path)).reduce((n, f) => n + f.gzip, 0) + early.reduce((n, f) => n + f.gzip, 0);
  const findMs = runs.map((r) => r.findMs);
  const mapMs = runs.map((r) => r.firstMapMs);
  console.log(`  Find tab click → search box (ms): ${findMs.map((x) => x.toFixed(0)).join(', ')}; first map (ms): ${mapMs.map((x) => x.toFixed(0)).join(', ')}`);
  const earlyBytes = early.reduce((n, f) => n + f.gzip, 0);
  return [
    {
      name: "Find's code and data on the first screen (gzip)",
      value: kb(earlyBytes),
      unit: 'KB',
      baseline: kb(findBytes),
      baselineUnit: `KB (Find's JS chunks + ${FIND_DATA_FILES.map((p) => p.replace('/data/', '')).join(' + ')})`,
      ratio: earlyBytes / findBytes,
      goal: '0 (lazy)',
      pass: early.length === 0,
    },
    {
      name: 'Find tab: click → search box ready',
      value: median(findMs),
      unit: 'ms',
      baseline: median(mapMs),
      baselineUnit: 'ms (time to first map, same page loads)',
      ratio: median(findMs) / median(mapMs),
      goal: String(FIND_RATIO_GOAL),
      pass: median(findMs) / median(mapMs) <= FIND_RATIO_GOAL,
    },
  ];
}

async function main(): Promise<void> {
  buildBenchApp();
  const { browser, close } = await startBenchBrowser(port);
  const results: Result[] = [];
  try {
    results.push(await firstScreenJs(browser));
    results.push(await timeToMap(browser));
    results.push(...(await findTabCost(browser)));
  } finally {
    await close();
  }
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('');
  for (const r of results) console.log(format(r));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
