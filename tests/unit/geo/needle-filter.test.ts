import { describe, expect, it } from 'vitest';
import { countInBox, filterNeedleIndices, type NeedleColumnsView } from '../../../src/geo/needle-filter';

const table: NeedleColumnsView = {
  count: 5,
  lng: [-71.06, -71.07, -71.08, -71.09, -71.2],
  lat: [42.33, 42.34, 42.35, 42.36, 42.2],
  openedDay: [100, 101, 102, 103, 104],
  status: [0, 1, 2, 1, 0],
};

describe('filterNeedleIndices', () => {
  it('keeps rows inside the inclusive day window with a wanted status', () => {
    expect(Array.from(filterNeedleIndices(table, { fromDay: 101, toDay: 103, statuses: ['open'] }))).toEqual([1, 3]);
    expect(Array.from(filterNeedleIndices(table, { fromDay: 100, toDay: 104, statuses: ['unknown', 'open', 'closed'] }))).toEqual([0, 1, 2, 3, 4]);
  });

  it('matches a brute-force oracle on random tables', () => {
    const statuses = ['unknown', 'open', 'closed'] as const;
    for (let run = 0; run < 20; run++) {
      const n = 200;
      const t: NeedleColumnsView = {
        count: n,
        lng: Array.from({ length: n }, () => -71 - Math.random() * 0.2),
        lat: Array.from({ length: n }, () => 42.2 + Math.random() * 0.2),
        openedDay: Array.from({ length: n }, () => Math.floor(Math.random() * 50)),
        status: Array.from({ length: n }, () => Math.floor(Math.random() * 3)),
      };
      const want = statuses.filter(() => Math.random() < 0.6);
      const from = Math.floor(Math.random() * 25);
      const to = from + Math.floor(Math.random() * 25);
      const expected = [];
      for (let i = 0; i < n; i++) {
        const d = t.openedDay[i] as number;
        if (d >= from && d <= to && want.includes(statuses[t.status[i] as number] as (typeof statuses)[number])) expected.push(i);
      }
      expect(Array.from(filterNeedleIndices(t, { fromDay: from, toDay: to, statuses: want }))).toEqual(expected);
    }
  });

  it('returns nothing when no status is wanted', () => {
    expect(filterNeedleIndices(table, { fromDay: 0, toDay: 1e6, statuses: [] }).length).toBe(0);
  });
});

describe('countInBox', () => {
  it('counts only the given rows inside the box', () => {
    expect(countInBox(table, [0, 1, 2, 3, 4], [-71.1, 42.3, -71.0, 42.4])).toBe(4);
    expect(countInBox(table, [0, 4], [-71.1, 42.3, -71.0, 42.4])).toBe(1);
  });
});
