// The rejected rows of an import as a CSV to download, fix and import again: one row per rejected line, with every reason.
import Papa from 'papaparse';
import type { Rejected } from '../domain/rejection';

/**
 * CSV text with columns line, field, reason, raw: one row per rejected line (several problems of one line are joined:
 * fields with ',', reasons with '; '), in line order, LF line breaks and a final newline. `raw` is the row as read
 * (a CSV line, or a JSON feature or HSDS row), so nothing rejected is lost.
 */
export function rejectedToCsv(rejected: readonly Rejected[]): string {
  const byLine = new Map<string, Rejected[]>();
  for (const r of rejected) {
    const key = `${r.line}\u0000${r.raw}`;
    byLine.set(key, [...(byLine.get(key) ?? []), r]);
  }
  const rows = [...byLine.values()]
    .sort((x, y) => x[0]!.line - y[0]!.line)
    .map((group) => [
      String(group[0]!.line),
      [...new Set(group.map((r) => r.field).filter((f) => f !== ''))].join(','),
      group.map((r) => r.reason).join('; '),
      group[0]!.raw,
    ]);
  return `${Papa.unparse([['line', 'field', 'reason', 'raw'], ...rows], { newline: '\n', quotes: false })}\n`;
}
