// `npm run geocode`: one query per line on stdin, one JSON object per line on stdout, in order (logs go to stderr).
//
// Output: {"query","label","lng","lat","precision","neighborhood"} for the best match, {"query","error"} otherwise.
// Uses the app's geocoder module and the app's generated index (public/data/geocoder-index.json, or $HRM_OUT_DIR).
// npm itself prints a "> tsx scripts/geocode.ts" banner on stdout: for clean output run `npm run -s geocode < in.txt`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DATA_FILES } from '../src/config/city';
import { parseGeocoderIndex } from '../src/datasets/geocoder-index';
import { createGeocoder, type Geocoder } from '../src/geo/geocoder';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The generated index file the app loads: $HRM_OUT_DIR/geocoder-index.json, else public/data/geocoder-index.json. */
export function geocoderIndexPath(env: NodeJS.ProcessEnv = process.env): string {
  const outDir = env.HRM_OUT_DIR?.trim() ? path.resolve(env.HRM_OUT_DIR.trim()) : path.join(REPO_ROOT, 'public', 'data');
  return path.join(outDir, DATA_FILES.geocoderIndex.replace(/^data\//, ''));
}

/** Loads the generated index and builds the geocoder; throws a message saying how to build the index when missing. */
export function loadGeocoder(file = geocoderIndexPath()): Geocoder {
  if (!existsSync(file)) throw new Error(`No geocoder index at ${file}: run \`npm run data\` first.`);
  return createGeocoder(parseGeocoderIndex(readFileSync(file, 'utf8')));
}

/** The output line for one query (a JSON object, no newline). */
export function geocodeLine(geocoder: Geocoder, query: string): string {
  const q = query.replace(/\r$/, '');
  if (q.trim() === '') return JSON.stringify({ query: q, error: 'empty query' });
  const hit = geocoder.geocode(q);
  if (!hit) return JSON.stringify({ query: q, error: 'no match' });
  return JSON.stringify({ query: q, label: hit.label, lng: hit.lngLat[0], lat: hit.lngLat[1], precision: hit.precision, neighborhood: hit.neighborhood });
}

async function main(): Promise<void> {
  const started = performance.now();
  const geocoder = loadGeocoder();
  console.error(`geocode: index loaded in ${Math.round(performance.now() - started)} ms; reading queries from stdin`);
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!process.stdout.write(`${geocodeLine(geocoder, line)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
    n++;
  }
  console.error(`geocode: ${n} queries`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
