// The map draws a real picture, and each of the four overlay layers renders features from the generated data.
import { DATA_FILES } from '../../src/config/city';
import { expect, test } from './support/driver';

type SitesFile = { features: { properties: { id: string; name: string; kind: string } }[] };

/** Mass Ave / Melnea Cass, where 311 needle reports are densest, close enough for points instead of density. */
const NEEDLE_HOTSPOT_VIEW = { zoom: 15, lat: 42.3335, lng: -71.0745 };

test('the map draws: a screenshot of the map has many distinct colours, not a blank canvas', async ({ app }) => {
  await app.openMap();
  const stats = await app.mapColourStats();
  expect(stats.distinctColours, 'distinct colours in the map screenshot').toBeGreaterThan(50);
  expect(stats.dominantShare, 'share of the commonest colour').toBeLessThan(0.9);
});

test('each of the four layers renders features from the real data', async ({ app }) => {
  await app.openMap();
  const requested = (file: string) => app.requestedUrls().some((u) => new URL(u).pathname.endsWith(`/${file}`));

  await test.step('disposal points and service sites: markers from data/sites.geojson', async () => {
    const counts = await app.counts();
    expect(counts.disposal, 'disposal markers in view').toBeGreaterThan(0);
    expect(counts.services, 'service-site markers in view').toBeGreaterThan(0);
    expect(requested(DATA_FILES.sites), `${DATA_FILES.sites} requested`).toBe(true);
    const sites = await app.dataFile<SitesFile>(DATA_FILES.sites);
    const idsInData = new Set(sites.features.map((f) => f.properties.id));
    const ids = await app.siteIds();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !idsInData.has(id)), 'site ids not in the data file').toEqual([]);
    expect(counts.disposal + counts.services).toBeLessThanOrEqual(sites.features.length);
  });

  await test.step('outreach zones: polygons from data/outreach-zones.geojson', async () => {
    expect((await app.counts()).zones, 'zone polygons in view').toBeGreaterThan(0);
    expect(requested(DATA_FILES.outreachZones), `${DATA_FILES.outreachZones} requested`).toBe(true);
  });

  await test.step('311 needle requests: density cells zoomed out', async () => {
    await expect.poll(async () => (await app.counts()).needleDensityCells, { message: 'density cells at the default zoom' }).toBeGreaterThan(0);
    expect(requested(DATA_FILES.needleRequests), `${DATA_FILES.needleRequests} requested`).toBe(true);
  });

  await test.step('311 needle requests: points zoomed in', async () => {
    await app.jumpTo(NEEDLE_HOTSPOT_VIEW);
    await expect.poll(async () => (await app.counts()).needlePoints, { message: 'needle points at zoom 15' }).toBeGreaterThan(0);
  });
});
