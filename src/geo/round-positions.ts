// Rounding positions to a fixed number of decimals for compact GeoJSON output, and closing rings that rounding opened.
import type { Position } from 'geojson';

/**
 * The positions rounded to `decimals` decimals ([lng, lat] only: elevation is dropped), with consecutive duplicates
 * (after rounding) removed. Returns a new array.
 */
export function roundPositions(coordinates: readonly Position[], decimals: number): Position[] {
  const scale = 10 ** decimals;
  const round = (value: number): number => Math.round(value * scale) / scale;
  const out: Position[] = [];
  for (const position of coordinates) {
    const lng = round(position[0] ?? NaN);
    const lat = round(position[1] ?? NaN);
    const last = out[out.length - 1];
    if (!last || last[0] !== lng || last[1] !== lat) out.push([lng, lat]);
  }
  return out;
}

/** A copy of the ring that ends where it starts (rounding can separate the closing position from the first one). */
export function closeRing(ring: readonly Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const open = first && last && (first[0] !== last[0] || first[1] !== last[1]);
  return open ? [...ring, [first[0] ?? 0, first[1] ?? 0]] : ring.slice();
}
