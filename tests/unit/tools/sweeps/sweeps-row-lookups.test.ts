// The per-table answers of the Sweeps row lookups: the same as asking the lookup directly, asked once per row, and
// asked again for a new table (an import) or a new lookup (the place files reloaded).
import { describe, expect, it } from 'vitest';
import { countByNeighborhood } from '../../../../src/geo/needle-stats';
import { rowAddress, rowAreaName, rowNearPark } from '../../../../src/tools/sweeps/sweeps-row-lookups';
import { mulberry32, testSeed } from '../../seeded-random';
import { needleRecord, tableOf } from './sweeps-fixtures';

const seed = testSeed(10_311);

/** n requests at random places around the South End. */
function tableAt(rand: () => number, n: number) {
  return tableOf(Array.from({ length: n }, () => needleRecord({ coordinates: [-71.09 + rand() * 0.04, 42.33 + rand() * 0.02] })));
}

/** A lookup that counts its calls: west of -71.07 'West', east of it 'East', north of 42.345 nowhere. */
function countingAreaAt() {
  const calls: [number, number][] = [];
  const areaAt = (p: readonly [number, number]) => {
    calls.push([p[0], p[1]]);
    return p[1] > 42.345 ? null : { name: p[0] < -71.07 ? 'West' : 'East' };
  };
  return { areaAt, calls };
}

describe('rowAreaName', () => {
  it("gives each row the name its point's lookup gives ([lng, lat]), null outside every area", () => {
    const needles = tableAt(mulberry32(seed), 400);
    const { areaAt } = countingAreaAt();
    const cached = rowAreaName(needles, areaAt);
    const direct = (i: number) => areaAt([needles.lng[i]!, needles.lat[i]!])?.name ?? null;
    const rows = Array.from({ length: needles.count }, (_, i) => i);
    expect(rows.map(cached), `seed ${seed}`).toEqual(rows.map(direct));
    expect(new Set(rows.map(cached)), `seed ${seed}: the fixture has both areas and the outside`).toEqual(new Set(['West', 'East', null]));
    // The neighbourhood counts of any rows are the direct ones.
    const some = rows.filter((i) => i % 3 === 0);
    expect(countByNeighborhood(some, cached)).toEqual(countByNeighborhood(some, direct));
  });

  it('asks the lookup once per row of a table, however often and in whatever order the rows are asked', () => {
    const needles = tableAt(mulberry32(seed + 1), 50);
    const { areaAt, calls } = countingAreaAt();
    for (let k = 0; k < 3; k++) for (let i = needles.count - 1; i >= 0; i -= 2) rowAreaName(needles, areaAt)(i);
    expect(calls).toHaveLength(25);
    for (let i = 0; i < needles.count; i++) rowAreaName(needles, areaAt)(i);
    expect(calls).toHaveLength(50);
  });

  it('asks again for a new table (rows at new places), and for a new lookup', () => {
    const first = tableAt(mulberry32(seed + 2), 200);
    const { areaAt, calls } = countingAreaAt();
    const before = Array.from({ length: first.count }, (_, i) => rowAreaName(first, areaAt)(i));
    // The same row numbers at other places: an import merged in reorders and moves them.
    const second = tableAt(mulberry32(seed + 3), 200);
    const after = Array.from({ length: second.count }, (_, i) => rowAreaName(second, areaAt)(i));
    expect(calls).toHaveLength(400);
    expect(after).toEqual(Array.from({ length: second.count }, (_, i) => areaAt([second.lng[i]!, second.lat[i]!])?.name ?? null));
    expect(after, `seed ${seed}: the two tables differ`).not.toEqual(before);
    // Another lookup over the same table (the outlines reloaded): its own answers.
    const everywhere = () => ({ name: 'Boston' });
    expect(rowAreaName(first, everywhere)(0)).toBe('Boston');
    expect(rowAreaName(first, areaAt)(0)).toBe(before[0]);
  });
});

describe('rowNearPark and rowAddress', () => {
  it('give the direct answers, once per row and table, and again for a new table', () => {
    const rand = mulberry32(seed + 4);
    const needles = tableAt(rand, 300);
    let parkCalls = 0;
    let describeCalls = 0;
    const nearPark = (p: readonly [number, number]) => (parkCalls++, p[0] < -71.075);
    const describe = (p: [number, number]) => (describeCalls++, p[1] < 42.34 ? { text: `${p[0].toFixed(4)} St` } : null);
    const rows = Array.from({ length: needles.count }, (_, i) => i);
    for (let k = 0; k < 2; k++) {
      expect(rows.map(rowNearPark(needles, nearPark))).toEqual(rows.map((i) => needles.lng[i]! < -71.075));
      expect(rows.map(rowAddress(needles, describe))).toEqual(rows.map((i) => (needles.lat[i]! < 42.34 ? `${needles.lng[i]!.toFixed(4)} St` : null)));
    }
    expect([parkCalls, describeCalls]).toEqual([300, 300]);
    const next = tableAt(rand, 300);
    expect(rows.map(rowNearPark(next, nearPark))).toEqual(rows.map((i) => next.lng[i]! < -71.075));
    expect(rows.map(rowAddress(next, describe))).toEqual(rows.map((i) => (next.lat[i]! < 42.34 ? `${next.lng[i]!.toFixed(4)} St` : null)));
    expect([parkCalls, describeCalls]).toEqual([600, 600]);
  });
});
