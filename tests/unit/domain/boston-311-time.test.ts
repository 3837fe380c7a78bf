import { describe, expect, it } from 'vitest';
import { bostonDateTimeFrom311 } from '../../../src/domain/boston-311';

describe('bostonDateTimeFrom311', () => {
  it('reads the old 12-hour export form as local date and time', () => {
    expect(bostonDateTimeFrom311('05/15/2015 02:40:00 PM')).toEqual({ date: '2015-05-15', time: '14:40:00' });
    expect(bostonDateTimeFrom311('05/15/2015 12:05:09 AM')).toEqual({ date: '2015-05-15', time: '00:05:09' });
    expect(bostonDateTimeFrom311('05/15/2015 12:00:00 PM')).toEqual({ date: '2015-05-15', time: '12:00:00' });
    expect(bostonDateTimeFrom311('05/15/2015 17:20')).toEqual({ date: '2015-05-15', time: '17:20:00' });
  });

  it('gives no time for a bare date', () => {
    expect(bostonDateTimeFrom311('05/15/2015')).toEqual({ date: '2015-05-15', time: null });
    expect(bostonDateTimeFrom311('2024-03-01')).toEqual({ date: '2024-03-01', time: null });
  });

  it('reads ISO local times and converts zoned ones to Boston time (standard and daylight time)', () => {
    expect(bostonDateTimeFrom311('2024-03-01 23:59:30')).toEqual({ date: '2024-03-01', time: '23:59:30' });
    expect(bostonDateTimeFrom311('2024-03-02T03:30:00Z')).toEqual({ date: '2024-03-01', time: '22:30:00' });
    expect(bostonDateTimeFrom311('2024-07-02 03:30:00+00')).toEqual({ date: '2024-07-01', time: '23:30:00' });
    expect(bostonDateTimeFrom311('2024-07-02T12:00:00-0400')).toEqual({ date: '2024-07-02', time: '12:00:00' });
  });

  it('returns null for an impossible time', () => {
    for (const s of ['05/15/2015 13:00:00 PM', '05/15/2015 00:10:00 AM', '05/15/2015 25:00', '2024-03-01 24:00:00', '2024-03-01 10:60:00']) {
      expect(bostonDateTimeFrom311(s), s).toBeNull();
    }
  });
});
