// Parses a CSV table whose rows a zod object schema validates: header check, one rejection per problem, never throws.
import type { z } from 'zod';
import type { Rejected } from '../domain/rejection';
import { readCsv } from './read-csv';

export type ParsedRow<T> = { line: number; raw: string; data: T };

/**
 * Reads `text` and validates each row against `schema` (column names = the schema's keys, matched case-insensitively).
 * A row with invalid cells gets one rejection per problem, so an editor sees every fix it needs. An empty file or a
 * missing column gives a single rejection on line 1.
 */
export function parseCsvTable<S extends z.ZodObject>(text: string, schema: S): { rows: ParsedRow<z.output<S>>[]; rejected: Rejected[] } {
  const columns = Object.keys(schema.shape);
  const csv = readCsv(text);
  const rows: ParsedRow<z.output<S>>[] = [];
  const rejected: Rejected[] = [];
  if (csv.header.length === 0) {
    const unreadable = csv.errors.map((e) => ({ line: e.line, field: '', reason: `unreadable CSV header: ${e.message}`, raw: e.raw }));
    return { rows, rejected: unreadable.length > 0 ? unreadable.slice(0, 1) : [{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }] };
  }
  const header = csv.header.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const reason = `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
    return { rows, rejected: [{ line: 1, field: missing.join(','), reason, raw: csv.header.join(',') }] };
  }
  for (const e of csv.errors) rejected.push({ line: e.line, field: '', reason: `unreadable CSV: ${e.message}`, raw: e.raw });
  for (const record of csv.records) {
    if (record.values.length !== header.length) {
      rejected.push({ line: record.line, field: '', reason: `row has ${record.values.length} fields, header has ${header.length}`, raw: record.raw });
      continue;
    }
    const obj: Record<string, string> = {};
    header.forEach((name, i) => {
      obj[name] = record.values[i] ?? '';
    });
    const parsed = schema.safeParse(obj);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        rejected.push({ line: record.line, field: String(issue.path[0] ?? ''), reason: issue.message, raw: record.raw });
      }
      continue;
    }
    rows.push({ line: record.line, raw: record.raw, data: parsed.data });
  }
  return { rows, rejected };
}
