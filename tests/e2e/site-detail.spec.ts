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
