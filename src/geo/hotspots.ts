// Hotspot cells for the Sweeps tab: 311 requests counted on a square grid of a chosen size in metres, ranked, with the
// change against the previous window; and the class breaks of the neighbourhood choropleth.
import type { Polygon } from 'geojson';
import { DEFAULT_CENTER } from '../config/city';
import type { LngLat, LngLatBbox } from '../domain/geometry';

/** Metres per degree of latitude (spherical Earth, mean radius 6,371,008.8 m), as hex-bins.ts. */
const METERS_PER_DEGREE = (Math.PI * 6_371_008.8) / 180;
/**
 * The grid's projection: equirectangular, true to scale at Boston's latitude (DEFAULT_CENTER), origin at 0°, 0°. Fixed,
 * so a cell id means the same square in every window and session. At city scale (±0.1° of it) sizes are true to 0.2 %.
 */
const GRID_REF_LAT = DEFAULT_CENTER[1];
const METERS_PER_DEGREE_LNG = METERS_PER_DEGREE * Math.cos((GRID_REF_LAT * Math.PI) / 180);
const METERS_PER_DEGREE_LAT = METERS_PER_DEGREE;

/** Allowed cell sizes (side of the square, metres). */
export const MIN_CELL_METERS = 50;
export const MAX_CELL_METERS = 1000;

// Numeric keys for the counting maps: |ix|, |iy| < 2^22 for any cell of at least 50 m on Earth.
const KEY_OFFSET = 2 ** 22;
const KEY_SPAN = 2 ** 23;

export type HotspotColumns = { lng: ArrayLike<number>; lat: ArrayLike<number> };

export type HotspotCell = {
  /** 'ix:iy', the cell's column and row on the grid of its size; read back with cellPolygon / cellBounds. */
  cellId: string;
  /** Centre of the square, [lng, lat]. */
  center: LngLat;
  /** [west, south, east, north], degrees. A point belongs to the cell when west <= lng < east and south <= lat < north. */
  bounds: LngLatBbox;
  /** Requests in the window. */
  count: number;
  /** Requests in the previous window. */
  previousCount: number;
  /** count - previousCount. */
  change: number;
  /** The change in percent of previousCount (+50 for 20 → 30); null when previousCount is 0. */
  changePct: number | null;
};

function checkCellMeters(cellMeters: number): void {
  if (!(cellMeters >= MIN_CELL_METERS && cellMeters <= MAX_CELL_METERS)) {
    throw new RangeError(`cell size must be ${MIN_CELL_METERS}..${MAX_CELL_METERS} m, not ${cellMeters}`);
  }
}

const westOf = (ix: number, cellMeters: number) => (ix * cellMeters) / METERS_PER_DEGREE_LNG;
const southOf = (iy: number, cellMeters: number) => (iy * cellMeters) / METERS_PER_DEGREE_LAT;

/** The grid index along one axis whose [start, next start) interval holds `degrees` (exactly, in floating point). */
function axisIndex(degrees: number, cellMeters: number, startOf: (i: number, m: number) => number, metersPerDegree: number): number {
  let i = Math.floor((degrees * metersPerDegree) / cellMeters);
  // Rounding in the projection can land a point on the far side of a cell edge: the degree bounds decide.
  if (degrees < startOf(i, cellMeters)) i--;
  else if (degrees >= startOf(i + 1, cellMeters)) i++;
  return i;
}

function cellOf(lng: number, lat: number, cellMeters: number): [ix: number, iy: number] {
  return [axisIndex(lng, cellMeters, westOf, METERS_PER_DEGREE_LNG), axisIndex(lat, cellMeters, southOf, METERS_PER_DEGREE_LAT)];
}

function parseCellId(cellId: string): [ix: number, iy: number] {
  const m = /^(-?\d+):(-?\d+)$/.exec(cellId);
  if (!m) throw new RangeError(`not a grid cell id: "${cellId}"`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The id ('ix:iy') of the square grid cell of side `cellMeters` (50..1000 m, planar on the grid's equirectangular
 * projection) holding [lng, lat]. Throws a RangeError for a cell size out of range.
 */
export function cellIdAt(lngLat: LngLat, cellMeters: number): string {
  checkCellMeters(cellMeters);
  const [ix, iy] = cellOf(lngLat[0], lngLat[1], cellMeters);
  return `${ix}:${iy}`;
}

/** [west, south, east, north] in degrees of a cell id on the grid of side `cellMeters`. Throws a RangeError on a bad id. */
export function cellBounds(cellId: string, cellMeters: number): LngLatBbox {
  checkCellMeters(cellMeters);
  const [ix, iy] = parseCellId(cellId);
  return [westOf(ix, cellMeters), southOf(iy, cellMeters), westOf(ix + 1, cellMeters), southOf(iy + 1, cellMeters)];
}

/** The square of a cell id as a GeoJSON Polygon (closed ring, counter-clockwise), for drawing the hotspot cells. */
export function cellPolygon(cellId: string, cellMeters: number): Polygon {
  const [w, s, e, n] = cellBounds(cellId, cellMeters);
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

/** Adds the cell of each finite point among `indices` into counts[slot] of its key. */
function countInto(counts: Map<number, [number, number]>, cols: HotspotColumns, indices: ArrayLike<number>, slot: 0 | 1, cellMeters: number): void {
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const lng = cols.lng[i] as number;
    const lat = cols.lat[i] as number;
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
    const [ix, iy] = cellOf(lng, lat, cellMeters);
    const key = (ix + KEY_OFFSET) * KEY_SPAN + (iy + KEY_OFFSET);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = [0, 0]));
    c[slot]++;
  }
}

/**
 * The busiest square cells of side `cellMeters` (50..1000 m) in a window: every cell with at least one of
 * `indicesInWindow`, with its count there and in `indicesInPreviousWindow` (the window of the same length before; see
 * previousWindow in domain/time-window.ts). Ranked by count, most first, then by change (largest rise first), then by
 * id; at most `top` (Infinity for all). Each finite point lies in exactly one cell (west <= lng < east, south <= lat <
 * north), so with top = Infinity the counts sum to the number of finite points of the window; rows with a non-finite
 * coordinate are skipped. Never mutates inputs. Throws a RangeError for a cell size out of range.
 */
export function hotspotCells(
  cols: HotspotColumns,
  indicesInWindow: ArrayLike<number>,
  indicesInPreviousWindow: ArrayLike<number>,
  cellMeters: number,
  top = 20,
): HotspotCell[] {
  checkCellMeters(cellMeters);
  const counts = new Map<number, [number, number]>();
  countInto(counts, cols, indicesInWindow, 0, cellMeters);
  countInto(counts, cols, indicesInPreviousWindow, 1, cellMeters);
  const ranked: { ix: number; iy: number; count: number; previousCount: number }[] = [];
  for (const [key, [count, previousCount]] of counts) {
    if (count === 0) continue;
    ranked.push({ ix: Math.floor(key / KEY_SPAN) - KEY_OFFSET, iy: (key % KEY_SPAN) - KEY_OFFSET, count, previousCount });
  }
  ranked.sort((a, b) => b.count - a.count || b.count - b.previousCount - (a.count - a.previousCount) || a.ix - b.ix || a.iy - b.iy);
  return ranked.slice(0, Math.max(0, top)).map(({ ix, iy, count, previousCount }) => {
    const bounds: LngLatBbox = [westOf(ix, cellMeters), southOf(iy, cellMeters), westOf(ix + 1, cellMeters), southOf(iy + 1, cellMeters)];
    return {
      cellId: `${ix}:${iy}`,
      center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2],
      bounds,
      count,
      previousCount,
      change: count - previousCount,
      changePct: previousCount === 0 ? null : ((count - previousCount) / previousCount) * 100,
    };
  });
}

/**
 * Class breaks for a choropleth of counts, by quantiles: each class holds about the same number of areas (with
 * distinct values, class sizes differ by at most one), so every colour is used even when a few neighbourhoods dwarf
 * the rest. Returns the lower bounds of classes 2..k, strictly increasing, each above the smallest count and at most
 * the largest: a MapLibre `['step', value, colour1, b1, colour2, b2, ...]` expression reads them as they are, and
 * choroplethClass gives the class of a value. Ties can merge classes (fewer than classes - 1 breaks); no counts, or
 * all equal, give []. Non-finite counts are ignored. Throws a RangeError unless classes is an integer >= 1.
 */
export function choroplethBreaks(counts: readonly number[], classes = 5): number[] {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`classes must be a whole number >= 1, not ${classes}`);
  const sorted = counts.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  const breaks: number[] = [];
  for (let j = 1; j < classes; j++) {
    const b = sorted[Math.floor((j * n) / classes)];
    if (b === undefined || b <= sorted[0]! || b <= (breaks[breaks.length - 1] ?? -Infinity)) continue;
    breaks.push(b);
  }
  return breaks;
}

/** The class (0-based) of a value for breaks from choroplethBreaks: how many breaks are at or below it. */
export function choroplethClass(value: number, breaks: readonly number[]): number {
  let c = 0;
  while (c < breaks.length && value >= breaks[c]!) c++;
  return c;
}
