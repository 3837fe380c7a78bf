// Builds the offline geocoder index (data/geocoder-index.json) and its held-out evaluation sample (reports/geocoder-holdout.csv).
//
// Sources: OSM street lines (names, geometry, crossings), the City's address points from 311 records (exact points and
// interpolation anchors), the City's intersection points, open-space names (parks, squares), neighbourhood polygons.
// One address in HOLDOUT_EVERY (by a hash of "number street") and one intersection pair in HOLDOUT_EVERY are kept
// out of the index and written to the holdout file, so accuracy is measured on places the index does not know.
// Run alone: npx tsx scripts/build-geocoder.ts [sourceDir] [outDir]   (called by scripts/build-data.ts)
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { area as turfArea, bbox as turfBbox, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { DATA_FILES, DEFAULT_311_LOCATIONS, MAX_BOUNDS } from '../src/config/city';
import type { LngLat } from '../src/domain/geometry';
import { neighborhoodSourceFeatureSchema } from '../src/domain/neighborhood';
import type { Rejected } from '../src/domain/rejection';
import { encodeGeocoderIndex } from '../src/datasets/geocoder-index';
import { normalizeStreetName } from '../src/geo/address-normalize';
import type { AreaKind, GeocoderIndex, PlaceKind } from '../src/geo/geocoder';
import type { DatasetSummary } from './pipeline-report';

/** One address (by "number street") in this many is held out of the index for the accuracy evaluation. */
export const HOLDOUT_EVERY = 50;
export const HOLDOUT_FILE = 'reports/geocoder-holdout.csv';
const ADDRESS_FILE = path.join('boston', 'addresses', 'boston-311-address-points-2013-2023.csv.gz');
const NEIGHBOUR_CITIES = ['brookline', 'cambridge', 'somerville'] as const;

/** Same-named street pieces whose ends are this close are one street with a gap (a dropped bridge, a missing way). */
const RUN_GAP_M = 150;
/** An address point further than this from every street line of its name gets a street of its own. */
const MAX_ADDRESS_TO_STREET_M = 150;
/** Points of one address (or one crossing) further apart than this are different places. */
const SAME_PLACE_M = 150;
/** OSM crossings of one street pair closer than this are one intersection (divided roads). */
const OSM_CROSSING_CLUSTER_M = 40;
/** Douglas-Peucker tolerance for the stored street lines (metres). */
const SIMPLIFY_M = 1;

const DEG = Math.PI / 180;
const M_PER_DEG_LAT = 6_371_008.8 * DEG;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos(42.33 * DEG);

function distM(a: readonly number[], b: readonly number[]): number {
  return Math.hypot((a[0]! - b[0]!) * M_PER_DEG_LNG, (a[1]! - b[1]!) * M_PER_DEG_LAT);
}

/** Metres from p to segment ab (local planar frame around Boston). */
function segmentDistM(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const px = p[0]! * M_PER_DEG_LNG, py = p[1]! * M_PER_DEG_LAT;
  const ax = a[0]! * M_PER_DEG_LNG, ay = a[1]! * M_PER_DEG_LAT;
  const dx = b[0]! * M_PER_DEG_LNG - ax, dy = b[1]! * M_PER_DEG_LAT - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** FNV-1a 32-bit: a stable hash so the held-out sample is the same on every machine and run. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True when the address or intersection with this key belongs to the held-out evaluation sample. */
export function isHeldOut(key: string, every = HOLDOUT_EVERY): boolean {
  return every > 0 && fnv1a(key) % every === 0;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let n = 0;
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
  return best;
}

/** Groups points that lie within `radiusM` of a group's first point (greedy, in input order). */
function clusterBy<T>(items: readonly T[], at: (t: T) => LngLat, radiusM: number): T[][] {
  const groups: { centre: LngLat; items: T[] }[] = [];
  for (const it of items) {
    const p = at(it);
    const g = groups.find((x) => distM(x.centre, p) <= radiusM);
    if (g) g.items.push(it);
    else groups.push({ centre: p, items: [it] });
  }
  return groups.map((g) => g.items);
}

function simplify(line: LngLat[], toleranceM: number): LngLat[] {
  if (line.length <= 2) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let worstD = toleranceM;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistM(line[i]!, line[a]!, line[b]!);
      if (d > worstD) [worst, worstD] = [i, d];
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** Joins lines that meet end to end where exactly two line ends meet (OSM ways split at every tag change). */
function mergeLines(lines: readonly LngLat[][]): LngLat[][] {
  const k = (p: LngLat) => `${p[0]},${p[1]}`;
  const ends = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const p of [l[0]!, l[l.length - 1]!]) (ends.get(k(p)) ?? ends.set(k(p), []).get(k(p))!).push(i);
  });
  const used = new Uint8Array(lines.length);
  const out: LngLat[][] = [];
  const extend = (chain: LngLat[]) => {
    for (;;) {
      const tail = chain[chain.length - 1]!;
      const at = ends.get(k(tail)) ?? [];
      if (at.length !== 2) return;
      const next = at.find((j) => !used[j]);
      if (next === undefined) return;
      used[next] = 1;
      const l = lines[next]!;
      const forward = k(l[0]!) === k(tail);
      const pts = forward ? l : [...l].reverse();
      chain.push(...pts.slice(1));
    }
  };
  lines.forEach((l, i) => {
    if (used[i]) return;
    used[i] = 1;
    const chain = [...l];
    extend(chain);
    chain.reverse();
    extend(chain);
    out.push(chain);
  });
  return out;
}

function lineLengthM(line: readonly LngLat[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += distM(line[i - 1]!, line[i]!);
  return s;
}

function pointAtHalf(line: readonly LngLat[]): LngLat {
  const half = lineLengthM(line) / 2;
  let s = 0;
  for (let i = 1; i < line.length; i++) {
    const d = distM(line[i - 1]!, line[i]!);
    if (s + d >= half && d > 0) {
      const t = (half - s) / d;
      const a = line[i - 1]!, b = line[i]!;
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
    s += d;
  }
  return line[0]!;
}

function labelPoint(f: Feature<Polygon | MultiPolygon>): LngLat {
  let geom: Polygon = f.geometry.type === 'Polygon' ? f.geometry : { type: 'Polygon', coordinates: f.geometry.coordinates[0]! };
  if (f.geometry.type === 'MultiPolygon') {
    let best = -1;
    for (const coords of f.geometry.coordinates) {
      const a = turfArea({ type: 'Polygon', coordinates: coords });
      if (a > best) [best, geom] = [a, { type: 'Polygon', coordinates: coords }];
    }
  }
  const c = centroid(geom).geometry.coordinates as LngLat;
  const p = booleanPointInPolygon(c, geom) ? c : (pointOnFeature(geom).geometry.coordinates as LngLat);
  return [p[0], p[1]];
}

// --- inputs ------------------------------------------------------------------------------------------------------

export type StreetSource = { city: string; streets: FeatureCollection<LineString, { name?: unknown }> };

/** What the index is built from (parsed files; any but the neighbourhoods may be missing). */
export type GeocoderSources = {
  neighborhoods: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  cityBoundaries?: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
  streets: StreetSource[];
  openSpace?: FeatureCollection<Polygon | MultiPolygon | null, Record<string, unknown>>;
  /** Uncompressed text of boston/addresses/boston-311-address-points-2013-2023.csv.gz. */
  addressCsv?: string;
  /** boston/needle-requests-points-*.geojson: more address points (the City's geocodes of 311 needle requests). */
  needlePoints?: FeatureCollection;
};

/** A house-numbered address as read from a source row. */
export type AddressAnchor = {
  line: number;
  source: 'address-points' | 'needle-points';
  /** As written: "22", "20-26", "12A". */
  numberText: string;
  number: number;
  numberTo: number;
  /** Street as written ("Wolcott St") and its key ("wolcott street"). */
  street: string;
  streetKey: string;
  zip: string;
  postalCity: string;
  lngLat: LngLat;
};

export type CityIntersection = { line: number; streetA: string; streetB: string; postalCity: string; zip: string; lngLat: LngLat };

const HOUSE_NUMBER = /^(\d+)([A-Za-z]?)(?:-(\d+)[A-Za-z]?)?$/;
const LEADING_NUMBER = /^(\d+[A-Za-z]?(?:-\d+[A-Za-z]?)?)\s+(.+)$/;

/** Splits "20-26" into its numbers; a range longer than 100 numbers is taken as its first number only. */
export function parseHouseNumber(text: string): { number: number; numberTo: number } | null {
  const m = HOUSE_NUMBER.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[3] !== undefined ? Number(m[3]) : a;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return hi - lo > 100 ? { number: a, numberTo: a } : { number: lo, numberTo: hi };
}

function inBounds(p: LngLat): boolean {
  return p[0] >= MAX_BOUNDS[0][0] && p[0] <= MAX_BOUNDS[1][0] && p[1] >= MAX_BOUNDS[0][1] && p[1] <= MAX_BOUNDS[1][1];
}

/**
 * Reads the address-points CSV: house-numbered rows become anchors, "INTERSECTION A & B" rows City intersections;
 * every other row is rejected with its reason (no silent drops).
 */
export function parseAddressPointsCsv(text: string): { anchors: AddressAnchor[]; intersections: CityIntersection[]; rejected: Rejected[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const anchors: AddressAnchor[] = [];
  const intersections: CityIntersection[] = [];
  const rejected: Rejected[] = [];
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const raw = () => Papa.unparse([row], { header: false });
    const reject = (field: string, reason: string) => rejected.push({ line, field, reason, raw: raw() });
    const locStreet = (row.location_street_name ?? '').trim();
    const lat = Number.parseFloat(row.latitude ?? '');
    const lng = Number.parseFloat(row.longitude ?? '');
    const locParts = (row.location ?? '').split(/\s{2,}/).map((s) => s.trim());
    const postalCity = locParts.length >= 3 ? (locParts[1] ?? '') : '';
    const zipText = (row.location_zipcode ?? '').trim();
    const zip = /^\d{5}$/.test(zipText) ? zipText : '';
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || (row.latitude ?? '').trim() === '' || (row.longitude ?? '').trim() === '') {
      reject('latitude', 'missing coordinates');
      return;
    }
    const lngLat: LngLat = [lng, lat];
    if (!inBounds(lngLat)) {
      reject('latitude', 'coordinates outside Boston');
      return;
    }
    if (/^INTERSECTION\s/i.test(locStreet)) {
      const [a, b, ...more] = locStreet.replace(/^INTERSECTION\s+(of\s+)?/i, '').split(/\s*&\s*/);
      if (!a || !b || more.length > 0) reject('location_street_name', 'intersection without two street names');
      else intersections.push({ line, streetA: a, streetB: b, postalCity, zip, lngLat });
      return;
    }
    const numberText = (row.house_number ?? '').trim();
    const street = (row.street ?? '').trim();
    const num = parseHouseNumber(numberText);
    if (!num) {
      reject('house_number', /^\d/.test(locStreet) ? 'odd house number' : 'no house number or intersection');
      return;
    }
    const streetKey = normalizeStreetName(street);
    if (!streetKey || !/^[A-Za-z]/.test(street)) {
      reject('street', streetKey ? 'odd street name' : 'no street name');
      return;
    }
    anchors.push({ line, source: 'address-points', numberText, ...num, street, streetKey, zip, postalCity, lngLat });
  });
  return { anchors, intersections, rejected };
}

/** House-numbered 311 needle requests ("87 Atherton St") as more anchors; default/unknown locations are skipped. */
export function needlePointAnchors(fc: FeatureCollection): AddressAnchor[] {
  const isDefault = (p: LngLat) => DEFAULT_311_LOCATIONS.some((d) => Math.abs(d.lngLat[0] - p[0]) < 5e-5 && Math.abs(d.lngLat[1] - p[1]) < 5e-5);
  const out: AddressAnchor[] = [];
  fc.features.forEach((f, i) => {
    if (f.geometry?.type !== 'Point') return;
    const props = (f.properties ?? {}) as { street?: unknown; zip?: unknown };
    const m = typeof props.street === 'string' ? LEADING_NUMBER.exec(props.street.trim()) : null;
    const num = m ? parseHouseNumber(m[1]!) : null;
    const lngLat: LngLat = [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!];
    if (!m || !num || !inBounds(lngLat) || isDefault(lngLat)) return;
    const zip = typeof props.zip === 'string' && /^\d{5}$/.test(props.zip) ? props.zip : '';
    const streetKey = normalizeStreetName(m[2]!);
    if (streetKey) out.push({ line: i + 1, source: 'needle-points', numberText: m[1]!, ...num, street: m[2]!.trim(), streetKey, zip, postalCity: '', lngLat });
  });
  return out;
}

// --- the build ---------------------------------------------------------------------------------------------------

export type HoldoutRow = {
  kind: 'address' | 'intersection';
  /** The query without locality ("22 Wolcott St", "Amory St & Dimock St"). */
  query: string;
  /** The query with postal city and ZIP ("22 Wolcott St, Dorchester, MA 02121"). */
  queryFull: string;
  neighborhood: string;
  lngLat: LngLat;
  /** Source rows behind this point. */
  rows: number;
};

export type GeocoderBuild = {
  index: GeocoderIndex;
  holdout: HoldoutRow[];
  /** Address-file rows not used, with their reasons. */
  rejected: Rejected[];
  /** Address-file rows used (house-numbered addresses and intersections, held-out ones included). */
  rowsUsed: number;
  stats: {
    streets: number;
    runs: number;
    addresses: number;
    heldOutAddresses: number;
    intersections: number;
    cityIntersections: number;
    /** Street names of the City's intersections that no OSM street near them carries. */
    unmatchedIntersectionNames: number;
    places: number;
    anchorsMerged: number;
  };
};

type StreetRow = { name: string; key: string; area: number; run: number; lines: LngLat[][]; nameCounts: Map<string, number> };

/**
 * Euclidean minimum spanning tree of points (Prim, O(n²); a street has at most a few hundred known points), as
 * [i, j] index pairs, only the edges at most `maxEdgeM` long (longer ones would join separate pieces of a street).
 */
export function spanningEdges(points: readonly LngLat[], maxEdgeM: number): [number, number][] {
  const n = points.length;
  const inTree = new Uint8Array(n);
  const bestD = new Float64Array(n).fill(Infinity);
  const bestFrom = new Int32Array(n).fill(-1);
  const edges: [number, number][] = [];
  for (let added = 0; added < n; added++) {
    let next = -1;
    for (let i = 0; i < n; i++) if (!inTree[i] && (next < 0 || bestD[i]! < bestD[next]!)) next = i;
    inTree[next] = 1;
    if (bestFrom[next]! >= 0 && bestD[next]! <= maxEdgeM) edges.push([bestFrom[next]!, next]);
    for (let i = 0; i < n; i++) {
      if (inTree[i]) continue;
      const d = distM(points[next]!, points[i]!);
      if (d < bestD[i]!) [bestD[i], bestFrom[i]] = [d, next];
    }
  }
  return edges;
}

/** Known points of a street further apart than this are not joined into one traced line. */
const TRACE_MAX_EDGE_M = 400;

/**
 * Streets without OSM lines are known only by points (the City's crossings, address points), stored as one-vertex
 * lines. Joins the points of each such name by their spanning tree, so the street becomes a line that other streets
 * can cross, and gives each connected piece one run (numbers continue along it across neighbourhood lines). Returns
 * the next free run id. Changes `rows` (the build's own working rows).
 */
function traceStreetsFromPoints(rows: StreetRow[], firstRun: number): number {
  let nextRun = firstRun;
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.run < 0) (byKey.get(r.key) ?? byKey.set(r.key, []).get(r.key)!).push(i);
  });
  for (const rowIds of byKey.values()) {
    const seen = new Map<string, number>();
    const pts: LngLat[] = [];
    const ptRow: number[] = [];
    for (const r of rowIds) {
      for (const l of rows[r]!.lines) {
        const k = `${l[0]![0]},${l[0]![1]}`;
        if (seen.has(k)) continue;
        seen.set(k, pts.length);
        pts.push(l[0]!);
        ptRow.push(r);
      }
      rows[r]!.lines = [];
    }
    const parent = pts.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const linked = new Uint8Array(pts.length);
    for (const [i, j] of spanningEdges(pts, TRACE_MAX_EDGE_M)) {
      parent[find(i)] = find(j);
      linked[i] = linked[j] = 1;
      const seg = [pts[i]!, pts[j]!];
      rows[ptRow[i]!]!.lines.push(seg);
      if (ptRow[j] !== ptRow[i]) rows[ptRow[j]!]!.lines.push(seg);
    }
    pts.forEach((p, i) => {
      if (!linked[i]) rows[ptRow[i]!]!.lines.push([p]);
    });
    // One run per connected piece; a row whose points fall in two pieces keeps the first piece's run.
    const pieceRun = new Map<number, number>();
    pts.forEach((_, i) => {
      const row = rows[ptRow[i]!]!;
      if (row.run >= 0) return;
      const piece = find(i);
      let run = pieceRun.get(piece);
      if (run === undefined) pieceRun.set(piece, (run = nextRun++));
      row.run = run;
    });
  }
  return nextRun;
}

/** Builds the decoded geocoder index and the held-out evaluation rows from parsed sources. Pure: inputs are not changed. */
export function buildGeocoderIndex(src: GeocoderSources, opts: { holdoutEvery?: number; holdoutSalt?: string } = {}): GeocoderBuild {
  const holdoutEvery = opts.holdoutEvery ?? HOLDOUT_EVERY;
  // Another salt draws another held-out sample (a second fold to check a change on), the default '' is the published one.
  const salt = opts.holdoutSalt ?? '';

  // Areas: neighbourhoods, then the neighbouring cities.
  const areaNames: string[] = [];
  const areaKinds: AreaKind[] = [];
  const areaPoints: LngLat[] = [];
  const areaPolys: { i: number; f: Feature<Polygon | MultiPolygon>; bbox: number[] }[] = [];
  for (const raw of src.neighborhoods.features) {
    // The same check as the neighbourhoods step: a feature without a name or valid polygon is skipped (that step reports it).
    const parsed = neighborhoodSourceFeatureSchema.safeParse(raw);
    if (!parsed.success) continue;
    const f = parsed.data as Feature<Polygon | MultiPolygon, { name: string }>;
    const name = f.properties.name;
    let i = areaNames.indexOf(name);
    if (i < 0) {
      i = areaNames.push(name) - 1;
      areaKinds.push('neighborhood');
      areaPoints.push(labelPoint(f));
    }
    areaPolys.push({ i, f, bbox: turfBbox(f) });
  }
  const cityArea = new Map<string, number>();
  for (const s of src.streets) {
    if (s.city === 'boston' || cityArea.has(s.city)) continue;
    const display = s.city.charAt(0).toUpperCase() + s.city.slice(1);
    const outline = src.cityBoundaries?.features.find((f) => String(f.properties?.name ?? '').toLowerCase() === s.city);
    let point: LngLat | undefined = outline?.geometry ? labelPoint(outline) : undefined;
    if (!point) {
      const pts = s.streets.features.flatMap((f) => (f.geometry?.type === 'LineString' ? [f.geometry.coordinates[0]!] : []));
      point = pts.length ? [median(pts.map((p) => p[0]!)), median(pts.map((p) => p[1]!))] : [0, 0];
    }
    cityArea.set(s.city, areaNames.push(display) - 1);
    areaKinds.push('city');
    areaPoints.push(point);
  }
  const areaOf = (p: readonly number[]): number => {
    for (const a of areaPolys) {
      const b = a.bbox;
      if (p[0]! < b[0]! || p[0]! > b[2]! || p[1]! < b[1]! || p[1]! > b[3]!) continue;
      if (booleanPointInPolygon([p[0]!, p[1]!], a.f)) return a.i;
    }
    return -1;
  };
  const nearestNeighborhood = (p: readonly number[]): number => {
    let best = -1;
    let bestD = Infinity;
    areaPoints.forEach((q, i) => {
      const d = distM(p, q);
      if (areaKinds[i] === 'neighborhood' && d < bestD) [best, bestD] = [i, d];
    });
    return best;
  };

  // Streets: ways grouped into runs (same name, connected), then rows per (run, area).
  type Way = { key: string; name: string; coords: LngLat[]; area: number };
  const ways: Way[] = [];
  for (const s of src.streets) {
    for (const f of s.streets.features) {
      const name = typeof f.properties?.name === 'string' ? f.properties.name.trim() : '';
      if (!name || f.geometry?.type !== 'LineString' || f.geometry.coordinates.length < 2) continue;
      const coords = f.geometry.coordinates.map((p: Position) => [p[0]!, p[1]!] as LngLat);
      const key = normalizeStreetName(name);
      if (!key) continue;
      let area = cityArea.get(s.city) ?? -1;
      if (s.city === 'boston') {
        area = areaOf(coords[coords.length >> 1]!);
        for (let i = 0; area < 0 && i < coords.length; i++) area = areaOf(coords[i]!);
        if (area < 0) area = nearestNeighborhood(coords[coords.length >> 1]!);
      }
      ways.push({ key, name, coords, area });
    }
  }
  const parent = ways.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const vertexWays = new Map<string, number[]>();
  ways.forEach((w, i) => {
    for (const p of w.coords) {
      const k = `${p[0]},${p[1]}`;
      const list = vertexWays.get(k);
      if (list) list.push(i);
      else vertexWays.set(k, [i]);
    }
  });
  for (const list of vertexWays.values()) {
    for (let j = 1; j < list.length; j++) if (ways[list[j]!]!.key === ways[list[0]!]!.key) union(list[0]!, list[j]!);
    for (let j = 1; j < list.length; j++) for (let m = 0; m < j; m++) if (ways[list[j]!]!.key === ways[list[m]!]!.key) union(list[m]!, list[j]!);
  }
  // Bridge small gaps between pieces of one street.
  const byKey = new Map<string, number[]>();
  ways.forEach((w, i) => (byKey.get(w.key) ?? byKey.set(w.key, []).get(w.key)!).push(i));
  for (const list of byKey.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const wa = ways[list[a]!]!, wb = ways[list[b]!]!;
        if (find(list[a]!) === find(list[b]!)) continue;
        const ends = (w: Way) => [w.coords[0]!, w.coords[w.coords.length - 1]!];
        if (ends(wa).some((p) => ends(wb).some((q) => distM(p, q) <= RUN_GAP_M))) union(list[a]!, list[b]!);
      }
    }
  }
  const runIds = new Map<number, number>();
  const rowsByRunArea = new Map<string, number>();
  const rows: StreetRow[] = [];
  const wayRow: number[] = [];
  ways.forEach((w, i) => {
    const root = find(i);
    let run = runIds.get(root);
    if (run === undefined) runIds.set(root, (run = runIds.size));
    const rk = `${run}|${w.area}`;
    let r = rowsByRunArea.get(rk);
    if (r === undefined) {
      r = rows.push({ name: w.name, key: w.key, area: w.area, run, lines: [], nameCounts: new Map() }) - 1;
      rowsByRunArea.set(rk, r);
    }
    const row = rows[r]!;
    row.lines.push(w.coords);
    row.nameCounts.set(w.name, (row.nameCounts.get(w.name) ?? 0) + 1);
    wayRow.push(r);
  });
  const keyRows = new Map<string, number[]>();
  rows.forEach((r, i) => (keyRows.get(r.key) ?? keyRows.set(r.key, []).get(r.key)!).push(i));

  const distToRow = (p: LngLat, r: number): number => {
    let best = Infinity;
    for (const l of rows[r]!.lines) {
      if (l.length === 1) best = Math.min(best, distM(p, l[0]!));
      for (let j = 1; j < l.length; j++) best = Math.min(best, segmentDistM(p, l[j - 1]!, l[j]!));
    }
    return best;
  };
  const nearestRow = (key: string, p: LngLat, maxM: number): number => {
    let best = -1;
    let bestD = maxM;
    for (const r of keyRows.get(key) ?? []) {
      const d = distToRow(p, r);
      if (d <= bestD) [best, bestD] = [r, d];
    }
    return best;
  };

  // OSM crossings: a node shared by ways of different names.
  const osmCrossings = new Map<string, LngLat[]>();
  for (const [k, list] of vertexWays) {
    const rs = [...new Set(list.map((w) => wayRow[w]!))];
    if (rs.length < 2) continue;
    const p = k.split(',').map(Number) as LngLat;
    for (let i = 0; i < rs.length; i++) {
      for (let j = i + 1; j < rs.length; j++) {
        const [a, b] = [rs[i]!, rs[j]!];
        if (rows[a]!.key === rows[b]!.key) continue;
        const pk = a < b ? `${a}|${b}` : `${b}|${a}`;
        (osmCrossings.get(pk) ?? osmCrossings.set(pk, []).get(pk)!).push(p);
      }
    }
  }

  // Address anchors: de-duplicated per "number street" and place; the held-out sample set aside.
  const parsedCsv = src.addressCsv ? parseAddressPointsCsv(src.addressCsv) : { anchors: [], intersections: [], rejected: [] };
  const anchors = [...parsedCsv.anchors, ...(src.needlePoints ? needlePointAnchors(src.needlePoints) : [])];
  const byAddress = new Map<string, AddressAnchor[]>();
  for (const a of anchors) {
    const k = `${a.numberText.toLowerCase()}|${a.streetKey}`;
    (byAddress.get(k) ?? byAddress.set(k, []).get(k)!).push(a);
  }
  const holdout: HoldoutRow[] = [];
  const zips: string[] = [];
  const cities: string[] = [];
  const zipIndex = (z: string) => (z ? (zips.includes(z) ? zips.indexOf(z) : zips.push(z) - 1) : -1);
  const cityIndex = (c: string) => (c ? (cities.includes(c) ? cities.indexOf(c) : cities.push(c) - 1) : -1);
  type Point = { row: number; number: number; numberTo: number; zip: number; city: number; area: number; lngLat: LngLat };
  const points: Point[] = [];
  const addressOnlyRows = new Map<string, number>();
  let anchorsMerged = 0;
  let heldOutAddresses = 0;
  for (const [key, list] of byAddress) {
    const places = clusterBy(list, (a) => a.lngLat, SAME_PLACE_M);
    for (const group of places) {
      const lngLat: LngLat = [median(group.map((a) => a.lngLat[0])), median(group.map((a) => a.lngLat[1]))];
      const zip = mostCommon(group.map((a) => a.zip));
      const city = mostCommon(group.map((a) => a.postalCity));
      const first = group[0]!;
      const area = areaOf(lngLat);
      if (isHeldOut(salt + key, holdoutEvery)) {
        const fromCsv = group.filter((a) => a.source === 'address-points');
        if (fromCsv.length > 0 && zip && city) {
          const query = `${first.numberText} ${mostCommon(fromCsv.map((a) => a.street))}`;
          holdout.push({ kind: 'address', query, queryFull: `${query}, ${city}, MA ${zip}`, neighborhood: area >= 0 ? areaNames[area]! : '', lngLat, rows: group.length });
          heldOutAddresses++;
        }
        continue;
      }
      anchorsMerged += group.length - 1;
      let row = nearestRow(first.streetKey, lngLat, MAX_ADDRESS_TO_STREET_M);
      // A unit letter written before the street ("12 G E Fifth St"): the street is the rest, when it is known there.
      const unitPrefix = /^[a-z] (\S+ \S+.*)$/.exec(first.streetKey);
      if (row < 0 && unitPrefix) row = nearestRow(unitPrefix[1]!, lngLat, MAX_ADDRESS_TO_STREET_M);
      if (row < 0) {
        const rowArea = area >= 0 ? area : nearestNeighborhood(lngLat);
        const rk = `${first.streetKey}|${rowArea}`;
        row = addressOnlyRows.get(rk) ?? -1;
        if (row < 0) {
          row = rows.push({ name: mostCommon(group.map((a) => a.street)), key: first.streetKey, area: rowArea, run: -1, lines: [], nameCounts: new Map() }) - 1;
          addressOnlyRows.set(rk, row);
          (keyRows.get(first.streetKey) ?? keyRows.set(first.streetKey, []).get(first.streetKey)!).push(row);
        }
      }
      // A street missing from OSM is known by its address points (one-vertex lines), so it can still meet other streets.
      if (rows[row]!.run < 0) rows[row]!.lines.push([lngLat]);
      points.push({ row, number: first.number, numberTo: first.numberTo, zip: zipIndex(zip), city: cityIndex(city), area: area >= 0 ? area : rows[row]!.area, lngLat });
    }
  }

  // The City's intersections (by street pair and place); the held-out pairs set aside.
  const cityInts = new Map<string, CityIntersection[]>();
  for (const x of parsedCsv.intersections) {
    const [ka, kb] = [normalizeStreetName(x.streetA), normalizeStreetName(x.streetB)];
    if (!ka || !kb || ka === kb) continue;
    const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
    (cityInts.get(k) ?? cityInts.set(k, []).get(k)!).push(x);
  }
  const intersectionList: { a: number; b: number; source: 0 | 1; lngLat: LngLat }[] = [];
  let unmatchedNames = 0;
  for (const [k, list] of cityInts) {
    for (const group of clusterBy(list, (x) => x.lngLat, SAME_PLACE_M)) {
      const lngLat: LngLat = [median(group.map((x) => x.lngLat[0])), median(group.map((x) => x.lngLat[1]))];
      const first = group[0]!;
      if (isHeldOut(salt + k, holdoutEvery)) {
        const city = mostCommon(group.map((x) => x.postalCity));
        const zip = mostCommon(group.map((x) => x.zip));
        const query = `${first.streetA} & ${first.streetB}`;
        const area = areaOf(lngLat);
        const full = `${query}${city ? `, ${city}` : ''}, MA${zip ? ` ${zip}` : ''}`;
        holdout.push({ kind: 'intersection', query, queryFull: full, neighborhood: area >= 0 ? areaNames[area]! : '', lngLat, rows: group.length });
        continue;
      }
      // A name not on any OSM street near the point (a bridge, an archway, a public alley) gets a street of its own,
      // known by its crossings, so "that name & another street" can still be found near them.
      const rowFor = (name: string): number => {
        const key = normalizeStreetName(name);
        const found = nearestRow(key, lngLat, MAX_ADDRESS_TO_STREET_M);
        if (found >= 0) return found;
        unmatchedNames++;
        const rowArea = areaOf(lngLat) >= 0 ? areaOf(lngLat) : nearestNeighborhood(lngLat);
        const rk = `${key}|${rowArea}`;
        let row = addressOnlyRows.get(rk) ?? -1;
        if (row < 0) {
          row = rows.push({ name, key, area: rowArea, run: -1, lines: [], nameCounts: new Map() }) - 1;
          addressOnlyRows.set(rk, row);
          (keyRows.get(key) ?? keyRows.set(key, []).get(key)!).push(row);
        }
        if (rows[row]!.run < 0) rows[row]!.lines.push([lngLat]);
        return row;
      };
      const a = rowFor(first.streetA);
      const b = rowFor(first.streetB);
      intersectionList.push({ a, b, source: 1, lngLat });
    }
  }
  const cityIntersections = intersectionList.length;
  // Streets known only from address points or the City's crossings (parkways and highways the OSM extract leaves out,
  // public alleys): traced through their points, one run per traced piece.
  let nextRun = traceStreetsFromPoints(rows, runIds.size);
  for (const r of rows) if (r.run < 0) r.run = nextRun++;
  for (const [pk, pts] of osmCrossings) {
    const [a, b] = pk.split('|').map(Number) as [number, number];
    for (const group of clusterBy(pts, (p) => p, OSM_CROSSING_CLUSTER_M)) {
      intersectionList.push({ a, b, source: 0, lngLat: [group.reduce((s, p) => s + p[0], 0) / group.length, group.reduce((s, p) => s + p[1], 0) / group.length] });
    }
  }

  // Places: named open spaces, one per name and place (parts of a large park are one place).
  type Place = { name: string; alias: string; kind: PlaceKind; lngLat: LngLat; size: number };
  const placeList: Place[] = [];
  const kindOf = (type: string, name: string): PlaceKind => {
    if (/playground|tot lot/i.test(name)) return 'playground';
    if (/^Parks/.test(type)) return 'park';
    if (/^Malls, Squares/.test(type)) return 'square';
    if (/^Urban Wilds/.test(type)) return 'urban-wild';
    if (/^Community Gardens/.test(type)) return 'garden';
    if (/^Parkways/.test(type)) return 'parkway';
    if (/^Cemeteries/.test(type)) return 'cemetery';
    return 'other';
  };
  const placeGroups = new Map<string, Place[]>();
  for (const f of src.openSpace?.features ?? []) {
    const name = String(f.properties?.SITE_NAME ?? '').trim();
    if (!name || name === 'NULL' || !f.geometry) continue;
    const altRaw = String(f.properties?.ALT_NAME ?? '').trim();
    const alias = altRaw && altRaw !== 'NULL' && altRaw !== name ? altRaw : '';
    const feature = f as Feature<Polygon | MultiPolygon>;
    const p: Place = { name, alias, kind: kindOf(String(f.properties?.TypeLong ?? ''), name), lngLat: labelPoint(feature), size: turfArea(feature) };
    const k = normalizeStreetName(name);
    (placeGroups.get(k) ?? placeGroups.set(k, []).get(k)!).push(p);
  }
  for (const list of placeGroups.values()) {
    for (const group of clusterBy(list, (p) => p.lngLat, 1500)) {
      const biggest = group.reduce((x, y) => (y.size > x.size ? y : x));
      placeList.push({ ...biggest, alias: biggest.alias || group.find((p) => p.alias)?.alias || '' });
    }
  }

  // Assemble the columns: streets with their chains, addresses sorted by street then number.
  const index: GeocoderIndex = {
    areas: { name: areaNames, kind: areaKinds, lngLat: areaPoints.flat() },
    zips,
    postalCities: cities,
    streets: { name: [], area: [], run: [], lngLat: [], chainStart: [] },
    chains: { vertexStart: [0], lngLat: [] },
    addresses: { street: [], number: [], numberTo: [], zip: [], city: [], area: [], lngLat: [] },
    intersections: { a: [], b: [], source: [], area: [], lngLat: [] },
    places: { name: [], alias: [], kind: [], area: [], lngLat: [] },
  };
  const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
  const pointsByRow = new Map<number, Point[]>();
  for (const p of points) (pointsByRow.get(p.row) ?? pointsByRow.set(p.row, []).get(p.row)!).push(p);
  rows.forEach((r, ri) => {
    const name = r.nameCounts.size > 0 ? [...r.nameCounts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0] : r.name;
    const chainsOfRow = mergeLines(r.lines).map((l) => simplify(l, SIMPLIFY_M));
    const longest = chainsOfRow.reduce<LngLat[] | null>((x, y) => (!x || lineLengthM(y) > lineLengthM(x) ? y : x), null);
    const own = pointsByRow.get(ri) ?? [];
    const rep: LngLat = longest && lineLengthM(longest) > 0 ? pointAtHalf(longest) : own.length ? [median(own.map((p) => p.lngLat[0])), median(own.map((p) => p.lngLat[1]))] : longest ? longest[0]! : [0, 0];
    index.streets.name.push(name);
    index.streets.area.push(r.area);
    index.streets.run.push(r.run);
    index.streets.lngLat.push(round6(rep[0]), round6(rep[1]));
    index.streets.chainStart.push(index.chains.vertexStart.length - 1);
    for (const c of chainsOfRow) {
      for (const p of c) index.chains.lngLat.push(p[0], p[1]);
      index.chains.vertexStart.push(index.chains.lngLat.length / 2);
    }
  });
  index.streets.chainStart.push(index.chains.vertexStart.length - 1);
  points.sort((x, y) => x.row - y.row || x.number - y.number || x.numberTo - y.numberTo || x.lngLat[0] - y.lngLat[0]);
  for (const p of points) {
    index.addresses.street.push(p.row);
    index.addresses.number.push(p.number);
    index.addresses.numberTo.push(p.numberTo);
    index.addresses.zip.push(p.zip);
    index.addresses.city.push(p.city);
    index.addresses.area.push(p.area);
    index.addresses.lngLat.push(round6(p.lngLat[0]), round6(p.lngLat[1]));
  }
  for (const x of intersectionList) {
    const area = areaOf(x.lngLat);
    index.intersections.a.push(x.a);
    index.intersections.b.push(x.b);
    index.intersections.source.push(x.source);
    index.intersections.area.push(area >= 0 ? area : rows[x.a]!.area);
    index.intersections.lngLat.push(round6(x.lngLat[0]), round6(x.lngLat[1]));
  }
  for (const p of placeList) {
    const area = areaOf(p.lngLat);
    index.places.name.push(p.name);
    index.places.alias.push(p.alias);
    index.places.kind.push(p.kind);
    index.places.area.push(area >= 0 ? area : nearestNeighborhood(p.lngLat));
    index.places.lngLat.push(round6(p.lngLat[0]), round6(p.lngLat[1]));
  }

  holdout.sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : x.query < y.query ? -1 : x.query > y.query ? 1 : 0));
  return {
    index,
    holdout,
    rejected: parsedCsv.rejected,
    rowsUsed: parsedCsv.anchors.length + parsedCsv.intersections.length,
    stats: {
      streets: rows.length,
      runs: nextRun,
      addresses: points.length,
      heldOutAddresses,
      intersections: intersectionList.length,
      cityIntersections,
      unmatchedIntersectionNames: unmatchedNames,
      places: placeList.length,
      anchorsMerged,
    },
  };
}

/** The holdout rows as CSV: kind, query, query_full, neighborhood, lng, lat, rows. */
export function holdoutToCsv(rows: readonly HoldoutRow[]): string {
  return `${Papa.unparse({
    fields: ['kind', 'query', 'query_full', 'neighborhood', 'lng', 'lat', 'rows'],
    data: rows.map((r) => [r.kind, r.query, r.queryFull, r.neighborhood, r.lngLat[0], r.lngLat[1], r.rows]),
  }, { newline: '\n' })}\n`;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as T) : undefined;
}

async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * Pipeline step: reads the shared data, writes data/geocoder-index.json, reports/geocoder-holdout.csv and a report of
 * rejected address rows. Missing optional sources (streets, addresses, open space) are noted and built without.
 */
/**
 * Reads the geocoder's sources from the shared data directory; missing optional ones (streets of a city, address
 * points, open space) are noted through `log` and left out.
 */
export async function readGeocoderSources(sourceDir: string, log: (line: string) => void = () => {}): Promise<GeocoderSources> {
  const neighborhoods = await readJson<GeocoderSources['neighborhoods']>(path.join(sourceDir, 'boston', 'neighborhoods.geojson'));
  if (!neighborhoods) throw new Error(`${path.join(sourceDir, 'boston', 'neighborhoods.geojson')} is missing`);
  const streets: StreetSource[] = [];
  for (const city of ['boston', ...NEIGHBOUR_CITIES]) {
    const fc = await readJson<StreetSource['streets']>(path.join(sourceDir, 'basemap', `streets-${city}.geojson`));
    if (fc) streets.push({ city, streets: fc });
    else log(`note: geocoder: no basemap/streets-${city}.geojson, built without ${city}'s streets`);
  }
  const addressFile = path.join(sourceDir, ADDRESS_FILE);
  const addressCsv = existsSync(addressFile) ? gunzipSync(await readFile(addressFile)).toString('utf8') : undefined;
  if (!addressCsv) log(`note: geocoder: no ${ADDRESS_FILE}, built without address points (streets only, no interpolation)`);
  const openSpace = await readJson<GeocoderSources['openSpace']>(path.join(sourceDir, 'boston', 'open-space.geojson'));
  if (!openSpace) log('note: geocoder: no boston/open-space.geojson, built without parks and squares');
  const needleDir = path.join(sourceDir, 'boston');
  const needleFiles = existsSync(needleDir) ? (await readdir(needleDir)).filter((f) => /^needle-requests-points-.*\.geojson$/.test(f)).sort() : [];
  const needleFeatures: FeatureCollection['features'] = [];
  for (const f of needleFiles) needleFeatures.push(...((await readJson<FeatureCollection>(path.join(needleDir, f)))?.features ?? []));
  return {
    neighborhoods,
    cityBoundaries: await readJson(path.join(sourceDir, 'basemap', 'city-boundaries.geojson')),
    streets,
    openSpace,
    addressCsv,
    needlePoints: { type: 'FeatureCollection', features: needleFeatures },
  };
}

export async function buildGeocoder(opts: { sourceDir: string; outDir: string; log?: (line: string) => void }): Promise<DatasetSummary[]> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const { sourceDir, outDir } = opts;
  const build = buildGeocoderIndex(await readGeocoderSources(sourceDir, log));
  const { rejected } = build;

  const out = DATA_FILES.geocoderIndex.replace(/^data\//, '');
  const json = JSON.stringify(encodeGeocoderIndex(build.index));
  await writeAtomic(path.join(outDir, out), json);
  await writeAtomic(path.join(outDir, HOLDOUT_FILE), holdoutToCsv(build.holdout));
  const rejectedRel = 'reports/geocoder-address-points-rejected.csv';
  if (rejected.length > 0) {
    const csv = Papa.unparse({ fields: ['line', 'field', 'reason', 'raw'], data: rejected.map((r) => [r.line, r.field, r.reason, r.raw]) }, { newline: '\n' });
    await writeAtomic(path.join(outDir, rejectedRel), `${csv}\n`);
  }
  const s = build.stats;
  const gz = gzipSync(json, { level: 9 }).length;
  log(
    `geocoder: ${s.streets} streets (${s.runs} runs), ${s.addresses} address points (${s.anchorsMerged} duplicates merged, ` +
      `${s.heldOutAddresses} held out), ${s.intersections} intersections (${s.cityIntersections} from the City, ` +
      `${s.unmatchedIntersectionNames} of their street names not on OSM streets), ${s.places} places; ${out} ${(json.length / 1024).toFixed(0)} KB, ` +
      `${(gz / 1024).toFixed(0)} KB gzipped; holdout ${build.holdout.length} rows in ${HOLDOUT_FILE}`,
  );
  const byReason: Record<string, number> = {};
  for (const r of rejected) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
  const kept = build.rowsUsed;
  const ll = build.index.addresses.lngLat;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ll.length; i += 2) {
    bbox[0] = Math.min(bbox[0], ll[i]!);
    bbox[1] = Math.min(bbox[1], ll[i + 1]!);
    bbox[2] = Math.max(bbox[2], ll[i]!);
    bbox[3] = Math.max(bbox[3], ll[i + 1]!);
  }
  return [
    {
      dataset: 'geocoder (address points)',
      outputs: [out, HOLDOUT_FILE],
      rowsRead: kept + rejected.length,
      rowsKept: kept,
      rejectedByReason: byReason,
      ...(ll.length ? { bbox } : {}),
      ...(rejected.length > 0 ? { rejectedFile: rejectedRel } : {}),
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [sourceDir = path.resolve('..', 'shared', 'data'), outDir = path.resolve('public', 'data')] = process.argv.slice(2);
  buildGeocoder({ sourceDir, outDir }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
