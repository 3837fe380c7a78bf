// The legend's layer toggles hide and show each overlay layer; its kind filters hide exactly the sites of one kind.
import { LEGEND_SWATCHES } from '../../src/map/palette';
import { readSites, type SiteRecord } from './support/data-files';
import { expect, test } from './support/fixtures';
import { LAYERS, type LayerName, type MapDriver, type Pixel, type RenderedCounts, type Rgb } from './support/map-driver';

/** The rendered counts that belong to each legend layer. */
function layerCount(layer: LayerName, c: RenderedCounts): number {
  switch (layer) {
    case 'disposal':
      return c.disposal;
    case 'services':
      return c.services;
    case 'needles':
      return c.needlePoints + c.needleDensityCells;
    case 'zones':
      return c.zones;
  }
}

function hexRgb(hex: string): Rgb {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Sites of the data whose position is on the map canvas at the current view, with their pixel. */
async function sitesInView(map: MapDriver, sites: SiteRecord[]): Promise<(SiteRecord & { at: Pixel; uncovered: boolean })[]> {
  const box = await map.mapBox();
  if (!box) throw new Error('the map is not laid out');
  const inView = [];
  for (const site of sites) {
    const at = await map.pixelOf(site.coordinates);
    if (at.x < box.x || at.y < box.y || at.x > box.x + box.width || at.y > box.y + box.height) continue;
    inView.push({ ...site, at, uncovered: await map.isMapPixel(at) });
  }
  return inView;
}

test('a legend toggle hides its layer, leaves the others drawn, and shows it again', async ({ map, legend }) => {
  await map.openMap();
  expect(await legend.isShown()).toBe(true);
  for (const layer of LAYERS) expect(await legend.isLayerOn(layer), `${layer} toggle on by default`).toBe(true);
  const before = await map.counts();

  for (const layer of LAYERS) {
    await test.step(`${layer} off and on`, async () => {
      expect(layerCount(layer, before), `${layer} drawn before the toggle`).toBeGreaterThan(0);
      await legend.toggleLayer(layer, false);
      await expect.poll(async () => layerCount(layer, await map.counts()), { message: `${layer} hidden` }).toBe(0);
      for (const other of LAYERS.filter((l) => l !== layer)) {
        await expect.poll(async () => layerCount(other, await map.counts()), { message: `${other} still drawn` }).toBe(layerCount(other, before));
      }
      await expect.poll(async () => (await map.readUrlState()).layers ?? [], { message: 'layers in the URL' }).not.toContain(layer);

      await legend.toggleLayer(layer, true);
      await expect.poll(async () => layerCount(layer, await map.counts()), { message: `${layer} shown again` }).toBe(layerCount(layer, before));
    });
  }
});

test('a kind filter hides exactly the disposal points of that kind: the other kinds and the services stay drawn', async ({ map, legend }) => {
  await map.openMap();
  const inView = await sitesInView(map, readSites());
  const disposal = inView.filter((s) => s.layer === 'disposal');
  const services = inView.filter((s) => s.layer === 'service');
  const perKind = new Map<string, number>();
  for (const s of disposal) perKind.set(s.kind, (perKind.get(s.kind) ?? 0) + 1);
  const [kind] = [...perKind.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!kind) throw new Error('no disposal point of the data is in view');
  const kept = disposal.filter((s) => s.kind !== kind);
  const hidden = disposal.filter((s) => s.kind === kind);
  expect(kept.length, `a disposal point of another kind than ${kind} is in view, so hiding everything would show`).toBeGreaterThan(0);

  // Oracle from the data file: every site in view is drawn before filtering.
  await expect.poll(() => map.counts(), { message: 'sites drawn before filtering' }).toMatchObject({ disposal: disposal.length, services: services.length });

  await legend.setKind(kind, false);
  await expect
    .poll(() => map.counts(), { message: `disposal markers without ${kind}: ${kept.map((s) => s.id).join(', ')}` })
    .toMatchObject({ disposal: kept.length, services: services.length });
  await expect.poll(async () => (await map.readUrlState()).kinds ?? [], { message: 'kinds in the URL' }).not.toContain(kind);

  // Which markers: the pixel at each kept marker is the disposal colour; at each hidden one, it is not.
  const blue = hexRgb(LEGEND_SWATCHES.disposal);
  const probe = [...kept, ...hidden].filter((s) => s.uncovered);
  expect(probe.filter((s) => s.kind === kind).length, `a ${kind} marker is on the uncovered map`).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const colours = await map.coloursAt(probe.map((s) => s.at));
      return probe.map((s, i) => `${s.id}: ${colourDistance(colours[i]!, blue) < 40 ? 'drawn' : 'not drawn'}`);
    }, { message: 'disposal markers drawn at their pixels' })
    .toEqual(probe.map((s) => `${s.id}: ${s.kind === kind ? 'not drawn' : 'drawn'}`));
});
