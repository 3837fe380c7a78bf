// `npm run bench:ingest` (node): the 311 importer against bare papaparse on the same synthetic CSV, and a 1,000,000-row streamed import's time and memory.
// BIG_ONLY=1 runs only the 1,000,000-row import. Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x, goal …) PASS|OVER`; exits 1 when the importer miscounts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import { import311Stream, import311Text } from '../../src/datasets/import-311';
import { BOSTON_311_HEADER, synthetic311RowMaker, type Synthetic311Counts } from '../support/synthetic-311';

const root = join(import.meta.dirname, '..', '..');
const ROWS = 200_000;
const BIG_ROWS = 1_000_000;
const NEEDLE_SHARE = 0.05;
const NOW = new Date('2025-01-01T12:00:00Z');
const RUNS = 3;
/** Goal: bare papaparse time / importer time (the importer at least half the bare speed). */
const GOAL_SPEED = 0.5;
/** Goal: heap growth at the peak of a 1,000,000-row import, MB (the text itself is streamed, never held). */
const GOAL_HEAP_MB = 200;
const CHUNK_BYTES = 1 << 16;

type Result = { name: string; value: number; unit: string; baseline: number; baselineUnit: string; ratio: number; goal: string; pass: boolean };

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(3) : x.toPrecision(3));
const format = (r: Result) =>
  `${r.name}: ${fmt(r.value)} ${r.unit} (baseline: ${fmt(r.baseline)} ${r.baselineUnit}, ratio ${fmt(r.ratio)}, goal ${r.goal}) ${r.pass ? 'PASS' : 'OVER'}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The synthetic export's rows: ~5 % Needle Pickup, 1 % of those without coordinates, opened in the year before NOW. */
const rowMaker = (seed: number) => synthetic311RowMaker({ needleShare: NEEDLE_SHARE, rejectEvery: 100, now: NOW, days: 365, seed });
const needleRows = (counts: Synthetic311Counts) => counts.needleAdded + counts.needleRejected;

function ingestBench(): Result {
  const maker = rowMaker(311);
  const lines = [BOSTON_311_HEADER];
  for (let i = 1; i <= ROWS; i++) lines.push(maker.row(i));
  const text = `${lines.join('\n')}\n`;
  lines.length = 0;
  console.log(`synthetic 311 CSV: ${ROWS.toLocaleString('en-US')} rows, ${mb(text.length).toFixed(1)} MB, ${needleRows(maker.counts)} Needle Pickup`);

  const bare: number[] = [];
  const ours: number[] = [];
  let result: ReturnType<typeof import311Text> | null = null;
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    const parsed = Papa.parse<string[]>(text);
    bare.push(performance.now() - t);
    if (parsed.data.length < ROWS) throw new Error('papaparse read too few rows');
    t = performance.now();
    result = import311Text(text, 'bench.csv', { chunkChars: CHUNK_BYTES * 16 });
    ours.push(performance.now() - t);
  }
  const c = result!.counts;
  if (c.rows !== ROWS || c.needle !== needleRows(maker.counts) || c.otherTypes !== maker.counts.otherTypes || c.needle !== result!.records.length + c.rejected) {
    console.error(`importer miscounted: ${JSON.stringify(c)} for ${needleRows(maker.counts)} needle / ${maker.counts.otherTypes} other rows`);
    process.exitCode = 1;
  }
  console.log(`  importer: ${result!.records.length} kept, ${c.rejected} rejected, ${c.otherTypes} other types`);
  const bareMs = median(bare);
  const oursMs = median(ours);
  const ratio = bareMs / oursMs;
  return {
    name: `ingest ${ROWS / 1000}k-row 311 CSV (median of ${RUNS})`,
    value: oursMs,
    unit: 'ms',
    baseline: bareMs,
    baselineUnit: 'ms bare Papa.parse',
    ratio,
    goal: `bare/importer >= ${GOAL_SPEED}`,
    pass: ratio >= GOAL_SPEED,
  };
}

/** A 1,000,000-row file streamed as UTF-8 byte chunks (as File.stream() gives them), never held whole. */
async function bigBench(): Promise<Result[]> {
  const maker = rowMaker(1311);
  const encoder = new TextEncoder();
  let next = 0;
  let bytes = 0;
  let peakHeap = 0;
  // A full collection before measuring, so the baseline is live memory (the 200k-row bench leaves garbage behind).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next > BIG_ROWS) return controller.close();
      const parts: string[] = [];
      let size = 0;
      if (next === 0) {
        parts.push(BOSTON_311_HEADER);
        next = 1;
      }
      while (size < CHUNK_BYTES && next <= BIG_ROWS) {
        const row = maker.row(next++);
        parts.push(row);
        size += row.length + 1;
      }
      const chunk = encoder.encode(`${parts.join('\n')}\n`);
      bytes += chunk.length;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      controller.enqueue(chunk);
    },
  });
  const t = performance.now();
  const result = await import311Stream(stream, { fileName: 'big.csv' });
  const ms = performance.now() - t;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  gc();
  const retained = mb(process.memoryUsage().heapUsed - heapBefore);
  console.log(`retained after import (live, result held): ${retained.toFixed(1)} MB for ${result.records.length} records`);
  const growth = mb(peakHeap - heapBefore);
  const c = result.counts;
  if (c.rows !== BIG_ROWS || c.needle !== result.records.length + c.rejected) {
    console.error(`importer miscounted the big file: ${JSON.stringify(c)}`);
    process.exitCode = 1;
  }
  console.log(
    `1M-row file: ${mb(bytes).toFixed(0)} MB streamed, ${result.records.length} kept, ${c.rejected} rejected; heap before ${mb(heapBefore).toFixed(0)} MB, peak ${mb(peakHeap).toFixed(0)} MB (heapUsed, garbage included)`,
  );
  const mbPerS = mb(bytes) / (ms / 1000);
  return [
    { name: `ingest ${BIG_ROWS / 1e6}M-row 311 CSV streamed`, value: ms, unit: 'ms', baseline: mbPerS, baselineUnit: 'MB/s', ratio: ms / BIG_ROWS * 1000, goal: 'no budget (ratio: µs per row)', pass: true },
    { name: `ingest ${BIG_ROWS / 1e6}M-row heap growth at peak`, value: growth, unit: 'MB', baseline: GOAL_HEAP_MB, baselineUnit: 'MB budget', ratio: growth / GOAL_HEAP_MB, goal: `<= ${GOAL_HEAP_MB} MB`, pass: growth <= GOAL_HEAP_MB },
  ];
}

const results = process.env.BIG_ONLY ? await bigBench() : [ingestBench(), ...(await bigBench())];
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'ingest-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('');
for (const r of results) console.log(format(r));
