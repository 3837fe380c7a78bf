// Walking routes against a brute-force oracle (Floyd–Warshall and snapping by scanning every edge) on seeded random graphs.
import { describe, expect, it } from 'vitest';
import { WALK_METERS_PER_MINUTE } from '../../../src/config/city';
import type { LngLat } from '../../../src/domain/geometry';
import { haversineMeters } from '../../../src/geo/haversine';
import { COMPONENT_SNAP_SLACK_METERS, DETOUR_FACTOR, buildWalkGraph, createWalkNetwork, snapToEdge } from '../../../src/geo/walk-network';
import type { Snap, WalkGraph, WalkRoute } from '../../../src/geo/walk-network';
import { mulberry32 as seededRandom } from '../seeded-random';

const ORIGIN: LngLat = [-71.08, 42.33];
const M_LAT = 1 / 111_195; // degrees per metre north
const M_LNG = M_LAT / Math.cos((ORIGIN[1] * Math.PI) / 180);
/** A point `east`, `north` metres from ORIGIN, rounded to 6 decimals like the graph file. */
const at = (east: number, north: number): LngLat => [+(ORIGIN[0] + east * M_LNG).toFixed(6), +(ORIGIN[1] + north * M_LAT).toFixed(6)];

/** A connected random graph: a random spanning tree plus extra edges, nodes in a size × size metre square. */
function randomGraph(seed: number, n: number, extra: number, size = 1500): WalkGraph {
  const rand = seededRandom(seed);
  const pts = Array.from({ length: n }, () => at(rand() * size, rand() * size));
  const keys = new Set<string>();
  const from: number[] = [];
  const to: number[] = [];
  const add = (a: number, b: number) => {
    const k = `${Math.min(a, b)},${Math.max(a, b)}`;
    if (a === b || keys.has(k)) return;
    keys.add(k);
    from.push(a);
    to.push(b);
  };
  for (let i = 1; i < n; i++) add(i, Math.floor(rand() * i));
  for (let i = 0; i < extra; i++) add(Math.floor(rand() * n), Math.floor(rand() * n));
  return buildWalkGraph({ lng: pts.map((p) => p[0]), lat: pts.map((p) => p[1]), edgeFrom: from, edgeTo: to });
}

/** All-pairs shortest distances by Floyd–Warshall (n ≤ a few dozen). */
function floyd(g: WalkGraph): number[][] {
  const d = Array.from({ length: g.nodeCount }, (_, i) => Array.from({ length: g.nodeCount }, (_, j) => (i === j ? 0 : Infinity)));
  for (let e = 0; e < g.edgeCount; e++) {
    const [a, b, w] = [g.edgeFrom[e]!, g.edgeTo[e]!, g.edgeLengthMeters[e]!];
    if (w < d[a]![b]!) d[a]![b] = d[b]![a] = w;
  }
  for (let k = 0; k < g.nodeCount; k++)
    for (let i = 0; i < g.nodeCount; i++)
      for (let j = 0; j < g.nodeCount; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!;
  return d;
}

/** Snap by scanning every edge (lowest offset, then lowest edge id). */
function bruteSnap(g: WalkGraph, p: LngLat): Snap {
  let best: Snap | undefined;
  for (let e = 0; e < g.edgeCount; e++) {
    const s = snapToEdge(g, p, e);
    if (!best || s.offsetMeters < best.offsetMeters) best = s;
  }
  return best!;
}

/** Oracle walking distance between two points of a connected graph. */
function oracleDistance(g: WalkGraph, d: number[][], from: LngLat, to: LngLat): number {
  const s = bruteSnap(g, from);
  const t = bruteSnap(g, to);
  const sEnds = [[g.edgeFrom[s.edge]!, s.fromMeters], [g.edgeTo[s.edge]!, s.toMeters]] as const;
  const tEnds = [[g.edgeFrom[t.edge]!, t.fromMeters], [g.edgeTo[t.edge]!, t.toMeters]] as const;
  let best = s.edge === t.edge ? Math.abs(s.fromMeters - t.fromMeters) : Infinity;
  for (const [a, da] of sEnds) for (const [b, db] of tEnds) best = Math.min(best, da + d[a]![b]! + db);
  return s.offsetMeters + best + t.offsetMeters;
}

/** A random point near the graph (a random point of a random edge, moved up to 80 m each way), so it snaps within range. */
function pointNear(g: WalkGraph, rand: () => number): LngLat {
  const e = Math.floor(rand() * g.edgeCount);
  const [a, b, t] = [g.edgeFrom[e]!, g.edgeTo[e]!, rand()];
  return [
    +(g.lng[a]! + t * (g.lng[b]! - g.lng[a]!) + (rand() - 0.5) * 160 * M_LNG).toFixed(6),
    +(g.lat[a]! + t * (g.lat[b]! - g.lat[a]!) + (rand() - 0.5) * 160 * M_LAT).toFixed(6),
  ];
}

const pathMeters = (path: LngLat[]) => path.slice(1).reduce((sum, p, i) => sum + haversineMeters(path[i]!, p), 0);

/** The path starts and ends at the points, and every step between graph nodes is an edge of the graph. */
function expectConnected(g: WalkGraph, r: WalkRoute, from: LngLat, to: LngLat): void {
  expect(r.path[0]).toEqual(from);
  expect(r.path[r.path.length - 1]).toEqual(to);
  const nodeAt = new Map<string, number>();
  for (let i = 0; i < g.nodeCount; i++) nodeAt.set(`${g.lng[i]},${g.lat[i]}`, i);
  const edges = new Set<string>();
  for (let e = 0; e < g.edgeCount; e++) edges.add(`${g.edgeFrom[e]},${g.edgeTo[e]}`).add(`${g.edgeTo[e]},${g.edgeFrom[e]}`);
  // Inner points (between the two snap legs) that are nodes must follow edges; the snapped ends lie on edges.
  const ids = r.path.slice(2, -2).map((p) => nodeAt.get(`${p[0]},${p[1]}`));
  expect(ids.every((id) => id !== undefined)).toBe(true);
  for (let i = 1; i < ids.length; i++) expect(edges.has(`${ids[i - 1]},${ids[i]}`)).toBe(true);
}

describe('buildWalkGraph', () => {
  it('computes haversine edge lengths, a symmetric CSR adjacency and components largest first', () => {
    const g = buildWalkGraph({ lng: [at(0, 0)[0], at(100, 0)[0], at(500, 500)[0], at(600, 500)[0], at(700, 500)[0]], lat: [at(0, 0)[1], at(100, 0)[1], at(500, 500)[1], at(600, 500)[1], at(700, 500)[1]], edgeFrom: [0, 2, 3], edgeTo: [1, 3, 4] });
    expect(g.edgeLengthMeters[0]).toBeCloseTo(haversineMeters(at(0, 0), at(100, 0)), 9);
    expect(g.edgeLengthMeters[0]).toBeGreaterThan(99);
    expect([...g.adjNode.slice(g.adjOffset[3]!, g.adjOffset[4]!)].sort()).toEqual([2, 4]);
    expect(g.componentSizes).toEqual([3, 2]);
    expect([...g.component]).toEqual([1, 1, 0, 0, 0]);
  });

  it('rejects an edge to a missing node and a loop', () => {
    expect(() => buildWalkGraph({ lng: [0, 1], lat: [0, 1], edgeFrom: [0], edgeTo: [2] })).toThrow(/outside/);
    expect(() => buildWalkGraph({ lng: [0, 1], lat: [0, 1], edgeFrom: [1], edgeTo: [1] })).toThrow(/loop/);
  });
});

describe('createWalkNetwork against the brute-force oracle', () => {
  const seeds = Array.from({ length: 12 }, (_, i) => 100 + i);

  it('snaps every point to the same nearest edge point as scanning all edges', () => {
    for (const seed of seeds) {
      const g = randomGraph(seed, 25, 15);
      const net = createWalkNetwork(g);
      const rand = seededRandom(seed * 7);
      for (let q = 0; q < 40; q++) {
        const p = at(rand() * 1700 - 100, rand() * 1700 - 100);
        const got = net.snap(p)!;
        expect(got.offsetMeters).toBeCloseTo(bruteSnap(g, p).offsetMeters, 6);
      }
    }
  });

  it('finds the shortest walk between random points, by route (A*) and routeMany (Dijkstra), equal to Floyd–Warshall', () => {
    for (const seed of seeds) {
      const g = randomGraph(seed, 8 + (seed % 20), seed % 12);
      const d = floyd(g);
      const net = createWalkNetwork(g);
      const rand = seededRandom(seed * 13);
      const point = () => pointNear(g, rand);
      for (let q = 0; q < 8; q++) {
        const from = point();
        const targets = Array.from({ length: 6 }, point);
        const many = net.routeMany(from, targets);
        targets.forEach((to, i) => {
          const want = oracleDistance(g, d, from, to);
          const one = net.route(from, to);
          expect(one.approximate).toBe(false);
          expect(one.distanceMeters).toBeCloseTo(want, 6);
          expect(many[i]!.distanceMeters).toBeCloseTo(want, 6);
          expect(one.walkMinutes).toBeCloseTo(one.distanceMeters / WALK_METERS_PER_MINUTE, 9);
          for (const r of [one, many[i]!]) {
            expectConnected(g, r, from, to);
            expect(pathMeters(r.path)).toBeCloseTo(r.distanceMeters, 4); // to 0.05 mm
          }
        });
      }
    }
  });

  it('routes between graph nodes exactly along the graph (zero-length snap legs)', () => {
    const g = randomGraph(5, 30, 20);
    const d = floyd(g);
    const net = createWalkNetwork(g);
    for (let a = 0; a < g.nodeCount; a += 3) {
      for (let b = 1; b < g.nodeCount; b += 4) {
        const r = net.route([g.lng[a]!, g.lat[a]!], [g.lng[b]!, g.lat[b]!]);
        expect(r.distanceMeters).toBeCloseTo(d[a]![b]!, 6);
      }
    }
  });

  it('with maxDistanceMeters: targets within it are exact, the others approximate and at least that far', () => {
    const g = randomGraph(9, 40, 25, 3000);
    const net = createWalkNetwork(g);
    const rand = seededRandom(99);
    const from = pointNear(g, rand);
    const targets = Array.from({ length: 20 }, () => pointNear(g, rand));
    const all = net.routeMany(from, targets);
    const capped = net.routeMany(from, targets, { maxDistanceMeters: 1500 });
    let inRange = 0;
    all.forEach((r, i) => {
      if (r.distanceMeters <= 1500) {
        inRange++;
        expect(capped[i]!.approximate).toBe(false);
        expect(capped[i]!.distanceMeters).toBeCloseTo(r.distanceMeters, 6);
      } else {
        expect(capped[i]).toMatchObject({ approximate: true, approximateReason: 'beyond-max-distance' });
        expect(capped[i]!.distanceMeters).toBeGreaterThanOrEqual(1500);
      }
    });
    expect(inRange).toBeGreaterThan(0);
    expect(inRange).toBeLessThan(20);
  });

  it('never mutates the graph or the points', () => {
    const g = randomGraph(3, 20, 10);
    const copy = structuredClone(g);
    const net = createWalkNetwork(g);
    const from = at(10, 10);
    const targets = [at(900, 900), at(400, 1200)];
    const before = structuredClone(targets);
    net.routeMany(from, targets);
    net.route(from, targets[0]!);
    expect(g).toEqual(copy);
    expect(targets).toEqual(before);
    expect(from).toEqual(at(10, 10));
  });
});

describe('createWalkNetwork without a path', () => {
  // Two streets 400 m apart with nothing between them (a river), and a short street cut off 30 m from the west one.
  const west = [at(0, 0), at(0, 500)];
  const east = [at(400, 0), at(400, 500)];
  const stub = [at(-30, 200), at(-30, 260)];
  const pts = [...west, ...east, ...stub];
  const g = buildWalkGraph({ lng: pts.map((p) => p[0]), lat: pts.map((p) => p[1]), edgeFrom: [0, 2, 4], edgeTo: [1, 3, 5] });
  const net = createWalkNetwork(g);

  it('falls back to straight line × DETOUR_FACTOR, labelled approximate, across the gap', () => {
    const from = at(10, 100);
    const to = at(390, 400);
    const r = net.route(from, to);
    expect(r).toMatchObject({ approximate: true, approximateReason: 'no-path', path: [from, to] });
    expect(r.distanceMeters).toBeCloseTo(haversineMeters(from, to) * DETOUR_FACTOR, 6);
    expect(net.routeMany(from, [to])[0]).toEqual(r);
  });

  it('reaches a target beside a cut-off street through the start component when that street is within the slack', () => {
    const from = at(10, 100);
    const to = at(-25, 230); // 5 m from the stub, 25 m from the west street
    expect(net.snap(to)!.component).not.toBe(net.snap(from)!.component);
    const r = net.route(from, to);
    expect(r.approximate).toBe(false);
    expect(r.distanceMeters).toBeCloseTo(haversineMeters(from, at(0, 100)) + haversineMeters(at(0, 100), at(0, 230)) + haversineMeters(at(0, 230), to), 3);
    expect(COMPONENT_SNAP_SLACK_METERS).toBeGreaterThan(20);
  });

  it('labels a start far from every street off-network', () => {
    const r = net.route(at(5000, 5000), at(0, 100));
    expect(r).toMatchObject({ approximate: true, approximateReason: 'off-network' });
  });
});
