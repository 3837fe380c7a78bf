// Offline geocoder: suggestions and best matches for addresses, intersections, streets, places and neighbourhoods.
import MiniSearch from 'minisearch';
import type { LngLat } from '../domain/geometry';
import {
  isStreetType,
  localityKeys,
  normalizePlaceName,
  normalizeStreetName,
  parseQuery,
  streetNameWords,
  textWords,
  type ParsedQuery,
} from './address-normalize';

export type AreaKind = 'neighborhood' | 'city';
export const PLACE_KINDS = ['park', 'square', 'playground', 'garden', 'urban-wild', 'parkway', 'cemetery', 'site', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * The decoded geocoder index (see src/datasets/geocoder-index.ts for the file format). Columnar: entry i of a table
 * is column[i] in every column; `lngLat` columns hold [lng, lat] pairs flattened (entry i at 2i, 2i+1), degrees WGS84.
 * Index columns refer to rows of other tables (-1: none).
 */
export type GeocoderIndex = {
  /** Boston's neighbourhoods and the neighbouring cities (Brookline, Cambridge, Somerville), with a label point each. */
  areas: { name: string[]; kind: AreaKind[]; lngLat: number[] };
  zips: string[];
  /** Postal city names of Boston addresses ("Dorchester", "Boston", "Jamaica Plain"...). */
  postalCities: string[];
  /**
   * One row per street name within one area and one run. A run is a set of same-named, connected street lines
   * (house numbers continue along a run across neighbourhood lines); `chainStart` (length rows + 1) gives each
   * street's rows in `chains`.
   */
  streets: { name: string[]; area: number[]; run: number[]; lngLat: number[]; chainStart: number[] };
  /** Street centre lines as polylines; `vertexStart` (length rows + 1) gives each chain's vertices in `lngLat`. */
  chains: { vertexStart: number[]; lngLat: number[] };
  /** Known address points, sorted by street then number; `numberTo` > `number` for ranges such as 20-26. */
  addresses: { street: number[]; number: number[]; numberTo: number[]; zip: number[]; city: number[]; area: number[]; lngLat: number[] };
  /** Street crossings: `source` 1 = the City's own coordinates, 0 = computed from shared OSM street nodes. */
  intersections: { a: number[]; b: number[]; source: number[]; area: number[]; lngLat: number[] };
  /** Named parks, squares, playgrounds... (`alias` '' when none). */
  places: { name: string[]; alias: string[]; kind: PlaceKind[]; area: number[]; lngLat: number[] };
};

export type Precision = 'address-point' | 'interpolated' | 'intersection' | 'street' | 'place' | 'neighborhood';

export type Suggestion = {
  label: string;
  lngLat: LngLat;
  precision: Precision;
  /** Boston neighbourhood (or neighbouring city) of the point; null when unknown. */
  neighborhood: string | null;
  /** Higher is better; comparable only between suggestions of one call. */
  score: number;
};

/** A named place that is not in the index (e.g. a service site), searchable by name. */
export type ExtraPlace = { name: string; lngLat: LngLat };

export type Geocoder = {
  /** Suggestions for a (possibly partial) query, best first, at most `limit` (default 8). */
  suggest(query: string, options?: { limit?: number }): Suggestion[];
  /** The best match for a complete query, or null when nothing matches. */
  geocode(query: string): Suggestion | null;
};

// Local metric frame (equirectangular around Boston): metres east/north. Error < 0.3 % across the city.
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;
const REF_LAT = 42.33;
const M_PER_DEG_LAT = EARTH_RADIUS_M * DEG;
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos(REF_LAT * DEG);

/** Great-circle distance in metres (haversine) between two [lng, lat] points. */
export function haversineMeters(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLng = (b[0] - a[0]) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distances and projections beyond this are "not on this street". */
const MAX_ON_STREET_OFFSET_M = 80;
/** Two known address points further apart than this are not used to interpolate between them. */
const MAX_INTERPOLATION_SPAN_M = 2000;
/** Without a bracket, the nearest known number is used only when this close (house numbers). */
const MAX_NEAREST_NUMBER_GAP = 40;
/** How far past the last known number an address may be placed along its street (metres). */
const MAX_EXTRAPOLATION_M = 400;
/** Crossings of one street pair closer than this are one intersection. */
const INTERSECTION_CLUSTER_M = 80;
/** Two streets without a shared node still "meet" when their lines pass this close. */
const NEAR_MISS_INTERSECTION_M = 50;
/** Two named streets closer than this but further than NEAR_MISS_INTERSECTION_M: "A near B", street precision. */
const NEAR_STREETS_M = 400;
/** A crossing's ZIPs are those of the addresses of its two streets this close to it. */
const NEAR_ZIP_M = 120;
/** Weight of one point of context match (ZIP 2, locality 1, each mismatch -1) against the name match (0..2). */
const CONTEXT_WEIGHT = 0.15;

/** A suggestion being ranked; `group` names what it is (one street name, one street pair, one place). */
type Candidate = Suggestion & { zips: ReadonlySet<number>; cities: ReadonlySet<number>; area: number; group: string };

type Context = { zip: number | null; zipGiven: boolean; areas: Set<number>; cities: Set<number>; boston: boolean; localityGiven: boolean };

type Projection = { chain: number; measureM: number; offsetM: number; distM: number };

type NameHit = { id: string; score: number };

const EMPTY: ReadonlySet<number> = new Set();

/** Coordinates are returned at 6 decimals (about 0.1 m), like the index stores them. */
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function lngLatAt(col: readonly number[], i: number): LngLat {
  return [col[2 * i]!, col[2 * i + 1]!];
}

function placeKindLabel(kind: PlaceKind): string {
  return kind === 'urban-wild' ? 'urban wild' : kind;
}

type Approach = { distM: number; x: number; y: number };

/**
 * Closest approach of segments AB and CD (planar metres; a segment may have length 0): their crossing point at
 * distance 0 when they cross, else the distance from the nearest endpoint to the other segment and the point halfway.
 */
export function segmentApproach(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): Approach {
  const rx = bx - ax, ry = by - ay, sx = dx - cx, sy = dy - cy;
  const denom = rx * sy - ry * sx;
  if (denom !== 0) {
    const t = ((cx - ax) * sy - (cy - ay) * sx) / denom;
    const u = ((cx - ax) * ry - (cy - ay) * rx) / denom;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) return { distM: 0, x: ax + t * rx, y: ay + t * ry };
  }
  let best: Approach | null = null;
  const toSegment = (px: number, py: number, qx: number, qy: number, ex: number, ey: number) => {
    const vx = ex - qx, vy = ey - qy;
    const len2 = vx * vx + vy * vy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - qx) * vx + (py - qy) * vy) / len2)) : 0;
    const nx = qx + t * vx, ny = qy + t * vy;
    const d = Math.hypot(px - nx, py - ny);
    if (!best || d < best.distM) best = { distM: d, x: (px + nx) / 2, y: (py + ny) / 2 };
  };
  toSegment(ax, ay, cx, cy, dx, dy);
  toSegment(bx, by, cx, cy, dx, dy);
  toSegment(cx, cy, ax, ay, bx, by);
  toSegment(dx, dy, ax, ay, bx, by);
  return best!;
}

/**
 * Builds a geocoder over a decoded index. Pure: no fetch, no DOM; the index is read, never changed. Building the
 * search structures takes a few tens of milliseconds on the Boston index; queries then take about a millisecond.
 * `options.places` adds named places (e.g. service sites) to the search.
 */
export function createGeocoder(index: GeocoderIndex, options: { places?: readonly ExtraPlace[] } = {}): Geocoder {
  const { areas, streets, chains, addresses, intersections, places } = index;
  const extraPlaces = options.places ?? [];
  const nStreets = streets.name.length;

  // --- street keys, runs, address anchors -------------------------------------------------------------------
  const streetKey = streets.name.map((n) => normalizeStreetName(n));
  const keyToStreets = new Map<string, number[]>();
  const runToStreets = new Map<number, number[]>();
  for (let s = 0; s < nStreets; s++) {
    const key = streetKey[s]!;
    const list = keyToStreets.get(key);
    if (list) list.push(s);
    else keyToStreets.set(key, [s]);
    const run = streets.run[s]!;
    const r = runToStreets.get(run);
    if (r) r.push(s);
    else runToStreets.set(run, [s]);
  }
  const runAnchors = new Map<number, number[]>();
  const streetZips = new Map<number, Set<number>>();
  const streetCities = new Map<number, Set<number>>();
  for (let i = 0; i < addresses.street.length; i++) {
    const s = addresses.street[i]!;
    const run = streets.run[s]!;
    const list = runAnchors.get(run);
    if (list) list.push(i);
    else runAnchors.set(run, [i]);
    const zip = addresses.zip[i]!;
    const city = addresses.city[i]!;
    if (zip >= 0) (streetZips.get(s) ?? streetZips.set(s, new Set()).get(s)!).add(zip);
    if (city >= 0) (streetCities.get(s) ?? streetCities.set(s, new Set()).get(s)!).add(city);
  }
  for (const list of runAnchors.values()) list.sort((x, y) => addresses.number[x]! - addresses.number[y]! || x - y);

  const pairToIntersections = new Map<string, number[]>();
  for (let i = 0; i < intersections.a.length; i++) {
    const k = pairKey(streetKey[intersections.a[i]!]!, streetKey[intersections.b[i]!]!);
    const list = pairToIntersections.get(k);
    if (list) list.push(i);
    else pairToIntersections.set(k, [i]);
  }

  // --- chains in the local metric frame ------------------------------------------------------------------------
  const nChains = chains.vertexStart.length - 1;
  const chainXY: Float64Array[] = [];
  const chainCum: Float64Array[] = [];
  for (let c = 0; c < nChains; c++) {
    const from = chains.vertexStart[c]!;
    const to = chains.vertexStart[c + 1]!;
    const xy = new Float64Array(2 * (to - from));
    const cum = new Float64Array(to - from);
    for (let v = from; v < to; v++) {
      const j = v - from;
      xy[2 * j] = chains.lngLat[2 * v]! * M_PER_DEG_LNG;
      xy[2 * j + 1] = chains.lngLat[2 * v + 1]! * M_PER_DEG_LAT;
      if (j > 0) cum[j] = cum[j - 1]! + Math.hypot(xy[2 * j]! - xy[2 * j - 2]!, xy[2 * j + 1]! - xy[2 * j - 1]!);
    }
    chainXY.push(xy);
    chainCum.push(cum);
  }
  // Bounding box of each street's lines in the local frame [minX, minY, maxX, maxY], to skip far pairs quickly.
  const streetBox = new Float64Array(4 * nStreets);
  for (let s = 0; s < nStreets; s++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let c = streets.chainStart[s]!; c < streets.chainStart[s + 1]!; c++) {
      const xy = chainXY[c]!;
      for (let i = 0; i < xy.length; i += 2) {
        x0 = Math.min(x0, xy[i]!);
        x1 = Math.max(x1, xy[i]!);
        y0 = Math.min(y0, xy[i + 1]!);
        y1 = Math.max(y1, xy[i + 1]!);
      }
    }
    streetBox.set([x0, y0, x1, y1], 4 * s);
  }
  const boxGapM = (a: number, b: number): number => {
    const dx = Math.max(0, streetBox[4 * a]! - streetBox[4 * b + 2]!, streetBox[4 * b]! - streetBox[4 * a + 2]!);
    const dy = Math.max(0, streetBox[4 * a + 1]! - streetBox[4 * b + 3]!, streetBox[4 * b + 1]! - streetBox[4 * a + 3]!);
    return Math.hypot(dx, dy);
  };
  const streetChains = (s: number): number[] => {
    const out: number[] = [];
    for (let c = streets.chainStart[s]!; c < streets.chainStart[s + 1]!; c++) out.push(c);
    return out;
  };

  // --- localities ---------------------------------------------------------------------------------------------
  const areaByKey = new Map<string, number>();
  areas.name.forEach((n, i) => areaByKey.set(textWords(n).join(' '), i));
  const cityByKey = new Map<string, number>();
  index.postalCities.forEach((n, i) => cityByKey.set(textWords(n).join(' '), i));
  const zipByCode = new Map<string, number>();
  index.zips.forEach((z, i) => zipByCode.set(z, i));
  const bostonCity = cityByKey.get('boston');
  const knownLocalities = new Set<string>([...areaByKey.keys(), ...cityByKey.keys(), 'boston']);

  // --- name search (streets by key, places, areas, extra places) ----------------------------------------------
  type Doc = { id: string; text: string };
  const docs: Doc[] = [];
  for (const key of keyToStreets.keys()) docs.push({ id: `s:${key}`, text: key });
  places.name.forEach((n, i) => {
    docs.push({ id: `p:${i}`, text: normalizePlaceName(n) });
    const alias = places.alias[i] ?? '';
    if (alias) docs.push({ id: `q:${i}`, text: normalizePlaceName(alias) });
  });
  areas.name.forEach((n, i) => docs.push({ id: `a:${i}`, text: normalizePlaceName(n) }));
  extraPlaces.forEach((p, i) => docs.push({ id: `x:${i}`, text: normalizePlaceName(p.name) }));
  const docText = new Map(docs.map((d) => [d.id, d.text]));
  const search = new MiniSearch<Doc>({ fields: ['text'], idField: 'id', tokenize: (t) => t.split(' ').filter((w) => w.length > 0) });
  search.addAll(docs);

  const fuzzy = (term: string): number | boolean => (term.length <= 3 ? false : term.length <= 6 ? 1 : 2);

  /**
   * Name matches for a text, best first; scores are relative to the best match (1), an exact key match scores 2.
   * Street-type words ("street", "avenue") are not searched (thousands of names hold them): a name with the
   * query's type scores higher than one without. Only the last word is a prefix (the one being typed).
   */
  function searchNames(text: string, kinds: string, limit: number): NameHit[] {
    const words = streetNameWords(text);
    if (words.length === 0) return [];
    const key = words.join(' ');
    const types = words.filter((w, i) => i > 0 && isStreetType(w));
    let core = words.filter((w, i) => i === 0 || !isStreetType(w));
    if (core.length === 0) core = words;
    const lastTyped = words[words.length - 1]!;
    const filter = (r: { id: unknown }) => kinds.includes(String(r.id).slice(0, 1));
    const run = (combineWith: 'AND' | 'OR') =>
      search.search(core.join(' '), {
        prefix: (t, i, terms) => i === terms.length - 1 && t === lastTyped && t.length >= 2,
        fuzzy: (t) => fuzzy(t),
        combineWith,
        filter,
      });
    let results = run('AND');
    if (results.length === 0 && core.length > 1) results = run('OR');
    const best = results[0]?.score ?? 1;
    const hits = results.slice(0, limit * 6).map((r) => {
      const id = String(r.id);
      const doc = docText.get(id) ?? '';
      if (doc === key) return { id, score: 2 };
      const docWords = doc.split(' ');
      const typeOk = types.length === 0 || types.some((t) => docWords.includes(t));
      return { id, score: (r.score / best) * (typeOk ? 1 : 0.8) };
    });
    hits.sort((x, y) => y.score - x.score);
    return hits.slice(0, limit);
  }

  function streetKeysFor(text: string, limit: number): { key: string; score: number }[] {
    const exact = normalizeStreetName(text);
    const hits = searchNames(text, 's', limit).map((h) => ({ key: h.id.slice(2), score: h.score }));
    if (keyToStreets.has(exact) && !hits.some((h) => h.key === exact)) hits.unshift({ key: exact, score: 2 });
    return hits;
  }

  /**
   * True when the text names a street type ("Page's Ct") and the key has another one ("page street"): a different
   * street of a similar name, not a spelling of the typed one.
   */
  function typeDiffers(text: string, key: string): boolean {
    const typed = streetNameWords(text).filter((w, i) => i > 0 && isStreetType(w));
    if (typed.length === 0) return false;
    const keyTypes = key.split(' ').filter((w, i) => i > 0 && isStreetType(w));
    return keyTypes.length > 0 && !typed.some((t) => keyTypes.includes(t));
  }

  /** ZIPs of the known addresses of streets `rows` within NEAR_ZIP_M of a point (where a crossing's ZIP is read from). */
  function zipsNear(p: LngLat, rows: readonly number[]): Set<number> {
    const out = new Set<number>();
    for (const run of new Set(rows.map((s) => streets.run[s]!))) {
      for (const i of runAnchors.get(run) ?? []) {
        const zip = addresses.zip[i]!;
        if (zip >= 0 && !out.has(zip) && haversineMeters(p, lngLatAt(addresses.lngLat, i)) <= NEAR_ZIP_M) out.add(zip);
      }
    }
    return out;
  }

  // --- context ------------------------------------------------------------------------------------------------
  function contextOf(parsed: ParsedQuery): Context {
    const ctx: Context = { zip: null, zipGiven: parsed.zip !== null, areas: new Set(), cities: new Set(), boston: false, localityGiven: false };
    if (parsed.zip !== null) ctx.zip = zipByCode.get(parsed.zip) ?? -1;
    for (const loc of parsed.localities) {
      for (const key of localityKeys(loc)) {
        if (key === 'boston') ctx.boston = true;
        const a = areaByKey.get(key);
        if (a !== undefined) ctx.areas.add(a);
        const c = cityByKey.get(key);
        if (c !== undefined) ctx.cities.add(c);
        if (key === 'boston' || a !== undefined || c !== undefined) ctx.localityGiven = true;
      }
    }
    return ctx;
  }

  /** +2 for a matching ZIP, +1 for a matching locality, -1 for each given one that does not match. */
  function contextScore(c: Candidate, ctx: Context): number {
    let s = 0;
    if (ctx.zipGiven && c.zips.size > 0) s += ctx.zip !== null && c.zips.has(ctx.zip) ? 2 : -1;
    if (ctx.localityGiven && c.area >= 0) {
      const inArea = ctx.areas.has(c.area) || [...c.cities].some((x) => ctx.cities.has(x));
      // "Boston" as a postal city is the central neighbourhoods': not Hyde Park or Dorchester, whose streets' addresses
      // say so; a street without known addresses may be anywhere in the city.
      const inBoston = ctx.boston && areas.kind[c.area] === 'neighborhood' && (c.cities.size === 0 || bostonCity === undefined || c.cities.has(bostonCity));
      s += inArea || inBoston ? 1 : -1;
    }
    return s;
  }

  const areaName = (a: number): string | null => (a >= 0 ? (areas.name[a] ?? null) : null);
  const withArea = (label: string, a: number, zip = -1): string => {
    const name = areaName(a);
    const z = zip >= 0 ? index.zips[zip] : undefined;
    return name ? `${label}, ${name}${z ? ` ${z}` : ''}` : label;
  };

  // --- geometry on runs ---------------------------------------------------------------------------------------
  function project(run: number, p: LngLat): Projection | null {
    const px = p[0] * M_PER_DEG_LNG;
    const py = p[1] * M_PER_DEG_LAT;
    let best: Projection | null = null;
    for (const s of runToStreets.get(run) ?? []) {
      for (const c of streetChains(s)) {
        const xy = chainXY[c]!;
        const cum = chainCum[c]!;
        for (let j = 0; j + 1 < cum.length; j++) {
          const ax = xy[2 * j]!, ay = xy[2 * j + 1]!;
          const dx = xy[2 * j + 2]! - ax, dy = xy[2 * j + 3]! - ay;
          const len2 = dx * dx + dy * dy;
          const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
          const qx = ax + t * dx, qy = ay + t * dy;
          const dist = Math.hypot(px - qx, py - qy);
          if (!best || dist < best.distM) {
            const len = Math.sqrt(len2);
            const offset = len > 0 ? (dx * (py - ay) - dy * (px - ax)) / len : 0;
            best = { chain: c, measureM: cum[j]! + t * len, offsetM: offset, distM: dist };
          }
        }
      }
    }
    return best;
  }

  function pointAlong(chain: number, measureM: number, offsetM: number): LngLat {
    const xy = chainXY[chain]!;
    const cum = chainCum[chain]!;
    let j = 0;
    while (j + 2 < cum.length && cum[j + 1]! < measureM) j++;
    const ax = xy[2 * j]!, ay = xy[2 * j + 1]!;
    const dx = xy[2 * j + 2]! - ax, dy = xy[2 * j + 3]! - ay;
    const len = Math.hypot(dx, dy);
    const t = len > 0 ? (measureM - cum[j]!) / len : 0;
    const nx = len > 0 ? -dy / len : 0, ny = len > 0 ? dx / len : 0;
    const x = ax + t * dx + offsetM * nx;
    const y = ay + t * dy + offsetM * ny;
    return [x / M_PER_DEG_LNG, y / M_PER_DEG_LAT];
  }

  /** The point a fraction t of the way from address a to address b, along their street when both lie on one chain. */
  function interpolate(run: number, a: number, b: number, t: number): LngLat {
    const pa = lngLatAt(addresses.lngLat, a);
    const pb = lngLatAt(addresses.lngLat, b);
    const qa = project(run, pa);
    const qb = project(run, pb);
    if (qa && qb && qa.chain === qb.chain && qa.distM < MAX_ON_STREET_OFFSET_M && qb.distM < MAX_ON_STREET_OFFSET_M) {
      return pointAlong(qa.chain, qa.measureM + t * (qb.measureM - qa.measureM), qa.offsetM + t * (qb.offsetM - qa.offsetM));
    }
    return [pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])];
  }

  // --- candidates ----------------------------------------------------------------------------------------------
  /** A number placed on a run: `anchor` is the nearest known address used (its area), `other` the second one (or the same). */
  type Located = { lngLat: LngLat; precision: Precision; quality: number; anchor: number; other: number };

  function locateAmong(list: readonly number[], run: number, n: number): Located[] {
    const num = addresses.number;
    const to = addresses.numberTo;
    const exact = list.filter((i) => num[i]! <= n && n <= to[i]! && (num[i] === to[i] || (n - num[i]!) % 2 === 0 || (to[i]! - num[i]!) % 2 === 1));
    if (exact.length > 0) {
      // One answer per area: the same number in two neighbourhoods of one run is two different places.
      const byArea = new Map<number, number>();
      for (const i of exact) if (!byArea.has(addresses.area[i]!) || num[i] === n) byArea.set(addresses.area[i]!, i);
      return [...byArea.values()].map((i) => ({ lngLat: lngLatAt(addresses.lngLat, i), precision: 'address-point', quality: num[i] === n && to[i] === n ? 3 : 2.9, anchor: i, other: i }));
    }
    const bracket = (sameParity: boolean): Located | null => {
      let lo = -1;
      let hi = -1;
      for (const i of list) {
        if (sameParity && Math.abs(num[i]! % 2) !== Math.abs(n % 2)) continue;
        if (to[i]! < n) lo = i;
        else if (num[i]! > n && hi < 0) hi = i;
      }
      if (lo < 0 || hi < 0) return null;
      const span = haversineMeters(lngLatAt(addresses.lngLat, lo), lngLatAt(addresses.lngLat, hi));
      if (span > MAX_INTERPOLATION_SPAN_M) return null;
      const t = (n - to[lo]!) / (num[hi]! - to[lo]!);
      const [anchor, other] = t < 0.5 ? [lo, hi] : [hi, lo];
      return { lngLat: interpolate(run, lo, hi, t), precision: 'interpolated', quality: sameParity ? 2 : 1.5, anchor, other };
    };
    const same = bracket(true);
    if (same) return [same];
    const sameSide = list.filter((i) => Math.abs(num[i]! % 2) === Math.abs(n % 2));
    const any = bracket(false);
    if (any) return [any];
    const beyond = extrapolate(run, sameSide, n);
    if (beyond) return [beyond];
    let nearest = -1;
    for (const i of sameSide) if (nearest < 0 || Math.abs(num[i]! - n) < Math.abs(num[nearest]! - n)) nearest = i;
    if (nearest >= 0 && Math.abs(num[nearest]! - n) <= MAX_NEAREST_NUMBER_GAP) {
      return [{ lngLat: lngLatAt(addresses.lngLat, nearest), precision: 'interpolated', quality: 1, anchor: nearest, other: nearest }];
    }
    return [];
  }

  /**
   * Number n beyond the last known number on its side: continue along the street line at the spacing of the two
   * nearest known numbers (at most MAX_EXTRAPOLATION_M past the last one, never past the line's end).
   */
  function extrapolate(run: number, sameSide: readonly number[], n: number): Located | null {
    const num = addresses.number;
    if (sameSide.length < 2) return null;
    const above = n > num[sameSide[sameSide.length - 1]!]!;
    const [near, far] = above ? [sameSide[sameSide.length - 1]!, sameSide[sameSide.length - 2]!] : [sameSide[0]!, sameSide[1]!];
    if (num[near] === num[far]) return null;
    const qn = project(run, lngLatAt(addresses.lngLat, near));
    const qf = project(run, lngLatAt(addresses.lngLat, far));
    if (!qn || !qf || qn.chain !== qf.chain || qn.distM > MAX_ON_STREET_OFFSET_M || qf.distM > MAX_ON_STREET_OFFSET_M) return null;
    const perNumber = (qn.measureM - qf.measureM) / (num[near]! - num[far]!);
    if (!Number.isFinite(perNumber) || Math.abs(perNumber) < 0.1) return null;
    const cum = chainCum[qn.chain]!;
    const shift = Math.max(-MAX_EXTRAPOLATION_M, Math.min(MAX_EXTRAPOLATION_M, (n - num[near]!) * perNumber));
    const measure = Math.max(0, Math.min(cum[cum.length - 1]!, qn.measureM + shift));
    return { lngLat: pointAlong(qn.chain, measure, qn.offsetM), precision: 'interpolated', quality: 1.2, anchor: near, other: near };
  }

  /** Locates number n on a run: with the query's ZIP or locality first (their anchors only), then with all anchors. */
  function locateInRun(run: number, n: number, ctx: Context): Located[] {
    const all = runAnchors.get(run) ?? [];
    if (all.length === 0) return [];
    const subsets: number[][] = [];
    if (ctx.zip !== null && ctx.zip >= 0) subsets.push(all.filter((i) => addresses.zip[i] === ctx.zip));
    if (ctx.localityGiven) subsets.push(all.filter((i) => ctx.areas.has(addresses.area[i]!) || ctx.cities.has(addresses.city[i]!)));
    let fallback: Located[] = [];
    for (const subset of subsets) {
      if (subset.length === 0) continue;
      const found = locateAmong(subset, run, n);
      if (found.some((f) => f.quality >= 2)) return found;
      if (fallback.length === 0) fallback = found;
    }
    const found = locateAmong(all, run, n);
    const bestFound = Math.max(0, ...found.map((f) => f.quality));
    const bestFallback = Math.max(0, ...fallback.map((f) => f.quality));
    return bestFallback >= bestFound && fallback.length > 0 ? fallback : found;
  }

  function streetCandidate(s: number, textScore: number, prefix = ''): Candidate {
    return {
      label: withArea(`${prefix}${streets.name[s]!}`, streets.area[s]!),
      lngLat: lngLatAt(streets.lngLat, s),
      precision: 'street',
      neighborhood: areaName(streets.area[s]!),
      score: textScore,
      zips: streetZips.get(s) ?? EMPTY,
      cities: streetCities.get(s) ?? EMPTY,
      area: streets.area[s]!,
      group: streetKey[s]!,
    };
  }

  function addressCandidates(parsed: ParsedQuery, ctx: Context, limit: number): Candidate[] {
    const n = parsed.houseNumber!;
    const out: Candidate[] = [];
    for (const { key, score } of streetKeysFor(parsed.street, Math.max(3, limit))) {
      const runs = [...new Set((keyToStreets.get(key) ?? []).map((s) => streets.run[s]!))];
      for (const run of runs) {
        const found = locateInRun(run, n, ctx);
        if (found.length === 0) {
          for (const s of runToStreets.get(run) ?? []) out.push(streetCandidate(s, score * 0.5));
          continue;
        }
        // A run crossing a town line ("Washington St" runs from Brighton into Brookline): when the query names the town
        // and the number was only found on the other side, the street in the named town is offered too, at street
        // precision, so the town's street wins over a house number in the wrong town.
        if (ctx.areas.size > 0 || ctx.cities.size > 0) {
          const foundAreas = new Set(found.map((f) => addresses.area[f.anchor]!));
          for (const s of runToStreets.get(run) ?? []) {
            const fits = ctx.areas.has(streets.area[s]!) || [...(streetCities.get(s) ?? [])].some((x) => ctx.cities.has(x));
            if (fits && !foundAreas.has(streets.area[s]!)) out.push(streetCandidate(s, score * 0.5));
          }
        }
        for (const f of found) {
          const a = f.anchor;
          const s = addresses.street[a]!;
          const zip = addresses.zip[a]!;
          const zips = new Set([zip, addresses.zip[f.other]!].filter((z) => z >= 0));
          const cities = new Set([addresses.city[a]!, addresses.city[f.other]!].filter((c) => c >= 0));
          out.push({
            label: withArea(`${n} ${streets.name[s]!}`, addresses.area[a]!, zip),
            lngLat: f.lngLat,
            precision: f.precision,
            neighborhood: areaName(addresses.area[a]!),
            score: score * (0.5 + f.quality / 6) + (runAnchors.get(run)?.length ?? 0) / 1e6,
            zips,
            cities,
            area: addresses.area[a]!,
            group: key,
          });
        }
      }
    }
    return out;
  }

  /**
   * Where two sets of street lines come closest (metres, local frame) and the point there: where two segments cross,
   * the crossing (distance 0); otherwise the point halfway between the closest vertex and its nearest segment point.
   */
  function closestApproach(sa: readonly number[], sb: readonly number[], maxM: number): { lngLat: LngLat; distM: number; area: number } | null {
    let best: Approach | null = null;
    let bestArea = -1;
    for (const a of sa) {
      for (const b of sb) {
        if (boxGapM(a, b) > maxM) continue;
        for (const ca of streetChains(a)) {
          const xa = chainXY[ca]!;
          for (const cb of streetChains(b)) {
            const xb = chainXY[cb]!;
            // A one-vertex chain (a street known by one point) is a segment of length 0.
            for (let i = 0; i === 0 || i + 3 < xa.length; i += 2) {
              const i2 = xa.length >= 4 ? i + 2 : i;
              for (let j = 0; j === 0 || j + 3 < xb.length; j += 2) {
                const j2 = xb.length >= 4 ? j + 2 : j;
                const ap = segmentApproach(xa[i]!, xa[i + 1]!, xa[i2]!, xa[i2 + 1]!, xb[j]!, xb[j + 1]!, xb[j2]!, xb[j2 + 1]!);
                if (!best || ap.distM < best.distM) [best, bestArea] = [ap, streets.area[a]!];
              }
            }
          }
        }
      }
    }
    const found = best as Approach | null;
    return found ? { lngLat: [found.x / M_PER_DEG_LNG, found.y / M_PER_DEG_LAT], distM: found.distM, area: bestArea } : null;
  }

  /** Two streets without a known crossing: where their lines meet or pass closest (at street precision when only near). */
  function approachCandidate(rowsA: readonly number[], rowsB: readonly number[], score: number, group: string, cities: ReadonlySet<number>): Candidate | null {
    const near = closestApproach(rowsA, rowsB, NEAR_STREETS_M);
    if (!near || near.distM > NEAR_STREETS_M) return null;
    const sa = rowsA[0]!;
    const sb = rowsB[0]!;
    // Lines that pass within a few metres meet (a missing node); further apart, say "near", at street precision.
    const meets = near.distM <= NEAR_MISS_INTERSECTION_M;
    return {
      label: withArea(`${streets.name[sa]!} ${meets ? '&' : 'near'} ${streets.name[sb]!}`, near.area),
      lngLat: near.lngLat,
      precision: meets ? 'intersection' : 'street',
      neighborhood: areaName(near.area),
      score: score * (meets ? 0.9 : 0.6),
      zips: EMPTY,
      cities,
      area: near.area,
      group,
    };
  }

  function intersectionCandidates(parsed: ParsedQuery, ctx: Context, limit: number): Candidate[] {
    const crossText = parsed.crossStreet ?? '';
    // A name that is a known street is that street, not a similar one ("Roxbury St" is not West Roxbury Pkwy). A name
    // typed with another street type than a known street's ("Page's Ct" for Page St) is a different street: it is
    // offered at street precision only (near, not at, the asked-for corner).
    const keysFor = (text: string) => {
      const exact = normalizeStreetName(text);
      const keys = streetKeysFor(text, 4);
      return (keyToStreets.has(exact) ? keys.filter((k) => k.key === exact) : keys).map((k) => ({ ...k, otherType: typeDiffers(text, k.key) }));
    };
    const keysA = keysFor(parsed.street);
    const keysB = keysFor(crossText);
    const out: Candidate[] = [];
    for (const ka of keysA) {
      for (const kb of keysB) {
        if (ka.key === kb.key) continue;
        const otherType = ka.otherType || kb.otherType;
        const score = ((ka.score + kb.score) / 2) * (otherType ? 0.6 : 1);
        const recs = pairToIntersections.get(pairKey(ka.key, kb.key)) ?? [];
        // Clusters of nearby crossings (a divided road crosses twice); the City's own point wins within a cluster.
        const clusters: { lngLat: LngLat; rec: number; city: boolean }[] = [];
        const ordered = [...recs].sort((x, y) => intersections.source[y]! - intersections.source[x]! || x - y);
        for (const r of ordered) {
          const p = lngLatAt(intersections.lngLat, r);
          if (clusters.some((c) => haversineMeters(c.lngLat, p) < INTERSECTION_CLUSTER_M)) continue;
          clusters.push({ lngLat: p, rec: r, city: intersections.source[r] === 1 });
        }
        for (const c of clusters) {
          const a = intersections.a[c.rec]!;
          const b = intersections.b[c.rec]!;
          const [first, second] = streetKey[a] === ka.key ? [a, b] : [b, a];
          const area = intersections.area[c.rec]!;
          out.push({
            label: withArea(`${streets.name[first]!} ${otherType ? 'near' : '&'} ${streets.name[second]!}`, area),
            lngLat: c.lngLat,
            precision: otherType ? 'street' : 'intersection',
            neighborhood: areaName(area),
            score: score + (c.city ? 0.01 : 0),
            // A pair that crosses twice (in two ZIPs): the query's ZIP picks the crossing.
            zips: ctx.zipGiven ? zipsNear(c.lngLat, [...(keyToStreets.get(streetKey[first]!) ?? []), ...(keyToStreets.get(streetKey[second]!) ?? [])]) : EMPTY,
            cities: new Set([...(streetCities.get(first) ?? []), ...(streetCities.get(second) ?? [])]),
            area,
            group: pairKey(ka.key, kb.key),
          });
        }
        // Only for names typed in full (exact keys): a partial name while typing is not worth a geometry scan.
        if (ka.score < 2 || kb.score < 2) continue;
        const rowsA = keyToStreets.get(ka.key) ?? [];
        const rowsB = keyToStreets.get(kb.key) ?? [];
        if (clusters.length === 0) {
          const c = approachCandidate(rowsA, rowsB, score, pairKey(ka.key, kb.key), EMPTY);
          if (c) out.push(c);
        } else if (ctx.localityGiven && !out.some((c) => c.group === pairKey(ka.key, kb.key) && contextScore(c, ctx) > 0)) {
          // The known crossings are all elsewhere ("Providence St & Arlington St, Boston" is not Hyde Park's): look
          // where the two streets meet among their rows in the query's neighbourhood or postal city.
          const fits = (st: number) => ctx.areas.has(streets.area[st]!) || [...(streetCities.get(st) ?? [])].some((x) => ctx.cities.has(x));
          const [ra, rb] = [rowsA.filter(fits), rowsB.filter(fits)];
          const cities = new Set([...ra, ...rb].flatMap((st) => [...(streetCities.get(st) ?? [])]));
          const c = ra.length > 0 && rb.length > 0 ? approachCandidate(ra, rb, score, pairKey(ka.key, kb.key), cities) : null;
          if (c) out.push(c);
        }
      }
    }
    if (out.length > 0) return out;
    // No crossing known: one street alone, said plainly by its precision: the first, unless only the second is a
    // known street (then a similar-looking name elsewhere would be a guess).
    const onlySecondKnown = !keyToStreets.has(normalizeStreetName(parsed.street)) && keyToStreets.has(normalizeStreetName(crossText));
    return nameCandidates(onlySecondKnown ? crossText : parsed.street, limit, 's').map((c) => ({ ...c, score: c.score * 0.3 }));
  }

  function nameCandidates(text: string, limit: number, kinds = 'spqax'): Candidate[] {
    const out: Candidate[] = [];
    for (const hit of searchNames(text, kinds, limit * 2)) {
      const kind = hit.id.slice(0, 1);
      const rest = hit.id.slice(2);
      if (kind === 's') {
        // One suggestion per neighbourhood: same-named streets elsewhere are different places.
        const seen = new Set<string>();
        for (const s of keyToStreets.get(rest) ?? []) {
          const c = streetCandidate(s, hit.score);
          if (seen.has(c.label)) continue;
          seen.add(c.label);
          out.push(c);
        }
      } else if (kind === 'p' || kind === 'q') {
        const i = Number(rest);
        const area = places.area[i]!;
        out.push({
          label: withArea(`${places.name[i]!} (${placeKindLabel(places.kind[i]!)})`, area),
          lngLat: lngLatAt(places.lngLat, i),
          precision: 'place',
          neighborhood: areaName(area),
          score: hit.score * 1.02,
          zips: EMPTY,
          cities: EMPTY,
          area,
          group: hit.id,
        });
      } else if (kind === 'a') {
        const i = Number(rest);
        out.push({
          label: areas.kind[i] === 'city' ? `${areas.name[i]!} (city)` : `${areas.name[i]!} (neighborhood)`,
          lngLat: lngLatAt(areas.lngLat, i),
          precision: 'neighborhood',
          neighborhood: areas.name[i]!,
          score: hit.score * 1.05,
          zips: EMPTY,
          cities: EMPTY,
          area: i,
          group: hit.id,
        });
      } else if (kind === 'x') {
        const p = extraPlaces[Number(rest)]!;
        out.push({ label: p.name, lngLat: [p.lngLat[0], p.lngLat[1]], precision: 'place', neighborhood: null, score: hit.score * 1.03, zips: EMPTY, cities: EMPTY, area: -1, group: hit.id });
      }
    }
    return out;
  }

  function suggest(query: string, opts: { limit?: number } = {}): Suggestion[] {
    const limit = Math.max(1, opts.limit ?? 8);
    const parsed = parseQuery(query, knownLocalities);
    if (textWords(parsed.street).length === 0) return [];
    const ctx = contextOf(parsed);
    let cands: Candidate[];
    if (parsed.crossStreet !== null && textWords(parsed.crossStreet).length > 0) cands = intersectionCandidates(parsed, ctx, limit);
    else if (parsed.houseNumber !== null) cands = addressCandidates(parsed, ctx, limit);
    else cands = nameCandidates(parsed.street, limit);

    const scored = cands.map((c) => ({ c, ctx: contextScore(c, ctx) }));
    // Among places of one name (one street name, one street pair), the query's ZIP or locality picks the ones it
    // matches: the others are the same name elsewhere. Across names, the name match counts most.
    const bestInGroup = new Map<string, number>();
    for (const x of scored) bestInGroup.set(x.c.group, Math.max(bestInGroup.get(x.c.group) ?? -Infinity, x.ctx));
    const rank = (x: { c: Candidate; ctx: number }) => x.c.score + CONTEXT_WEIGHT * x.ctx;
    const ranked = scored.filter((x) => x.ctx === bestInGroup.get(x.c.group)).sort((x, y) => rank(y) - rank(x));
    const out: Suggestion[] = [];
    const labels = new Set<string>();
    for (const { c } of ranked) {
      if (labels.has(c.label)) continue;
      labels.add(c.label);
      out.push({ label: c.label, lngLat: [round6(c.lngLat[0]), round6(c.lngLat[1])], precision: c.precision, neighborhood: c.neighborhood, score: Math.round(c.score * 1000) / 1000 });
      if (out.length >= limit) break;
    }
    return out;
  }

  return {
    suggest,
    geocode: (query) => suggest(query, { limit: 1 })[0] ?? null,
  };
}
