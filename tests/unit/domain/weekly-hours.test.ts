import { describe, expect, it } from 'vitest';
import { openingHoursFromWeeklyOpenings, weeklyOpeningsFromOpeningHours } from '../../../src/domain/weekly-hours';

describe('weeklyOpeningsFromOpeningHours', () => {
  it('turns simple weekly rules into openings, leaving out PH off', () => {
    expect(weeklyOpeningsFromOpeningHours('Mo-Fr 08:00-12:00,13:00-16:00; Sa 10:00-12:00; PH off')).toEqual([
      { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '12:00' },
      { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '13:00', closesAt: '16:00' },
      { byday: ['SA'], opensAt: '10:00', closesAt: '12:00' },
    ]);
    expect(weeklyOpeningsFromOpeningHours('Mo,We,Fr 09:00-24:00')).toEqual([{ byday: ['MO', 'WE', 'FR'], opensAt: '09:00', closesAt: '24:00' }]);
  });

  it('gives null for what weekly schedules cannot say exactly', () => {
    for (const oh of ['24/7', 'Mo-Fr 22:00-02:00', 'Mo-Fr 08:00-16:00; We 10:00-12:00', 'Sa-Mo 10:00-12:00', 'Jan-Mar Mo 10:00-12:00', 'Mo-Fr 08:00-16:00 "by appointment"', 'PH off', '']) {
      expect(weeklyOpeningsFromOpeningHours(oh)).toBeNull();
    }
  });
});

describe('openingHoursFromWeeklyOpenings', () => {
  it('groups openings by days, with day ranges, rules joined by "; " when no day repeats', () => {
    expect(openingHoursFromWeeklyOpenings([
      { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '13:00', closesAt: '16:00' },
      { byday: ['FR', 'TH', 'WE', 'TU', 'MO'], opensAt: '08:00', closesAt: '12:00' },
      { byday: ['SA', 'SU'], opensAt: '10:00', closesAt: '12:00' },
    ])).toBe('Mo-Fr 08:00-12:00,13:00-16:00; Sa,Su 10:00-12:00');
  });

  it('joins overlapping rules with ", " so the later one adds hours instead of replacing them', () => {
    expect(openingHoursFromWeeklyOpenings([
      { byday: ['MO', 'TU'], opensAt: '08:00', closesAt: '12:00' },
      { byday: ['MO'], opensAt: '14:00', closesAt: '16:00' },
    ])).toBe('Mo,Tu 08:00-12:00, Mo 14:00-16:00');
  });

  it('is the inverse of weeklyOpeningsFromOpeningHours on simple hours', () => {
    for (const oh of ['Mo-Fr 08:00-16:00', 'Mo,We 10:00-12:00,13:00-15:00; Sa 09:00-12:00', 'Mo-Su 06:00-22:00']) {
      expect(openingHoursFromWeeklyOpenings(weeklyOpeningsFromOpeningHours(oh)!)).toBe(oh);
    }
    expect(openingHoursFromWeeklyOpenings([])).toBeNull();
  });
});
