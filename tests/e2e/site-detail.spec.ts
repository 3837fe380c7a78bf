// Clicking a site's marker opens its detail panel; Escape and the close button close it; stacked sites offer each other.
import { haversineMeters } from '../../src/geo/haversine';
import { readDefaultZones, readSites } from './support/data-files';
import { expect, test } from './support/fixtures';

test('a click on a site opens its detail panel; Escape and the close button close it', async ({ map, details }) => {
  await map.openMap();
  const { id } = await map.clickableSite();
  const name = readSites().find((s) => s.id === id)?.name;
  expect(name, `site ${id} in the data file`).toBeTruthy();

  expect(await details.openSite(id), 'detail title').toBe(name);
  await expect.poll(async () => (await map.readUrlState()).site, { message: 'selected site in the URL' }).toBe(id);
  await details.closeWithEscape();
  expect(await details.isOpen()).toBe(false);

  expect(await details.openSite(id), 'detail title, opened again').toBe(name);
  await details.closeWithButton();
  expect(await details.isOpen()).toBe(false);
});

/** The app's "Also at this spot" radius (SAME_SPOT_METERS in src/app/app.tsx). */
const SAME_SPOT_METERS = 25;

test('sites drawn at the same spot offer each other under "Also at this spot", and a click there opens the other', async ({ map, details }) => {
  // Oracle: pairs of sites in the data within SAME_SPOT_METERS of each other (AHOPE at 774 and SPOT at 780 Albany
  // Street, a few metres apart in one building).
  const sites = readSites();
  const sameSpot = (a: (typeof sites)[number], b: (typeof sites)[number]) => haversineMeters(a.coordinates, b.coordinates) <= SAME_SPOT_METERS;
  const pair = sites.flatMap((a, i) => sites.slice(i + 1).map((b) => [a, b] as const)).find(([a, b]) => sameSpot(a, b));
  if (!pair) throw new Error(`no two sites of the data are within ${SAME_SPOT_METERS} m of each other`);
  const [first, second] = pair;
  const others = (site: typeof first) => sites.filter((s) => s !== site && sameSpot(s, site)).map((s) => s.name);

  await map.openMap(`#map=16.00/${first.coordinates[1]}/${first.coordinates[0]}&site=${first.id}`);
  await expect.poll(() => details.title(), { message: 'the linked site is open' }).toBe(first.name);
  await expect.poll(() => details.alsoHere(), { message: `"Also at this spot" on ${first.name}` }).toEqual(others(first));

  await details.openAlsoHere(second.name);
  await expect.poll(() => details.title(), { message: 'the other site opens' }).toBe(second.name);
  await expect.poll(async () => (await map.readUrlState()).site, { message: 'the other site is in the URL' }).toBe(second.id);
  await expect.poll(() => details.alsoHere(), { message: `"Also at this spot" on ${second.name}` }).toEqual(others(second));
});

test('a site alone at its spot offers nothing under "Also at this spot"', async ({ map, details }) => {
  await map.openMap();
  const { id } = await map.clickableSite();
  await details.openSite(id);
  expect(await details.alsoHere()).toEqual([]);
});

test('a click inside an outreach zone opens its details: name, approximate outline, source', async ({ map, details }) => {
  const zone = readDefaultZones().find((z) => z.geometry.type === 'Polygon');
  if (!zone) throw new Error('no polygon zone in the data');
  const ring = (zone.geometry.coordinates as number[][][])[0] ?? [];
  const centre: [number, number] = [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length];
  // Only the zones layer, so the click cannot land on a marker or a 311 point.
  await map.openMap(`#map=15.50/${centre[1].toFixed(5)}/${centre[0].toFixed(5)}&layers=zones`);
  expect(await details.openAt(centre)).toBe(zone.name);
  const text = await details.text();
  expect(text).toContain('Outreach zone');
  expect(text).toMatch(/Approximate outline/);
  expect(await details.field('Source'), 'the zone names its source').toMatch(/\S/);
});
