// The walking-graph pipeline step on a hand-written fixture (tests/fixtures/walk): joins, components, coverage, file.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_TOLERANCE_METERS, buildWalkGraphFile, buildWalkLists, parseWays, walkGraphStats } from '../../../scripts/build-walk-graph';
import type { DatasetSummary } from '../../../scripts/pipeline-report';
import { decodeWalkGraph } from '../../../src/datasets/walk-graph';
import { buildWalkGraph } from '../../../src/geo/walk-network';
import type { WalkGraph } from '../../../src/geo/walk-network';

const sourceDir = path.resolve(import.meta.dirname, '../../fixtures/walk');
let outDir = '';
let summaries: DatasetSummary[] = [];
let graph: WalkGraph;
const logged: string[] = [];

/** Position of the fixture's point `east`, `north` metres from -71.06, 42.35 (as written by hand, 6 decimals). */
const M_LAT = 1 / 111_195;
const at = (east: number, north: number): [number, number] => [+(-71.06 + (east * M_LAT) / Math.cos((42.35 * Math.PI) / 180)).toFixed(6), +(42.35 + north * M_LAT).toFixed(6)];
function nodeAt(g: WalkGraph, p: [number, number]): number {
  for (let i = 0; i < g.nodeCount; i++) if (g.lng[i] === p[0] && g.lat[i] === p[1]) return i;
  throw new Error(`no node at ${p}`);
}
function hasEdge(g: WalkGraph, a: number, b: number): boolean {
  for (let e = 0; e < g.edgeCount; e++) if ((g.edgeFrom[e] === a && g.edgeTo[e] === b) || (g.edgeFrom[e] === b && g.edgeTo[e] === a)) return true;
  return false;
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'walk-graph-'));
  summaries = await buildWalkGraphFile({ sourceDir, outDir, log: (line) => logged.push(line) });
  graph = decodeWalkGraph(JSON.parse(await readFile(path.join(outDir, 'walk-graph.json'), 'utf8')));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('buildWalkGraphFile on the fixture', () => {
  it('writes walk-graph.json with every distinct position as a node and the ways’ segments plus the joins as edges', () => {
    expect(graph.nodeCount).toBe(13);
    // 8 way segments, +1 for Alpha's segment split by Gamma's end, +1 join edge Delta–Beta (found from both ends, kept once).
    expect(graph.edgeCount).toBe(10);
  });

  it(`joins a loose end within ${JOIN_TOLERANCE_METERS} m into the middle of a segment, and to a node`, () => {
    const gammaEnd = nodeAt(graph, at(150, 5));
    expect(hasEdge(graph, nodeAt(graph, at(100, 0)), gammaEnd)).toBe(true);
    expect(hasEdge(graph, gammaEnd, nodeAt(graph, at(200, 0)))).toBe(true);
    expect(hasEdge(graph, nodeAt(graph, at(100, 0)), nodeAt(graph, at(200, 0)))).toBe(false);
    expect(hasEdge(graph, nodeAt(graph, at(94, 100)), nodeAt(graph, at(100, 100)))).toBe(true);
  });

  it('leaves a 20 m gap open and reports the components and Boston coverage', () => {
    expect(graph.componentSizes).toEqual([9, 2, 2]);
    expect(graph.component[nodeAt(graph, at(220, 0))]).not.toBe(graph.component[nodeAt(graph, at(200, 0))]);
    const report = logged.join('\n');
    expect(report).toMatch(/13 nodes, 10 edges; 3 loose ends joined within 10 m \(2 to a node, 1 into a segment\)/);
    expect(report).toMatch(/3 connected components; Boston: 11 nodes/);
    // The largest holds 9 of Boston's 11 nodes; Epsilon's 2 are the rest (Island Road is Cambridge's).
    expect(report).toMatch(/largest +9 nodes \(69\.2% of all\): 81\.8% of Boston's nodes/);
    expect(report).toMatch(/KB gzip/);
  });

  it('summarises rows read and kept, with the rejected feature and its reason', () => {
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ dataset: 'walk-graph', outputs: ['walk-graph.json'], rowsRead: 7, rowsKept: 6 });
    expect(Object.values(summaries[0]!.rejectedByReason)).toEqual([1]);
  });
});

describe('buildWalkLists', () => {
  it('joins nothing with tolerance 0, and never mutates the ways', () => {
    const { ways } = parseWays({ type: 'FeatureCollection', features: [
      { properties: { name: 'A', highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[-71.06, 42.35], [-71.059, 42.35]] } },
      { properties: { name: 'B', highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[-71.05899, 42.35], [-71.058, 42.35]] } },
    ] }, 'boston');
    const before = structuredClone(ways);
    expect(buildWalkLists(ways, 0).edges).toHaveLength(2);
    const joined = buildWalkLists(ways, 2); // the ends are 0.8 m apart
    expect(joined.edges).toHaveLength(3);
    expect(joined.joins).toEqual({ toNode: 2, toSegment: 0 });
    expect(ways).toEqual(before);
  });

  it('drops repeated segments and zero-length steps', () => {
    const { ways } = parseWays({ type: 'FeatureCollection', features: [
      { properties: { name: 'A', highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[-71.06, 42.35], [-71.06, 42.35], [-71.059, 42.35]] } },
      { properties: { name: 'A', highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[-71.059, 42.35], [-71.06, 42.35]] } },
    ] }, 'boston');
    expect(buildWalkLists(ways).edges).toEqual([[0, 1]]);
  });
});

describe('walkGraphStats', () => {
  it('counts for Boston only its own nodes and the street length between two of them, per component', () => {
    // 0-1-2 in Boston, 2-3 crosses into Cambridge; 4-5 a Cambridge street on its own.
    const g = buildWalkGraph({ lng: [-71.06, -71.059, -71.058, -71.057, -71.1, -71.099], lat: [42.35, 42.35, 42.35, 42.35, 42.37, 42.37], edgeFrom: [0, 1, 2, 4], edgeTo: [1, 2, 3, 5] });
    const stats = walkGraphStats(g, ['boston', 'boston', 'boston', 'cambridge', 'cambridge', 'cambridge']);
    expect(stats.components).toBe(2);
    expect(stats.bostonNodes).toBe(3);
    expect(stats.bostonMeters).toBeCloseTo(g.edgeLengthMeters[0]! + g.edgeLengthMeters[1]!, 9);
    expect(stats.largest.map((c) => [c.nodes, c.bostonNodes])).toEqual([[4, 3], [2, 0]]);
    expect(stats.largest[0]!.share).toBeCloseTo(4 / 6, 9);
  });
});
