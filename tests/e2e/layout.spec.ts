// Layout: a sidebar on a desktop; on a phone-sized screen the map fills the screen and the panels are a bottom sheet.
import { expect, test } from './support/driver';

test('a desktop shows the map with the legend in a sidebar', async ({ app }) => {
  await app.openMap();
  expect(await app.sheetLayout()).toBe('sidebar');
  expect(await app.isVisible('legend')).toBe(true);
  const map = await app.mapBox();
  expect(map && map.width * map.height, 'map area').toBeGreaterThan(0.5 * 1280 * 800);
});

test('a phone-sized viewport shows the map and a bottom sheet @phone', async ({ app }) => {
  await app.openMap();
  const { width, height } = app.viewport();
  expect(width).toBeLessThan(700);

  const map = await app.mapBox();
  if (!map) throw new Error('the map is not laid out');
  expect(map.width, 'map spans the screen width').toBeGreaterThanOrEqual(width - 1);
  expect(map.height, 'map height').toBeGreaterThan(height * 0.5);
  const stats = await app.mapColourStats();
  expect(stats.distinctColours, 'distinct colours on the phone map').toBeGreaterThan(50);
  const counts = await app.counts();
  expect(counts.disposal + counts.services, 'site markers drawn').toBeGreaterThan(0);

  expect(await app.sheetLayout()).toBe('sheet');
  expect(await app.isVisible('sheet')).toBe(true);
  const sheet = await app.sheetBox();
  if (!sheet) throw new Error('the sheet is not laid out');
  expect(Math.abs(sheet.y + sheet.height - height), 'sheet sits on the bottom edge').toBeLessThanOrEqual(2);
  expect(sheet.width, 'sheet spans the screen width').toBeGreaterThanOrEqual(width - 2);
  expect(sheet.y, 'sheet leaves most of the map visible').toBeGreaterThan(height * 0.4);
  expect(await app.legendIsInSheet(), 'the legend lives in the sheet').toBe(true);

  // The sheet starts as a peek (map first); its button opens the legend, still leaving part of the map visible.
  expect(await app.isVisible('legend'), 'legend hidden in the peek').toBe(false);
  await app.openSheet();
  expect(await app.isVisible('legend'), 'legend shown once the sheet is open').toBe(true);
  const open = await app.sheetBox();
  expect(open && open.y, 'the open sheet leaves the top of the map visible').toBeGreaterThan(height * 0.3);
});
