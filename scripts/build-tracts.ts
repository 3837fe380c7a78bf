// Builds public/data/tracts.geojson: Boston's census tracts with estimated residents, validated, rounded and simplified.
//
// Source: boston/census-tracts-2010.geojson (see the shared MANIFEST.md). population_est is a derived estimate
// (Pop_Density × Tract_Acres, ACS about 2015): shown as "estimated residents (ACS, about 2015)", never as a count.
// Run alone: npx tsx scripts/build-tracts.ts [sourceDir] [outDir]   (called by scripts/build-data.ts)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bbox as turfBbox, booleanClockwise } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';
import { DATA_FILES } from '../src/config/city';
import { polygonalGeometrySchema } from '../src/domain/geometry';
import type { Rejected } from '../src/domain/rejection';
import { tractPropertiesSchema, type TractProperties } from '../src/datasets/tracts';
import { closeRing, roundPositions } from '../src/geo/round-positions';
import { positionKey, simplifyPositions } from '../src/geo/simplify';
import type { DatasetSummary } from './pipeline-report';

export const TRACTS_SOURCE_FILE = 'census-tracts-2010.geojson';
export const TRACTS_SOURCE =
  'boston/census-tracts-2010.geojson: GitHub boydnpb/park_access data/boston_tracts.geojson @ cbdf60dd233be81b40e13fd1d48c4014d0857c1a ' +
  '(US Census 2010 tracts; population_est = round(Pop_Density × Tract_Acres), ACS 5-year about 2015), reprojected to WGS84';
/** Output coordinates: 5 decimals (about 1.1 m north-south, 0.8 m east-west in Boston). */
export const TRACT_COORDINATE_DECIMALS = 5;
/** Douglas-Peucker tolerance, degrees of latitude: about 2 m, below a pixel up to zoom 16. */
export const TRACT_SIMPLIFY_TOLERANCE_DEGREES = 0.00002;

/** One feature of the source file: the attributes the app keeps, checked. */
export const tractSourceFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: polygonalGeometrySchema,
  properties: z.object({
    GEOID10: z.string().regex(/^\d{11}$/, 'GEOID10 must be 11 digits'),
    NAMELSAD10: z.string().trim().min(1, 'NAMELSAD10 is empty'),
    population_est: z
      .number({ error: 'population_est is missing or not a number' })
      .int('population_est must be a whole number')
      .nonnegative('population_est must be ≥ 0'),
  }),
});

export type TractFeature = Feature<Polygon | MultiPolygon, TractProperties>;

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * A ring (already rounded and closed) started at a pinned vertex and simplified with every pinned vertex kept;
 * `ownersOf` gives the tracts (indices, ascending) a position belongs to. Pinned: a vertex of three tracts or more, and
 * a vertex of two whose ring neighbour does not belong to both (the end of their common edge). Two tracts then
 * simplify their common edge between the same two vertices, the same way, and no gap opens between them.
 * If simplifying would leave fewer than 4 positions, the ring is only rounded.
 */
function compactRing(rounded: Position[], ownersOf: (p: Position) => readonly number[]): Position[] {
  const open = rounded.slice(0, -1);
  const n = open.length;
  const owners = open.map(ownersOf);
  const contains = (outer: readonly number[], inner: readonly number[]) => inner.every((t) => outer.includes(t));
  const pinned = owners.map((own, i) =>
    own.length >= 3 || (own.length === 2 && !(contains(owners[(i + n - 1) % n]!, own) && contains(owners[(i + 1) % n]!, own))),
  );
  const start = Math.max(0, pinned.indexOf(true));
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  const keep = new Set(rotated.filter((_, i) => pinned[(i + start) % n]));
  const simplified = simplifyPositions(closeRing(rotated), TRACT_SIMPLIFY_TOLERANCE_DEGREES, (p) => keep.has(p));
  return simplified.length >= 4 ? simplified : closeRing(rotated);
}

/** Outer rings counter-clockwise, holes clockwise (RFC 7946). */
function orient(ring: Position[], outer: boolean): Position[] {
  return booleanClockwise(ring) === outer ? [...ring].reverse() : ring;
}

/**
 * Validates the source features (bad GEOID10, empty name, missing or non-integer or negative population_est, bad
 * geometry, a GEOID10 seen before: rejected with the feature's 1-based index as `line`), then rounds and simplifies
 * the outlines keeping shared edges seamless. Output properties: { geoid, name, population }. Pure; does not mutate
 * `features`.
 */
export function buildTractFeatures(features: readonly unknown[]): { features: TractFeature[]; rejected: Rejected[]; population: number } {
  const rejected: Rejected[] = [];
  const valid: { properties: TractProperties; polygons: Position[][][] }[] = [];
  const seen = new Set<string>();
  features.forEach((f, i) => {
    const parsed = tractSourceFeatureSchema.safeParse(f);
    const raw = (JSON.stringify(f) ?? '').slice(0, 2000);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ line: i + 1, field: issue?.path.join('.') ?? '', reason: issue?.message ?? 'invalid feature', raw });
      return;
    }
    const { GEOID10: geoid, NAMELSAD10: name, population_est: population } = parsed.data.properties;
    if (seen.has(geoid)) {
      rejected.push({ line: i + 1, field: 'properties.GEOID10', reason: 'GEOID10 seen in an earlier feature', raw });
      return;
    }
    seen.add(geoid);
    const polygons = polygonsOf(parsed.data.geometry as Polygon | MultiPolygon).map((rings) =>
      rings.map((ring) => closeRing(roundPositions(ring, TRACT_COORDINATE_DECIMALS))),
    );
    valid.push({ properties: tractPropertiesSchema.parse({ geoid, name, population }), polygons });
  });

  const owners = new Map<string, number[]>();
  valid.forEach(({ polygons }, t) => {
    for (const p of polygons.flat(2)) {
      const key = positionKey(p);
      const list = owners.get(key);
      if (!list) owners.set(key, [t]);
      else if (list[list.length - 1] !== t) list.push(t);
    }
  });
  const ownersOf = (p: Position): readonly number[] => owners.get(positionKey(p)) ?? [];

  const out: TractFeature[] = [];
  let population = 0;
  for (const { properties, polygons } of valid) {
    const compact = polygons
      .map((rings) => rings.map((ring, r) => orient(compactRing(ring, ownersOf), r === 0)).filter((ring) => ring.length >= 4))
      .filter((rings) => rings.length > 0);
    const geometry: Polygon | MultiPolygon =
      compact.length === 1 && compact[0] ? { type: 'Polygon', coordinates: compact[0] } : { type: 'MultiPolygon', coordinates: compact };
    out.push({ type: 'Feature', properties, geometry });
    population += properties.population;
  }
  return { features: out, rejected, population };
}

/**
 * Reads `sourceDir/boston/census-tracts-2010.geojson`, writes `outDir/tracts.geojson` (and
 * `outDir/reports/census-tracts-rejected.json` when features were rejected, removed when none were) and returns the
 * summary, with the source and the total estimated population. Throws when the source is missing or not a
 * FeatureCollection.
 */
export async function buildTracts(opts: { sourceDir: string; outDir: string }): Promise<DatasetSummary[]> {
  const file = path.join(opts.sourceDir, 'boston', TRACTS_SOURCE_FILE);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown; features?: unknown };
  if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  const { features, rejected, population } = buildTractFeatures(json.features as unknown[]);

  const out = DATA_FILES.tracts.replace(/^data\//, '');
  const collection: FeatureCollection<Polygon | MultiPolygon, TractProperties> = { type: 'FeatureCollection', features };
  mkdirSync(opts.outDir, { recursive: true });
  writeFileSync(path.join(opts.outDir, out), `${JSON.stringify(collection)}\n`);

  const summary: DatasetSummary = {
    dataset: 'census-tracts',
    outputs: [out],
    rowsRead: json.features.length,
    rowsKept: features.length,
    rejectedByReason: {},
    source: TRACTS_SOURCE,
    totals: { population },
  };
  for (const r of rejected) summary.rejectedByReason[r.reason] = (summary.rejectedByReason[r.reason] ?? 0) + 1;
  if (features.length > 0) {
    const [west, south, east, north] = turfBbox(collection);
    summary.bbox = [west, south, east, north];
  }
  const reportFile = path.join(opts.outDir, 'reports', 'census-tracts-rejected.json');
  if (rejected.length > 0) {
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify(rejected, null, 2)}\n`);
    summary.rejectedFile = 'reports/census-tracts-rejected.json';
  } else {
    rmSync(reportFile, { force: true });
  }
  return [summary];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sourceDir = process.argv[2] ?? process.env.HRM_DATA_DIR ?? path.join(here, '..', '..', 'shared', 'data');
  const outDir = process.argv[3] ?? path.join(here, '..', 'public', 'data');
  buildTracts({ sourceDir, outDir })
    .then((summaries) => console.log(JSON.stringify(summaries, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
