// Find: type a real address, pick it by keyboard, get the nearest places in walking order (oracle: the walk graph
// routed in the test process); the found-a-needle path shows 3-1-1 and a location; nothing leaves the origin; axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWalkGraph } from '../../src/datasets/walk-graph';
import { createWalkNetwork } from '../../src/geo/walk-network';
import { expect, test } from './support/fixtures';

const PUBLIC_DATA = join(import.meta.dirname, '..', '..', 'public', 'data');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(PUBLIC_DATA, file), 'utf8'));

type SiteFeature = { properties: { name: string; layer: string; eligibility: string | null }; geometry: { coordinates: [number, number] } };

/** Every site of `layer` with its walking distance from `point`, nearest first (all sites routed: no pruning). */
function walkOrder(point: [number, number], layer: string): { name: string; meters: number }[] {
  const network = createWalkNetwork(decodeWalkGraph(readJson('walk-graph.json')));
  const sites = (readJson('sites.geojson') as { features: SiteFeature[] }).features.filter((f) => f.properties.layer === layer);
  const routes = network.routeMany(point, sites.map((s) => s.geometry.coordinates));
  return sites.map((s, i) => ({ name: s.properties.name, meters: routes[i]!.distanceMeters })).sort((a, b) => a.meters - b.meters);
}

/** A real address of public/data/geocoder-index.json (City Hall). */
const ADDRESS = '1 City Hall Sq';

test('an address picked by keyboard lists the nearest places in walking order, and nothing leaves the origin', async ({ map, find, a11y }) => {
  await map.openMap('#all=0');
  await find.open();
  const suggestions = await find.type(ADDRESS);
  expect(suggestions[0]).toContain('City Hall');
  await find.pickWithKeyboard(0);
  await expect.poll(() => find.point()).not.toBeNull();
  const point = (await find.point())!;
  // City Hall Plaza, within 100 m.
  expect(Math.abs(point[0] - -71.0583)).toBeLessThan(0.0012);
  expect(Math.abs(point[1] - 42.3603)).toBeLessThan(0.0009);

  const oracle = walkOrder(point, 'disposal').slice(0, 5);
  await expect.poll(() => find.resultCount()).toBe(oracle.length);
  const names = await find.resultNames();
  // Same places, and the list never goes back to a shorter walk (equal walks may list in either order).
  expect([...names].sort()).toEqual(oracle.map((o) => o.name).sort());
  const meters = names.map((n) => oracle.find((o) => o.name === n)!.meters);
  for (let i = 1; i < meters.length; i++) expect(meters[i]!, `${names[i]} after ${names[i - 1]}`).toBeGreaterThanOrEqual(meters[i - 1]! - 0.5);

  await find.ask('services');
  const services = walkOrder(point, 'service').slice(0, 5);
  await expect.poll(() => find.resultCount()).toBe(services.length);
  const serviceNames = await find.resultNames();
  const serviceMeters = serviceNames.map((n) => services.find((o) => o.name === n)!.meters);
  for (let i = 1; i < serviceMeters.length; i++) expect(serviceMeters[i]!).toBeGreaterThanOrEqual(serviceMeters[i - 1]! - 0.5);

  expect(map.foreignRequests(), 'requests to another origin').toEqual([]);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
});

test('open to everyone drops residents-only places; with none left it says so and offers 3-1-1', async ({ map, find }) => {
  await map.openMap('#at=42.36030,-71.05830&tab=find');
  await find.open();
  // Every disposal point in the data is for its town's residents only (Brookline, Cambridge).
  await expect.poll(() => find.isNothingFound()).toBe(true);
  expect(await find.call311Links()).toEqual(expect.arrayContaining(['tel:311', 'tel:6176354500']));
  await find.setEveryone(false);
  await expect.poll(() => find.resultCount()).toBeGreaterThan(0);
});

test('found a needle: 3-1-1 call links and the location in words', async ({ map, find, a11y }) => {
  await map.openMap('#tab=find&q=found-needle');
  await find.open();
  await find.type(ADDRESS);
  await find.pickWithKeyboard(0);
  await expect.poll(() => find.call311Links()).toEqual(expect.arrayContaining(['tel:311', 'tel:6176354500']));
  const where = await find.locationText();
  expect(where).toContain('City Hall');
  expect(where).toMatch(/42\.36\d*,-71\.05\d*/);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
});

test('found a needle at a point from a link (or a map tap): the nearest address names it', async ({ map, find }) => {
  await map.openMap('#tab=find&q=found-needle&at=42.36030,-71.05830');
  await find.open();
  await expect.poll(() => find.locationText()).toContain('near ');
  const where = await find.locationText();
  expect(where).toContain('City Hall');
  expect(where).toContain('42.36030,-71.05830');
});

test('a data file that fails to load gives a clear error naming it', async ({ session, map, find }) => {
  await session.replaceFile('data/walk-graph.json', 404, 'not found');
  await map.openMap('#tab=find');
  await expect.poll(() => find.errorText()).toContain('walk-graph.json');
});

test('phone: a shared link lists the places in the sheet, with no serious axe violation @phone', async ({ map, sheet, find, a11y }) => {
  await map.openMap('#tab=find&all=0&at=42.36030,-71.05830');
  await expect.poll(() => sheet.layout()).toBe('sheet');
  if (!(await find.isPanelVisible())) await sheet.open();
  await find.open();
  await expect.poll(() => find.resultCount()).toBeGreaterThan(0);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
});
