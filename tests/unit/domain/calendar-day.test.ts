import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, dayFromIsoDate, formatIsoDate, isRealIsoDate, isoDateFromDay } from '../../../src/domain/calendar-day';

describe('dayFromIsoDate / isoDateFromDay', () => {
  it('counts whole days since 1970-01-01', () => {
    expect(dayFromIsoDate('1970-01-01')).toBe(0);
    expect(dayFromIsoDate('1970-01-02')).toBe(1);
    expect(dayFromIsoDate('1969-12-31')).toBe(-1);
    expect(dayFromIsoDate('2026-03-30')).toBe(20542);
  });

  it('round-trips every day across daylight-saving changes and leap days', () => {
    for (let day = dayFromIsoDate('2023-12-25'); day < dayFromIsoDate('2025-01-10'); day++) {
      expect(dayFromIsoDate(isoDateFromDay(day))).toBe(day);
    }
    expect(isoDateFromDay(dayFromIsoDate('2024-02-29'))).toBe('2024-02-29');
  });

  it('throws on a malformed or impossible date', () => {
    expect(() => dayFromIsoDate('2024-2-1')).toThrow(/YYYY-MM-DD/);
    expect(() => dayFromIsoDate('2025-02-29')).toThrow(/calendar date/);
    expect(() => dayFromIsoDate('2026-02-30')).toThrow(/calendar date/);
    expect(() => dayFromIsoDate('2026-13-01')).toThrow(/calendar date/);
  });

  it('throws on a date with text before or after it', () => {
    expect(() => dayFromIsoDate('x2024-01-01')).toThrow(/YYYY-MM-DD/);
    expect(() => dayFromIsoDate('2024-01-01x')).toThrow(/YYYY-MM-DD/);
    expect(() => dayFromIsoDate('2024-01-01T00:00')).toThrow(/YYYY-MM-DD/);
  });

  it('does not read years 0-99 as 1900-1999', () => {
    expect(isoDateFromDay(dayFromIsoDate('0099-01-01'))).toBe('0099-01-01');
  });

  it('refuses a day number that is not whole', () => {
    expect(() => isoDateFromDay(1.5)).toThrow(RangeError);
  });

  it('is one day of milliseconds apart per day', () => {
    expect(MS_PER_DAY).toBe(24 * 60 * 60 * 1000);
    expect(new Date(dayFromIsoDate('2024-03-11') * MS_PER_DAY).toISOString()).toBe('2024-03-11T00:00:00.000Z');
  });
});

describe('isRealIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD, leap days included', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isRealIsoDate(d), d).toBe(true);
  });

  it('rejects days that do not exist', () => {
    for (const d of ['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32']) {
      expect(isRealIsoDate(d), d).toBe(false);
    }
  });

  it('rejects other spellings and anything before or after the date', () => {
    for (const d of ['2026-1-01', '26-01-01', '2026/01/01', '01/15/2026', 'x2026-01-01', '2026-01-01x', ' 2026-01-01', '2026-01-01\n', '2026-01-01 10:00', '']) {
      expect(isRealIsoDate(d), JSON.stringify(d)).toBe(false);
    }
  });
});

describe('formatIsoDate', () => {
  it('writes the calendar date itself, whatever the device zone, and leaves non-dates as given', () => {
    expect(formatIsoDate('2026-11-25', 'en-US')).toBe('Nov 25, 2026');
    expect(formatIsoDate('2027-01-01', 'en-US')).toBe('Jan 1, 2027');
    expect(formatIsoDate('not a date', 'en-US')).toBe('not a date');
  });
});
