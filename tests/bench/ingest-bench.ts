// `npm run bench:ingest` (node): the 311 importer against bare papaparse on the same synthetic CSV, and a 1,000,000-row streamed import's time and memory.
// BIG_ONLY=1 runs only the 1,000,000-row import. Prints one line per benchmark: `name: value unit (baseline: value unit, ratio x, goal …) PASS|OVER`; exits 1 when the importer miscounts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import { import311Stream, import311Text } from '../../src/datasets/import-311';
import { mulberry32 as seededRandom } from '../unit/seeded-random';

const root = join(import.meta.dirname, '..', '..');
const ROWS = 200_000;
const BIG_ROWS = 1_000_000;
const NEEDLE_SHARE = 0.05;
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

const HEADER =
  'case_enquiry_id,open_dt,sla_target_dt,closed_dt,on_time,case_status,closure_reason,case_title,subject,reason,type,queue,department,submitted_photo,closed_photo,location,fire_district,pwd_district,city_council_district,police_district,neighborhood,neighborhood_services_district,ward,precinct,location_street_name,location_zipcode,latitude,longitude,geom_4326,source';
const OTHER_TYPES = ['Request for Pothole Repair', 'Street Light Outages', 'Missed Trash/Recycling/Yard Waste/Bulk Item', 'Parking Enforcement', 'Rodent Activity', 'Requests for Street Cleaning'];
const NEIGHBORHOODS = ['South End', 'Roxbury', 'Dorchester', 'Downtown / Financial District', 'Back Bay', 'Jamaica Plain', 'East Boston', 'Charlestown'];
const STREETS = ['Melnea Cass Blvd', 'Massachusetts Ave', 'Washington St', 'Albany St', 'Boylston St', 'Dorchester Ave', 'Blue Hill Ave', 'Tremont St'];
const SOURCES = ['Citizens Connect App', 'Constituent Call', 'Employee Generated', 'Self Service'];

/** Row generator of a synthetic 311 export in the current schema: ~5 % Needle Pickup, 1 % of those with bad coordinates. */
function rowMaker(seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const counts = { needle: 0, other: 0 };
  return {
    counts,
    row(i: number): string {
      const needle = rand() < NEEDLE_SHARE;
      if (needle) counts.needle++;
      else counts.other++;
      const type = needle ? 'Needle Pickup' : pick(OTHER_TYPES);
      const day = 1 + Math.floor(rand() * 28);
      const open = `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(Math.floor(rand() * 24)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00`;
      const closed = rand() < 0.85;
      const lat = needle && rand() < 0.01 ? '' : (42.3 + rand() * 0.08).toFixed(6);
      const lng = (-71.12 + rand() * 0.1).toFixed(6);
      const street = pick(STREETS);
      const hood = pick(NEIGHBORHOODS);
      return [
        String(101005000000 + i),
        open,
        '',
        closed ? open : '',
        'ONTIME',
        closed ? 'Closed' : 'Open',
        closed ? '"Case Resolved. Recovered items, area clean."' : '',
        type,
        "Mayor's 24 Hour Hotline",
        needle ? 'Needle Program' : 'Highway Maintenance',
        type,
        needle ? 'GEN_Needle_Pickup' : 'PWDx_District 1C: Downtown',
        needle ? 'GEN_' : 'PWDx',
        '',
        '',
        `"${100 + (i % 900)} ${street}, Boston, MA, 02118"`,
        '4',
        '1C',
        '2',
        'D4',
        hood,
        '6',
        `Ward ${1 + (i % 22)}`,
        `0${1 + (i % 9)}0${1 + (i % 7)}`,
        street,
        '02118',
        lat,
        lng,
        `"POINT (${lng} ${lat})"`,
        pick(SOURCES),
      ].join(',');
    },
  };
}

function ingestBench(): Result {
  const maker = rowMaker(311);
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) lines.push(maker.row(i));
  const text = `${lines.join('\n')}\n`;
  lines.length = 0;
  console.log(`synthetic 311 CSV: ${ROWS.toLocaleString('en-US')} rows, ${mb(text.length).toFixed(1)} MB, ${maker.counts.needle} Needle Pickup`);

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
  if (c.rows !== ROWS || c.needle !== maker.counts.needle || c.otherTypes !== maker.counts.other || c.needle !== result!.records.length + c.rejected) {
    console.error(`importer miscounted: ${JSON.stringify(c)} for ${maker.counts.needle} needle / ${maker.counts.other} other rows`);
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
        parts.push(HEADER);
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
