// Parses a Boston 311 CSV export (old upper-case or current Analyze Boston schema) into Needle requests.
import { CITY_BBOX } from '../config/city';
import {
  BOSTON_311_REQUIRED_COLUMNS,
  NEEDLE_PICKUP_TYPE,
  boston311CsvRowSchema,
  defaultLocationReason,
  testOrInvalidCaseReason,
} from '../domain/boston-311';
import { insideBbox } from '../domain/geometry';
import type { NeedleRecord } from '../domain/needle-request';
import type { LoadResult, Rejected } from '../domain/rejection';
import { readCsv } from './read-csv';

export type Parse311Options = {
  /** Name recorded in NeedleRequest.dataset (e.g. the source file name). */
  dataset: string;
  /** Points outside it are rejected; defaults to the City of Boston's bbox. */
  bbox?: readonly [number, number, number, number];
};

/** Header cells lower-cased and trimmed: the old and current schemas differ only in case. */
export function normalizeHeader(header: string[]): string[] {
  return header.map((h) => h.trim().toLowerCase());
}

/** True when a 311 `type` value is a Needle Pickup case. */
export function isNeedlePickupType(type: string): boolean {
  return type.trim().toLowerCase() === NEEDLE_PICKUP_TYPE.toLowerCase();
}

/** The required 311 columns missing from a header (lower-cased names), in schema order. */
export function missing311Columns(header: string[]): string[] {
  const have = new Set(normalizeHeader(header));
  return BOSTON_311_REQUIRED_COLUMNS.filter((c) => !have.has(c));
}

/**
 * Parses 311 CSV text. Keeps "Needle Pickup" cases with a real location inside the bbox; every other row is
 * rejected with its line (header = line 1), field and reason. Never throws: an empty file or a header without a
 * required column gives one rejection and no rows.
 */
export function parse311Csv(text: string, options: Parse311Options): LoadResult<NeedleRecord> {
  const bbox = options.bbox ?? CITY_BBOX;
  const csv = readCsv(text);
  const rows: NeedleRecord[] = [];
  const rejected: Rejected[] = [];

  if (csv.header.length === 0) {
    const unreadable = csv.errors.map((e) => ({ line: e.line, field: '', reason: `unreadable CSV header: ${e.message}`, raw: e.raw }));
    return { rows, rejected: unreadable.length > 0 ? unreadable.slice(0, 1) : [{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }] };
  }
  const header = normalizeHeader(csv.header);
  const missing = missing311Columns(header);
  if (missing.length > 0) {
    const reason = `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
    return { rows, rejected: [{ line: 1, field: missing.join(','), reason, raw: csv.header.join(',') }] };
  }

  for (const e of csv.errors) rejected.push({ line: e.line, field: '', reason: `unreadable CSV: ${e.message}`, raw: e.raw });

  const firstLineOfCase = new Map<string, number>();
  for (const record of csv.records) {
    const reject = (field: string, reason: string) => rejected.push({ line: record.line, field, reason, raw: record.raw });
    if (record.values.length !== header.length) {
      reject('', `row has ${record.values.length} fields, header has ${header.length}`);
      continue;
    }
    const obj: Record<string, string> = {};
    header.forEach((name, i) => {
      // The old export's first column is unnamed (a row number); skip it rather than key it as "".
      if (name !== '') obj[name] = record.values[i] ?? '';
    });

    if (!isNeedlePickupType(obj.type ?? '')) {
      reject('type', `not a Needle Pickup case (type "${(obj.type ?? '').trim()}")`);
      continue;
    }
    const parsed = boston311CsvRowSchema.safeParse(obj);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reject(String(issue?.path[0] ?? ''), issue?.message ?? 'invalid row');
      continue;
    }
    const row = parsed.data;
    const firstLine = firstLineOfCase.get(row.case_enquiry_id);
    if (firstLine !== undefined) {
      reject('case_enquiry_id', 'duplicate case id (the first row is kept)');
      continue;
    }
    firstLineOfCase.set(row.case_enquiry_id, record.line);
    const testReason = testOrInvalidCaseReason(row.case_title, row.closure_reason);
    if (testReason !== null) {
      reject(row.case_title !== null && /\btest\b/i.test(row.case_title) ? 'case_title' : 'closure_reason', testReason);
      continue;
    }
    const lng = row.longitude;
    const lat = row.latitude;
    if (!insideBbox(lng, lat, bbox)) {
      reject('latitude,longitude', 'outside the Boston bounding box');
      continue;
    }
    const defaultReason = defaultLocationReason(lng, lat);
    if (defaultReason !== null) {
      reject('latitude,longitude', defaultReason);
      continue;
    }
    rows.push({
      caseId: row.case_enquiry_id,
      openedDate: row.open_dt.date,
      openedTime: row.open_dt.time?.slice(0, 5) ?? null,
      closedDate: row.closed_dt?.date ?? null,
      status: row.case_status,
      closureReason: row.closure_reason,
      neighborhood: row.neighborhood,
      street: row.location_street_name,
      zip: row.location_zipcode,
      source: row.source,
      ward: row.ward,
      coordinates: [lng, lat],
      dataset: options.dataset,
    });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected };
}
