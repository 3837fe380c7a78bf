// Line and ring simplification that keeps chosen vertices, so areas that share an edge stay seamless when simplified.
import type { Position } from 'geojson';

/**
 * Douglas-Peucker simplification (planar, longitude scaled by cos(latitude of the first position)); keeps both ends,
 * so a closed ring stays closed, and every position `mustKeep` names. `toleranceDegrees` is in degrees of latitude.
 * Returns a new array; does not mutate `coordinates`.
 *
 * Hand-written because turf's `simplify` (simplify-js) cannot pin vertices: two neighbourhoods simplified one by one
 * would drop different vertices of the edge they share and open slivers of water between them.
 */
export function simplifyPositions(
  coordinates: readonly Position[],
  toleranceDegrees: number,
  mustKeep: (position: Position) => boolean = () => false,
): Position[] {
  if (coordinates.length < 3) return coordinates.slice();
  const kx = Math.cos(((coordinates[0]?.[1] ?? 0) * Math.PI) / 180);
  const keep = new Uint8Array(coordinates.length);
  const stack: [number, number][] = [];
  let previous = 0;
  keep[0] = 1;
  // Pinned vertices split the line into runs; each run is simplified on its own.
  for (let i = 1; i < coordinates.length; i++) {
    const position = coordinates[i];
    if (i === coordinates.length - 1 || (position && mustKeep(position))) {
      keep[i] = 1;
      if (i - previous > 1) stack.push([previous, i]);
      previous = i;
    }
  }
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    const [ax = 0, ay = 0] = coordinates[first] ?? [];
    const [bx = 0, by = 0] = coordinates[last] ?? [];
    let farthest = -1;
    let maxDistance = toleranceDegrees;
    for (let i = first + 1; i < last; i++) {
      const [px = 0, py = 0] = coordinates[i] ?? [];
      const distance = segmentDistance((px - ax) * kx, py - ay, (bx - ax) * kx, by - ay);
      if (distance > maxDistance) {
        farthest = i;
        maxDistance = distance;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return coordinates.filter((_, i) => keep[i] === 1);
}

/** The key `sharedPositions` uses for a position: "lng,lat" exactly as the numbers print. */
export function positionKey(position: Position): string {
  return `${position[0]},${position[1]}`;
}

/**
 * Keys (see `positionKey`) of the positions that belong to more than one of the given areas (each area a list of
 * polygons, each polygon a list of rings): their common edges. `normalize` maps a position first (e.g. rounds it),
 * so positions that will be written the same count as the same. Does not mutate its input.
 */
export function sharedPositions(
  areas: readonly (readonly Position[][][])[],
  normalize: (position: Position) => Position = (position) => position,
): Set<string> {
  const owner = new Map<string, number>();
  const shared = new Set<string>();
  areas.forEach((polygons, areaIndex) => {
    for (const position of polygons.flat(2)) {
      const key = positionKey(normalize(position));
      const first = owner.get(key);
      if (first === undefined) owner.set(key, areaIndex);
      else if (first !== areaIndex) shared.add(key);
    }
  });
  return shared;
}

/** Planar distance from point (px, py) to the segment from the origin to (dx, dy), in the units of its arguments. */
export function segmentDistance(px: number, py: number, dx: number, dy: number): number {
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
  return Math.hypot(px - t * dx, py - t * dy);
}
