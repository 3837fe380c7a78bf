// Clicking a site's marker opens its detail panel; Escape and the close button close it.
import { DATA_FILES } from '../../src/config/city';
import { expect, test } from './support/driver';

type SitesFile = { features: { properties: { id: string; name: string } }[] };

test('a click on a site opens its detail panel; Escape and the close button close it', async ({ app }) => {
  await app.openMap();
  const sites = await app.dataFile<SitesFile>(DATA_FILES.sites);
  const { id } = await app.clickableSite();
  const name = sites.features.find((f) => f.properties.id === id)?.properties.name;
  expect(name, `site ${id} in the data file`).toBeTruthy();

  expect(await app.openSite(id), 'detail title').toBe(name);
  await expect.poll(async () => (await app.readUrlState()).site, { message: 'selected site in the URL' }).toBe(id);
  await app.closeDetailsWithEscape();
  expect(await app.isDetailOpen()).toBe(false);

  expect(await app.openSite(id), 'detail title, opened again').toBe(name);
  await app.closeDetailsWithButton();
  expect(await app.isDetailOpen()).toBe(false);
});

type ZonesFile = { features: { properties: { name: string; approximate: boolean }; geometry: { type: string; coordinates: number[][][] } }[] };

test('a click inside an outreach zone opens its details: name, approximate outline, source', async ({ app }) => {
  await app.openMap();
  const zones = await app.dataFile<ZonesFile>(DATA_FILES.outreachZones);
  const zone = zones.features.find((f) => f.geometry.type === 'Polygon');
  expect(zone, 'a polygon zone in the data').toBeTruthy();
  const ring = zone!.geometry.coordinates[0]!;
  const centre: [number, number] = [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length];
  // Only the zones layer, so the click cannot land on a marker or a 311 point.
  await app.openMap(`#map=15.50/${centre[1].toFixed(5)}/${centre[0].toFixed(5)}&layers=zones`);
  expect(await app.openDetailsAt(centre)).toBe(zone!.properties.name);
  const text = await app.detailText();
  expect(text).toContain('Outreach zone');
  expect(text).toMatch(/Approximate outline/);
  expect(text).toMatch(/Source\s+\S/);
});
