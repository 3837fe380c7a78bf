// A 311 report drawn as a point (zoomed in) opens its detail panel, with the facts the extract publishes.
import { expect, test } from './support/driver';

test('a click on a 311 point opens its detail panel with its open date and status', async ({ app }) => {
  // Zoomed in on the South End, where the 311 reports are densest: points, not the density layer.
  await app.openMap('#map=15.50/42.33650/-71.07550');
  expect((await app.counts()).needlePoints).toBeGreaterThan(0);
  const { title, text } = await app.openNeedle();
  expect(title).toBe('311 needle pickup request');
  const { from, to } = await app.needleDates();
  const opened = /Opened\s+(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  expect(opened, `an open date in the panel:\n${text}`).toBeTruthy();
  expect(opened! >= from && opened! <= to, `${opened} inside the date filter ${from} … ${to}`).toBe(true);
  expect(text).toMatch(/Status\s+(Open|Closed|Status not published)/);
  expect(text).toMatch(/Neighbourhood\s+\S/);
  await app.closeDetailsWithEscape();
});

test('with the keyboard alone, a place can be found in the list and its details opened and closed', async ({ app }) => {
  await app.openMap();
  await app.tabTo('places-summary');
  await app.press('Enter');
  await app.tabTo('place-item');
  await app.press('Enter');
  const title = await app.detailTitle();
  expect(title.length).toBeGreaterThan(0);
  expect(await app.focusedTestId(), 'focus moves into the detail panel').toBe('detail-panel');
  await app.closeDetailsWithEscape();
});
