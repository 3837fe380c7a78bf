// Tests for the Sweeps time windows: presets, custom ranges, the previous window and Boston's today (DST, year ends).
import { describe, expect, it } from 'vitest';
import { dayFromIsoDate as day, isoDateFromDay } from '../../../src/domain/calendar-day';
import {
  TIME_PRESETS,
  customWindow,
  presetOfWindow,
  previousWindow,
  todayInBoston,
  windowForPreset,
  windowLengthDays,
  type DayWindow,
} from '../../../src/domain/time-window';
import { DEVICE_TIME_ZONES, useDeviceTimeZone } from './device-time-zone';

const iso = (w: DayWindow) => [isoDateFromDay(w.fromDay), isoDateFromDay(w.toDay)];

describe('windowForPreset', () => {
  it('gives today alone, and the last 7, 30 and 90 days including today', () => {
    const today = day('2026-11-26');
    expect(iso(windowForPreset('today', today))).toEqual(['2026-11-26', '2026-11-26']);
    expect(iso(windowForPreset('7d', today))).toEqual(['2026-11-20', '2026-11-26']);
    expect(iso(windowForPreset('30d', today))).toEqual(['2026-10-28', '2026-11-26']);
    expect(iso(windowForPreset('90d', today))).toEqual(['2026-08-29', '2026-11-26']);
  });

  it('makes every preset window end today and hold the stated number of days', () => {
    const today = day('2026-03-10');
    expect(TIME_PRESETS.map((p) => windowForPreset(p, today).toDay)).toEqual(TIME_PRESETS.map(() => today));
    expect(['today', '7d', '30d', '90d'].map((p) => windowLengthDays(windowForPreset(p as 'today', today)))).toEqual([1, 7, 30, 90]);
  });

  it('runs "this year" from 1 January of today\'s year to today', () => {
    expect(iso(windowForPreset('year', day('2026-11-26')))).toEqual(['2026-01-01', '2026-11-26']);
    expect(iso(windowForPreset('year', day('2026-12-31')))).toEqual(['2026-01-01', '2026-12-31']);
    expect(windowLengthDays(windowForPreset('year', day('2026-12-31')))).toBe(365);
    expect(windowLengthDays(windowForPreset('year', day('2024-12-31')))).toBe(366);
  });

  it('makes "this year" one day long on 1 January, not the year before', () => {
    expect(iso(windowForPreset('year', day('2027-01-01')))).toEqual(['2027-01-01', '2027-01-01']);
  });

  it('crosses year ends and leap days for the last-N-days presets', () => {
    expect(iso(windowForPreset('7d', day('2027-01-03')))).toEqual(['2026-12-28', '2027-01-03']);
    expect(iso(windowForPreset('30d', day('2024-03-15')))).toEqual(['2024-02-15', '2024-03-15']);
    expect(iso(windowForPreset('30d', day('2025-03-15')))).toEqual(['2025-02-14', '2025-03-15']);
    expect(iso(windowForPreset('7d', day('2024-03-02')))).toEqual(['2024-02-25', '2024-03-02']);
  });

  it('counts a daylight-saving day as one whole day (day numbers, not hours)', () => {
    expect(iso(windowForPreset('7d', day('2026-03-10')))).toEqual(['2026-03-04', '2026-03-10']);
    expect(iso(windowForPreset('today', day('2026-11-01')))).toEqual(['2026-11-01', '2026-11-01']);
  });

  it('works before 1970 and throws on a fractional day', () => {
    expect(iso(windowForPreset('year', day('1969-07-20')))).toEqual(['1969-01-01', '1969-07-20']);
    expect(() => windowForPreset('7d', 1.5)).toThrow(RangeError);
  });
});

describe('customWindow and presetOfWindow', () => {
  it('orders the two chosen days', () => {
    expect(customWindow(10, 3)).toEqual({ fromDay: 3, toDay: 10 });
    expect(customWindow(3, 10)).toEqual({ fromDay: 3, toDay: 10 });
  });

  it('names the preset a window matches, else custom', () => {
    const today = day('2026-11-26');
    for (const p of TIME_PRESETS) expect(presetOfWindow(windowForPreset(p, today), today)).toBe(p);
    expect(presetOfWindow({ fromDay: today - 6, toDay: today - 1 }, today)).toBe('custom');
    expect(presetOfWindow(windowForPreset('7d', today), today + 1)).toBe('custom');
    expect(presetOfWindow(windowForPreset('year', day('2026-01-01')), day('2026-01-01'))).toBe('today');
  });
});

describe('previousWindow', () => {
  it('is the window of the same length ending the day before', () => {
    const w = windowForPreset('30d', day('2026-11-26'));
    const p = previousWindow(w);
    expect(windowLengthDays(p)).toBe(30);
    expect(p.toDay).toBe(w.fromDay - 1);
    expect(iso(p)).toEqual(['2026-09-28', '2026-10-27']);
  });

  it('is yesterday for today, and crosses a year end and a leap day', () => {
    expect(iso(previousWindow(windowForPreset('today', day('2027-01-01'))))).toEqual(['2026-12-31', '2026-12-31']);
    expect(iso(previousWindow(windowForPreset('7d', day('2024-03-03'))))).toEqual(['2024-02-19', '2024-02-25']);
    expect(iso(previousWindow({ fromDay: day('2024-03-01'), toDay: day('2024-03-01') }))).toEqual(['2024-02-29', '2024-02-29']);
  });

  it('for "this year" is as many days before 1 January', () => {
    const w = windowForPreset('year', day('2025-01-10'));
    expect(iso(previousWindow(w))).toEqual(['2024-12-22', '2024-12-31']);
  });

  it('keeps random windows adjacent and of equal length', () => {
    for (let from = -400; from < 400; from += 37) {
      for (const len of [1, 2, 7, 31, 366]) {
        const w = { fromDay: from, toDay: from + len - 1 };
        const p = previousWindow(w);
        expect([windowLengthDays(p), p.toDay + 1]).toEqual([len, w.fromDay]);
      }
    }
  });
});

describe.each(DEVICE_TIME_ZONES)('todayInBoston on a device in %s', (zone) => {
  useDeviceTimeZone(zone);
  const at = (isoInstant: string) => isoDateFromDay(todayInBoston(new Date(isoInstant)));

  it('turns the date at Boston midnight, in winter (UTC-5) and summer (UTC-4)', () => {
    expect(at('2026-01-15T04:59:59.999Z')).toBe('2026-01-14');
    expect(at('2026-01-15T05:00:00Z')).toBe('2026-01-15');
    expect(at('2026-07-15T03:59:59.999Z')).toBe('2026-07-14');
    expect(at('2026-07-15T04:00:00Z')).toBe('2026-07-15');
  });

  it('is right on both daylight-saving days', () => {
    // 2026-03-08: midnight is still EST (05:00 UTC); clocks jump at 07:00 UTC.
    expect(at('2026-03-08T04:59:59Z')).toBe('2026-03-07');
    expect(at('2026-03-08T05:00:00Z')).toBe('2026-03-08');
    expect(at('2026-03-09T03:59:59Z')).toBe('2026-03-08');
    expect(at('2026-03-09T04:00:00Z')).toBe('2026-03-09');
    // 2026-11-01: midnight is still EDT (04:00 UTC); clocks fall back at 06:00 UTC; the next midnight is EST.
    expect(at('2026-11-01T03:59:59Z')).toBe('2026-10-31');
    expect(at('2026-11-01T04:00:00Z')).toBe('2026-11-01');
    expect(at('2026-11-02T04:59:59Z')).toBe('2026-11-01');
    expect(at('2026-11-02T05:00:00Z')).toBe('2026-11-02');
  });

  it('crosses the year end on Boston\'s clock, not UTC\'s', () => {
    expect(at('2027-01-01T03:00:00Z')).toBe('2026-12-31');
    expect(at('2027-01-01T05:00:00Z')).toBe('2027-01-01');
    expect(at('2024-03-01T02:00:00Z')).toBe('2024-02-29');
  });
});
