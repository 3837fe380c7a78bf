import { describe, expect, it } from 'vitest';
import { dayFromIsoDate } from '../../../src/domain/calendar-day';
import { needleWindow } from '../../../src/geo/needle-window';

const range = { count: 10, minDay: dayFromIsoDate('2024-01-01'), maxDay: dayFromIsoDate('2026-03-30') };

describe('needleWindow', () => {
  it('defaults to the last N days of the data, both ends included', () => {
    const w = needleWindow(range, null, null, 90);
    expect([w.from, w.to]).toEqual(['2025-12-31', '2026-03-30']);
    expect(w.toDay - w.fromDay + 1).toBe(90);
    expect(w.bounds).toEqual({ first: '2024-01-01', last: '2026-03-30' });
  });

  it('starts at the first day when the data covers less than N days', () => {
    const short = { count: 3, minDay: dayFromIsoDate('2026-03-01'), maxDay: dayFromIsoDate('2026-03-30') };
    expect(needleWindow(short, null, null, 90).from).toBe('2026-03-01');
  });

  it('takes the chosen dates, each on its own', () => {
    expect(needleWindow(range, '2025-01-01', null, 90)).toMatchObject({ from: '2025-01-01', to: '2026-03-30' });
    expect(needleWindow(range, null, '2026-01-31', 90)).toMatchObject({ from: '2025-12-31', to: '2026-01-31' });
    expect(needleWindow(range, '2025-01-01', '2025-01-01', 90)).toMatchObject({ fromDay: dayFromIsoDate('2025-01-01'), toDay: dayFromIsoDate('2025-01-01') });
  });

  it('treats an impossible date as not chosen, never throws', () => {
    expect(needleWindow(range, '2026-02-30', null, 90).from).toBe('2025-12-31');
  });

  it('is an empty window without data: nothing passes', () => {
    const w = needleWindow(null, null, null, 90);
    expect(w.toDay).toBeLessThan(w.fromDay);
    expect([w.from, w.to, w.bounds]).toEqual(['', '', null]);
    expect(needleWindow({ count: 0, minDay: 0, maxDay: 0 }, null, null, 90).bounds).toBeNull();
  });
});
