// The legend's layer toggles hide and show each overlay layer; its kind filters hide sites of one kind.
import { DISPOSAL_KINDS } from '../../src/domain/site';
import { DATA_FILES } from '../../src/config/city';
import { expect, LAYERS, test, type LayerName, type RenderedCounts } from './support/driver';

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

test('a legend toggle hides its layer, leaves the others drawn, and shows it again', async ({ app }) => {
  await app.openMap();
  expect(await app.isVisible('legend')).toBe(true);
  for (const layer of LAYERS) expect(await app.isLayerOn(layer), `${layer} toggle on by default`).toBe(true);
  const before = await app.counts();

  for (const layer of LAYERS) {
    await test.step(`${layer} off and on`, async () => {
      expect(layerCount(layer, before), `${layer} drawn before the toggle`).toBeGreaterThan(0);
      await app.toggleLayer(layer, false);
      await expect.poll(async () => layerCount(layer, await app.counts()), { message: `${layer} hidden` }).toBe(0);
      const after = await app.counts();
      for (const other of LAYERS.filter((l) => l !== layer)) {
        expect(layerCount(other, after), `${other} still drawn`).toBe(layerCount(other, before));
      }
      await expect.poll(async () => (await app.readUrlState()).layers ?? [], { message: 'layers in the URL' }).not.toContain(layer);

      await app.toggleLayer(layer, true);
      await expect.poll(async () => layerCount(layer, await app.counts()), { message: `${layer} shown again` }).toBe(layerCount(layer, before));
    });
  }
});

test('a kind filter hides the disposal points of that kind', async ({ app }) => {
  await app.openMap();
  const sites = await app.dataFile<{ features: { properties: { id: string; kind: string } }[] }>(DATA_FILES.sites);
  const perKind = new Map<string, number>();
  for (const f of sites.features) {
    if (DISPOSAL_KINDS.includes(f.properties.kind as (typeof DISPOSAL_KINDS)[number])) {
      perKind.set(f.properties.kind, (perKind.get(f.properties.kind) ?? 0) + 1);
    }
  }
  const [kind] = [...perKind.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!kind) throw new Error('the data has no disposal points');

  const before = (await app.counts()).disposal;
  await app.setKind(kind, false);
  await expect.poll(async () => (await app.counts()).disposal, { message: `disposal markers without ${kind}` }).toBeLessThan(before);
  await expect.poll(async () => (await app.readUrlState()).kinds ?? [], { message: 'kinds in the URL' }).not.toContain(kind);
});
