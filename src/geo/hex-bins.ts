// Counts points per hexagonal cell of a fixed size in metres, on a local planar projection.
// Hand-written (about 20 lines of axial-coordinate rounding): d3-hexbin's nearest-centre test mixes its x and y units
// and puts about 2 % of points in a neighbouring cell (tests/unit/geo/hex-bins.test.ts catches it); h3-js would do
// but is a large module for the first screen, and its cells are not of a chosen size in metres.
import type { LngLat } from '../domain/geometry';

/** Metres per degree of latitude (spherical Earth, mean radius 6,371,008.8 m). */
const METERS_PER_DEGREE = (Math.PI * 6_371_008.8) / 180;
const SQRT3 = Math.sqrt(3);

export type HexCell = {
  /** Stable for a given cell size and reference latitude: the cell's axial coordinates q:r. */
  id: string;
  center: LngLat;
  count: number;
  /** The hexagon's outline, closed (first position repeated last), counter-clockwise as GeoJSON wants. */
  ring: LngLat[];
};

export type PointColumns = { lng: ArrayLike<number>; lat: ArrayLike<number> };

/** The axial coordinates of the pointy-top hexagon of radius `size` containing planar point (x, y) (cube rounding). */
function axialCell(x: number, y: number, size: number): [q: number, r: number] {
  const qf = ((SQRT3 / 3) * x - y / 3) / size;
  const rf = ((2 / 3) * y) / size;
  const sf = -qf - rf;
  let q = Math.round(qf);
  let r = Math.round(rf);
  const s = Math.round(sf);
  const dq = Math.abs(q - qf);
  const dr = Math.abs(r - rf);
  const ds = Math.abs(s - sf);
  // The coordinate that moved most is recomputed from the other two, so q + r + s stays 0.
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return [q, r];
}

/**
 * Bins `indices` of `points` into pointy-top hexagons whose centre-to-corner radius is `cellRadiusMeters`.
 * Distances are planar on an equirectangular projection at `refLat` (degrees): at city scale (±0.1° of `refLat`)
 * the cell size is true to about 0.2 %. Every index lands in exactly one cell, the one whose hexagon contains it:
 * the cell counts sum to `indices.length`. Cells come in no particular order; never mutates inputs.
 */
export function hexBinCounts(points: PointColumns, indices: ArrayLike<number>, cellRadiusMeters: number, refLat: number): HexCell[] {
  const kx = METERS_PER_DEGREE * Math.cos((refLat * Math.PI) / 180);
  const ky = METERS_PER_DEGREE;
  const size = cellRadiusMeters;
  const counts = new Map<string, { q: number; r: number; count: number }>();
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const [q, r] = axialCell((points.lng[i] as number) * kx, (points.lat[i] as number) * ky, size);
    const id = `${q}:${r}`;
    const cell = counts.get(id);
    if (cell) cell.count++;
    else counts.set(id, { q, r, count: 1 });
  }
  const toLngLat = (x: number, y: number): LngLat => [x / kx, y / ky];
  // Corners of a pointy-top hexagon, counter-clockwise from the top (y up = north).
  const corners = [0, 1, 2, 3, 4, 5].map((k) => [-Math.sin((k * Math.PI) / 3) * size, Math.cos((k * Math.PI) / 3) * size] as const);
  return [...counts].map(([id, { q, r, count }]) => {
    const cx = size * SQRT3 * (q + r / 2);
    const cy = size * 1.5 * r;
    const ring = corners.map(([dx, dy]) => toLngLat(cx + dx, cy + dy));
    ring.push(ring[0] as LngLat);
    return { id, center: toLngLat(cx, cy), count, ring };
  });
}
