// Calendar days: 'YYYY-MM-DD' dates and whole-day numbers (days since 1970-01-01), with UTC arithmetic so no time zone shifts them.

/** Milliseconds in one calendar day (UTC days have no daylight-saving changes). */
export const MS_PER_DAY = 86_400_000;

/** A calendar date written YYYY-MM-DD, anchored at both ends. */
export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight (ms since the epoch) of year/month/day, or null when that day does not exist (2026-02-30). */
function utcMidnight(year: number, month: number, day: number): number | null {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getTime();
}

/** True for a real calendar date written exactly YYYY-MM-DD ('2024-02-29' yes; '2025-02-29', '2024-2-1', ' 2024-01-01' no). */
export function isRealIsoDate(s: string): boolean {
  const m = ISO_DATE_PATTERN.exec(s);
  return m !== null && utcMidnight(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** Whole days since 1970-01-01 of a calendar date 'YYYY-MM-DD'. Throws a RangeError on a malformed or impossible date. */
export function dayFromIsoDate(isoDate: string): number {
  const m = ISO_DATE_PATTERN.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${isoDate}"`);
  const t = utcMidnight(Number(m[1]), Number(m[2]), Number(m[3]));
  if (t === null) throw new RangeError(`not a calendar date: "${isoDate}"`);
  return Math.round(t / MS_PER_DAY);
}

/** The calendar date 'YYYY-MM-DD' of a day number (days since 1970-01-01). Throws a RangeError for a non-integer day. */
export function isoDateFromDay(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`not a whole day number: ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A calendar date 'YYYY-MM-DD' written for people in `lang` ("Nov 25, 2026"); the text as given when it is not a date. */
export function formatIsoDate(isoDate: string, lang: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : d.toLocaleDateString(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
