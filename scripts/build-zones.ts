// Builds the default outreach zones (approximate areas around named places) from real OSM street geometry.
//
// No public dataset draws Boston's outreach areas, so each default zone is the convex area around a few street
// points (intersections or street midpoints found with placeOnStreet), widened by a radius. The zone definitions
// (centre streets, radius, team, source) live in OUTREACH_ZONE_DEFINITIONS below, committed with this script.
// "Street Outreach areas" has no definition: no public description of where those areas are was found.
// Run alone: npx tsx scripts/build-zones.ts [sourceDir] [outDir]   (called by scripts/build-data.ts)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bbox as turfBbox, booleanClockwise, circle, convex, distance, featureCollection, point } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import type { LngLat } from '../src/domain/geometry';
import { zonePropertiesSchema, type ZoneFeature, type ZoneProperties } from '../src/domain/zone';
import { placeOnStreet, type StreetCollection } from '../src/geo/street-geocode';
import type { DatasetSummary } from './pipeline-report';

/** A street point a zone is drawn around: an intersection (street × crossStreet) or a point on one street. */
export type ZoneCentre = { street: string; crossStreet?: string };

export type OutreachZoneDefinition = {
  id: string;
  name: string;
  /** The team a source says works there; '' when no source names one. */
  team: string;
  /** The first centre is the anchor; later centres are searched near it (intersections nearest the anchor). */
  centres: [ZoneCentre, ...ZoneCentre[]];
  /** Every point within this straight-line distance of a centre is inside the zone (metres). */
  radiusMeters: number;
  /** Why this area: which reference says an outreach team works there. */
  source: string;
  /** Extra sentence for the notes (what the source says). */
  context: string;
};

const RECOVERY_SERVICES = 'boston.gov Recovery Services page (shared/reference/boston-recovery-services.md)';

/** Centres further than this from the zone's anchor are treated as a different place with the same street names. */
export const MAX_CENTRE_DISTANCE_FROM_ANCHOR_METERS = 800;

export const OUTREACH_ZONE_DEFINITIONS: OutreachZoneDefinition[] = [
  {
    id: 'mass-cass',
    name: 'Mass Ave / Melnea Cass',
    team: 'Street Outreach Team (Boston Public Health Commission)',
    centres: [
      { street: 'Massachusetts Avenue', crossStreet: 'Melnea Cass Boulevard' },
      { street: 'Southampton Street', crossStreet: 'Atkinson Street' },
      { street: 'Atkinson Street' },
    ],
    radiusMeters: 200,
    source: RECOVERY_SERVICES,
    context:
      'The Recovery Services page says the Street Outreach Team was launched in the Mass. Ave and Melnea Cass neighborhood.',
  },
  {
    id: 'nubian-square',
    name: 'Nubian Square',
    team: 'Nubian Square Engagement Team (Office of Recovery Services pilot)',
    centres: [
      { street: 'Washington Street', crossStreet: 'Dudley Street' },
      { street: 'Malcolm X Boulevard', crossStreet: 'Dudley Street' },
      { street: 'Warren Street', crossStreet: 'Dudley Street' },
      { street: 'Washington Street', crossStreet: 'Warren Street' },
    ],
    radiusMeters: 150,
    source: RECOVERY_SERVICES,
    context:
      'The Recovery Services page says the Office of Recovery Services piloted the Nubian Square Engagement Team, a community-led outreach project.',
  },
  {
    id: 'newmarket-square',
    name: 'Newmarket Square',
    team: 'City outreach workers (Recovery Services)',
    centres: [
      { street: 'Newmarket Square', crossStreet: 'Southampton Street' },
      { street: 'Atkinson Street' },
      { street: 'Newmarket Square' },
    ],
    radiusMeters: 150,
    source: `${RECOVERY_SERVICES} | https://www.bostonherald.com/2019/04/10/mayor-walsh-includes-needle-kiosks-funding-in-2020-budget/`,
    context:
      'The Recovery Services page places the Engagement Center (26 Atkinson St) and the Community Syringe Redemption Program pilot in the Newmarket Square neighborhood; the Boston Herald (2019-04-10) reports eight outreach workers assigned to the Newmarket Square area.',
  },
];

/** A default zone: always one polygon (a circle around a named intersection). */
export type DefaultZoneFeature = ZoneFeature & { geometry: Polygon };
export type ZoneRejection = { zone: string; reason: string; detail: string };

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function describeCentre(c: ZoneCentre): string {
  return c.crossStreet ? `${c.street} / ${c.crossStreet}` : c.street;
}

/**
 * Builds one polygon per definition: the convex hull of circles (radiusMeters, geodesic) around the definition's
 * centres, found on `streets` with placeOnStreet. A definition whose centres cannot all be found (street missing,
 * streets never meet, or a centre more than MAX_CENTRE_DISTANCE_FROM_ANCHOR_METERS from the anchor) is rejected
 * with its reason, never drawn partially. Pure: reads `streets` and `definitions`, mutates neither.
 */
export function buildZoneFeatures(
  streets: StreetCollection,
  definitions: readonly OutreachZoneDefinition[],
): { features: DefaultZoneFeature[]; rejected: ZoneRejection[] } {
  const features: DefaultZoneFeature[] = [];
  const rejected: ZoneRejection[] = [];
  for (const def of definitions) {
    const points: LngLat[] = [];
    let failure: ZoneRejection | null = null;
    for (const centre of def.centres) {
      const anchor = points[0];
      const opts: { near?: LngLat; crossStreet?: string } = {};
      if (centre.crossStreet !== undefined) opts.crossStreet = centre.crossStreet;
      if (anchor) opts.near = anchor;
      const placed = placeOnStreet(streets, centre.street, opts);
      if (!placed) {
        failure = { zone: def.id, reason: 'centre not found in the street data', detail: describeCentre(centre) };
        break;
      }
      if (anchor && distance(point(anchor), point(placed.coordinates), { units: 'meters' }) > MAX_CENTRE_DISTANCE_FROM_ANCHOR_METERS) {
        failure = { zone: def.id, reason: 'centre too far from the zone anchor', detail: describeCentre(centre) };
        break;
      }
      points.push(placed.coordinates);
    }
    if (failure) {
      rejected.push(failure);
      continue;
    }
    const ringPoints = points.flatMap((c) =>
      (circle(c, def.radiusMeters, { units: 'meters', steps: 32 }).geometry.coordinates[0] ?? []).map((p) => point(p)),
    );
    const hull = convex(featureCollection(ringPoints));
    if (!hull) {
      rejected.push({ zone: def.id, reason: 'could not build a polygon', detail: `${points.length} centre(s)` });
      continue;
    }
    const properties = zonePropertiesSchema.parse({
      id: def.id,
      name: def.name,
      team: def.team,
      approximate: true,
      source: def.source,
      notes:
        `Approximate area around ${def.centres.map(describeCentre).join('; ')}: within ${def.radiusMeters} m ` +
        `(straight line) of those street points, and the area between them. Drawn from OpenStreetMap street geometry; ` +
        `not an official boundary (no public dataset draws this area). ${def.context}`,
    });
    // RFC 7946: outer rings counter-clockwise.
    const outer = (hull.geometry.coordinates[0] ?? []).map((p) => [round6(p[0] ?? 0), round6(p[1] ?? 0)]);
    features.push({
      type: 'Feature',
      id: def.id,
      properties,
      geometry: { type: 'Polygon', coordinates: [booleanClockwise(outer) ? [...outer].reverse() : outer] },
    });
  }
  return { features, rejected };
}

/**
 * Reads Boston's streets from `sourceDir/basemap/streets-boston.geojson`, writes `outDir/outreach-zones.geojson`
 * (and `outDir/reports/outreach-zones-rejected.json` when a zone could not be built) and returns the summary.
 */
export async function buildOutreachZones(opts: {
  sourceDir: string;
  outDir: string;
  definitions?: readonly OutreachZoneDefinition[];
}): Promise<DatasetSummary[]> {
  const definitions = opts.definitions ?? OUTREACH_ZONE_DEFINITIONS;
  const streetsPath = path.join(opts.sourceDir, 'basemap', 'streets-boston.geojson');
  const streets = JSON.parse(readFileSync(streetsPath, 'utf8')) as StreetCollection;
  const { features, rejected } = buildZoneFeatures(streets, definitions);

  const collection: FeatureCollection<Polygon, ZoneProperties> = { type: 'FeatureCollection', features };
  mkdirSync(opts.outDir, { recursive: true });
  writeFileSync(path.join(opts.outDir, 'outreach-zones.geojson'), `${JSON.stringify(collection)}\n`);

  const summary: DatasetSummary = {
    dataset: 'outreach-zones',
    outputs: ['outreach-zones.geojson'],
    rowsRead: definitions.length,
    rowsKept: features.length,
    rejectedByReason: {},
  };
  for (const r of rejected) summary.rejectedByReason[r.reason] = (summary.rejectedByReason[r.reason] ?? 0) + 1;
  if (features.length > 0) {
    const [west, south, east, north] = turfBbox(collection);
    summary.bbox = [west, south, east, north];
  }
  if (rejected.length > 0) {
    const reportsDir = path.join(opts.outDir, 'reports');
    mkdirSync(reportsDir, { recursive: true });
    writeFileSync(path.join(reportsDir, 'outreach-zones-rejected.json'), `${JSON.stringify(rejected, null, 2)}\n`);
    summary.rejectedFile = 'reports/outreach-zones-rejected.json';
  }
  return [summary];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const sourceDir = process.argv[2] ?? process.env.HRM_DATA_DIR ?? path.join(here, '..', '..', 'shared', 'data');
  const outDir = process.argv[3] ?? path.join(here, '..', 'public', 'data');
  buildOutreachZones({ sourceDir, outDir })
    .then((summaries) => console.log(JSON.stringify(summaries, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
