import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGeocoderIndex } from '../../../scripts/build-geocoder';
import { geocodeLine } from '../../../scripts/geocode';
import { checkGoals, errorStats, poolErrors, quantile, sampleSalt, type Evaluation, type ErrorStats } from '../../../scripts/geocode-eval';
import { encodeGeocoderIndex } from '../../../src/datasets/geocoder-index';
import { createGeocoder } from '../../../src/geo/geocoder';
import { geocoderFixtureSources } from '../../fixtures/geocoder/fixture-sources';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const index = buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 0 }).index;
const geocoder = createGeocoder(index);
const outDir = mkdtempSync(path.join(tmpdir(), 'geocode-cli-'));
writeFileSync(path.join(outDir, 'geocoder-index.json'), JSON.stringify(encodeGeocoderIndex(index)));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('geocodeLine', () => {
  it('writes the best match with exactly the documented keys', () => {
    const out = JSON.parse(geocodeLine(geocoder, '40 Wolcott St, Dorchester, MA 02121')) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['query', 'label', 'lng', 'lat', 'precision', 'neighborhood']);
    expect(out).toMatchObject({ query: '40 Wolcott St, Dorchester, MA 02121', precision: 'address-point', neighborhood: 'Dorchester' });
  });

  it('writes {query, error} when nothing matches or the line is empty', () => {
    expect(JSON.parse(geocodeLine(geocoder, 'zzzzqqq'))).toEqual({ query: 'zzzzqqq', error: 'no match' });
    expect(JSON.parse(geocodeLine(geocoder, ''))).toEqual({ query: '', error: 'empty query' });
  });
});

describe('npm run geocode (scripts/geocode.ts)', () => {
  it('reads one query per line and writes exactly one JSON line per query, in order, and nothing else on stdout', () => {
    const queries = ['40 Wolcott St, Dorchester, MA 02121', 'zzzzqqq', '', 'Mass Ave & Melnea Cass', '22 Wolcott St, Hyde Park'];
    const run = spawnSync(path.join(REPO, 'node_modules', '.bin', 'tsx'), [path.join(REPO, 'scripts', 'geocode.ts')], {
      input: `${queries.join('\r\n')}\n`,
      env: { ...process.env, HRM_OUT_DIR: outDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((l) => JSON.parse(l) as { query: string; precision?: string; neighborhood?: string; error?: string });
    expect(objects.map((o) => o.query)).toEqual(queries);
    expect(objects.map((o) => o.precision ?? o.error)).toEqual(['address-point', 'no match', 'empty query', 'intersection', 'address-point']);
    expect(objects[4]?.neighborhood).toBe('Hyde Park');
    expect(run.stderr).toMatch(/index loaded/);
  }, 60_000);

  it('fails with a message on stderr, and nothing on stdout, when the index is missing', () => {
    const run = spawnSync(path.join(REPO, 'node_modules', '.bin', 'tsx'), [path.join(REPO, 'scripts', 'geocode.ts')], {
      input: 'x\n',
      env: { ...process.env, HRM_OUT_DIR: path.join(outDir, 'nowhere') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/npm run data/);
  }, 60_000);
});

describe('accuracy evaluation (fixture-built index)', () => {
  // Numbers the fixture does not hold, at their true grid positions (README): interpolated or extrapolated.
  const truth = (n: number): [number, number] => [-71.079 + n * 0.0001, n % 2 === 0 ? 42.3031 : 42.3029];
  const cases = [16, 26, 36, 50, 56, 31, 41, 45, 15, 70].map((n) => ({ query: `${n} Wolcott St, Dorchester, MA 02121`, lngLat: truth(n) }));

  it('places held-out numbers within a few metres (median and p90)', () => {
    const stats = errorStats(geocoder, cases);
    expect(stats.unmatched).toBe(0);
    expect(stats.medianM).toBeLessThanOrEqual(3);
    expect(stats.p90M).toBeLessThanOrEqual(10);
  });

  it('counts a missing answer as an infinite error', () => {
    expect(errorStats(geocoder, [{ query: 'zzzzqqq', lngLat: [0, 0] }])).toMatchObject({ unmatched: 1, medianM: Infinity });
  });

  it('takes quantiles by nearest rank', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile(v, 0.5)).toBe(5);
    expect(quantile(v, 0.9)).toBe(9);
    expect(quantile(v, 1)).toBe(10);
  });

  it('checks the goals of the issue', () => {
    const s = (medianM: number, p90M: number, within60mShare = 1): ErrorStats => ({ n: 10, unmatched: 0, medianM, p90M, within60mShare });
    const good: Evaluation = { addressWithCityAndZip: s(9, 49), addressStreetAndNumber: s(20, 199), intersectionWithCity: s(2, 20, 0.98), intersectionAlone: s(2, 20) };
    expect(checkGoals(good).every((g) => g.ok)).toBe(true);
    const bad: Evaluation = { ...good, addressWithCityAndZip: s(11, 49), intersectionWithCity: s(2, 20, 0.97) };
    expect(checkGoals(bad).filter((g) => !g.ok).map((g) => g.goal)).toEqual([
      'address with city and ZIP: median ≤ 10 m',
      'intersections (with city): 98 % within 60 m',
    ]);
  });
});

describe('evaluation over several held-out samples (--samples)', () => {
  it('draws a different sample per salt, none the published one', () => {
    const salts = [1, 2, 3].map(sampleSalt);
    expect(new Set([...salts, '']).size).toBe(4);
    const held = salts.map((salt) => buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 3, holdoutSalt: salt }).holdout.map((h) => h.query).join('|'));
    expect(new Set(held).size).toBeGreaterThan(1);
  });

  it('pools every sample\'s errors, sorted, per query style', () => {
    const one = { addressWithCityAndZip: [1, 5], addressStreetAndNumber: [2], intersectionWithCity: [3, Infinity], intersectionAlone: [] };
    const two = { addressWithCityAndZip: [4], addressStreetAndNumber: [], intersectionWithCity: [70], intersectionAlone: [9] };
    expect(poolErrors([one, two])).toEqual({
      addressWithCityAndZip: [1, 4, 5],
      addressStreetAndNumber: [2],
      intersectionWithCity: [3, 70, Infinity],
      intersectionAlone: [9],
    });
  });
});
