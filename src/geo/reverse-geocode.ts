// The search point in words a 311 dispatcher can use: the nearest known address point, else the nearest intersection.
import type { GeocoderIndex } from './geocoder';
import { createNearestIndex } from './nearest';

export type ReverseIndex = Pick<GeocoderIndex, 'addresses' | 'streets' | 'areas' | 'intersections'>;

/** Address points further than this (metres) do not name the point; an intersection is tried instead. */
export const ADDRESS_MAX_METERS = 60;
/** Intersections further than this (metres) do not name the point either. */
export const INTERSECTION_MAX_METERS = 150;

type Row = { row: number; lngLat: [number, number] };

function rows(lngLat: readonly number[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i + 1 < lngLat.length; i += 2) out.push({ row: i / 2, lngLat: [lngLat[i]!, lngLat[i + 1]!] });
  return out;
}

/**
 * Builds `describe(point)`: "12 Main St, Charlestown (near)" for the nearest address point within
 * ADDRESS_MAX_METERS of `point` ([lng, lat]), else "Main St & Elm St, Charlestown" for the nearest intersection
 * within INTERSECTION_MAX_METERS, else null. The indexes are built once.
 */
export function createReverseLookup(index: ReverseIndex): (point: [number, number]) => { text: string; distanceMeters: number } | null {
  const addresses = createNearestIndex(rows(index.addresses.lngLat));
  const crossings = createNearestIndex(rows(index.intersections.lngLat));
  const areaName = (area: number | undefined) => (area !== undefined && area >= 0 ? index.areas.name[area] : undefined);
  const withArea = (text: string, area: number | undefined) => {
    const name = areaName(area);
    return name ? `${text}, ${name}` : text;
  };
  return (point) => {
    const a = addresses.nearest(point, { k: 1, maxDistanceMeters: ADDRESS_MAX_METERS })[0];
    if (a) {
      const r = a.site.row;
      const street = index.streets.name[index.addresses.street[r]!] ?? '';
      const from = index.addresses.number[r]!;
      const to = index.addresses.numberTo[r]!;
      const number = to > from ? `${from}-${to}` : `${from}`;
      return { text: withArea(`${number} ${street}`, index.addresses.area[r]), distanceMeters: a.distanceMeters };
    }
    const c = crossings.nearest(point, { k: 1, maxDistanceMeters: INTERSECTION_MAX_METERS })[0];
    if (c) {
      const r = c.site.row;
      const streetA = index.streets.name[index.intersections.a[r]!] ?? '';
      const streetB = index.streets.name[index.intersections.b[r]!] ?? '';
      return { text: withArea(`${streetA} & ${streetB}`, index.intersections.area[r]), distanceMeters: c.distanceMeters };
    }
    return null;
  };
}
