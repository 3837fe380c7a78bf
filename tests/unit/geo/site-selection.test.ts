// selectSites against oracles: brute-force coverage of its answer, every single site, and an exhaustive search on small clustered instances.
import { describe, expect, it } from 'vitest';
import { coveredWeight } from '../../../src/geo/coverage';
import { coverageCurve, selectSites, selectSitesExhaustive, type SelectSitesResult } from '../../../src/geo/site-selection';
import { clusteredInstance, type InstancePoint } from '../../support/clustered-instances';
import { testSeed } from '../seeded-random';

type Pt = InstancePoint;

const RADIUS = 400;
const lastCovered = (r: SelectSitesResult) => r.chosen.at(-1)?.covered ?? r.existingCovered;
const sitesOf = (r: SelectSitesResult, candidates: Pt[]) => r.chosen.map((c) => candidates[c.index]!);

describe('selectSites on random clustered instances', () => {
  const seed = testSeed(311);
  const instances = Array.from({ length: 30 }, (_, i) => ({ ...clusteredInstance(seed + i), k: 3 + (i % 3), seed: seed + i }));
  const optima = instances.map((inst) => selectSitesExhaustive(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS }));

  it('covers exactly what a brute-force count of its sites and the existing ones covers', () => {
    for (const inst of instances) {
      const r = selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS });
      expect(lastCovered(r), `seed ${inst.seed}`).toBe(coveredWeight(inst.demand, [...inst.existing, ...sitesOf(r, inst.candidates)], RADIUS));
      expect(r.existingCovered, `seed ${inst.seed}`).toBe(coveredWeight(inst.demand, inst.existing, RADIUS));
      expect(r.totalWeight).toBe(300);
    }
  });

  it('reaches at least 0.99 of the exhaustive optimum on each instance and 0.999 on average', () => {
    const ratios = instances.map((inst, i) => lastCovered(selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS })) / lastCovered(optima[i]!));
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    console.log(`selectSites / exhaustive optimum over ${ratios.length} instances (seed ${seed}): mean ${mean.toFixed(5)}, min ${Math.min(...ratios).toFixed(5)}`);
    ratios.forEach((r, i) => expect(r, `instance seed ${instances[i]!.seed}`).toBeGreaterThanOrEqual(0.99));
    expect(mean).toBeGreaterThanOrEqual(0.999);
  });

  it('is needed: plain greedy falls short of the optimum by more than 1% on some of these instances', () => {
    const ratios = instances.map((inst, i) => lastCovered(selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS, search: 'greedy' })) / lastCovered(optima[i]!));
    console.log(`plain greedy / optimum: mean ${(ratios.reduce((a, b) => a + b, 0) / ratios.length).toFixed(5)}, min ${Math.min(...ratios).toFixed(5)}`);
    expect(Math.min(...ratios)).toBeLessThan(0.99);
  });

  it('never claims an upper bound below the optimum', () => {
    instances.forEach((inst, i) => {
      const r = selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS, search: 'greedy' });
      expect(r.upperBound, `seed ${inst.seed}`).toBeGreaterThanOrEqual(lastCovered(optima[i]!) - 1e-9);
    });
  });

  it('covers at least as much as the best single site', () => {
    for (const inst of instances.slice(0, 10)) {
      const r = selectSites(inst.demand, inst.candidates, inst.existing, { k: 1, radiusMeters: RADIUS });
      const best = Math.max(...inst.candidates.map((c) => coveredWeight(inst.demand, [...inst.existing, c], RADIUS)));
      expect(lastCovered(r), `seed ${inst.seed}`).toBeGreaterThanOrEqual(best);
      const r4 = selectSites(inst.demand, inst.candidates, inst.existing, { k: 4, radiusMeters: RADIUS });
      expect(lastCovered(r4), `seed ${inst.seed}`).toBeGreaterThanOrEqual(best);
    }
  });

  it('covers no less as k grows, and the coverage curve equals selectSites for each k', () => {
    for (const inst of instances.slice(0, 6)) {
      const curve = coverageCurve(inst.demand, inst.candidates, inst.existing, { radiusMeters: RADIUS, maxK: 10 });
      expect(curve.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      let previous = curve[0]!.existingCovered;
      for (const point of curve) {
        expect(lastCovered(point), `seed ${inst.seed}, k ${point.k}`).toBeGreaterThanOrEqual(previous);
        previous = lastCovered(point);
        const direct = selectSites(inst.demand, inst.candidates, inst.existing, { k: point.k, radiusMeters: RADIUS });
        expect(direct.chosen, `seed ${inst.seed}, k ${point.k}`).toEqual(point.chosen);
      }
    }
  });

  it('lists unique candidate indices whose gains add up to the covered weight beyond the existing sites, largest first', () => {
    for (const inst of instances) {
      const r = selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS });
      const indices = r.chosen.map((c) => c.index);
      expect(new Set(indices).size).toBe(indices.length);
      for (const i of indices) expect(i >= 0 && i < inst.candidates.length).toBe(true);
      let covered = r.existingCovered;
      r.chosen.forEach((c, i) => {
        covered += c.gain;
        expect(c.covered).toBeCloseTo(covered, 9);
        // each step's gain is what that site adds to the ones listed before it
        const before = [...inst.existing, ...sitesOf({ ...r, chosen: r.chosen.slice(0, i) }, inst.candidates)];
        expect(c.gain).toBe(coveredWeight(inst.demand, [...before, inst.candidates[c.index]!], RADIUS) - coveredWeight(inst.demand, before, RADIUS));
        if (i > 0) expect(c.gain).toBeLessThanOrEqual(r.chosen[i - 1]!.gain);
      });
    }
  });

  it('is deterministic for a seed and does not mutate its inputs', () => {
    const inst = instances[0]!;
    const before = JSON.stringify(inst);
    const a = selectSites(inst.demand, inst.candidates, inst.existing, { k: 5, radiusMeters: RADIUS, seed: 9 });
    const b = selectSites(inst.demand, inst.candidates, inst.existing, { k: 5, radiusMeters: RADIUS, seed: 9 });
    expect(a).toEqual(b);
    expect(JSON.stringify(inst)).toBe(before);
  });
});

describe('selectSitesExhaustive', () => {
  it('finds the best pair by trying every pair', () => {
    const inst = clusteredInstance(testSeed(5));
    const candidates = inst.candidates.slice(0, 12);
    let best = 0;
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) best = Math.max(best, coveredWeight(inst.demand, [...inst.existing, candidates[i]!, candidates[j]!], RADIUS));
    }
    expect(lastCovered(selectSitesExhaustive(inst.demand, candidates, inst.existing, { k: 2, radiusMeters: RADIUS }))).toBe(best);
  });
});

/** Demand and candidates on a line (lngLat[0] is a position in metres) with |x - y| as the distance. */
const onLine = (xs: number[]): Pt[] => xs.map((x) => ({ lngLat: [x, 0] }));
const lineDistance = (a: Pt, b: Pt) => Math.abs(a.lngLat[0] - b.lngLat[0]);

describe('selectSites on hand-made instances', () => {
  it('takes the two cluster sites where greedy would take the one between them first', () => {
    // Clusters of 10 at 0..9 and 30..39; a site at 19.5 reaches 6 of each (14..25 is empty, so 4..9 and 30..35).
    const demand = onLine([...Array.from({ length: 10 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 30 + i)]).map((p) => ({ ...p, weight: 1 }));
    const candidates = onLine([19.5, 4.5, 34.5]);
    const options = { k: 2, radiusMeters: 15.5, distance: lineDistance };
    expect(selectSites(demand, candidates, [], { ...options, search: 'greedy' }).chosen.at(-1)!.covered).toBe(16);
    const r = selectSites(demand, candidates, [], options);
    expect(r.chosen.map((c) => c.index).sort()).toEqual([1, 2]);
    expect(r.chosen.map((c) => c.covered)).toEqual([10, 20]);
  });

  it('counts demand exactly at the radius as covered', () => {
    const demand = onLine([0, 10, 20]).map((p) => ({ ...p, weight: 1 }));
    const r = selectSites(demand, onLine([10]), [], { k: 1, radiusMeters: 10, distance: lineDistance });
    expect(r.chosen).toEqual([{ index: 0, gain: 3, covered: 3 }]);
    const geo = [{ lngLat: [-71.06, 42.35] as [number, number], weight: 1 }];
    const site = { lngLat: [-71.05, 42.352] as [number, number] };
    expect(selectSites(geo, [site], [], { k: 1, radiusMeters: coveredRadius(geo[0]!.lngLat, site.lngLat) }).chosen).toEqual([{ index: 0, gain: 1, covered: 1 }]);
  });

  it('gives no gain for demand an existing site already covers', () => {
    const demand = onLine([0, 1, 2, 50, 51]).map((p) => ({ ...p, weight: 1 }));
    const r = selectSites(demand, onLine([1, 50.5]), onLine([1]), { k: 1, radiusMeters: 2, distance: lineDistance });
    expect(r.existingCovered).toBe(3);
    expect(r.chosen).toEqual([{ index: 1, gain: 2, covered: 5 }]);
  });

  it('always chooses locked candidates and never excluded ones', () => {
    const inst = clusteredInstance(testSeed(77));
    const plain = selectSites(inst.demand, inst.candidates, inst.existing, { k: 4, radiusMeters: RADIUS });
    const top = plain.chosen[0]!.index;
    const worst = inst.candidates.map((c, i) => ({ i, w: coveredWeight(inst.demand, [c], RADIUS) })).sort((a, b) => a.w - b.w)[0]!.i;
    const r = selectSites(inst.demand, inst.candidates, inst.existing, { k: 4, radiusMeters: RADIUS, locked: [worst], excluded: [top] });
    const indices = r.chosen.map((c) => c.index);
    expect(indices).toContain(worst);
    expect(indices).not.toContain(top);
    expect(indices.length).toBe(4);
    const ex = selectSitesExhaustive(inst.demand, inst.candidates, inst.existing, { k: 4, radiusMeters: RADIUS, locked: [worst], excluded: [top] });
    expect(ex.chosen.map((c) => c.index)).toContain(worst);
    expect(lastCovered(r)).toBeGreaterThanOrEqual(0.99 * lastCovered(ex));
  });

  it('rejects a candidate both locked and excluded, more locked than k, and a bad k or index', () => {
    const demand = onLine([0]).map((p) => ({ ...p, weight: 1 }));
    const c = onLine([0, 1, 2]);
    const o = { radiusMeters: 1, distance: lineDistance };
    expect(() => selectSites(demand, c, [], { ...o, k: 2, locked: [1], excluded: [1] })).toThrow(RangeError);
    expect(() => selectSites(demand, c, [], { ...o, k: 1, locked: [0, 1] })).toThrow(RangeError);
    expect(() => selectSites(demand, c, [], { ...o, k: -1 })).toThrow(RangeError);
    expect(() => selectSites(demand, c, [], { ...o, k: 1, excluded: [3] })).toThrow(RangeError);
    expect(() => selectSites([{ lngLat: [0, 0], weight: -2 }], c, [], { ...o, k: 1 })).toThrow(RangeError);
  });

  it('with k larger than the candidates, covers all they can reach and lists each at most once', () => {
    const inst = clusteredInstance(testSeed(8));
    const candidates = inst.candidates.slice(0, 8);
    const r = selectSites(inst.demand, candidates, inst.existing, { k: 50, radiusMeters: RADIUS });
    expect(r.chosen.length).toBeLessThanOrEqual(candidates.length);
    expect(new Set(r.chosen.map((c) => c.index)).size).toBe(r.chosen.length);
    expect(lastCovered(r)).toBe(coveredWeight(inst.demand, [...inst.existing, ...candidates], RADIUS));
    for (const c of r.chosen) expect(c.gain).toBeGreaterThan(0);
  });

  it('returns nothing for k = 0 and for no candidates', () => {
    const inst = clusteredInstance(testSeed(9));
    expect(selectSites(inst.demand, inst.candidates, inst.existing, { k: 0, radiusMeters: RADIUS }).chosen).toEqual([]);
    const r = selectSites(inst.demand, [], inst.existing, { k: 3, radiusMeters: RADIUS });
    expect(r.chosen).toEqual([]);
    expect(r.upperBound).toBe(r.existingCovered);
  });
});

/** The great-circle distance between two points, as the radius that just reaches from one to the other. */
function coveredRadius(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const sinDLat = Math.sin(((b[1] - a[1]) * rad) / 2);
  const sinDLng = Math.sin(((b[0] - a[0]) * rad) / 2);
  const h = sinDLat * sinDLat + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * sinDLng * sinDLng;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

describe('selectSites with precomputed cover sets', () => {
  // An L1 (Manhattan) distance in metres: not the default, so the sets must come from it to agree.
  const manhattan = (a: Pt, b: Pt) => (Math.abs(a.lngLat[0] - b.lngLat[0]) * 82_000 + Math.abs(a.lngLat[1] - b.lngLat[1]) * 111_195);
  const seed = testSeed(911);
  const instances = Array.from({ length: 12 }, (_, i) => ({ ...clusteredInstance(seed + i), k: 2 + (i % 5), seed: seed + i }));

  it('gives the same answer and the same curve as the distance function the sets were built from', () => {
    for (const inst of instances) {
      const coverSets = {
        candidates: inst.candidates.map((c) => Uint32Array.from(inst.demand.flatMap((d, di) => (manhattan(d, c) <= RADIUS ? [di] : [])))),
        existing: Uint8Array.from(inst.demand.map((d) => (inst.existing.some((s) => manhattan(d, s) <= RADIUS) ? 1 : 0))),
      };
      const byDistance = selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS, distance: manhattan, seed: 3 });
      const bySets = selectSites(inst.demand, inst.candidates, inst.existing, { k: inst.k, radiusMeters: RADIUS, coverSets, seed: 3 });
      expect(bySets, `seed ${inst.seed}`).toEqual(byDistance);
      const curveA = coverageCurve(inst.demand, inst.candidates, inst.existing, { radiusMeters: RADIUS, distance: manhattan, maxK: 6, search: 'local' });
      const curveB = coverageCurve(inst.demand, inst.candidates, inst.existing, { radiusMeters: RADIUS, coverSets, maxK: 6, search: 'local' });
      expect(curveB, `seed ${inst.seed}`).toEqual(curveA);
    }
  });

  it('reports progress once per k, and rejects sets of the wrong length or naming a demand point that is not there', () => {
    const inst = instances[0]!;
    const seen: string[] = [];
    coverageCurve(inst.demand, inst.candidates, inst.existing, { radiusMeters: RADIUS, maxK: 4, search: 'local', onProgress: (k, max) => seen.push(`${k}/${max}`) });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);
    const empty = { candidates: inst.candidates.map(() => new Uint32Array(0)), existing: new Uint8Array(inst.demand.length) };
    expect(() => selectSites(inst.demand, inst.candidates, inst.existing, { k: 2, radiusMeters: RADIUS, coverSets: { ...empty, existing: new Uint8Array(3) } })).toThrow(/existing has 3 flags/);
    expect(() => selectSites(inst.demand, inst.candidates, inst.existing, { k: 2, radiusMeters: RADIUS, coverSets: { ...empty, candidates: empty.candidates.slice(1) } })).toThrow(/candidate sets/);
    const bad = [...empty.candidates];
    bad[4] = Uint32Array.of(inst.demand.length);
    expect(() => selectSites(inst.demand, inst.candidates, inst.existing, { k: 2, radiusMeters: RADIUS, coverSets: { ...empty, candidates: bad } })).toThrow(/names demand 300/);
  });
});
