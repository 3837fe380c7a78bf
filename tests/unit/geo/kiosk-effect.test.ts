// Kiosk effect: hand-computed windows on the fixture, clipping at the data's ends, no division by zero, a brute-force oracle.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildNeedleAggregatesFile } from '../../../scripts/build-needle-aggregates';
import { parseNeedleAggregates } from '../../../src/datasets/needle-aggregates';
import { installDateFromNote, installMonthOf, kioskEffect, monthFromIndex, monthIndex, monthRange } from '../../../src/geo/kiosk-effect';
import { mulberry32, testSeed } from '../seeded-random';

const fixturePath = fileURLToPath(new URL('../../fixtures/source-dir/boston/needle-requests-aggregates-2024-2026.json', import.meta.url));
const agg = parseNeedleAggregates(buildNeedleAggregatesFile(JSON.parse(readFileSync(fixturePath, 'utf8'))));
/**
 * The fixture, months 2024-01 … 2024-06. From the kiosk K: cell A about 28 m, B about 300 m, C about 2.1 km.
 *   month   A  B   C  citywide
 *   2024-01 1  0  10  11
 *   2024-02 2  1  10  13
 *   2024-03 3  2  10  15
 *   2024-04 5  0  12  17
 *   2024-05 0  4  12  16
 *   2024-06 4  1  14  19
 */
const K: [number, number] = [-71.075, 42.335];
const A: [number, number] = [-71.0752, 42.3352];
const B: [number, number] = [-71.075, 42.3377];

describe('month arithmetic', () => {
  it('counts months across years both ways', () => {
    expect(monthFromIndex(monthIndex('2024-01') - 1)).toBe('2023-12');
    expect(monthFromIndex(monthIndex('2024-12') + 1)).toBe('2025-01');
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-01')).toEqual([]);
    expect(() => monthIndex('2024-13')).toThrow('"2024-13" is not a year-month written YYYY-MM');
  });
});

describe('kioskEffect on the fixture', () => {
  it('400 m, install 2024-03, 2 months: A and B before (Jan, Feb) and after (Apr, May), the install month in neither', () => {
    const e = kioskEffect(agg, { lngLat: K, installMonth: '2024-03', radiusMeters: 400, months: 2 });
    expect(e.cellsWithin).toBe(2);
    expect(e.before).toEqual([
      { month: '2024-01', offset: -2, available: true, local: 1, citywide: 11 },
      { month: '2024-02', offset: -1, available: true, local: 3, citywide: 13 },
    ]);
    expect(e.after).toEqual([
      { month: '2024-04', offset: 1, available: true, local: 5, citywide: 17 },
      { month: '2024-05', offset: 2, available: true, local: 4, citywide: 16 },
    ]);
    expect([e.localBefore, e.localAfter, e.citywideBefore, e.citywideAfter]).toEqual([4, 9, 24, 33]);
    expect([e.monthsBefore, e.monthsAfter]).toEqual([2, 2]);
    expect(e.localChange).toBeCloseTo(9 / 4 - 1, 12); // +125 %
    expect(e.citywideChange).toBeCloseTo(33 / 24 - 1, 12); // +37.5 %
    expect(e.relativeRatio).toBeCloseTo(9 / 4 / (33 / 24), 12); // 1.636…
  });

  it('200 m keeps A only (B is 300 m away)', () => {
    const e = kioskEffect(agg, { lngLat: K, installMonth: '2024-03', radiusMeters: 200, months: 2 });
    expect(e.cellsWithin).toBe(1);
    expect([e.localBefore, e.localAfter]).toEqual([1 + 2, 5 + 0]);
    expect(e.localChange).toBeCloseTo(5 / 3 - 1, 12);
  });

  it('clips a window running off the start of the data and compares monthly averages', () => {
    const e = kioskEffect(agg, { lngLat: K, installMonth: '2024-02', radiusMeters: 400, months: 3 });
    expect(e.before.map((r) => [r.month, r.available, r.local])).toEqual([
      ['2023-11', false, null],
      ['2023-12', false, null],
      ['2024-01', true, 1],
    ]);
    expect(e.after.map((r) => r.month)).toEqual(['2024-03', '2024-04', '2024-05']);
    expect([e.monthsBefore, e.monthsAfter]).toEqual([1, 3]);
    expect([e.localBefore, e.localAfter, e.citywideBefore, e.citywideAfter]).toEqual([1, 5 + 5 + 4, 11, 15 + 17 + 16]);
    expect(e.localChange).toBeCloseTo(14 / 3 / 1 - 1, 12);
    expect(e.citywideChange).toBeCloseTo(48 / 3 / 11 - 1, 12);
    expect(e.relativeRatio).toBeCloseTo(14 / 3 / (48 / 3 / 11), 12);
  });

  it('clips a window running off the end of the data', () => {
    const e = kioskEffect(agg, { lngLat: K, installMonth: '2024-05', radiusMeters: 400, months: 3 });
    expect([e.monthsBefore, e.monthsAfter]).toEqual([3, 1]);
    expect(e.after.map((r) => [r.month, r.available])).toEqual([
      ['2024-06', true],
      ['2024-07', false],
      ['2024-08', false],
    ]);
    expect([e.localBefore, e.localAfter]).toEqual([3 + 5 + 5, 4 + 1]);
  });

  it('has no change when a side has no months (install before the data, or at its last month)', () => {
    const early = kioskEffect(agg, { lngLat: K, installMonth: '2020-06', radiusMeters: 400, months: 6 });
    expect([early.monthsBefore, early.monthsAfter, early.localBefore, early.localAfter]).toEqual([0, 0, 0, 0]);
    expect([early.localChange, early.citywideChange, early.relativeRatio]).toEqual([null, null, null]);
    const late = kioskEffect(agg, { lngLat: K, installMonth: '2024-06', radiusMeters: 400, months: 3 });
    expect([late.monthsBefore, late.monthsAfter]).toEqual([3, 0]);
    expect([late.localChange, late.citywideChange, late.relativeRatio]).toEqual([null, null, null]);
  });

  it('never divides by zero: nothing near, nothing before, nothing after', () => {
    const far = kioskEffect(agg, { lngLat: [-71.15, 42.26], installMonth: '2024-03', radiusMeters: 800, months: 2 });
    expect([far.cellsWithin, far.localBefore, far.localAfter, far.localChange, far.relativeRatio]).toEqual([0, 0, 0, null, null]);
    expect(far.citywideChange).toBeCloseTo(33 / 24 - 1, 12);
    // B alone: none in 2024-01, 2 in 2024-03.
    const fromZero = kioskEffect(agg, { lngLat: B, installMonth: '2024-02', radiusMeters: 50, months: 1 });
    expect([fromZero.localBefore, fromZero.localAfter, fromZero.localChange, fromZero.relativeRatio]).toEqual([0, 2, null, null]);
    // A alone: 3 in 2024-03, none in 2024-05.
    const toZero = kioskEffect(agg, { lngLat: A, installMonth: '2024-04', radiusMeters: 50, months: 1 });
    expect([toZero.localBefore, toZero.localAfter, toZero.localChange, toZero.relativeRatio]).toEqual([3, 0, -1, 0]);
  });

  it('refuses months below 1 or fractional, a negative radius and a malformed install month', () => {
    expect(() => kioskEffect(agg, { lngLat: K, installMonth: '2024-03', radiusMeters: 400, months: 0 })).toThrow(/months must be a whole number/);
    expect(() => kioskEffect(agg, { lngLat: K, installMonth: '2024-03', radiusMeters: 400, months: 1.5 })).toThrow(/months must be a whole number/);
    expect(() => kioskEffect(agg, { lngLat: K, installMonth: '2024-03', radiusMeters: -1, months: 2 })).toThrow(/radiusMeters/);
    expect(() => kioskEffect(agg, { lngLat: K, installMonth: '2024-3', radiusMeters: 400, months: 2 })).toThrow(/YYYY-MM/);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(agg);
    kioskEffect(agg, { lngLat: K, installMonth: '2024-03', radiusMeters: 400, months: 2 });
    expect(agg).toEqual(before);
  });
});

describe('kioskEffect against a brute force over the source cells', () => {
  it('gives the same counts as a loop over [lat, lng, count] cells with turf distance, on random data and windows', () => {
    const seed = testSeed(2024);
    const random = mulberry32(seed);
    // A random source shaped like the shared file: cells on a 0.0008° grid, months 2024-01 … 2026-03.
    const grid = Array.from({ length: 150 }, () => [42.3 + Math.round(random() * 100) * 0.0008, -71.1 + Math.round(random() * 100) * 0.0008] as const);
    const cells = [...new Map(grid.map((c) => [`${c[0].toFixed(4)},${c[1].toFixed(4)}`, [Number(c[0].toFixed(4)), Number(c[1].toFixed(4))] as const])).values()];
    const months = monthRange('2024-01', '2026-03');
    const heat: Record<string, [number, number, number][]> = {};
    const yearMonthly: Record<string, number[]> = { '2024': new Array<number>(12).fill(0), '2025': new Array<number>(12).fill(0), '2026': new Array<number>(12).fill(0) };
    const all = new Map<string, number>();
    for (const month of months) {
      heat[month] = [];
      for (const [lat, lng] of cells) {
        if (random() < 0.3) continue;
        const n = 1 + Math.floor(random() * 6);
        heat[month].push([lat, lng, n]);
        yearMonthly[month.slice(0, 4)]![Number(month.slice(5)) - 1]! += n;
        all.set(`${lat},${lng}`, (all.get(`${lat},${lng}`) ?? 0) + n);
      }
    }
    heat.all = cells.filter(([lat, lng]) => all.has(`${lat},${lng}`)).map(([lat, lng]) => [lat, lng, all.get(`${lat},${lng}`)!]);
    const data = parseNeedleAggregates(buildNeedleAggregatesFile({ heat, yearMonthly }));

    const inData = new Set(months);
    for (let trial = 0; trial < 60; trial++) {
      const lngLat: [number, number] = [-71.1 + random() * 0.08, 42.3 + random() * 0.08];
      const installMonth = monthFromIndex(monthIndex('2023-09') + Math.floor(random() * 36));
      const radiusMeters = [200, 400, 800][Math.floor(random() * 3)]!;
      const n = [3, 6, 12][Math.floor(random() * 3)]!;
      const e = kioskEffect(data, { lngLat, installMonth, radiusMeters, months: n });
      const oracle = (offset: number) => {
        const month = monthFromIndex(monthIndex(installMonth) + offset);
        if (!inData.has(month)) return { month, local: null, citywide: null };
        const local = heat[month]!.filter(([lat, lng]) => distance(lngLat, [lng, lat], { units: 'meters' }) <= radiusMeters).reduce((s, c) => s + c[2], 0);
        return { month, local, citywide: yearMonthly[month.slice(0, 4)]![Number(month.slice(5)) - 1]! };
      };
      const label = `seed ${seed}, trial ${trial}: ${installMonth}, ${radiusMeters} m, ${n} months`;
      const expectedBefore = Array.from({ length: n }, (_, i) => oracle(i - n));
      const expectedAfter = Array.from({ length: n }, (_, i) => oracle(i + 1));
      expect(e.before.map(({ month, local, citywide }) => ({ month, local, citywide })), label).toEqual(expectedBefore);
      expect(e.after.map(({ month, local, citywide }) => ({ month, local, citywide })), label).toEqual(expectedAfter);
      expect(e.localBefore, label).toBe(expectedBefore.reduce((s, r) => s + (r.local ?? 0), 0));
      expect(e.citywideAfter, label).toBe(expectedAfter.reduce((s, r) => s + (r.citywide ?? 0), 0));
      expect(e.monthsAfter, label).toBe(expectedAfter.filter((r) => r.local !== null).length);
    }
  });
});

describe('install dates', () => {
  it('reads a typed month, a real calendar date or a year alone', () => {
    expect(installMonthOf('2025-01')).toEqual({ month: '2025-01' });
    expect(installMonthOf(' 2025-01-31 ')).toEqual({ month: '2025-01' });
    expect(installMonthOf('2020')).toEqual({ year: 2020 });
    expect(installMonthOf('2025-02-30')).toBeNull();
    expect(installMonthOf('2025-13')).toBeNull();
    expect(installMonthOf('January 2025')).toBeNull();
    expect(installMonthOf('')).toBeNull();
  });

  it("takes the install date from a site's note", () => {
    expect(installDateFromNote('Outdoor kiosk (installed 2020); access hours not published.')).toBe('2020');
    expect(installDateFromNote('Outdoor box installed in front of the school by the City in spring 2019 (CBS Boston; Universal Hub, 2019-05-06).')).toBe('2019');
    expect(installDateFromNote('Kiosk installed in May 2025 by the City.')).toBe('2025-05');
    expect(installDateFromNote('A needle disposal box in the park (sharps kiosk placed in 2019 per the office).')).toBe('2019');
    expect(installDateFromNote("Placed at the park's point in the offline geocoder (2019 list).")).toBeNull();
    expect(installDateFromNote('Installed 2024-11, checked weekly.')).toBe('2024-11');
    expect(installDateFromNote('Opened in 2021. Installed later.')).toBeNull();
    expect(installDateFromNote('Hours not published.')).toBeNull();
    expect(installDateFromNote(null)).toBeNull();
  });
});
