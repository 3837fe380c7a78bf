import { describe, expect, it } from 'vitest';
import { addCalendarMonths, freshThrough, isStale, listAsOf, STALE_AFTER_MONTHS } from '../../../src/domain/site-freshness';

describe('STALE_AFTER_MONTHS', () => {
  it('is six months, as the issue asks', () => {
    expect(STALE_AFTER_MONTHS).toBe(6);
  });
});

describe('addCalendarMonths', () => {
  it('keeps the day of the month', () => {
    expect(addCalendarMonths('2026-05-25', 6)).toBe('2026-11-25');
    expect(addCalendarMonths('2026-01-15', 1)).toBe('2026-02-15');
  });

  it('crosses the year end', () => {
    expect(addCalendarMonths('2026-09-30', 6)).toBe('2027-03-30');
    expect(addCalendarMonths('2026-12-01', 6)).toBe('2027-06-01');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29'); // leap year
    expect(addCalendarMonths('2026-12-31', 6)).toBe('2027-06-30');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('goes backwards for negative months', () => {
    expect(addCalendarMonths('2027-02-28', -6)).toBe('2026-08-28');
    expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('throws on a date that does not exist', () => {
    expect(() => addCalendarMonths('2026-02-30', 6)).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-5-1', 6)).toThrow(RangeError);
  });
});

describe('freshThrough', () => {
  it('is the last fresh day: six calendar months after the check', () => {
    expect(freshThrough('2026-05-25')).toBe('2026-11-25');
    expect(freshThrough('2026-08-31')).toBe('2027-02-28');
  });
});

describe('isStale', () => {
  it('is fresh on the day exactly six months after the check and stale from the next day', () => {
    expect(isStale('2026-05-25', '2026-11-25')).toBe(false);
    expect(isStale('2026-05-25', '2026-11-26')).toBe(true);
  });

  it('is fresh on the day of the check and the day after', () => {
    expect(isStale('2026-05-25', '2026-05-25')).toBe(false);
    expect(isStale('2026-05-25', '2026-05-26')).toBe(false);
  });

  it('uses the last day of a shorter sixth month as the last fresh day', () => {
    expect(isStale('2026-08-31', '2027-02-28')).toBe(false);
    expect(isStale('2026-08-31', '2027-03-01')).toBe(true);
    // 2028 is a leap year: February 29 exists and is the last fresh day.
    expect(isStale('2027-08-31', '2028-02-29')).toBe(false);
    expect(isStale('2027-08-31', '2028-03-01')).toBe(true);
    expect(isStale('2026-12-31', '2027-06-30')).toBe(false);
    expect(isStale('2026-12-31', '2027-07-01')).toBe(true);
  });

  it('counts calendar months, not 182 days', () => {
    // 2026-01-01 → 2026-07-01 is 181 days; 2026-07-01 → 2027-01-01 is 184 days.
    expect(isStale('2026-01-01', '2026-07-01')).toBe(false);
    expect(isStale('2026-01-01', '2026-07-02')).toBe(true);
    expect(isStale('2026-07-01', '2027-01-01')).toBe(false);
    expect(isStale('2026-07-01', '2027-01-02')).toBe(true);
  });

  it('is not stale for a check dated after today', () => {
    expect(isStale('2026-11-25', '2026-05-01')).toBe(false);
  });

  it('is stale when the last-verified date is not a real date (nobody can say when it was checked)', () => {
    expect(isStale('2026-02-30', '2026-03-01')).toBe(true);
    expect(isStale('', '2026-03-01')).toBe(true);
    expect(isStale('25/05/2026', '2026-06-01')).toBe(true);
  });

  it('throws on a malformed today (a caller bug, not data)', () => {
    expect(() => isStale('2026-05-25', '2026-13-01')).toThrow(RangeError);
  });
});

describe('listAsOf', () => {
  it('is the newest last-verified date', () => {
    expect(
      listAsOf([{ lastVerified: '2026-05-25' }, { lastVerified: '2026-11-25' }, { lastVerified: '2025-12-31' }]),
    ).toBe('2026-11-25');
  });

  it('compares across years and months, not as numbers of the day field', () => {
    expect(listAsOf([{ lastVerified: '2027-01-02' }, { lastVerified: '2026-12-31' }])).toBe('2027-01-02');
  });

  it('is null for an empty list', () => {
    expect(listAsOf([])).toBeNull();
  });

  it('ignores unreadable dates', () => {
    expect(listAsOf([{ lastVerified: '2026-05-25' }, { lastVerified: '2099-02-30' }, { lastVerified: 'soon' }])).toBe('2026-05-25');
    expect(listAsOf([{ lastVerified: 'never' }])).toBeNull();
  });
});
