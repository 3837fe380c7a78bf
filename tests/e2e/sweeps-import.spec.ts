// Sweeps import at size: a generated 150,000-row 311 export (a real File from disk) imports while the page keeps
// answering (the longest main-thread gap is measured in the page from the pick until the file is listed with its
// requests on the map: reading, merging with the published requests, saving, drawing), with a progress bar and the
// counts the generator wrote; an Open311 JSON file imports; a large import cancelled reports and adds nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { writeSynthetic311Csv, type Synthetic311Counts } from '../support/synthetic-311';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Thursday 26 November 2026, 10:00 in Boston (as sweeps.spec.ts). */
const NOW = new Date('2026-11-26T15:00:00Z');
const ROWS = 150_000;
/**
 * The longest the page's main thread may go without answering during the import, ms. With the import in its worker
 * it was 95-111 ms alone on this 2-core machine and up to 510 ms with a second test's browser drawing its map beside
 * it (the suite runs two at once); the same file parsed on the main thread stalled it for 1,900-4,400 ms.
 */
const MAX_MAIN_THREAD_GAP_MS = 1_000;
/**
 * The longest the main thread may stall at the end of an import of a year's needle extract: from the file read until
 * it is listed with its requests on the map (the worker merges and saves; the page swaps in the table and redraws).
 * Measured on this 2-core machine, shared: 160 ms alone and 326-543 ms with a second test's browser beside it; with
 * the merge, the copy of the records and the save on the main thread (as before) 857 ms alone and 1,550-1,681 ms.
 */
const MAX_END_OF_IMPORT_GAP_MS = 750;
/** Rows of the year's needle-only extract (a year of Boston's Needle Pickup requests is about this many). */
const YEAR_ROWS = 30_000;

let dir: string | null = null;
let file: Promise<{ path: string; counts: Synthetic311Counts }> | null = null;
let yearFile: Promise<{ path: string; counts: Synthetic311Counts }> | null = null;

/** The 150,000-row file, written once per worker (~57 MB): ~3 % Needle Pickup in Boston in the 60 days before NOW. */
function bigFile() {
  if (file === null) {
    dir = mkdtempSync(join(tmpdir(), 'sweeps-import-'));
    const path = join(dir, 'synthetic-311.csv');
    file = writeSynthetic311Csv(path, { rows: ROWS, needleShare: 0.03, now: NOW, days: 60, rejectEvery: 500, seed: 2026 }).then((counts) => ({ path, counts }));
  }
  return file;
}

/** A year's needle-only extract, written once per worker (~11 MB): 30,000 Needle Pickup rows over 365 days. */
function yearOfNeedles() {
  if (yearFile === null) {
    dir ??= mkdtempSync(join(tmpdir(), 'sweeps-import-'));
    const path = join(dir, 'needles-year.csv');
    yearFile = writeSynthetic311Csv(path, { rows: YEAR_ROWS, needleShare: 1, now: NOW, days: 365, rejectEvery: 500, seed: 311 }).then((counts) => ({ path, counts }));
  }
  return yearFile;
}

test.afterAll(() => {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
});

test('a 150,000-row export imports in the worker: the page keeps answering, a progress bar shows, the counts are the generated ones', async ({ session, map, sweeps }) => {
  test.setTimeout(90_000);
  const { path, counts } = await bigFile();
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps');
  await sweeps.open();
  await map.settle();

  // The probe runs from the pick until the progress bar has gone and the file is listed with its requests on the map.
  const listed = `synthetic-311.csv: ${counts.needleAdded} requests on the map`;
  await session.startMainThreadProbe('sweeps-progress', { testId: 'sweeps-imports', text: listed });
  const requestsBefore = session.requestUrls.length;
  await sweeps.pickFilePath(path);
  await session.waitMainThreadProbeDone(60_000);
  const probe = await session.stopMainThreadProbe();
  console.log(
    `import of ${ROWS} rows: ${probe.durationMs.toFixed(0)} ms; longest main-thread gap ${probe.maxTimerGapMs.toFixed(0)} ms (timer), ${probe.maxFrameGapMs.toFixed(0)} ms (frames), ` +
      `${probe.maxTimerGapAfterGoneMs.toFixed(0)} ms after the file was read; long gaps ${JSON.stringify(probe.longGaps)}`,
  );
  expect(probe.watchedSeen, 'the progress bar showed during the import').toBe(true);
  expect(probe.ticks, 'the probe ran during the import').toBeGreaterThan(10);
  expect(probe.maxTimerGapMs, 'longest gap between 16 ms timer callbacks during the import').toBeLessThan(MAX_MAIN_THREAD_GAP_MS);
  expect(probe.maxFrameGapMs, 'longest gap between animation frames during the import').toBeLessThan(MAX_MAIN_THREAD_GAP_MS);
  expect(probe.maxTimerGapAfterGoneMs, 'longest gap between timer callbacks from the file read to its requests listed').toBeLessThan(MAX_MAIN_THREAD_GAP_MS);
  // A parse on the main thread in small async steps would keep the gaps short: the file must go to the worker.
  expect(session.requestUrls.slice(requestsBefore), 'the import ran in its worker').toContainEqual(expect.stringMatching(/\/import-311-worker[^/]*\.js$/));

  expect(await sweeps.importSummary()).toContain(
    `synthetic-311.csv: ${counts.needleAdded} Needle Pickup requests added; ${counts.otherTypes} other requests ignored; 0 duplicate case ids merged (newest kept); ${counts.needleRejected} rejected.`,
  );
  expect(counts.needleAdded).toBeGreaterThan(4000);
  expect(counts.needleRejected).toBeGreaterThan(0);
  expect(await sweeps.importedFiles()).toEqual([expect.stringContaining(listed)]);
  expect(session.consoleErrors()).toEqual([]);
});

test("a year's needle extract (30,000 requests) joins the map without stalling the page: merged and saved in the worker", async ({ session, map, sweeps }) => {
  test.setTimeout(90_000);
  const { path, counts } = await yearOfNeedles();
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps');
  await sweeps.open();
  await map.settle();

  const listed = `needles-year.csv: ${counts.needleAdded} requests on the map`;
  await session.startMainThreadProbe('sweeps-progress', { testId: 'sweeps-imports', text: listed });
  await sweeps.pickFilePath(path);
  await session.waitMainThreadProbeDone(60_000);
  const probe = await session.stopMainThreadProbe();
  console.log(
    `import of ${YEAR_ROWS} needle rows: ${probe.durationMs.toFixed(0)} ms; longest main-thread gap ${probe.maxTimerGapMs.toFixed(0)} ms (timer), ` +
      `${probe.maxTimerGapAfterGoneMs.toFixed(0)} ms after the file was read; long gaps ${JSON.stringify(probe.longGaps)}`,
  );
  expect(probe.watchedSeen, 'the progress bar showed during the import').toBe(true);
  expect(probe.maxTimerGapAfterGoneMs, 'longest gap between timer callbacks from the file read to its requests listed').toBeLessThan(MAX_END_OF_IMPORT_GAP_MS);
  expect(counts.needleAdded).toBeGreaterThan(29_000);
  expect(await sweeps.importSummary()).toContain(`needles-year.csv: ${counts.needleAdded} Needle Pickup requests added; 0 other requests ignored; 0 duplicate case ids merged (newest kept); ${counts.needleRejected} rejected.`);
  expect(session.consoleErrors()).toEqual([]);
});

test('an Open311 GeoReport v2 JSON file imports and its counts show', async ({ session, map, sweeps }) => {
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps');
  await sweeps.open();
  await sweeps.pickFile({ name: '311-open311.json', mimeType: 'application/json', text: readFileSync(join(FIXTURES, '311-open311.json'), 'utf8') });
  // 8 requests: 7 Needle Pickup (one case twice, newest kept; 5 rejected) and 1 pothole.
  expect(await sweeps.importSummary()).toContain(
    '311-open311.json: 1 Needle Pickup requests added; 1 other requests ignored; 1 duplicate case ids merged (newest kept); 5 rejected.',
  );
  expect(await sweeps.rejectedRows()).toEqual([
    'Line 3 (lat): no coordinates',
    'Line 4 (lat,long): default City Hall location (not a real place)',
    'Line 5 (lat,long): latitude and longitude look swapped',
    'Line 7 (requested_datetime): requested date is not a date',
    'Line 8 (lat,long): coordinates are (0, 0): no location',
  ]);
  await expect.poll(() => sweeps.importedFiles()).toEqual([expect.stringContaining('311-open311.json: 1 requests on the map')]);
});

test('a large import cancelled part-way shows no summary and adds nothing', async ({ session, map, sweeps }) => {
  test.setTimeout(90_000);
  const { path } = await bigFile();
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps');
  await sweeps.open();
  await sweeps.preset('7d');
  const before = await sweeps.countText();

  await sweeps.pickFilePath(path);
  await sweeps.waitImportRunning();
  expect(await sweeps.importFraction(), 'cancelled before the whole file was read').toBeLessThan(1);
  await sweeps.cancelImport();
  // Longer than the whole import takes: a worker left running would report (or add its requests) by now.
  await session.pause(6_000);
  expect(await sweeps.hasImportOutcome()).toBe(false);
  expect(await sweeps.importRunning()).toBe(false);
  expect(await sweeps.importedFiles()).toEqual([]);
  expect(await sweeps.countText()).toBe(before);
  expect(session.consoleErrors()).toEqual([]);
});
