// The walking graph in typed arrays, snapping a point onto the nearest street, and shortest walking routes (A*/Dijkstra).
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import FlatQueue from 'flatqueue';
import { WALK_METERS_PER_MINUTE } from '../config/city';
import type { LngLat } from '../domain/geometry';
import { EARTH_RADIUS_METERS, haversineMetersLngLat } from './haversine';

/**
 * Straight-line distance times this estimates a walk where the graph has no path (different components, or too far
 * off the street network). 1.3 is the usual planning value for pedestrian route directness (network distance over
 * straight-line distance, about 1.2 to 1.4 in gridded and mixed US street networks: Giacomin & Levinson 2015, "Road
 * network circuity in metropolitan areas", Environment and Planning B 42(6); Boeing 2019, "Urban spatial order",
 * Applied Network Science 4:67). `npm run data` measures it on Boston's own graph and prints the median and 90th
 * percentile next to this value (walk graph summary).
 */
export const DETOUR_FACTOR = 1.3;

/** A point further than this from every street is not routed (harbour islands, bad input): straight-line × detour. */
export const MAX_SNAP_METERS = 500;

/** Longest spacing of the points that index an edge for snapping, metres. */
const SNAP_SAMPLE_METERS = 40;

/**
 * A target is snapped to a street of the start's own component (so that a site beside a small, cut-off street is
 * still reached) when that street is at most this much further from it than its nearest street overall.
 */
export const COMPONENT_SNAP_SLACK_METERS = 100;

/** The walking graph, decoded into typed arrays. Node ids are 0..nodeCount-1, edge ids 0..edgeCount-1 (undirected). */
export type WalkGraph = {
  nodeCount: number;
  edgeCount: number;
  /** Node positions, degrees. */
  lng: Float64Array;
  lat: Float64Array;
  edgeFrom: Uint32Array;
  edgeTo: Uint32Array;
  /** Great-circle length of each edge's straight segment, metres. */
  edgeLengthMeters: Float64Array;
  /** CSR adjacency: the neighbours of node i are adjNode[adjOffset[i] .. adjOffset[i+1]-1], through edges adjEdge[...]. */
  adjOffset: Uint32Array;
  adjNode: Uint32Array;
  adjEdge: Uint32Array;
  /** Connected component of each node; 0 is the largest, then by decreasing size. */
  component: Uint32Array;
  /** Node count of each component, largest first. */
  componentSizes: number[];
};

/** Input of {@link buildWalkGraph}: node positions and undirected edges as node-id pairs. */
export type WalkGraphInput = {
  lng: ArrayLike<number>;
  lat: ArrayLike<number>;
  edgeFrom: ArrayLike<number>;
  edgeTo: ArrayLike<number>;
};

/**
 * Builds the typed-array graph: edge lengths (haversine, metres), CSR adjacency and connected components.
 * Copies its input (never mutates it). Throws a RangeError on a node id out of range, a self-loop or a bad position.
 */
export function buildWalkGraph(input: WalkGraphInput): WalkGraph {
  const nodeCount = input.lng.length;
  const edgeCount = input.edgeFrom.length;
  if (input.lat.length !== nodeCount) throw new RangeError(`buildWalkGraph: ${nodeCount} longitudes but ${input.lat.length} latitudes`);
  if (input.edgeTo.length !== edgeCount) throw new RangeError(`buildWalkGraph: ${edgeCount} edge starts but ${input.edgeTo.length} edge ends`);
  const lng = Float64Array.from(input.lng);
  const lat = Float64Array.from(input.lat);
  for (let i = 0; i < nodeCount; i++) {
    if (!(Math.abs(lng[i]!) <= 180 && Math.abs(lat[i]!) <= 90)) throw new RangeError(`buildWalkGraph: node ${i} is not a [lng, lat] position: ${lng[i]}, ${lat[i]}`);
  }
  const edgeFrom = Uint32Array.from(input.edgeFrom);
  const edgeTo = Uint32Array.from(input.edgeTo);
  const edgeLengthMeters = new Float64Array(edgeCount);
  const degree = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const a = input.edgeFrom[e]!;
    const b = input.edgeTo[e]!;
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < nodeCount && b < nodeCount)) {
      throw new RangeError(`buildWalkGraph: edge ${e} (${a} → ${b}) names a node outside 0..${nodeCount - 1}`);
    }
    if (a === b) throw new RangeError(`buildWalkGraph: edge ${e} is a loop on node ${a}`);
    edgeLengthMeters[e] = haversineMetersLngLat(lng[a]!, lat[a]!, lng[b]!, lat[b]!);
    degree[a]!++;
    degree[b]!++;
  }
  const adjOffset = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) adjOffset[i + 1] = adjOffset[i]! + degree[i]!;
  const fill = adjOffset.slice(0, nodeCount);
  const adjNode = new Uint32Array(2 * edgeCount);
  const adjEdge = new Uint32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e]!;
    const b = edgeTo[e]!;
    adjNode[fill[a]!] = b;
    adjEdge[fill[a]!++] = e;
    adjNode[fill[b]!] = a;
    adjEdge[fill[b]!++] = e;
  }
  const { component, componentSizes } = connectedComponents(nodeCount, adjOffset, adjNode);
  return { nodeCount, edgeCount, lng, lat, edgeFrom, edgeTo, edgeLengthMeters, adjOffset, adjNode, adjEdge, component, componentSizes };
}

/** Labels components by breadth-first search, then renumbers them by decreasing size (ties: lowest first node). */
function connectedComponents(n: number, adjOffset: Uint32Array, adjNode: Uint32Array): { component: Uint32Array; componentSizes: number[] } {
  const raw = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Uint32Array(n);
  for (let start = 0; start < n; start++) {
    if (raw[start] !== -1) continue;
    const id = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    raw[start] = id;
    while (head < tail) {
      const u = queue[head++]!;
      for (let j = adjOffset[u]!; j < adjOffset[u + 1]!; j++) {
        const v = adjNode[j]!;
        if (raw[v] === -1) {
          raw[v] = id;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Uint32Array(sizes.length);
  order.forEach((old, i) => (rank[old] = i));
  const component = new Uint32Array(n);
  for (let i = 0; i < n; i++) component[i] = rank[raw[i]!]!;
  return { component, componentSizes: order.map((i) => sizes[i]!) };
}

/** Where a point meets the street network: the nearest point on one edge. */
export type Snap = {
  edge: number;
  /** The point on the edge, degrees. */
  point: LngLat;
  /** Straight-line distance from the query point to `point`, metres. */
  offsetMeters: number;
  /** Distance along the edge from its `edgeFrom` node to `point`, and from `point` to its `edgeTo` node, metres. */
  fromMeters: number;
  toMeters: number;
  component: number;
};

/**
 * The point of segment a–b nearest to p, as the fraction t ∈ [0, 1] from a, in a local equirectangular plane around p
 * (longitudes scaled by cos(latitude); exact enough for street segments of a few hundred metres).
 */
export function projectOntoSegment(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * k;
  const ay = a[1] - p[1];
  const dx = (b[0] - a[0]) * k;
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  return Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
}

/** {@link Snap} of `point` onto edge `e` of `graph` (the nearest point of that edge's segment). */
export function snapToEdge(graph: WalkGraph, point: readonly [number, number], e: number): Snap {
  const a = graph.edgeFrom[e]!;
  const b = graph.edgeTo[e]!;
  const pa: [number, number] = [graph.lng[a]!, graph.lat[a]!];
  const pb: [number, number] = [graph.lng[b]!, graph.lat[b]!];
  const t = projectOntoSegment(point, pa, pb);
  const at: LngLat = t === 0 ? pa : t === 1 ? pb : [pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])];
  return {
    edge: e,
    point: at,
    offsetMeters: haversineMetersLngLat(point[0], point[1], at[0], at[1]),
    fromMeters: t === 0 ? 0 : haversineMetersLngLat(pa[0], pa[1], at[0], at[1]),
    toMeters: t === 1 ? 0 : haversineMetersLngLat(at[0], at[1], pb[0], pb[1]),
    component: graph.component[a]!,
  };
}

export type ApproximateReason = 'no-path' | 'off-network' | 'beyond-max-distance';

/** A walking route: along the streets when `approximate` is false, else straight line × {@link DETOUR_FACTOR}. */
export type WalkRoute = {
  /** Walking distance, metres (including the straight legs from the points to their nearest streets). */
  distanceMeters: number;
  /** distanceMeters / WALK_METERS_PER_MINUTE. */
  walkMinutes: number;
  /** The route, start to end ([start, end] when approximate); its great-circle length equals distanceMeters when not approximate. */
  path: LngLat[];
  approximate: boolean;
  /** Why it is approximate: no street path between the two, a point too far from any street, or beyond maxDistanceMeters. */
  approximateReason?: ApproximateReason;
};

export type RouteManyOptions = {
  /** Stop searching beyond this walking distance, metres; targets further away come back approximate (default: none). */
  maxDistanceMeters?: number;
};

export type WalkNetwork = {
  graph: WalkGraph;
  /** The nearest point on any street (or only on streets of `component`), or undefined when the graph has no edge. */
  snap(point: LngLat, component?: number): Snap | undefined;
  /** Shortest walk from `from` to `to` (A* with a great-circle heuristic). */
  route(from: LngLat, to: LngLat): WalkRoute;
  /** Shortest walks from `from` to each target, in the targets' order: one Dijkstra search, stopped once all are settled. */
  routeMany(from: LngLat, targets: readonly LngLat[], options?: RouteManyOptions): WalkRoute[];
};

function approximateRoute(from: LngLat, to: LngLat, reason: ApproximateReason, atLeastMeters = 0): WalkRoute {
  const distanceMeters = Math.max(haversineMetersLngLat(from[0], from[1], to[0], to[1]) * DETOUR_FACTOR, atLeastMeters);
  return { distanceMeters, walkMinutes: distanceMeters / WALK_METERS_PER_MINUTE, path: [[from[0], from[1]], [to[0], to[1]]], approximate: true, approximateReason: reason };
}

function assertPoint(p: readonly number[], what: string): void {
  if (!(p.length >= 2 && Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90)) throw new RangeError(`${what}: not a [lng, lat] position in degrees: ${JSON.stringify(p)}`);
}

const KM_TO_GEOKDBUSH = 6371 / (EARTH_RADIUS_METERS / 1000);

/**
 * Indexes the graph's edges (kdbush over segment midpoints) for snapping and returns the routing functions.
 * Queries reuse scratch arrays of the network (not re-entrant, which JavaScript's single thread guarantees).
 * Nothing passed in is mutated.
 */
export function createWalkNetwork(graph: WalkGraph): WalkNetwork {
  const { nodeCount, edgeCount, lng, lat, edgeFrom, edgeTo, edgeLengthMeters, adjOffset, adjNode, adjEdge, component } = graph;
  // Each edge is indexed by points spaced at most SNAP_SAMPLE_METERS apart along it, so a snap looks only as far as
  // the nearest edge plus half that spacing, not plus half the longest edge in the city.
  let sampleCount = 0;
  const samplesOf = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    samplesOf[e] = Math.max(1, Math.ceil(edgeLengthMeters[e]! / SNAP_SAMPLE_METERS));
    sampleCount += samplesOf[e]!;
  }
  const samples = new KDBush(Math.max(sampleCount, 1));
  const sampleEdge = new Uint32Array(Math.max(sampleCount, 1));
  let maxHalfSpacing = 0;
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e]!;
    const b = edgeTo[e]!;
    const n = samplesOf[e]!;
    for (let i = 0; i < n; i++) {
      const f = (i + 0.5) / n;
      sampleEdge[samples.add(lng[a]! + (lng[b]! - lng[a]!) * f, lat[a]! + (lat[b]! - lat[a]!) * f)] = e;
    }
    maxHalfSpacing = Math.max(maxHalfSpacing, edgeLengthMeters[e]! / (2 * n));
  }
  if (sampleCount === 0) samples.add(0, 0);
  samples.finish();
  const checked = new Uint32Array(edgeCount);
  let snapStamp = 0;

  function snap(point: LngLat, onlyComponent?: number): Snap | undefined {
    if (edgeCount === 0) return undefined;
    const accept = onlyComponent === undefined ? undefined : (i: number) => component[edgeFrom[sampleEdge[i]!]!] === onlyComponent;
    const first = around(samples, point[0], point[1], 1, Infinity, accept)[0];
    if (first === undefined) return undefined;
    let best = snapToEdge(graph, point, sampleEdge[first]!);
    // Any edge nearer than `best` has a sample within best + half the sample spacing (triangle inequality), plus slack.
    const radiusMeters = best.offsetMeters + maxHalfSpacing + 1;
    snapStamp++;
    checked[best.edge] = snapStamp;
    for (const i of around(samples, point[0], point[1], Infinity, (radiusMeters / 1000) * KM_TO_GEOKDBUSH, accept)) {
      const e = sampleEdge[i]!;
      if (checked[e] === snapStamp) continue;
      checked[e] = snapStamp;
      const s = snapToEdge(graph, point, e);
      if (s.offsetMeters < best.offsetMeters || (s.offsetMeters === best.offsetMeters && e < best.edge)) best = s;
    }
    return best;
  }

  // Scratch state of one search; a node's dist/prev are valid only when its stamp equals the current search's.
  const dist = new Float64Array(nodeCount);
  const prev = new Int32Array(nodeCount);
  const seen = new Uint32Array(nodeCount);
  const done = new Uint32Array(nodeCount);
  let stamp = 0;
  const queue = new FlatQueue<number>();

  type Target = { snap: Snap; to: LngLat; best: number; via: number /* node id, or -1: along the start's own edge */ };

  /** Node ids from the start's snap to `node`, in walking order. */
  function nodesTo(node: number): number[] {
    const out: number[] = [];
    for (let v = node; v !== -1; v = prev[v]!) out.push(v);
    return out.reverse();
  }

  function finish(from: LngLat, start: Snap, t: Target): WalkRoute {
    const path: LngLat[] = [[from[0], from[1]], start.point];
    if (t.via !== -1) for (const v of nodesTo(t.via)) path.push([lng[v]!, lat[v]!]);
    path.push(t.snap.point, [t.to[0], t.to[1]]);
    const deduped = path.filter((p, i) => i === 0 || p[0] !== path[i - 1]![0] || p[1] !== path[i - 1]![1]);
    const distanceMeters = start.offsetMeters + t.best + t.snap.offsetMeters;
    return { distanceMeters, walkMinutes: distanceMeters / WALK_METERS_PER_MINUTE, path: deduped, approximate: false };
  }

  /**
   * Best-first search from `start` until every target's best distance is final, or beyond `maxNetworkMeters`.
   * With `heuristicTo` (one target), keys are g + great-circle distance to that point (A*; consistent, so exact).
   */
  function search(start: Snap, targets: Target[], maxNetworkMeters: number, heuristicTo?: LngLat): void {
    stamp++;
    queue.clear();
    const h = heuristicTo
      ? (v: number) => haversineMetersLngLat(lng[v]!, lat[v]!, heuristicTo[0], heuristicTo[1])
      : () => 0;
    const byNode = new Map<number, Target[]>();
    for (const t of targets) {
      // Both points on the same edge: walk straight along it.
      if (t.snap.edge === start.edge) {
        const along = Math.abs(t.snap.fromMeters - start.fromMeters);
        if (along < t.best) {
          t.best = along;
          t.via = -1;
        }
      }
      for (const v of [edgeFrom[t.snap.edge]!, edgeTo[t.snap.edge]!]) {
        const list = byNode.get(v);
        if (list) list.push(t);
        else byNode.set(v, [t]);
      }
    }
    const seed = (v: number, g: number) => {
      if (seen[v] !== stamp || g < dist[v]!) {
        seen[v] = stamp;
        dist[v] = g;
        prev[v] = -1;
        queue.push(v, g + h(v));
      }
    };
    seed(edgeFrom[start.edge]!, start.fromMeters);
    seed(edgeTo[start.edge]!, start.toMeters);
    let worst = Infinity; // the largest best distance among targets, once all are finite
    const updateWorst = () => {
      worst = 0;
      for (const t of targets) worst = Math.max(worst, t.best);
    };
    updateWorst();
    while (queue.length > 0) {
      const key = queue.peekValue()!;
      if (key >= worst || key > maxNetworkMeters) break;
      const u = queue.pop()!;
      if (done[u] === stamp) continue;
      done[u] = stamp;
      const gu = dist[u]!;
      const atU = byNode.get(u);
      if (atU) {
        let improved = false;
        for (const t of atU) {
          const piece = edgeFrom[t.snap.edge] === u ? t.snap.fromMeters : t.snap.toMeters;
          if (gu + piece < t.best) {
            t.best = gu + piece;
            t.via = u;
            improved = true;
          }
        }
        if (improved) updateWorst();
      }
      for (let j = adjOffset[u]!; j < adjOffset[u + 1]!; j++) {
        const v = adjNode[j]!;
        if (done[v] === stamp) continue;
        const g = gu + edgeLengthMeters[adjEdge[j]!]!;
        if (seen[v] !== stamp || g < dist[v]!) {
          seen[v] = stamp;
          dist[v] = g;
          prev[v] = u;
          queue.push(v, g + h(v));
        }
      }
    }
  }

  function routeMany(from: LngLat, targets: readonly LngLat[], options: RouteManyOptions = {}): WalkRoute[] {
    assertPoint(from, 'routeMany: from');
    targets.forEach((t, i) => assertPoint(t, `routeMany: target ${i}`));
    return routeFrom(from, targets, options.maxDistanceMeters ?? Infinity, false);
  }

  function routeFrom(from: LngLat, targets: readonly LngLat[], maxDistanceMeters: number, astar: boolean): WalkRoute[] {
    const start = snap(from);
    if (!start || start.offsetMeters > MAX_SNAP_METERS) return targets.map((to) => approximateRoute(from, to, 'off-network'));
    const results: (WalkRoute | undefined)[] = targets.map(() => undefined);
    const live: (Target & { index: number })[] = [];
    targets.forEach((to, index) => {
      const nearest = snap(to)!;
      const own = nearest.component === start.component ? nearest : snap(to, start.component);
      if (nearest.offsetMeters > MAX_SNAP_METERS) results[index] = approximateRoute(from, to, 'off-network');
      else if (!own || own.offsetMeters > Math.min(MAX_SNAP_METERS, nearest.offsetMeters + COMPONENT_SNAP_SLACK_METERS)) {
        results[index] = approximateRoute(from, to, 'no-path');
      } else live.push({ snap: own, to, best: Infinity, via: -1, index });
    });
    if (live.length > 0) {
      const single = astar && live.length === 1 ? live[0]!.snap.point : undefined;
      search(start, live, maxDistanceMeters - start.offsetMeters, single);
      for (const t of live) {
        const route = t.best === Infinity ? undefined : finish(from, start, t);
        results[t.index] = route && route.distanceMeters <= maxDistanceMeters ? route : approximateRoute(from, t.to, 'beyond-max-distance', maxDistanceMeters);
      }
    }
    return results as WalkRoute[];
  }

  function route(from: LngLat, to: LngLat): WalkRoute {
    assertPoint(from, 'route: from');
    assertPoint(to, 'route: to');
    return routeFrom(from, [to], Infinity, true)[0]!;
  }

  return { graph, snap, route, routeMany };
}
