// Tests for the Sweeps chart counts: hand examples, and random rows against naive oracles built on Date.
import { describe, expect, it } from 'vitest';
import { dayFromIsoDate as day, isoDateFromDay } from '../../../src/domain/calendar-day';
import { WEEKDAY_KEYS, countByHour, countByMonth, countByNeighborhood, countByWeekday, type NeedleTimeColumns } from '../../../src/geo/needle-stats';
import { mulberry32, testSeed } from '../seeded-random';

const SEED = testSeed(1010);
const NAMES = ['Dorchester', 'Roxbury', 'South End', 'Downtown', 'Allston', 'Mattapan'];

/** Random rows: days from 1899 to 2101 (century leap rules) or clustered in 2024-2026, minutes including -1 and junk. */
function randomRows(seed: number, n: number) {
  const rand = mulberry32(seed);
  const openedDay = new Int32Array(n);
  const openedMinute = new Int16Array(n);
  const hood: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    openedDay[i] = rand() < 0.2 ? Math.floor(-25_567 + rand() * 73_800) : day('2024-01-01') + Math.floor(rand() * 1000);
    const r = rand();
    openedMinute[i] = r < 0.1 ? -1 : r < 0.12 ? 1440 + Math.floor(rand() * 100) : Math.floor(rand() * 1440);
    hood.push(rand() < 0.1 ? null : rand() < 0.02 ? '' : NAMES[Math.floor(rand() * rand() * NAMES.length)]!);
  }
  const indices = Uint32Array.from({ length: n }, (_, i) => i).filter(() => rand() < 0.7);
  return { cols: { openedDay, openedMinute } satisfies NeedleTimeColumns, hood, indices };
}

// Naive oracles: one Date per row, string keys, sort at the end.
function naiveByMonth(indices: ArrayLike<number>, cols: NeedleTimeColumns) {
  const keys = Array.from(indices, (i) => isoDateFromDay(cols.openedDay[i]!).slice(0, 7)).sort();
  if (keys.length === 0) return [];
  const out: { month: string; count: number }[] = [];
  const d = new Date(`${keys[0]}-01T00:00:00Z`);
  for (;;) {
    const key = d.toISOString().slice(0, 7);
    out.push({ month: key, count: keys.filter((k) => k === key).length });
    if (key === keys[keys.length - 1]) return out;
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
}
function naiveByWeekday(indices: ArrayLike<number>, cols: NeedleTimeColumns) {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const i of Array.from(indices)) counts[(new Date(isoDateFromDay(cols.openedDay[i]!)).getUTCDay() + 6) % 7]!++;
  return counts;
}
function naiveByHour(indices: ArrayLike<number>, cols: NeedleTimeColumns) {
  const hours = Array.from({ length: 24 }, (_, h) => Array.from(indices).filter((i) => Math.floor(cols.openedMinute![i]! / 60) === h).length);
  return { hours, unknown: indices.length - hours.reduce((a, b) => a + b, 0) };
}
function naiveByNeighborhood(indices: ArrayLike<number>, of: (i: number) => string | null) {
  const names = Array.from(indices, of);
  const known = [...new Set(names.filter((x): x is string => !!x))].map((n) => ({ neighborhood: n as string | null, count: names.filter((x) => x === n).length }));
  known.sort((a, b) => b.count - a.count || String(a.neighborhood).localeCompare(String(b.neighborhood), 'en'));
  const unknown = names.filter((x) => !x).length;
  return unknown ? [...known, { neighborhood: null, count: unknown }] : known;
}

describe('countByMonth', () => {
  it('covers every month from the first to the last, with zeros, oldest first', () => {
    const cols = { openedDay: [day('2024-11-30'), day('2025-02-01'), day('2024-11-01'), day('2025-02-28'), day('2024-12-31')] };
    expect(countByMonth(Uint32Array.from([0, 1, 2, 3]), cols)).toEqual([
      { month: '2024-11', count: 2 },
      { month: '2024-12', count: 0 },
      { month: '2025-01', count: 0 },
      { month: '2025-02', count: 2 },
    ]);
  });

  it('counts only the given rows, and nothing for none', () => {
    const cols = { openedDay: [day('2024-02-29'), day('2024-03-01')] };
    expect(countByMonth(Uint32Array.from([1]), cols)).toEqual([{ month: '2024-03', count: 1 }]);
    expect(countByMonth(new Uint32Array(0), cols)).toEqual([]);
  });

  it('puts every day from 1899 to 2101 in its month (leap days of 1900, 2000 and 2100 included)', () => {
    const first = day('1899-12-01');
    const openedDay = Int32Array.from({ length: day('2101-03-31') - first + 1 }, (_, k) => first + k);
    const expected = new Map<string, number>();
    for (const d of openedDay) {
      const key = isoDateFromDay(d).slice(0, 7);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = countByMonth(Uint32Array.from(openedDay.keys()), { openedDay });
    expect(got).toEqual([...expected].map(([month, count]) => ({ month, count })));
    expect(got.find((m) => m.month === '2000-02')?.count).toBe(29);
    expect(got.find((m) => m.month === '1900-02')?.count).toBe(28);
  });

  it('matches the naive oracle on random rows', () => {
    for (let s = 0; s < 5; s++) {
      const { cols, indices } = randomRows(SEED + s, 1500);
      expect(countByMonth(indices, cols), `seed ${SEED + s}`).toEqual(naiveByMonth(indices, cols));
    }
  });
});

describe('countByWeekday', () => {
  it('counts Monday first, on the open date', () => {
    // 2026-11-23 is a Monday, 2026-11-29 a Sunday, 1970-01-01 a Thursday, 1969-12-28 a Sunday.
    const cols = { openedDay: [day('2026-11-23'), day('2026-11-29'), day('2026-11-29'), 0, day('1969-12-28')] };
    expect(countByWeekday(Uint32Array.from([0, 1, 2, 3, 4]), cols)).toEqual([1, 0, 0, 1, 0, 0, 3]);
    expect(WEEKDAY_KEYS[0]).toBe('mon');
  });

  it('matches the naive oracle on random rows', () => {
    for (let s = 0; s < 5; s++) {
      const { cols, indices } = randomRows(SEED + s, 1500);
      expect(countByWeekday(indices, cols), `seed ${SEED + s}`).toEqual(naiveByWeekday(indices, cols));
    }
  });
});

describe('countByHour', () => {
  it('puts each time in its hour and rows without a time in unknown', () => {
    const cols = { openedDay: [0, 0, 0, 0, 0, 0], openedMinute: [0, 59, 60, 1439, -1, 1440] };
    const { hours, unknown } = countByHour(Uint32Array.from([0, 1, 2, 3, 4, 5]), cols);
    expect(hours.length).toBe(24);
    expect([hours[0], hours[1], hours[23], unknown]).toEqual([2, 1, 1, 2]);
  });

  it('counts every row as unknown when there is no time column', () => {
    expect(countByHour(Uint32Array.from([0, 1]), { openedDay: [0, 0] })).toEqual({ hours: new Array(24).fill(0), unknown: 2 });
  });

  it('matches the naive oracle on random rows', () => {
    for (let s = 0; s < 5; s++) {
      const { cols, indices } = randomRows(SEED + s, 1500);
      expect(countByHour(indices, cols), `seed ${SEED + s}`).toEqual(naiveByHour(indices, cols));
    }
  });
});

describe('countByNeighborhood', () => {
  it('sorts most first, ties by name, with the unknown bucket last', () => {
    const names = ['Roxbury', null, 'Dorchester', 'Allston', 'Roxbury', '', 'Dorchester', 'Roxbury', 'Allston', null, null, 'Mattapan'];
    expect(countByNeighborhood(Uint32Array.from(names.keys()), (i) => names[i]!)).toEqual([
      { neighborhood: 'Roxbury', count: 3 },
      { neighborhood: 'Allston', count: 2 },
      { neighborhood: 'Dorchester', count: 2 },
      { neighborhood: 'Mattapan', count: 1 },
      { neighborhood: null, count: 4 },
    ]);
  });

  it('has no unknown bucket when every row has a neighbourhood', () => {
    expect(countByNeighborhood(Uint32Array.from([0]), () => 'Dorchester')).toEqual([{ neighborhood: 'Dorchester', count: 1 }]);
    expect(countByNeighborhood(new Uint32Array(0), () => 'x')).toEqual([]);
  });

  it('matches the naive oracle on random rows', () => {
    for (let s = 0; s < 5; s++) {
      const { hood, indices } = randomRows(SEED + s, 1500);
      expect(countByNeighborhood(indices, (i) => hood[i]!), `seed ${SEED + s}`).toEqual(naiveByNeighborhood(indices, (i) => hood[i]!));
    }
  });
});

describe('inputs', () => {
  it('are never mutated', () => {
    const { cols, hood, indices } = randomRows(SEED, 300);
    const before = JSON.stringify([Array.from(cols.openedDay), Array.from(cols.openedMinute), Array.from(indices)]);
    countByMonth(indices, cols);
    countByWeekday(indices, cols);
    countByHour(indices, cols);
    countByNeighborhood(indices, (i) => hood[i]!);
    expect(JSON.stringify([Array.from(cols.openedDay), Array.from(cols.openedMinute), Array.from(indices)])).toBe(before);
  });
});
