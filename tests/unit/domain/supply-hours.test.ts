import { describe, expect, it } from 'vitest';
import { meetsSupplyHours, nextBostonWeekHour } from '../../../src/domain/supply-hours';

// Thursday 2026-11-26 03:44 in Boston (EST, UTC-5).
const NOW = new Date('2026-11-26T08:44:00Z');

describe('supply hours', () => {
  it('finds the next weekday and hour on Boston clock', () => {
    expect(nextBostonWeekHour(NOW, 4, 22).toISOString()).toBe('2026-11-27T03:00:00.000Z'); // Thursday 22:00 EST, tonight
    expect(nextBostonWeekHour(NOW, 4, 3).toISOString()).toBe('2026-12-03T08:00:00.000Z'); // Thursday 03:00 passed: next week
    expect(nextBostonWeekHour(NOW, 1, 9).toISOString()).toBe('2026-11-30T14:00:00.000Z'); // Monday 09:00
    expect(nextBostonWeekHour(NOW, 7, 0).toISOString()).toBe('2026-11-29T05:00:00.000Z'); // Sunday midnight
    // Across the spring clock change: Sunday 2027-03-14 12:00 is EDT (UTC-4).
    expect(nextBostonWeekHour(new Date('2027-03-10T12:00:00Z'), 7, 12).toISOString()).toBe('2027-03-14T16:00:00.000Z');
  });

  it('counts a place by its hours, never an unpublished one as open', () => {
    expect(meetsSupplyHours(null, { kind: 'any' }, NOW)).toBe(true);
    expect(meetsSupplyHours('24/7', { kind: 'always' }, NOW)).toBe(true);
    expect(meetsSupplyHours('Mo-Su 00:00-23:59', { kind: 'always' }, NOW)).toBe(false);
    expect(meetsSupplyHours(null, { kind: 'always' }, NOW)).toBe(false);
    expect(meetsSupplyHours(null, { kind: 'at', weekday: 1, hour: 10 }, NOW)).toBe(false);
    expect(meetsSupplyHours('Mo-Fr 09:00-17:00', { kind: 'at', weekday: 1, hour: 10 }, NOW)).toBe(true);
    expect(meetsSupplyHours('Mo-Fr 09:00-17:00', { kind: 'at', weekday: 1, hour: 17 }, NOW)).toBe(false);
    expect(meetsSupplyHours('Mo-Fr 09:00-17:00', { kind: 'at', weekday: 6, hour: 10 }, NOW)).toBe(false);
    expect(meetsSupplyHours('Mo-Fr 09:00-17:00', { kind: 'at', weekday: 5, hour: 9 }, NOW)).toBe(true);
  });
});
