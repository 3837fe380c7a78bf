import { describe, expect, it } from 'vitest';
import { assignNeedleIds, fnv1a64Hex, needleBaseId, needleHashKey, needleIdCounts } from '../../../src/domain/needle-id';
import type { NeedleRecord } from '../../../src/domain/needle-request';
import { mulberry32, testSeed } from '../seeded-random';

const point: NeedleRecord = {
  caseId: null,
  openedDate: '2024-01-02',
  openedTime: null,
  closedDate: null,
  status: 'unknown',
  closureReason: null,
  neighborhood: 'South End',
  street: 'Melnea Cass Blvd',
  zip: null,
  source: null,
  ward: null,
  coordinates: [-71.074024, 42.337074],
  dataset: 'needle-requests-points-2024-2026',
};
const csvCase: NeedleRecord = {
  ...point,
  caseId: '101001400001',
  openedDate: '2015-05-15',
  closedDate: '2015-05-16',
  status: 'closed',
  dataset: 'needle-requests-2015',
};
const HASHED = /^h-[0-9a-f]{16}$/;

/** A deterministic shuffle (Fisher-Yates with a seeded generator). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('fnv1a64Hex', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(fnv1a64Hex('Rue de l’Église')).toBe('bdfae57443101fe3');
  });
});

describe('needleBaseId', () => {
  it('is the case id when the source has one', () => {
    expect(needleBaseId(csvCase)).toBe('101001400001');
  });

  it('is "h-" and 16 hex digits of the hash otherwise, the same on every run and machine', () => {
    expect(needleBaseId(point)).toMatch(HASHED);
    // Pinned: ids are saved in browsers and shared in links, so the hash of a request must never change.
    expect(needleHashKey(point)).toBe('["2024-01-02","-71.074024","42.337074","Melnea Cass Blvd"]');
    expect(needleBaseId(point)).toBe(`h-${fnv1a64Hex('["2024-01-02","-71.074024","42.337074","Melnea Cass Blvd"]')}`);
    expect(needleBaseId(point)).toBe('h-d622242ef56e84d6');
  });

  it('changes when the open date, either coordinate (by 1e-6 degree) or the street changes', () => {
    const changed: NeedleRecord[] = [
      { ...point, openedDate: '2024-01-03' },
      { ...point, coordinates: [-71.074025, 42.337074] },
      { ...point, coordinates: [-71.074024, 42.337075] },
      { ...point, street: 'Melnea Cass Blvd.' },
      { ...point, street: null },
    ];
    const ids = changed.map(needleBaseId);
    expect(new Set([needleBaseId(point), ...ids]).size).toBe(changed.length + 1);
  });

  it('stays the same when the dataset name, status, close date, ZIP or neighbourhood changes (a refreshed export)', () => {
    const refreshed: NeedleRecord[] = [
      { ...point, dataset: 'needle-requests-points-2024-2027' },
      { ...point, status: 'closed', closedDate: '2024-01-03', closureReason: 'Case Resolved' },
      { ...point, zip: '02118', neighborhood: 'Roxbury' },
      { ...point, coordinates: [-71.0740240000001, 42.3370739999999] },
    ];
    for (const r of refreshed) expect(needleBaseId(r), JSON.stringify(r)).toBe(needleBaseId(point));
  });
});

describe('assignNeedleIds', () => {
  // Three requests with the same date, place and street (told apart by ZIP), one case, and two other points.
  const twinA: NeedleRecord = { ...point, zip: '02118' };
  const twinB: NeedleRecord = { ...point, zip: '02119' };
  const other1: NeedleRecord = { ...point, openedDate: '2025-06-01', street: 'Albany St' };
  const other2: NeedleRecord = { ...point, coordinates: [-71.06, 42.35], street: null };
  const records = [point, csvCase, twinA, other1, twinB, other2];

  it('gives every request a unique id, keeping its fields and the input order', () => {
    const out = assignNeedleIds(records);
    expect(out.map(({ id: _id, ...rest }) => rest)).toEqual(records);
    expect(new Set(out.map((r) => r.id)).size).toBe(records.length);
  });

  it('uses the case id where there is one and a hash elsewhere', () => {
    const out = assignNeedleIds(records);
    expect(out[1]!.id).toBe('101001400001');
    for (const i of [2, 3, 5]) expect(out[i]!.id).toMatch(HASHED);
  });

  it('tells requests with the same facts apart with -2, -3 in the order of their other fields', () => {
    const base = needleBaseId(point);
    const out = assignNeedleIds(records);
    // Sorted by all their fields as JSON: zip "02118", then "02119", then null.
    expect([out[2]!.id, out[4]!.id, out[0]!.id]).toEqual([base, `${base}-2`, `${base}-3`]);
    expect(needleIdCounts(out)).toEqual({ fromCaseId: 1, hashed: 5, suffixed: 2 });
  });

  it('gives the same ids on every run', () => {
    expect(assignNeedleIds(records)).toEqual(assignNeedleIds(records.map((r) => ({ ...r }))));
  });

  it('gives each request the same id whatever the order of the input, suffixes included', () => {
    const idOf = (out: ReturnType<typeof assignNeedleIds>) => new Map(out.map(({ id, ...rest }) => [JSON.stringify(rest), id]));
    const expected = idOf(assignNeedleIds(records));
    const seed0 = testSeed(7301);
    for (let run = 0; run < 20; run++) {
      const seed = seed0 + run;
      expect(idOf(assignNeedleIds(shuffled(records, seed))), `seed ${seed}`).toEqual(expected);
    }
  });

  it('gives identical records distinct ids', () => {
    const out = assignNeedleIds([point, { ...point }, { ...point }]);
    const base = needleBaseId(point);
    expect(out.map((r) => r.id)).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it('skips a suffix that another request already has as its id', () => {
    const out = assignNeedleIds([
      { ...csvCase, caseId: '42', zip: '02118' },
      { ...csvCase, caseId: '42', zip: '02119' },
      { ...csvCase, caseId: '42-2' },
    ]);
    expect(out.map((r) => r.id)).toEqual(['42', '42-3', '42-2']);
  });

  it('does not change its input', () => {
    const input = records.map((r) => ({ ...r }));
    const before = JSON.stringify(input);
    assignNeedleIds(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
