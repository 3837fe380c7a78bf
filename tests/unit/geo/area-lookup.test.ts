// Which area contains a point: inside, on the boundary, in a hole, outside, first match wins.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createAreaLookup, type NamedArea } from '../../../src/geo/area-lookup';
import { parseLandAreas } from '../../../src/datasets/land-areas';
import { mulberry32, testSeed } from '../seeded-random';

const square = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];

describe('createAreaLookup', () => {
  const areas: NamedArea<'neighborhood' | 'city'>[] = [
    { name: 'Ring', kind: 'neighborhood', geometry: { type: 'Polygon', coordinates: [square(-71.1, 42.3, -71.0, 42.4), square(-71.06, 42.34, -71.04, 42.36)] } },
    { name: 'Town', kind: 'city', geometry: { type: 'MultiPolygon', coordinates: [[square(-71.2, 42.3, -71.15, 42.35)], [square(-71.06, 42.34, -71.04, 42.36)]] } },
  ];
  const areaAt = createAreaLookup(areas);

  it('finds the polygon containing the point ([lng, lat])', () => {
    expect(areaAt([-71.09, 42.31])?.name).toBe('Ring');
    expect(areaAt([-71.17, 42.32])?.name).toBe('Town');
    // In Ring's hole, covered by Town's second polygon.
    expect(areaAt([-71.05, 42.35])?.name).toBe('Town');
    expect(areaAt([-71.12, 42.38])).toBeNull();
    // Swapped order is nowhere.
    expect(areaAt([42.31, -71.09])).toBeNull();
  });

  it('counts the boundary as inside', () => {
    expect(areaAt([-71.1, 42.35])?.name).toBe('Ring');
  });
});

/**
 * A city of n × n neighbourhoods that share jagged borders (each border a polyline of `bends` points, the same points
 * for both sides, as the City's outlines), one with a hole that an island area fills, a wedge of long slanted edges,
 * and a last area overlapping others (first match wins). Degrees around Boston.
 */
function jaggedCity(rand: () => number, n = 5, bends = 30): NamedArea[] {
  const [west, south, cell] = [-71.2, 42.22, 0.04];
  const node = (i: number, j: number): [number, number] => [west + i * cell, south + j * cell];
  const borders = new Map<string, [number, number][]>();
  /** The border from node a to node b (a shared polyline; reversed when asked the other way). */
  const border = (a: [number, number], b: [number, number]): [number, number][] => {
    const key = `${a.join()}>${b.join()}`;
    const back = borders.get(`${b.join()}>${a.join()}`);
    if (back) return [...back].reverse();
    let line = borders.get(key);
    if (!line) {
      line = [a];
      for (let k = 1; k < bends; k++) {
        const t = k / bends;
        // Off the straight line by up to a tenth of a cell, less near the corners: borders never cross.
        const off = (rand() - 0.5) * 0.2 * cell * Math.sin(Math.PI * t);
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        line.push([a[0] + dx * t - (dy / cell) * off, a[1] + dy * t + (dx / cell) * off]);
      }
      line.push(b);
      borders.set(key, line);
    }
    return line;
  };
  const [hw, hs] = node(2, 2);
  const hole = square(hw + 0.01, hs + 0.01, hw + 0.02, hs + 0.025);
  const areas: NamedArea[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [a, b, c, d] = [node(i, j), node(i + 1, j), node(i + 1, j + 1), node(i, j + 1)];
      const ring = [...border(a, b), ...border(b, c).slice(1), ...border(c, d).slice(1), ...border(d, a).slice(1)];
      areas.push({ name: `hood ${i}-${j}`, kind: 'neighborhood', geometry: { type: 'Polygon', coordinates: i === 2 && j === 2 ? [ring, hole] : [ring] } });
    }
  }
  areas.push({ name: 'island', kind: 'city', geometry: { type: 'MultiPolygon', coordinates: [[hole], [square(west - 0.05, south, west - 0.03, south + 0.01)]] } });
  // Long slanted edges (each across many grid cells), outside the city.
  areas.push({ name: 'wedge', kind: 'city', geometry: { type: 'Polygon', coordinates: [[[west - 0.12, south + 0.02], [west - 0.01, south + 0.19], [west - 0.09, south + 0.2], [west - 0.12, south + 0.02]]] } });
  areas.push({ name: 'overlay', kind: 'city', geometry: { type: 'Polygon', coordinates: [square(west + 0.5 * cell, south - 0.02, west + 2.5 * cell, south + 1.5 * cell)] } });
  return areas;
}

/** Points that probe `areas`: random ones over and beyond their extent, vertices, points on edges and a hair beside them. */
function probePoints(areas: readonly NamedArea[], rand: () => number, count: number): [number, number][] {
  const rings = areas.flatMap((a) => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates).flat());
  const xs = rings.flat().map((p) => p[0]!);
  const ys = rings.flat().map((p) => p[1]!);
  const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const points: [number, number][] = [];
  // Random points over the whole extent and a little beyond (most fall in cells no boundary crosses).
  for (let k = 0; k < count; k++) points.push([w - 0.02 + rand() * (e - w + 0.04), s - 0.02 + rand() * (n - s + 0.04)]);
  for (let k = 0; k < count; k++) {
    const ring = rings[Math.floor(rand() * rings.length)]!;
    const i = Math.floor(rand() * (ring.length - 1));
    const [a, b] = [ring[i]!, ring[i + 1]!];
    const t = [0, 0.5, rand()][k % 3]!;
    const hair = [0, 1e-9, 1e-7, 1e-5][Math.floor(rand() * 4)]! * (rand() < 0.5 ? -1 : 1);
    points.push([a[0]! + (b[0]! - a[0]!) * t + hair, a[1]! + (b[1]! - a[1]!) * t - hair]);
  }
  return points;
}

/** The direct answer: the first area whose polygon holds the point (turf, boundary included). */
const oracleOf = (areas: readonly NamedArea[]) => (p: [number, number]) => areas.find((a) => booleanPointInPolygon(p, a.geometry))?.name ?? null;

describe('createAreaLookup against a polygon test of every area in order', () => {
  it('gives the same area on shared jagged borders, holes, islands and overlaps, for random and boundary points', () => {
    const seed = testSeed(20261126);
    const rand = mulberry32(seed);
    const areas = jaggedCity(rand);
    const areaAt = createAreaLookup(areas);
    const oracle = oracleOf(areas);
    const points = probePoints(areas, rand, 3000);
    const answers = points.map((p) => areaAt(p)?.name ?? null);
    expect(points.filter((p, k) => answers[k] !== oracle(p)), `seed ${seed}: points answered unlike the direct test`).toEqual([]);
    // Every kind of answer came up (the probe reached each area and the outside).
    expect(new Set(answers).size, `seed ${seed}`).toBe(areas.length + 1);
    // Asked again (the grid's answers now kept), the same.
    expect(points.map((p) => areaAt(p)?.name ?? null)).toEqual(answers);
  });

  const landFile = join(import.meta.dirname, '..', '..', '..', 'public', 'data', 'basemap-land.geojson');
  it.skipIf(!existsSync(landFile))('gives the same area on the land file (public/data, `npm run data`)', () => {
    const seed = testSeed(311);
    const areas = parseLandAreas(JSON.parse(readFileSync(landFile, 'utf8')));
    const areaAt = createAreaLookup(areas);
    const oracle = oracleOf(areas);
    const points = probePoints(areas, mulberry32(seed), 1500);
    expect(points.filter((p) => (areaAt(p)?.name ?? null) !== oracle(p)), `seed ${seed}`).toEqual([]);
  });

  it('answers NaN, infinite and far-away points with null', () => {
    const areaAt = createAreaLookup(jaggedCity(mulberry32(1)));
    expect(areaAt([Number.NaN, 42.3])).toBeNull();
    expect(areaAt([0, 0])).toBeNull();
    expect(areaAt([-71.06, Number.POSITIVE_INFINITY])).toBeNull();
  });
});

describe('parseLandAreas', () => {
  it('reads the pipeline format and names the bad part otherwise', () => {
    const good = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Allston', kind: 'neighborhood' }, geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } }] };
    expect(parseLandAreas(good)[0]).toMatchObject({ name: 'Allston', kind: 'neighborhood' });
    const bad = { ...good, features: [{ ...good.features[0], properties: { name: 'Allston', kind: 'county' } }] };
    expect(() => parseLandAreas(bad)).toThrow(/features\.0\.properties\.kind/);
  });
});
