// The Sweeps time tools' date windows: presets (today, last 7/30/90 days, this year), custom ranges, the window before, Boston's today.
import { bostonWallClock } from './boston-time';
import { MS_PER_DAY } from './calendar-day';

/** The preset windows, each ending today (inclusive). */
export const TIME_PRESETS = ['today', '7d', '30d', '90d', 'year'] as const;
export type TimePreset = (typeof TIME_PRESETS)[number];
/** What the time chooser shows as selected: a preset, or a range the user chose. */
export type TimeChoice = TimePreset | 'custom';

/** An inclusive window of whole days (days since 1970-01-01, Boston local dates). */
export type DayWindow = { fromDay: number; toDay: number };

const DAYS_OF_PRESET: Record<Exclude<TimePreset, 'year'>, number> = { today: 1, '7d': 7, '30d': 30, '90d': 90 };

/** Day number of 1 January of the year that contains `day`. */
function firstDayOfYear(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  d.setUTCMonth(0, 1);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function assertDay(day: number, name: string): void {
  if (!Number.isInteger(day)) throw new RangeError(`${name} is not a whole day number: ${day}`);
}

/**
 * The inclusive window of a preset ending on `todayDay`: 'today' is that day alone, '7d' / '30d' / '90d' the last
 * 7 / 30 / 90 days including today, 'year' 1 January of today's year to today. Throws a RangeError for a non-integer day.
 */
export function windowForPreset(preset: TimePreset, todayDay: number): DayWindow {
  assertDay(todayDay, 'todayDay');
  if (preset === 'year') return { fromDay: firstDayOfYear(todayDay), toDay: todayDay };
  return { fromDay: todayDay - DAYS_OF_PRESET[preset] + 1, toDay: todayDay };
}

/** A custom window from two chosen days, in whichever order they were picked (inclusive at both ends). */
export function customWindow(dayA: number, dayB: number): DayWindow {
  assertDay(dayA, 'dayA');
  assertDay(dayB, 'dayB');
  return { fromDay: Math.min(dayA, dayB), toDay: Math.max(dayA, dayB) };
}

/** The preset whose window on `todayDay` is exactly `window` ('custom' when none is), to show the chosen chip. */
export function presetOfWindow(window: DayWindow, todayDay: number): TimeChoice {
  for (const preset of TIME_PRESETS) {
    const w = windowForPreset(preset, todayDay);
    // On 1 January 'year' and 'today' are the same window: 'today' comes first in TIME_PRESETS and wins.
    if (w.fromDay === window.fromDay && w.toDay === window.toDay) return preset;
  }
  return 'custom';
}

/** Number of days in an inclusive window (0 for an empty one, where toDay < fromDay). */
export function windowLengthDays(window: DayWindow): number {
  return Math.max(0, window.toDay - window.fromDay + 1);
}

/**
 * The window of the same length that ends the day before `window` starts, to compare against ("change against the
 * previous window"). For 'year' that is the same number of days before 1 January, not the same dates a year earlier.
 * An empty window gives an empty window ending the day before.
 */
export function previousWindow(window: DayWindow): DayWindow {
  const length = windowLengthDays(window);
  return { fromDay: window.fromDay - length, toDay: window.fromDay - 1 };
}

/** Today's date on Boston's clock at `now`, as a day number (days since 1970-01-01), whatever the device's time zone. */
export function todayInBoston(now: Date): number {
  const w = bostonWallClock(now);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return Math.round(d.getTime() / MS_PER_DAY);
}
