// needle-aggregates.json decoding: consistency checks naming the problem, the loader, and the aggregates as demand points.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildNeedleAggregatesFile } from '../../../scripts/build-needle-aggregates';
import { aggregateDemand, loadNeedleAggregates, parseNeedleAggregates, type NeedleAggregatesFile } from '../../../src/datasets/needle-aggregates';
import { mulberry32, testSeed } from '../seeded-random';

const fixturePath = fileURLToPath(new URL('../../fixtures/source-dir/boston/needle-requests-aggregates-2024-2026.json', import.meta.url));
/** The generated file for the fixture, as `npm run data` writes it. */
const generated = (): NeedleAggregatesFile => JSON.parse(JSON.stringify(buildNeedleAggregatesFile(JSON.parse(readFileSync(fixturePath, 'utf8'))))) as NeedleAggregatesFile;

afterEach(() => vi.unstubAllGlobals());

describe('parseNeedleAggregates', () => {
  it('gives the cells as [lng, lat], the months as cell-count pairs, the citywide count of each month and the total', () => {
    const agg = parseNeedleAggregates(generated());
    expect(agg.cellLngLats[0]).toEqual([-71.0752, 42.3352]);
    expect(agg.allCounts).toEqual([15, 8, 68]);
    expect(agg.total).toBe(91);
    expect(agg.monthCells['2024-04']).toEqual([
      [0, 5],
      [2, 12],
    ]);
    expect(agg.citywideByMonth['2024-06']).toBe(19);
    expect([agg.firstMonth, agg.lastMonth]).toEqual(['2024-01', '2024-06']);
  });

  it('refuses a file that is malformed or inconsistent, naming the path, month or cell', () => {
    const edit = (f: (file: NeedleAggregatesFile) => void) => {
      const file = generated();
      f(file);
      return () => parseNeedleAggregates(file);
    };
    expect(edit((f) => (f.cells[1] = [42.3377, -71.075]))).toThrow(/at cells\.1\.0: longitude must be between .*\(is the cell \[lng, lat\]\?\)/);
    expect(edit((f) => (f.months['2024-02']![0]![1] = 0))).toThrow(/at months\.2024-02\.0\.1: a cell count must be ≥ 1/);
    expect(edit((f) => delete f.months['2024-03'])).toThrow('month 2024-03 is missing');
    expect(edit((f) => (f.months['2024-07'] = []))).toThrow('month 2024-07 is outside 2024-01 … 2024-06');
    expect(edit((f) => (f.months['2024-01']![0] = [7, 1]))).toThrow('months.2024-01.0: cell 7 does not exist (3 cells)');
    expect(edit((f) => (f.yearMonthly['2024']![0] = 12))).toThrow('month 2024-01: its cells add up to 11 but yearMonthly says 12');
    expect(edit((f) => (f.all[2] = 67))).toThrow('cell 2: its months add up to 68 but "all" says 67');
    expect(edit((f) => f.all.pop())).toThrow('3 cells but 2 counts in "all"');
    expect(edit((f) => (f.lastMonth = '2023-12'))).toThrow('lastMonth 2023-12 is before firstMonth 2024-01');
    expect(() => parseNeedleAggregates({ version: 1 })).toThrow(/malformed needle aggregates file at source/);
  });
});

describe('loadNeedleAggregates', () => {
  it('fetches and decodes the file; a malformed or missing file is reported with its URL', async () => {
    const good = generated();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(good), { status: 200 })));
    expect((await loadNeedleAggregates('data/needle-aggregates.json')).total).toBe(91);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ...good, all: [] }), { status: 200 })));
    await expect(loadNeedleAggregates('data/needle-aggregates.json')).rejects.toThrow(/^data\/needle-aggregates\.json: malformed needle aggregates file: 3 cells but 0 counts/);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 404 })));
    await expect(loadNeedleAggregates('data/needle-aggregates.json')).rejects.toThrow(/HTTP 404.*npm run data/);
  });
});

describe('aggregateDemand', () => {
  it("gives one weighted point per cell with requests: 'all' and a year of the fixture", () => {
    const agg = parseNeedleAggregates(generated());
    expect(aggregateDemand(agg, 'all')).toEqual([
      { lngLat: [-71.0752, 42.3352], weight: 15 },
      { lngLat: [-71.075, 42.3377], weight: 8 },
      { lngLat: [-71.06, 42.35], weight: 68 },
    ]);
    expect(aggregateDemand(agg, '2024')).toEqual(aggregateDemand(agg, 'all'));
  });

  it('weights sum to the total of the key on random data (all, and each year against yearMonthly)', () => {
    const seed = testSeed(11);
    const random = mulberry32(seed);
    const cells: [number, number][] = Array.from({ length: 40 }, () => [-71.15 + random() * 0.15, 42.25 + random() * 0.12]);
    const months: Record<string, [number, number][]> = {};
    const yearMonthly: Record<string, number[]> = { '2024': new Array<number>(12).fill(0), '2025': new Array<number>(12).fill(0) };
    const all = new Array<number>(cells.length).fill(0);
    for (let i = 0; i < 20; i++) {
      const month = `${2024 + Math.floor((i + 4) / 12)}-${String(((i + 4) % 12) + 1).padStart(2, '0')}`; // 2024-05 … 2025-12
      const list: [number, number][] = [];
      cells.forEach((_, c) => {
        if (random() < 0.4) {
          const n = 1 + Math.floor(random() * 9);
          list.push([c, n]);
          all[c]! += n;
          yearMonthly[month.slice(0, 4)]![Number(month.slice(5)) - 1]! += n;
        }
      });
      months[month] = list;
    }
    const agg = parseNeedleAggregates({ version: 1, source: 'random', firstMonth: '2024-05', lastMonth: '2025-12', cells, all, months, yearMonthly });
    const sum = (key: string) => aggregateDemand(agg, key).reduce((s, d) => s + d.weight, 0);
    expect(sum('all'), `seed ${seed}`).toBe(agg.total);
    expect(sum('2024'), `seed ${seed}`).toBe(yearMonthly['2024']!.reduce((a, b) => a + b, 0));
    expect(sum('2025'), `seed ${seed}`).toBe(yearMonthly['2025']!.reduce((a, b) => a + b, 0));
    for (const d of aggregateDemand(agg, '2025')) expect(d.weight).toBeGreaterThan(0);
  });

  it('refuses a key that is not all or a year of the data', () => {
    const agg = parseNeedleAggregates(generated());
    expect(() => aggregateDemand(agg, '2023')).toThrow('no needle aggregates for 2023: the data covers 2024-01 … 2024-06');
    expect(() => aggregateDemand(agg, '2024-01')).toThrow(/not a needle aggregates key/);
  });
});
