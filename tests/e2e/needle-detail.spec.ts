// A 311 report drawn as a point (zoomed in) opens its detail panel with that report's facts; the places list works by keyboard.
import { metresBetween, readNeedles, type NeedleStatusName } from './support/data-files';
import { expect, test } from './support/fixtures';

/** How the panel words each status (src/app/i18n/en.json legend.statuses). */
const STATUS_TEXT: Record<NeedleStatusName, string> = { open: 'Open', closed: 'Closed', unknown: 'Status not published' };
const NOT_PUBLISHED = 'not published in this extract';

test('a click on a 311 point opens the detail panel of that report: its open date, status, neighbourhood and street', async ({ map, legend, details }) => {
  // Zoomed in on the South End, where the 311 reports are densest: points, not the density layer.
  await map.openMap('#map=15.50/42.33650/-71.07550');
  await expect.poll(async () => (await map.counts()).needlePoints, { message: '311 points drawn' }).toBeGreaterThan(0);
  const { from, to } = await legend.needleDates();
  const { title, lngLat } = await details.openNeedle();
  expect(title).toBe('311 needle pickup request');

  const shown = {
    opened: await details.field('Opened'),
    status: await details.field('Status'),
    neighbourhood: await details.field('Neighbourhood'),
    location: await details.field('Location'),
  };
  // Oracle: the reports in the data file drawn under the click (within a marker's radius) and inside the date window.
  const reachMetres = 8 * (await map.metresPerPixel()) + 2;
  const underClick = readNeedles().filter(
    (n) => n.openedDate >= from && n.openedDate <= to && metresBetween(n.coordinates, lngLat) <= reachMetres,
  );
  expect(underClick.length, `reports in the data within ${reachMetres.toFixed(1)} m of the click`).toBeGreaterThan(0);
  const candidates = underClick.map((n) => ({
    opened: n.openedDate,
    status: STATUS_TEXT[n.status],
    neighbourhood: n.neighborhood ?? NOT_PUBLISHED,
    location: n.street ?? NOT_PUBLISHED,
  }));
  expect(candidates, `the panel shows one of the clicked reports (panel: ${JSON.stringify(shown)})`).toContainEqual(shown);
  await details.closeWithEscape();
});

test('with the keyboard alone, a place can be found in the list and its details opened and closed', async ({ map, legend, details }) => {
  await map.openMap();
  const chosen = await legend.openFirstPlaceWithKeyboard();
  await expect.poll(() => details.title(), { message: 'the detail panel shows the place chosen' }).toBe(chosen);
  expect(await details.hasFocus(), 'focus moves into the detail panel').toBe(true);
  await details.closeWithEscape();
});
