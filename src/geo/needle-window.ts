// The effective 311 date window: the user's dates, else the last N days of the data; shared by the map and every tool.
import { dayFromIsoDate, isoDateFromDay } from '../domain/calendar-day';

/** First and last open day present in the data (days since 1970-01-01); `count` 0 means no data. */
export type NeedleDayRange = { count: number; minDay: number; maxDay: number };

export type NeedleWindow = {
  /** Inclusive window in days since 1970-01-01. An empty window (no data) is 0..-1, so nothing passes. */
  fromDay: number;
  toDay: number;
  /** The same window as 'YYYY-MM-DD' ('' when there is no data). */
  from: string;
  to: string;
  /** The dates the data covers, or null without data. */
  bounds: { first: string; last: string } | null;
};

/**
 * The window a user sees: `from`/`to` as chosen (either may be null = default), the default being the last
 * `defaultDays` days of the data (or from its first day when it covers less). Never throws: an impossible date
 * counts as not chosen.
 */
export function needleWindow(range: NeedleDayRange | null, from: string | null, to: string | null, defaultDays: number): NeedleWindow {
  const hasData = range !== null && range.count > 0;
  const bounds = hasData ? { first: isoDateFromDay(range.minDay), last: isoDateFromDay(range.maxDay) } : null;
  const safeDay = (iso: string | null): number | null => {
    if (iso === null) return null;
    try {
      return dayFromIsoDate(iso);
    } catch {
      return null;
    }
  };
  const chosenTo = safeDay(to);
  const chosenFrom = safeDay(from);
  const toDay = chosenTo ?? (hasData ? range.maxDay : -1);
  const fromDay = chosenFrom ?? (hasData ? Math.max(range.minDay, range.maxDay - defaultDays + 1) : 0);
  const show = (day: number, chosen: number | null) => (chosen !== null || hasData ? isoDateFromDay(day) : '');
  return { fromDay, toDay, from: show(fromDay, chosenFrom), to: show(toDay, chosenTo), bounds };
}
