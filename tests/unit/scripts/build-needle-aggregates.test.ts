// The needle aggregates build on a hand-written fixture: [lat, lng] turned [lng, lat], months indexed, sums checked, summary.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNeedleAggregates, buildNeedleAggregatesFile } from '../../../scripts/build-needle-aggregates';
import { parseNeedleAggregates } from '../../../src/datasets/needle-aggregates';

const sourceDir = fileURLToPath(new URL('../../fixtures/source-dir', import.meta.url));
const fixturePath = path.join(sourceDir, 'boston', 'needle-requests-aggregates-2024-2026.json');
type Source = { heat: Record<string, [number, number, number][]>; yearMonthly: Record<string, number[]> };
const fixture = (): Source => JSON.parse(readFileSync(fixturePath, 'utf8')) as Source;

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('buildNeedleAggregatesFile', () => {
  it("keeps the cells of 'all' as [lng, lat], each month as [cell index, count] pairs, and yearMonthly", () => {
    const file = buildNeedleAggregatesFile(fixture());
    expect(file.firstMonth).toBe('2024-01');
    expect(file.lastMonth).toBe('2024-06');
    expect(file.cells).toEqual([
      [-71.0752, 42.3352],
      [-71.075, 42.3377],
      [-71.06, 42.35],
    ]);
    expect(file.all).toEqual([15, 8, 68]);
    expect(Object.keys(file.months)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    // 2024-01: A 1, C 10 (B has none that month, so it is not listed); 2024-05: B 4, C 12.
    expect(file.months['2024-01']).toEqual([
      [0, 1],
      [2, 10],
    ]);
    expect(file.months['2024-05']).toEqual([
      [1, 4],
      [2, 12],
    ]);
    expect(file.yearMonthly).toEqual({ '2024': [11, 13, 15, 17, 16, 19, 0, 0, 0, 0, 0, 0] });
    expect(file.source).toContain('a772c95848146204b0b35140417bbb5a361d9960');
  });

  it('drops the year keys, the month-of-year keys and the charts data (not needed by the app)', () => {
    const file = buildNeedleAggregatesFile(fixture()) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual(['all', 'cells', 'firstMonth', 'lastMonth', 'months', 'source', 'version', 'yearMonthly']);
    expect(Object.keys(file.months as object)).not.toContain('all-01');
  });

  it('refuses a cell outside the service area, naming the key and the cell (a [lng, lat] source is caught)', () => {
    const src = fixture();
    const [lat, lng, n] = src.heat['2024-03']![1]!;
    src.heat['2024-03']![1] = [lng, lat, n];
    expect(() => buildNeedleAggregatesFile(src)).toThrow(/heat\.2024-03\.1\.0: latitude must be between .*\[lat, lng, count\]/);
  });

  it('refuses a month whose cells do not add up to yearMonthly, a cell missing from all, and a gap in the months', () => {
    const wrongSum = fixture();
    wrongSum.yearMonthly['2024']![3] = 18;
    expect(() => buildNeedleAggregatesFile(wrongSum)).toThrow('heat.2024-04 adds up to 17 requests but yearMonthly gives 18 for 2024-04');

    const stray = fixture();
    stray.heat['2024-02']!.push([42.3, -71.1, 1]);
    expect(() => buildNeedleAggregatesFile(stray)).toThrow('heat.2024-02: cell 42.3, -71.1 is not in heat.all');

    const gap = fixture();
    delete gap.heat['2024-03'];
    expect(() => buildNeedleAggregatesFile(gap)).toThrow('heat has no cells for 2024-03');
  });

  it("refuses an 'all' or year cell that is not the sum of its months, and requests in a month outside the data", () => {
    const all = fixture();
    all.heat.all = all.heat.all!.map((c, i) => (i === 1 ? [c[0], c[1], 9] : c));
    expect(() => buildNeedleAggregatesFile(all)).toThrow('heat.all.1: 9 requests, but the months add up to 8');

    const year = fixture();
    year.heat['2024'] = year.heat['2024']!.map((c, i) => (i === 2 ? [c[0], c[1], 67] : c));
    expect(() => buildNeedleAggregatesFile(year)).toThrow('heat.2024: cell 42.35, -71.06 has 67 requests but its months add up to 68');

    const outside = fixture();
    outside.yearMonthly['2024']![6] = 5;
    expect(() => buildNeedleAggregatesFile(outside)).toThrow('yearMonthly.2024.6: 5 requests in a month outside');
  });

  it('refuses a malformed source naming where: no heat.all, a fractional count, a year of 11 months', () => {
    const noAll = fixture();
    delete noAll.heat.all;
    expect(() => buildNeedleAggregatesFile(noAll)).toThrow(/heat\.all is missing/);
    const fraction = fixture();
    fraction.heat['2024-01']![0]![2] = 2.5;
    expect(() => buildNeedleAggregatesFile(fraction)).toThrow(/heat\.2024-01\.0\.2: count must be a whole number/);
    const short = fixture();
    short.yearMonthly['2024'] = short.yearMonthly['2024']!.slice(0, 11);
    expect(() => buildNeedleAggregatesFile(short)).toThrow(/yearMonthly\.2024: a year needs 12 monthly counts/);
  });

  it('does not mutate its input', () => {
    const src = fixture();
    const copy = structuredClone(src);
    buildNeedleAggregatesFile(src);
    expect(src).toEqual(copy);
  });
});

describe('buildNeedleAggregates', () => {
  it('writes needle-aggregates.json that the app decodes, and summarises cells, months and requests', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'hrm-agg-'));
    tempDirs.push(outDir);
    const [summary] = await buildNeedleAggregates({ sourceDir, outDir });
    expect(summary).toMatchObject({
      dataset: 'needle-aggregates',
      outputs: ['needle-aggregates.json'],
      rowsRead: 3,
      rowsKept: 3,
      dateRange: ['2024-01-01', '2024-06-30'],
      bbox: [-71.0752, 42.3352, -71.06, 42.35],
      totals: { requests: 91, cells: 3, months: 6 },
    });
    const decoded = parseNeedleAggregates(JSON.parse(readFileSync(path.join(outDir, 'needle-aggregates.json'), 'utf8')));
    expect(decoded.total).toBe(91);
    expect(decoded.citywideByMonth).toEqual({ '2024-01': 11, '2024-02': 13, '2024-03': 15, '2024-04': 17, '2024-05': 16, '2024-06': 19 });
  });

  it('names the source file when it is missing or inconsistent', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'hrm-agg-'));
    tempDirs.push(outDir);
    await expect(buildNeedleAggregates({ sourceDir: outDir, outDir })).rejects.toThrow(/needle-requests-aggregates-2024-2026\.json: ENOENT/);
  });
});
