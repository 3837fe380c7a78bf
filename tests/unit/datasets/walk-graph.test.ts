// walk-graph.json: encoding and decoding round-trip, and malformed files rejected with the place of the problem.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeWalkGraph, encodeWalkGraph, walkGraphFileSchema, walkNetworkCache } from '../../../src/datasets/walk-graph';
import { haversineMeters } from '../../../src/geo/haversine';
import { mulberry32 as seededRandom } from '../seeded-random';

function randomLists(seed: number, n: number, m: number) {
  const rand = seededRandom(seed);
  const nodes = Array.from({ length: n }, () => [-71.2 + rand() * 0.3, 42.2 + rand() * 0.2] as [number, number]);
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  while (edges.length < m) {
    // Mostly runs along consecutive ids (like streets), sometimes a jump.
    const a = edges.length > 0 && rand() < 0.7 ? edges[edges.length - 1]![1] : Math.floor(rand() * n);
    const b = rand() < 0.7 ? Math.min(n - 1, a + 1) : Math.floor(rand() * n);
    const k = `${Math.min(a, b)},${Math.max(a, b)}`;
    if (a === b || seen.has(k)) continue;
    seen.add(k);
    edges.push([a, b]);
  }
  return { nodes, edges };
}

describe('walk-graph.json', () => {
  it('decodes what it encodes: positions to 6 decimals, the same edges in order, lengths from the positions', () => {
    const { nodes, edges } = randomLists(11, 400, 600);
    const before = structuredClone({ nodes, edges });
    const file = JSON.parse(JSON.stringify(encodeWalkGraph(nodes, edges, 10)));
    expect(walkGraphFileSchema.parse(file).joinToleranceMeters).toBe(10);
    const g = decodeWalkGraph(file);
    expect(g.nodeCount).toBe(400);
    nodes.forEach(([lng, lat], i) => {
      expect(g.lng[i]).toBeCloseTo(lng, 6);
      expect(g.lat[i]).toBeCloseTo(lat, 6);
      expect(Math.abs(g.lng[i]! * 1e6 - Math.round(g.lng[i]! * 1e6))).toBeLessThan(1e-6);
    });
    expect([...g.edgeFrom].map((a, e) => [a, g.edgeTo[e]!].sort((x, y) => x - y))).toEqual(edges.map((e) => [...e].sort((x, y) => x - y)));
    expect(g.edgeLengthMeters[0]).toBeCloseTo(haversineMeters([g.lng[edges[0]![0]]!, g.lat[edges[0]![0]]!], [g.lng[edges[0]![1]]!, g.lat[edges[0]![1]]!]), 9);
    expect({ nodes, edges }).toEqual(before);
  });

  it('stores runs of edges as chains, smaller than one pair per edge', () => {
    const { nodes, edges } = randomLists(12, 500, 700);
    const file = encodeWalkGraph(nodes, edges, 10);
    expect(file.chains.length).toBeLessThan(edges.length * 0.6);
  });

  it('continues a chain when the next edge is given end first', () => {
    const file = encodeWalkGraph([[-71.06, 42.35], [-71.05, 42.35], [-71.05, 42.36], [-71.04, 42.36]], [[1, 0], [2, 0], [2, 3]], 10);
    expect(file.chains).toEqual([[1, -1, 2, 1]]);
    const g = decodeWalkGraph(file);
    expect([...g.edgeFrom].map((a, e) => [a, g.edgeTo[e]])).toEqual([[1, 0], [0, 2], [2, 3]]);
  });

  it('rejects a malformed file naming the problem', () => {
    const good = encodeWalkGraph([[-71.06, 42.35], [-71.05, 42.35], [-71.05, 42.36]], [[0, 1], [1, 2]], 10);
    expect(() => decodeWalkGraph({ ...good, format: 'other' })).toThrow(/format/);
    expect(() => decodeWalkGraph({ ...good, chains: [[0]] })).toThrow(/chains\.0/);
    expect(() => decodeWalkGraph({ ...good, coords: good.coords.slice(2) })).toThrow(/coordinates for 3 nodes/);
    expect(() => decodeWalkGraph({ ...good, chains: [[0, 1, 5]] })).toThrow(/outside 0\.\.2/);
    expect(() => decodeWalkGraph({ ...good, edgeCount: 3 })).toThrow(/edgeCount/);
    expect(() => decodeWalkGraph({ ...good, coords: good.coords.map((c, i) => (i === 0 ? c + 0.5 : c)) })).toThrow(/coords/);
  });
});

describe('walkNetworkCache', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('loads a graph once per URL, and again after a failed load', async () => {
    const file = JSON.parse(JSON.stringify(encodeWalkGraph([[-71.06, 42.35], [-71.05, 42.35]], [[0, 1]], 10)));
    let fail = true;
    const fetchMock = vi.fn(async () => (fail ? new Response('nope', { status: 500 }) : new Response(JSON.stringify(file), { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    const networkFor = walkNetworkCache();
    await expect(networkFor('http://x/walk-graph.json')).rejects.toThrow();
    fail = false;
    const a = await networkFor('http://x/walk-graph.json');
    const b = await networkFor('http://x/walk-graph.json');
    expect(a).toBe(b);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await networkFor('http://x/other.json');
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });
});
