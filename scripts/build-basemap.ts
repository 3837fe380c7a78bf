// Builds the offline basemap (land, parks, streets, label points) as compact GeoJSON under public/data.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { area as geodesicAreaM2, bbox } from '@turf/turf';
import { z } from 'zod';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { DATA_FILES } from '../src/config/city';
import { latSchema, lngSchema } from '../src/domain/geometry';
import type { StreetClass } from '../src/domain/street';
import type { Rejected } from '../src/domain/rejection';
import { labelPoint } from '../src/geo/label-point';
import { mergeLines } from '../src/geo/merge-lines';
import { closeRing, roundPositions } from '../src/geo/round-positions';
import { positionKey, sharedPositions, simplifyPositions } from '../src/geo/simplify';
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

// ---- geometry (the pure parts live in src/geo; here only the basemap's precision and tolerances) ----

/** Rounds to COORDINATE_DECIMALS, drops elevation and repeated positions. */
function roundLine(coordinates: readonly Position[]): Position[] {
  return roundPositions(coordinates, COORDINATE_DECIMALS);
}

const roundPosition = (position: Position): Position => roundLine([position])[0] ?? [];

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

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function toAreal(polygons: Position[][][]): Polygon | MultiPolygon {
  return polygons.length === 1 && polygons[0]
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

// ---- bookkeeping ----

type Bbox = [west: number, south: number, east: number, north: number];

const COORDINATE_SCALE = 10 ** COORDINATE_DECIMALS;
const roundCoordinate = (value: number): number => Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE;

/** The collection's bounding box rounded like its coordinates; undefined when it has no features. */
function collectionBbox(collection: FeatureCollection): Bbox | undefined {
  if (collection.features.length === 0) return undefined;
  const [west = NaN, south = NaN, east = NaN, north = NaN] = bbox(collection);
  return [west, south, east, north].map(roundCoordinate) as Bbox;
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
  const box = collectionBbox(collection);
  if (box) summary.bbox = box;
  if (rejected.length > 0) {
    const rejectedFile = `reports/${dataset}-rejected.json`;
    await mkdir(path.join(outDir, 'reports'), { recursive: true });
    await writeFile(path.join(outDir, rejectedFile), JSON.stringify(rejected, null, 1));
    summary.rejectedFile = rejectedFile;
  }
  return summary;
}

// ---- the four outputs ----

/** One land area as read: a neighbourhood or a neighbouring city, its polygons as in the source. */
export type Areal = { name: string; kind: LandKind; polygons: Position[][][] };

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

/**
 * The land layer: every area rounded and simplified, keeping the vertices neighbourhoods share (after rounding) so
 * no sliver of water opens between two of them. Areas that collapse are added to `rejected`.
 */
export function buildLand(areas: readonly Areal[], rejected: Rejected[]): FeatureCollection<Polygon | MultiPolygon, LandProperties> {
  const features: Feature<Polygon | MultiPolygon, LandProperties>[] = [];
  // Neighbourhoods share their edges vertex for vertex: keep those vertices, simplify only the shores, so no
  // hairline slivers of water open between two neighbourhoods.
  const shared = sharedPositions(areas.filter((area) => area.kind === 'neighborhood').map((area) => area.polygons), roundPosition);
  const mustKeep = (position: Position): boolean => shared.has(positionKey(position));
  areas.forEach((area, index) => {
    const polygons = compactPolygons(area.polygons, mustKeep);
    if (polygons.length === 0) {
      rejected.push({ line: index + 1, field: 'geometry', reason: 'collapsed when simplified', raw: area.name });
      return;
    }
    features.push({ type: 'Feature', properties: { name: area.name, kind: area.kind }, geometry: toAreal(polygons) });
  });
  return { type: 'FeatureCollection', features };
}

function buildLabels(areas: readonly Areal[]): FeatureCollection<Point, LabelProperties> {
  const features = areas.map((area): Feature<Point, LabelProperties> => {
    let largest: Position[][] = [];
    let largestArea = -1;
    let totalKm2 = 0;
    for (const polygon of area.polygons) {
      const km2 = geodesicAreaM2({ type: 'Polygon', coordinates: polygon.map(closeRing) }) / 1e6;
      totalKm2 += km2;
      if (km2 > largestArea) { largest = polygon; largestArea = km2; }
    }
    const rank = area.kind === 'neighborhood' && totalKm2 < SMALL_NEIGHBORHOOD_KM2 ? 2 : 1;
    return {
      type: 'Feature',
      properties: { name: area.name, kind: area.kind, rank },
      geometry: { type: 'Point', coordinates: roundPosition(labelPoint(largest)) },
    };
  });
  return { type: 'FeatureCollection', features };
}

async function buildParks(sourceDir: string, outDir: string): Promise<DatasetSummary> {
  const raw = await readFeatureCollection(path.join(sourceDir, 'boston', 'open-space.geojson'));
  const { rows, rejected } = parseFeatures(raw, openSpaceSchema);
  const features: Feature<Polygon | MultiPolygon, ParkProperties>[] = [];
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
    const properties: ParkProperties = name ? { name, class: parkClassValue } : { class: parkClassValue };
    features.push({ type: 'Feature', properties, geometry: toAreal(polygons) });
  });
  return writeOutputs(outDir, 'basemap-parks', DATA_FILES.parks, { type: 'FeatureCollection', features }, raw.length, rejected);
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
  for (const group of groups.values()) {
    for (const line of mergeLines(group.lines)) {
      const coordinates = simplifyPositions(line, SIMPLIFY_TOLERANCE_DEGREES);
      features.push({ type: 'Feature', properties: { name: group.name, class: group.class }, geometry: { type: 'LineString', coordinates } });
    }
  }
  const summary = await writeOutputs(outDir, 'basemap-streets', DATA_FILES.streets, { type: 'FeatureCollection', features }, rowsRead, rejected);
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
  const landSummary = await writeOutputs(outDir, 'basemap-land', DATA_FILES.land, landBuilt, land.rowsRead, landRejected);

  const labels = buildLabels(land.areas);
  const labelSummary = await writeOutputs(outDir, 'basemap-neighborhood-labels', DATA_FILES.neighborhoodLabels, labels, land.areas.length, []);

  const parksSummary = await buildParks(sourceDir, outDir);
  const streetsSummary = await buildStreets(sourceDir, outDir);
  return [landSummary, parksSummary, streetsSummary, labelSummary];
}
