// Coverage (planners): the citywide share of 311 requests within 400 m of the disposal points counted, checked against a
// brute-force count over the same data files; five proposed kiosks, their gains adding up, exported as GeoJSON and
// checked by the same brute force; axe on the tab. Along the streets: the figure against every site routed in the test
// process over the same walk graph (Find's routing engine), and the catchments drawn on the map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { decodeWalkGraph } from '../../src/datasets/walk-graph';
import { createWalkNetwork, MAX_SNAP_METERS } from '../../src/geo/walk-network';
import { expect, test } from './support/fixtures';
import { greatCircleMeters, readSites, type LngLat } from './support/data-files';

const PUBLIC_DATA = join(import.meta.dirname, '..', '..', 'public', 'data');
type NeedleFile = { columns: { lng: number[]; lat: number[] } };
const needles = JSON.parse(readFileSync(join(PUBLIC_DATA, 'needle-requests.json'), 'utf8')) as NeedleFile;
const REQUESTS: LngLat[] = needles.columns.lng.map((lng, i) => [lng, needles.columns.lat[i]!]);
/** The kinds counted by default: kiosks, drop-off boxes and syringe service programs. */
const SUPPLY = readSites().filter((s) => ['disposal-kiosk', 'drop-off', 'syringe-service-program'].includes(s.kind));

const meters = greatCircleMeters;
const coveredBy = (sites: LngLat[], radius: number) => REQUESTS.filter((r) => sites.some((s) => meters(r, s) <= radius)).length;

test('citywide coverage within 400 m matches a brute-force count; five proposed kiosks add what they say; GeoJSON export; axe', async ({ session, map, a11y }) => {
  test.setTimeout(120_000);
  // Every site of those kinds, residents-only ones included, so the oracle needs no eligibility rule.
  await map.openMap('#tab=coverage&call=0');
  await session.waitVisible('coverage-figure', 60_000);
  await session.click('coverage-radius-400');
  const expected = coveredBy(SUPPLY.map((s) => s.coordinates), 400);
  const figure = await session.text('coverage-figure');
  expect(figure).toContain(`${expected.toLocaleString('en-US')} of ${REQUESTS.length.toLocaleString('en-US')} requests`);
  expect(figure).toContain(`within 400 m of one of the ${SUPPLY.length} disposal points`);
  await expect.poll(() => session.count('coverage-table'), { timeout: 60_000 }).toBe(1);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);

  await session.fill('coverage-k', '5');
  await session.waitVisible('coverage-proposal', 60_000);
  await expect.poll(() => session.count('coverage-proposed-site')).toBe(5);
  const file = await session.download('coverage-export-sites');
  const fc = JSON.parse(file.text) as { features: { properties: { rank: number; gain: number; covered: number }; geometry: { coordinates: LngLat } }[] };
  expect(fc.features.map((f) => f.properties.rank)).toEqual([1, 2, 3, 4, 5]);
  let running = expected;
  for (const f of fc.features) {
    expect(f.properties.gain).toBeGreaterThan(0);
    running += f.properties.gain;
    expect(f.properties.covered).toBe(running);
  }
  // The brute force over the supply and the five proposed points gives the last running total.
  const withProposed = coveredBy([...SUPPLY.map((s) => s.coordinates), ...fc.features.map((f) => f.geometry.coordinates)], 400);
  expect(withProposed).toBe(running);
  expect(await session.text('coverage-after')).toContain(`${((100 * running) / REQUESTS.length).toFixed(1)}% with 5 new kiosks`);
  // Save this as a scenario, propose 10 instead, save that too, and compare the two side by side.
  await session.fill('coverage-scenario-name', 'Five kiosks');
  await session.click('coverage-scenario-save');
  await session.fill('coverage-k', '10');
  await expect.poll(() => session.count('coverage-proposed-site'), { timeout: 60_000 }).toBe(10);
  await session.fill('coverage-scenario-name', 'Ten kiosks');
  await session.click('coverage-scenario-save');
  await expect.poll(() => session.textsIn('coverage-scenario-list', 'li')).toHaveLength(2);
  await session.selectOption('coverage-compare-b', '1');
  const city = (await session.text('coverage-compare-city')).replace(/\s+/g, ' ');
  const [shareA, shareB] = [...city.matchAll(/(\d+\.\d)%/g)].map((m) => Number(m[1]));
  expect(shareA).toBeCloseTo((100 * running) / REQUESTS.length, 1);
  expect(shareB).toBeGreaterThan(shareA!);
  expect(city).toContain('5 and 10 new kiosks');

  // The gaps: cells of uncovered requests, most first, never more than the requests left uncovered.
  const gapCounts = (await session.textsIn('coverage-gaps', 'tbody tr td:nth-child(3)')).map(Number);
  expect(gapCounts.length).toBeGreaterThan(0);
  expect(gapCounts).toEqual([...gapCounts].sort((a, b) => b - a));
  expect(gapCounts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(REQUESTS.length - expected);

  // The coverage curve for 1..20 new kiosks never falls, and starts above today's share.
  await session.click('coverage-curve-button');
  await session.waitVisible('coverage-curve', 60_000);
  await session.expandDetails('coverage-curve');
  const shares = (await session.textsIn('coverage-curve', 'tbody tr td:last-child')).map((x) => Number(x.replace(/[^\d.]/g, '')));
  expect(shares).toHaveLength(20);
  for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThanOrEqual(shares[k - 1]!);
  expect(shares[0]).toBeGreaterThan((100 * expected) / REQUESTS.length);
  await map.settle();
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
});

test('residents instead of requests: the tracts load only then, and the figure says whose numbers they are', async ({ session, map }) => {
  test.setTimeout(120_000);
  await map.openMap('#tab=coverage');
  await session.waitVisible('coverage-figure', 60_000);
  expect(await session.text('coverage-figure')).toMatch(/requests/);
  await session.click('coverage-demand-residents');
  await expect.poll(() => session.text('coverage-figure'), { timeout: 60_000 }).toMatch(/of 650,272 estimated residents \(ACS, about 2015\) \(\d+\.\d%\) live within 400 m/);
  expect(await session.hash()).toContain('cdem=res');
});

/**
 * Requests within `radius` metres of some site walking along the streets, each site routed by WalkNetwork.routeMany
 * (Find's engine) to the requests within the radius in a straight line (a walk is never shorter); where routeMany
 * cannot route (a point off the street network, or no street path between them) the pair counts in a straight line.
 */
function walkCoveredBy(sites: LngLat[], radius: number): { covered: number; straightLine: number } {
  const network = createWalkNetwork(decodeWalkGraph(JSON.parse(readFileSync(join(PUBLIC_DATA, 'walk-graph.json'), 'utf8'))));
  const covered = new Uint8Array(REQUESTS.length);
  for (const site of sites) {
    const near = REQUESTS.flatMap((r, i) => (meters(r, site) <= radius ? [i] : []));
    const routes = network.routeMany(site, near.map((i) => REQUESTS[i]!), { maxDistanceMeters: radius });
    routes.forEach((route, j) => {
      const i = near[j]!;
      if (!route.approximate ? route.distanceMeters <= radius : route.approximateReason !== 'beyond-max-distance' && meters(REQUESTS[i]!, site) <= radius) covered[i] = 1;
    });
  }
  // Measured in a straight line whatever the site: off the streets, or nearest to a piece of the network no site is on.
  const onStreets = sites.map((s) => network.snap(s)!).filter((s) => s.offsetMeters <= MAX_SNAP_METERS);
  const pieces = new Set(onStreets.map((s) => s.component));
  const straightLine = REQUESTS.filter((r) => {
    const s = network.snap(r)!;
    return s.offsetMeters > MAX_SNAP_METERS || !pieces.has(s.component);
  }).length;
  return { covered: covered.reduce((a, b) => a + b, 0), straightLine };
}

test('along the streets at 400 m: the figure matches routing every site in the test, is at most the straight-line one, and catchments are drawn', async ({ session, map }) => {
  test.setTimeout(180_000);
  await map.openMap('#tab=coverage&call=0&cmode=walk');
  await session.waitVisible('coverage-figure', 90_000);
  await expect.poll(() => session.hash()).toContain('cmode=walk');
  const sites = SUPPLY.map((s) => s.coordinates);
  const walk = walkCoveredBy(sites, 400);
  const straight = coveredBy(sites, 400);
  await expect.poll(() => session.text('coverage-figure'), { timeout: 60_000 }).toContain(`${walk.covered.toLocaleString('en-US')} of ${REQUESTS.length.toLocaleString('en-US')} requests`);
  const figure = (await session.text('coverage-figure')).replace(/\s+/g, ' ');
  expect(figure).toContain('Distance: walking along the streets.');
  expect(walk.covered).toBeLessThanOrEqual(straight);
  if (walk.straightLine > 0) expect(figure).toContain(`(${walk.straightLine.toLocaleString('en-US')} measured in straight line: off the street network, or on streets cut off from every disposal point counted)`);
  else expect(figure).not.toContain('measured in straight line');

  // Straight line again gives today's figure; back to walking gives the walking one.
  await session.click('coverage-distance-straight');
  await expect.poll(() => session.text('coverage-figure')).toContain(`${straight.toLocaleString('en-US')} of ${REQUESTS.length.toLocaleString('en-US')} requests`);
  expect(await session.text('coverage-figure')).toContain('Distance: straight line (great-circle).');
  await session.click('coverage-distance-walk');
  await expect.poll(() => session.text('coverage-figure'), { timeout: 60_000 }).toContain(`${walk.covered.toLocaleString('en-US')} of ${REQUESTS.length.toLocaleString('en-US')} requests`);

  // Every site's catchment is drawn (none is off the street network here): zoomed out so all are in view.
  await map.jumpTo({ lng: -71.07, lat: 42.32, zoom: 10.5 });
  const drawn = await session.evaluate(() => {
    const m = (window as unknown as { __hrm?: { map: MapLibreMap } }).__hrm!.map;
    const parts = new Map<string, Set<number>>();
    for (const f of m.queryRenderedFeatures({ layers: ['coverage-reach'] })) {
      const part = String(f.properties['part']);
      if (!parts.has(part)) parts.set(part, new Set());
      parts.get(part)!.add(Number(f.properties['n']));
    }
    return Object.fromEntries([...parts].map(([k, v]) => [k, v.size]));
  }, undefined);
  expect(drawn).toEqual({ 'supply-catchment': SUPPLY.length });
  expect(await session.text('coverage-map-note')).toContain('walking catchment');

  // Two new kiosks along the streets: their running totals match routing the supply and them in the test, and the
  // one-page report says the distance is a walk.
  await session.fill('coverage-k', '2');
  await session.waitVisible('coverage-proposal', 120_000);
  await expect.poll(() => session.count('coverage-proposed-site'), { timeout: 120_000 }).toBe(2);
  const file = await session.download('coverage-export-sites');
  const fc = JSON.parse(file.text) as { features: { properties: { gain: number; covered: number; distance: string }; geometry: { coordinates: LngLat } }[] };
  expect(fc.features[0]!.properties.distance).toMatch(/walk/i);
  const proposed = fc.features.map((f) => f.geometry.coordinates);
  expect(fc.features[0]!.properties.covered).toBe(walkCoveredBy([...sites, proposed[0]!], 400).covered);
  expect(fc.features[1]!.properties.covered).toBe(walkCoveredBy([...sites, ...proposed], 400).covered);
  await session.click('coverage-report-open');
  await expect.poll(() => session.text('coverage-report')).toContain('walking along the streets');
});

test('all 24,100 requests of 2024-2026 (the City aggregates) as demand, and only places open 24/7: both figures match a count over the shared file', async ({ session, map }) => {
  test.setTimeout(120_000);
  const shared = process.env.HRM_DATA_DIR?.trim() ? process.env.HRM_DATA_DIR.trim() : join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
  // The shared source itself: cells are [lat, lng, count].
  const source = JSON.parse(readFileSync(join(shared, 'boston', 'needle-requests-aggregates-2024-2026.json'), 'utf8')) as { heat: Record<string, [number, number, number][]> };
  const cells = source.heat['all']!;
  const total = cells.reduce((sum, c) => sum + c[2], 0);
  const countWithin = (sites: LngLat[], radius: number) => cells.filter(([lat, lng]) => sites.some((s) => meters([lng, lat], s) <= radius)).reduce((sum, c) => sum + c[2], 0);
  const sitesFile = JSON.parse(readFileSync(join(PUBLIC_DATA, 'sites.geojson'), 'utf8')) as { features: { properties: { id: string; kind: string; openingHours: string | null }; geometry: { coordinates: LngLat } }[] };
  const supply = sitesFile.features.filter((f) => ['disposal-kiosk', 'drop-off', 'syringe-service-program'].includes(f.properties.kind));
  const always = supply.filter((f) => f.properties.openingHours === '24/7');

  await map.openMap('#tab=coverage&call=0');
  await session.waitVisible('coverage-figure', 60_000);
  await session.click('coverage-demand-aggregates');
  const all = countWithin(supply.map((f) => f.geometry.coordinates), 400);
  await expect.poll(() => session.text('coverage-figure'), { timeout: 60_000 }).toContain(`${all.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} requests`);
  expect(total).toBe(24_100);
  expect(await session.text('coverage-figure')).toContain('opened 2024-01-01 to 2026-03-31');
  expect(await session.hash()).toContain('cdem=agg');

  await session.click('coverage-hours-always');
  expect(always.length).toBeGreaterThan(0);
  expect(always.length).toBeLessThan(supply.length);
  const open247 = countWithin(always.map((f) => f.geometry.coordinates), 400);
  await expect.poll(() => session.text('coverage-figure'), { timeout: 60_000 }).toContain(`${open247.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} requests`);
  expect(await session.text('coverage-figure')).toContain(`one of the ${always.length} disposal points`);
  expect(await session.hash()).toContain('chrs=247');
});

test('the share covered per neighbourhood on the map: each neighbourhood is filled with the class of the share its table row gives', async ({ session, map }) => {
  test.setTimeout(120_000);
  // 800 m with pharmacies too, so the neighbourhoods spread over several classes.
  await map.openMap('#tab=coverage&call=0&cr=800&ckinds=disposal-kiosk~drop-off~syringe-service-program~pharmacy&map=11.3/42.315/-71.08');
  await session.waitVisible('coverage-figure', 60_000);
  await expect.poll(() => session.count('coverage-table'), { timeout: 60_000 }).toBe(1);
  await session.click('coverage-map-areas');
  await session.waitVisible('coverage-areas-key');
  expect(await session.hash()).toContain('cmap=areas');
  // The table's rows: neighbourhood and share (e.g. "12.5%").
  const cells = await session.textsIn('coverage-table', 'tbody td');
  const rows = new Map<string, number>();
  for (let i = 0; i < cells.length; i += 4) if (Number(cells[i + 1]!.replace(/,/g, '')) > 0) rows.set(cells[i]!, Number(cells[i + 3]!.replace('%', '')) / 100);
  expect(rows.size).toBeGreaterThan(10);
  const ramp = ['rgba(222, 235, 247, 0.8)', 'rgba(158, 202, 225, 0.8)', 'rgba(107, 174, 214, 0.8)', 'rgba(49, 130, 189, 0.8)', 'rgba(8, 81, 156, 0.8)'];
  const classOf = (share: number) => Math.min(4, Math.floor(share * 5 + 1e-9));
  await map.settle();
  const drawn = await session.evaluate(() => {
    const m = (window as unknown as { __hrm?: { map: MapLibreMap } }).__hrm!.map;
    const out: Record<string, string> = {};
    for (const f of m.queryRenderedFeatures({ layers: ['coverage-choropleth'] })) {
      const c = (f.layer.paint as Record<string, unknown>)['fill-color'] as { r: number; g: number; b: number; a: number };
      const k = (v: number) => Math.round(v * 255);
      out[String(f.properties['name'])] = `rgba(${k(c.r / c.a)}, ${k(c.g / c.a)}, ${k(c.b / c.a)}, ${Math.round(c.a * 10) / 10})`;
    }
    return out;
  }, undefined);
  expect(Object.keys(drawn).sort()).toEqual([...rows.keys()].sort());
  for (const [name, share] of rows) expect(`${name}: ${drawn[name]}`).toBe(`${name}: ${ramp[classOf(share)]}`);
  // The same table as GeoJSON on the outlines: one polygon per row, with its share.
  const file = await session.download('coverage-export-table-geojson');
  const fc = JSON.parse(file.text) as { features: { properties: { neighborhood: string; share: number; radiusMeters: number }; geometry: { type: string } }[] };
  expect(fc.features.map((f) => f.properties.neighborhood).sort()).toEqual([...rows.keys()].sort());
  for (const f of fc.features) {
    // The table shows one decimal of a percentage (half a tenth of a point either way).
    expect(Math.abs(f.properties.share - rows.get(f.properties.neighborhood)!)).toBeLessThanOrEqual(0.00051);
    expect(f.properties.radiusMeters).toBe(800);
    expect(f.geometry.type).toMatch(/Polygon$/);
  }
  // No reach circles or uncovered points in this view.
  expect(await session.evaluate(() => (window as unknown as { __hrm?: { map: MapLibreMap } }).__hrm!.map.queryRenderedFeatures({ layers: ['coverage-reach'] }).length, undefined)).toBe(0);
});
