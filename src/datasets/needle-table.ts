// The columnar needle-requests.json: encoding (pipeline) and decoding into typed arrays (app).
import { dayFromIsoDate, isoDateFromDay } from '../domain/calendar-day';
import { roundCoordinate6 } from '../domain/geometry';
import { NEEDLE_COLUMNS_VERSION, NEEDLE_STATUSES, needleColumnsSchema } from '../domain/needle-request';
import type { NeedleColumns, NeedleRequest, NeedleStatus } from '../domain/needle-request';

/** Minute of the day (0..1439) of an "HH:MM" time, -1 for null or a malformed time. */
export function minuteOfDay(time: string | null): number {
  const m = time === null ? null : /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return -1;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : -1;
}

/** "HH:MM" of a minute of the day, null for -1. */
export function timeOfMinute(minute: number): string | null {
  if (!(minute >= 0 && minute < 1440)) return null;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Builds a sorted string lookup table and an index function (-1 for null). */
function lookup(values: (string | null)[]): { table: string[]; index: (v: string | null) => number } {
  const table = [...new Set(values.filter((v): v is string => v !== null))].sort();
  const at = new Map(table.map((v, i) => [v, i]));
  return { table, index: (v) => (v === null ? -1 : (at.get(v) ?? -1)) };
}

/** The lookup tables of the requests' text columns (each value's index), as the file and the packed table store them. */
function textLookups(rows: readonly NeedleRequest[]) {
  return {
    datasets: lookup(rows.map((r) => r.dataset)),
    neighborhoods: lookup(rows.map((r) => r.neighborhood)),
    streets: lookup(rows.map((r) => r.street)),
    closureReasons: lookup(rows.map((r) => r.closureReason)),
    sources: lookup(rows.map((r) => r.source)),
    wards: lookup(rows.map((r) => r.ward)),
  };
}

/**
 * Encodes Needle requests (in the given order) into the compact columnar form of public/data/needle-requests.json.
 * Their ids must be unique (assignNeedleIds makes them so); throws a RangeError naming a repeated id.
 */
export function encodeNeedleColumns(rows: readonly NeedleRequest[]): NeedleColumns {
  const { datasets, neighborhoods, streets, closureReasons, sources, wards } = textLookups(rows);
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.id === '' || seen.has(r.id)) throw new RangeError(`needle request id "${r.id}" is empty or not unique`);
    seen.add(r.id);
  }
  return {
    version: NEEDLE_COLUMNS_VERSION,
    count: rows.length,
    datasets: datasets.table,
    neighborhoods: neighborhoods.table,
    streets: streets.table,
    closureReasons: closureReasons.table,
    sources: sources.table,
    wards: wards.table,
    columns: {
      id: rows.map((r) => r.id),
      lng: rows.map((r) => roundCoordinate6(r.coordinates[0])),
      lat: rows.map((r) => roundCoordinate6(r.coordinates[1])),
      openedDay: rows.map((r) => dayFromIsoDate(r.openedDate)),
      closedDay: rows.map((r) => (r.closedDate === null ? -1 : dayFromIsoDate(r.closedDate))),
      openedMinute: rows.map((r) => minuteOfDay(r.openedTime)),
      status: rows.map((r) => NEEDLE_STATUSES.indexOf(r.status)),
      neighborhood: rows.map((r) => neighborhoods.index(r.neighborhood)),
      street: rows.map((r) => streets.index(r.street)),
      zip: rows.map((r) => r.zip ?? ''),
      caseId: rows.map((r) => r.caseId ?? ''),
      closureReason: rows.map((r) => closureReasons.index(r.closureReason)),
      dataset: rows.map((r) => datasets.index(r.dataset)),
      source: rows.map((r) => sources.index(r.source)),
      ward: rows.map((r) => wards.index(r.ward)),
    },
  };
}

/** Needle requests decoded into typed arrays for fast filtering and drawing. */
export type NeedleTable = {
  count: number;
  /** Stable id of each row (see NeedleRequest.id): save or share these, never row indexes, which change with the data. */
  ids: readonly string[];
  /** The row index of a stable id, or -1 when no row has it (e.g. a saved id whose request left the data). */
  indexOfId(id: string): number;
  lng: Float64Array;
  lat: Float64Array;
  /** Open day (days since 1970-01-01). */
  openedDay: Int32Array;
  /** Close day, -1 when open or not published. */
  closedDay: Int32Array;
  /** Index into NEEDLE_STATUSES: 0 unknown, 1 open, 2 closed. */
  status: Uint8Array;
  /** Minute of the Boston local day the request was opened (0..1439), -1 when the source gives only a date. */
  openedMinute: Int16Array;
  /** Index into `sources` (how the request reached 311), -1 when unknown. */
  sourceIndex: Int32Array;
  /** Index into `wards`, -1 when unknown. */
  wardIndex: Int32Array;
  /** Request sources, sorted (e.g. "Citizens Connect App", "Constituent Call"). */
  sources: readonly string[];
  /** Wards as published, sorted. */
  wards: readonly string[];
  /** Earliest and latest open day; -1 for an empty table. */
  minDay: number;
  maxDay: number;
  /** The full record of row i (for the detail panel). */
  get(i: number): NeedleRequest;
};

/**
 * Validates and decodes the parsed JSON of needle-requests.json. Throws an Error saying what is wrong when the
 * file is malformed (schema, column lengths, or a lookup index out of range).
 */
export function decodeNeedleColumns(json: unknown): NeedleTable {
  const parsed = needleColumnsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new Error(`malformed needle requests file${where}: ${issue?.message ?? 'invalid'}`);
  }
  const v = parsed.data;
  const c = v.columns;
  const checkIndexes = (name: keyof typeof c, values: number[], table: string[], nullable: boolean) => {
    const bad = values.findIndex((x) => x >= table.length || x < (nullable ? -1 : 0));
    if (bad >= 0) throw new Error(`malformed needle requests file: columns.${name}[${bad}] = ${values[bad]} is not an index of a ${table.length}-entry table`);
  };
  checkIndexes('neighborhood', c.neighborhood, v.neighborhoods, true);
  checkIndexes('street', c.street, v.streets, true);
  checkIndexes('closureReason', c.closureReason, v.closureReasons, true);
  checkIndexes('dataset', c.dataset, v.datasets, false);
  checkIndexes('source', c.source, v.sources, true);
  checkIndexes('ward', c.ward, v.wards, true);
  return tableFromColumns(v);
}

/**
 * A NeedleTable's columns as plain data: typed arrays for the numbers and lookup indexes, string arrays for the rest.
 * What a worker builds (the merged imports) and hands to the page, its typed arrays transferred, not copied.
 */
export type PackedNeedleColumns = {
  count: number;
  datasets: string[];
  neighborhoods: string[];
  streets: string[];
  closureReasons: string[];
  sources: string[];
  wards: string[];
  id: string[];
  /** '' when unknown. */
  zip: string[];
  /** '' when unknown. */
  caseId: string[];
  lng: Float64Array;
  lat: Float64Array;
  openedDay: Int32Array;
  closedDay: Int32Array;
  openedMinute: Int16Array;
  status: Uint8Array;
  neighborhood: Int32Array;
  street: Int32Array;
  closureReason: Int32Array;
  dataset: Int32Array;
  source: Int32Array;
  ward: Int32Array;
};

/** The typed arrays of packed columns (to transfer them to another thread). */
export function packedBuffers(p: PackedNeedleColumns): ArrayBuffer[] {
  const arrays = [p.lng, p.lat, p.openedDay, p.closedDay, p.openedMinute, p.status, p.neighborhood, p.street, p.closureReason, p.dataset, p.source, p.ward];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** The columns each table was made from (so a table can be handed to a worker without reading it row by row). */
const packedOf = new WeakMap<NeedleTable, PackedNeedleColumns>();

function packColumns(v: NeedleColumns): PackedNeedleColumns {
  const c = v.columns;
  return {
    count: v.count,
    datasets: v.datasets,
    neighborhoods: v.neighborhoods,
    streets: v.streets,
    closureReasons: v.closureReasons,
    sources: v.sources,
    wards: v.wards,
    id: c.id,
    zip: c.zip,
    caseId: c.caseId,
    lng: Float64Array.from(c.lng),
    lat: Float64Array.from(c.lat),
    openedDay: Int32Array.from(c.openedDay),
    closedDay: Int32Array.from(c.closedDay),
    openedMinute: Int16Array.from(c.openedMinute),
    status: Uint8Array.from(c.status),
    neighborhood: Int32Array.from(c.neighborhood),
    street: Int32Array.from(c.street),
    closureReason: Int32Array.from(c.closureReason),
    dataset: Int32Array.from(c.dataset),
    source: Int32Array.from(c.source),
    ward: Int32Array.from(c.ward),
  };
}

/** The table over columns already known to be well formed (validated, or just encoded from valid requests). */
function tableFromColumns(v: NeedleColumns): NeedleTable {
  return needleTableFromPacked(packColumns(v));
}

/** ISO dates of day numbers, made once each: the detail panel and the tools call get() for many rows of few days. */
const isoDates = new Map<number, string>();
function isoDateOf(day: number): string {
  let s = isoDates.get(day);
  if (s === undefined) {
    s = isoDateFromDay(day);
    if (isoDates.size < 100_000) isoDates.set(day, s);
  }
  return s;
}

/**
 * The table over packed columns (built by packNeedleTable or a worker from well-formed requests). Uses the typed
 * arrays as they are (no copy). Not validated: the columns must be of one length and their indexes in range.
 */
export function needleTableFromPacked(p: PackedNeedleColumns): NeedleTable {
  const { count, openedDay, closedDay, status, lng, lat, openedMinute } = p;
  let minDay = -1;
  let maxDay = -1;
  for (let i = 0; i < count; i++) {
    const d = openedDay[i]!;
    if (d < 0) continue;
    if (minDay < 0 || d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const sourceIndex = p.source;
  const wardIndex = p.ward;
  const sources: readonly string[] = Object.freeze(p.sources.slice());
  const wards: readonly string[] = Object.freeze(p.wards.slice());
  const text = (table: string[], i: number | undefined) => (i === undefined || i < 0 ? null : (table[i] ?? null));
  const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

  const ids: readonly string[] = Object.freeze(p.id.slice());
  let rowOfId: Map<string, number> | null = null;

  const table: NeedleTable = {
    count,
    ids,
    indexOfId(id: string): number {
      rowOfId ??= new Map(ids.map((x, i) => [x, i]));
      return rowOfId.get(id) ?? -1;
    },
    lng,
    lat,
    openedDay,
    closedDay,
    status,
    openedMinute,
    sourceIndex,
    wardIndex,
    sources,
    wards,
    minDay,
    maxDay,
    get(i: number): NeedleRequest {
      if (!Number.isInteger(i) || i < 0 || i >= count) throw new RangeError(`needle request ${i} out of range 0..${count - 1}`);
      const closed = closedDay[i]!;
      return {
        id: ids[i]!,
        caseId: orNull(p.caseId[i]),
        openedDate: isoDateOf(openedDay[i]!),
        openedTime: timeOfMinute(openedMinute[i]!),
        closedDate: closed < 0 ? null : isoDateOf(closed),
        status: (NEEDLE_STATUSES[status[i]!] ?? 'unknown') satisfies NeedleStatus,
        closureReason: text(p.closureReasons, p.closureReason[i]),
        neighborhood: text(p.neighborhoods, p.neighborhood[i]),
        street: text(p.streets, p.street[i]),
        zip: orNull(p.zip[i]),
        source: text(p.sources, sourceIndex[i]),
        ward: text(p.wards, wardIndex[i]),
        coordinates: [lng[i]!, lat[i]!],
        dataset: p.datasets[p.dataset[i]!] ?? '',
      };
    },
  };
  packedOf.set(table, p);
  return table;
}

/**
 * The packed columns of a table (the ones it was made from, shared, not copied; a table made elsewhere is read row
 * by row). Transferring their buffers detaches them: only transfer those of a table no longer used.
 */
export function packNeedleTable(table: NeedleTable): PackedNeedleColumns {
  return packedOf.get(table) ?? packRequests(Array.from({ length: table.count }, (_, i) => table.get(i)));
}

/** Packs requests (in the given order) as encodeNeedleColumns would store them; ids must be unique (RangeError). */
function packRequests(rows: readonly NeedleRequest[]): PackedNeedleColumns {
  const n = rows.length;
  const { datasets, neighborhoods, streets, closureReasons, sources, wards } = textLookups(rows);
  const p: PackedNeedleColumns = {
    count: n,
    datasets: datasets.table,
    neighborhoods: neighborhoods.table,
    streets: streets.table,
    closureReasons: closureReasons.table,
    sources: sources.table,
    wards: wards.table,
    id: new Array<string>(n),
    zip: new Array<string>(n),
    caseId: new Array<string>(n),
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    openedDay: new Int32Array(n),
    closedDay: new Int32Array(n),
    openedMinute: new Int16Array(n),
    status: new Uint8Array(n),
    neighborhood: new Int32Array(n),
    street: new Int32Array(n),
    closureReason: new Int32Array(n),
    dataset: new Int32Array(n),
    source: new Int32Array(n),
    ward: new Int32Array(n),
  };
  const seen = new Set<string>();
  /** Day numbers of the dates seen (a year of requests has a few hundred distinct dates). */
  const days = new Map<string, number>();
  const dayOf = (date: string) => {
    let d = days.get(date);
    if (d === undefined) days.set(date, (d = dayFromIsoDate(date)));
    return d;
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r.id === '' || seen.has(r.id)) throw new RangeError(`needle request id "${r.id}" is empty or not unique`);
    seen.add(r.id);
    p.id[i] = r.id;
    p.zip[i] = r.zip ?? '';
    p.caseId[i] = r.caseId ?? '';
    p.lng[i] = roundCoordinate6(r.coordinates[0]);
    p.lat[i] = roundCoordinate6(r.coordinates[1]);
    p.openedDay[i] = dayOf(r.openedDate);
    p.closedDay[i] = r.closedDate === null ? -1 : dayOf(r.closedDate);
    p.openedMinute[i] = minuteOfDay(r.openedTime);
    p.status[i] = NEEDLE_STATUSES.indexOf(r.status);
    p.neighborhood[i] = neighborhoods.index(r.neighborhood);
    p.street[i] = streets.index(r.street);
    p.closureReason[i] = closureReasons.index(r.closureReason);
    p.dataset[i] = datasets.index(r.dataset);
    p.source[i] = sources.index(r.source);
    p.ward[i] = wards.index(r.ward);
  }
  return p;
}

/**
 * A NeedleTable of requests held in memory (e.g. imported rows merged with the published ones), exactly as the app
 * would see them stored in the file and decoded (coordinates to 6 decimals, strings in lookup tables). Ids must be
 * unique (RangeError naming a repeated one).
 */
export function needleTableFromRequests(rows: readonly NeedleRequest[]): NeedleTable {
  // The columns are made here from typed requests, so the file's schema check (slow on a year of imports: it walks
  // every value of every column) has nothing to find.
  return needleTableFromPacked(packRequests(rows));
}
