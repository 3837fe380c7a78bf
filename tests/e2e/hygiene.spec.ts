// The page logs no console errors and talks only to its own origin (no vendor tiles, fonts or analytics).
import { expect, test, type Drivers } from './support/fixtures';
import { LAYERS } from './support/map-driver';

/** A tour of everything the first screen offers: toggles, a site's details, zoom to 311 points, the zones panel. */
async function tour({ map, legend, details, zones }: Pick<Drivers, 'map' | 'legend' | 'details' | 'zones'>): Promise<void> {
  await map.openMap();
  for (const layer of LAYERS) {
    await legend.toggleLayer(layer, false);
    await legend.toggleLayer(layer, true);
  }
  const { id } = await map.clickableSite();
  await details.openSite(id);
  await details.closeWithEscape();
  await map.jumpTo({ zoom: 15.5, lat: 42.3335, lng: -71.0745 });
  await map.jumpTo({ zoom: 11, lat: 42.32, lng: -71.08 });
  await zones.open();
}

// One tour, two checks: each is reported on its own (soft assertions), and the suite loads the map once for both.
test('no console errors, and every request the page makes goes to its own origin', async ({ map, legend, details, zones }) => {
  await tour({ map, legend, details, zones });
  expect.soft(map.consoleErrors(), 'console errors and uncaught exceptions').toEqual([]);
  expect.soft(map.requestedUrls().length, 'requests recorded').toBeGreaterThan(3);
  expect.soft(map.foreignRequests(), 'requests to another origin').toEqual([]);
});
