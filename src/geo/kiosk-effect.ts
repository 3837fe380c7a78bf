// Kiosk effect: 311 needle requests near a point in the N months before and after an install month, against the citywide trend.
import { haversineMeters } from './haversine';

/** A year-month written YYYY-MM (month 01-12). */
export const YEAR_MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of a YYYY-MM string (January 2024 is 2024 × 12). Throws on a malformed month. */
export function monthIndex(month: string): number {
  const m = YEAR_MONTH_PATTERN.exec(month);
  if (!m) throw new Error(`"${month}" is not a year-month written YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The YYYY-MM string of a month index (inverse of {@link monthIndex}). */
export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last` inclusive (YYYY-MM), in order; empty when `last` is before `first`. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) out.push(monthFromIndex(i));
  return out;
}

/**
 * What the kiosk effect reads: request counts per grid cell and month, and the citywide count per month.
 * `monthCells[month]` lists [cell index into `cellLngLats`, requests] pairs; every month from `firstMonth` to
 * `lastMonth` is data (a month missing from `monthCells` counts as no requests near anything), months outside are not.
 */
export type MonthlyCellCounts = {
  firstMonth: string;
  lastMonth: string;
  /** The point of each grid cell, [lng, lat] degrees. */
  cellLngLats: readonly (readonly [number, number])[];
  monthCells: Readonly<Record<string, readonly (readonly [cellIndex: number, count: number])[]>>;
  /** Citywide requests per month (YYYY-MM), for every month from firstMonth to lastMonth. */
  citywideByMonth: Readonly<Record<string, number>>;
};

/** One month of the window. `available` false: the month is outside the data, and both counts are null. */
export type KioskEffectMonth = {
  month: string;
  /** Months from the install month: -N … -1 before, 1 … N after. */
  offset: number;
  available: boolean;
  /** Requests in the cells within the radius. */
  local: number | null;
  citywide: number | null;
};

export type KioskEffectOptions = {
  /** The kiosk, [lng, lat] degrees. */
  lngLat: readonly [number, number];
  /** The install month, YYYY-MM (see {@link installMonthOf} for dates). */
  installMonth: string;
  /** A cell counts when its point is within this great-circle distance of `lngLat`, metres. */
  radiusMeters: number;
  /** Months on each side of the install month (a whole number ≥ 1). */
  months: number;
};

export type KioskEffect = {
  installMonth: string;
  radiusMeters: number;
  months: number;
  /** Grid cells whose point is within the radius. */
  cellsWithin: number;
  /** The N months before the install month, oldest first, and the N after it, oldest first. */
  before: KioskEffectMonth[];
  after: KioskEffectMonth[];
  /** How many of the N months on each side are inside the data. */
  monthsBefore: number;
  monthsAfter: number;
  /** Sums over the available months of each side. */
  localBefore: number;
  localAfter: number;
  citywideBefore: number;
  citywideAfter: number;
  /**
   * After against before, on the monthly average of the available months (so a side clipped by the data's ends is
   * not unfairly small): 0.25 means +25 %. Null when a side has no months or its before-average is 0.
   */
  localChange: number | null;
  citywideChange: number | null;
  /**
   * The local after/before ratio divided by the citywide one (the month counts cancel): 1 means the area followed the
   * citywide trend, 0.8 means it ended 20 % below it. Null when either ratio is undefined or the citywide ratio is 0.
   */
  relativeRatio: number | null;
};

/** Indices of the cells whose point is within `radiusMeters` (great-circle) of `lngLat`. */
export function cellsWithinRadius(cellLngLats: MonthlyCellCounts['cellLngLats'], lngLat: readonly [number, number], radiusMeters: number): Set<number> {
  const within = new Set<number>();
  cellLngLats.forEach((cell, i) => {
    if (haversineMeters(cell, lngLat) <= radiusMeters) within.add(i);
  });
  return within;
}

/** after / before on the monthly averages; null when a side has no months or the before-average is 0. */
function changeOf(before: number, monthsBefore: number, after: number, monthsAfter: number): number | null {
  if (monthsBefore === 0 || monthsAfter === 0 || before === 0) return null;
  return after / monthsAfter / (before / monthsBefore) - 1;
}

/**
 * Requests within `radiusMeters` of a kiosk in each of the `months` months before and after its install month, their
 * totals and change, against the citywide counts of the same months. The install month itself is in neither side
 * (the kiosk was there for only part of it). A cell counts, with all its requests, when its point is within the
 * radius (great-circle), so the area is the radius rounded to whole cells (about 90 m). Months outside
 * firstMonth..lastMonth are reported as unavailable and left out of the totals; never divides by zero. Pure.
 */
export function kioskEffect(data: MonthlyCellCounts, options: KioskEffectOptions): KioskEffect {
  const { lngLat, installMonth, radiusMeters } = options;
  if (!Number.isInteger(options.months) || options.months < 1) throw new Error(`months must be a whole number ≥ 1 (got ${options.months})`);
  if (!(radiusMeters >= 0)) throw new Error(`radiusMeters must be ≥ 0 (got ${radiusMeters})`);
  const install = monthIndex(installMonth);
  const first = monthIndex(data.firstMonth);
  const last = monthIndex(data.lastMonth);
  const within = cellsWithinRadius(data.cellLngLats, lngLat, radiusMeters);

  const monthAt = (offset: number): KioskEffectMonth => {
    const index = install + offset;
    const month = monthFromIndex(index);
    if (index < first || index > last) return { month, offset, available: false, local: null, citywide: null };
    let local = 0;
    for (const [cell, count] of data.monthCells[month] ?? []) if (within.has(cell)) local += count;
    return { month, offset, available: true, local, citywide: data.citywideByMonth[month] ?? 0 };
  };
  const n = options.months;
  const before = Array.from({ length: n }, (_, i) => monthAt(i - n));
  const after = Array.from({ length: n }, (_, i) => monthAt(i + 1));
  const sum = (rows: KioskEffectMonth[], key: 'local' | 'citywide') => rows.reduce((s, r) => s + (r[key] ?? 0), 0);
  const monthsBefore = before.filter((r) => r.available).length;
  const monthsAfter = after.filter((r) => r.available).length;
  const localBefore = sum(before, 'local');
  const localAfter = sum(after, 'local');
  const citywideBefore = sum(before, 'citywide');
  const citywideAfter = sum(after, 'citywide');
  const localChange = changeOf(localBefore, monthsBefore, localAfter, monthsAfter);
  const citywideChange = changeOf(citywideBefore, monthsBefore, citywideAfter, monthsAfter);
  const relativeRatio = localChange === null || citywideChange === null || citywideChange === -1 ? null : (1 + localChange) / (1 + citywideChange);
  return {
    installMonth: monthFromIndex(install),
    radiusMeters,
    months: n,
    cellsWithin: within.size,
    before,
    after,
    monthsBefore,
    monthsAfter,
    localBefore,
    localAfter,
    citywideBefore,
    citywideAfter,
    localChange,
    citywideChange,
    relativeRatio,
  };
}

/** What a typed install date says: a month (YYYY-MM, or the month of YYYY-MM-DD), or a year alone. */
export type InstallDate = { month: string } | { year: number };

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Reads a typed install date: "2025-01", "2025-01-15" (a real calendar date) or a year alone ("2020"). Surrounding
 * spaces are ignored. Null for anything else.
 */
export function installMonthOf(text: string): InstallDate | null {
  const s = text.trim();
  if (/^\d{4}$/.test(s)) return { year: Number(s) };
  if (YEAR_MONTH_PATTERN.test(s)) return { month: s };
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!d) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const date = new Date(Date.UTC(y, m - 1, day));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== day) return null;
  return { month: `${d[1]}-${d[2]}` };
}

/**
 * The install date a site's note gives, as text for the date field: "installed 2020" gives "2020", "installed in May
 * 2025" gives "2025-05", "installed ... in spring 2019" and "placed in 2019" give "2019". The year is the first one
 * after "installed" (or "placed in") in the same sentence. Null when the note says nothing about an installation.
 */
export function installDateFromNote(note: string | null | undefined): string | null {
  if (!note) return null;
  const m = /\b(?:installed|placed in)\b([^.;]*?)\b((?:19|20)\d{2})\b(?:-(0[1-9]|1[0-2])\b)?/i.exec(note);
  if (!m) return null;
  const year = m[2]!;
  if (m[3]) return `${year}-${m[3]}`;
  const named = /\b([a-z]+)\s*$/i.exec(m[1] ?? '')?.[1]?.toLowerCase();
  const month = named ? MONTH_NAMES.indexOf(named) : -1;
  return month >= 0 ? `${year}-${String(month + 1).padStart(2, '0')}` : year;
}
