// Parses data/sites.csv (the curated service sites and disposal points) into Sites and GeoJSON features.
import type { Feature, Point } from 'geojson';
import { DISPOSAL_KINDS } from '../domain/site';
import { siteCsvRowSchema, siteFromCsvRow } from '../domain/site-csv';
import type { Site, SiteProperties } from '../domain/site';
import type { LoadResult, Rejected } from '../domain/rejection';
import { parseCsvTable } from './parse-csv-table';

/** Columns data/sites.csv must have, in the documented order. */
export const SITE_CSV_COLUMNS = Object.keys(siteCsvRowSchema.shape) as (keyof typeof siteCsvRowSchema.shape)[];

/**
 * Parses sites CSV text. A row with any invalid cell is rejected with one entry per problem (so an editor sees every
 * fix a row needs); a repeated id is rejected. Never throws: an empty file or a missing column gives one rejection.
 */
export function parseSitesCsv(text: string): LoadResult<Site> {
  const table = parseCsvTable(text, siteCsvRowSchema);
  const rows: Site[] = [];
  const rejected: Rejected[] = [...table.rejected];
  const firstLineOfId = new Map<string, number>();
  for (const { line, raw, data } of table.rows) {
    const first = firstLineOfId.get(data.id);
    if (first !== undefined) {
      rejected.push({ line, field: 'id', reason: `duplicate id "${data.id}" (first used on line ${first})`, raw });
      continue;
    }
    firstLineOfId.set(data.id, line);
    rows.push(siteFromCsvRow(data));
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}

/** Which map layer a site is drawn in. */
export function siteLayer(site: Pick<Site, 'kind'>): SiteProperties['layer'] {
  return DISPOSAL_KINDS.includes(site.kind) ? 'disposal' : 'service';
}

/** The GeoJSON Point feature of a site, as written to public/data/sites.geojson. */
export function siteToFeature(site: Site): Feature<Point, SiteProperties> {
  return {
    type: 'Feature',
    id: site.id,
    geometry: { type: 'Point', coordinates: [site.coordinates[0], site.coordinates[1]] },
    properties: {
      id: site.id,
      name: site.name,
      kind: site.kind,
      layer: siteLayer(site),
      address: site.address,
      city: site.city,
      coordPrecision: site.coordPrecision,
      openingHours: site.openingHours,
      hoursNote: site.hoursNote,
      phone: site.phone,
      services: site.services,
      languages: site.languages,
      eligibility: site.eligibility,
      wheelchair: site.wheelchair,
      source: site.source,
      lastVerified: site.lastVerified,
    },
  };
}
