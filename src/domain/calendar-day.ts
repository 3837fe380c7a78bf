// Calendar days as whole numbers (days since 1970-01-01) and ISO dates 'YYYY-MM-DD', with UTC arithmetic only.
export const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 of a calendar date 'YYYY-MM-DD'. Throws on a malformed or impossible date. */
export function dayFromIsoDate(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${isoDate}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new RangeError(`not a calendar date: "${isoDate}"`);
  return Math.round(t / MS_PER_DAY);
}

/** The calendar date 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function isoDateFromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whether `s` is exactly a 'YYYY-MM-DD' date that exists in the calendar (2026-02-30 does not). */
export function isRealIsoDate(s: string): boolean {
  try {
    dayFromIsoDate(s);
    return true;
  } catch {
    return false;
  }
}
