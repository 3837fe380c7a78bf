// Find's answers: the eligibility rule on the real eligibility texts, ordering by walk, the point in words.
import { describe, expect, it } from 'vitest';
import { buildWalkGraph, createWalkNetwork } from '../../../../src/geo/walk-network';
import { eligibilityClass, findNearestByWalk, languagesOf, servesNeed, siteFilter, splitByRange, WALK_RANGE_METERS, type FindFilters, type FindResult, type FindSite } from '../../../../src/tools/find/find-results';
import type { OpenState } from '../../../../src/domain/opening-hours';
import { LAYER_ORDER } from '../../../../src/map/layer-order';
import { buildFindPointOverlay, buildFindResultsOverlay, buildFindRouteOverlay } from '../../../../src/map/layers/find-layers';
import { createReverseLookup, type ReverseIndex } from '../../../../src/geo/reverse-geocode';

describe('eligibilityClass', () => {
  it('reads the eligibility texts of data/sites.csv', () => {
    expect(eligibilityClass('Household sharps of Brookline residents only, in a container (no loose needles); not for medical offices.')).toBe('restricted');
    expect(eligibilityClass('Cambridge residents only, not businesses; anonymous; sharps in a sharps container')).toBe('restricted');
    expect(eligibilityClass('Only for Somerville residents.')).toBe('restricted');
    expect(eligibilityClass('For people who inject drugs; free, legal and anonymous needle exchange.')).toBe('everyone');
    expect(eligibilityClass('Free and anonymous.')).toBe('everyone');
    expect(eligibilityClass(null)).toBe('unknown');
    expect(eligibilityClass('  ')).toBe('unknown');
  });
});

const site = (id: string, layer: 'disposal' | 'service', lngLat: [number, number]): FindSite => ({
  id,
  name: id,
  kind: layer === 'disposal' ? 'drop-off' : 'drop-in-center',
  layer,
  address: null,
  city: 'Boston',
  coordPrecision: 'address-point',
  openingHours: null,
  hoursNote: null,
  phone: null,
  services: [],
  languages: [],
  eligibility: null,
  wheelchair: null,
  source: 'test',
  lastVerified: '2026-01-01',
  lngLat,
});

describe('findNearestByWalk', () => {
  // Streets: east from the start to B (about 820 m); west, north and back east to A, which is only 280 m north of
  // the start as the crow flies but 1.9 km on foot.
  const start: [number, number] = [-71.06, 42.36];
  const graph = buildWalkGraph({
    lng: [-71.06, -71.05, -71.07, -71.07, -71.06],
    lat: [42.36, 42.36, 42.36, 42.3625, 42.3625],
    edgeFrom: [0, 0, 2, 3],
    edgeTo: [1, 2, 3, 4],
  });
  const network = createWalkNetwork(graph);
  const a = site('a-near-by-air', 'disposal', [-71.06, 42.3625]);
  const b = site('b-near-on-foot', 'disposal', [-71.05, 42.36]);
  const s = site('service', 'service', [-71.0601, 42.36]);

  it('orders by walking distance, not straight line, and keeps the places serving the need only', () => {
    const results = findNearestByWalk([a, b, s], network, { point: start, need: 'dispose' });
    expect(results.map((r) => r.site.id)).toEqual(['b-near-on-foot', 'a-near-by-air']);
    expect(results[0]!.straightMeters).toBeGreaterThan(results[1]!.straightMeters);
    expect(results[1]!.route.distanceMeters).toBeGreaterThan(1800);
    expect(findNearestByWalk([a, b, s], network, { point: start, need: 'drop-in' }).map((r) => r.site.id)).toEqual(['service']);
  });

  it('applies keep and limit', () => {
    expect(findNearestByWalk([a, b], network, { point: start, need: 'dispose', keep: (x) => x !== b }).map((r) => r.site.id)).toEqual(['a-near-by-air']);
    expect(findNearestByWalk([a, b], network, { point: start, need: 'dispose', limit: 1 })).toHaveLength(1);
  });
});

describe('servesNeed (texts of data/sites.csv)', () => {
  const row = (kind: FindSite['kind'], services: string[]) => ({ kind, services });
  const ahope = row('syringe-service-program', ['needle exchange', 'syringe return', 'overdose prevention education and naloxone', 'risk reduction supplies', 'referrals to substance use treatment']);
  const vending = row('other', ['naloxone (Narcan)', 'fentanyl test strips', 'safe injection kits', 'hygiene kits']);
  const engagement = row('drop-in-center', ['daily nursing care and medication management', 'starting substance use treatment', 'restrooms and showers']);
  const dropBox = row('drop-off', ['sharps disposal']);
  const spot = row('other', ['medical monitoring of people over-sedated from substance use', 'entry to primary care and treatment on demand']);
  const pharmacyNaloxone = row('pharmacy', ['naloxone without a prescription']);

  it('a syringe service program takes syringes back; a vending machine that only dispenses does not', () => {
    expect(servesNeed(ahope, 'dispose')).toBe(true);
    expect(servesNeed(dropBox, 'dispose')).toBe(true);
    expect(servesNeed(vending, 'dispose')).toBe(false);
    expect(servesNeed(pharmacyNaloxone, 'dispose')).toBe(false);
    expect(servesNeed(row('pharmacy', ['sharps disposal']), 'dispose')).toBe(true);
  });

  it('supplies, somewhere to be and treatment follow kind and services', () => {
    expect([ahope, vending, engagement, dropBox, spot, pharmacyNaloxone].map((r) => servesNeed(r, 'supplies'))).toEqual([true, true, false, false, false, true]);
    expect([ahope, vending, engagement, dropBox, spot].map((r) => servesNeed(r, 'drop-in'))).toEqual([false, false, true, false, false]);
    expect([ahope, vending, engagement, dropBox, spot].map((r) => servesNeed(r, 'treatment'))).toEqual([true, false, true, false, true]);
  });
});

describe('siteFilter', () => {
  const open = (nextChange: Date | null): OpenState => ({ state: 'open', nextChange, comment: null });
  const states: Record<string, OpenState> = {
    always: open(null),
    day: open(new Date('2026-11-25T22:00:00Z')),
    shut: { state: 'closed', nextChange: new Date('2026-11-26T14:00:00Z'), comment: null },
    unknown: { state: 'unknown', reason: 'not-published' },
  };
  const mk = (id: string, extra: Partial<FindSite> = {}): FindSite => ({ ...site(id, 'disposal', [-71.06, 42.36]), ...extra });
  const none: FindFilters = { openNow: false, open247: false, everyone: false, language: null, wheelchair: false };
  const ids = (filters: Partial<typeof none>, sites: FindSite[]) => sites.filter(siteFilter({ ...none, ...filters }, (x) => states[x.id])).map((x) => x.id);
  const all = ['always', 'day', 'shut', 'unknown'].map((id) => mk(id));

  it('open now keeps open places; 24/7 keeps those that never close; unknown hours never pass', () => {
    expect(ids({}, all)).toEqual(['always', 'day', 'shut', 'unknown']);
    expect(ids({ openNow: true }, all)).toEqual(['always', 'day']);
    expect(ids({ open247: true }, all)).toEqual(['always']);
  });

  it('open to everyone drops restricted places and keeps those whose eligibility is not published', () => {
    const sites = [mk('a', { eligibility: 'Free and anonymous.' }), mk('b', { eligibility: 'Cambridge residents only, not businesses' }), mk('c', { eligibility: null })];
    expect(ids({ everyone: true }, sites)).toEqual(['a', 'c']);
  });

  it('language matches case-insensitively; wheelchair needs a stated yes', () => {
    const sites = [mk('es', { languages: ['Spanish', 'English'] }), mk('ht', { languages: ['Haitian Creole'] }), mk('w', { wheelchair: 'yes' }), mk('l', { wheelchair: 'limited' })];
    expect(ids({ language: 'spanish' }, sites)).toEqual(['es']);
    expect(ids({ wheelchair: true }, sites)).toEqual(['w']);
    expect(languagesOf([...sites, mk('x', { languages: ['spanish'] })])).toEqual(['English', 'Haitian Creole', 'Spanish']);
  });
});

describe('splitByRange', () => {
  const at = (meters: number) => ({ route: { distanceMeters: meters } }) as FindResult;
  it('splits at the walking range, the boundary inside', () => {
    const { near, far } = splitByRange([at(100), at(WALK_RANGE_METERS), at(WALK_RANGE_METERS + 1), at(9000)]);
    expect(near.map((r) => r.route.distanceMeters)).toEqual([100, WALK_RANGE_METERS]);
    expect(far.map((r) => r.route.distanceMeters)).toEqual([WALK_RANGE_METERS + 1, 9000]);
  });
});

describe('find layers', () => {
  it('every layer id is in LAYER_ORDER, the point above the route', () => {
    const ids = [
      ...buildFindPointOverlay([-71.06, 42.36]).layers,
      ...buildFindRouteOverlay([[-71.06, 42.36], [-71.05, 42.36]], false).layers,
      ...buildFindResultsOverlay([{ id: 'a', lngLat: [-71.06, 42.36] }], 'a').layers,
    ].map((l) => l.id);
    for (const id of ids) expect(LAYER_ORDER as readonly string[]).toContain(id);
    expect(LAYER_ORDER.indexOf('find-point')).toBeGreaterThan(LAYER_ORDER.indexOf('find-route'));
  });
});

describe('createReverseLookup', () => {
  // Two streets crossing at the origin; one address point 20 m east of the crossing on Main St.
  const index: ReverseIndex = {
    areas: { name: ['Charlestown'], kind: ['neighborhood'], lngLat: [-71.06, 42.375] },
    streets: { name: ['Main St', 'Elm St'], area: [0, 0], run: [0, 1], lngLat: [-71.06, 42.375, -71.06, 42.375], chainStart: [0, 0, 0] },
    addresses: { street: [0], number: [20], numberTo: [26], zip: [0], city: [0], area: [0], lngLat: [-71.05976, 42.375] },
    intersections: { a: [0], b: [1], source: [1], area: [0], lngLat: [-71.06, 42.375] },
  };
  const describePoint = createReverseLookup(index);

  it('names the nearest address point, then the nearest intersection, then nothing', () => {
    expect(describePoint([-71.05975, 42.37502])?.text).toBe('20-26 Main St, Charlestown');
    // 100 m west of the crossing: no address within 60 m, the crossing within 150 m.
    expect(describePoint([-71.06122, 42.375])?.text).toBe('Main St & Elm St, Charlestown');
    expect(describePoint([-71.07, 42.375])).toBeNull();
  });
});
