// Analyze Boston (CKAN) responses: which resources to download, and the Needle Pickup rows of a yearly 311 CSV.
import { z } from 'zod';
import { isNeedlePickupType, missing311Columns, normalizeHeader } from './parse-311-csv';
import { readCsv } from './read-csv';

export const ANALYZE_BOSTON_API = 'https://data.boston.gov/api/3/action';
/** CKAN package ids on data.boston.gov. */
export const PACKAGE_311 = '311-service-requests';
export const PACKAGE_NEIGHBORHOODS = 'boston-neighborhoods';

/** The CKAN `package_show` URL of a package. */
export function packageShowUrl(packageId: string): string {
  return `${ANALYZE_BOSTON_API}/package_show?id=${encodeURIComponent(packageId)}`;
}

const resourceSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  url: z.string(),
  format: z.string().nullish(),
});
type CkanResource = z.infer<typeof resourceSchema>;

const packageShowSchema = z.object({
  success: z.boolean(),
  result: z.object({ name: z.string().optional(), resources: z.array(resourceSchema) }).optional(),
  error: z.unknown().optional(),
});

/** The resources of a CKAN package_show response. Throws an Error saying why when the response is not a successful one. */
export function resourcesFromPackageShow(json: unknown): CkanResource[] {
  const parsed = packageShowSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a CKAN package_show response (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
  }
  if (!parsed.data.success || parsed.data.result === undefined) {
    throw new Error(`CKAN package_show failed: ${JSON.stringify(parsed.data.error ?? 'success is false')}`);
  }
  return parsed.data.result.resources;
}

function isFormat(r: CkanResource, format: string, extension: string): boolean {
  return (r.format ?? '').trim().toLowerCase() === format || new URL(r.url, 'https://x.invalid/').pathname.toLowerCase().endsWith(extension);
}

export type YearlyResource = { year: number; name: string; url: string; id: string };

/**
 * The yearly CSV exports of the 311 package ("311 Service Requests - 2015" ...), one per year, oldest first.
 * Resources whose name carries no year (data dictionaries, the post-2025 "new system" feed) are left out.
 * When a year has several CSVs, the first listed wins.
 */
export function yearly311CsvResources(json: unknown): YearlyResource[] {
  const byYear = new Map<number, YearlyResource>();
  for (const r of resourcesFromPackageShow(json)) {
    if (!isFormat(r, 'csv', '.csv')) continue;
    const name = r.name ?? '';
    const m = /\b(20\d{2})\b/.exec(name);
    if (!m) continue;
    const year = Number(m[1]);
    if (!byYear.has(year)) byYear.set(year, { year, name, url: r.url, id: r.id });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The GeoJSON resource of a package (e.g. the neighbourhood boundaries), or null when it has none. */
export function geojsonResource(json: unknown): { name: string; url: string } | null {
  const r = resourcesFromPackageShow(json).find((x) => isFormat(x, 'geojson', '.geojson'));
  return r ? { name: r.name ?? '', url: r.url } : null;
}

export type NeedleCsvExtract = {
  /** Header plus the Needle Pickup records, byte-for-byte as in the export (LF line breaks). */
  csv: string;
  rowsRead: number;
  rowsKept: number;
};

/**
 * Keeps the header and the "Needle Pickup" rows of a 311 CSV export (old or current schema), unchanged, so the
 * data pipeline validates them exactly as the City published them. Throws when required 311 columns are missing.
 */
export function extractNeedlePickupCsv(text: string): NeedleCsvExtract {
  const csv = readCsv(text);
  if (csv.header.length === 0) return { csv: '', rowsRead: 0, rowsKept: 0 };
  const missing = missing311Columns(csv.header);
  if (missing.length > 0) throw new Error(`not a 311 export: missing column(s) ${missing.join(', ')}`);
  const typeIndex = normalizeHeader(csv.header).indexOf('type');
  const lines = [csv.header.map(quoteCsv).join(',')];
  let rowsKept = 0;
  for (const record of csv.records) {
    if (isNeedlePickupType(record.values[typeIndex] ?? '')) {
      lines.push(record.raw);
      rowsKept++;
    }
  }
  return { csv: `${lines.join('\n')}\n`, rowsRead: csv.records.length, rowsKept };
}

function quoteCsv(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
