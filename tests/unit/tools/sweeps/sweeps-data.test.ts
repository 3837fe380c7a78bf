import { describe, expect, it } from 'vitest';
import { needleTableFromPacked, packNeedleTable } from '../../../../src/datasets/needle-table';
import { dayFromIsoDate, isoDateFromDay } from '../../../../src/domain/calendar-day';
import { NEEDLE_STATUSES } from '../../../../src/domain/needle-request';
import type { ZoneFeature } from '../../../../src/domain/zone';
import { areaTest, filterOptions, filterRequests, LATEST_WINDOW_DAYS, rowNeighborhoodField, stopRows, sweepWindow, type SweepFilter } from '../../../../src/tools/sweeps/sweeps-data';
import { SWEEPS_INITIAL, type SweepArea } from '../../../../src/tools/sweeps/sweeps-state';
import { mulberry32, testSeed } from '../../seeded-random';
import { needleRecord, tableOf } from './sweeps-fixtures';

const day = dayFromIsoDate;

const record = needleRecord;

describe('sweepWindow', () => {
  const today = day('2026-11-26');
  const state = (patch: Partial<typeof SWEEPS_INITIAL>) => ({ ...SWEEPS_INITIAL, ...patch });

  it("'latest' is the 30 days that end on the data's newest day, not today", () => {
    const dataMax = day('2025-12-31');
    expect(sweepWindow(state({ preset: 'latest' }), dataMax, today)).toEqual({ fromDay: day('2025-12-02'), toDay: dataMax });
    expect(LATEST_WINDOW_DAYS).toBe(30);
  });

  it("'latest' ends today when the data is empty", () => {
    expect(sweepWindow(state({ preset: 'latest' }), -1, today)).toEqual({ fromDay: today - 29, toDay: today });
  });

  it("'custom' takes the typed dates, in order whichever way they were typed", () => {
    const w = { fromDay: day('2025-03-01'), toDay: day('2025-03-31') };
    expect(sweepWindow(state({ preset: 'custom', from: '2025-03-01', to: '2025-03-31' }), -1, today)).toEqual(w);
    expect(sweepWindow(state({ preset: 'custom', from: '2025-03-31', to: '2025-03-01' }), -1, today)).toEqual(w);
  });

  it("'custom' with a missing end: to is today, from is 30 days before today", () => {
    expect(sweepWindow(state({ preset: 'custom', from: '2025-03-01', to: null }), day('2025-01-01'), today)).toEqual({ fromDay: day('2025-03-01'), toDay: today });
    expect(sweepWindow(state({ preset: 'custom', from: null, to: '2026-11-20' }), day('2025-01-01'), today)).toEqual({ fromDay: today - 29, toDay: day('2026-11-20') });
    expect(sweepWindow(state({ preset: 'custom', from: null, to: null }), day('2025-01-01'), today)).toEqual({ fromDay: today - 29, toDay: today });
  });

  it('the other presets end today, whatever the data', () => {
    const dataMax = day('2025-12-31');
    expect(sweepWindow(state({ preset: 'today' }), dataMax, today)).toEqual({ fromDay: today, toDay: today });
    expect(sweepWindow(state({ preset: '7d' }), dataMax, today)).toEqual({ fromDay: today - 6, toDay: today });
    expect(sweepWindow(state({ preset: '30d' }), dataMax, today)).toEqual({ fromDay: today - 29, toDay: today });
    expect(sweepWindow(state({ preset: '90d' }), dataMax, today)).toEqual({ fromDay: today - 89, toDay: today });
    expect(sweepWindow(state({ preset: 'year' }), dataMax, today)).toEqual({ fromDay: day('2026-01-01'), toDay: today });
  });
});

describe('filterRequests', () => {
  const NEIGHBORHOODS = ['South End', 'Roxbury', 'Dorchester', null];
  const WARDS = ['Ward 3', 'Ward 8', null];
  const SOURCES = ['Constituent Call', 'Citizens Connect App', null];
  const seed = testSeed(31_101);
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const first = day('2025-01-01');
  const records = Array.from({ length: 300 }, (_, k) =>
    record({
      openedDate: isoDateFromDay(first + Math.floor(random() * 90)),
      status: pick(NEEDLE_STATUSES),
      neighborhood: pick(NEIGHBORHOODS),
      ward: pick(WARDS),
      source: pick(SOURCES),
      coordinates: [-71.1 + random() * 0.1, 42.3 + random() * 0.08],
      street: `Street ${k}`,
    }),
  );
  const table = tableOf(records);

  /** The oracle: every row's full record against the filter. */
  function naive(f: SweepFilter): number[] {
    const out: number[] = [];
    for (let i = 0; i < table.count; i++) {
      const r = table.get(i);
      const d = day(r.openedDate);
      if (d < f.fromDay || d > f.toDay) continue;
      if (f.status !== 'all' && r.status !== f.status) continue;
      if (f.neighborhood !== null && r.neighborhood !== f.neighborhood) continue;
      if (f.ward !== null && r.ward !== f.ward) continue;
      if (f.source !== null && r.source !== f.source) continue;
      out.push(i);
    }
    return out;
  }

  const windows = [
    { fromDay: first, toDay: first + 89 },
    { fromDay: first + 10, toDay: first + 10 },
    { fromDay: first + 30, toDay: first + 59 },
    { fromDay: first + 100, toDay: first + 120 },
  ];
  const filters: SweepFilter[] = [];
  for (const w of windows)
    for (const status of ['all', 'open', 'closed'] as const)
      for (const neighborhood of ['South End', null])
        for (const ward of ['Ward 8', null]) for (const source of ['Citizens Connect App', null]) filters.push({ ...w, status, neighborhood, ward, source });

  it('keeps exactly the rows a naive filter over the full records keeps', () => {
    for (const f of filters) expect([...filterRequests(table, f)], `seed ${seed}, ${JSON.stringify(f)}`).toEqual(naive(f));
    // The fixture exercises every filter: the full window keeps some rows and each single filter drops some.
    const all = { ...windows[0]!, status: 'all', neighborhood: null, ward: null, source: null } as const;
    expect(filterRequests(table, all).length).toBe(table.count);
    for (const one of [{ status: 'open' }, { neighborhood: 'South End' }, { ward: 'Ward 8' }, { source: 'Citizens Connect App' }] as const) {
      const n = filterRequests(table, { ...all, ...one }).length;
      expect(n, JSON.stringify(one)).toBeGreaterThan(0);
      expect(n, JSON.stringify(one)).toBeLessThan(table.count);
    }
  });

  it('keeps the window inclusive at both ends', () => {
    const d = day(table.get(0).openedDate);
    const rows = [...filterRequests(table, { fromDay: d, toDay: d, status: 'all', neighborhood: null, ward: null, source: null })];
    expect(rows).toContain(0);
    expect(rows.every((i) => table.openedDay[i] === d)).toBe(true);
  });

  it('keeps nothing for a ward, source or neighbourhood the data does not have (not the rows where it is unknown)', () => {
    const all = { ...windows[0]!, status: 'all', neighborhood: null, ward: null, source: null } as const;
    for (const one of [{ ward: 'Ward 99' }, { source: 'Carrier Pigeon' }, { neighborhood: 'Atlantis' }]) {
      const f = { ...all, ...one };
      expect([...filterRequests(table, f)], JSON.stringify(one)).toEqual(naive(f));
      expect(naive(f)).toEqual([]);
    }
  });
});

describe('filterOptions and rowNeighborhoodField', () => {
  const seed = testSeed(31_102);
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const records = Array.from({ length: 200 }, () =>
    record({ neighborhood: pick(['South End', 'Roxbury', 'Allston / Brighton', 'East Boston', null]), ward: pick(['Ward 3', 'Ward 10', null]), source: pick(['Self Service', 'Constituent Call', null]) }),
  );
  const table = tableOf(records);
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

  it("lists the neighbourhoods, wards and sources some row has, each sorted, as the rows' records give them", () => {
    const rows = Array.from({ length: table.count }, (_, i) => table.get(i));
    expect(filterOptions(table), `seed ${seed}`).toEqual({
      neighborhoods: sorted(rows.flatMap((r) => (r.neighborhood === null ? [] : [r.neighborhood]))),
      wards: sorted(rows.flatMap((r) => (r.ward === null ? [] : [r.ward]))),
      sources: sorted(rows.flatMap((r) => (r.source === null ? [] : [r.source]))),
    });
    expect(filterOptions(table).neighborhoods, `seed ${seed}`).toHaveLength(4);
    expect(filterOptions(null)).toEqual({ neighborhoods: [], wards: [], sources: [] });
  });

  it('leaves out a neighbourhood no row has any more (the lookup table of a merged import can hold it)', () => {
    const packed = packNeedleTable(tableOf([record({ neighborhood: 'South End' }), record({ neighborhood: null })]));
    const southEnd = needleTableFromPacked({ ...packed, neighborhoods: [...packed.neighborhoods, 'West End'] });
    expect(filterOptions(southEnd).neighborhoods).toEqual(['South End']);
  });

  it("gives each row's neighbourhood field, null when unknown", () => {
    const field = rowNeighborhoodField(table);
    for (let i = 0; i < table.count; i++) expect(field(i), `seed ${seed}, row ${i}`).toBe(table.get(i).neighborhood);
  });
});

describe('areaTest and stopRows', () => {
  // Row 0 at the box's south-west corner, row 1 at its north-east corner, row 2 inside, rows 3-6 just outside.
  const W = -71.08;
  const S = 42.33;
  const E = -71.06;
  const N = 42.35;
  const points: [number, number][] = [
    [W, S],
    [E, N],
    [-71.07, 42.34],
    [W - 0.001, 42.34],
    [E + 0.001, 42.34],
    [-71.07, S - 0.001],
    [-71.07, N + 0.001],
  ];
  const table = tableOf(points.map((coordinates, k) => record({ coordinates, street: `Street ${k}` })));
  const everyRow = Array.from({ length: table.count }, (_, i) => i);
  const inside = (area: SweepArea, zones: readonly ZoneFeature[] = []) => {
    const test = areaTest(table, area, zones);
    return test === null ? null : everyRow.filter(test);
  };

  const zone = (id: string, ring: [number, number][]): ZoneFeature => ({
    type: 'Feature',
    properties: { id, name: `Zone ${id}`, team: '', notes: '', approximate: false, source: 'test' },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  // A triangle over the west half of the box: row 0's corner and row 3 (just west of the box) in it, row 2 (centre) out.
  const TRIANGLE = zone('west', [
    [-71.09, 42.32],
    [-71.07, 42.32],
    [-71.09, 42.36],
    [-71.09, 42.32],
  ]);
  const OTHER = zone('east', [
    [-71.0, 42.0],
    [-70.9, 42.0],
    [-70.9, 42.1],
    [-71.0, 42.0],
  ]);

  it("'all' keeps every row", () => {
    expect(inside({ kind: 'all' })).toEqual(everyRow);
  });

  it("'view' keeps the rows in the [w, s, e, n] box, its edges included", () => {
    expect(inside({ kind: 'view', bbox: [W, S, E, N] })).toEqual([0, 1, 2]);
  });

  it("'view' reads the box as [w, s, e, n]: a box with nothing at its south-west keeps only what is inside", () => {
    // A narrow box east of the centre: row 1 (north-east corner) and row 4 (just east) only.
    expect(inside({ kind: 'view', bbox: [-71.065, 42.339, E + 0.002, N] })).toEqual([1, 4]);
  });

  it("'zone' keeps the rows inside the zone's polygon, and the zone is found by id", () => {
    expect(inside({ kind: 'zone', zoneId: 'west' }, [OTHER, TRIANGLE])).toEqual([0, 3]);
    expect(inside({ kind: 'zone', zoneId: 'east' }, [OTHER, TRIANGLE])).toEqual([]);
  });

  it('a zone that no longer exists gives null (not every row, not none)', () => {
    expect(areaTest(table, { kind: 'zone', zoneId: 'gone' }, [TRIANGLE])).toBeNull();
    expect(stopRows(table, Uint32Array.from(everyRow), { kind: 'zone', zoneId: 'gone' }, [TRIANGLE])).toBeNull();
  });

  it('stopRows keeps the open and unknown requests of the indices in the area, never the closed ones', () => {
    const statuses = ['open', 'closed', 'unknown', 'closed', 'open', 'unknown'] as const;
    const t = tableOf(statuses.map((status, k) => record({ status, closedDate: status === 'closed' ? '2025-03-02' : null, street: `Street ${k}`, coordinates: [-71.07 + k * 0.001, 42.34] })));
    expect(stopRows(t, Uint32Array.from([0, 1, 2, 3, 4, 5]), { kind: 'all' }, [])).toEqual([0, 2, 4, 5]);
    // Only the given indices (the filtered requests), in their order.
    expect(stopRows(t, Uint32Array.from([2, 3, 5]), { kind: 'all' }, [])).toEqual([2, 5]);
    // And only those in the area: a box around rows 0-2.
    expect(stopRows(t, Uint32Array.from([0, 1, 2, 3, 4, 5]), { kind: 'view', bbox: [-71.0705, 42.33, -71.0675, 42.35] }, [])).toEqual([0, 2]);
  });
});
