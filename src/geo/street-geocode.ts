// Approximate placement of an address on its street (by street name only) using OSM street LineStrings.
import { along, distance, length, lineString, multiLineString, nearestPointOnLine, point } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import type { LngLat } from '../domain/geometry';
import type { CoordPrecision } from '../domain/site';

export type StreetCollection = FeatureCollection<LineString, { name: string }>;

/**
 * Result of {@link placeOnStreet}: a point on the named street, never a building position. Precision in the
 * geocoder's vocabulary ({@link CoordPrecision}): 'intersection' at a shared vertex with a cross street, else 'street'.
 */
export type StreetPlacement = { coordinates: LngLat; precision: Extract<CoordPrecision, 'intersection' | 'street'> };

/** One connected run of same-named street ways (ways that share at least one vertex, i.e. an OSM node). */
export type StreetRun = {
  /** Total length of the run's segments in metres (geodesic, haversine). */
  lengthMeters: number;
  featureCount: number;
  /** Each way's coordinates, in input order (copies; the input is never mutated). */
  lines: LngLat[][];
};

const WORD_EXPANSIONS: Record<string, string> = {
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  blvd: 'boulevard',
  bvd: 'boulevard',
  rd: 'road',
  sq: 'square',
  pl: 'place',
  ct: 'court',
  dr: 'drive',
  ln: 'lane',
  ter: 'terrace',
  terr: 'terrace',
  pkwy: 'parkway',
  hwy: 'highway',
  hwys: 'highway',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
};

/**
 * Normalises a street name for comparison: case, punctuation and spacing are ignored and common
 * abbreviations are expanded ("Mass Ave." → "massachusetts avenue", "Melnea Cass Blvd" → "melnea cass boulevard").
 */
export function normalizeStreetName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/[.,']/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => WORD_EXPANSIONS[w] ?? w);
  // "Mass Ave" is how Bostonians write Massachusetts Avenue.
  if (words[0] === 'mass' && words[1] === 'avenue') words[0] = 'massachusetts';
  return words.join(' ');
}

const vertexKey = (p: Position): string => `${p[0]},${p[1]}`;
const toLngLat = (p: Position): LngLat => [p[0] ?? 0, p[1] ?? 0];

function featuresNamed(streets: StreetCollection, streetName: string): Feature<LineString, { name: string }>[] {
  const wanted = normalizeStreetName(streetName);
  return streets.features.filter(
    (f) =>
      f.geometry?.type === 'LineString' &&
      typeof f.properties?.name === 'string' &&
      f.geometry.coordinates.length >= 2 &&
      normalizeStreetName(f.properties.name) === wanted,
  );
}

/**
 * Groups the ways named `streetName` into connected runs (ways that share a vertex), longest first.
 * Returns [] when no way has that name. Lengths are geodesic metres.
 */
export function streetRuns(streets: StreetCollection, streetName: string): StreetRun[] {
  const features = featuresNamed(streets, streetName);
  // Union-find over features: two ways belong to one run when they share an identical vertex.
  const parent = features.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const firstOwner = new Map<string, number>();
  features.forEach((f, i) => {
    for (const p of f.geometry.coordinates) {
      const key = vertexKey(p);
      const owner = firstOwner.get(key);
      if (owner === undefined) firstOwner.set(key, i);
      else parent[find(i)] = find(owner);
    }
  });
  const groups = new Map<number, Feature<LineString, { name: string }>[]>();
  features.forEach((f, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(f);
    groups.set(root, group);
  });
  const runs: StreetRun[] = [...groups.values()].map((group) => ({
    lengthMeters: group.reduce((sum, f) => sum + length(f, { units: 'meters' }), 0),
    featureCount: group.length,
    lines: group.map((f) => f.geometry.coordinates.map(toLngLat)),
  }));
  return runs.sort((a, b) => b.lengthMeters - a.lengthMeters);
}

/** The vertices shared by ways of two streets (their intersections), deduplicated. */
export function streetIntersections(streets: StreetCollection, streetName: string, crossStreet: string): LngLat[] {
  const aVertices = new Set<string>();
  for (const f of featuresNamed(streets, streetName)) for (const p of f.geometry.coordinates) aVertices.add(vertexKey(p));
  const shared = new Map<string, LngLat>();
  for (const f of featuresNamed(streets, crossStreet)) {
    for (const p of f.geometry.coordinates) {
      const key = vertexKey(p);
      if (aVertices.has(key)) shared.set(key, toLngLat(p));
    }
  }
  return [...shared.values()];
}

function closestTo(candidates: LngLat[], target: LngLat): LngLat | undefined {
  let best: LngLat | undefined;
  let bestMeters = Infinity;
  for (const c of candidates) {
    const d = distance(point(c), point(target), { units: 'meters' });
    if (d < bestMeters) {
      bestMeters = d;
      best = c;
    }
  }
  return best;
}

/** Orders a run's ways into one polyline when the run is a simple path (no branches, no loop); else null. */
function asSimplePath(run: StreetRun): LngLat[] | null {
  const adjacency = new Map<string, Set<string>>();
  const coords = new Map<string, LngLat>();
  for (const line of run.lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i];
      const b = line[i + 1];
      if (!a || !b) continue;
      const ka = vertexKey(a);
      const kb = vertexKey(b);
      if (ka === kb) continue;
      coords.set(ka, a);
      coords.set(kb, b);
      if (!adjacency.has(ka)) adjacency.set(ka, new Set());
      if (!adjacency.has(kb)) adjacency.set(kb, new Set());
      adjacency.get(ka)?.add(kb);
      adjacency.get(kb)?.add(ka);
    }
  }
  const ends = [...adjacency.entries()].filter(([, n]) => n.size === 1).map(([k]) => k);
  if (ends.length !== 2 || [...adjacency.values()].some((n) => n.size > 2)) return null;
  const path: LngLat[] = [];
  const seen = new Set<string>();
  let current: string | undefined = ends[0];
  while (current !== undefined) {
    seen.add(current);
    const c = coords.get(current);
    if (c) path.push(c);
    current = [...(adjacency.get(current) ?? [])].find((k) => !seen.has(k));
  }
  return path.length === coords.size ? path : null;
}

function runMidpoint(run: StreetRun): LngLat | null {
  const path = asSimplePath(run);
  if (path && path.length >= 2) {
    const line = lineString(path);
    const half = length(line, { units: 'meters' }) / 2;
    return toLngLat(along(line, half, { units: 'meters' }).geometry.coordinates);
  }
  // Branching run (dual carriageway, loop): snap its length-weighted centre onto the run.
  let sumLng = 0;
  let sumLat = 0;
  let sumWeight = 0;
  for (const line of run.lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i];
      const b = line[i + 1];
      if (!a || !b) continue;
      const w = distance(point(a), point(b), { units: 'meters' });
      sumLng += ((a[0] + b[0]) / 2) * w;
      sumLat += ((a[1] + b[1]) / 2) * w;
      sumWeight += w;
    }
  }
  if (sumWeight === 0) return run.lines[0]?.[0] ?? null;
  return snapToLines(run.lines, [sumLng / sumWeight, sumLat / sumWeight]);
}

function snapToLines(lines: LngLat[][], target: LngLat): LngLat | null {
  const usable = lines.filter((l) => l.length >= 2);
  if (usable.length === 0) return null;
  const snapped = nearestPointOnLine(multiLineString(usable), point(target));
  return toLngLat(snapped.geometry.coordinates);
}

/**
 * Places an address on its street, APPROXIMATELY: it knows street names, not house numbers, so the
 * result is a point on the named street (precision 'intersection' at a cross street, else 'street'), never the
 * building itself.
 *
 * - With `crossStreet`: the vertex the two streets share (their intersection). When they meet more than
 *   once, the shared vertex nearest `near`, or without `near` the one nearest the mean of all shared vertices.
 *   Returns null when they share no vertex.
 * - Without `crossStreet` but with `near`: the point on the named street nearest `near` (geodesic distance).
 * - Otherwise: the midpoint along the longest connected run of ways with that name (for a branching run,
 *   the point of the run nearest its length-weighted centre).
 *
 * Names are compared after {@link normalizeStreetName} (St/Street, Ave/Avenue, Blvd, case, punctuation).
 * Returns null when no way has that name. Never mutates `streets`.
 */
export function placeOnStreet(
  streets: StreetCollection,
  streetName: string,
  opts: { near?: LngLat; crossStreet?: string } = {},
): StreetPlacement | null {
  if (opts.crossStreet !== undefined) {
    const shared = streetIntersections(streets, streetName, opts.crossStreet);
    if (shared.length === 0) return null;
    let target = opts.near;
    if (!target) {
      const meanLng = shared.reduce((s, p) => s + p[0], 0) / shared.length;
      const meanLat = shared.reduce((s, p) => s + p[1], 0) / shared.length;
      target = [meanLng, meanLat];
    }
    const best = closestTo(shared, target);
    return best ? { coordinates: [best[0], best[1]], precision: 'intersection' } : null;
  }
  const runs = streetRuns(streets, streetName);
  if (runs.length === 0) return null;
  if (opts.near) {
    const snapped = snapToLines(
      runs.flatMap((r) => r.lines),
      opts.near,
    );
    return snapped ? { coordinates: snapped, precision: 'street' } : null;
  }
  const longest = runs[0];
  const mid = longest ? runMidpoint(longest) : null;
  return mid ? { coordinates: mid, precision: 'street' } : null;
}
