// Which named area (a Boston neighbourhood, or Brookline, Cambridge, Somerville) contains a point.
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import { insideBbox, type LngLatBbox, type PolygonalGeometry } from '../domain/geometry';

export type NamedArea<K extends string = string> = { name: string; kind: K; geometry: PolygonalGeometry };

/** Grid cells along the longer side of the areas' extent (Boston: cells of about 100 m). */
const GRID_CELLS = 256;
/** The state of a cell a boundary passes through (else the cell's component number, 0..). */
const MIXED = -2;
/** A component whose area is not known yet. */
const UNKNOWN = -3;

/**
 * The grid: `cell` holds MIXED or the number of the cell's component, the cells no boundary passes through joined
 * side by side (4-neighbours); `answer` each component's area index (-1: none), UNKNOWN until first asked.
 */
type Grid = { west: number; south: number; size: number; nx: number; ny: number; cell: Int32Array; answer: Int32Array };

/**
 * A grid over the areas' extent whose cells crossed (or touched, within a margin) by any ring edge are marked MIXED:
 * every polygon contains either all or none of any other cell (closed), and of any side-by-side run of such cells, so
 * one point-in-polygon answer holds for each component.
 */
function boundaryGrid(areas: readonly NamedArea[], boxes: readonly LngLatBbox[]): Grid | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) [west, south, east, north] = [Math.min(west, b[0]), Math.min(south, b[1]), Math.max(east, b[2]), Math.max(north, b[3])];
  if (!(east > west && north > south)) return null;
  const size = Math.max(east - west, north - south) / GRID_CELLS;
  const nx = Math.ceil((east - west) / size) + 1;
  const ny = Math.ceil((north - south) / size) + 1;
  const state = new Int32Array(nx * ny).fill(-1);
  // Wider than any rounding in the cell arithmetic below (degrees; a micrometre).
  const pad = 1e-11 + size * 1e-6;
  for (const area of areas) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 0; i < ring.length; i++) {
          // Every edge, and the closing one (a ring not closed in the file is closed by the test).
          const ax = ring[i]![0]!;
          const ay = ring[i]![1]!;
          const dx = ring[(i + 1) % ring.length]![0]! - ax;
          const dy = ring[(i + 1) % ring.length]![1]! - ay;
          // Pieces no longer than half a cell: their boxes (widened by the pad) cover the edge, and few cells beside it.
          const pieces = Math.max(1, Math.ceil((Math.max(Math.abs(dx), Math.abs(dy)) * 2) / size));
          for (let k = 0; k < pieces; k++) {
            const x0 = ax + (dx * k) / pieces;
            const y0 = ay + (dy * k) / pieces;
            const x1 = ax + (dx * (k + 1)) / pieces;
            const y1 = ay + (dy * (k + 1)) / pieces;
            const ix0 = Math.max(0, Math.floor(((x0 < x1 ? x0 : x1) - pad - west) / size));
            const ix1 = Math.min(nx - 1, Math.floor(((x0 < x1 ? x1 : x0) + pad - west) / size));
            const iy0 = Math.max(0, Math.floor(((y0 < y1 ? y0 : y1) - pad - south) / size));
            const iy1 = Math.min(ny - 1, Math.floor(((y0 < y1 ? y1 : y0) + pad - south) / size));
            for (let iy = iy0; iy <= iy1; iy++) for (let ix = ix0; ix <= ix1; ix++) state[iy * nx + ix] = MIXED;
          }
        }
      }
    }
  }
  // Components of the other cells (-1 until reached), by flood fill.
  let components = 0;
  const stack = new Int32Array(state.length);
  for (let start = 0; start < state.length; start++) {
    if (state[start] !== -1) continue;
    state[start] = components;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const c = stack[--top]!;
      // Each cell is numbered as it is pushed, so pushed once.
      const x = c % nx;
      for (let d = 0; d < 4; d++) {
        const n = d === 0 ? (x > 0 ? c - 1 : -1) : d === 1 ? (x < nx - 1 ? c + 1 : -1) : d === 2 ? c - nx : c + nx;
        if (n >= 0 && n < state.length && state[n] === -1) {
          state[n] = components;
          stack[top++] = n;
        }
      }
    }
    components++;
  }
  return { west, south, size, nx, ny, cell: state, answer: new Int32Array(components).fill(UNKNOWN) };
}

/**
 * Builds `areaAt(point)`: the first area (in the given order) whose polygon contains `point` ([lng, lat] degrees,
 * boundary included), or null outside all of them. A grid of cells of 1/256 of the areas' extent (built on the first
 * call, a few ms) answers a point in a cell no boundary passes through by the answer of its whole component (the
 * run of such cells no boundary separates), tested once; points in the other cells (about 1 in 10 in Boston) are
 * tested against the polygons whose bounding boxes hold them.
 */
export function createAreaLookup<K extends string>(areas: readonly NamedArea<K>[]): (point: readonly [number, number]) => NamedArea<K> | null {
  const boxes = areas.map((a) => turfBbox(a.geometry) as LngLatBbox);
  const indexAt = (lng: number, lat: number): number => {
    for (let i = 0; i < areas.length; i++) {
      if (!insideBbox(lng, lat, boxes[i]!)) continue;
      if (booleanPointInPolygon([lng, lat], areas[i]!.geometry)) return i;
    }
    return -1;
  };
  let grid: Grid | null | undefined;
  return (point) => {
    const [lng, lat] = point;
    if (grid === undefined) grid = boundaryGrid(areas, boxes);
    let index: number;
    const ix = grid ? Math.floor((lng - grid.west) / grid.size) : NaN;
    const iy = grid ? Math.floor((lat - grid.south) / grid.size) : NaN;
    if (grid && ix >= 0 && ix < grid.nx && iy >= 0 && iy < grid.ny) {
      const component = grid.cell[iy * grid.nx + ix]!;
      if (component === MIXED) index = indexAt(lng, lat);
      else {
        index = grid.answer[component]!;
        if (index === UNKNOWN) index = grid.answer[component] = indexAt(grid.west + (ix + 0.5) * grid.size, grid.south + (iy + 0.5) * grid.size);
      }
    } else index = indexAt(lng, lat);
    return index < 0 ? null : areas[index]!;
  };
}
