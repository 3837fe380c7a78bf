// Selects the 311 requests inside a date window and status set, and counts those inside a view box.
import type { NeedleStatus } from '../domain/needle-request';
import { NEEDLE_STATUSES } from '../domain/needle-request';

/** The columns of the needle table this module reads (structural, so geo/ does not depend on datasets/). */
export type NeedleColumnsView = {
  count: number;
  lng: ArrayLike<number>;
  lat: ArrayLike<number>;
  /** Days since 1970-01-01 of the open date. */
  openedDay: ArrayLike<number>;
  /** 0 unknown, 1 open, 2 closed (index into NEEDLE_STATUSES). */
  status: ArrayLike<number>;
};

export type NeedleFilter = { fromDay: number; toDay: number; statuses: readonly NeedleStatus[] };

/**
 * Row indexes of the requests opened within [fromDay, toDay] (inclusive) whose status is in `statuses`,
 * in table order. Never mutates the table.
 */
export function filterNeedleIndices(table: NeedleColumnsView, filter: NeedleFilter): Uint32Array {
  const wanted = NEEDLE_STATUSES.map((s) => filter.statuses.includes(s));
  const out = new Uint32Array(table.count);
  let n = 0;
  for (let i = 0; i < table.count; i++) {
    const day = table.openedDay[i] as number;
    if (day < filter.fromDay || day > filter.toDay) continue;
    if (!wanted[table.status[i] as number]) continue;
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** How many of `indices` fall inside the box [west, south, east, north] (degrees, planar test). */
export function countInBox(
  table: NeedleColumnsView,
  indices: ArrayLike<number>,
  box: readonly [west: number, south: number, east: number, north: number],
): number {
  const [west, south, east, north] = box;
  let n = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const x = table.lng[i] as number;
    const y = table.lat[i] as number;
    if (x >= west && x <= east && y >= south && y <= north) n++;
  }
  return n;
}
