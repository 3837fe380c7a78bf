// public/data/walk-graph.json: its schema, the pipeline's compact encoding, and decoding into the typed-array walking graph.
import { z } from 'zod';
import { buildWalkGraph, createWalkNetwork, type WalkNetwork } from '../geo/walk-network';
import type { WalkGraph } from '../geo/walk-network';
import { loadDecoded } from './load-data';

export const WALK_GRAPH_FORMAT = 'hrm-walk-graph';
/** Positions are stored as whole multiples of 10^-6 degree (about 0.11 m north-south, 0.08 m east-west in Boston). */
export const WALK_GRAPH_DECIMALS = 6;
const SCALE = 10 ** WALK_GRAPH_DECIMALS;

const intArray = z.array(z.int());

/**
 * The file. Nodes: `coords` holds [lng, lat] in 10^-6 degree, delta-encoded against the previous node (the first
 * absolute), interleaved lng, lat. Edges: `chains` are runs of node ids where consecutive ids are joined by an
 * (undirected) edge, each id delta-encoded against the previous id in the file (across chains). Edge lengths are not
 * stored: they are the great-circle lengths of the straight segments, recomputed on decoding (exact, and smaller).
 */
export const walkGraphFileSchema = z.object({
  format: z.literal(WALK_GRAPH_FORMAT),
  version: z.literal(1),
  coordinateDecimals: z.literal(WALK_GRAPH_DECIMALS),
  nodeCount: z.int().nonnegative(),
  edgeCount: z.int().nonnegative(),
  /** Way endpoints closer than this to another node were joined to it by an edge, metres. */
  joinToleranceMeters: z.number().nonnegative(),
  coords: intArray,
  chains: z.array(intArray.min(2, 'a chain joins at least 2 nodes')),
});
export type WalkGraphFile = z.infer<typeof walkGraphFileSchema>;

/**
 * Encodes nodes ([lng, lat] degrees, rounded to 6 decimals here) and undirected edges (node-id pairs) into the file.
 * Edges that continue the previous edge's last node extend its chain, so give them in street order and number nodes in
 * order of appearance for the smallest file. Does not mutate its input.
 */
export function encodeWalkGraph(
  nodes: readonly (readonly [number, number])[],
  edges: readonly (readonly [number, number])[],
  joinToleranceMeters: number,
): WalkGraphFile {
  const coords: number[] = [];
  let px = 0;
  let py = 0;
  for (const [lng, lat] of nodes) {
    const x = Math.round(lng * SCALE);
    const y = Math.round(lat * SCALE);
    coords.push(x - px, y - py);
    px = x;
    py = y;
  }
  const runs: number[][] = [];
  for (const [a, b] of edges) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === a) run.push(b);
    else if (run && run[run.length - 1] === b) run.push(a);
    else runs.push([a, b]);
  }
  let last = 0;
  const chains = runs.map((run) =>
    run.map((id) => {
      const delta = id - last;
      last = id;
      return delta;
    }),
  );
  return { format: WALK_GRAPH_FORMAT, version: 1, coordinateDecimals: WALK_GRAPH_DECIMALS, nodeCount: nodes.length, edgeCount: edges.length, joinToleranceMeters, coords, chains };
}

/** The nodes ([lng, lat] degrees) and edges (node-id pairs, in file order) of a validated file. */
export function decodeWalkGraphLists(file: WalkGraphFile): { lng: Float64Array; lat: Float64Array; edgeFrom: Uint32Array; edgeTo: Uint32Array } {
  if (file.coords.length !== 2 * file.nodeCount) throw new RangeError(`walk graph: ${file.coords.length} coordinates for ${file.nodeCount} nodes`);
  const lng = new Float64Array(file.nodeCount);
  const lat = new Float64Array(file.nodeCount);
  let x = 0;
  let y = 0;
  for (let i = 0; i < file.nodeCount; i++) {
    x += file.coords[2 * i]!;
    y += file.coords[2 * i + 1]!;
    lng[i] = x / SCALE;
    lat[i] = y / SCALE;
  }
  const edges = file.chains.reduce((n, c) => n + c.length - 1, 0);
  if (edges !== file.edgeCount) throw new RangeError(`walk graph: chains hold ${edges} edges, edgeCount says ${file.edgeCount}`);
  const edgeFrom = new Uint32Array(edges);
  const edgeTo = new Uint32Array(edges);
  let id = 0;
  let e = 0;
  for (const chain of file.chains) {
    chain.forEach((delta, i) => {
      const prev = id;
      id += delta;
      if (i > 0) {
        edgeFrom[e] = prev;
        edgeTo[e++] = id;
      }
    });
  }
  return { lng, lat, edgeFrom, edgeTo };
}

/** Validates a parsed walk-graph.json and decodes it into the typed-array graph (buildWalkGraph checks node ids). Throws naming the first problem. */
export function decodeWalkGraph(json: unknown): WalkGraph {
  const parsed = walkGraphFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`walk graph: malformed at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return buildWalkGraph(decodeWalkGraphLists(parsed.data));
}

/** Fetches and decodes public/data/walk-graph.json (DATA_FILES.walkGraph). Throws naming the URL and the problem. */
export function loadWalkGraph(url: string): Promise<WalkGraph> {
  return loadDecoded(url, decodeWalkGraph);
}

/**
 * A loader of the walking network for a Web Worker's life: it keeps the last network loaded (by URL), so each
 * request does not parse the graph again, and forgets a failed load so the next call retries.
 */
export function walkNetworkCache(): (url: string) => Promise<WalkNetwork> {
  let graph: { url: string; network: Promise<WalkNetwork> } | null = null;
  return (url) => {
    if (!graph || graph.url !== url) {
      const network = loadWalkGraph(url).then(createWalkNetwork);
      graph = { url, network };
      network.catch(() => {
        if (graph?.network === network) graph = null;
      });
    }
    return graph.network;
  };
}
