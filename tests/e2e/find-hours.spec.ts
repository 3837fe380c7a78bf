// Find's "open now" on a device set to Tokyo: opening hours are read on Boston's clock, at Sunday 03:00 and at a weekday
// noon (oracle: the opening_hours library on the Boston wall-clock time written by hand, and the nearest five by walk),
// and 24/7 is shown as such, in the list and in the details panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpeningHours from 'opening_hours';
import { decodeWalkGraph } from '../../src/datasets/walk-graph';
import { createWalkNetwork } from '../../src/geo/walk-network';
import { expect, test } from './support/fixtures';
import type { BrowserSession } from './support/browser';
import type { FindDriver } from './support/find-driver';
import type { MapDriver } from './support/map-driver';

// A device elsewhere: Tokyo is 14 hours ahead of Boston in winter, so its own clock reads another day.
test.use({ timezoneId: 'Asia/Tokyo' });

const PUBLIC_DATA = join(import.meta.dirname, '..', '..', 'public', 'data');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(PUBLIC_DATA, file), 'utf8'));
type Site = { id: string; name: string; kind: string; services: string[]; openingHours: string | null };
type SitesFile = { features: { properties: Site; geometry: { coordinates: [number, number] } }[] };
const readSitesFile = (): SitesFile => readJson('sites.geojson') as SitesFile;

/** An instant and, written by hand, what a clock in Boston shows then (EST, UTC-5, in both cases). */
type Moment = { label: string; instant: Date; bostonWall: [year: number, monthIndex: number, day: number, hour: number, minute: number] };
const SUNDAY_3AM: Moment = { label: 'Sunday 03:00', instant: new Date('2026-11-29T08:00:00Z'), bostonWall: [2026, 10, 29, 3, 0] };
const WEEKDAY_NOON: Moment = { label: 'Wednesday noon', instant: new Date('2026-12-02T17:00:00Z'), bostonWall: [2026, 11, 2, 12, 0] };

/** The search point of the links below: City Hall Plaza, [lng, lat] for the oracle and lat,lng for the link. */
const POINT: [number, number] = [-71.0583, 42.3603];
const AT = `at=${POINT[1].toFixed(5)},${POINT[0].toFixed(5)}`;
/** How many places Find lists. */
const LISTED = 5;

/** Who answers each question, written from the issue: places that take syringes back; places handing out supplies. */
const QUESTIONS = [
  {
    q: 'dispose',
    answers: (s: Site) => ['disposal-kiosk', 'drop-off', 'syringe-service-program'].includes(s.kind) || s.services.some((x) => /sharps disposal|syringe return|needle exchange/i.test(x)),
  },
  {
    q: 'supplies',
    answers: (s: Site) => s.kind === 'syringe-service-program' || s.services.some((x) => /naloxone|narcan|test strips?|kits?|supplies/i.test(x)),
  },
] as const;

/**
 * The places answering a question that are open at `moment` on Boston's clock, nearest first by walk from POINT. The
 * opening_hours library reads a Date's local fields, so it gets a Date whose local fields are the Boston wall-clock
 * time written by hand.
 */
function openByWalk(sites: SitesFile, answers: (s: Site) => boolean, moment: Moment): { name: string; meters: number }[] {
  const nominatim = { lon: POINT[0], lat: POINT[1], address: { country_code: 'us', state: 'Massachusetts' } };
  const bostonWall = new Date(...moment.bostonWall);
  const open = sites.features.filter(
    (f) => answers(f.properties) && f.properties.openingHours !== null && new OpeningHours(f.properties.openingHours, nominatim).getState(bostonWall),
  );
  const routes = createWalkNetwork(decodeWalkGraph(readJson('walk-graph.json'))).routeMany(POINT, open.map((f) => f.geometry.coordinates));
  return open.map((f, i) => ({ name: f.properties.name, meters: routes[i]!.distanceMeters })).sort((a, b) => a.meters - b.meters);
}

/**
 * Checks a listed set against the oracle: the open places when there are at most LISTED, otherwise LISTED of them
 * with no unlisted open place nearer than a listed one (equal walks may go either way). Returns a message or null.
 */
function listMismatch(listed: string[], oracle: { name: string; meters: number }[]): string | null {
  const want = oracle.slice(0, LISTED).map((o) => o.name).sort();
  if (oracle.length <= LISTED) return JSON.stringify(listed) === JSON.stringify(want) ? null : `listed ${JSON.stringify(listed)}, open ${JSON.stringify(want)}`;
  const metersOf = new Map(oracle.map((o) => [o.name, o.meters]));
  const closed = listed.filter((n) => !metersOf.has(n));
  if (closed.length > 0 || listed.length !== LISTED) return `listed ${JSON.stringify(listed)}, open nearest ${JSON.stringify(want)}`;
  const farthestListed = Math.max(...listed.map((n) => metersOf.get(n)!));
  const skipped = oracle.filter((o) => !listed.includes(o.name) && o.meters < farthestListed - 0.5);
  return skipped.length === 0 ? null : `listed ${JSON.stringify(listed)}, but ${skipped.map((o) => o.name).join(', ')} is open and nearer`;
}

/** The listed names (sorted, near and further away), [] when nothing is listed and Find says so, null while working. */
async function listed(find: FindDriver): Promise<string[] | null> {
  const names = await find.resultNames();
  if (names.length > 0) return names.sort();
  return (await find.isNothingFound()) ? [] : null;
}

/** Opens Find at the search point for `q` with "open now" on and "open to everyone" off. */
async function openFind(map: MapDriver, find: FindDriver, q: string): Promise<void> {
  await map.openMap(`#tab=find&q=${q}&open=1&all=0&${AT}`);
  await find.open();
}

/** Asks each question in turn (the first as the page was opened) and checks the list against the oracle. */
async function expectOpenPlaces(find: FindDriver, sites: SitesFile, moment: Moment): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  for (const [i, { q, answers }] of QUESTIONS.entries()) {
    if (i > 0) await find.ask(q);
    const oracle = openByWalk(sites, answers, moment);
    let last: string[] | null = null;
    await expect
      .poll(async () => listMismatch((last = await listed(find)) ?? ['(still working)'], oracle), { message: `${q} at ${moment.label} Boston time` })
      .toBeNull();
    seen.set(q, last!);
  }
  return seen;
}

/** The text of the listed place named `name` (its whole result item). */
async function resultText(session: BrowserSession, name: string): Promise<string> {
  const texts = await session.texts('find-result');
  const text = texts.find((t) => t.includes(name));
  if (text === undefined) throw new Error(`${name} is not listed`);
  return text.replace(/\s+/g, ' ');
}

/** The open-now line of a site's details panel, opened by link. */
async function detailsOpenState(session: BrowserSession, map: MapDriver, id: string): Promise<string> {
  await map.openMap(`#site=${id}`);
  await session.waitVisible('open-state');
  await expect.poll(() => session.text('open-state'), { message: `${id}: the open state is worked out` }).not.toBe('');
  return (await session.text('open-state')).replace(/\s+/g, ' ');
}

test.describe('the published hours (24/7 places and places without hours)', () => {
  for (const moment of [SUNDAY_3AM, WEEKDAY_NOON]) {
    test(`at ${moment.label} Boston time, "open now" lists exactly the places open then, 24/7 shown as such`, async ({ session, map, find }) => {
      test.setTimeout(120_000);
      await session.setClock(moment.instant);
      const sites = readSitesFile();
      const always = sites.features.find((f) => QUESTIONS[0].answers(f.properties) && f.properties.openingHours === '24/7');
      if (!always) throw new Error('no 24/7 place taking syringes in the data');
      await openFind(map, find, QUESTIONS[0].q);
      await expect.poll(() => find.resultNames()).toContain(always.properties.name);
      const text = await resultText(session, always.properties.name);
      expect(text).toContain('Open 24/7');
      expect(text).not.toMatch(/until|opens/);
      await expectOpenPlaces(find, sites, moment);
      expect(await detailsOpenState(session, map, always.properties.id)).toBe('Open 24/7');
    });
  }
});

// The data publishes only 24/7 hours and unknown ones, which read the same at any time. Serving it with hours added to
// the places that have none shows whose clock Find reads. Each rule is open at one moment on Boston's clock and
// closed at the same instant read on Tokyo's (Sunday 03:00 in Boston is Sunday 17:00 in Tokyo, Wednesday noon is
// Thursday 02:00), or the reverse.
const ADDED_HOURS = ['Mo-Fr 09:00-17:00; PH off', 'Su 02:00-04:00', 'Mo-Su 07:00-19:00'];

function withAddedHours(): { sites: SitesFile; hoursOf: Map<string, string> } {
  const sites = readSitesFile();
  const hoursOf = new Map<string, string>();
  const unpublished = sites.features.filter((f) => f.properties.openingHours === null);
  unpublished.forEach((f, i) => {
    f.properties.openingHours = ADDED_HOURS[i % ADDED_HOURS.length]!;
    hoursOf.set(f.properties.id, f.properties.openingHours);
  });
  return { sites, hoursOf };
}

test.describe('hours that differ between Sunday night and a weekday', () => {
  test('Find lists a different set at Sunday 03:00 and at a weekday noon, each exactly the places open then in Boston', async ({ session, map, find }) => {
    test.setTimeout(120_000);
    const { sites } = withAddedHours();
    await session.replaceFile('data/sites.geojson', 200, JSON.stringify(sites));
    const seen: Map<string, string[]>[] = [];
    for (const moment of [SUNDAY_3AM, WEEKDAY_NOON]) {
      await session.setClock(moment.instant);
      await openFind(map, find, QUESTIONS[0].q);
      seen.push(await expectOpenPlaces(find, sites, moment));
    }
    for (const { q } of QUESTIONS) {
      expect(seen[0]!.get(q)!.length, `${q}: some place is open at ${SUNDAY_3AM.label}`).toBeGreaterThan(0);
      expect(seen[0]!.get(q), `${q}: Sunday night and weekday noon differ`).not.toEqual(seen[1]!.get(q));
    }
  });

  test("the details panel gives the next opening and closing on Boston's clock", async ({ session, map }) => {
    test.setTimeout(120_000);
    const { sites, hoursOf } = withAddedHours();
    await session.replaceFile('data/sites.geojson', 200, JSON.stringify(sites));
    const idWith = (hours: string) => {
      const id = [...hoursOf].find(([, h]) => h === hours)?.[0];
      if (!id) throw new Error(`no site was given ${hours}`);
      return id;
    };
    await session.setClock(SUNDAY_3AM.instant);
    // Sunday 03:00 in Boston (Sunday 17:00 in Tokyo): the weekday place opens on Monday at 09:00 Boston time
    // (23:00 in Tokyo), the Sunday-night place is open until 04:00 Boston time.
    expect(await detailsOpenState(session, map, idWith(ADDED_HOURS[0]!))).toBe('Closed now · opens Mon 9:00 AM');
    expect(await detailsOpenState(session, map, idWith(ADDED_HOURS[1]!))).toBe('Open now · until Sun 4:00 AM');
    expect(await detailsOpenState(session, map, idWith(ADDED_HOURS[2]!))).toBe('Closed now · opens Sun 7:00 AM');
  });
});
