// Find: type a real address, pick it by keyboard, get the nearest places in walking order (oracle: the walk graph
// routed in the test process); who may use each place; nothing within a walk still gives an answer; the found-a-needle
// path shows 3-1-1 and a location; list and map in step; directions, share and print; nothing leaves the origin; axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWalkGraph } from '../../src/datasets/walk-graph';
import { createWalkNetwork } from '../../src/geo/walk-network';
import { expect, test } from './support/fixtures';

const PUBLIC_DATA = join(import.meta.dirname, '..', '..', 'public', 'data');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(PUBLIC_DATA, file), 'utf8'));

type SiteFeature = {
  properties: { id: string; name: string; kind: string; layer: string; services: string[]; eligibility: string | null };
  geometry: { coordinates: [number, number] };
};
const SITES = (readJson('sites.geojson') as { features: SiteFeature[] }).features;

/** Who answers each need, written from the issue: places that take syringes back; places offering treatment. */
const TAKES_SYRINGES = (s: SiteFeature['properties']) =>
  ['disposal-kiosk', 'drop-off', 'syringe-service-program'].includes(s.kind) || s.services.some((x) => /sharps disposal|syringe return|needle exchange/i.test(x));
const OFFERS_TREATMENT = (s: SiteFeature['properties']) => s.kind === 'treatment' || s.services.some((x) => /treatment/i.test(x));
/** "Brookline residents only", "Cambridge residents only": not open to everyone. */
const RESIDENTS_ONLY = (s: SiteFeature['properties']) => /residents only/i.test(s.eligibility ?? '');

/** Every site passing `keep` with its walking distance from `point`, nearest first (all sites routed: no pruning). */
function walkOrder(point: [number, number], keep: (s: SiteFeature['properties']) => boolean): { id: string; name: string; meters: number }[] {
  const network = createWalkNetwork(decodeWalkGraph(readJson('walk-graph.json')));
  const sites = SITES.filter((f) => keep(f.properties));
  const routes = network.routeMany(point, sites.map((s) => s.geometry.coordinates));
  return sites.map((s, i) => ({ id: s.properties.id, name: s.properties.name, meters: routes[i]!.distanceMeters })).sort((a, b) => a.meters - b.meters);
}

/** The list never goes back to a shorter walk (equal walks may list in either order). */
function expectWalkOrder(ids: string[], oracle: { id: string; meters: number }[]) {
  const meters = ids.map((id) => oracle.find((o) => o.id === id)!.meters);
  for (let i = 1; i < meters.length; i++) expect(meters[i]!, `${ids[i]} after ${ids[i - 1]}`).toBeGreaterThanOrEqual(meters[i - 1]! - 0.5);
}

/** A real address of public/data/geocoder-index.json (City Hall). */
const ADDRESS = '1 City Hall Sq';
const CITY_HALL = '42.36030,-71.05830';
/** Brookline Village, a few hundred metres from Brookline's health department kiosk. */
const BROOKLINE = '42.33300,-71.11800';
/** Southern Hyde Park: every place that takes syringes is kilometres away. */
const HYDE_PARK = '42.25600,-71.12400';

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

  const oracle = walkOrder(point, TAKES_SYRINGES).slice(0, 5);
  await expect.poll(() => find.resultCount()).toBe(oracle.length);
  const ids = await find.resultIds();
  expect([...ids].sort()).toEqual(oracle.map((o) => o.id).sort());
  expectWalkOrder(ids, oracle);
  // AHOPE (a syringe service program) takes syringes back: it answers the disposal question.
  expect(ids).toContain('ahope-needle-exchange');

  await find.ask('treatment');
  const treatment = walkOrder(point, OFFERS_TREATMENT).slice(0, 5);
  await expect.poll(() => find.resultIds().then((x) => [...x].sort())).toEqual(treatment.map((o) => o.id).sort());
  expectWalkOrder(await find.resultIds(), treatment);

  expect(map.foreignRequests(), 'requests to another origin').toEqual([]);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
});

test('in Boston "open to everyone" is on by default and residents-only places are left out', async ({ map, find }) => {
  await map.openMap(`#tab=find&at=${CITY_HALL}`);
  await find.open();
  await expect.poll(() => find.resultCount()).toBeGreaterThan(0);
  const bostonIds = await find.resultIds();
  const restricted = SITES.filter((s) => RESIDENTS_ONLY(s.properties)).map((s) => s.properties.id);
  expect(restricted.length).toBeGreaterThan(0);
  expect(bostonIds.filter((id) => restricted.includes(id))).toEqual([]);
  // Turning it off brings the nearest residents-only places back, in walking order.
  await find.setEveryone(false);
  const all = walkOrder((await find.point())!, TAKES_SYRINGES).slice(0, 5);
  await expect.poll(() => find.resultIds().then((x) => [...x].sort())).toEqual(all.map((o) => o.id).sort());
});

test('in Brookline residents-only places are listed by default, saying who may use them', async ({ map, find }) => {
  await map.openMap(`#tab=find&at=${BROOKLINE}`);
  await find.open();
  await expect.poll(() => find.resultIds()).toContain('brookline-health-department-kiosk');
  const ids = await find.resultIds();
  const texts = await find.eligibilityTexts();
  const kiosk = texts[ids.indexOf('brookline-health-department-kiosk')]!;
  expect(kiosk).toContain('Not open to everyone');
  expect(kiosk).toContain('Brookline residents only');
  await find.setEveryone(true);
  await expect.poll(() => find.resultIds()).not.toContain('brookline-health-department-kiosk');
});

test('nothing within a walk: says so, offers 3-1-1 and the phone lines, and still lists the nearest further away', async ({ map, find }) => {
  await map.openMap(`#tab=find&at=${HYDE_PARK}`);
  await find.open();
  await expect.poll(() => find.isNothingFound()).toBe(true);
  expect(await find.summary()).toMatch(/Nothing suitable within a 30-minute walk/);
  expect(await find.call311Links()).toEqual(expect.arrayContaining(['tel:311', 'tel:6176354500']));
  expect(await find.farCount()).toBeGreaterThan(0);
  const oracle = walkOrder((await find.point())!, (s) => TAKES_SYRINGES(s) && !RESIDENTS_ONLY(s));
  expect((await find.resultIds())[0]).toBe(oracle[0]!.id);
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
  await map.openMap(`#tab=find&q=found-needle&at=${CITY_HALL}`);
  await find.open();
  await expect.poll(() => find.locationText()).toContain('near ');
  const where = await find.locationText();
  expect(where).toContain('City Hall');
  expect(where).toContain(CITY_HALL);
});

test('a town in the query wins over a house number elsewhere; pasted coordinates set the search point', async ({ map, find }) => {
  await map.openMap('#tab=find');
  await find.open();
  // Washington St runs from Brighton into Brookline; 350 exists only in downtown Boston's address points.
  const brookline = await find.type('350 Washington St, Brookline');
  expect(brookline[0]).toMatch(/^Washington Street, Brookline/);
  expect(brookline[0]).toContain('street');

  const suggestions = await find.type('42.3330 N, 71.1180 W');
  expect(suggestions[0]).toContain('42.33300, -71.11800');
  await find.pickWithKeyboard(0);
  await expect.poll(() => find.point()).toEqual([-71.118, 42.333]);
});

test('list and map in step: numbered markers match the list, a tapped marker selects its entry and draws the route', async ({ map, find }) => {
  await map.openMap(`#tab=find&all=0&at=${BROOKLINE}&zoom=14`);
  await find.open();
  await expect.poll(() => find.resultCount()).toBeGreaterThan(1);
  await map.settle();
  const ids = await find.resultIds();
  // The map frames the point and the nearest places; each place drawn carries its number in the list.
  await expect.poll(async () => (await map.findDrawn()).places.map((p) => p.id).slice(0, 2)).toEqual(ids.slice(0, 2));
  const drawn = await map.findDrawn();
  for (const p of drawn.places) expect(`${p.rank}:${p.id}`).toBe(`${p.rank}:${ids[Number(p.rank) - 1]}`);
  expect(drawn.pointDrawn).toBe(true);
  expect(drawn.routeDrawn).toBe(false);
  const second = drawn.places[1]!;
  await map.clickAt({ x: second.x + 12, y: second.y - 12 });
  await expect.poll(() => find.selectedIds()).toEqual([ids[1]]);
  await expect.poll(async () => (await map.findDrawn()).routeDrawn).toBe(true);
  expect((await map.findDrawn()).places.find((p) => p.selected)?.id).toBe(ids[1]);
  // The search point did not move.
  expect(await find.point()).toEqual([-71.118, 42.333]);

  // Choosing in the list moves the highlight on the map.
  await find.select(ids[0]!);
  await expect.poll(async () => (await map.findDrawn()).places.find((p) => p.selected)?.id).toBe(ids[0]);

  // A long-press (right-click) anywhere, even on a marker, moves the search point there.
  const before = await find.point();
  await map.contextMenuAt({ x: second.x + 40, y: second.y + 40 });
  await expect.poll(() => find.point()).not.toEqual(before);
});

test('directions open the map app with the destination only; share copies the link; print asks for the pocket list', async ({ session, map, find }) => {
  await session.allowClipboard();
  await map.openMap(`#tab=find&at=${CITY_HALL}`);
  await find.open();
  await expect.poll(() => find.resultCount()).toBeGreaterThan(0);
  const ids = await find.resultIds();
  const hrefs = await find.directionsHrefs();
  for (const [i, href] of hrefs.entries()) {
    const site = SITES.find((s) => s.properties.id === ids[i])!;
    const [lng, lat] = site.geometry.coordinates;
    // Destination as lat, lng; the search point (City Hall) is nowhere in the link.
    expect(href).toContain(`${lat.toFixed(6)}`);
    expect(href).toContain(`${lng.toFixed(6)}`);
    expect(href.indexOf(lat.toFixed(6))).toBeLessThan(href.indexOf(lng.toFixed(6)));
    expect(href).not.toContain('42.3603');
  }
  expect(await find.share()).toBe('Link copied.');
  expect(decodeURIComponent(await session.clipboardText())).toContain(`at=${CITY_HALL}`);
  expect(await find.print()).toBe(1);
  // In print, the map and the controls go; the list, the small map with every place numbered, and the addresses stay.
  await session.emulatePrint(true);
  expect(await map.isMapVisible()).toBe(false);
  expect(await session.isVisible('find-result')).toBe(true);
  expect(await session.isVisible('find-search')).toBe(false);
  expect(await session.countIn('find-panel', '.find-mini-map text')).toBeGreaterThanOrEqual(ids.length);
  await session.emulatePrint(false);
});

test('keyboard only: Find tab, search, pick, open a place and see its route, with focus always visible', async ({ map, find }) => {
  await map.openMap('');
  await find.tabTo('tab-find');
  expect(await find.focusVisible()).toBe(true);
  await find.pressKey('Enter');
  // The tab loads its addresses and walking map first (a screen reader hears "Loading…"), then the search box.
  await find.waitLoaded();
  await find.tabTo('find-search');
  expect(await find.focusVisible()).toBe(true);
  await find.typeKeys(ADDRESS);
  await find.pickWithKeyboard(0);
  await expect.poll(() => find.resultCount()).toBeGreaterThan(0);
  // The live region names the nearest place within a walk, or says there is none.
  const firstName = (await find.resultNames())[0]!;
  expect(await find.summary()).toMatch(new RegExp(`Nearest: ${firstName.replace(/[()]/g, '.')}|Nothing suitable within`));
  await find.tabTo('find-result-select');
  expect(await find.focusVisible()).toBe(true);
  await find.pressKey('Enter');
  const first = (await find.resultIds())[0];
  await expect.poll(() => find.selectedIds()).toEqual([first]);
  await expect.poll(async () => (await map.findDrawn()).routeDrawn).toBe(true);
});

test('a data file that fails to load gives a clear error naming it', async ({ session, map, find }) => {
  await session.replaceFile('data/walk-graph.json', 404, 'not found');
  await map.openMap('#tab=find');
  await expect.poll(() => find.errorText()).toContain('walk-graph.json');
});

test('phone: one tap on "Use my location" lists the places in the sheet, with no serious axe violation @phone', async ({ session, map, sheet, find, a11y }) => {
  await session.allowGeolocation([-71.0583, 42.3603]);
  await map.openMap('#tab=find');
  await expect.poll(() => sheet.layout()).toBe('sheet');
  if (!(await find.isPanelVisible())) await sheet.open();
  await find.open();
  await find.useMyLocation();
  await expect.poll(() => find.resultCount()).toBeGreaterThan(0);
  expect(await find.point()).toEqual([-71.0583, 42.3603]);
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);
});

test('phone: location refused gives a clear message and the other ways to set the point @phone', async ({ map, sheet, find }) => {
  await map.openMap('#tab=find');
  if (!(await find.isPanelVisible())) await sheet.open();
  await find.open();
  await find.useMyLocation();
  await expect.poll(() => find.geoMessage()).toMatch(/denied|not available/);
});
