// Site <-> sites.csv row cells, and the one validation every import goes through (siteCsvRowSchema, the pipeline's rules).
import { SERVICE_AREA_BBOX } from '../config/city';
import { insideBbox } from './geometry';
import { siteCsvRowSchema, siteFromCsvRow } from './site-csv';
import type { Site } from './site';

/** The columns of data/sites.csv, in the documented order (the keys of siteCsvRowSchema). */
export type SiteCsvColumn = keyof typeof siteCsvRowSchema.shape;
export const SITE_ROW_COLUMNS = Object.keys(siteCsvRowSchema.shape) as SiteCsvColumn[];

/** One row of data/sites.csv as text cells, every column present. */
export type SiteRowCells = Record<SiteCsvColumn, string>;

/** A problem with one cell of a row (field = a sites.csv column, or '' for the whole row). */
export type RowIssue = { field: string; reason: string };

export type RowCheck = { ok: true; site: Site } | { ok: false; issues: RowIssue[] };

/**
 * The cells of a site as data/sites.csv writes them: lists joined with ';', null as an empty cell, numbers in
 * JavaScript's shortest round-trip form. parse(cells(site)) equals site for every site the parser can produce.
 */
/** The Site field each sites.csv column holds (lng and lat both hold `coordinates`). */
export const SITE_FIELD_OF_COLUMN: Readonly<Record<SiteCsvColumn, keyof Site>> = {
  id: 'id',
  name: 'name',
  kind: 'kind',
  address: 'address',
  city: 'city',
  lng: 'coordinates',
  lat: 'coordinates',
  coord_precision: 'coordPrecision',
  opening_hours: 'openingHours',
  hours_note: 'hoursNote',
  phone: 'phone',
  services: 'services',
  languages: 'languages',
  eligibility: 'eligibility',
  wheelchair: 'wheelchair',
  source: 'source',
  last_verified: 'lastVerified',
};

export function siteToRowCells(site: Site): SiteRowCells {
  const text = (s: string | null) => s ?? '';
  return {
    id: site.id,
    name: site.name,
    kind: site.kind,
    address: text(site.address),
    city: site.city,
    lng: String(site.coordinates[0]),
    lat: String(site.coordinates[1]),
    coord_precision: site.coordPrecision,
    opening_hours: text(site.openingHours),
    hours_note: text(site.hoursNote),
    phone: text(site.phone),
    services: site.services.join(';'),
    languages: site.languages.join(';'),
    eligibility: text(site.eligibility),
    wheelchair: text(site.wheelchair),
    source: site.source,
    last_verified: site.lastVerified,
  };
}


/**
 * Validates row cells with siteCsvRowSchema (the pipeline's schema: hours that parse, real dates, inside the service
 * area) and converts them to a Site. Every problem is listed; when lat and lng fail only because they are swapped,
 * the reason says so.
 */
export function checkSiteRow(cells: SiteRowCells): RowCheck {
  const parsed = siteCsvRowSchema.safeParse(cells);
  if (parsed.success) return { ok: true, site: siteFromCsvRow(parsed.data) };
  const issues = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), reason: issue.message }));
  const lng = Number(cells.lng.trim());
  const lat = Number(cells.lat.trim());
  const swapped =
    cells.lng.trim() !== '' && cells.lat.trim() !== '' && !insideBbox(lng, lat, SERVICE_AREA_BBOX) && insideBbox(lat, lng, SERVICE_AREA_BBOX);
  if (swapped) {
    for (const issue of issues) {
      if (issue.field === 'lng' || issue.field === 'lat') issue.reason += ' (lat and lng look swapped)';
    }
  }
  return { ok: false, issues };
}
