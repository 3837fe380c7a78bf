// Who is within reach: demand points within a great-circle radius of some site, from a kdbush index (sites or demand).
import KDBush from 'kdbush';
import { EARTH_RADIUS_METERS, haversineMetersLngLat } from './haversine';

const RAD = Math.PI / 180;
/** Above this many demand points per site, coveredFlags indexes the demand instead of the sites (fewer queries). */
const SITE_INDEX_RATIO = 16;
/** Relative slack on the search box; the exact cut is made afterwards in metres. */
const BOX_SLACK = 1 + 1e-7;

/** A point of demand (a 311 report, a tract centroid): `weight` defaults to 1 and must be finite and ≥ 0. */
export type DemandPoint = { lngLat: readonly [number, number]; weight?: number };

export type RadiusIndex = {
  /**
   * Calls `visit(id, distanceMeters)` for every indexed point at most `radiusMeters` (great-circle, haversine) from
   * [lng, lat]; ids are positions in the array the index was built from. Order is unspecified.
   */
  forEachWithin(lng: number, lat: number, radiusMeters: number, visit: (id: number, distanceMeters: number) => void): void;
  /** Whether some indexed point is at most `radiusMeters` (great-circle) from [lng, lat]. */
  anyWithin(lng: number, lat: number, radiusMeters: number): boolean;
};

/** Throws a RangeError unless `p` is a finite [lng, lat] position in degrees. */
export function assertLngLat(p: readonly number[], what: string): void {
  const [lng, lat] = p;
  if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw new RangeError(`${what}: not a [lng, lat] position in degrees: ${JSON.stringify(p)}`);
  }
}

/** Throws a RangeError unless the radius is a finite number of metres ≥ 0. */
export function assertRadius(radiusMeters: number, what: string): void {
  if (!(Number.isFinite(radiusMeters) && radiusMeters >= 0)) throw new RangeError(`${what}: radiusMeters must be finite and ≥ 0, got ${radiusMeters}`);
}

/** The weight of a demand point (1 when absent); throws a RangeError on a negative or non-finite weight. */
export function demandWeight(p: DemandPoint, i: number): number {
  const w = p.weight ?? 1;
  if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`demand ${i}: weight must be finite and ≥ 0, got ${w}`);
  return w;
}

/**
 * Longitude/latitude boxes (degrees, [minLng, minLat, maxLng, maxLat]) that contain every point within `radiusMeters`
 * (great-circle) of [lng, lat]: one box, two across the antimeridian, the full longitude range near a pole.
 */
function searchBoxes(lng: number, lat: number, radiusMeters: number): [number, number, number, number][] {
  const angle = (radiusMeters / EARTH_RADIUS_METERS) * BOX_SLACK;
  const dLat = angle / RAD;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  // The widest longitude of a spherical cap of radius `angle` centred at `lat` is asin(sin(angle) / cos(lat)).
  const ratio = Math.sin(Math.min(angle, Math.PI / 2)) / Math.cos(lat * RAD);
  if (angle >= Math.PI / 2 || maxLat >= 90 || minLat <= -90 || !(ratio < 1)) return [[-180, minLat, 180, maxLat]];
  const dLng = (Math.asin(ratio) / RAD) * BOX_SLACK;
  const west = lng - dLng;
  const east = lng + dLng;
  if (west < -180) return [[west + 360, minLat, 180, maxLat], [-180, minLat, east, maxLat]];
  if (east > 180) return [[west, minLat, 180, maxLat], [-180, minLat, east - 360, maxLat]];
  return [[west, minLat, east, maxLat]];
}

/**
 * Builds a kdbush index over `points` ([lng, lat] degrees) once, for radius queries by great-circle distance
 * (haversine, mean Earth radius, as turf.distance). The points are not mutated; their positions are copied.
 * Throws a RangeError naming a point whose position is not finite [lng, lat] degrees.
 */
export function createRadiusIndex(points: readonly { lngLat: readonly [number, number] }[]): RadiusIndex {
  const lngs = new Float64Array(points.length);
  const lats = new Float64Array(points.length);
  points.forEach((p, i) => {
    assertLngLat(p.lngLat, `createRadiusIndex: point ${i}`);
    lngs[i] = p.lngLat[0];
    lats[i] = p.lngLat[1];
  });
  return radiusIndexOfColumns(lngs, lats);
}

/** {@link createRadiusIndex} over positions already checked, as longitude and latitude columns (kept, not copied). */
function radiusIndexOfColumns(lngs: Float64Array, lats: Float64Array): RadiusIndex {
  const n = lngs.length;
  const index = new KDBush(Math.max(n, 1), 16);
  for (let i = 0; i < n; i++) index.add(lngs[i]!, lats[i]!);
  if (n === 0) index.add(0, 0); // kdbush needs one item; queries return before searching
  index.finish();

  return {
    forEachWithin(lng, lat, radiusMeters, visit) {
      if (n === 0 || radiusMeters < 0) return;
      for (const [w, s, e, nth] of searchBoxes(lng, lat, radiusMeters)) {
        for (const id of index.range(w, s, e, nth)) {
          const d = haversineMetersLngLat(lng, lat, lngs[id]!, lats[id]!);
          if (d <= radiusMeters) visit(id, d);
        }
      }
    },
    anyWithin(lng, lat, radiusMeters) {
      if (n === 0 || radiusMeters < 0) return false;
      for (const [w, s, e, nth] of searchBoxes(lng, lat, radiusMeters)) {
        for (const id of index.range(w, s, e, nth)) {
          if (haversineMetersLngLat(lng, lat, lngs[id]!, lats[id]!) <= radiusMeters) return true;
        }
      }
      return false;
    },
  };
}

/** Most cells a site grid may have; beyond it (sites spread far wider than the radius) coveredFlags uses kdbush. */
const MAX_GRID_CELLS = 1 << 22;

/**
 * The sites bucketed in a dense grid of cells at least the radius wide (in latitude and, at the sites' highest
 * latitude, in longitude), over the sites' extent plus one cell: a point's sites within reach lie in its 3 × 3 cells.
 * Null when a grid does not fit: no sites, extents near a pole or across the antimeridian, or too many cells.
 */
function siteGrid(sites: readonly { lngLat: readonly [number, number] }[], radiusMeters: number): { anyWithin(lng: number, lat: number): boolean } | null {
  if (sites.length === 0) return null;
  const angle = (radiusMeters / EARTH_RADIUS_METERS) * BOX_SLACK;
  const cellLat = Math.max(angle / RAD, 1e-9);
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const { lngLat } of sites) {
    west = Math.min(west, lngLat[0]);
    east = Math.max(east, lngLat[0]);
    south = Math.min(south, lngLat[1]);
    north = Math.max(north, lngLat[1]);
  }
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north)) + 2 * cellLat;
  if (maxAbsLat >= 80 || angle >= 0.1) return null;
  const cellLng = Math.max((Math.asin(Math.sin(angle) / Math.cos(maxAbsLat * RAD)) / RAD) * BOX_SLACK, 1e-9);
  // One empty cell of margin on every side; a point outside the padded extent is beyond reach of every site.
  west -= cellLng;
  south -= cellLat;
  if (west - cellLng < -180 || east + 2 * cellLng > 180) return null;
  const cols = Math.floor((east - west) / cellLng) + 2;
  const rows = Math.floor((north - south) / cellLat) + 2;
  if (cols * rows > MAX_GRID_CELLS) return null;
  const cellOf = (lng: number, lat: number) => Math.floor((lat - south) / cellLat) * cols + Math.floor((lng - west) / cellLng);
  const start = new Int32Array(cols * rows + 1);
  for (const { lngLat } of sites) start[cellOf(lngLat[0], lngLat[1]) + 1]! += 1;
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols * rows);
  const siteLng = new Float64Array(sites.length);
  const siteLat = new Float64Array(sites.length);
  for (const { lngLat } of sites) {
    const at = fill[cellOf(lngLat[0], lngLat[1])]!++;
    siteLng[at] = lngLat[0];
    siteLat[at] = lngLat[1];
  }
  return {
    anyWithin(lng, lat) {
      const x = Math.floor((lng - west) / cellLng);
      const y = Math.floor((lat - south) / cellLat);
      if (x < 0 || y < 0 || x >= cols || y >= rows) return false;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(rows - 1, y + 1); yy++) {
        const from = start[yy * cols + Math.max(0, x - 1)]!;
        const to = start[yy * cols + Math.min(cols - 1, x + 1) + 1]!;
        for (let j = from; j < to; j++) if (haversineMetersLngLat(lng, lat, siteLng[j]!, siteLat[j]!) <= radiusMeters) return true;
      }
      return false;
    },
  };
}

/**
 * Per demand point, 1 when some site is at most `radiusMeters` away (great-circle metres, boundary included), else 0.
 * Buckets the sites in a grid of radius-sized cells; where a grid does not fit, a kdbush index over the sites, or over
 * the demand when it is far larger (then one query per site). Positions given as separate longitude and latitude
 * arrays (degrees), e.g. the needle table's columns.
 * Throws a RangeError on a bad radius, mismatched arrays or a bad position.
 */
export function coveredFlagsLngLat(
  lng: ArrayLike<number>,
  lat: ArrayLike<number>,
  sites: readonly { lngLat: readonly [number, number] }[],
  radiusMeters: number,
): Uint8Array {
  assertRadius(radiusMeters, 'coveredFlags');
  if (lng.length !== lat.length) throw new RangeError(`coveredFlags: ${lng.length} longitudes but ${lat.length} latitudes`);
  const lngs = Float64Array.from(lng);
  const lats = Float64Array.from(lat);
  for (let i = 0; i < lngs.length; i++) {
    if (!(Math.abs(lngs[i]!) <= 180 && Math.abs(lats[i]!) <= 90)) throw new RangeError(`coveredFlags: demand ${i} is not a [lng, lat] position: [${lngs[i]}, ${lats[i]}]`);
  }
  return flagsOfColumns(lngs, lats, sites, radiusMeters);
}

/** coveredFlags over checked position columns (not mutated). */
function flagsOfColumns(lngs: Float64Array, lats: Float64Array, sites: readonly { lngLat: readonly [number, number] }[], radiusMeters: number): Uint8Array {
  const n = lngs.length;
  const flags = new Uint8Array(n);
  sites.forEach((s, i) => assertLngLat(s.lngLat, `coveredFlags: site ${i}`));
  const grid = siteGrid(sites, radiusMeters);
  if (grid) {
    for (let i = 0; i < n; i++) if (grid.anyWithin(lngs[i]!, lats[i]!)) flags[i] = 1;
  } else if (n > SITE_INDEX_RATIO * sites.length) {
    // Far more demand than sites: index the demand once and flag what each site reaches (one query per site).
    const index = radiusIndexOfColumns(lngs, lats);
    for (const s of sites) index.forEachWithin(s.lngLat[0], s.lngLat[1], radiusMeters, (id) => (flags[id] = 1));
  } else {
    const index = createRadiusIndex(sites);
    for (let i = 0; i < n; i++) if (index.anyWithin(lngs[i]!, lats[i]!, radiusMeters)) flags[i] = 1;
  }
  return flags;
}

/**
 * Per demand point, 1 when some site is at most `radiusMeters` away (great-circle metres, boundary included), else 0.
 * Inputs are not mutated. Throws a RangeError on a bad radius or position.
 */
export function coveredFlags(demand: readonly DemandPoint[], sites: readonly { lngLat: readonly [number, number] }[], radiusMeters: number): Uint8Array {
  const lng = new Float64Array(demand.length);
  const lat = new Float64Array(demand.length);
  demand.forEach((p, i) => {
    assertLngLat(p.lngLat, `coveredFlags: demand ${i}`);
    lng[i] = p.lngLat[0];
    lat[i] = p.lngLat[1];
  });
  assertRadius(radiusMeters, 'coveredFlags');
  return flagsOfColumns(lng, lat, sites, radiusMeters);
}

/**
 * The total weight of the demand points within `radiusMeters` (great-circle metres, boundary included) of some site;
 * a point without a weight counts 1. Throws a RangeError on a bad radius, position or weight.
 */
export function coveredWeight(demand: readonly DemandPoint[], sites: readonly { lngLat: readonly [number, number] }[], radiusMeters: number): number {
  const flags = coveredFlags(demand, sites, radiusMeters);
  let covered = 0;
  demand.forEach((p, i) => {
    const w = demandWeight(p, i);
    if (flags[i]) covered += w;
  });
  return covered;
}

export type GroupCoverage = { coveredWeight: number; totalWeight: number; share: number };

/**
 * Covered and total weight per group (e.g. neighbourhood) from per-point flags (see {@link coveredFlags}); `share` is
 * covered / total, 0 for a group of weight 0. Points whose group is `null` are left out. Groups keep first-seen order.
 */
export function coverageByGroup<K>(
  demand: readonly DemandPoint[],
  flags: ArrayLike<number>,
  groupOf: (point: DemandPoint, index: number) => K | null,
): Map<K, GroupCoverage> {
  if (flags.length !== demand.length) throw new RangeError(`coverageByGroup: ${flags.length} flags for ${demand.length} demand points`);
  const groups = new Map<K, GroupCoverage>();
  demand.forEach((p, i) => {
    const key = groupOf(p, i);
    if (key === null) return;
    const w = demandWeight(p, i);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { coveredWeight: 0, totalWeight: 0, share: 0 }));
    g.totalWeight += w;
    if (flags[i]) g.coveredWeight += w;
  });
  for (const g of groups.values()) g.share = g.totalWeight > 0 ? g.coveredWeight / g.totalWeight : 0;
  return groups;
}
