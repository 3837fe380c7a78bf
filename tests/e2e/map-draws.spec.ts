// The map draws a real picture, its overlays draw in their own colours, and each layer renders the generated data.
import { DATA_FILES } from '../../src/config/city';
import { LEGEND_SWATCHES } from '../../src/map/palette';
import { readDefaultZones, readNeedles, readSites, type SiteRecord } from './support/data-files';
import { expect, test } from './support/fixtures';
import type { Pixel, Rgb } from './support/map-driver';

/** Mass Ave / Melnea Cass, where 311 needle reports are densest, close enough for points instead of density. */
const NEEDLE_HOTSPOT_VIEW = { zoom: 15, lat: 42.3335, lng: -71.0745 };

function hexRgb(hex: string): Rgb {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** A ring of probe pixels around `centre`, skipping any within `keepAwayPx` of a pixel in `avoid`. */
function probesAround(centre: Pixel, radiusPx: number, avoid: Pixel[], keepAwayPx: number): Pixel[] {
  const probes: Pixel[] = [centre];
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    probes.push({ x: centre.x + radiusPx * Math.cos(a), y: centre.y + radiusPx * Math.sin(a) });
  }
  return probes.filter((p) => avoid.every((q) => Math.hypot(p.x - q.x, p.y - q.y) > keepAwayPx));
}

test('the map draws: many distinct colours, and each site marker in its layer colour', async ({ map }) => {
  await map.openMap();
  const stats = await map.mapColourStats();
  expect(stats.distinctColours, 'distinct colours in the map screenshot').toBeGreaterThan(50);
  expect(stats.dominantShare, 'share of the commonest colour').toBeLessThan(0.9);

  // The basemap alone never uses the overlay hues at strength: the pixel at each site's position must be its marker.
  const expected = { disposal: hexRgb(LEGEND_SWATCHES.disposal), service: hexRgb(LEGEND_SWATCHES.services) } as const;
  const markers: (SiteRecord & { at: Pixel })[] = [];
  for (const site of readSites()) {
    const at = await map.pixelOf(site.coordinates);
    if (await map.isMapPixel(at)) markers.push({ ...site, at });
  }
  expect(new Set(markers.map((m) => m.layer)), 'markers of both layers on the uncovered map').toEqual(new Set(['disposal', 'service']));
  await expect
    .poll(async () => {
      const colours = await map.coloursAt(markers.map((m) => m.at));
      return markers.map((m, i) => {
        const want = m.layer === 'disposal' ? expected.disposal : expected.service;
        return `${m.id}: ${colourDistance(colours[i]!, want) < 40 ? 'its layer colour' : `rgb(${colours[i]!.join(',')})`}`;
      });
    }, { message: 'the pixel at each site is its marker colour' })
    .toEqual(markers.map((m) => `${m.id}: its layer colour`));
});

test('outreach zones and the 311 density colour the map where the data puts them', async ({ map, legend }) => {
  const sitePixels = async () => Promise.all(readSites().map((s) => map.pixelOf(s.coordinates)));

  await test.step('a default zone tints its inside in the zone colour', async () => {
    const zone = readDefaultZones().find((z) => z.geometry.type === 'Polygon');
    if (!zone) throw new Error('no polygon among the default zones');
    const ring = (zone.geometry.coordinates as number[][][])[0] ?? [];
    const inside: [number, number] = [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length];
    // Zoomed in on the zone with only the zones layer, so nothing else changes colour when it is toggled.
    await map.openMap(`#map=15.50/${inside[1].toFixed(5)}/${inside[0].toFixed(5)}&layers=zones`);
    const probes = probesAround(await map.pixelOf(inside), 12, [], 0);
    const on = await map.coloursAt(probes);
    await legend.toggleLayer('zones', false);
    await expect.poll(async () => (await map.counts()).zones).toBe(0);
    const off = await map.coloursAt(probes);
    const zoneHue = hexRgb(LEGEND_SWATCHES.zones);
    const pulled = median(probes.map((_, i) => colourDistance(off[i]!, zoneHue) - colourDistance(on[i]!, zoneHue)));
    expect(pulled, 'how much closer to the zone colour the inside is with the zone drawn (median over probes)').toBeGreaterThan(8);
  });

  await test.step('the 311 density colours the densest spot of the date window', async () => {
    await map.openMap();
    const { from, to } = await legend.needleDates();
    const inWindow = readNeedles().filter((n) => n.openedDate >= from && n.openedDate <= to);
    // Densest ~250 m cell of the reports in the window (oracle from the data file).
    const cells = new Map<string, { n: number; lng: number; lat: number }>();
    for (const r of inWindow) {
      const key = `${Math.floor(r.coordinates[0] / 0.003)}/${Math.floor(r.coordinates[1] / 0.00225)}`;
      const c = cells.get(key) ?? { n: 0, lng: 0, lat: 0 };
      cells.set(key, { n: c.n + 1, lng: c.lng + r.coordinates[0], lat: c.lat + r.coordinates[1] });
    }
    const densest = [...cells.values()].sort((a, b) => b.n - a.n)[0];
    if (!densest) throw new Error(`no 311 report between ${from} and ${to}`);
    const centre = await map.pixelOf([densest.lng / densest.n, densest.lat / densest.n]);
    expect(await map.isMapPixel(centre), `the densest spot (${densest.n} reports) is on the uncovered map`).toBe(true);
    const probes = probesAround(centre, 5, await sitePixels(), 14);
    expect(probes.length, 'probe pixels clear of site markers').toBeGreaterThan(4);

    const on = await map.coloursAt(probes);
    await legend.toggleLayer('needles', false);
    const off = await map.coloursAt(probes);
    await legend.toggleLayer('needles', true);
    const change = median(probes.map((_, i) => colourDistance(on[i]!, off[i]!)));
    expect(change, `median colour change at the densest spot with the 311 layer on vs off (${densest.n} reports)`).toBeGreaterThan(30);
    // The density ramp runs yellow to vermillion: the drawn colour is warmer (more red than blue) than the basemap's.
    const warmth = (c: Rgb) => c[0] - c[2];
    expect(median(probes.map((_, i) => warmth(on[i]!) - warmth(off[i]!))), 'the density is warm-coloured').toBeGreaterThan(20);
  });
});

test('each of the four layers renders features from the real data', async ({ map }) => {
  await map.openMap();

  await test.step('disposal points and service sites: markers from data/sites.geojson', async () => {
    await expect.poll(async () => (await map.counts()).disposal, { message: 'disposal markers in view' }).toBeGreaterThan(0);
    await expect.poll(async () => (await map.counts()).services, { message: 'service-site markers in view' }).toBeGreaterThan(0);
    expect(map.requested(DATA_FILES.sites), `${DATA_FILES.sites} requested`).toBe(true);
    const sites = readSites();
    const idsInData = new Set(sites.map((s) => s.id));
    const ids = await map.siteIds();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !idsInData.has(id)), 'site ids not in the data file').toEqual([]);
    const counts = await map.counts();
    expect(counts.disposal + counts.services).toBeLessThanOrEqual(sites.length);
  });

  await test.step('outreach zones: polygons from data/outreach-zones.geojson', async () => {
    await expect.poll(async () => (await map.counts()).zones, { message: 'zone polygons in view' }).toBeGreaterThan(0);
    expect(map.requested(DATA_FILES.outreachZones), `${DATA_FILES.outreachZones} requested`).toBe(true);
  });

  await test.step('311 needle requests: density cells zoomed out, carrying the reports of the window that are in view', async () => {
    await expect.poll(async () => (await map.counts()).needleDensityCells, { message: 'density cells at the default zoom' }).toBeGreaterThan(0);
    expect(map.requested(DATA_FILES.needleRequests), `${DATA_FILES.needleRequests} requested`).toBe(true);
    // Oracle from the data file: reports of the default window (the last 90 days) inside the map's view. The drawn
    // cells are those touching the view, so they carry at least those, and at most those within one cell of the view.
    const box = await map.mapBox();
    if (!box) throw new Error('no map box');
    const [west, north] = await map.lngLatAt({ x: box.x, y: box.y });
    const [east, south] = await map.lngLatAt({ x: box.x + box.width, y: box.y + box.height });
    const needles = readNeedles();
    const last = needles.reduce((d, n) => (n.openedDate > d ? n.openedDate : d), '');
    const first = new Date(Date.parse(`${last}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const inWindow = needles.filter((n) => n.openedDate >= first && n.openedDate <= last);
    const within = (marginDeg: number) =>
      inWindow.filter(({ coordinates: [lng, lat] }) => lng >= west - marginDeg * 1.35 && lng <= east + marginDeg * 1.35 && lat >= south - marginDeg && lat <= north + marginDeg).length;
    const cellDiameterDeg = 500 / 111_195; // 250 m cells at this zoom (map/layers/needle-mode.ts)
    const drawn = (await map.counts()).needleDensityReports;
    expect(within(0), 'reports in view').toBeGreaterThan(100);
    expect(drawn, `reports carried by the drawn cells (in view: ${within(0)})`).toBeGreaterThanOrEqual(within(0));
    expect(drawn, `reports carried by the drawn cells (within a cell of the view: ${within(cellDiameterDeg)})`).toBeLessThanOrEqual(within(cellDiameterDeg));
  });

  await test.step('311 needle requests: points zoomed in', async () => {
    await map.jumpTo(NEEDLE_HOTSPOT_VIEW);
    await expect.poll(async () => (await map.counts()).needlePoints, { message: 'needle points at zoom 15' }).toBeGreaterThan(0);
  });
});
