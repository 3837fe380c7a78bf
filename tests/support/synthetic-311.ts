// A synthetic Analyze Boston 311 export (the current lower-case schema), row by row or streamed to a file on disk, with the counts the 311 import must report for it (e2e and benches share it).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../../src/geo/seeded-random';

/** The header of Analyze Boston's current 311 export (the `new` schema, lower-case). */
export const BOSTON_311_HEADER =
  'case_enquiry_id,open_dt,sla_target_dt,closed_dt,on_time,case_status,closure_reason,case_title,subject,reason,type,queue,department,submitted_photo,closed_photo,location,fire_district,pwd_district,city_council_district,police_district,neighborhood,neighborhood_services_district,ward,precinct,location_street_name,location_zipcode,latitude,longitude,geom_4326,source';

const OTHER_TYPES = ['Request for Pothole Repair', 'Street Light Outages', 'Missed Trash/Recycling/Yard Waste/Bulk Item', 'Parking Enforcement', 'Rodent Activity', 'Requests for Street Cleaning'];
const NEIGHBORHOODS = ['South End', 'Roxbury', 'Dorchester', 'Downtown / Financial District', 'Back Bay', 'Jamaica Plain', 'East Boston', 'Charlestown'];
const STREETS = ['Melnea Cass Blvd', 'Massachusetts Ave', 'Washington St', 'Albany St', 'Boylston St', 'Dorchester Ave', 'Blue Hill Ave', 'Tremont St'];
const SOURCES = ['Citizens Connect App', 'Constituent Call', 'Employee Generated', 'Self Service'];
/** City Hall, the 311 default location (rejected by the importer): generated points keep away from it. */
const CITY_HALL_LNG_LAT = [-71.0585, 42.36] as const;

export type Synthetic311Options = {
  rows: number;
  /** Share of Needle Pickup rows, e.g. 0.03. */
  needleShare: number;
  /** Needle rows are opened within this many days before `now` (Boston is UTC-4/-5: dates are `now`'s UTC date minus 1..days). */
  now: Date;
  days?: number;
  /** Every `rejectEvery`-th Needle row has no latitude (rejected: "no coordinates"); 0 for none. */
  rejectEvery?: number;
  seed?: number;
};

export type Synthetic311Counts = {
  rows: number;
  bytes: number;
  /** Needle Pickup rows with a valid location and date (all case ids unique, so each is one record added). */
  needleAdded: number;
  /** Needle Pickup rows without coordinates. */
  needleRejected: number;
  /** Rows of other request types. */
  otherTypes: number;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Everything but `rows`: a row maker makes as many rows as it is asked for. */
export type Synthetic311RowOptions = Omit<Synthetic311Options, 'rows'>;

export type Synthetic311RowMaker = {
  /** Counts of the rows made so far (`bytes` stays 0: only the file writer counts bytes). */
  counts: Synthetic311Counts;
  /** The CSV line (no line end) of data row `i` (1-based: its case id is 101006000000 + i). Call with i = 1, 2, 3, … in order. */
  row(i: number): string;
};

/** A seeded maker of synthetic 311 data rows, for callers that hold or stream the text themselves; BOSTON_311_HEADER is the header. */
export function synthetic311RowMaker(o: Synthetic311RowOptions): Synthetic311RowMaker {
  const rand = mulberry32(o.seed ?? 311);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const days = o.days ?? 60;
  const counts: Synthetic311Counts = { rows: 0, bytes: 0, needleAdded: 0, needleRejected: 0, otherTypes: 0 };
  const dateTime = (daysBefore: number) => {
    const d = new Date(o.now.getTime() - daysBefore * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:00`;
  };
  let needleRows = 0;
  const row = (i: number): string => {
    counts.rows++;
    const needle = rand() < o.needleShare;
    const type = needle ? 'Needle Pickup' : pick(OTHER_TYPES);
    let lat = 42.3 + rand() * 0.07;
    const lng = -71.11 + rand() * 0.08;
    if (Math.abs(lng - CITY_HALL_LNG_LAT[0]) < 0.002 && Math.abs(lat - CITY_HALL_LNG_LAT[1]) < 0.002) lat -= 0.01;
    let latText = lat.toFixed(6);
    const lngText = lng.toFixed(6);
    if (needle) {
      needleRows++;
      if (o.rejectEvery && needleRows % o.rejectEvery === 0) {
        latText = '';
        counts.needleRejected++;
      } else counts.needleAdded++;
    } else counts.otherTypes++;
    const open = needle ? dateTime(1 + Math.floor(rand() * days)) : dateTime(1 + Math.floor(rand() * 365));
    const closed = rand() < 0.7;
    const street = pick(STREETS);
    return [
      String(101006000000 + i),
      open,
      '',
      closed ? open : '',
      'ONTIME',
      closed ? 'Closed' : 'Open',
      closed ? '"Case Resolved. Recovered items, area clean."' : '',
      type,
      "Mayor's 24 Hour Hotline",
      needle ? 'Needle Program' : 'Highway Maintenance',
      type,
      needle ? 'GEN_Needle_Pickup' : 'PWDx_District 1C: Downtown',
      needle ? 'GEN_' : 'PWDx',
      '',
      '',
      `"${100 + (i % 900)} ${street}, Boston, MA, 02118"`,
      '4',
      '1C',
      '2',
      'D4',
      pick(NEIGHBORHOODS),
      '6',
      `Ward ${1 + (i % 22)}`,
      `0${1 + (i % 9)}0${1 + (i % 7)}`,
      street,
      '02118',
      latText,
      lngText,
      `"POINT (${lngText} ${latText})"`,
      pick(SOURCES),
    ].join(',');
  };
  return { counts, row };
}

/**
 * Writes a synthetic 311 CSV export of `rows` data rows to `path` (LF line ends, quoted cells with commas as in the
 * real export), streaming it in ~1 MB writes so a 1,000,000-row file (~380 MB) is never held whole.
 */
export async function writeSynthetic311Csv(path: string, o: Synthetic311Options): Promise<Synthetic311Counts> {
  const maker = synthetic311RowMaker(o);
  const counts = maker.counts;
  const out = createWriteStream(path, { encoding: 'utf8' });
  let buffer = `${BOSTON_311_HEADER}\n`;
  const flush = async () => {
    counts.bytes += Buffer.byteLength(buffer);
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  for (let i = 1; i <= o.rows; i++) {
    buffer += `${maker.row(i)}\n`;
    if (buffer.length >= 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return { ...counts };
}
