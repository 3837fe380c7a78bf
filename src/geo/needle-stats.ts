// Counts of the filtered 311 requests for the Sweeps charts: by month, day of the week, hour of the day and neighbourhood.

/** The columns the counts read (structural: pass the needle table, or any object with these arrays). */
export type NeedleTimeColumns = {
  /** Open date, days since 1970-01-01 (Boston local date). */
  openedDay: ArrayLike<number>;
  /** Open time, minutes after Boston local midnight (0..1439), -1 when the source gave no time. Absent: no times at all. */
  openedMinute?: ArrayLike<number>;
};

export type MonthCount = { /** 'YYYY-MM' */ month: string; count: number };
export type NeighborhoodCount = { /** null: the requests with no neighbourhood */ neighborhood: string | null; count: number };
export type HourCounts = { /** 24 counts, index = hour of the day on Boston's clock (0 = midnight to 00:59). */ hours: number[]; /** Rows with no time. */ unknown: number };

/** Weekday keys in the order countByWeekday returns them (Monday first, as ISO 8601). */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const MINUTES_PER_DAY = 1440;

/** A month as a single integer, year * 12 + (month - 1), of a day number (Hinnant's days-to-civil, no Date per row). */
function monthIndexOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9; // 1..12
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + (month - 1);
}

function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * Requests per calendar month of their open date, for every month from the first to the last present (months with
 * none included as 0), oldest first. Empty `indices` give []. Counts sum to indices.length; never mutates inputs.
 */
export function countByMonth(indices: ArrayLike<number>, cols: NeedleTimeColumns): MonthCount[] {
  if (indices.length === 0) return [];
  const months = new Int32Array(indices.length);
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < indices.length; k++) {
    const m = monthIndexOfDay(cols.openedDay[indices[k] as number] as number);
    months[k] = m;
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const m of months) counts[m - first]!++;
  return counts.map((count, i) => ({ month: monthLabel(first + i), count }));
}

/**
 * Requests per day of the week of their open date (a Boston local date, so no time zone enters), as 7 counts,
 * Monday first (see WEEKDAY_KEYS). Counts sum to indices.length.
 */
export function countByWeekday(indices: ArrayLike<number>, cols: NeedleTimeColumns): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (let k = 0; k < indices.length; k++) {
    const day = cols.openedDay[indices[k] as number] as number;
    // 1970-01-01 was a Thursday (index 3 from Monday).
    counts[(((day + 3) % 7) + 7) % 7]!++;
  }
  return counts;
}

/**
 * Requests per hour of the day on Boston's clock (from the open time's minutes after local midnight); rows with no
 * time (-1, anything outside 0..1439, or no openedMinute column) are counted in `unknown`. hours + unknown sum to
 * indices.length. On the autumn clock change the repeated 01:00-01:59 counts once, as hour 1.
 */
export function countByHour(indices: ArrayLike<number>, cols: NeedleTimeColumns): HourCounts {
  const hours = new Array<number>(24).fill(0);
  const minutes = cols.openedMinute;
  if (!minutes) return { hours, unknown: indices.length };
  let unknown = 0;
  for (let k = 0; k < indices.length; k++) {
    const m = minutes[indices[k] as number] as number;
    if (Number.isInteger(m) && m >= 0 && m < MINUTES_PER_DAY) hours[Math.floor(m / 60)]!++;
    else unknown++;
  }
  return { hours, unknown };
}

/**
 * Requests per neighbourhood, most first (ties by name), with the rows whose `neighborhoodOf` is null or '' in one
 * `neighborhood: null` bucket listed last (only when there are some). Counts sum to indices.length.
 */
export function countByNeighborhood(indices: ArrayLike<number>, neighborhoodOf: (row: number) => string | null): NeighborhoodCount[] {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (let k = 0; k < indices.length; k++) {
    const name = neighborhoodOf(indices[k] as number);
    if (name === null || name === '') unknown++;
    else counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const out: NeighborhoodCount[] = [...counts]
    .map(([neighborhood, count]) => ({ neighborhood, count }))
    .sort((a, b) => b.count - a.count || (a.neighborhood < b.neighborhood ? -1 : a.neighborhood > b.neighborhood ? 1 : 0));
  if (unknown > 0) out.push({ neighborhood: null, count: unknown });
  return out;
}
