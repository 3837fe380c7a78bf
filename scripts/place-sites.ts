// Suggests street-level coordinates for rows of data/sites.csv that have no lng/lat yet (a curator's helper).
//
// Usage: npx tsx scripts/place-sites.ts [path/to/sites.csv] [--all]
// Street data: $HRM_DATA_DIR/basemap/streets-<city>.geojson, else ../shared/data/basemap (Boston's file for Boston
// neighbourhoods). The address's street is read after its house number; a parenthesis "(corner of X)" gives a cross
// street. It prints suggestions only: the curator copies the numbers and the precision into sites.csv.
// Rule of thumb used for the suggested precision: an intersection, or a street whose longest run is at most
// STREET_LEVEL_MAX_RUN_METERS long, is 'street-level'; a longer street without a cross street is only 'approximate'
// (better: find a source naming the cross street, or leave the site out).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { placeOnStreet, streetRuns, type StreetCollection } from '../src/geo/street-geocode';

export const STREET_LEVEL_MAX_RUN_METERS = 600;

export type ParsedAddress = { street: string; crossStreet?: string };

/** "780 Albany Street (corner of Massachusetts Avenue)" or "(building at the corner of …)" → { street: 'Albany Street', crossStreet: 'Massachusetts Avenue' }. */
export function parseAddress(address: string): ParsedAddress | null {
  const corner = /\([^)]*\bcorner of ([^)]+)\)/i.exec(address);
  const withoutNotes = address.replace(/\([^)]*\)/g, ' ').split(',')[0]?.trim() ?? '';
  const street = withoutNotes.replace(/^\d+[A-Za-z]?(\s*-\s*\d+[A-Za-z]?)?\s+/, '').trim();
  if (street === '') return null;
  const cross = corner?.[1]?.trim();
  return cross ? { street, crossStreet: cross } : { street };
}

const BOSTON_NEIGHBORHOODS = new Set([
  'boston', 'allston', 'brighton', 'charlestown', 'dorchester', 'east boston', 'hyde park', 'jamaica plain',
  'mattapan', 'roslindale', 'roxbury', 'south boston', 'south end', 'west roxbury', 'back bay', 'fenway',
]);

function streetsFileFor(dataDir: string, city: string): string {
  const key = city.trim().toLowerCase();
  const cityFile = path.join(dataDir, 'basemap', `streets-${key.replace(/\s+/g, '-')}.geojson`);
  if (!BOSTON_NEIGHBORHOODS.has(key) && existsSync(cityFile)) return cityFile;
  return path.join(dataDir, 'basemap', 'streets-boston.geojson');
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

function main(): void {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const csvPath = args.find((a) => !a.startsWith('--')) ?? path.join(here, '..', 'data', 'sites.csv');
  const dataDir = process.env.HRM_DATA_DIR ?? path.join(here, '..', '..', 'shared', 'data');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(csvPath, 'utf8'), { header: true, skipEmptyLines: true });
  const cache = new Map<string, StreetCollection>();
  for (const row of parsed.data) {
    const hasCoords = (row.lng ?? '').trim() !== '' && (row.lat ?? '').trim() !== '';
    if (hasCoords && !all) continue;
    const address = parseAddress(row.address ?? '');
    if (!address) {
      console.log(JSON.stringify({ id: row.id, error: 'no street in address: cannot be placed' }));
      continue;
    }
    const file = streetsFileFor(dataDir, row.city ?? 'Boston');
    let streets = cache.get(file);
    if (!streets) {
      streets = JSON.parse(readFileSync(file, 'utf8')) as StreetCollection;
      cache.set(file, streets);
    }
    const runs = streetRuns(streets, address.street).map((r) => Math.round(r.lengthMeters));
    const placed = placeOnStreet(streets, address.street, address.crossStreet ? { crossStreet: address.crossStreet } : {});
    const longest = runs[0] ?? Infinity;
    const precision = address.crossStreet || longest <= STREET_LEVEL_MAX_RUN_METERS ? 'street-level' : 'approximate';
    console.log(
      JSON.stringify({
        id: row.id,
        file: path.basename(file),
        ...address,
        runLengthsMeters: runs,
        suggestion: placed ? { lng: round6(placed.coordinates[0]), lat: round6(placed.coordinates[1]), precision } : null,
        current: hasCoords ? { lng: row.lng, lat: row.lat, precision: row.coord_precision } : undefined,
      }),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
