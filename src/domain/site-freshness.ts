// Freshness of the site list: a site not verified for six calendar months is stale, and the list is "as of" its newest check.
import { dayFromIsoDate, isRealIsoDate } from './calendar-day';

/** A site whose last verification is more than this many calendar months old is stale (flagged, "last confirmed <date>"). */
export const STALE_AFTER_MONTHS = 6;

/** The number of days in a month (month 1-12) of a year, leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The calendar date `months` calendar months after `isoDate`, kept on the same day of the month, or on the month's
 * last day when that day does not exist there (2026-08-31 + 6 months = 2027-02-28; 2027-08-31 + 6 = 2028-02-29).
 * Throws a RangeError on a malformed or impossible date.
 */
export function addCalendarMonths(isoDate: string, months: number): string {
  dayFromIsoDate(isoDate); // throws on a malformed or impossible date
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The last day a site verified on `lastVerified` is still fresh: exactly STALE_AFTER_MONTHS calendar months later
 * (clamped to the month's end). Verified 2026-05-25 → fresh through 2026-11-25; verified 2026-08-31 → through 2027-02-28.
 */
export function freshThrough(lastVerified: string): string {
  return addCalendarMonths(lastVerified, STALE_AFTER_MONTHS);
}

/**
 * Whether a site last verified on `lastVerified` is stale on `today` (both 'YYYY-MM-DD', calendar days, no time zone).
 * The boundary: the site is still fresh on the day exactly six calendar months after its check and stale from the
 * next day (verified 2026-05-25: fresh on 2026-11-25, stale on 2026-11-26). When the check was on a day the sixth
 * month lacks (the 29th-31st), that month's last day is the last fresh one (verified 2026-08-31: fresh on 2027-02-28,
 * stale on 2027-03-01). A check dated after `today` is not stale. A `lastVerified` that is not a real calendar date
 * counts as stale (nobody can say when the site was checked); a malformed `today` throws a RangeError (a caller's bug).
 */
export function isStale(lastVerified: string, today: string): boolean {
  const todayDay = dayFromIsoDate(today);
  if (!isRealIsoDate(lastVerified)) return true;
  return todayDay > dayFromIsoDate(freshThrough(lastVerified));
}

/**
 * "Site list as of <date>": the newest last-verified date among the sites ('YYYY-MM-DD'), or null for an empty list.
 * Dates that are not real calendar dates are ignored (null when no date is readable).
 */
export function listAsOf(sites: readonly { lastVerified: string }[]): string | null {
  let newest: string | null = null;
  for (const { lastVerified } of sites) {
    // YYYY-MM-DD strings sort as the dates they name.
    if (isRealIsoDate(lastVerified) && (newest === null || lastVerified > newest)) newest = lastVerified;
  }
  return newest;
}
