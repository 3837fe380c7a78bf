// A planned sweep as files for phones and GPS units (GPX 1.1), spreadsheets (CSV) and GIS (GeoJSON).
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import Papa from 'papaparse';

/** One stop of an exported sweep, in visiting order. */
export type SweepExportRow = {
  /** What the stop is called on the device: e.g. "3. 12 Main St". */
  name: string;
  lngLat: [number, number];
  caseId?: string | null;
  /** Address or street of the request, as shown in the app. */
  address?: string | null;
  /** Arrival, minutes after the start of the shift. */
  arriveMinute: number;
  /** Distance from the previous stop (or the start), metres. */
  legMeters: number;
  /** Minutes planned at the stop. */
  minutes: number;
};

/** Digits kept in exported coordinates (about 1 cm): the files stay small and parse back to the same numbers. */
const COORDINATE_DECIMALS = 7;

function coordinate(x: number): number {
  return Number(x.toFixed(COORDINATE_DECIMALS));
}

/** XML text or attribute value with &, <, >, " and ' escaped, and characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** "HH:MM" of `shiftStart` ("HH:MM", 24-hour clock) plus `minutes`, rounded to the minute, past midnight wrapping. */
export function clockTime(shiftStart: string, minutes: number): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(shiftStart.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new RangeError(`sweep export: shift start "${shiftStart}" is not HH:MM`);
  const total = (((Number(match[1]) * 60 + Number(match[2]) + Math.round(minutes)) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export type SweepGpxOptions = {
  /** Name of the route and the file's metadata, e.g. "Sharps sweep 2026-03-02". */
  name?: string;
  /** The route's line along the streets, [lng, lat] positions; default: straight from stop to stop. */
  routeLine?: readonly [number, number][];
  /** ISO time of the file's metadata (default: none, so the same plan gives the same file). */
  time?: string;
};

/**
 * GPX 1.1 text of a sweep: one `wpt` per stop in visiting order (name, case id and address in `desc`, `type`
 * "sharps sweep stop"), then the route as an `rte` of the stops in order and, when `routeLine` is given, the line
 * along the streets as a `trk` (phones draw tracks, GPS units navigate routes). Latitude and longitude are attributes
 * `lat`/`lon` (GPX order, from `[lng, lat]`). Names are XML-escaped.
 */
export function sweepGpx(rows: readonly SweepExportRow[], options: SweepGpxOptions = {}): string {
  const name = options.name ?? 'Sharps sweep';
  const point = (tag: string, lngLat: readonly [number, number], inner: string) =>
    `<${tag} lat="${coordinate(lngLat[1])}" lon="${coordinate(lngLat[0])}">${inner}</${tag}>`;
  const describeRow = (row: SweepExportRow) => [row.caseId ? `Case ${row.caseId}` : '', row.address ?? ''].filter(Boolean).join(', ');
  const stopInner = (row: SweepExportRow) => {
    const desc = describeRow(row);
    return `<name>${escapeXml(row.name)}</name>${desc ? `<desc>${escapeXml(desc)}</desc>` : ''}<type>sharps sweep stop</type>`;
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Boston Harm Reduction Map" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
    `  <metadata><name>${escapeXml(name)}</name>${options.time ? `<time>${escapeXml(options.time)}</time>` : ''}</metadata>`,
    ...rows.map((row) => `  ${point('wpt', row.lngLat, stopInner(row))}`),
  ];
  if (rows.length > 0) {
    lines.push(`  <rte><name>${escapeXml(name)}</name>`, ...rows.map((row) => `    ${point('rtept', row.lngLat, `<name>${escapeXml(row.name)}</name>`)}`), '  </rte>');
  }
  if (options.routeLine && options.routeLine.length > 0) {
    lines.push(`  <trk><name>${escapeXml(name)}</name><trkseg>`, ...options.routeLine.map((p) => `    ${point('trkpt', p, '')}`), '  </trkseg></trk>');
  }
  lines.push('</gpx>');
  return `${lines.join('\n')}\n`;
}

/** A text cell safe to open in a spreadsheet: a leading formula character is quoted with an apostrophe. */
function textCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Columns of {@link sweepCsv}, in order. */
export const SWEEP_CSV_COLUMNS = ['order', 'arrival', 'case_id', 'address', 'name', 'latitude', 'longitude', 'minutes', 'leg_meters'] as const;

/**
 * CSV text of a sweep: one row per stop in visiting order with its number (1-based), arrival clock time "HH:MM"
 * (`shiftStart` + arriveMinute), case id, address, name, latitude, longitude, minutes at the stop and the leg from the
 * previous stop in whole metres. Quoted only where needed (commas, quotes, line breaks); LF line breaks and a final
 * newline. A text cell (case id, address, name) starting with =, +, -, @, tab or carriage return gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it as a formula (imported 311 files are not trusted).
 */
export function sweepCsv(rows: readonly SweepExportRow[], shiftStart: string): string {
  const body = rows.map((row, k) => [
    String(k + 1),
    clockTime(shiftStart, row.arriveMinute),
    textCell(row.caseId ?? ''),
    textCell(row.address ?? ''),
    textCell(row.name),
    String(coordinate(row.lngLat[1])),
    String(coordinate(row.lngLat[0])),
    String(row.minutes),
    String(Math.round(row.legMeters)),
  ]);
  return `${Papa.unparse([[...SWEEP_CSV_COLUMNS], ...body], { newline: '\n', quotes: false })}\n`;
}

export type SweepStopProperties = {
  order: number;
  name: string;
  caseId: string | null;
  address: string | null;
  arriveMinute: number;
  legMeters: number;
  minutes: number;
};

/**
 * GeoJSON of a sweep (RFC 7946, [lng, lat]): a Point per stop in visiting order with `order` (1-based) and the row's
 * fields, then the route as one LineString (`routeLine`, or straight from stop to stop) with `kind: "route"`.
 */
export function sweepGeoJson(
  rows: readonly SweepExportRow[],
  routeLine?: readonly [number, number][],
): FeatureCollection<Point | LineString, SweepStopProperties | { kind: 'route' }> {
  const stops: Feature<Point, SweepStopProperties>[] = rows.map((row, k) => ({
    type: 'Feature',
    properties: {
      order: k + 1,
      name: row.name,
      caseId: row.caseId ?? null,
      address: row.address ?? null,
      arriveMinute: row.arriveMinute,
      legMeters: row.legMeters,
      minutes: row.minutes,
    },
    geometry: { type: 'Point', coordinates: [coordinate(row.lngLat[0]), coordinate(row.lngLat[1])] },
  }));
  const line = (routeLine ?? rows.map((r) => r.lngLat)).map((p) => [coordinate(p[0]), coordinate(p[1])]);
  const features: Feature<Point | LineString, SweepStopProperties | { kind: 'route' }>[] = [...stops];
  if (line.length >= 2) features.push({ type: 'Feature', properties: { kind: 'route' }, geometry: { type: 'LineString', coordinates: line } });
  return { type: 'FeatureCollection', features };
}
