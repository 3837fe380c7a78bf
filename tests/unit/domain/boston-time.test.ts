import { describe, expect, it } from 'vitest';
import {
  bostonInstantAt,
  bostonWallClock,
  firstBostonClockChange,
  formatBostonTime,
  fromShiftedBostonDate,
  toShiftedBostonDate,
  type BostonWallClock,
} from '../../../src/domain/boston-time';
import { DEVICE_TIME_ZONES, useDeviceTimeZone } from './device-time-zone';

// In 2026 Boston is on EDT (UTC-4) from 2026-03-08 07:00 UTC to 2026-11-01 06:00 UTC, on EST (UTC-5) otherwise.
const utc = (iso: string) => new Date(iso);
const wall = (year: number, month: number, day: number, hour: number, minute = 0, second = 0, millisecond = 0): BostonWallClock => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond,
});
/** Oracle for the wall clock, written by hand from the two 2026 switch instants. */
const offsetHours2026 = (ms: number) => (ms >= Date.parse('2026-03-08T07:00Z') && ms < Date.parse('2026-11-01T06:00Z') ? -4 : -5);
const handWallClock = (ms: number): BostonWallClock => {
  const d = new Date(ms + offsetHours2026(ms) * 3_600_000);
  return wall(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
};
/** Instants from `fromIso` to `toIso` (excluded), `stepMs` apart. */
const instants = function* (fromIso: string, toIso: string, stepMs: number) {
  for (let ms = Date.parse(fromIso); ms < Date.parse(toIso); ms += stepMs) yield new Date(ms);
};
const localFields = (d: Date): BostonWallClock =>
  wall(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());

describe.each(DEVICE_TIME_ZONES)('on a device set to %s', (timeZone) => {
  useDeviceTimeZone(timeZone);

  describe('bostonWallClock', () => {
    it('reads weekday noon EDT, Sunday 03:00 EST, and midnight as hour 0', () => {
      expect(bostonWallClock(utc('2026-07-01T16:00Z'))).toEqual(wall(2026, 7, 1, 12));
      expect(bostonWallClock(utc('2026-11-29T08:00Z'))).toEqual(wall(2026, 11, 29, 3));
      expect(bostonWallClock(utc('2026-07-02T04:00Z'))).toEqual(wall(2026, 7, 2, 0));
      expect(bostonWallClock(utc('2027-01-01T04:59:59.999Z'))).toEqual(wall(2026, 12, 31, 23, 59, 59, 999));
    });

    it('reads both switches: 01:59 EST then 03:00 EDT in spring, 01:59 EDT then 01:00 EST in the fall', () => {
      expect(bostonWallClock(utc('2026-03-08T06:59Z'))).toEqual(wall(2026, 3, 8, 1, 59));
      expect(bostonWallClock(utc('2026-03-08T07:00Z'))).toEqual(wall(2026, 3, 8, 3, 0));
      expect(bostonWallClock(utc('2026-11-01T05:59Z'))).toEqual(wall(2026, 11, 1, 1, 59));
      expect(bostonWallClock(utc('2026-11-01T06:00Z'))).toEqual(wall(2026, 11, 1, 1, 0));
    });
  });

  describe('bostonInstantAt', () => {
    it('maps a time in the skipped spring-forward hour to the switch, 03:00 EDT', () => {
      expect(bostonInstantAt(wall(2026, 3, 8, 2, 0))).toEqual(utc('2026-03-08T07:00Z'));
      expect(bostonInstantAt(wall(2026, 3, 8, 2, 30))).toEqual(utc('2026-03-08T07:00Z'));
      expect(bostonInstantAt(wall(2026, 3, 8, 3, 0))).toEqual(utc('2026-03-08T07:00Z'));
      expect(bostonInstantAt(wall(2026, 3, 8, 1, 59))).toEqual(utc('2026-03-08T06:59Z'));
    });

    it('maps a time in the repeated fall-back hour to its first showing (EDT), or the second when told not before', () => {
      expect(bostonInstantAt(wall(2026, 11, 1, 1, 30))).toEqual(utc('2026-11-01T05:30Z'));
      expect(bostonInstantAt(wall(2026, 11, 1, 1, 30), utc('2026-11-01T05:30Z'))).toEqual(utc('2026-11-01T05:30Z'));
      expect(bostonInstantAt(wall(2026, 11, 1, 1, 30), utc('2026-11-01T06:15Z'))).toEqual(utc('2026-11-01T06:30Z'));
      expect(bostonInstantAt(wall(2026, 11, 1, 2, 0))).toEqual(utc('2026-11-01T07:00Z'));
    });
  });

  describe('firstBostonClockChange', () => {
    it('finds each 2026 switch exactly, in (from, to]', () => {
      expect(firstBostonClockChange(utc('2026-01-01T00:00Z'), utc('2026-12-31T00:00Z'))).toEqual(utc('2026-03-08T07:00Z'));
      expect(firstBostonClockChange(utc('2026-03-08T07:00Z'), utc('2026-12-31T00:00Z'))).toEqual(utc('2026-11-01T06:00Z'));
      expect(firstBostonClockChange(utc('2026-10-31T00:00Z'), utc('2026-11-01T06:00Z'))).toEqual(utc('2026-11-01T06:00Z'));
    });

    it('is null when no switch lies in the range', () => {
      expect(firstBostonClockChange(utc('2026-03-09T00:00Z'), utc('2026-10-31T00:00Z'))).toBeNull();
      expect(firstBostonClockChange(utc('2026-10-31T00:00Z'), utc('2026-11-01T05:59:59.999Z'))).toBeNull();
    });
  });

  describe('toShiftedBostonDate and fromShiftedBostonDate', () => {
    it("give a Date whose local fields are Boston's wall clock, and back the instant", () => {
      for (const iso of ['2026-07-01T16:00Z', '2026-11-29T08:00Z', '2026-12-25T05:00Z', '2026-04-20T14:00Z', '2026-03-08T06:59Z', '2026-03-08T07:00Z', '2026-11-01T05:30Z']) {
        const shifted = toShiftedBostonDate(utc(iso));
        expect(localFields(shifted), iso).toEqual(handWallClock(Date.parse(iso)));
        expect(fromShiftedBostonDate(shifted, utc(iso)), iso).toEqual(utc(iso));
      }
    });

    it('read the second 01:30 of the fall-back night when told not before it', () => {
      expect(fromShiftedBostonDate(toShiftedBostonDate(utc('2026-11-01T06:30Z')), utc('2026-11-01T06:00Z'))).toEqual(utc('2026-11-01T06:30Z'));
    });
  });

  describe('formatBostonTime', () => {
    const spaces = (s: string) => s.replace(/\s/g, ' ');

    it("writes Boston's weekday and time, whatever the device's zone", () => {
      expect(spaces(formatBostonTime(utc('2026-11-29T08:00Z'), 'en'))).toBe('Sun 3:00 AM');
      expect(spaces(formatBostonTime(utc('2026-07-01T16:00Z'), 'en'))).toBe('Wed 12:00 PM');
      expect(spaces(formatBostonTime(utc('2026-11-01T06:30Z'), 'en'))).toBe('Sun 1:30 AM');
      expect(spaces(formatBostonTime(utc('2026-11-30T12:30Z'), 'es'))).toMatch(/^lun,? 7:30$/);
    });
  });
});

// Pure of the device's zone (checked above at chosen instants), so the exhaustive sweeps run once, on a device with a
// 45-minute offset and its own daylight saving (Chatham, New Zealand).
// Some 15,000 instants each: seconds of Intl work on a loaded 2-core machine, so these get more than vitest's 5 s.
describe('over the whole of 2026 (device in Pacific/Chatham)', { timeout: 30_000 }, () => {
  useDeviceTimeZone('Pacific/Chatham');
  const sweeps = [...instants('2026-01-01T00:00Z', '2027-01-01T00:00Z', 37 * 60_000 + 7_000), ...instants('2026-03-08T05:00Z', '2026-03-08T09:00Z', 60_000), ...instants('2026-11-01T04:00Z', '2026-11-01T08:00Z', 60_000)];

  it('bostonWallClock matches the hand-written offsets', () => {
    for (const instant of sweeps) {
      const got = bostonWallClock(instant);
      const want = handWallClock(instant.getTime());
      if (got.hour !== want.hour || got.day !== want.day || got.minute !== want.minute || got.second !== want.second) expect(got, instant.toISOString()).toEqual(want);
    }
  });

  it('bostonInstantAt inverts bostonWallClock (the first instant showing it, not before itself)', () => {
    for (const instant of sweeps) {
      const back = bostonInstantAt(bostonWallClock(instant), instant);
      if (back.getTime() !== instant.getTime()) expect(back.toISOString()).toBe(instant.toISOString());
    }
  });

  it('without a lower bound, bostonInstantAt gives the first showing: an hour earlier only in the repeated hour', () => {
    for (const instant of sweeps) {
      const ms = instant.getTime();
      const repeated = ms >= Date.parse('2026-11-01T06:00Z') && ms < Date.parse('2026-11-01T07:00Z');
      expect(bostonInstantAt(bostonWallClock(instant)).getTime(), instant.toISOString()).toBe(repeated ? ms - 3_600_000 : ms);
    }
  });
});
