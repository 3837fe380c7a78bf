// Manage: the City's site list kept true from the app — edit hours with a live preview, add a site placed on the
// map (found by Find at once), retire and undo, mark verified, survive a reload, export, reset; axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

const ROOT = join(import.meta.dirname, '..', '..');
const SITES = (JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'sites.geojson'), 'utf8')) as { features: { properties: { id: string; layer: string; lastVerified: string } }[] }).features;
const AHOPE = 'ahope-needle-exchange';

test('edit hours with a live preview; the edit shows in Find, survives a reload, and reset brings the published list back', async ({ map, manage, find, a11y }) => {
  // Three page loads (Manage, Find, a reload): about 40 s alone, more on a busy 2-core machine.
  test.setTimeout(120_000);
  await map.openMap('#tab=manage');
  await manage.open();
  // "As of" is the newest last-verified date; the count is the whole published list.
  const newest = SITES.map((s) => s.properties.lastVerified).sort().at(-1)!;
  const asOf = await manage.asOfText();
  expect(asOf).toContain(`${SITES.length} places`);
  expect(asOf).toContain(new Date(`${newest}T12:00:00Z`).getUTCFullYear().toString());
  expect(await manage.editedText()).toMatch(/No local edits/);
  expect(await manage.appAsOfText()).toContain(`Site list as of ${newest} (${SITES.length} places`);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);

  await manage.edit(AHOPE);
  await manage.fill('openingHours', 'Mo-Fx 25:00');
  await expect.poll(() => manage.hoursPreview()).toMatch(/Not valid opening_hours/);
  await manage.save();
  await expect.poll(() => manage.formErrors()).toMatch(/openingHours/);
  await manage.fill('openingHours', '24/7');
  await expect.poll(() => manage.hoursPreview()).toMatch(/24 hours/i);
  await manage.save();
  await expect.poll(() => manage.isFormOpen()).toBe(false);
  expect(await manage.statusOf(AHOPE)).toBe('changed');
  expect(await manage.editedText()).toMatch(/Edited locally, not published: 1/);
  await manage.waitSaved();

  // Find reads the edited list: AHOPE is now open 24/7.
  await map.openMap(`#tab=find&all=0&at=42.33360,-71.07340`);
  await find.open();
  await expect.poll(() => find.resultIds()).toContain(AHOPE);
  const ids = await find.resultIds();
  expect((await find.openTexts())[ids.indexOf(AHOPE)]).toBe('Open 24/7');

  // Reload: the edit is kept (IndexedDB).
  await map.openMap('#tab=manage');
  await manage.open();
  await expect.poll(() => manage.statusOf(AHOPE)).toBe('changed');
  await manage.reset();
  await expect.poll(() => manage.statusOf(AHOPE)).toBe('published');
  expect(await manage.editedText()).toMatch(/No local edits/);
});

test('add a site placed by a map click: drawn on the map and found by Find; retire hides it, undo brings it back', async ({ map, manage, find }) => {
  // Three page loads (Manage, Find, a reload): about 40 s alone, more on a busy 2-core machine.
  test.setTimeout(120_000);
  await map.openMap('#tab=manage&map=15/42.33000/-71.08000');
  await manage.open();
  const before = (await map.counts()).disposal;
  await manage.add();
  await manage.fill('id', 'e2e-test-kiosk');
  await manage.fill('name', 'E2E test kiosk');
  await manage.select('kind', 'disposal-kiosk');
  await manage.fill('source', 'e2e test (not a real place)');
  // The address field suggests from the offline geocoder; picking one places the site at that address.
  await manage.typeAddress('1 City Hall Sq');
  await manage.pickAddressWithKeyboard();
  await expect.poll(() => manage.fieldValue('coordPrecision')).toBe('address-point');
  expect(Math.abs(Number(await manage.fieldValue('lat')) - 42.3603)).toBeLessThan(0.001);
  expect(Math.abs(Number(await manage.fieldValue('lng')) - -71.0583)).toBeLessThan(0.0015);
  // Place it with a click on the map: the form takes the point, pinned by hand.
  const box = (await map.mapBox())!;
  const at = { x: box.x + box.width * 0.7, y: box.y + box.height * 0.5 };
  await map.clickAt(at);
  await expect.poll(() => manage.fieldValue('coordPrecision')).toBe('pinned');
  const placed: [number, number] = [Number(await manage.fieldValue('lng')), Number(await manage.fieldValue('lat'))];
  const expected = await map.lngLatAt(at);
  expect(Math.abs(placed[0] - expected[0])).toBeLessThan(1e-4);
  expect(Math.abs(placed[1] - expected[1])).toBeLessThan(1e-4);
  // The pin follows, and dragging it 80 px east moves the site east (same latitude, within a few pixels).
  const pin = (await manage.pinBox())!;
  const from = { x: pin.x + pin.width / 2, y: pin.y + pin.height / 2 };
  await map.dragFromTo(from, { x: from.x + 80, y: from.y });
  await expect.poll(async () => Number(await manage.fieldValue('lng'))).toBeGreaterThan(placed[0] + 0.0005);
  const dragged: [number, number] = [Number(await manage.fieldValue('lng')), Number(await manage.fieldValue('lat'))];
  const metresPerPx = await map.metresPerPixel();
  expect(Math.abs(dragged[1] - placed[1]) * 111_320).toBeLessThan(6 * metresPerPx);
  expect(await manage.fieldValue('coordPrecision')).toBe('pinned');
  placed[0] = dragged[0];
  placed[1] = dragged[1];
  await manage.save();
  await expect.poll(() => manage.statusOf('e2e-test-kiosk')).toBe('added');
  await expect.poll(async () => (await map.counts()).disposal).toBe(before + 1);
  await manage.waitSaved();

  await map.openMap(`#tab=find&all=0&at=${placed[1].toFixed(5)},${placed[0].toFixed(5)}`);
  await find.open();
  await expect.poll(async () => (await find.resultIds())[0]).toBe('e2e-test-kiosk');

  await map.openMap('#tab=manage&map=15/42.33000/-71.08000');
  await manage.open();
  await manage.retire('e2e-test-kiosk');
  await expect.poll(() => manage.statusOf('e2e-test-kiosk')).toBe('retired');
  await expect.poll(async () => (await map.counts()).disposal).toBe(before);
  await manage.undo();
  await expect.poll(() => manage.statusOf('e2e-test-kiosk')).toBe('added');
  await expect.poll(async () => (await map.counts()).disposal).toBe(before + 1);
});

test('export CSV of the published list equals data/sites.csv; HSDS has every place', async ({ map, manage }) => {
  await map.openMap('#tab=manage');
  await manage.open();
  const csv = await manage.export('csv');
  expect(csv.filename).toMatch(/^sites-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text).toBe(readFileSync(join(ROOT, 'data', 'sites.csv'), 'utf8'));
  const hsds = await manage.export('hsds');
  const parsed = JSON.parse(hsds.text) as { locations: unknown[] };
  expect(parsed.locations).toHaveLength(SITES.length);
});

test('six months on, every site is flagged as not verified; "verified today" clears the flag for that site', async ({ session, map, manage }) => {
  // 2027-06-01 noon in Boston: more than six months after every published check (the newest is the list's "as of").
  await session.setClock(new Date('2027-06-01T16:00:00Z'));
  await map.openMap('#tab=manage');
  await manage.open();
  const newest = SITES.map((s) => s.properties.lastVerified).sort().at(-1)!;
  expect(newest < '2026-12-01').toBe(true);
  expect(await manage.verifiedText(AHOPE)).toMatch(/Not verified for over 6 months/);
  await manage.verify(AHOPE);
  await expect.poll(() => manage.verifiedText(AHOPE)).toBe('Last verified Jun 1, 2027');
  expect(await manage.statusOf(AHOPE)).toBe('changed');
  const other = SITES.find((s) => s.properties.id !== AHOPE)!.properties.id;
  expect(await manage.verifiedText(other)).toMatch(/Not verified for over 6 months/);
});

test('import a CSV with its own headers: mapping, preview with two bad rows (downloadable), apply, found by Find, edit kept over a reload; export and re-import changes nothing; reset', async ({ map, manage, find, a11y }) => {
  // Four page loads (Manage, Find, a reload, Manage): more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const csv = readFileSync(join(ROOT, 'tests', 'fixtures', 'sites', 'import-e2e.csv'), 'utf8');
  await map.openMap('#tab=manage');
  await manage.open();
  await manage.importFile('import-e2e.csv', csv);
  // The mapping is guessed from the headers; the required precision is not in the file: one value for every row.
  expect(await manage.mappedColumn('name')).toBe('Site Name');
  expect(await manage.mappedColumn('lat')).toBe('Latitude');
  expect(await manage.mappedColumn('opening_hours')).toBe('Hours');
  await manage.setDefault('coord_precision', 'address-point');
  await manage.preview();
  expect(await manage.diffText()).toMatch(/Would add 1, change 0, retire 0/);
  const rejected = await manage.rejectedRows();
  // Two rows rejected (line 3: bad hours; line 4: outside the service area, both coordinates), each reason listed.
  expect([...new Set(rejected.map((r) => r.split(':')[0]))]).toEqual(['Line 3', 'Line 4']);
  expect(rejected[0]).toMatch(/opening_hours/);
  expect(rejected.filter((r) => r.startsWith('Line 4')).join(' ')).toMatch(/outside the service area/);
  expect(await manage.importSummary()).toMatch(/1 valid rows read; 2 rejected/);
  // The mapping table, the preview and the rejected rows pass axe too.
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
  const download = await manage.downloadRejected();
  expect(download.text).toContain('E2E Bad Hours Box');
  expect(download.text).toContain('E2E Far Away Box');
  expect(download.text).not.toContain('E2E Import Kiosk');
  await manage.apply();
  await expect.poll(() => manage.statusOf('e2e-import-kiosk')).toBe('added');
  await manage.waitSaved();

  await map.openMap('#tab=find&all=0&at=42.33000,-71.08000');
  await find.open();
  await expect.poll(async () => (await find.resultIds())[0]).toBe('e2e-import-kiosk');

  await map.openMap('#tab=manage');
  await manage.open();
  await manage.edit('e2e-import-kiosk');
  await manage.fill('openingHours', 'Mo-Fr 09:00-17:00');
  await manage.save();
  await expect.poll(() => manage.isFormOpen()).toBe(false);
  await manage.waitSaved();
  await map.reload();
  await manage.open();
  await manage.edit('e2e-import-kiosk');
  expect(await manage.fieldValue('openingHours')).toBe('Mo-Fr 09:00-17:00');

  // Export, then import the export: nothing to change.
  const exported = await manage.export('csv');
  expect(exported.text).toContain('e2e-import-kiosk');
  await manage.importFile('sites.csv', exported.text);
  await manage.preview();
  expect(await manage.diffText()).toMatch(/Would add 0, change 0, retire 0/);
  expect(await manage.canApply()).toBe(false);

  await manage.reset();
  await expect.poll(() => manage.statusOf('e2e-import-kiosk')).toBeUndefined();
});
