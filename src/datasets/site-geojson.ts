// Sites as a GeoJSON FeatureCollection (the app's own sites.geojson form) and back, every feature checked by the pipeline's rules.
import type { FeatureCollection, Point } from 'geojson';
import { pointSchema } from '../domain/geometry';
import type { LoadResult, Rejected } from '../domain/rejection';
import type { Site, SiteProperties } from '../domain/site';
import { siteIdFromName, uniqueSiteId } from '../domain/site-id';
import { SITE_ROW_COLUMNS, checkSiteRow } from '../domain/site-row';
import { SITE_FIELD_OF_COLUMN, type RowIssue, type SiteCsvColumn, type SiteRowCells } from '../domain/site-row';
import { siteToFeature } from './parse-sites-csv';

/** The property of a site feature (siteToFeature's camelCase names) each sites.csv column is read from (lng, lat: the geometry). */
const propertyOfColumn = (column: SiteCsvColumn): string | null => (column === 'lng' || column === 'lat' ? null : SITE_FIELD_OF_COLUMN[column]);

/** The sites as a FeatureCollection of Point features, exactly as public/data/sites.geojson holds them. */
export function sitesToGeoJson(sites: readonly Site[]): FeatureCollection<Point, SiteProperties> {
  return { type: 'FeatureCollection', features: sites.map(siteToFeature) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A property value as a sites.csv cell: text as is, null/absent empty, a number in its shortest form, a list of text joined with ';'. */
function cellOf(value: unknown, column: SiteCsvColumn, issues: RowIssue[]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if ((column === 'services' || column === 'languages') && Array.isArray(value) && value.every((x) => typeof x === 'string')) {
    return value.join(';');
  }
  issues.push({ field: column, reason: `${column} must be ${column === 'services' || column === 'languages' ? 'a list of text' : 'text'}, not ${JSON.stringify(value)}` });
  return '';
}

/**
 * Reads sites from GeoJSON: a FeatureCollection of Point features whose properties use the names of sites.geojson
 * (camelCase, as sitesToGeoJson writes) or of sites.csv (snake_case). Each feature is checked by the same schema as a
 * sites.csv row (hours that parse, real dates, inside the service area); a bad feature is rejected with line = its
 * index + 1 and every problem, the others are kept. A feature without an id gets one made from its name; a repeated
 * id is rejected. Extra properties (such as the derived `layer`) are ignored. Anything but a FeatureCollection is one
 * rejection on line 0. Never throws.
 */
export function sitesFromGeoJson(json: unknown): LoadResult<Site> {
  const rows: Site[] = [];
  const rejected: Rejected[] = [];
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return { rows, rejected: [{ line: 0, field: '', reason: 'not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})', raw: '' }] };
  }
  const features: unknown[] = json.features;
  const checked: { line: number; raw: string; site: Site; idGiven: boolean }[] = [];
  features.forEach((feature, index) => {
    const line = index + 1;
    const raw = JSON.stringify(feature) ?? '';
    const reject = (issues: RowIssue[]) => {
      for (const issue of issues) rejected.push({ line, field: issue.field, reason: issue.reason, raw });
    };
    if (!isRecord(feature) || feature.type !== 'Feature') {
      reject([{ field: '', reason: 'not a GeoJSON Feature' }]);
      return;
    }
    const issues: RowIssue[] = [];
    const geometry = pointSchema.safeParse(feature.geometry);
    if (!geometry.success) issues.push({ field: 'geometry', reason: 'geometry must be a Point with [lng, lat] coordinates' });
    const properties = isRecord(feature.properties) ? feature.properties : {};
    const cells = Object.fromEntries(
      SITE_ROW_COLUMNS.map((column) => {
        const camel = propertyOfColumn(column);
        const value = camel !== null && camel in properties ? properties[camel] : properties[column];
        return [column, cellOf(value, column, issues)];
      }),
    ) as SiteRowCells;
    if (geometry.success) {
      cells.lng = String(geometry.data.coordinates[0]);
      cells.lat = String(geometry.data.coordinates[1]);
    }
    const featureId = typeof feature.id === 'string' ? feature.id : '';
    if (cells.id.trim() === '') cells.id = featureId;
    const idGiven = cells.id.trim() !== '';
    // A placeholder the id pattern accepts; the real id is made once every feature is read, so given ids keep priority.
    if (!idGiven) cells.id = 'generated';
    const result = checkSiteRow(cells);
    if (!result.ok) issues.push(...result.issues.filter((i) => geometry.success || (i.field !== 'lng' && i.field !== 'lat')));
    if (issues.length > 0 || !result.ok) {
      reject(issues);
      return;
    }
    checked.push({ line, raw, site: result.site, idGiven });
  });

  const firstLineOfId = new Map<string, number>();
  for (const { line, raw, site, idGiven } of checked) {
    if (!idGiven) continue;
    const first = firstLineOfId.get(site.id);
    if (first !== undefined) {
      rejected.push({ line, field: 'id', reason: `duplicate id "${site.id}" (first used by feature ${first})`, raw });
      continue;
    }
    firstLineOfId.set(site.id, line);
  }
  const taken = new Set(firstLineOfId.keys());
  for (const { line, site, idGiven } of checked) {
    if (idGiven) {
      if (firstLineOfId.get(site.id) === line) rows.push(site);
      continue;
    }
    const id = uniqueSiteId(siteIdFromName(site.name), taken);
    taken.add(id);
    rows.push({ ...site, id });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}
