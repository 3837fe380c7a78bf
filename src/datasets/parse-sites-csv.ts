// Parses data/sites.csv (the curated service sites and disposal points) into Sites and GeoJSON features.
import type { Feature, Point } from 'geojson';
import { DISPOSAL_KINDS, siteCsvRowSchema, siteFromCsvRow } from '../domain/site';
import type { Site, SiteProperties } from '../domain/site';
import type { LoadResult, Rejected } from '../domain/rejection';
import { readCsv } from './read-csv';

/** Columns data/sites.csv must have, in the documented order. */
export const SITE_CSV_COLUMNS = Object.keys(siteCsvRowSchema.shape) as (keyof typeof siteCsvRowSchema.shape)[];

/**
 * Parses sites CSV text. A row with any invalid cell is rejected with one entry per problem (so an editor sees every
 * fix a row needs); a repeated id is rejected. Never throws: an empty file or a missing column gives one rejection.
 */
export function parseSitesCsv(text: string): LoadResult<Site> {
  const csv = readCsv(text);
  const rows: Site[] = [];
  const rejected: Rejected[] = [];
  if (csv.header.length === 0) {
    return { rows, rejected: [{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }] };
  }
  const header = csv.header.map((h) => h.trim().toLowerCase());
  const missing = SITE_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const reason = `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
    return { rows, rejected: [{ line: 1, field: missing.join(','), reason, raw: csv.header.join(',') }] };
  }
  for (const e of csv.errors) rejected.push({ line: e.line, field: '', reason: `unreadable CSV: ${e.message}`, raw: e.raw });

  const firstLineOfId = new Map<string, number>();
  for (const record of csv.records) {
    if (record.values.length !== header.length) {
      rejected.push({ line: record.line, field: '', reason: `row has ${record.values.length} fields, header has ${header.length}`, raw: record.raw });
      continue;
    }
    const obj: Record<string, string> = {};
    header.forEach((name, i) => {
      obj[name] = record.values[i] ?? '';
    });
    const parsed = siteCsvRowSchema.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        rejected.push({ line: record.line, field: String(issue.path[0] ?? ''), reason: issue.message, raw: record.raw });
      }
      continue;
    }
    const first = firstLineOfId.get(parsed.data.id);
    if (first !== undefined) {
      rejected.push({ line: record.line, field: 'id', reason: `duplicate id "${parsed.data.id}" (first used on line ${first})`, raw: record.raw });
      continue;
    }
    firstLineOfId.set(parsed.data.id, record.line);
    rows.push(siteFromCsvRow(parsed.data));
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
      source: site.source,
      lastVerified: site.lastVerified,
    },
  };
}
