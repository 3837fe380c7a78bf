// Coverage along the walking network: which demand a set of sites reaches on foot, each candidate's reach, and catchments.
import { isobands } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import FlatQueue from 'flatqueue';
import { assertLngLat, assertRadius, createRadiusIndex, type RadiusIndex } from './coverage';
import { COMPONENT_SNAP_SLACK_METERS, MAX_SNAP_METERS, type Snap, type WalkNetwork } from './walk-network';

type Located = { lngLat: readonly [number, number] };

/** How far either side of a reached street the drawn catchment extends, metres (at most what is left of the walk). */
export const CATCHMENT_SIDE_METERS = 50;

/**
 * The pair rule shared by every function here, the same as WalkNetwork.routeMany's: a site and a demand point are
 * `offset(site) + along the streets + offset(demand)` metres apart when both are within MAX_SNAP_METERS of a street and
 * the demand point meets a street of the site's component (its nearest street, or one of that component at most
 * COMPONENT_SNAP_SLACK_METERS further); otherwise they are measured in a straight line (great-circle, no detour factor).
 */
export type NetworkCoverage = {
  /**
   * Covered flags (1 = some site within `radiusMeters` by the pair rule, boundary included), in demand order. One
   * multi-source Dijkstra per street component holding a site, cut off at the radius.
   */
  coveredFlags(sites: readonly Located[], radiusMeters: number): Uint8Array;
  /** Indices of the demand points within `radiusMeters` of `site` by the pair rule, ascending (one Dijkstra with a cutoff). */
  reachOf(site: Located, radiusMeters: number): Uint32Array;
  /**
   * The area within a walk of `radiusMeters` from `site`: the streets reached (partial edges cut where the walk runs
   * out), widened by up to CATCHMENT_SIDE_METERS, traced on a grid; null when the site is off the street network or
   * reaches no street (draw a circle instead).
   */
  catchment(site: Located, radiusMeters: number): MultiPolygon | null;
  /**
   * What is measured in a straight line with these sites: demand points off the street network or whose nearest street
   * is in a component (a part of the network cut off from the rest) holding none of the sites, and sites off the network.
   */
  straightLine(sites: readonly Located[]): { demand: number; sites: number };
};

/** Dijkstra over the graph's CSR arrays with a cutoff; a node's distance is valid when settled in the current search. */
class ReachSearch {
  private readonly dist: Float64Array;
  private readonly seen: Uint32Array;
  private readonly done: Uint32Array;
  private stamp = 0;
  private readonly queue = new FlatQueue<number>();
  settled: number[] = [];

  constructor(private readonly network: WalkNetwork) {
    const n = network.graph.nodeCount;
    this.dist = new Float64Array(n);
    this.seen = new Uint32Array(n);
    this.done = new Uint32Array(n);
  }

  /** Settles every node within `maxMeters` of the nearest seed (seeds: node and starting distance, metres). */
  run(seeds: readonly { node: number; meters: number }[], maxMeters: number): void {
    const { adjOffset, adjNode, adjEdge, edgeLengthMeters } = this.network.graph;
    const { dist, seen, done, queue } = this;
    this.stamp++;
    const stamp = this.stamp;
    queue.clear();
    this.settled = [];
    for (const { node, meters } of seeds) {
      if (meters > maxMeters) continue;
      if (seen[node] !== stamp || meters < dist[node]!) {
        seen[node] = stamp;
        dist[node] = meters;
        queue.push(node, meters);
      }
    }
    while (queue.length > 0) {
      const u = queue.pop()!;
      if (done[u] === stamp) continue;
      done[u] = stamp;
      this.settled.push(u);
      const gu = dist[u]!;
      for (let j = adjOffset[u]!; j < adjOffset[u + 1]!; j++) {
        const v = adjNode[j]!;
        if (done[v] === stamp) continue;
        const g = gu + edgeLengthMeters[adjEdge[j]!]!;
        if (g > maxMeters) continue;
        if (seen[v] !== stamp || g < dist[v]!) {
          seen[v] = stamp;
          dist[v] = g;
          queue.push(v, g);
        }
      }
    }
  }

  /** Distance of a node settled by the last run, metres, or Infinity. */
  at(node: number): number {
    return this.done[node] === this.stamp ? this.dist[node]! : Infinity;
  }
}

/** The seeds of a search from a snapped point: both ends of its edge, at their distance along it (plus `extraMeters`). */
function seedsOf(network: WalkNetwork, s: Snap, extraMeters: number): { node: number; meters: number }[] {
  const { edgeFrom, edgeTo } = network.graph;
  return [
    { node: edgeFrom[s.edge]!, meters: extraMeters + s.fromMeters },
    { node: edgeTo[s.edge]!, meters: extraMeters + s.toMeters },
  ];
}

/**
 * Snaps `demand` onto `network` once and returns the coverage functions (see {@link NetworkCoverage} for the pair rule).
 * Distances are metres: along the streets (edge lengths are great-circle), or great-circle when measured in a straight
 * line. Inputs are not mutated; throws a RangeError on a position that is not [lng, lat] degrees.
 */
export function createNetworkCoverage(network: WalkNetwork, demand: readonly Located[]): NetworkCoverage {
  const { graph } = network;
  const { edgeFrom, edgeTo } = graph;
  demand.forEach((d, i) => assertLngLat(d.lngLat, `network coverage: demand ${i}`));
  const n = demand.length;
  // Nearest street of each demand point (null: off the network, measured in a straight line).
  const nearest: (Snap | null)[] = demand.map((d) => {
    const s = network.snap([d.lngLat[0], d.lngLat[1]]);
    return s && s.offsetMeters <= MAX_SNAP_METERS ? s : null;
  });
  // Snaps onto a street of another component than the nearest one, made when first asked for.
  const otherSnaps = new Map<number, (Snap | null)[]>();
  /** Where demand point k meets component c (the routeMany rule), or null: measured in a straight line. */
  const snapIn = (k: number, c: number): Snap | null => {
    const near = nearest[k];
    if (!near) return null;
    if (near.component === c) return near;
    let list = otherSnaps.get(c);
    if (!list) otherSnaps.set(c, (list = new Array<Snap | null>(n)));
    let s = list[k];
    if (s === undefined) {
      const own = network.snap([demand[k]!.lngLat[0], demand[k]!.lngLat[1]], c);
      s = own && own.offsetMeters <= Math.min(MAX_SNAP_METERS, near.offsetMeters + COMPONENT_SNAP_SLACK_METERS) ? own : null;
      list[k] = s;
    }
    return s;
  };
  const demandIndex: RadiusIndex = createRadiusIndex(demand);
  const search = new ReachSearch(network);

  const snapSite = (site: Located, what: string): Snap | null => {
    assertLngLat(site.lngLat, what);
    const s = network.snap([site.lngLat[0], site.lngLat[1]]);
    return s && s.offsetMeters <= MAX_SNAP_METERS ? s : null;
  };

  /** Network distance from the settled search (started at sites whose seeds include their offsets) to demand snap d. */
  const viaNodes = (d: Snap): number => Math.min(search.at(edgeFrom[d.edge]!) + d.fromMeters, search.at(edgeTo[d.edge]!) + d.toMeters);

  function coveredFlags(sites: readonly Located[], radiusMeters: number): Uint8Array {
    assertRadius(radiusMeters, 'coveredFlags');
    const flags = new Uint8Array(n);
    const snaps = sites.map((s, i) => snapSite(s, `coveredFlags: site ${i}`));
    // Straight-line pairs: an off-network site, or a demand point that cannot reach the site's component.
    const siteIndex = createRadiusIndex(sites);
    for (let k = 0; k < n; k++) {
      const d = demand[k]!.lngLat;
      siteIndex.forEachWithin(d[0], d[1], radiusMeters, (si) => {
        const s = snaps[si];
        if (!s || !snapIn(k, s.component)) flags[k] = 1;
      });
    }
    const byComponent = new Map<number, number[]>();
    snaps.forEach((s, si) => {
      if (!s) return;
      const list = byComponent.get(s.component);
      if (list) list.push(si);
      else byComponent.set(s.component, [si]);
    });
    for (const [c, members] of byComponent) {
      search.run(members.flatMap((si) => seedsOf(network, snaps[si]!, snaps[si]!.offsetMeters)), radiusMeters);
      const onEdge = new Map<number, Snap[]>();
      for (const si of members) {
        const s = snaps[si]!;
        const list = onEdge.get(s.edge);
        if (list) list.push(s);
        else onEdge.set(s.edge, [s]);
      }
      // The main component is checked for every demand point; a smaller one only near its sites.
      const check = (k: number) => {
        if (flags[k]) return;
        const d = snapIn(k, c);
        if (!d) return;
        let best = viaNodes(d);
        for (const s of onEdge.get(d.edge) ?? []) best = Math.min(best, s.offsetMeters + Math.abs(d.fromMeters - s.fromMeters));
        if (best + d.offsetMeters <= radiusMeters) flags[k] = 1;
      };
      if (c === 0) for (let k = 0; k < n; k++) check(k);
      else for (const si of members) demandIndex.forEachWithin(sites[si]!.lngLat[0], sites[si]!.lngLat[1], radiusMeters, check);
    }
    return flags;
  }

  function reachOf(site: Located, radiusMeters: number): Uint32Array {
    assertRadius(radiusMeters, 'reachOf');
    const s = snapSite(site, 'reachOf: site');
    const out: number[] = [];
    const [lng, lat] = site.lngLat;
    if (!s) {
      demandIndex.forEachWithin(lng, lat, radiusMeters, (k) => out.push(k));
    } else {
      search.run(seedsOf(network, s, 0), radiusMeters - s.offsetMeters);
      // Walking is never shorter than the straight line, so only demand within the radius in a straight line can count.
      demandIndex.forEachWithin(lng, lat, radiusMeters, (k) => {
        const d = snapIn(k, s.component);
        if (!d) return void out.push(k);
        let along = viaNodes(d);
        if (d.edge === s.edge) along = Math.min(along, Math.abs(d.fromMeters - s.fromMeters));
        if (s.offsetMeters + along + d.offsetMeters <= radiusMeters) out.push(k);
      });
    }
    return Uint32Array.from(out).sort();
  }

  function catchment(site: Located, radiusMeters: number): MultiPolygon | null {
    assertRadius(radiusMeters, 'catchment');
    const s = snapSite(site, 'catchment: site');
    if (!s) return null;
    const budget = radiusMeters - s.offsetMeters;
    if (budget <= 0) return null;
    search.run(seedsOf(network, s, 0), budget);
    return traceCatchment(network, s, budget, search, site.lngLat);
  }

  return {
    coveredFlags,
    reachOf,
    catchment,
    straightLine(sites) {
      const snaps = sites.map((site, i) => snapSite(site, `straightLine: site ${i}`));
      const components = new Set(snaps.flatMap((s) => (s ? [s.component] : [])));
      return { demand: nearest.filter((d) => !d || !components.has(d.component)).length, sites: snaps.filter((s) => !s).length };
    },
  };
}

/**
 * Rasterises what is left of the walk along every reached street (capped at CATCHMENT_SIDE_METERS) into a grid around
 * the site: a cell's value is the largest `left - distance to the street point`, and the area where it is ≥ 0 is
 * traced by marching squares (turf isobands).
 */
function traceCatchment(network: WalkNetwork, s: Snap, budget: number, search: ReachSearch, centre: readonly [number, number]): MultiPolygon | null {
  const { lng, lat, edgeFrom, edgeTo, edgeLengthMeters, adjOffset, adjEdge } = network.graph;
  const side = CATCHMENT_SIDE_METERS;
  const cell = Math.max(8, (budget + side) / 30);
  const mPerDegLat = 111_194.9;
  const mPerDegLng = mPerDegLat * Math.cos((centre[1] * Math.PI) / 180);
  const half = budget + side + 2 * cell;
  const size = Math.ceil((2 * half) / cell) + 1;
  const x0 = -half;
  const y0 = -half;
  const field = new Float64Array(size * size).fill(-side);
  let any = false;
  const reach = Math.ceil(side / cell) + 1;
  const splat = (px: number, py: number, left: number) => {
    const r = Math.min(left, side);
    if (r < 0) return;
    any = true;
    const ci = Math.round((px - x0) / cell);
    const cj = Math.round((py - y0) / cell);
    for (let j = Math.max(0, cj - reach); j <= Math.min(size - 1, cj + reach); j++) {
      for (let i = Math.max(0, ci - reach); i <= Math.min(size - 1, ci + reach); i++) {
        const v = r - Math.hypot(x0 + i * cell - px, y0 + j * cell - py);
        if (v > field[j * size + i]!) field[j * size + i] = v;
      }
    }
  };
  const toX = (node: number) => (lng[node]! - centre[0]) * mPerDegLng;
  const toY = (node: number) => (lat[node]! - centre[1]) * mPerDegLat;
  const step = cell / 2;
  /** Samples edge e from `fromM` to `toM` metres along it (from its edgeFrom node); `left(x)` is the walk left there. */
  const walkEdge = (e: number, fromM: number, toM: number, left: (x: number) => number) => {
    const a = edgeFrom[e]!;
    const b = edgeTo[e]!;
    const len = edgeLengthMeters[e]!;
    const ax = toX(a);
    const ay = toY(a);
    const dx = toX(b) - ax;
    const dy = toY(b) - ay;
    const parts = Math.max(1, Math.ceil((toM - fromM) / step));
    for (let p = 0; p <= parts; p++) {
      const x = fromM + ((toM - fromM) * p) / parts;
      const t = len > 0 ? x / len : 0;
      splat(ax + t * dx, ay + t * dy, left(x));
    }
  };
  // Every edge touching a settled node: the part of it reached from either end.
  const visited = new Set<number>();
  for (const u of search.settled) {
    for (let j = adjOffset[u]!; j < adjOffset[u + 1]!; j++) {
      const e = adjEdge[j]!;
      if (visited.has(e)) continue;
      visited.add(e);
      const len = edgeLengthMeters[e]!;
      const da = search.at(edgeFrom[e]!);
      const db = search.at(edgeTo[e]!);
      const left = (x: number) => budget - Math.min(da + x, db + len - x);
      if ((da + db + len) / 2 <= budget) walkEdge(e, 0, len, left);
      else {
        if (da < Infinity) walkEdge(e, 0, Math.min(len, budget - da), left);
        if (db < Infinity) walkEdge(e, Math.max(0, len - (budget - db)), len, left);
      }
    }
  }
  // The site's own edge, from its snap point both ways.
  const ownLen = edgeLengthMeters[s.edge]!;
  walkEdge(s.edge, Math.max(0, s.fromMeters - budget), Math.min(ownLen, s.fromMeters + budget), (x) => budget - Math.abs(x - s.fromMeters));
  if (!any) return null;

  const features: Feature<Point, { v: number }>[] = [];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      features.push({
        type: 'Feature',
        properties: { v: field[j * size + i]! },
        geometry: { type: 'Point', coordinates: [centre[0] + (x0 + i * cell) / mPerDegLng, centre[1] + (y0 + j * cell) / mPerDegLat] },
      });
    }
  }
  const grid: FeatureCollection<Point, { v: number }> = { type: 'FeatureCollection', features };
  const band = isobands(grid, [0, side + 1], { zProperty: 'v' }).features[0];
  if (!band || band.geometry.coordinates.length === 0) return null;
  return band.geometry;
}
