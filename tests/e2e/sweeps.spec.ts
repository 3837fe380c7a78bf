// Sweeps (the Mobile Sharps Team): import a 311 export by drag and drop (counts, rejected rows downloadable, the
// requests on the map), a file with no needle requests ("0 found"), a time window, a sweep planned from the
// Engagement Center (numbered stops on the map in list order, reordering, GPX export, print sheet, share link), axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const csvFile = (name: string) => ({ name, mimeType: 'text/csv', text: readFileSync(join(FIXTURES, name), 'utf8') });
/** The fixture's Needle Pickup cases that are valid (8), and those still open once the duplicate's newer row closed 002 (6 in the last 7 days). */
const VALID = ['101005900001', '101005900002', '101005900003', '101005900004', '101005900005', '101005900006', '101005900007', '101005900008'];
const OPEN_LAST_7_DAYS = ['101005900001', '101005900003', '101005900004', '101005900005', '101005900006', '101005900007'];
/** Thursday 26 November 2026, 10:00 in Boston: "last 7 days" is 20 to 26 November. */
const NOW = new Date('2026-11-26T15:00:00Z');
const ENGAGEMENT_CENTER = 'engagement-center';

test('a 311 export dropped on the tab: counts, rejected rows downloadable, the requests on the map and in the window; removed again', async ({ session, map, sweeps }) => {
  test.setTimeout(120_000);
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps');
  await sweeps.open();
  await sweeps.dropFile(csvFile('sweeps-e2e-311.csv'));
  const summary = await sweeps.importSummary();
  expect(summary).toContain('8 Needle Pickup requests added');
  expect(summary).toContain('2 other requests ignored');
  expect(summary).toContain('1 duplicate case ids merged');
  expect(summary).toContain('2 rejected');
  const rejected = await sweeps.rejectedRows();
  expect(rejected.join('\n')).toMatch(/Line 12\b/);
  expect(rejected.join('\n')).toMatch(/Line 14\b.*outside/i);
  const download = await sweeps.downloadRejected();
  const rows = Papa.parse<Record<string, string>>(download.text, { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => r['line'])).toEqual(['12', '14']);
  expect(rows[1]!['raw']).toContain('101005900012');
  expect(await sweeps.importedFiles()).toEqual([expect.stringContaining('sweeps-e2e-311.csv: 8 requests on the map')]);

  await sweeps.preset('7d');
  await expect.poll(() => sweeps.countText()).toBe('7 requests opened 2026-11-20 to 2026-11-26.');
  // The density cells drawn carry exactly the 7 requests of the window.
  await map.settle();
  await expect.poll(async () => (await map.sweepDrawn()).cellReports).toBe(7);
  await sweeps.setStatus('closed');
  await expect.poll(() => sweeps.countText()).toBe('1 requests opened 2026-11-20 to 2026-11-26.');
  await sweeps.setStatus('all');

  // Kept over a reload (IndexedDB), then removed: the window is empty again.
  await map.reload();
  await sweeps.open();
  await expect.poll(() => sweeps.importedFiles()).toHaveLength(1);
  await expect.poll(() => sweeps.countText()).toBe('7 requests opened 2026-11-20 to 2026-11-26.');
  await sweeps.removeImport();
  await expect.poll(() => sweeps.countText()).toMatch(/^0 requests opened 2026-11-20 to 2026-11-26. The data ends on 2026-03-30/);
});

test('a file with no needle requests says "0 found" and how many other requests it ignored', async ({ session, map, sweeps }) => {
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps');
  await sweeps.open();
  await sweeps.pickFile(csvFile('sweeps-e2e-no-needles.csv'));
  expect(await sweeps.importSummary()).toBe('sweeps-e2e-no-needles.csv: 0 Needle Pickup requests found; 3 other requests ignored.');
  expect(await sweeps.importedFiles()).toEqual([]);
});

test('plan a sweep of the open requests from the Engagement Center: stops numbered on the map as in the list, reorder, GPX, print, share', async ({ session, map, sweeps, legend, a11y }) => {
  test.setTimeout(180_000);
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps&map=15/42.33350/-71.07000');
  await sweeps.open();
  await sweeps.dropFile(csvFile('sweeps-e2e-311.csv'));
  await sweeps.importSummary();
  await sweeps.preset('7d');
  await expect.poll(() => sweeps.stopCountText()).toMatch(/^6 candidate stops/);
  await sweeps.setStart(`site:${ENGAGEMENT_CENTER}`);
  await sweeps.plan();
  expect(await sweeps.totals()).toMatch(/^6 stops · \d+\.\d km · \d+ (h \d\d )?min \(08:00 to \d\d:\d\d\)$/);

  const stops = await sweeps.stops();
  expect(stops.map((s) => s.id.replace(/-\d+$/, '')).sort()).toEqual(OPEN_LAST_7_DAYS);
  // Arrival times rise from the shift start.
  const minutes = stops.map((s) => Number(s.time.slice(0, 2)) * 60 + Number(s.time.slice(3)));
  expect(minutes[0]).toBeGreaterThan(8 * 60);
  for (let k = 1; k < minutes.length; k++) expect(minutes[k]).toBeGreaterThan(minutes[k - 1]!);
  // The map draws the route and the stops numbered in list order.
  await map.settle();
  await expect.poll(async () => (await map.sweepDrawn()).stops.filter((s) => s.planned).map((s) => s.id)).toEqual(stops.map((s) => s.id));
  expect((await map.sweepDrawn()).routeDrawn).toBe(true);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);

  // Move the first stop one later: the list and the map follow, and the times are worked out again.
  await sweeps.moveLater(1);
  const moved = [stops[1]!.id, stops[0]!.id, ...stops.slice(2).map((s) => s.id)];
  await expect.poll(async () => (await sweeps.stops()).map((s) => s.id)).toEqual(moved);
  await expect.poll(async () => (await map.sweepDrawn()).stops.filter((s) => s.planned).map((s) => s.id)).toEqual(moved);
  const retimed = await sweeps.stops();
  expect(retimed.map((s) => s.time)).not.toEqual(stops.map((s) => s.time));

  // GPX: one waypoint per stop in the list's order, each at its request's place.
  const gpx = await sweeps.exportGpx();
  expect(gpx.filename).toMatch(/\.gpx$/);
  expect(gpx.text).toMatch(/^<\?xml/);
  const wpts = [...gpx.text.matchAll(/<wpt lat="([\d.-]+)" lon="([\d.-]+)">.*?Case (\d+)/g)].map((m) => ({ lat: Number(m[1]), lng: Number(m[2]), caseId: m[3] }));
  expect(wpts.map((w) => w.caseId)).toEqual(moved);
  const fixture = Papa.parse<Record<string, string>>(csvFile('sweeps-e2e-311.csv').text, { header: true, skipEmptyLines: true }).data;
  for (const w of wpts) {
    const row = fixture.find((r) => r['case_enquiry_id'] === w.caseId)!;
    expect([w.lat, w.lng]).toEqual([Number(row['latitude']), Number(row['longitude'])]);
  }

  // The route stays on the map in the Layers tab, as the "sharps sweep" entry of the legend, which can hide it.
  const totals = await sweeps.totals();
  await legend.open();
  const entry = await legend.keptEntry('sweeps');
  expect(entry).toContain('Sharps sweep route');
  expect(entry).toContain(`${stops.length} stops, ${/ · (\d+\.\d) km/.exec(totals)![1]} km`);
  await map.settle();
  await expect.poll(async () => (await map.sweepDrawn()).stops.filter((s) => s.planned).map((s) => s.id)).toEqual(moved);
  expect((await map.sweepDrawn()).routeDrawn).toBe(true);
  await legend.setKeptShown('sweeps', false);
  await expect.poll(async () => (await map.sweepDrawn()).routeDrawn).toBe(false);
  await legend.setKeptShown('sweeps', true);
  await expect.poll(async () => (await map.sweepDrawn()).routeDrawn).toBe(true);
  await sweeps.open();

  // Print: the route sheet with its map and one numbered stop per line.
  await session.stubPrint();
  await sweeps.print();
  expect(await session.printCalls()).toBe(1);
  await session.emulatePrint(true);
  await expect.poll(() => session.isVisible('sweeps-sheet')).toBe(true);
  expect(await session.countIn('sweeps-sheet', 'svg circle')).toBeGreaterThanOrEqual(6);
  await session.emulatePrint(false);

  // Share: the link opens the same plan (the import is kept in this browser).
  const hash = await session.hash();
  expect(hash).toContain('splan=1');
  await map.openMap(hash);
  await sweeps.open();
  await expect.poll(async () => (await sweeps.stops()).map((s) => s.id), { timeout: 60_000 }).toEqual(moved);
  expect(VALID).toEqual(expect.arrayContaining(moved));
});

test('the counts per neighbourhood: the choropleth draws each neighbourhood with the count its table row gives', async ({ session, map, sweeps }) => {
  test.setTimeout(120_000);
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps&map=13/42.33350/-71.07000');
  await sweeps.open();
  await sweeps.dropFile(csvFile('sweeps-e2e-311.csv'));
  await sweeps.importSummary();
  await sweeps.preset('7d');
  await sweeps.mapView('neighborhoods');
  // The table counts by the City's outlines once they have loaded (its caption says so), as the map colours them.
  await expect.poll(() => session.text('sweeps-neighborhoods'), { timeout: 60_000 }).toContain('outlines');
  const rows = (await sweeps.neighborhoodRows()).filter((r) => r.count > 0);
  expect(rows.reduce((a, r) => a + r.count, 0)).toBe(7);
  await map.settle();
  await expect
    .poll(async () => (await map.sweepDrawn()).areas.filter((a) => a.count > 0).sort((a, b) => a.name.localeCompare(b.name)))
    .toEqual(rows.map((r) => ({ name: r.name, count: r.count })).sort((a, b) => a.name.localeCompare(b.name)));
});

test('a stop added on the map joins the plan and is always kept; a removed stop leaves it', async ({ session, map, sweeps }) => {
  test.setTimeout(120_000);
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps&map=16/42.33350/-71.07000');
  await sweeps.open();
  await sweeps.dropFile(csvFile('sweeps-e2e-311.csv'));
  await sweeps.importSummary();
  await sweeps.preset('7d');
  await sweeps.setStart(`site:${ENGAGEMENT_CENTER}`);
  await sweeps.plan();
  const before = await sweeps.stops();
  expect(before).toHaveLength(6);

  await sweeps.startAddingStop();
  const box = await map.mapBox();
  const at = { x: box!.x + box!.width * 0.75, y: box!.y + box!.height * 0.5 };
  const clicked = await map.lngLatAt(at);
  await map.clickAt(at);
  await expect.poll(async () => (await sweeps.stops()).length).toBe(7);
  const added = (await sweeps.stops()).find((s) => s.id.startsWith('pt:'))!;
  expect(added.text).toContain('Added by hand');
  const [lat, lng] = added.id.slice(3).split('_').map(Number) as [number, number];
  expect(Math.abs(lat - clicked[1])).toBeLessThan(1e-4);
  expect(Math.abs(lng - clicked[0])).toBeLessThan(1e-4);
  await map.settle();
  await expect.poll(async () => (await map.sweepDrawn()).stops.filter((s) => s.planned).map((s) => s.id)).toContain(added.id);

  // A shift too short for everything keeps the stop added by hand and leaves out the others, saying why.
  await session.fill('sweeps-shift', '15');
  // Wait for the new plan (the old list stays on screen until it comes), then check it.
  await expect.poll(async () => (await sweeps.stops()).length).toBeLessThan(7);
  expect((await sweeps.stops()).map((s) => s.id)).toContain(added.id);
  await expect.poll(() => session.text('sweeps-left-out')).toMatch(/stops left out/);

  await sweeps.removeStop(added.id);
  await expect.poll(async () => (await sweeps.stops()).map((s) => s.id)).not.toContain(added.id);
});

test('an area drawn on the map: only the open requests inside it become stops, and the link keeps the area', async ({ session, map, sweeps }) => {
  test.setTimeout(120_000);
  await session.setClock(NOW);
  await map.openMap('#tab=sweeps&map=15/42.33200/-71.06700');
  await sweeps.open();
  await sweeps.dropFile(csvFile('sweeps-e2e-311.csv'));
  await sweeps.importSummary();
  await sweeps.preset('7d');
  await expect.poll(() => sweeps.stopCountText()).toMatch(/^6 candidate stops/);
  // A box around Atkinson St (001) and Newmarket Sq (007); the other open requests are north or west of it.
  const corners: [number, number][] = [[-71.0690, 42.3280], [-71.0640, 42.3280], [-71.0640, 42.3335], [-71.0690, 42.3335]];
  const pixels = await Promise.all(corners.map((c) => map.pixelOf(c)));
  for (const p of pixels) expect(await map.isMapPixel(p)).toBe(true);
  await sweeps.drawArea(pixels);
  await expect.poll(() => sweeps.stopCountText()).toMatch(/^2 candidate stops/);
  await sweeps.plan();
  expect((await sweeps.stops()).map((s) => s.id).sort()).toEqual(['101005900001', '101005900007']);
  const hash = await sweeps.hash();
  await map.openMap(hash);
  await sweeps.open();
  await expect.poll(() => sweeps.stopCountText(), { timeout: 30_000 }).toMatch(/^2 candidate stops/);
});
