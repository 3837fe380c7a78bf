// Streaming import of a Boston 311 file (Analyze Boston CSV, old or current schema, or Open311 GeoReport v2 JSON) into Needle records; runs in a worker or in node.
import Papa from 'papaparse';
import { CITY_BBOX } from '../config/city';
import {
  BOSTON_311_REQUIRED_COLUMNS,
  boston311CsvRowSchema,
  defaultLocationReason,
  open311RequestSchema,
  testOrInvalidCaseReason,
} from '../domain/boston-311';
import type { BostonDateTime } from '../domain/boston-311';
import { insideBbox } from '../domain/geometry';
import type { NeedleRecord, NeedleStatus } from '../domain/needle-request';
import type { Rejected } from '../domain/rejection';
import { isNeedlePickupType, normalizeHeader } from './parse-311-csv';

/** At most this many rejected rows are kept with their raw text; the counts stay exact beyond it. */
export const MAX_STORED_REJECTS = 10_000;
/** A CSV row still open after this many characters is an unclosed quote, not a row: its first line is rejected. */
export const MAX_CSV_ROW_CHARS = 1 << 20;

export type Import311Counts = {
  /** Data rows read (CSV records without blank lines, or JSON list entries): needle + otherTypes + rows of unknown type. */
  rows: number;
  /** Needle Pickup rows: kept, merged into another row of the same case, or rejected. */
  needle: number;
  /** Rows of other request types: dropped, not rejected (rows too broken to have a type count as rejected). */
  otherTypes: number;
  /** Needle rows merged into a newer row of the same case id. */
  duplicatesMerged: number;
  /** Needle rows rejected, plus rows too broken to tell their type; exact even when `rejected` holds fewer. */
  rejected: number;
};

export type Import311Result = {
  fileName: string;
  format: 'csv' | 'open311';
  records: NeedleRecord[];
  counts: Import311Counts;
  /** The rejected rows with line, field, reason and raw text; the first MAX_STORED_REJECTS of them. */
  rejected: Rejected[];
  /** Rejections per reason, most frequent first. */
  rejectedByReason: { reason: string; count: number }[];
  /** Required CSV columns the header lacks (lower-case names); then nothing is imported and `error` says so. */
  columnsMissing?: string[];
  /** Why nothing could be read at all (empty file, missing columns, not an Open311 list, invalid JSON). */
  error?: string;
};

export type Import311Options = {
  /** Recorded in NeedleRecord.dataset. */
  fileName: string;
  /** Points outside it are rejected; defaults to the City of Boston's bbox [west, south, east, north] (degrees). */
  bbox?: readonly [number, number, number, number];
};

/** Columns read from a 311 CSV (lower-case); the rest of the row is skipped. */
const CSV_FIELDS = [
  'case_enquiry_id',
  'open_dt',
  'closed_dt',
  'case_status',
  'closure_reason',
  'case_title',
  'type',
  'neighborhood',
  'location_street_name',
  'location_zipcode',
  'latitude',
  'longitude',
  'source',
  'ward',
] as const;

type Candidate = Omit<NeedleRecord, 'dataset' | 'coordinates'> & { caseId: string; caseTitle: string | null; lng: number; lat: number; newest: string };

/** "YYYY-MM-DD HH:MM:SS" of a date and time; a bare date sorts as the start of its day. */
const stamp = (d: BostonDateTime | null) => (d === null ? '' : `${d.date} ${d.time ?? '00:00:00'}`);

/** Collects validated needle rows, merges duplicate case ids (newest wins) and keeps the rejections. */
class NeedleCollector {
  readonly counts: Import311Counts = { rows: 0, needle: 0, otherTypes: 0, duplicatesMerged: 0, rejected: 0 };
  private readonly records: NeedleRecord[] = [];
  /** Per case id: its slot in `records` and the newest time seen. */
  private readonly byCase = new Map<string, { slot: number; newest: string }>();
  private readonly rejected: Rejected[] = [];
  private readonly reasons = new Map<string, number>();
  private readonly strings = new Map<string, string>();
  private readonly bbox: readonly [number, number, number, number];

  constructor(private readonly options: Import311Options) {
    this.bbox = options.bbox ?? CITY_BBOX;
  }

  reject(line: number, field: string, reason: string, raw: () => string): void {
    this.counts.rejected++;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    if (this.rejected.length < MAX_STORED_REJECTS) this.rejected.push({ line, field, reason, raw: raw() });
  }

  /** Checks the location and the case, then keeps the row or merges it with the earlier row of its case. */
  add(line: number, c: Candidate, fields: { coordinates: string; title: string; closure: string }, raw: () => string): void {
    const testReason = testOrInvalidCaseReason(c.caseTitle, c.closureReason);
    if (testReason !== null) {
      this.reject(line, c.caseTitle !== null && /\btest\b/i.test(c.caseTitle) ? fields.title : fields.closure, testReason, raw);
      return;
    }
    const { lng, lat } = c;
    const where = this.locationProblem(lng, lat);
    if (where !== null) {
      this.reject(line, fields.coordinates, where, raw);
      return;
    }
    const keep = (v: string | null) => (v === null ? null : this.keep(v));
    const record: NeedleRecord = {
      caseId: this.keep(c.caseId),
      openedDate: c.openedDate,
      openedTime: c.openedTime,
      closedDate: c.closedDate,
      status: c.status,
      closureReason: keep(c.closureReason),
      neighborhood: keep(c.neighborhood),
      street: keep(c.street),
      zip: c.zip,
      source: keep(c.source),
      ward: keep(c.ward),
      coordinates: [lng, lat],
      dataset: this.options.fileName,
    };
    const seen = this.byCase.get(c.caseId);
    if (seen === undefined) {
      this.byCase.set(c.caseId, { slot: this.records.length, newest: c.newest });
      this.records.push(record);
      return;
    }
    this.counts.duplicatesMerged++;
    // Newest wins; on a tie the later row (a later export line) wins.
    if (c.newest >= seen.newest) {
      this.records[seen.slot] = record;
      seen.newest = c.newest;
    }
  }

  /**
   * A copy of a cell's text that does not hold on to the chunk it was read from, shared by equal values. (V8 keeps a
   * cell as a slice of the parsed chunk: keeping the slice would keep every chunk that had a kept row, i.e. most of
   * a large file: 405 MB for the 1,000,000-row bench before this.)
   */
  private keep(v: string): string {
    let copy = this.strings.get(v);
    if (copy === undefined) {
      copy = v.length < 13 ? v : (JSON.parse(JSON.stringify(v)) as string);
      this.strings.set(copy, copy);
    }
    return copy;
  }

  /** Why a point is not a real Boston location, or null. */
  private locationProblem(lng: number, lat: number): string | null {
    if (lng === 0 && lat === 0) return 'coordinates are (0, 0): no location';
    if (!insideBbox(lng, lat, this.bbox)) {
      return insideBbox(lat, lng, this.bbox) ? 'latitude and longitude look swapped' : 'outside the Boston bounding box';
    }
    return defaultLocationReason(lng, lat);
  }

  result(format: Import311Result['format'], extra: Pick<Import311Result, 'columnsMissing' | 'error'> = {}): Import311Result {
    const rejected = this.rejected.slice().sort((a, b) => a.line - b.line);
    const rejectedByReason = [...this.reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    return { fileName: this.options.fileName, format, records: this.records.slice(), counts: { ...this.counts }, rejected, rejectedByReason, ...extra };
  }
}

type CsvRowError = { row?: number; message: string };

function countBreaks(text: string, newline: string): number {
  let n = 0;
  for (let i = text.indexOf(newline); i !== -1; i = text.indexOf(newline, i + newline.length)) n++;
  return n;
}

/** Line breaks inside the cells of a row (a quoted newline): LF, CRLF and a lone CR each count once. */
function breaksInside(row: readonly string[]): number {
  let n = 0;
  for (const v of row) {
    if (v.indexOf('\n') === -1 && v.indexOf('\r') === -1) continue;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 10 || (c === 13 && v.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  return n;
}

/** The newline of a CSV text once it can be told ("\r\n", "\n" or "\r"), or null while the text has none yet. */
function guessNewline(text: string, final: boolean): '\r\n' | '\n' | '\r' | null {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr !== -1 && (lf === -1 || cr < lf)) {
    if (cr + 1 < text.length || final) return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
    return null;
  }
  if (lf !== -1) return '\n';
  return final ? '\n' : null;
}

/** A streaming 311 CSV importer: push text in chunks of any size, then finish. */
export type Csv311Importer = {
  /** Parses the complete rows of the text read so far (papaparse's parser); keeps a partial last row for later. */
  pushText(chunk: string): void;
  /** Parses what is left and returns the result. */
  finish(): Import311Result;
};

/**
 * A streaming importer of a 311 CSV export (current lower-case or old upper-case columns; an unnamed first column,
 * a BOM, CRLF/LF/CR, quoted commas, quotes and newlines). The text may arrive cut anywhere: the result does not depend
 * on the chunk sizes. Only Needle Pickup rows are validated (with the pipeline's zod schema) and kept; other
 * request types are counted and dropped. Never throws on bad input.
 */
export function create311Importer(options: Import311Options): Csv311Importer {
  const out = new NeedleCollector(options);
  let newline: '\r\n' | '\n' | '\r' | null = null;
  let parser: Papa.Parser | null = null;
  let pending = '';
  let baseIndex = 0;
  let started = false;
  /** Line number of the next row (the header is line 1). */
  let line = 1;
  let header: string[] | null = null;
  let missing: string[] = [];
  /** Index of each read column in a row, -1 when the file lacks it. */
  let at: Record<(typeof CSV_FIELDS)[number], number> | null = null;
  let finished: Import311Result | null = null;
  let headerUnreadable = false;

  const rawOf = (row: readonly string[]) => () => Papa.unparse([row as string[]], { newline: '\n' });

  function onHeader(row: string[]): void {
    header = normalizeHeader(row);
    const names = header;
    missing = BOSTON_311_REQUIRED_COLUMNS.filter((c) => !names.includes(c));
    const index = {} as Record<(typeof CSV_FIELDS)[number], number>;
    for (const f of CSV_FIELDS) index[f] = names.indexOf(f);
    at = index;
  }

  function onRow(row: string[], rowLine: number, error: string | null): void {
    if (row.length === 1 && row[0]!.trim() === '') return; // a blank line
    if (header === null) {
      onHeader(row);
      return;
    }
    if (missing.length > 0 || at === null) return;
    out.counts.rows++;
    // A stray CR left by a CRLF row in an LF file.
    const last = row.length - 1;
    if (row[last]!.endsWith('\r')) row[last] = row[last]!.slice(0, -1);
    const type = row[at.type];
    if (error !== null || row.length !== header.length) {
      // A broken row: its cells may sit in the wrong columns. It is a Needle row when any cell says so; another
      // type when it reaches the type column and no cell does; else its type is unknown (rejected, not counted).
      const needle = row.some(isNeedlePickupType);
      if (!needle && row.length > at.type) {
        out.counts.otherTypes++;
        return;
      }
      if (needle) out.counts.needle++;
      const reason = error !== null ? `unreadable CSV: ${error}` : `row has ${row.length} fields, header has ${header.length}`;
      out.reject(rowLine, '', reason, rawOf(row));
      return;
    }
    if (type !== 'Needle Pickup' && !(type !== undefined && type.length >= 13 && isNeedlePickupType(type))) {
      out.counts.otherTypes++;
      return;
    }
    out.counts.needle++;
    const obj: Record<string, string> = {};
    for (const f of CSV_FIELDS) {
      const i = at[f];
      if (i >= 0) obj[f] = row[i]!;
    }
    const parsed = boston311CsvRowSchema.safeParse(obj);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      out.reject(rowLine, String(issue?.path[0] ?? ''), issue?.message ?? 'invalid row', rawOf(row));
      return;
    }
    const r = parsed.data;
    const closed = r.closed_dt;
    const open = stamp(r.open_dt);
    const close = stamp(closed);
    out.add(
      rowLine,
      {
        caseId: r.case_enquiry_id,
        openedDate: r.open_dt.date,
        openedTime: r.open_dt.time?.slice(0, 5) ?? null,
        closedDate: closed?.date ?? null,
        status: r.case_status satisfies NeedleStatus,
        closureReason: r.closure_reason,
        caseTitle: r.case_title,
        neighborhood: r.neighborhood,
        street: r.location_street_name,
        zip: r.location_zipcode,
        source: r.source,
        ward: r.ward,
        lng: r.longitude,
        lat: r.latitude,
        newest: close > open ? close : open,
      },
      { coordinates: 'latitude,longitude', title: 'case_title', closure: 'closure_reason' },
      rawOf(row),
    );
  }

  /** Hands the rows papaparse read from `text` (which they cover up to `used` characters) to onRow, with their lines. */
  function emit(text: string, used: number, rows: string[][], errors: readonly CsvRowError[]): void {
    if (rows.length === 0) return;
    const nl = newline ?? '\n';
    const errorAt = new Map<number, string>();
    for (const e of errors) if (e.row !== undefined && !errorAt.has(e.row)) errorAt.set(e.row, e.message);
    const covered = text.slice(0, used);
    const breaks = countBreaks(covered, nl);
    // Fast path: as many line breaks as rows, so no cell holds a newline and each row is one line.
    const terminated = covered.endsWith(nl) ? rows.length : rows.length - 1;
    const simple = breaks === terminated;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      onRow(row, line, errorAt.get(i) ?? null);
      line += 1 + (simple ? 0 : breaksInside(row));
    }
  }

  /** Rejects the first physical line of `text` (an unclosed quote) and returns the text after it. */
  function skipBadLine(text: string): string {
    const nl = newline ?? '\n';
    const end = text.indexOf(nl);
    const bad = end === -1 ? text : text.slice(0, end);
    if (header === null) {
      header = [];
      missing = [...BOSTON_311_REQUIRED_COLUMNS];
      headerUnreadable = true;
    } else if (missing.length === 0) {
      out.counts.rows++;
      out.reject(line, '', 'unreadable CSV: a quoted field is never closed', () => bad);
    }
    line++;
    baseIndex += end === -1 ? text.length : end + nl.length;
    return end === -1 ? '' : text.slice(end + nl.length);
  }

  /** Parses `text` (pending + new chunk); keeps the unfinished last row unless `final`. */
  function parse(text: string, final: boolean): void {
    let rest = text;
    for (;;) {
      const p = parser!;
      const result = p.parse(rest, baseIndex, true) as Papa.ParseResult<string[]>;
      const used = result.meta.cursor - baseIndex;
      emit(rest, used, result.data, result.errors);
      baseIndex = result.meta.cursor;
      rest = rest.slice(used);
      if (!final) {
        if (rest.length <= MAX_CSV_ROW_CHARS) break;
        rest = skipBadLine(rest);
        continue;
      }
      if (rest === '') break;
      // The last row: complete unless a quote never closes (papaparse then swallows the rest of the file into it).
      const tail = p.parse(rest, baseIndex, false) as Papa.ParseResult<string[]>;
      if (!tail.errors.some((e) => e.code === 'MissingQuotes')) {
        emit(rest, rest.length, tail.data, tail.errors);
        rest = '';
        break;
      }
      rest = skipBadLine(rest);
      if (rest === '') break;
    }
    pending = rest;
  }

  function pushText(chunk: string): void {
    if (finished !== null) throw new Error('this 311 import has finished');
    let text = pending + chunk;
    if (!started) {
      if (text.length === 0) return;
      text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      started = true;
    }
    if (parser === null) {
      newline = guessNewline(text, false);
      if (newline === null) {
        pending = text;
        return;
      }
      parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    }
    parse(text, false);
  }

  function finish(): Import311Result {
    if (finished !== null) return finished;
    if (parser === null) {
      newline = guessNewline(pending, true) ?? '\n';
      parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
    }
    parse(pending, true);
    pending = '';
    if (header === null) {
      finished = out.result('csv', { error: 'empty file: no header row' });
    } else if (headerUnreadable) {
      finished = out.result('csv', { error: 'unreadable CSV header: a quoted field is never closed' });
    } else if (missing.length > 0) {
      const error = `not a 311 export: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
      finished = out.result('csv', { columnsMissing: missing.slice(), error });
    } else {
      finished = out.result('csv');
    }
    return finished;
  }

  return { pushText, finish };
}

/** Items of an Open311 JSON document: a list of requests, or an object holding one under `service_requests`. */
function open311Items(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  const inner = (json as { service_requests?: unknown } | null)?.service_requests;
  return Array.isArray(inner) ? inner : null;
}

/**
 * Imports an Open311 GeoReport v2 list of service requests (parsed JSON or its text). Rejection lines are list
 * positions (first request = 1). Street is the address up to its first comma; a closed request's close date is its
 * updated date. Never throws.
 */
export function import311Json(input: unknown, options: Import311Options): Import311Result {
  const out = new NeedleCollector(options);
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return out.result('open311', { error: `not valid JSON: ${(e as Error).message}` });
    }
  }
  const items = open311Items(json);
  if (items === null) return out.result('open311', { error: 'not an Open311 GeoReport v2 list of service requests' });
  items.forEach((item, i) => {
    const line = i + 1;
    out.counts.rows++;
    const raw = () => JSON.stringify(item) ?? '';
    const name = (item as { service_name?: unknown } | null)?.service_name;
    if (typeof name !== 'string' || !isNeedlePickupType(name)) {
      out.counts.otherTypes++;
      return;
    }
    out.counts.needle++;
    const parsed = open311RequestSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      out.reject(line, String(issue?.path[0] ?? ''), issue?.message ?? 'invalid request', raw);
      return;
    }
    const r = parsed.data;
    const open = stamp(r.requested_datetime);
    const updated = stamp(r.updated_datetime);
    out.add(
      line,
      {
        caseId: r.service_request_id,
        openedDate: r.requested_datetime.date,
        openedTime: r.requested_datetime.time?.slice(0, 5) ?? null,
        closedDate: r.status === 'closed' ? (r.updated_datetime?.date ?? null) : null,
        status: r.status,
        closureReason: r.status_notes,
        caseTitle: null,
        neighborhood: null,
        street: r.address === null ? null : (r.address.split(',')[0]!.trim() || null),
        zip: r.zipcode,
        source: null,
        ward: null,
        lng: r.long,
        lat: r.lat,
        newest: updated > open ? updated : open,
      },
      { coordinates: 'lat,long', title: 'service_name', closure: 'status_notes' },
      raw,
    );
  });
  return out.result('open311');
}

/** True when a file's text starts (after white space and a BOM) like JSON: '[' or '{'. */
export function looksLikeJson(text: string): boolean {
  const m = /^[\uFEFF\s]*(\S)/.exec(text);
  return m !== null && (m[1] === '[' || m[1] === '{');
}

/**
 * Imports the whole text of a 311 file (tests, small files). CSV goes through the streaming importer in chunks of
 * `chunkChars` (default: one chunk); JSON (first non-space character '[' or '{') as Open311.
 */
export function import311Text(text: string, fileName: string, options: { chunkChars?: number; bbox?: Import311Options['bbox'] } = {}): Import311Result {
  const opts: Import311Options = { fileName, ...(options.bbox ? { bbox: options.bbox } : {}) };
  if (looksLikeJson(text)) return import311Json(text.replace(/^\uFEFF/, ''), opts);
  const importer = create311Importer(opts);
  const size = options.chunkChars && options.chunkChars > 0 ? options.chunkChars : text.length;
  for (let i = 0; i < text.length; i += size) importer.pushText(text.slice(i, i + size));
  return importer.finish();
}

export type Import311StreamOptions = Import311Options & {
  /** Size of the file in bytes, for progress. */
  size?: number;
  /** Called with the fraction of bytes read (0..1), at most about every 1 %, and with 1 (once) at the end. */
  onProgress?: (fraction: number) => void;
  /** Stops the import between two chunks of the file: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
};

/**
 * Imports a 311 file from its byte stream (File.stream() in a worker, any web ReadableStream in node), decoding
 * UTF-8 across chunk boundaries. A CSV is parsed as it arrives and never held whole; JSON is collected then parsed.
 */
export async function import311Stream(stream: ReadableStream<Uint8Array>, options: Import311StreamOptions): Promise<Import311Result> {
  const { size, onProgress, signal, ...importOptions } = options;
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  let csv: Csv311Importer | null = null;
  let json: string[] | null = null;
  let head = '';
  let bytes = 0;
  let reported = 0;
  const take = (text: string) => {
    if (text === '') return;
    if (csv !== null) return csv.pushText(text);
    if (json !== null) return void json.push(text);
    head += text;
    if (/^[\uFEFF\s]*$/.test(head)) return;
    if (looksLikeJson(head)) json = [head];
    else {
      csv = create311Importer(importOptions);
      csv.pushText(head);
    }
    head = '';
  };
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      signal?.throwIfAborted();
      bytes += value.byteLength;
      take(decoder.decode(value, { stream: true }));
      if (onProgress && size && size > 0) {
        const fraction = Math.min(1, bytes / size);
        if (fraction - reported >= 0.01) {
          reported = fraction;
          onProgress(fraction);
        }
      }
    }
    take(decoder.decode());
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw e;
  } finally {
    reader.releaseLock();
  }
  if (reported < 1) onProgress?.(1);
  if (json !== null) return import311Json((json as string[]).join('').replace(/^\uFEFF/, ''), importOptions);
  if (csv !== null) return (csv as Csv311Importer).finish();
  return create311Importer(importOptions).finish();
}
