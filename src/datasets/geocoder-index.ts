// The generated geocoder index file (data/geocoder-index.json): its zod schema, encoder (pipeline) and parser (app, CLI).
//
// Columnar JSON. Coordinates are integers in millionths of a degree (6 decimals), delta-encoded pair by pair within
// each `lngLat` column (the first pair absolute, each next pair the difference to the previous one), so long runs of
// nearby points cost a few characters each. Address street indices and numbers are delta-encoded too (rows are sorted
// by street, then number), and an address's range end is stored as its length (0 for a single number).
import { z } from 'zod';
import { PLACE_KINDS, type GeocoderIndex } from '../geo/geocoder';

export const GEOCODER_INDEX_FORMAT = 'hrm-geocoder-index';
export const GEOCODER_INDEX_VERSION = 1;
const SCALE = 1e6;

// Columns run to hundreds of thousands of values: one check per column, not one zod schema per value.
const ints = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => Number.isSafeInteger(x)), 'expected an array of integers');

export const geocoderIndexFileSchema = z
  .object({
    format: z.literal(GEOCODER_INDEX_FORMAT),
    version: z.literal(GEOCODER_INDEX_VERSION),
    areas: z.object({ name: z.array(z.string()), kind: z.array(z.enum(['neighborhood', 'city'])), lngLat: ints }),
    zips: z.array(z.string().regex(/^\d{5}$/)),
    postalCities: z.array(z.string()),
    streets: z.object({ name: z.array(z.string().min(1)), area: ints, run: ints, lngLat: ints, chainStart: ints }),
    chains: z.object({ vertexStart: ints, lngLat: ints }),
    /** `street` and `number` delta-encoded; `numberTo` stored as the range length (numberTo - number). */
    addresses: z.object({ street: ints, number: ints, numberTo: ints, zip: ints, city: ints, area: ints, lngLat: ints }),
    intersections: z.object({ a: ints, b: ints, source: z.array(z.union([z.literal(0), z.literal(1)])), area: ints, lngLat: ints }),
    places: z.object({ name: z.array(z.string().min(1)), alias: z.array(z.string()), kind: z.array(z.enum(PLACE_KINDS)), area: ints, lngLat: ints }),
  })
  .superRefine((f, ctx) => {
    const table = (name: string, cols: Record<string, readonly unknown[]>, pairs: string[]) => {
      const n = Object.values(cols)[0]?.length ?? 0;
      for (const [col, values] of Object.entries(cols)) {
        const expected = pairs.includes(col) ? 2 * n : n;
        if (values.length !== expected) ctx.addIssue({ code: 'custom', path: [name, col], message: `${name}.${col} has ${values.length} values, expected ${expected}` });
      }
      return n;
    };
    const nAreas = table('areas', { name: f.areas.name, kind: f.areas.kind, lngLat: f.areas.lngLat }, ['lngLat']);
    const nStreets = table('streets', { name: f.streets.name, area: f.streets.area, run: f.streets.run, lngLat: f.streets.lngLat }, ['lngLat']);
    table('addresses', { ...f.addresses }, ['lngLat']);
    table('intersections', { ...f.intersections }, ['lngLat']);
    table('places', { ...f.places }, ['lngLat']);
    const nChains = f.chains.vertexStart.length - 1;
    if (f.streets.chainStart.length !== nStreets + 1 || f.streets.chainStart[nStreets] !== nChains) {
      ctx.addIssue({ code: 'custom', path: ['streets', 'chainStart'], message: 'streets.chainStart must have one entry per street plus the chain count' });
    }
    if (nChains < 0 || 2 * (f.chains.vertexStart[nChains] ?? 0) !== f.chains.lngLat.length) {
      ctx.addIssue({ code: 'custom', path: ['chains', 'vertexStart'], message: 'chains.vertexStart must end at the vertex count' });
    }
    const inRange = (path: string, values: readonly number[], n: number, allowNone: boolean) => {
      const bad = values.findIndex((v) => v >= n || v < (allowNone ? -1 : 0));
      if (bad >= 0) ctx.addIssue({ code: 'custom', path: path.split('.'), message: `${path}[${bad}] = ${values[bad]} is not a row of its table (${n} rows)` });
    };
    inRange('streets.area', f.streets.area, nAreas, true);
    inRange('intersections.a', f.intersections.a, nStreets, false);
    inRange('intersections.b', f.intersections.b, nStreets, false);
    inRange('places.area', f.places.area, nAreas, true);
    inRange('addresses.zip', f.addresses.zip, f.zips.length, true);
    inRange('addresses.city', f.addresses.city, f.postalCities.length, true);
  });

export type GeocoderIndexFile = z.infer<typeof geocoderIndexFileSchema>;

function encodeCoords(lngLat: readonly number[]): number[] {
  const out = new Array<number>(lngLat.length);
  let px = 0;
  let py = 0;
  for (let i = 0; i < lngLat.length; i += 2) {
    const x = Math.round(lngLat[i]! * SCALE);
    const y = Math.round(lngLat[i + 1]! * SCALE);
    out[i] = x - px;
    out[i + 1] = y - py;
    px = x;
    py = y;
  }
  return out;
}

function decodeCoords(deltas: readonly number[]): number[] {
  const out = new Array<number>(deltas.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i < deltas.length; i += 2) {
    x += deltas[i]!;
    y += deltas[i + 1]!;
    out[i] = x / SCALE;
    out[i + 1] = y / SCALE;
  }
  return out;
}

const encodeDelta = (v: readonly number[]): number[] => v.map((x, i) => (i === 0 ? x : x - v[i - 1]!));
function decodeDelta(v: readonly number[]): number[] {
  const out = new Array<number>(v.length);
  let acc = 0;
  for (let i = 0; i < v.length; i++) out[i] = acc += v[i]!;
  return out;
}

/** Encodes a decoded index as the file the app loads (coordinates rounded to 6 decimals). */
export function encodeGeocoderIndex(index: GeocoderIndex): GeocoderIndexFile {
  return {
    format: GEOCODER_INDEX_FORMAT,
    version: GEOCODER_INDEX_VERSION,
    areas: { ...index.areas, lngLat: encodeCoords(index.areas.lngLat) },
    zips: index.zips,
    postalCities: index.postalCities,
    streets: { ...index.streets, lngLat: encodeCoords(index.streets.lngLat) },
    chains: { vertexStart: index.chains.vertexStart, lngLat: encodeCoords(index.chains.lngLat) },
    addresses: {
      ...index.addresses,
      street: encodeDelta(index.addresses.street),
      number: encodeDelta(index.addresses.number),
      numberTo: index.addresses.numberTo.map((to, i) => to - index.addresses.number[i]!),
      lngLat: encodeCoords(index.addresses.lngLat),
    },
    intersections: { ...index.intersections, source: index.intersections.source.map((s) => (s === 1 ? 1 : 0)), lngLat: encodeCoords(index.intersections.lngLat) },
    places: { ...index.places, lngLat: encodeCoords(index.places.lngLat) },
  };
}

/** Decodes a validated file into the index `createGeocoder` takes. */
export function decodeGeocoderIndex(file: GeocoderIndexFile): GeocoderIndex {
  const number = decodeDelta(file.addresses.number);
  return {
    areas: { ...file.areas, lngLat: decodeCoords(file.areas.lngLat) },
    zips: file.zips,
    postalCities: file.postalCities,
    streets: { ...file.streets, lngLat: decodeCoords(file.streets.lngLat) },
    chains: { vertexStart: file.chains.vertexStart, lngLat: decodeCoords(file.chains.lngLat) },
    addresses: { ...file.addresses, street: decodeDelta(file.addresses.street), number, numberTo: file.addresses.numberTo.map((d, i) => number[i]! + d), lngLat: decodeCoords(file.addresses.lngLat) },
    intersections: { ...file.intersections, lngLat: decodeCoords(file.intersections.lngLat) },
    places: { ...file.places, lngLat: decodeCoords(file.places.lngLat) },
  };
}

/**
 * Parses the text or JSON value of data/geocoder-index.json into a decoded index. Throws with the first problems
 * (field path and reason) when the file is not a valid index of this version.
 */
export function parseGeocoderIndex(input: string | unknown): GeocoderIndex {
  const json: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  const parsed = geocoderIndexFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid geocoder index: ${problems.join('; ')}`);
  }
  return decodeGeocoderIndex(parsed.data);
}
