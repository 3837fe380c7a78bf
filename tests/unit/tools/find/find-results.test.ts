// Find's answers: the eligibility rule on the real eligibility texts, ordering by walk, the point in words.
import { describe, expect, it } from 'vitest';
import { buildWalkGraph, createWalkNetwork } from '../../../../src/geo/walk-network';
import { eligibilityClass, findNearestByWalk, type FindSite } from '../../../../src/tools/find/find-results';
import { LAYER_ORDER } from '../../../../src/map/layer-order';
import { buildFindPointOverlay, buildFindRouteOverlay } from '../../../../src/map/layers/find-layers';
import { createReverseLookup, type ReverseIndex } from '../../../../src/tools/find/find-reverse';

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
  kind: layer === 'disposal' ? 'drop-off' : 'other',
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

  it('orders by walking distance, not straight line, and keeps the question\'s layer only', () => {
    const results = findNearestByWalk([a, b, s], network, { point: start, question: 'dispose' });
    expect(results.map((r) => r.site.id)).toEqual(['b-near-on-foot', 'a-near-by-air']);
    expect(results[0]!.straightMeters).toBeGreaterThan(results[1]!.straightMeters);
    expect(results[1]!.route.distanceMeters).toBeGreaterThan(1800);
    expect(findNearestByWalk([a, b, s], network, { point: start, question: 'services' }).map((r) => r.site.id)).toEqual(['service']);
  });

  it('applies keep and limit', () => {
    expect(findNearestByWalk([a, b], network, { point: start, question: 'dispose', keep: (x) => x !== b }).map((r) => r.site.id)).toEqual(['a-near-by-air']);
    expect(findNearestByWalk([a, b], network, { point: start, question: 'dispose', limit: 1 })).toHaveLength(1);
  });
});

describe('find layers', () => {
  it('every layer id is in LAYER_ORDER, the point above the route', () => {
    const ids = [...buildFindPointOverlay([-71.06, 42.36]).layers, ...buildFindRouteOverlay([[-71.06, 42.36], [-71.05, 42.36]], false).layers].map((l) => l.id);
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
