// Imports a CSV list of sites with other headers: guesses which column holds which field, then validates every row as sites.csv.
import type { LoadResult, Rejected } from '../domain/rejection';
import type { Site } from '../domain/site';
import { siteIdFromName, uniqueSiteId } from '../domain/site-id';
import { SITE_ROW_COLUMNS, checkSiteRow } from '../domain/site-row';
import type { SiteCsvColumn, SiteRowCells } from '../domain/site-row';
import { readCsv } from './read-csv';

/** For each sites.csv column, the header of the file's column that holds it, or null when the file has none. */
export type ColumnMapping = Record<SiteCsvColumn, string | null>;

/** A value used for every row when a column is not mapped (e.g. source = the file's origin, last_verified = today). */
export type ColumnDefaults = Partial<Record<SiteCsvColumn, string>>;

/** Columns whose empty cell the sites.csv schema rejects; `id` is not among them because it can be made from the name. */
export const REQUIRED_SITE_COLUMNS: readonly SiteCsvColumn[] = [
  'name',
  'kind',
  'city',
  'lng',
  'lat',
  'coord_precision',
  'source',
  'last_verified',
];

/** Header spellings each column is recognised by, compared after normaliseHeader; the column's own name comes first. */
const SYNONYMS: Record<SiteCsvColumn, string[]> = {
  id: ['id', 'siteid', 'identifier', 'key', 'slug'],
  name: ['name', 'sitename', 'locationname', 'placename', 'title', 'facility', 'facilityname'],
  kind: ['kind', 'type', 'sitetype', 'category', 'sitekind', 'locationtype'],
  address: ['address', 'streetaddress', 'street', 'address1', 'addressline1', 'addr', 'location'],
  city: ['city', 'town', 'municipality', 'locality'],
  lng: ['lng', 'lon', 'long', 'longitude', 'x', 'xcoord', 'xcoordinate'],
  lat: ['lat', 'latitude', 'y', 'ycoord', 'ycoordinate'],
  coord_precision: ['coordprecision', 'precision', 'geocodeprecision', 'locationprecision'],
  opening_hours: ['openinghours', 'hours', 'hoursofoperation', 'schedule', 'openhours'],
  hours_note: ['hoursnote', 'hoursnotes', 'notes', 'note', 'comments', 'description'],
  phone: ['phone', 'telephone', 'phonenumber', 'tel', 'contactphone'],
  services: ['services', 'service', 'servicesoffered', 'offers'],
  languages: ['languages', 'language', 'languagesspoken'],
  eligibility: ['eligibility', 'whocanuse', 'restrictions', 'audience', 'access'],
  wheelchair: ['wheelchair', 'wheelchairaccess', 'wheelchairaccessible', 'accessible', 'accessibility'],
  source: ['source', 'sourceurl', 'url', 'website', 'reference', 'link'],
  last_verified: ['lastverified', 'verified', 'verifiedon', 'dateverified', 'lastupdated', 'updated', 'lastchecked'],
};

/** A header compared without case, spaces, underscores, hyphens, dots or a BOM: 'Street_Address ' -> 'streetaddress'. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * Guesses, for every sites.csv column, which of `headers` holds it (case, spaces, underscores and hyphens ignored;
 * common synonyms such as latitude/y, longitude/lon/x, telephone, town). Each header is used at most once, exact
 * column names first, then synonyms in the order listed.
 */
export function guessColumnMapping(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(SITE_ROW_COLUMNS.map((c) => [c, null])) as ColumnMapping;
  const used = new Set<string>();
  const byNormalised = new Map<string, string>();
  for (const h of headers) {
    const key = normaliseHeader(h);
    if (key !== '' && !byNormalised.has(key)) byNormalised.set(key, h);
  }
  const maxRank = Math.max(...Object.values(SYNONYMS).map((s) => s.length));
  // Rank by rank: a column's own name beats another column's synonym for the same header ('type' is kind's synonym...).
  for (let rank = 0; rank < maxRank; rank++) {
    for (const column of SITE_ROW_COLUMNS) {
      if (mapping[column] !== null) continue;
      const synonym = SYNONYMS[column][rank];
      if (synonym === undefined) continue;
      const header = byNormalised.get(synonym);
      if (header !== undefined && !used.has(header)) {
        mapping[column] = header;
        used.add(header);
      }
    }
  }
  return mapping;
}

/** A stable key for a set of headers (normalised, sorted, de-duplicated), to remember the mapping a person chose for it. */
export function mappingKey(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(normaliseHeader).filter((h) => h !== ''))].sort();
  return keys.join('|');
}

/**
 * Reads CSV `text` (BOM, CRLF/LF, quoted commas, quotes and line breaks) and turns each row into a Site through
 * `mapping`, validating it with the sites.csv schema (the pipeline's rules). An unmapped column takes its value from
 * `defaults`, else is empty; an unmapped id is made from the name (kebab-case, -2, -3... when taken).
 *
 * Rejections: a mapping naming a header the file does not have, or a required column neither mapped nor defaulted,
 * is one rejection on line 1 (and no rows). A bad row gets one rejection per problem: its line (header = line 1),
 * the sites.csv column, why, and the file's header in the reason. A repeated id is rejected. Never throws.
 */
export function applyColumnMapping(text: string, mapping: ColumnMapping, defaults: ColumnDefaults = {}): LoadResult<Site> {
  const csv = readCsv(text);
  const rejected: Rejected[] = [];
  const rows: Site[] = [];
  if (csv.header.length === 0) {
    const e = csv.errors[0];
    return { rows, rejected: [e ? { line: e.line, field: '', reason: `unreadable CSV header: ${e.message}`, raw: e.raw } : { line: 1, field: '', reason: 'empty file: no header row', raw: '' }] };
  }
  const headerRaw = csv.header.join(',');
  const indexOf = new Map<SiteCsvColumn, number>();
  const unknownHeaders: string[] = [];
  for (const column of SITE_ROW_COLUMNS) {
    const source = mapping[column];
    if (source === null) continue;
    const i = csv.header.findIndex((h) => h.trim() === source.trim());
    if (i < 0) unknownHeaders.push(`${column} <- "${source}"`);
    else indexOf.set(column, i);
  }
  if (unknownHeaders.length > 0) {
    return { rows, rejected: [{ line: 1, field: '', reason: `the mapping names columns this file does not have: ${unknownHeaders.join(', ')}`, raw: headerRaw }] };
  }
  const unmapped = REQUIRED_SITE_COLUMNS.filter((c) => !indexOf.has(c) && (defaults[c] ?? '').trim() === '');
  if (unmapped.length > 0) {
    const s = unmapped.length > 1 ? 's' : '';
    return {
      rows,
      rejected: [{ line: 1, field: unmapped.join(','), reason: `no column chosen for required field${s}: ${unmapped.join(', ')} (map a column or give one value for every row)`, raw: headerRaw }],
    };
  }

  for (const e of csv.errors) rejected.push({ line: e.line, field: '', reason: `unreadable CSV: ${e.message}`, raw: e.raw });
  const generateIds = !indexOf.has('id') && (defaults.id ?? '') === '';
  const checked: { line: number; raw: string; site: Site }[] = [];
  for (const record of csv.records) {
    if (record.values.length !== csv.header.length) {
      rejected.push({ line: record.line, field: '', reason: `row has ${record.values.length} fields, header has ${csv.header.length}`, raw: record.raw });
      continue;
    }
    const cells = Object.fromEntries(
      SITE_ROW_COLUMNS.map((column) => {
        const i = indexOf.get(column);
        return [column, i === undefined ? (defaults[column] ?? '') : (record.values[i] ?? '')];
      }),
    ) as SiteRowCells;
    // A placeholder the id pattern accepts; the real id is made once all rows are read, so mapped ids keep priority.
    if (generateIds) cells.id = 'generated';
    const result = checkSiteRow(cells);
    if (!result.ok) {
      for (const issue of result.issues) {
        const header = indexOf.has(issue.field as SiteCsvColumn) ? csv.header[indexOf.get(issue.field as SiteCsvColumn)!] : undefined;
        const where = header !== undefined && header !== issue.field ? ` (column "${header}")` : '';
        rejected.push({ line: record.line, field: issue.field, reason: `${issue.reason}${where}`, raw: record.raw });
      }
      continue;
    }
    checked.push({ line: record.line, raw: record.raw, site: result.site });
  }

  const firstLineOfId = new Map<string, number>();
  const generated = new Set<string>();
  for (const { line, raw, site } of checked) {
    if (generateIds) {
      const id = uniqueSiteId(siteIdFromName(site.name), generated);
      generated.add(id);
      rows.push({ ...site, id });
      continue;
    }
    const first = firstLineOfId.get(site.id);
    if (first !== undefined) {
      rejected.push({ line, field: 'id', reason: `duplicate id "${site.id}" (first used on line ${first})`, raw });
      continue;
    }
    firstLineOfId.set(site.id, line);
    rows.push(site);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}
