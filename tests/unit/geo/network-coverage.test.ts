// Network coverage against an oracle: every site–demand pair routed on its own by WalkNetwork.routeMany (a Dijkstra over the whole graph).
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../../../src/domain/geometry';
import { haversineMeters } from '../../../src/geo/haversine';
import { createNetworkCoverage } from '../../../src/geo/network-coverage';
import { buildWalkGraph, createWalkNetwork, type WalkGraph, type WalkNetwork } from '../../../src/geo/walk-network';
import { mulberry32, testSeed } from '../seeded-random';

const ORIGIN: LngLat = [-71.08, 42.33];
const M_LAT = 1 / 111_195;
const M_LNG = M_LAT / Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (east: number, north: number): LngLat => [+(ORIGIN[0] + east * M_LNG).toFixed(6), +(ORIGIN[1] + north * M_LAT).toFixed(6)];

/** Two random connected pieces over the same 1500 m square (a big one and a small one, not joined), as separate components. */
function twoPieceGraph(seed: number): WalkGraph {
  const rand = mulberry32(seed);
  const pts: LngLat[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const keys = new Set<string>();
  const add = (a: number, b: number) => {
    const k = `${Math.min(a, b)},${Math.max(a, b)}`;
    if (a === b || keys.has(k)) return;
    keys.add(k);
    from.push(a);
    to.push(b);
  };
  for (const [n, extra] of [[60, 40], [12, 4]] as const) {
    const base = pts.length;
    for (let i = 0; i < n; i++) pts.push(at(rand() * 1500, rand() * 1500));
    for (let i = 1; i < n; i++) add(base + i, base + Math.floor(rand() * i));
    for (let i = 0; i < extra; i++) add(base + Math.floor(rand() * n), base + Math.floor(rand() * n));
  }
  return buildWalkGraph({ lng: pts.map((p) => p[0]), lat: pts.map((p) => p[1]), edgeFrom: from, edgeTo: to });
}

/** Mostly points near a street (up to 80 m off), a few far off the network (measured in a straight line). */
function randomPoints(g: WalkGraph, rand: () => number, count: number): { lngLat: LngLat }[] {
  return Array.from({ length: count }, () => {
    if (rand() < 0.05) return { lngLat: at(1500 + 600 + rand() * 300, rand() * 1500) };
    const e = Math.floor(rand() * g.edgeCount);
    const [a, b, t] = [g.edgeFrom[e]!, g.edgeTo[e]!, rand()];
    return {
      lngLat: [+(g.lng[a]! + t * (g.lng[b]! - g.lng[a]!) + (rand() - 0.5) * 160 * M_LNG).toFixed(6), +(g.lat[a]! + t * (g.lat[b]! - g.lat[a]!) + (rand() - 0.5) * 160 * M_LAT).toFixed(6)],
    };
  });
}

/** The oracle's pair distance: routed alone along the streets, or a plain straight line where routeMany cannot route. */
function oracleMeters(network: WalkNetwork, site: LngLat, d: LngLat): number {
  const r = network.routeMany(site, [d])[0]!;
  return r.approximate ? haversineMeters(site, d) : r.distanceMeters;
}

const cases = Array.from({ length: 12 }, (_, i) => testSeed(1100) + i);
const RADII = [150, 400, 800];

describe('createNetworkCoverage against pairwise routing', { timeout: 60_000 }, () => {
  it('covered flags equal a demand point being within the radius of some site by the oracle', () => {
    for (const seed of cases) {
      const g = twoPieceGraph(seed);
      const network = createWalkNetwork(g);
      const rand = mulberry32(seed * 31);
      const demand = randomPoints(g, rand, 120);
      const sites = randomPoints(g, rand, 6);
      const cov = createNetworkCoverage(network, demand);
      const dist = sites.map((s) => demand.map((d) => oracleMeters(network, s.lngLat, d.lngLat)));
      for (const radius of RADII) {
        const expected = demand.map((_, k) => (sites.some((_, si) => dist[si]![k]! <= radius) ? 1 : 0));
        expect([...cov.coveredFlags(sites, radius)], `seed ${seed}, ${radius} m`).toEqual(expected);
      }
    }
  });

  it("each site's reach lists exactly the demand points the oracle puts within the radius, and their union is the covered set", () => {
    for (const seed of cases) {
      const g = twoPieceGraph(seed);
      const network = createWalkNetwork(g);
      const rand = mulberry32(seed * 17);
      const demand = randomPoints(g, rand, 100);
      const sites = randomPoints(g, rand, 8);
      const cov = createNetworkCoverage(network, demand);
      for (const radius of RADII) {
        const union = new Uint8Array(demand.length);
        for (const s of sites) {
          const expected = demand.flatMap((d, k) => (oracleMeters(network, s.lngLat, d.lngLat) <= radius ? [k] : []));
          const reach = cov.reachOf(s, radius);
          expect([...reach], `seed ${seed}, ${radius} m, site ${s.lngLat.join()}`).toEqual(expected);
          for (const k of reach) union[k] = 1;
        }
        expect([...cov.coveredFlags(sites, radius)], `seed ${seed}, ${radius} m`).toEqual([...union]);
      }
    }
  });

  it('never covers more than the straight line does, and counts the demand measured in a straight line', () => {
    for (const seed of cases) {
      const g = twoPieceGraph(seed);
      const network = createWalkNetwork(g);
      const rand = mulberry32(seed * 7);
      const demand = randomPoints(g, rand, 150);
      const sites = randomPoints(g, rand, 5);
      const cov = createNetworkCoverage(network, demand);
      const walk = cov.coveredFlags(sites, 400);
      demand.forEach((d, k) => {
        if (walk[k]) expect(sites.some((s) => haversineMeters(s.lngLat, d.lngLat) <= 400 + 1e-6), `seed ${seed}, demand ${k}`).toBe(true);
      });
      // Off the network (no street within 500 m), or nearest to a street of a piece holding no on-network site.
      const snapOf = (p: LngLat) => network.snap(p)!;
      const siteComponents = new Set(sites.filter((s) => snapOf(s.lngLat).offsetMeters <= 500).map((s) => snapOf(s.lngLat).component));
      const expected = demand.filter((d) => snapOf(d.lngLat).offsetMeters > 500 || !siteComponents.has(snapOf(d.lngLat).component)).length;
      expect(cov.straightLine(sites), `seed ${seed}`).toEqual({ demand: expected, sites: sites.filter((s) => snapOf(s.lngLat).offsetMeters > 500).length });
    }
  });

  it('does not mutate its inputs', () => {
    const g = twoPieceGraph(5);
    const network = createWalkNetwork(g);
    const rand = mulberry32(9);
    const demand = randomPoints(g, rand, 40);
    const sites = randomPoints(g, rand, 3);
    const before = JSON.stringify([demand, sites]);
    const cov = createNetworkCoverage(network, demand);
    cov.coveredFlags(sites, 400);
    cov.reachOf(sites[0]!, 400);
    cov.catchment(sites[0]!, 400);
    expect(JSON.stringify([demand, sites])).toBe(before);
  });
});

describe('catchment', { timeout: 60_000 }, () => {
  it('holds the street points well within the walk and none well beyond it (plus the side allowance)', () => {
    for (const seed of cases.slice(0, 6)) {
      const g = twoPieceGraph(seed);
      const network = createWalkNetwork(g);
      const rand = mulberry32(seed * 3);
      const site = randomPoints(g, rand, 30).find((p) => network.snap(p.lngLat)!.offsetMeters < 60 && network.snap(p.lngLat)!.component === 0);
      if (!site) continue;
      const cov = createNetworkCoverage(network, []);
      const radius = 400;
      const poly = cov.catchment(site, radius);
      expect(poly, `seed ${seed}`).not.toBeNull();
      const feature = { type: 'Feature' as const, properties: {}, geometry: poly! };
      for (let v = 0; v < g.nodeCount; v++) {
        const node: LngLat = [g.lng[v]!, g.lat[v]!];
        const walk = network.routeMany(site.lngLat, [node])[0]!;
        if (walk.approximate) continue;
        // A node's own walk includes the site's offset to its street: the catchment is drawn from the street on.
        if (walk.distanceMeters <= radius - 30) expect(booleanPointInPolygon(node, feature), `seed ${seed}, node ${v} at ${walk.distanceMeters.toFixed(0)} m`).toBe(true);
      }
    }
  });

  it('follows the street: an L of two 300 m streets, walked 400 m from one end, reaches 100 m round the corner and no further', () => {
    // Nodes: 0 at the origin, 1 300 m east, 2 300 m north of 1; a parallel street 3–4 200 m south, not joined.
    const pts = [at(0, 0), at(300, 0), at(300, 300), at(0, -200), at(300, -200)];
    const g = buildWalkGraph({ lng: pts.map((p) => p[0]), lat: pts.map((p) => p[1]), edgeFrom: [0, 1, 3], edgeTo: [1, 2, 4] });
    const cov = createNetworkCoverage(createWalkNetwork(g), []);
    const poly = cov.catchment({ lngLat: at(0, 0) }, 400);
    expect(poly).not.toBeNull();
    const inside = (p: LngLat) => booleanPointInPolygon(p, { type: 'Feature', properties: {}, geometry: poly! });
    for (const p of [at(0, 0), at(150, 0), at(300, 0), at(300, 80), at(150, 30), at(150, -30), at(300 + 30, 50)]) expect(inside(p), `${p}`).toBe(true);
    // Beyond the walk along the north street, too far from the street sideways, and the unjoined street.
    for (const p of [at(300, 150), at(300, 250), at(150, 90), at(150, -90), at(150, -200), at(-120, 0)]) expect(inside(p), `${p}`).toBe(false);
  });

  it('is null for a site off the street network', () => {
    const g = twoPieceGraph(2);
    const cov = createNetworkCoverage(createWalkNetwork(g), []);
    expect(cov.catchment({ lngLat: at(3000, 700) }, 400)).toBeNull();
  });
});
