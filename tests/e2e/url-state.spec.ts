// The URL hash keeps the view, layers and filters: a reload or a shared link shows the same; a malformed hash shows the default.
import { expect, test } from './support/fixtures';
import type { LegendDriver } from './support/legend-driver';
import { DEFAULT_VIEW, LAYERS, type MapView } from './support/map-driver';

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
async function legendState(legend: LegendDriver) {
  return {
    layers: await Promise.all(LAYERS.map((l) => legend.isLayerOn(l))),
    dates: await legend.needleDates(),
    open: await legend.isNeedleStatusOn('open'),
    closed: await legend.isNeedleStatusOn('closed'),
    unknown: await legend.isNeedleStatusOn('unknown'),
  };
}

test('view and filters changed in the UI are written to the URL and survive a reload', async ({ map, legend }) => {
  test.setTimeout(90_000);
  await map.openMap();
  const defaults = await legend.needleDates();
  expect(defaults.from, 'default date-from').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(defaults.to, 'default date-to').toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const view = { zoom: 13.4, lat: 42.3361, lng: -71.0712 };
  const from = shiftDate(defaults.to, -30);
  await map.jumpTo(view);
  await legend.toggleLayer('services', false);
  await legend.setNeedleDates(from, defaults.to);
  await legend.setNeedleStatus('closed', false);

  await expect
    .poll(async () => {
      const s = await map.readUrlState();
      return { layers: s.layers?.toSorted(), from: s.from, to: s.to, status: s.status?.toSorted() };
    }, { message: 'the URL reflects the legend' })
    .toEqual({ layers: ['disposal', 'needles', 'zones'], from, to: defaults.to, status: ['open', 'unknown'] });
  await expect.poll(async () => (await map.readUrlState()).map?.zoom, { message: 'zoom in the URL' }).toBeCloseTo(view.zoom, 1);

  const hashBefore = (await map.readUrlState()).raw;
  const legendBefore = await legendState(legend);
  const countsBefore = await map.counts();
  const urlView = (await map.readUrlState()).map;
  if (!urlView) throw new Error('no map= in the URL');
  expectViewNear(urlView, view, 'URL view before reload');

  await map.reload();
  expectViewNear(await map.view(), urlView, 'view after reload');
  await expect.poll(() => legendState(legend), { message: 'the legend after the reload' }).toEqual(legendBefore);
  expect((await map.readUrlState()).raw).toEqual(hashBefore);
  await expect.poll(() => map.counts(), { message: 'the same features are drawn after the reload' }).toEqual(countsBefore);
});

test('a shared link opens with its view, layers and filters', async ({ map, legend }) => {
  test.setTimeout(90_000);
  await map.openMap();
  const { to } = await legend.needleDates();
  const from = shiftDate(to, -14);
  const view = { zoom: 14.25, lat: 42.3335, lng: -71.0745 };

  await map.openMap(`map=${view.zoom}/${view.lat}/${view.lng}&layers=disposal,needles&from=${from}&to=${to}&status=open`);
  expectViewNear(await map.view(), view, 'view from the link');
  await expect
    .poll(() => legendState(legend), { message: 'the legend shows the link' })
    .toEqual({ layers: [true, false, true, false], dates: { from, to }, open: true, closed: false, unknown: false });
  await expect.poll(() => map.counts(), { message: 'services and zones not drawn' }).toMatchObject({ services: 0, zones: 0 });
});

const MALFORMED_HASHES = [
  'map=abc/def/ghi&just-garbage&&==&',
  'map=999/999/999&layers=%%%&from=2024-13-45&to=yesterday&status=maybe&kinds=%3Cscript%3E&site=no-such-site',
  'map=12/42.33%E0%A4%A',
];

test('a malformed URL hash shows the default view, with no error', async ({ map, legend, details }) => {
  test.setTimeout(120_000);
  for (const hash of MALFORMED_HASHES) {
    await map.openMap(hash);
    expectViewNear(await map.view(), DEFAULT_VIEW, `view for #${hash}`);
    for (const layer of LAYERS) expect(await legend.isLayerOn(layer), `${layer} on for #${hash}`).toBe(true);
    expect(await details.isOpen(), `no detail panel for #${hash}`).toBe(false);
  }
  expect(map.consoleErrors()).toEqual([]);
});
