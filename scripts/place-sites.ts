// Proposes coordinates for the rows of data/sites.csv with the app's offline geocoder (a curator's helper; prints, never writes).
//
// Usage: npm run data (once, builds the geocoder index), then npx tsx scripts/place-sites.ts [path/to/sites.csv] [--changed]
// One JSON line per row: the queries tried, the proposal {lng, lat, precision} (the geocoder's vocabulary: address-point,
// interpolated, intersection, street, place, neighborhood), the row's current values and how far the proposal is from
// them. The curator copies the numbers and the precision into sites.csv. A row whose coord_precision is 'pinned' (a
// person placed it) is never re-proposed: it is reported as kept. --changed prints only rows whose proposal differs.
//
// Queries come from the address cell: "(corner of A)" or "(corner of A and B)" gives an intersection, "(in X)" or
// "(at X)" (or such a part of a ;-separated note) a named place or square, then the address itself and its street alone, each with the row's city. A result
// outside the row's city is refused (the geocoder may match "350 Washington Street" in Boston for a Brookline row).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { COORD_PRECISIONS, type CoordPrecision } from '../src/domain/site';
import { haversineMeters, type Geocoder, type Precision, type Suggestion } from '../src/geo/geocoder';
import { loadGeocoder } from './geocode';

/** Every geocoder precision is a site precision (compile-time check: fails to build if the geocoder gains one). */
const GEOCODER_PRECISIONS_ARE_SITE_PRECISIONS: Precision extends CoordPrecision ? true : never = true;
void GEOCODER_PRECISIONS_ARE_SITE_PRECISIONS;

/** Cities next to Boston whose names the geocoder gives as a hit's `neighborhood`. */
const NEIGHBOURING_CITIES = ['Brookline', 'Cambridge', 'Somerville'];

export type SiteRowCells = { id: string; address: string; city: string; lng: string; lat: string; coord_precision: string };

export type Proposal = {
  id: string;
  kept?: 'pinned';
  queries?: string[];
  label?: string;
  proposal?: { lng: number; lat: number; precision: Precision } | null;
  current: { lng: string; lat: string; precision: string };
  movedMeters?: number | null;
  refused?: string[];
};

/** The geocoder queries for a row, most specific first (see the header comment). */
export function siteQueries(address: string, city: string): string[] {
  const queries: string[] = [];
  const where = city.trim();
  const withCity = (q: string) => (where ? `${q}, ${where}` : q);
  const main = address.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const firstPart = main.split(',')[0]?.trim() ?? '';
  const street = firstPart.replace(/^\d+[A-Za-z]?(\s*-\s*\d+[A-Za-z]?)?\s+/, '').trim();
  for (const note of address.matchAll(/\(([^)]*)\)/g)) {
    const text = note[1] ?? '';
    const corner = /\bcorner of ([^;,]+)/i.exec(text)?.[1]?.trim();
    if (corner) queries.push(withCity(/\band\b|&/i.test(corner) ? corner : `${street} and ${corner}`));
    for (const part of text.split(';')) {
      const inPlace = /^(?:in|at) (.+)$/i.exec(part.trim())?.[1]?.trim();
      if (inPlace) queries.push(withCity(inPlace));
    }
  }
  if (firstPart) queries.push(withCity(firstPart));
  if (street && street !== firstPart) queries.push(withCity(street));
  return [...new Set(queries)];
}

/** True when a hit lies in the row's city (Boston: any Boston neighbourhood; else the hit's area names the city). */
export function hitInCity(hit: Pick<Suggestion, 'neighborhood'>, city: string): boolean {
  const area = hit.neighborhood;
  if (city.trim().toLowerCase() === 'boston') return area === null || !NEIGHBOURING_CITIES.includes(area);
  return area !== null && area.toLowerCase() === city.trim().toLowerCase();
}

const rank = (p: CoordPrecision): number => COORD_PRECISIONS.indexOf(p);
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The best placement the geocoder offers for one row (most precise hit in the row's city), or why there is none. */
export function proposePlacement(geocoder: Pick<Geocoder, 'geocode'>, row: SiteRowCells): Proposal {
  const current = { lng: row.lng, lat: row.lat, precision: row.coord_precision };
  if (row.coord_precision.trim() === 'pinned') return { id: row.id, kept: 'pinned', current };
  const queries = siteQueries(row.address, row.city);
  const refused: string[] = [];
  let best: Suggestion | null = null;
  for (const q of queries) {
    const hit = geocoder.geocode(q);
    if (!hit) continue;
    if (!hitInCity(hit, row.city)) {
      refused.push(`${q} → ${hit.label} (not in ${row.city})`);
      continue;
    }
    if (!best || rank(hit.precision) < rank(best.precision)) best = hit;
  }
  const proposal = best ? { lng: round6(best.lngLat[0]), lat: round6(best.lngLat[1]), precision: best.precision } : null;
  const hasCurrent = Number.isFinite(Number.parseFloat(row.lng)) && Number.isFinite(Number.parseFloat(row.lat));
  const movedMeters =
    proposal && hasCurrent ? Math.round(haversineMeters([Number(row.lng), Number(row.lat)], [proposal.lng, proposal.lat])) : null;
  return { id: row.id, queries, label: best?.label, proposal, current, movedMeters, ...(refused.length ? { refused } : {}) };
}

function main(): void {
  const args = process.argv.slice(2);
  const onlyChanged = args.includes('--changed');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const csvPath = args.find((a) => !a.startsWith('--')) ?? path.join(here, '..', 'data', 'sites.csv');
  const parsed = Papa.parse<SiteRowCells>(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const geocoder = loadGeocoder();
  for (const row of parsed.data) {
    const p = proposePlacement(geocoder, row);
    const same = p.kept !== undefined || (p.proposal && p.movedMeters === 0 && p.proposal.precision === p.current.precision);
    if (onlyChanged && same) continue;
    console.log(JSON.stringify(p));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
