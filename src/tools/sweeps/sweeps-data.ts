// What the Sweeps tab works on, as pure functions of its state and the 311 table: the time window, the requests that
// pass the filters, and the requests that become sweep stops.
import { booleanPointInPolygon } from '@turf/turf';
import { packNeedleTable, type NeedleTable } from '../../datasets/needle-table';
import { isoDateFromDay, dayFromIsoDate } from '../../domain/calendar-day';
import { NEEDLE_STATUSES } from '../../domain/needle-request';
import type { ZoneFeature } from '../../domain/zone';
import { customWindow, windowForPreset, type DayWindow } from '../../domain/time-window';
import type { SweepArea, SweepsState } from './sweeps-state';
import type { FilterOptions } from './sweeps-window';

/** Length of the default window: the last 30 days of the data. */
export const LATEST_WINDOW_DAYS = 30;

/**
 * The window of the state's preset: 'latest' ends at the newest request of the data, 'custom' is the typed dates (a
 * reversed pair is put in order; a missing end is today), the others end today on Boston's clock.
 */
export function sweepWindow(state: Pick<SweepsState, 'preset' | 'from' | 'to'>, dataMaxDay: number, todayDay: number): DayWindow {
  if (state.preset === 'latest') {
    const end = dataMaxDay >= 0 ? dataMaxDay : todayDay;
    return { fromDay: end - (LATEST_WINDOW_DAYS - 1), toDay: end };
  }
  if (state.preset === 'custom') {
    const from = state.from ? dayFromIsoDate(state.from) : todayDay - (LATEST_WINDOW_DAYS - 1);
    const to = state.to ? dayFromIsoDate(state.to) : todayDay;
    return customWindow(from, to);
  }
  return windowForPreset(state.preset, todayDay);
}

/** The window as ISO dates, for labels and exports. */
export const windowDates = (w: DayWindow): { from: string; to: string } => ({ from: isoDateFromDay(w.fromDay), to: isoDateFromDay(w.toDay) });

export type SweepFilter = DayWindow & Pick<SweepsState, 'status' | 'neighborhood' | 'ward' | 'source'>;

/** Row indexes of the requests opened in the window that pass the status, neighbourhood, ward and source filters. */
export function filterRequests(needles: NeedleTable, f: SweepFilter): Uint32Array {
  const statusIndex = f.status === 'all' ? -1 : NEEDLE_STATUSES.indexOf(f.status);
  const wardIndex = f.ward === null ? -1 : needles.wards.indexOf(f.ward);
  const sourceIndex = f.source === null ? -1 : needles.sources.indexOf(f.source);
  // A ward or source the data does not have matches no row (index -1 would match the rows where it is unknown).
  // The neighbourhood column's lookup indexes, not a record per row.
  const packed = f.neighborhood === null ? null : packNeedleTable(needles);
  const hoodIndex = packed && f.neighborhood !== null ? packed.neighborhoods.indexOf(f.neighborhood) : -1;
  if ((f.ward !== null && wardIndex < 0) || (f.source !== null && sourceIndex < 0) || (packed && hoodIndex < 0)) return new Uint32Array(0);
  const out = new Uint32Array(needles.count);
  let n = 0;
  for (let i = 0; i < needles.count; i++) {
    const day = needles.openedDay[i]!;
    if (day < f.fromDay || day > f.toDay) continue;
    if (statusIndex >= 0 && needles.status[i] !== statusIndex) continue;
    if (f.ward !== null && needles.wardIndex[i] !== wardIndex) continue;
    if (f.source !== null && needles.sourceIndex[i] !== sourceIndex) continue;
    if (packed && packed.neighborhood[i] !== hoodIndex) continue;
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** Whether row i lies in the area (all, a box [w, s, e, n], or an outreach zone's polygon). */
export function areaTest(needles: NeedleTable, area: SweepArea, zones: readonly ZoneFeature[]): ((i: number) => boolean) | null {
  if (area.kind === 'all') return () => true;
  if (area.kind === 'view') {
    const [w, s, e, n] = area.bbox;
    return (i) => needles.lng[i]! >= w && needles.lng[i]! <= e && needles.lat[i]! >= s && needles.lat[i]! <= n;
  }
  if (area.kind === 'polygon') {
    const polygon = { type: 'Polygon' as const, coordinates: [area.ring] };
    return (i) => booleanPointInPolygon([needles.lng[i]!, needles.lat[i]!], polygon);
  }
  const zone = zones.find((z) => z.properties.id === area.zoneId);
  if (!zone) return null;
  return (i) => booleanPointInPolygon([needles.lng[i]!, needles.lat[i]!], zone);
}

/**
 * The requests that become sweep stops: those of `indices` in the area that are not closed (open, or with no published
 * status: the published 2024-2026 file has none). Null when the area's zone no longer exists.
 */
export function stopRows(needles: NeedleTable, indices: Uint32Array, area: SweepArea, zones: readonly ZoneFeature[]): number[] | null {
  const inArea = areaTest(needles, area, zones);
  if (!inArea) return null;
  const closed = NEEDLE_STATUSES.indexOf('closed');
  const rows: number[] = [];
  for (const i of indices) if (needles.status[i] !== closed && inArea(i)) rows.push(i);
  return rows;
}

/** Row i's neighbourhood as the 311 data gives it (null when unknown), read from the column, not a record per row. */
export function rowNeighborhoodField(needles: NeedleTable): (row: number) => string | null {
  const { neighborhood, neighborhoods } = packNeedleTable(needles);
  return (i) => {
    const n = neighborhood[i]!;
    return n < 0 ? null : (neighborhoods[n] ?? null);
  };
}

/** The neighbourhoods (by the 311 field: those some row has), wards and sources to filter by, each sorted. */
export function filterOptions(needles: NeedleTable | null): FilterOptions {
  if (!needles) return { neighborhoods: [], wards: [], sources: [] };
  // The neighbourhood column's lookup indexes, not a record per row: a year's import is tens of thousands of rows.
  const { neighborhood, neighborhoods } = packNeedleTable(needles);
  const used = new Uint8Array(neighborhoods.length);
  for (let i = 0; i < needles.count; i++) {
    const n = neighborhood[i]!;
    if (n >= 0) used[n] = 1;
  }
  const hoods = neighborhoods.filter((_, n) => used[n] === 1);
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
  return { neighborhoods: sorted(hoods), wards: sorted(needles.wards), sources: sorted(needles.sources) };
}
