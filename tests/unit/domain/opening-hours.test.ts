import { describe, expect, it } from 'vitest';
import { openStateAt, openingHoursError } from '../../../src/domain/opening-hours';

// openStateAt reads the Date's local wall-clock time (the browser's time zone, Eastern for Boston users), so every
// instant here is built with the local-time constructor new Date(y, monthIndex, d, h, m): the tests pass in any TZ.
const at = (isoDate: string, hour: number, minute = 0) => {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, mo - 1, d, hour, minute);
};
// 2026-07-01 is a Wednesday, 2026-07-04 a Saturday.
const WEDNESDAY = '2026-07-01';
const SATURDAY = '2026-07-04';
const WEEKDAYS = 'Mo-Fr 07:30-16:00';

describe('openStateAt', () => {
  it('is open at any time for 24/7, and never changes', () => {
    for (const instant of [at(WEDNESDAY, 0), at(WEDNESDAY, 12), at(SATURDAY, 3, 30), at('2026-12-25', 23, 59)]) {
      expect(openStateAt('24/7', instant)).toEqual({ state: 'open', nextChange: null, comment: null });
    }
  });

  it('is open on a Wednesday at 10:00 for weekday hours, and says when it closes', () => {
    expect(openStateAt(WEEKDAYS, at(WEDNESDAY, 10))).toEqual({ state: 'open', nextChange: at(WEDNESDAY, 16), comment: null });
  });

  it('is open from the first minute of the hours and closed from the last', () => {
    expect(openStateAt(WEEKDAYS, at(WEDNESDAY, 7, 29)).state).toBe('closed');
    expect(openStateAt(WEEKDAYS, at(WEDNESDAY, 7, 30)).state).toBe('open');
    expect(openStateAt(WEEKDAYS, at(WEDNESDAY, 15, 59)).state).toBe('open');
    expect(openStateAt(WEEKDAYS, at(WEDNESDAY, 16)).state).toBe('closed');
  });

  it('is closed on a Wednesday at 17:00 and opens the next morning', () => {
    expect(openStateAt(WEEKDAYS, at(WEDNESDAY, 17))).toEqual({ state: 'closed', nextChange: at('2026-07-02', 7, 30), comment: null });
  });

  it('is closed on a Saturday and opens on Monday', () => {
    expect(openStateAt(WEEKDAYS, at(SATURDAY, 10))).toEqual({ state: 'closed', nextChange: at('2026-07-06', 7, 30), comment: null });
  });

  it('is unknown, never open, when no hours are published (null, empty, blank)', () => {
    for (const hours of [null, '', '   ']) {
      expect(openStateAt(hours, at(WEDNESDAY, 10)), JSON.stringify(hours)).toEqual({ state: 'unknown', reason: 'not-published' });
    }
  });

  it('is unknown (invalid), never open, for hours that do not parse', () => {
    const state = openStateAt('Mo-Fx 25:00-99:00', at(WEDNESDAY, 10));
    expect(state).toMatchObject({ state: 'unknown', reason: 'invalid' });
    expect(openStateAt('open sometimes', at(WEDNESDAY, 10))).toMatchObject({ state: 'unknown', reason: 'invalid' });
  });

  it('is unknown when the hours themselves say so', () => {
    expect(openStateAt('Mo-Fr 07:30-16:00 unknown', at(WEDNESDAY, 10))).toMatchObject({ state: 'unknown', reason: 'not-published' });
  });

  describe('Massachusetts public holidays ("PH off")', () => {
    const hours = 'Mo-Fr 08:00-16:00; PH off';

    it('is closed on Christmas Day 2026, a Friday, naming the holiday', () => {
      expect(openStateAt(hours, at('2026-12-25', 10))).toEqual({ state: 'closed', nextChange: at('2026-12-28', 8), comment: 'Christmas Day' });
    });

    it("is closed on Patriots' Day 2026 (Monday April 20), a Massachusetts-only holiday", () => {
      expect(openStateAt(hours, at('2026-04-20', 10))).toMatchObject({ state: 'closed', comment: "Patriots' Day" });
    });

    it('is open on the weekday before Christmas', () => {
      expect(openStateAt(hours, at('2026-12-24', 10))).toEqual({ state: 'open', nextChange: at('2026-12-24', 16), comment: null });
    });

    it('without the PH rule, is open on Christmas Day', () => {
      expect(openStateAt('Mo-Fr 08:00-16:00', at('2026-12-25', 10)).state).toBe('open');
    });
  });
});

describe('openingHoursError', () => {
  it('returns null for values that parse', () => {
    for (const v of ['24/7', WEEKDAYS, 'Mo-Fr 08:00-16:00; PH off', 'Mo-Sa 09:00-21:00; Su 10:00-18:00']) expect(openingHoursError(v), v).toBeNull();
  });

  it('says where a value stops parsing', () => {
    expect(openingHoursError('Mo-Fx 25:00-99:00')).toMatch(/^Mo-F <--- \(Unexpected token/);
    expect(openingHoursError('Mo-Fr 25:00-26:00')).toMatch(/Time range starts outside of the current day/);
  });
});
