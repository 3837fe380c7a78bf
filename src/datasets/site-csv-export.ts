// Writes sites as data/sites.csv text (same columns, order and conventions), so an export can replace the committed file.
import Papa from 'papaparse';
import { SITE_ROW_COLUMNS, siteToRowCells } from '../domain/site-row';
import type { Site } from '../domain/site';

/**
 * The CSV text of `sites` in data/sites.csv's form: the header, one row per site in the given order, lists joined
 * with ';', unknown (null) facts as empty cells, cells quoted only when they hold a comma, quote, line break or edge
 * space, LF line breaks and a final newline. parseSitesCsv(sitesToCsv(sites)).rows equals `sites`.
 */
export function sitesToCsv(sites: readonly Site[]): string {
  const rows = sites.map((site) => {
    const cells = siteToRowCells(site);
    return SITE_ROW_COLUMNS.map((column) => cells[column]);
  });
  return `${Papa.unparse([[...SITE_ROW_COLUMNS], ...rows], { newline: '\n', quotes: false })}\n`;
}
