// Oracles for the specs: the generated data files (public/data, `npm run data`) read in the test process, not the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type LngLat = [lng: number, lat: number];

const PUBLIC_DATA = join(import.meta.dirname, '..', '..', '..', 'public', 'data');

function readJson<T>(file: string): T {
  const path = join(PUBLIC_DATA, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`cannot read ${path} (run \`npm run data\` first)`, { cause: err });
  }
}

export type SiteRecord = {
  id: string;
  name: string;
  kind: string;
  /** 'disposal' or 'service' (the map layer the site is drawn on). */
  layer: string;
  coordinates: LngLat;
};

/** public/data/sites.geojson, one record per feature. */
export function readSites(): SiteRecord[] {
  const fc = readJson<{ features: { properties: Omit<SiteRecord, 'coordinates'>; geometry: { coordinates: LngLat } }[] }>('sites.geojson');
  return fc.features.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    kind: f.properties.kind,
    layer: f.properties.layer,
    coordinates: f.geometry.coordinates,
  }));
}

export type PhoneServiceRecord = { name: string; phone: string; hours: string | null };

/** public/data/phone-services.json (built from data/phone-services.csv). */
export function readPhoneServices(): PhoneServiceRecord[] {
  return readJson<PhoneServiceRecord[]>('phone-services.json');
}

export type OutreachZoneRecord = { name: string; approximate: boolean; geometry: { type: string; coordinates: unknown } };

/** public/data/outreach-zones.geojson: the default zones. */
export function readDefaultZones(): OutreachZoneRecord[] {
  const fc = readJson<{ features: { properties: { name: string; approximate: boolean }; geometry: OutreachZoneRecord['geometry'] }[] }>(
    'outreach-zones.geojson',
  );
  return fc.features.map((f) => ({ name: f.properties.name, approximate: f.properties.approximate, geometry: f.geometry }));
}

/** Status names in the order of the file's status codes (src/domain/needle-request.ts NEEDLE_STATUSES). */
const STATUS_BY_CODE = ['unknown', 'open', 'closed'] as const;
export type NeedleStatusName = (typeof STATUS_BY_CODE)[number];

export type NeedleRecord = {
  index: number;
  coordinates: LngLat;
  openedDate: string;
  status: NeedleStatusName;
  neighborhood: string | null;
  street: string | null;
};

type NeedleFile = {
  count: number;
  neighborhoods: string[];
  streets: string[];
  columns: { lng: number[]; lat: number[]; openedDay: number[]; status: number[]; neighborhood: number[]; street: number[] };
};

/** Every 311 request in public/data/needle-requests.json, decoded independently of the app's decoder. */
export function readNeedles(): NeedleRecord[] {
  const file = readJson<NeedleFile>('needle-requests.json');
  const c = file.columns;
  const records: NeedleRecord[] = [];
  for (let i = 0; i < file.count; i++) {
    const code = c.status[i] ?? 0;
    const status = STATUS_BY_CODE[code];
    if (!status) throw new Error(`needle-requests.json: status code ${code} at row ${i}`);
    records.push({
      index: i,
      coordinates: [c.lng[i] ?? NaN, c.lat[i] ?? NaN],
      openedDate: new Date((c.openedDay[i] ?? 0) * 86_400_000).toISOString().slice(0, 10),
      status,
      neighborhood: file.neighborhoods[c.neighborhood[i] ?? -1] ?? null,
      street: file.streets[c.street[i] ?? -1] ?? null,
    });
  }
  return records;
}

/** Metres between two points (equirectangular; fine at city scale). */
export function metresBetween(a: readonly number[], b: readonly number[]): number {
  const [lng1 = 0, lat1 = 0] = a;
  const [lng2 = 0, lat2 = 0] = b;
  const x = ((lng2 - lng1) * Math.PI * 6_371_000 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180)) / 180;
  const y = ((lat2 - lat1) * Math.PI * 6_371_000) / 180;
  return Math.hypot(x, y);
}

/** Great-circle metres (haversine, mean Earth radius 6371.0088 km, as turf). */
export function greatCircleMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}
