// Boston (America/New_York) wall-clock time of an instant and back, whatever the device's own time zone.
import { BOSTON_TIME_ZONE } from '../config/city';

/** A reading of Boston's wall clock: calendar fields as a clock in Boston shows them (month 1-12). */
export type BostonWallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// h23: some engines write midnight as hour "24" with hour12: false.
const wallClockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: BOSTON_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Boston's wall clock at `instant`. Pure: the same for any device time zone. */
export function bostonWallClock(instant: Date): BostonWallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('bostonWallClock: invalid Date');
  const field = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of wallClockFormat.formatToParts(instant)) {
    if (part.type in field) field[part.type as keyof typeof field] = Number(part.value);
  }
  // Boston's UTC offsets are whole minutes, so the milliseconds of the instant are those of the wall clock.
  return { ...field, millisecond: ((ms % 1000) + 1000) % 1000 };
}

/** The wall clock's fields read as if they were UTC (ms): the instant minus the zone offset. */
function wallAsUtcMs(w: BostonWallClock): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Boston's offset from UTC at an instant (ms since the epoch), in minutes: -300 (EST) or -240 (EDT). */
function offsetMinutesAt(ms: number): number {
  return Math.round((wallAsUtcMs(bostonWallClock(new Date(ms))) - ms) / MS_PER_MINUTE);
}

/** The first instant in (lo, hi] (ms) at which Boston's offset is no longer `loOffset`; there must be one. */
function offsetChangeIn(lo: number, hi: number, loOffset: number): number {
  // Invariant: the offset at lo is loOffset, the offset at hi is not.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutesAt(mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The first instant, not before `notBefore`, at which Boston's clock shows `wall`: the time a change of state
 * written in Boston wall-clock time really happens.
 * - In the hour skipped when clocks spring forward (2026-03-08 02:00-02:59 never shows): the instant the clock jumps
 *   past it, 03:00 EDT (07:00 UTC). So the hour maps forward, to the end of the gap.
 * - In the hour shown twice when clocks fall back (2026-11-01 01:00-01:59): the first time (EDT), or the second (EST)
 *   when the first is before `notBefore` (so "the next 01:30" after 01:15 EST is 01:30 EST, 06:30 UTC).
 */
export function bostonInstantAt(wall: BostonWallClock, notBefore?: Date): Date {
  const wallMs = wallAsUtcMs(wall);
  // Boston changes offset at most once in two days, so the offsets a day either side are the only candidates.
  const before = offsetMinutesAt(wallMs - MS_PER_DAY);
  const after = offsetMinutesAt(wallMs + MS_PER_DAY);
  const showing = [...new Set([before, after])]
    .map((offset) => wallMs - offset * MS_PER_MINUTE)
    .filter((ms) => ms + offsetMinutesAt(ms) * MS_PER_MINUTE === wallMs)
    .sort((a, b) => a - b);
  if (showing.length === 0) {
    // A skipped time: the switch lies between the readings with the offset after (earlier) and before (later).
    const lo = wallMs - after * MS_PER_MINUTE;
    return new Date(offsetChangeIn(lo, wallMs - before * MS_PER_MINUTE, offsetMinutesAt(lo)));
  }
  const earliest = notBefore?.getTime() ?? -Infinity;
  return new Date(showing.find((ms) => ms >= earliest) ?? showing[showing.length - 1]!);
}

/**
 * The first instant in (from, to] at which Boston's clock is changed (daylight saving starts or ends: 2026-03-08
 * 07:00 UTC, 2026-11-01 06:00 UTC), or null when there is none. Exact to the millisecond.
 */
export function firstBostonClockChange(from: Date, to: Date): Date | null {
  // Boston changes offset twice a year, months apart: sampling a week apart cannot miss a change.
  const WEEK_MS = 7 * MS_PER_DAY;
  const end = to.getTime();
  let lo = from.getTime();
  let loOffset = offsetMinutesAt(lo);
  while (lo < end) {
    const hi = Math.min(lo + WEEK_MS, end);
    const hiOffset = offsetMinutesAt(hi);
    if (hiOffset !== loOffset) return new Date(offsetChangeIn(lo, hi, loOffset));
    lo = hi;
    loOffset = hiOffset;
  }
  return null;
}

/**
 * A "shifted" Date whose local fields (getHours, getDay...) in this device's time zone are Boston's wall clock at
 * `instant`, for libraries such as opening_hours that read local time. Its absolute time is meaningless: turn a result
 * back with fromShiftedBostonDate. On a device whose own zone skips that local hour (its spring-forward gap, e.g.
 * Europe or New Zealand on a date when Boston does not switch), the Date lands an hour later: such a device is off by
 * one hour for that one hour a year. Devices in Boston's zone, in a zone without daylight saving, or in another US zone
 * (same switch dates, and Boston's skipped hour is never a wall-clock reading) are exact.
 */
export function toShiftedBostonDate(instant: Date): Date {
  const w = bostonWallClock(instant);
  const shifted = new Date(0);
  shifted.setFullYear(w.year, w.month - 1, w.day);
  shifted.setHours(w.hour, w.minute, w.second, w.millisecond);
  return shifted;
}

/**
 * The real instant of a shifted Date (its local fields read as Boston's wall clock; see toShiftedBostonDate): the first
 * not before `notBefore` at which Boston's clock shows it, with bostonInstantAt's rules for the skipped and repeated hours.
 */
export function fromShiftedBostonDate(shifted: Date, notBefore?: Date): Date {
  return bostonInstantAt(
    {
      year: shifted.getFullYear(),
      month: shifted.getMonth() + 1,
      day: shifted.getDate(),
      hour: shifted.getHours(),
      minute: shifted.getMinutes(),
      second: shifted.getSeconds(),
      millisecond: shifted.getMilliseconds(),
    },
    notBefore,
  );
}

/**
 * Short weekday and time of `date` on Boston's clock, in language `lang` ("Mon 9:00 AM" in English), whatever the
 * device's time zone: the opening hours are Boston's.
 */
export function formatBostonTime(date: Date, lang: string): string {
  return date.toLocaleString(lang, { timeZone: BOSTON_TIME_ZONE, weekday: 'short', hour: 'numeric', minute: '2-digit' });
}
