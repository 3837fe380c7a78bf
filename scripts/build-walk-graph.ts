// Pipeline step: the walking graph (public/data/walk-graph.json) from the shared street network, with its connectivity report.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { DATA_FILES } from '../src/config/city';
import { latSchema, lngSchema } from '../src/domain/geometry';
import type { Rejected } from '../src/domain/rejection';
import { encodeWalkGraph } from '../src/datasets/walk-graph';
import { EARTH_RADIUS_METERS, haversineMetersLngLat } from '../src/geo/haversine';
import { buildWalkGraph, createWalkNetwork, projectOntoSegment } from '../src/geo/walk-network';
import type { WalkGraph } from '../src/geo/walk-network';
import type { DatasetSummary } from './pipeline-report';

/**
 * A way's loose end (a node on one edge only) closer than this to another street is joined to it, metres. About the
 * width of a two-lane street: in this named-streets-only data such a gap is a drawing gap or a dropped short
 * connector (footway, service road, steps) that a pedestrian crosses; wider gaps (rivers, dropped bridges, highways)
 * stay open. Measured on the four cities: 2,904 loose ends; 756 within 10 m of another street, 265 within 5 m.
 */
export const JOIN_TOLERANCE_METERS = 10;
/** Source files under <sourceDir>/basemap; Boston first (its nodes are the ones the coverage figures count). */
export const WALK_STREET_FILES = ['boston', 'cambridge', 'somerville', 'brookline'].map((city) => ({ city, file: `streets-${city}.geojson` }));
const MAX_RAW_CHARS = 2000;
const MICRO = 1e6;
const KM_TO_GEOKDBUSH = 6371 / (EARTH_RADIUS_METERS / 1000);

const streetSchema = z.object({
  properties: z.object({ name: z.string().trim().min(1, 'missing name'), highway: z.string() }),
  geometry: z.object({
    type: z.literal('LineString', { error: 'expected a LineString' }),
    coordinates: z.array(z.tuple([lngSchema, latSchema], z.number())).min(2, 'a LineString needs at least 2 positions'),
  }),
});

/** One street way: its city and its positions as whole micro-degrees (6 decimals). */
export type WalkWay = { city: string; points: [x: number, y: number][] };

/** Parses one city's FeatureCollection; bad features are rejected with the reason (line = feature index + 1 + lineOffset). */
export function parseWays(json: unknown, city: string, lineOffset = 0): { ways: WalkWay[]; rejected: Rejected[]; read: number } {
  const fc = json as { type?: unknown; features?: unknown } | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`streets-${city}.geojson: not a GeoJSON FeatureCollection`);
  const ways: WalkWay[] = [];
  const rejected: Rejected[] = [];
  (fc.features as unknown[]).forEach((feature, i) => {
    const parsed = streetSchema.safeParse(feature);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ line: i + 1 + lineOffset, field: issue?.path.map(String).join('.') ?? '', reason: issue?.message ?? 'invalid feature', raw: JSON.stringify(feature).slice(0, MAX_RAW_CHARS) });
      return;
    }
    ways.push({ city, points: parsed.data.geometry.coordinates.map((p) => [Math.round(p[0] * MICRO), Math.round(p[1] * MICRO)]) });
  });
  return { ways, rejected, read: fc.features.length };
}

export type WalkLists = {
  /** [lng, lat] degrees, numbered in order of first appearance along the ways. */
  nodes: [number, number][];
  /** Undirected node-id pairs, in way order, no duplicates or loops; joins replace the edge they split or come last. */
  edges: [number, number][];
  /** The city of the first way through each node. */
  nodeCity: string[];
  /** Loose ends joined: to a node of another street, and into the middle of another street's segment. */
  joins: { toNode: number; toSegment: number };
};

/**
 * Nodes and edges of the walking graph: ways meet where they share a position; each loose end within
 * `toleranceMeters` of another street (not its own next segment) is joined to the nearest point of it (inserted into
 * that segment, or an edge to its node when the nearest point is a node). Pure; does not mutate `ways`.
 */
export function buildWalkLists(ways: readonly WalkWay[], toleranceMeters = JOIN_TOLERANCE_METERS): WalkLists {
  const idOf = new Map<number, number>();
  const nodes: [number, number][] = [];
  const nodeCity: string[] = [];
  const edges: [number, number][] = [];
  const edgeKeys = new Set<number>();
  const key = (a: number, b: number) => Math.min(a, b) * 2 ** 26 + Math.max(a, b);
  const addEdge = (list: [number, number][], a: number, b: number) => {
    if (a === b || edgeKeys.has(key(a, b))) return;
    edgeKeys.add(key(a, b));
    list.push([a, b]);
  };
  for (const way of ways) {
    let prev = -1;
    for (const [x, y] of way.points) {
      const k = x * 2 ** 28 + y; // x, y are micro-degrees: |y| < 2^27, so (x, y) maps to one safe integer
      let id = idOf.get(k);
      if (id === undefined) {
        id = nodes.length;
        idOf.set(k, id);
        nodes.push([x / MICRO, y / MICRO]);
        nodeCity.push(way.city);
      }
      if (prev !== -1) addEdge(edges, prev, id);
      prev = id;
    }
  }
  if (toleranceMeters <= 0 || edges.length === 0) return { nodes, edges, nodeCity, joins: { toNode: 0, toSegment: 0 } };

  // Loose ends, and the nearest point of another edge to each (against the graph before any join).
  const degree = new Uint32Array(nodes.length);
  for (const [a, b] of edges) {
    degree[a]!++;
    degree[b]!++;
  }
  const midpoints = new KDBush(edges.length);
  let maxHalf = 0;
  for (const [a, b] of edges) {
    const [pa, pb] = [nodes[a]!, nodes[b]!];
    midpoints.add((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2);
    maxHalf = Math.max(maxHalf, haversineMetersLngLat(pa[0], pa[1], pb[0], pb[1]) / 2);
  }
  midpoints.finish();
  const splits = new Map<number, { t: number; node: number }[]>();
  const connectors: [number, number][] = [];
  let toNode = 0;
  let toSegment = 0;
  for (let d = 0; d < nodes.length; d++) {
    if (degree[d] !== 1) continue;
    const p = nodes[d]!;
    let best: { e: number; t: number; meters: number } | undefined;
    for (const e of around(midpoints, p[0], p[1], Infinity, ((toleranceMeters + maxHalf + 1) / 1000) * KM_TO_GEOKDBUSH)) {
      const [a, b] = edges[e]!;
      if (a === d || b === d) continue;
      const pa = nodes[a]!;
      const pb = nodes[b]!;
      const t = projectOntoSegment(p, pa, pb);
      const meters = haversineMetersLngLat(p[0], p[1], pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1]));
      if (meters <= toleranceMeters && (!best || meters < best.meters)) best = { e, t, meters };
    }
    if (!best) continue;
    const [a, b] = edges[best.e]!;
    if (best.t === 0 || best.t === 1) {
      connectors.push([d, best.t === 0 ? a : b]);
      toNode++;
    } else {
      const list = splits.get(best.e) ?? [];
      list.push({ t: best.t, node: d });
      splits.set(best.e, list);
      toSegment++;
    }
  }
  edgeKeys.clear();
  const joined: [number, number][] = [];
  edges.forEach(([a, b], e) => {
    const inserted = splits.get(e);
    if (!inserted) return addEdge(joined, a, b);
    let from = a;
    for (const { node } of inserted.sort((x, y) => x.t - y.t)) {
      addEdge(joined, from, node);
      from = node;
    }
    addEdge(joined, from, b);
  });
  for (const [a, b] of connectors) addEdge(joined, a, b);
  return { nodes, edges: joined, nodeCity, joins: { toNode, toSegment } };
}

export type ComponentReport = { nodes: number; share: number; bostonNodes: number; bostonMeters: number; label: string };
export type WalkGraphStats = {
  nodes: number;
  edges: number;
  components: number;
  /** The largest components (by node count), with what share of Boston's nodes and street length each holds. */
  largest: ComponentReport[];
  bostonNodes: number;
  bostonMeters: number;
};

type Area = { name: string; geometry: Polygon | MultiPolygon };

/** Component sizes and Boston coverage; `areas` (Boston neighbourhoods) name each component by its middle node. */
export function walkGraphStats(graph: WalkGraph, nodeCity: readonly string[], areas: readonly Area[] = [], top = 6): WalkGraphStats {
  const count = graph.componentSizes.length;
  const bostonNodes = new Float64Array(count);
  const bostonMeters = new Float64Array(count);
  for (let i = 0; i < graph.nodeCount; i++) if (nodeCity[i] === 'boston') bostonNodes[graph.component[i]!]!++;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeFrom[e]!;
    const b = graph.edgeTo[e]!;
    // An edge counts for Boston when both its ends are Boston nodes (joins into a neighbour's street count for neither).
    if (nodeCity[a] === 'boston' && nodeCity[b] === 'boston') bostonMeters[graph.component[a]!]! += graph.edgeLengthMeters[e]!;
  }
  /** Names a component by the neighbourhood around its node nearest its centroid, else by the city most of its nodes are in. */
  const label = (c: number): string => {
    let sx = 0;
    let sy = 0;
    let n = 0;
    const cities = new Map<string, number>();
    for (let i = 0; i < graph.nodeCount; i++) {
      if (graph.component[i] !== c) continue;
      sx += graph.lng[i]!;
      sy += graph.lat[i]!;
      n++;
      cities.set(nodeCity[i]!, (cities.get(nodeCity[i]!) ?? 0) + 1);
    }
    let best = -1;
    let bestMeters = Infinity;
    for (let i = 0; i < graph.nodeCount; i++) {
      if (graph.component[i] !== c) continue;
      const m = haversineMetersLngLat(sx / n, sy / n, graph.lng[i]!, graph.lat[i]!);
      if (m < bestMeters) [best, bestMeters] = [i, m];
    }
    const point: [number, number] = [graph.lng[best]!, graph.lat[best]!];
    const city = [...cities.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const area = city === 'boston' ? areas.find((a) => booleanPointInPolygon(point, a.geometry)) : undefined;
    return `${area ? area.name : city} (${point[0].toFixed(4)}, ${point[1].toFixed(4)})`;
  };
  const sumNodes = bostonNodes.reduce((s, v) => s + v, 0);
  const sumMeters = bostonMeters.reduce((s, v) => s + v, 0);
  const largest = graph.componentSizes.slice(0, top).map((size, c) => ({
    nodes: size,
    share: size / Math.max(graph.nodeCount, 1),
    bostonNodes: bostonNodes[c]!,
    bostonMeters: bostonMeters[c]!,
    label: label(c),
  }));
  return { nodes: graph.nodeCount, edges: graph.edgeCount, components: count, largest, bostonNodes: sumNodes, bostonMeters: sumMeters };
}

/**
 * Ratio of walking distance to straight-line distance between node pairs of the largest component 300 m to 3 km apart
 * (seeded sample), to check DETOUR_FACTOR against this graph. Returns undefined when there are too few pairs.
 */
export function measureDetour(graph: WalkGraph, sources = 24, targetsPerSource = 40): { median: number; p90: number; pairs: number } | undefined {
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const inLargest: number[] = [];
  for (let i = 0; i < graph.nodeCount; i++) if (graph.component[i] === 0) inLargest.push(i);
  if (inLargest.length < 2) return undefined;
  const network = createWalkNetwork(graph);
  const ratios: number[] = [];
  const at = (i: number): [number, number] => [graph.lng[i]!, graph.lat[i]!];
  for (let s = 0; s < sources; s++) {
    const from = at(inLargest[Math.floor(random() * inLargest.length)]!);
    const targets: [number, number][] = [];
    for (let tries = 0; targets.length < targetsPerSource && tries < targetsPerSource * 50; tries++) {
      const to = at(inLargest[Math.floor(random() * inLargest.length)]!);
      const straight = haversineMetersLngLat(from[0], from[1], to[0], to[1]);
      if (straight >= 300 && straight <= 3000) targets.push(to);
    }
    network.routeMany(from, targets).forEach((r, i) => {
      if (!r.approximate) ratios.push(r.distanceMeters / haversineMetersLngLat(from[0], from[1], targets[i]![0], targets[i]![1]));
    });
  }
  if (ratios.length === 0) return undefined;
  ratios.sort((a, b) => a - b);
  const q = (f: number) => ratios[Math.min(ratios.length - 1, Math.floor(f * ratios.length))]!;
  return { median: q(0.5), p90: q(0.9), pairs: ratios.length };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const km = (m: number) => `${(m / 1000).toFixed(0)} km`;

/** Human-readable lines for the pipeline summary. */
export function formatWalkGraphReport(stats: WalkGraphStats, extra: { joins: WalkLists['joins']; gzipBytes: number; rawBytes: number; detour?: { median: number; p90: number; pairs: number } }): string[] {
  const lines = [
    `walk graph: ${stats.nodes.toLocaleString('en-US')} nodes, ${stats.edges.toLocaleString('en-US')} edges; ${extra.joins.toNode + extra.joins.toSegment} loose ends joined within ${JOIN_TOLERANCE_METERS} m (${extra.joins.toNode} to a node, ${extra.joins.toSegment} into a segment)`,
    `  file ${(extra.rawBytes / 1024).toFixed(0)} KB, ${(extra.gzipBytes / 1024).toFixed(0)} KB gzip`,
    `  ${stats.components} connected components; Boston: ${stats.bostonNodes.toLocaleString('en-US')} nodes, ${km(stats.bostonMeters)} of street`,
  ];
  stats.largest.forEach((c, i) => {
    lines.push(
      `  ${i === 0 ? 'largest' : `#${i + 1}`.padEnd(7)} ${c.nodes.toLocaleString('en-US').padStart(7)} nodes (${pct(c.share)} of all): ` +
        `${pct(c.bostonNodes / Math.max(stats.bostonNodes, 1))} of Boston's nodes, ${pct(c.bostonMeters / Math.max(stats.bostonMeters, 1))} of its street length; at ${c.label}`,
    );
  });
  if (extra.detour) {
    lines.push(`  detour (walk ÷ straight line, ${extra.detour.pairs} pairs 0.3–3 km apart in the largest): median ${extra.detour.median.toFixed(2)}, p90 ${extra.detour.p90.toFixed(2)}`);
  }
  return lines;
}

async function readAreas(sourceDir: string): Promise<Area[]> {
  const file = path.join(sourceDir, 'boston', 'neighborhoods.geojson');
  if (!existsSync(file)) return [];
  const json = JSON.parse(await readFile(file, 'utf8')) as { features?: { properties?: { Name?: unknown }; geometry?: Polygon | MultiPolygon }[] };
  return (json.features ?? []).flatMap((f) => (typeof f.properties?.Name === 'string' && f.geometry ? [{ name: f.properties.Name, geometry: f.geometry }] : []));
}

/** The step `npm run data` runs: reads <sourceDir>/basemap/streets-*.geojson, writes walk-graph.json, logs its report. */
export async function buildWalkGraphFile(opts: { sourceDir: string; outDir: string; log?: (line: string) => void; measureDetour?: boolean }): Promise<DatasetSummary[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const ways: WalkWay[] = [];
  const rejected: Rejected[] = [];
  let read = 0;
  for (const { city, file } of WALK_STREET_FILES) {
    const parsed = parseWays(JSON.parse(await readFile(path.join(opts.sourceDir, 'basemap', file), 'utf8')), city, read);
    ways.push(...parsed.ways);
    rejected.push(...parsed.rejected);
    read += parsed.read;
  }
  const lists = buildWalkLists(ways);
  const fileJson = JSON.stringify(encodeWalkGraph(lists.nodes, lists.edges, JOIN_TOLERANCE_METERS));
  const name = DATA_FILES.walkGraph.replace(/^data\//, '');
  const out = path.join(opts.outDir, name);
  await writeFile(`${out}.${process.pid}.tmp`, fileJson);
  await rename(`${out}.${process.pid}.tmp`, out);

  const graph = buildWalkGraph({
    lng: lists.nodes.map((p) => p[0]),
    lat: lists.nodes.map((p) => p[1]),
    edgeFrom: lists.edges.map((e) => e[0]),
    edgeTo: lists.edges.map((e) => e[1]),
  });
  const stats = walkGraphStats(graph, lists.nodeCity, await readAreas(opts.sourceDir));
  const detour = opts.measureDetour === false ? undefined : measureDetour(graph);
  for (const line of formatWalkGraphReport(stats, { joins: lists.joins, gzipBytes: gzipSync(fileJson, { level: 9 }).length, rawBytes: Buffer.byteLength(fileJson), detour })) log(line);

  const countByReason: Record<string, number> = {};
  for (const r of rejected) countByReason[r.reason] = (countByReason[r.reason] ?? 0) + 1;
  let bbox: [number, number, number, number] | undefined;
  for (const [x, y] of lists.nodes) bbox = bbox ? [Math.min(bbox[0], x), Math.min(bbox[1], y), Math.max(bbox[2], x), Math.max(bbox[3], y)] : [x, y, x, y];
  return [{
    dataset: 'walk-graph',
    outputs: [name],
    rowsRead: read,
    rowsKept: ways.length,
    rejectedByReason: countByReason,
    ...(bbox ? { bbox } : {}),
  }];
}
