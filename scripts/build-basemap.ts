// Builds the offline basemap (land, parks, streets, label points) as compact GeoJSON under public/data.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { DATA_FILES } from '../src/config/city';
import { latSchema, lngSchema } from '../src/domain/geometry';
import type { StreetClass } from '../src/domain/street';
import type { Rejected } from '../src/domain/rejection';
import type { DatasetSummary } from './pipeline-report';

/** Coordinates are written with this many decimals (1e-5 degree is about 1.1 m north-south, 0.8 m east-west here). */
const COORDINATE_DECIMALS = 5;
/** Douglas-Peucker tolerance for streets, degrees: about 1 m, below a pixel up to zoom 17. */
const SIMPLIFY_TOLERANCE_DEGREES = 0.00001;
/** For land and park outlines (fills, where a 2 m shift is invisible up to zoom 16). */
const POLYGON_SIMPLIFY_TOLERANCE_DEGREES = 0.00002;
/** Neighbourhoods smaller than this get rank 2 (their label shows only when zoomed in). */
const SMALL_NEIGHBORHOOD_KM2 = 1.5;
/** The neighbouring cities drawn as land and labelled (Boston itself is drawn from its neighbourhoods). */
const NEIGHBOR_CITIES = ['cambridge', 'somerville', 'brookline'] as const;
const STREET_FILES = ['boston', 'cambridge', 'somerville', 'brookline'].map((city) => `streets-${city}.geojson`);
const MAX_RAW_CHARS = 2000;

export type { StreetClass } from '../src/domain/street';
export type ParkClass = 'park' | 'playground' | 'plaza' | 'wild' | 'garden' | 'parkway' | 'cemetery';
export type LandKind = 'neighborhood' | 'city';

export type StreetProperties = { name: string; class: StreetClass };
export type ParkProperties = { name?: string; class: ParkClass };
export type LandProperties = { name: string; kind: LandKind };
/** `rank` 1 = large area, labelled from low zooms; 2 = small, labelled when zoomed in. */
export type LabelProperties = { name: string; kind: LandKind; rank: 1 | 2 };

// ---- input schemas (every feature is parsed; rejections are counted and reported, never dropped silently) ----

const positionSchema = z.tuple([lngSchema, latSchema], z.number());
const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema).min(2, 'a LineString needs at least 2 positions'),
});
const ringSchema = z.array(positionSchema).min(4, 'a polygon ring needs at least 4 positions');
const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1) });
const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});
const arealSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema], {
  error: 'expected a Polygon or MultiPolygon',
});

const streetSchema = z.object({
  properties: z.object({ name: z.string().trim().min(1, 'missing name'), highway: z.string() }),
  geometry: lineStringSchema,
});
const neighborhoodSchema = z.object({
  properties: z.object({ Name: z.string().trim().min(1, 'missing name') }),
  geometry: arealSchema,
});
const cityBoundarySchema = z.object({
  properties: z.object({ name: z.string().trim().min(1, 'missing name') }),
  geometry: arealSchema,
});
const openSpaceSchema = z.object({
  properties: z.object({ SITE_NAME: z.string().nullish(), TypeLong: z.string() }),
  geometry: arealSchema,
});
const featureCollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** `line` is the feature's 1-based index in its file (plus `lineOffset` when several files make one dataset). */
type Parsed<T> = { rows: { line: number; row: T }[]; rejected: Rejected[] };

function parseFeatures<T>(features: unknown[], schema: z.ZodType<T>, lineOffset = 0): Parsed<T> {
  const rows: { line: number; row: T }[] = [];
  const rejected: Rejected[] = [];
  features.forEach((feature, index) => {
    const line = index + 1 + lineOffset;
    const result = schema.safeParse(feature);
    if (result.success) rows.push({ line, row: result.data });
    else rejected.push(rejection(line, result.error.issues[0], feature));
  });
  return { rows, rejected };
}

function rejection(line: number, issue: z.core.$ZodIssue | undefined, raw: unknown): Rejected {
  const field = issue ? issue.path.map(String).join('.') : '';
  return { line, field, reason: issue?.message ?? 'invalid feature', raw: JSON.stringify(raw).slice(0, MAX_RAW_CHARS) };
}

async function readFeatureCollection(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  const parsed = featureCollectionSchema.safeParse(JSON.parse(text.replace(/^\uFEFF/, '')));
  if (!parsed.success) throw new Error(`${file}: not a GeoJSON FeatureCollection (${parsed.error.issues[0]?.message})`);
  return parsed.data.features;
}

// ---- classification ----

/** OSM `highway` value to the basemap's street class; undefined for values the basemap does not draw. */
export function streetClass(highway: string): StreetClass | undefined {
  switch (highway) {
    case 'motorway': case 'motorway_link': case 'trunk': case 'trunk_link': case 'primary': case 'primary_link':
      return 'primary';
    case 'secondary': case 'secondary_link':
      return 'secondary';
    case 'tertiary': case 'tertiary_link':
      return 'tertiary';
    case 'residential': case 'unclassified': case 'living_street': case 'road':
      return 'minor';
    default:
      return undefined;
  }
}

/** Boston open-space `TypeLong` (plus the site name, for playgrounds) to the basemap's park class. */
export function parkClass(typeLong: string, siteName: string): ParkClass | undefined {
  const type = typeLong.toLowerCase();
  if (type.startsWith('parks, playgrounds')) return /playground|tot lot|play ?lot|play area/i.test(siteName) ? 'playground' : 'park';
  if (type.startsWith('malls, squares')) return 'plaza';
  if (type.startsWith('urban wilds')) return 'wild';
  if (type.startsWith('community garden')) return 'garden';
  if (type.startsWith('parkways')) return 'parkway';
  if (type.startsWith('cemeter')) return 'cemetery';
  return undefined;
}

function titleCase(name: string): string {
  return name.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

// ---- geometry helpers (pure, never mutate their input) ----

const SCALE = 10 ** COORDINATE_DECIMALS;
const round = (value: number): number => Math.round(value * SCALE) / SCALE;

/** Rounds to COORDINATE_DECIMALS, drops elevation and repeated positions. */
export function roundLine(coordinates: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const position of coordinates) {
    const lng = round(position[0] ?? NaN);
    const lat = round(position[1] ?? NaN);
    const last = out[out.length - 1];
    if (!last || last[0] !== lng || last[1] !== lat) out.push([lng, lat]);
  }
  return out;
}

/**
 * Douglas-Peucker simplification (planar, longitude scaled by cos(latitude)); keeps both ends, so a closed ring
 * stays closed, and every position `mustKeep` names. Returns a new array.
 */
export function simplifyPositions(
  coordinates: readonly Position[],
  toleranceDegrees = SIMPLIFY_TOLERANCE_DEGREES,
  mustKeep: (position: Position) => boolean = () => false,
): Position[] {
  if (coordinates.length < 3) return coordinates.slice();
  const kx = Math.cos(((coordinates[0]?.[1] ?? 0) * Math.PI) / 180);
  const keep = new Uint8Array(coordinates.length);
  const stack: [number, number][] = [];
  let previous = 0;
  keep[0] = 1;
  for (let i = 1; i < coordinates.length; i++) {
    const position = coordinates[i];
    if (i === coordinates.length - 1 || (position && mustKeep(position))) {
      keep[i] = 1;
      if (i - previous > 1) stack.push([previous, i]);
      previous = i;
    }
  }
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    const [ax = 0, ay = 0] = coordinates[first] ?? [];
    const [bx = 0, by = 0] = coordinates[last] ?? [];
    let farthest = -1;
    let maxDistance = toleranceDegrees;
    for (let i = first + 1; i < last; i++) {
      const [px = 0, py = 0] = coordinates[i] ?? [];
      const distance = segmentDistance((px - ax) * kx, py - ay, (bx - ax) * kx, by - ay);
      if (distance > maxDistance) { farthest = i; maxDistance = distance; }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return coordinates.filter((_, i) => keep[i] === 1);
}

/**
 * Rounded, simplified polygon rings; collapsed holes are dropped, a polygon whose outer ring collapses is dropped.
 * Positions `mustKeep` names are kept (see sharedPositions).
 */
function compactPolygons(polygons: readonly Position[][][], mustKeep?: (position: Position) => boolean): Position[][][] {
  const out: Position[][][] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings.map((ring) => compactRing(ring, mustKeep));
    if (!outer || outer.length < 4) continue;
    out.push([outer, ...holes.filter((ring) => ring.length >= 4)]);
  }
  return out;
}

/** A ring rounded and simplified; if simplifying would collapse it below 4 positions, only rounded. */
function compactRing(ring: readonly Position[], mustKeep?: (position: Position) => boolean): Position[] {
  const rounded = closeRing(roundLine(ring));
  const simplified = simplifyPositions(rounded, POLYGON_SIMPLIFY_TOLERANCE_DEGREES, mustKeep);
  return simplified.length >= 4 ? simplified : rounded;
}

/** Makes sure a ring ends where it starts (rounding can split a closing vertex from the first one). */
function closeRing(ring: readonly Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const open = first && last && (first[0] !== last[0] || first[1] !== last[1]);
  return open ? [...ring, [first[0] ?? 0, first[1] ?? 0]] : ring.slice();
}

const positionKey = (position: Position): string => `${position[0]},${position[1]}`;

/** Rounded positions that belong to more than one of the given areas (their common edges). */
export function sharedPositions(areas: readonly (readonly Position[][][])[]): Set<string> {
  const owner = new Map<string, number>();
  const shared = new Set<string>();
  areas.forEach((polygons, areaIndex) => {
    for (const position of polygons.flat(2)) {
      const key = positionKey(roundLine([position])[0] ?? []);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, areaIndex);
      else if (first !== areaIndex) shared.add(key);
    }
  });
  return shared;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function toAreal(polygons: Position[][][]): Polygon | MultiPolygon {
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Planar area of a ring in square kilometres (equirectangular around its latitude; fine at city scale). */
function ringAreaKm2(ring: readonly Position[]): number {
  const lat0 = ((ring[0]?.[1] ?? 0) * Math.PI) / 180;
  const kx = 111.32 * Math.cos(lat0);
  const ky = 110.57;
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (!a || !b) continue;
    sum += ((b[0] ?? 0) * kx) * ((a[1] ?? 0) * ky) - ((a[0] ?? 0) * kx) * ((b[1] ?? 0) * ky);
  }
  return Math.abs(sum) / 2;
}

function polygonAreaKm2(rings: readonly Position[][]): number {
  return rings.reduce((total, ring, index) => total + (index === 0 ? 1 : -1) * ringAreaKm2(ring), 0);
}

/**
 * A label point well inside a polygon: the grid point farthest from every edge (an approximate pole of
 * inaccessibility), refined on finer grids around the best one. Planar, in a local equirectangular frame.
 * Always inside the polygon (falls back to the first vertex only for degenerate slivers).
 */
export function labelPoint(rings: readonly Position[][]): [lng: number, lat: number] {
  const outer = rings[0] ?? [];
  const kx = Math.cos((((outer[0]?.[1] ?? 0) * Math.PI) / 180));
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng = 0, lat = 0] of outer) {
    west = Math.min(west, lng); east = Math.max(east, lng);
    south = Math.min(south, lat); north = Math.max(north, lat);
  }
  let best: { lng: number; lat: number; distance: number } | undefined;
  let cx = (west + east) / 2;
  let cy = (south + north) / 2;
  let halfW = (east - west) / 2;
  let halfH = (north - south) / 2;
  const steps = 24;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const lng = cx - halfW + (2 * halfW * i) / steps;
        const lat = cy - halfH + (2 * halfH * j) / steps;
        if (!insideRings(lng, lat, rings)) continue;
        const distance = distanceToRings(lng, lat, rings, kx);
        if (!best || distance > best.distance) best = { lng, lat, distance };
      }
    }
    if (!best) break;
    cx = best.lng; cy = best.lat; halfW /= 4; halfH /= 4;
  }
  return best ? [round(best.lng), round(best.lat)] : [outer[0]?.[0] ?? 0, outer[0]?.[1] ?? 0];
}

function insideRings(x: number, y: number, rings: readonly Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceToRings(x: number, y: number, rings: readonly Position[][], kx: number): number {
  let min = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax = 0, ay = 0] = ring[j] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      min = Math.min(min, segmentDistance((x - ax) * kx, y - ay, (bx - ax) * kx, by - ay));
    }
  }
  return min;
}

/** Distance from point (px, py) to the segment from the origin to (dx, dy). */
function segmentDistance(px: number, py: number, dx: number, dy: number): number {
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
  return Math.hypot(px - t * dx, py - t * dy);
}

/**
 * Joins lines that share an end vertex into longer lines (OSM splits a street into many ways; one long line
 * gives MapLibre room to place its name and makes the file smaller). Lines are only joined within one key.
 */
export function mergeLines(lines: readonly Position[][]): Position[][] {
  const key = (p: Position): string => `${p[0]},${p[1]}`;
  const byEnd = new Map<string, number[]>();
  lines.forEach((line, index) => {
    for (const end of [line[0], line[line.length - 1]]) {
      if (!end) continue;
      const list = byEnd.get(key(end)) ?? [];
      list.push(index);
      byEnd.set(key(end), list);
    }
  });
  const used = new Array<boolean>(lines.length).fill(false);
  const takeAt = (end: Position): Position[] | undefined => {
    for (const index of byEnd.get(key(end)) ?? []) {
      const line = lines[index];
      if (used[index] || !line) continue;
      used[index] = true;
      const first = line[0];
      return first && key(first) === key(end) ? line.slice() : line.slice().reverse();
    }
    return undefined;
  };
  const merged: Position[][] = [];
  lines.forEach((line, index) => {
    if (used[index]) return;
    used[index] = true;
    let chain = line.slice();
    for (let next = takeAt(chain[chain.length - 1] ?? []); next; next = takeAt(chain[chain.length - 1] ?? [])) {
      chain = chain.concat(next.slice(1));
    }
    for (let previous = takeAt(chain[0] ?? []); previous; previous = takeAt(chain[0] ?? [])) {
      chain = previous.slice().reverse().slice(0, -1).concat(chain);
    }
    merged.push(chain);
  });
  return merged;
}

// ---- bookkeeping ----

type Bbox = [west: number, south: number, east: number, north: number];

function extendBbox(bbox: Bbox | undefined, positions: Iterable<Position>): Bbox | undefined {
  let box = bbox;
  for (const [lng = NaN, lat = NaN] of positions) {
    box = box ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)] : [lng, lat, lng, lat];
  }
  return box;
}

function countReasons(rejected: readonly Rejected[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rejected) {
    const reason = row.field ? `${row.field}: ${row.reason}` : row.reason;
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}

const outputName = (file: string): string => path.posix.basename(file);

async function writeOutputs(
  outDir: string,
  dataset: string,
  file: string,
  collection: FeatureCollection,
  rowsRead: number,
  rejected: Rejected[],
  bbox: Bbox | undefined,
): Promise<DatasetSummary> {
  const name = outputName(file);
  await writeFile(path.join(outDir, name), JSON.stringify(collection));
  const summary: DatasetSummary = {
    dataset,
    outputs: [name],
    rowsRead,
    rowsKept: collection.features.length,
    rejectedByReason: countReasons(rejected),
  };
  if (bbox) summary.bbox = bbox.map(round) as Bbox;
  if (rejected.length > 0) {
    const rejectedFile = `reports/${dataset}-rejected.json`;
    await mkdir(path.join(outDir, 'reports'), { recursive: true });
    await writeFile(path.join(outDir, rejectedFile), JSON.stringify(rejected, null, 1));
    summary.rejectedFile = rejectedFile;
  }
  return summary;
}

// ---- the four outputs ----

type Areal = { name: string; kind: LandKind; polygons: Position[][][] };

async function readLand(sourceDir: string): Promise<{ areas: Areal[]; rowsRead: number; rejected: Rejected[] }> {
  const neighborhoodsRaw = await readFeatureCollection(path.join(sourceDir, 'boston', 'neighborhoods.geojson'));
  const citiesRaw = await readFeatureCollection(path.join(sourceDir, 'basemap', 'city-boundaries.geojson'));
  const neighborhoods = parseFeatures(neighborhoodsRaw, neighborhoodSchema);
  // The Boston outline is not land here: its neighbourhoods are drawn instead, their edges follow the shore.
  const cityRows = citiesRaw.filter((feature) => {
    const name = (feature as { properties?: { name?: unknown } }).properties?.name;
    return typeof name !== 'string' || (NEIGHBOR_CITIES as readonly string[]).includes(name.trim().toLowerCase());
  });
  const cities = parseFeatures(cityRows, cityBoundarySchema, neighborhoodsRaw.length);
  const areas: Areal[] = [
    ...cities.rows.map(({ row }) => ({ name: titleCase(row.properties.name.trim()), kind: 'city' as const, polygons: polygonsOf(row.geometry) })),
    ...neighborhoods.rows.map(({ row }) => ({ name: row.properties.Name.trim(), kind: 'neighborhood' as const, polygons: polygonsOf(row.geometry) })),
  ];
  return { areas, rowsRead: neighborhoodsRaw.length + cityRows.length, rejected: [...neighborhoods.rejected, ...cities.rejected] };
}

function buildLand(areas: readonly Areal[], rejected: Rejected[]): { collection: FeatureCollection<Polygon | MultiPolygon, LandProperties>; bbox?: Bbox } {
  const features: Feature<Polygon | MultiPolygon, LandProperties>[] = [];
  let bbox: Bbox | undefined;
  // Neighbourhoods share their edges vertex for vertex: keep those vertices, simplify only the shores, so no
  // hairline slivers of water open between two neighbourhoods.
  const shared = sharedPositions(areas.filter((area) => area.kind === 'neighborhood').map((area) => area.polygons));
  const mustKeep = (position: Position): boolean => shared.has(positionKey(position));
  areas.forEach((area, index) => {
    const polygons = compactPolygons(area.polygons, mustKeep);
    if (polygons.length === 0) {
      rejected.push({ line: index + 1, field: 'geometry', reason: 'collapsed when simplified', raw: area.name });
      return;
    }
    for (const polygon of polygons) bbox = extendBbox(bbox, polygon[0] ?? []);
    features.push({ type: 'Feature', properties: { name: area.name, kind: area.kind }, geometry: toAreal(polygons) });
  });
  return { collection: { type: 'FeatureCollection', features }, bbox };
}

function buildLabels(areas: readonly Areal[]): FeatureCollection<Point, LabelProperties> {
  const features = areas.map((area): Feature<Point, LabelProperties> => {
    let largest: Position[][] = [];
    let largestArea = -1;
    let totalKm2 = 0;
    for (const polygon of area.polygons) {
      const km2 = polygonAreaKm2(polygon);
      totalKm2 += km2;
      if (km2 > largestArea) { largest = polygon; largestArea = km2; }
    }
    const rank = area.kind === 'neighborhood' && totalKm2 < SMALL_NEIGHBORHOOD_KM2 ? 2 : 1;
    return {
      type: 'Feature',
      properties: { name: area.name, kind: area.kind, rank },
      geometry: { type: 'Point', coordinates: labelPoint(largest) },
    };
  });
  return { type: 'FeatureCollection', features };
}

async function buildParks(sourceDir: string, outDir: string): Promise<DatasetSummary> {
  const raw = await readFeatureCollection(path.join(sourceDir, 'boston', 'open-space.geojson'));
  const { rows, rejected } = parseFeatures(raw, openSpaceSchema);
  const features: Feature<Polygon | MultiPolygon, ParkProperties>[] = [];
  let bbox: Bbox | undefined;
  rows.forEach(({ line, row }) => {
    const name = (row.properties.SITE_NAME ?? '').trim();
    const parkClassValue = parkClass(row.properties.TypeLong, name);
    if (!parkClassValue) {
      rejected.push({ line, field: 'TypeLong', reason: `unknown open-space type "${row.properties.TypeLong}"`, raw: JSON.stringify(row.properties) });
      return;
    }
    const polygons = compactPolygons(polygonsOf(row.geometry));
    if (polygons.length === 0) {
      rejected.push({ line, field: 'geometry', reason: 'smaller than the map precision (about 1 m)', raw: JSON.stringify(row.properties) });
      return;
    }
    for (const polygon of polygons) bbox = extendBbox(bbox, polygon[0] ?? []);
    const properties: ParkProperties = name ? { name, class: parkClassValue } : { class: parkClassValue };
    features.push({ type: 'Feature', properties, geometry: toAreal(polygons) });
  });
  return writeOutputs(outDir, 'basemap-parks', DATA_FILES.parks, { type: 'FeatureCollection', features }, raw.length, rejected, bbox);
}

async function buildStreets(sourceDir: string, outDir: string): Promise<DatasetSummary> {
  const rejected: Rejected[] = [];
  const groups = new Map<string, { name: string; class: StreetClass; lines: Position[][] }>();
  let rowsRead = 0;
  for (const file of STREET_FILES) {
    const raw = await readFeatureCollection(path.join(sourceDir, 'basemap', file));
    const parsed = parseFeatures(raw, streetSchema, rowsRead);
    rejected.push(...parsed.rejected);
    parsed.rows.forEach(({ line, row }) => {
      const cls = streetClass(row.properties.highway);
      if (!cls) {
        rejected.push({ line, field: 'highway', reason: `not a drawn street class "${row.properties.highway}"`, raw: JSON.stringify(row.properties) });
        return;
      }
      const coordinates = roundLine(row.geometry.coordinates);
      if (coordinates.length < 2) {
        rejected.push({ line, field: 'geometry', reason: 'shorter than the map precision (about 1 m)', raw: JSON.stringify(row.properties) });
        return;
      }
      const name = row.properties.name.trim();
      const groupKey = `${cls}\u0000${name}`;
      const group = groups.get(groupKey) ?? { name, class: cls, lines: [] };
      group.lines.push(coordinates);
      groups.set(groupKey, group);
    });
    rowsRead += raw.length;
  }
  const features: Feature<LineString, StreetProperties>[] = [];
  let bbox: Bbox | undefined;
  for (const group of groups.values()) {
    for (const line of mergeLines(group.lines)) {
      const coordinates = simplifyPositions(line);
      bbox = extendBbox(bbox, coordinates);
      features.push({ type: 'Feature', properties: { name: group.name, class: group.class }, geometry: { type: 'LineString', coordinates } });
    }
  }
  const summary = await writeOutputs(outDir, 'basemap-streets', DATA_FILES.streets, { type: 'FeatureCollection', features }, rowsRead, rejected, bbox);
  // Merging ways into whole streets makes fewer, longer features than rows kept: say so rather than look like loss.
  return { ...summary, rowsKept: rowsRead - rejected.length };
}

/**
 * Builds the basemap files under `outDir` from the shared data directory (`sourceDir`, holding basemap/ and
 * boston/) and returns one summary per output file. Throws only when a source file is missing or is not a
 * GeoJSON FeatureCollection; bad features are rejected, counted and written to `outDir/reports/`.
 */
export async function buildBasemap(opts: { sourceDir: string; outDir: string }): Promise<DatasetSummary[]> {
  const { sourceDir, outDir } = opts;
  await mkdir(outDir, { recursive: true });

  const land = await readLand(sourceDir);
  const landRejected = [...land.rejected];
  const landBuilt = buildLand(land.areas, landRejected);
  const landSummary = await writeOutputs(outDir, 'basemap-land', DATA_FILES.land, landBuilt.collection, land.rowsRead, landRejected, landBuilt.bbox);

  const labels = buildLabels(land.areas);
  const labelsBbox = extendBbox(undefined, labels.features.map((feature) => feature.geometry.coordinates));
  const labelSummary = await writeOutputs(outDir, 'basemap-neighborhood-labels', DATA_FILES.neighborhoodLabels, labels, land.areas.length, [], labelsBbox);

  const parksSummary = await buildParks(sourceDir, outDir);
  const streetsSummary = await buildStreets(sourceDir, outDir);
  return [landSummary, parksSummary, streetsSummary, labelSummary];
}
