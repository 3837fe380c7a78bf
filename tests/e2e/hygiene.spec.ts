// The page logs no console errors and talks only to its own origin (no vendor tiles, fonts or analytics).
import { expect, LAYERS, test, type MapDriver } from './support/driver';

/** A tour of everything the first screen offers: toggles, a site's details, zoom to 311 points, the zones panel. */
async function tour(app: MapDriver): Promise<void> {
  await app.openMap();
  for (const layer of LAYERS) {
    await app.toggleLayer(layer, false);
    await app.toggleLayer(layer, true);
  }
  const { id } = await app.clickableSite();
  await app.openSite(id);
  await app.closeDetailsWithEscape();
  await app.jumpTo({ zoom: 15.5, lat: 42.3335, lng: -71.0745 });
  await app.jumpTo({ zoom: 11, lat: 42.32, lng: -71.08 });
  await app.openZonesPanel();
}

// One tour, two checks: each is reported on its own (soft assertions), and the suite loads the map once for both.
test('no console errors, and every request the page makes goes to its own origin', async ({ app }) => {
  await tour(app);
  expect.soft(app.consoleErrors(), 'console errors and uncaught exceptions').toEqual([]);
  expect.soft(app.requestedUrls().length, 'requests recorded').toBeGreaterThan(3);
  expect.soft(app.foreignRequests(), 'requests to another origin').toEqual([]);
});
