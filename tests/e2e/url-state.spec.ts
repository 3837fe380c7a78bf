// The URL hash keeps the view, layers and filters: a reload or a shared link shows the same; a malformed hash shows the default.
import { DEFAULT_VIEW, expect, LAYERS, test, type MapDriver, type MapView } from './support/driver';

function shiftDate(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function expectViewNear(actual: MapView, expected: MapView, what: string): void {
  expect(Math.abs(actual.zoom - expected.zoom), `${what}: zoom ${actual.zoom} vs ${expected.zoom}`).toBeLessThan(0.02);
  expect(Math.abs(actual.lat - expected.lat), `${what}: lat ${actual.lat} vs ${expected.lat}`).toBeLessThan(1e-4);
  expect(Math.abs(actual.lng - expected.lng), `${what}: lng ${actual.lng} vs ${expected.lng}`).toBeLessThan(1e-4);
}

/** Everything the legend shows, to compare before and after a reload. */
async function legendState(app: MapDriver) {
  return {
    layers: await Promise.all(LAYERS.map((l) => app.isLayerOn(l))),
    dates: await app.needleDates(),
    open: await app.isNeedleStatusOn('open'),
    closed: await app.isNeedleStatusOn('closed'),
    unknown: await app.isNeedleStatusOn('unknown'),
  };
}

test('view and filters changed in the UI are written to the URL and survive a reload', async ({ app }) => {
  test.setTimeout(90_000);
  await app.openMap();
  const defaults = await app.needleDates();
  expect(defaults.from, 'default date-from').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(defaults.to, 'default date-to').toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const view = { zoom: 13.4, lat: 42.3361, lng: -71.0712 };
  const from = shiftDate(defaults.to, -30);
  await app.jumpTo(view);
  await app.toggleLayer('services', false);
  await app.setNeedleDates(from, defaults.to);
  await app.setNeedleStatus('closed', false);

  await expect
    .poll(async () => {
      const s = await app.readUrlState();
      return { layers: s.layers?.toSorted(), from: s.from, to: s.to, status: s.status?.toSorted() };
    }, { message: 'the URL reflects the legend' })
    .toEqual({ layers: ['disposal', 'needles', 'zones'], from, to: defaults.to, status: ['open', 'unknown'] });
  await expect.poll(async () => (await app.readUrlState()).map?.zoom, { message: 'zoom in the URL' }).toBeCloseTo(view.zoom, 1);

  const hashBefore = (await app.readUrlState()).raw;
  const legendBefore = await legendState(app);
  const countsBefore = await app.counts();
  const urlView = (await app.readUrlState()).map;
  if (!urlView) throw new Error('no map= in the URL');
  expectViewNear(urlView, view, 'URL view before reload');

  await app.reload();
  expectViewNear(await app.view(), urlView, 'view after reload');
  expect(await legendState(app)).toEqual(legendBefore);
  expect((await app.readUrlState()).raw).toEqual(hashBefore);
  await expect.poll(() => app.counts(), { message: 'the same features are drawn after the reload' }).toEqual(countsBefore);
});

test('a shared link opens with its view, layers and filters', async ({ app }) => {
  test.setTimeout(90_000);
  await app.openMap();
  const { to } = await app.needleDates();
  const from = shiftDate(to, -14);
  const view = { zoom: 14.25, lat: 42.3335, lng: -71.0745 };

  await app.openMap(`map=${view.zoom}/${view.lat}/${view.lng}&layers=disposal,needles&from=${from}&to=${to}&status=open`);
  expectViewNear(await app.view(), view, 'view from the link');
  expect(await app.isLayerOn('disposal')).toBe(true);
  expect(await app.isLayerOn('services')).toBe(false);
  expect(await app.isLayerOn('needles')).toBe(true);
  expect(await app.isLayerOn('zones')).toBe(false);
  expect(await app.needleDates()).toEqual({ from, to });
  expect(await app.isNeedleStatusOn('open')).toBe(true);
  expect(await app.isNeedleStatusOn('closed')).toBe(false);
  expect(await app.isNeedleStatusOn('unknown')).toBe(false);
  const counts = await app.counts();
  expect(counts.services).toBe(0);
  expect(counts.zones).toBe(0);
});

const MALFORMED_HASHES = [
  'map=abc/def/ghi&just-garbage&&==&',
  'map=999/999/999&layers=%%%&from=2024-13-45&to=yesterday&status=maybe&kinds=%3Cscript%3E&site=no-such-site',
  'map=12/42.33%E0%A4%A',
];

test('a malformed URL hash shows the default view, with no error', async ({ app }) => {
  test.setTimeout(120_000);
  for (const hash of MALFORMED_HASHES) {
    await app.openMap(hash);
    expectViewNear(await app.view(), DEFAULT_VIEW, `view for #${hash}`);
    for (const layer of LAYERS) expect(await app.isLayerOn(layer), `${layer} on for #${hash}`).toBe(true);
    expect(await app.isDetailOpen(), `no detail panel for #${hash}`).toBe(false);
  }
  expect(app.consoleErrors()).toEqual([]);
});
