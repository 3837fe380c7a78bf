// Layout: a sidebar beside the map on a desktop; on a phone the map fills the screen and the panels are a bottom sheet.
import { expect, test } from './support/fixtures';

test('a desktop shows the map with the legend in a sidebar on its left', async ({ map, legend, sheet }) => {
  await map.openMap();
  await expect.poll(() => sheet.layout(), { message: 'the app chose its desktop layout' }).toBe('sidebar');
  expect(await legend.isShown(), 'the legend shows without opening anything').toBe(true);
  expect(await sheet.legendIsInside(), 'the legend lives in the sidebar').toBe(true);

  const mapBox = await map.mapBox();
  const side = await sheet.box();
  if (!mapBox || !side) throw new Error('the map or the sidebar is not laid out');
  const { width, height } = map.viewport();
  expect(mapBox.width * mapBox.height, 'the map fills the window').toBeGreaterThanOrEqual((width - 1) * (height - 1));
  expect(side.x - mapBox.x, 'the sidebar hugs the left edge of the map').toBeLessThan(24);
  expect(side.x + side.width, 'the sidebar takes at most a third of the map width').toBeLessThan(mapBox.x + mapBox.width / 3);
  expect(side.height, 'the sidebar runs down the map').toBeGreaterThan(mapBox.height * 0.9);
  expect(side.y - mapBox.y, 'the sidebar starts at the top of the map').toBeLessThan(24);
});

test('a phone shows the map full screen and a bottom sheet that opens to the legend @phone', async ({ map, legend, sheet }) => {
  await map.openMap();
  await expect.poll(() => sheet.layout(), { message: 'the app chose its phone layout' }).toBe('sheet');
  const { width, height } = map.viewport();

  const mapBox = await map.mapBox();
  if (!mapBox) throw new Error('the map is not laid out');
  expect(mapBox.width, 'map spans the screen width').toBeGreaterThanOrEqual(width - 1);
  expect(mapBox.height, 'map spans the screen height').toBeGreaterThanOrEqual(height - 1);
  const stats = await map.mapColourStats();
  expect(stats.distinctColours, 'distinct colours on the phone map').toBeGreaterThan(50);
  await expect.poll(async () => { const c = await map.counts(); return c.disposal + c.services; }, { message: 'site markers drawn' }).toBeGreaterThan(0);

  expect(await sheet.isVisible()).toBe(true);
  const peek = await sheet.box();
  if (!peek) throw new Error('the sheet is not laid out');
  const mapBottom = mapBox.y + mapBox.height;
  expect(Math.abs(peek.y + peek.height - mapBottom), 'sheet sits on the bottom edge of the map').toBeLessThanOrEqual(2);
  expect(Math.abs(peek.x - mapBox.x), 'sheet starts at the left edge of the map').toBeLessThanOrEqual(2);
  expect(peek.width, 'sheet spans the map width').toBeGreaterThanOrEqual(mapBox.width - 2);
  expect(peek.y, 'the peek leaves most of the map visible').toBeGreaterThan(mapBox.y + mapBox.height * 0.6);
  expect(await sheet.legendIsInside(), 'the legend lives in the sheet').toBe(true);

  // The sheet starts as a peek (map first); its button opens the legend, still leaving part of the map visible.
  expect(await legend.isShown(), 'legend hidden in the peek').toBe(false);
  await sheet.open();
  expect(await legend.isShown(), 'legend shown once the sheet is open').toBe(true);
  await expect.poll(async () => (await sheet.box())?.y ?? 0, { message: 'the open sheet is taller than the peek' }).toBeLessThan(peek.y);
  const open = await sheet.box();
  expect(open && open.y, 'the open sheet leaves the top of the map visible').toBeGreaterThan(mapBox.y + mapBox.height * 0.3);
});
