// The census tracts build on a hand-written fixture: validation, properties kept, rounding, seamless simplification, summary.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanClockwise } from '@turf/turf';
import type { Position } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTractFeatures, buildTracts, TRACT_COORDINATE_DECIMALS, type TractFeature } from '../../../scripts/build-tracts';
import { tractsFileSchema } from '../../../src/datasets/tracts';

const fixturePath = fileURLToPath(new URL('../../fixtures/tracts-sample.geojson', import.meta.url));
const fixtureFeatures = (): unknown[] => (JSON.parse(readFileSync(fixturePath, 'utf8')) as { features: unknown[] }).features;

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function ringsOf(f: TractFeature): Position[][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}

/** Positions of a tract on the line lng = -71.085 (the edge tracts 104.05 and 9801.01 share), sorted by latitude. */
function sharedEdge(f: TractFeature): string[] {
  return ringsOf(f)
    .flatMap((ring) => ring.slice(0, -1))
    .filter((p) => Math.abs(p[0]! + 71.085) < 2e-5)
    .sort((a, b) => a[1]! - b[1]!)
    .map((p) => `${p[0]},${p[1]}`);
}

describe('buildTractFeatures', () => {
  it('keeps valid tracts with { geoid, name, population } only and rejects the one without a population, naming it', () => {
    const { features, rejected, population } = buildTractFeatures(fixtureFeatures());
    expect(features.map((f) => f.properties)).toEqual([
      { geoid: '25025010405', name: 'Census Tract 104.05', population: 4210 },
      { geoid: '25025980101', name: 'Census Tract 9801.01', population: 2875 },
    ]);
    expect(population).toBe(4210 + 2875);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 3, field: 'properties.population_est', reason: 'population_est is missing or not a number' });
    expect(rejected[0]?.raw).toContain('25025091600');
  });

  it('rejects a negative or fractional population, a bad GEOID10 and a repeated GEOID10', () => {
    const [a, b] = fixtureFeatures() as { properties: Record<string, unknown> }[];
    const withProps = (f: { properties: Record<string, unknown> } | undefined, props: Record<string, unknown>) => ({ ...f, properties: { ...f?.properties, ...props } });
    const { features, rejected } = buildTractFeatures([
      a,
      withProps(b, { population_est: -3 }),
      withProps(b, { population_est: 12.5 }),
      withProps(b, { GEOID10: '2502598010' }),
      withProps(b, { GEOID10: '25025010405' }),
    ]);
    expect(features.map((f) => f.properties.geoid)).toEqual(['25025010405']);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'population_est must be ≥ 0'],
      [3, 'population_est must be a whole number'],
      [4, 'GEOID10 must be 11 digits'],
      [5, 'GEOID10 seen in an earlier feature'],
    ]);
  });

  it('writes a one-polygon tract as a Polygon and keeps both islands of a MultiPolygon tract', () => {
    const [a, b] = buildTractFeatures(fixtureFeatures()).features;
    expect(a?.geometry.type).toBe('Polygon');
    expect(b?.geometry.type).toBe('MultiPolygon');
    expect(b?.geometry.type === 'MultiPolygon' && b.geometry.coordinates.length).toBe(2);
  });

  it('rounds to 5 decimals, closes every ring and turns outer rings counter-clockwise', () => {
    const { features } = buildTractFeatures(fixtureFeatures());
    const scale = 10 ** TRACT_COORDINATE_DECIMALS;
    for (const f of features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polygons) {
        expect(booleanClockwise(rings[0]!)).toBe(false);
        for (const ring of rings) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [lng, lat] of ring) {
            expect(Math.abs(lng! * scale - Math.round(lng! * scale))).toBeLessThan(1e-6);
            expect(Math.abs(lat! * scale - Math.round(lat! * scale))).toBeLessThan(1e-6);
          }
        }
      }
    }
  });

  it('simplifies away sub-2 m wiggles, keeps real corners, and both tracts keep the same vertices on their common edge', () => {
    const [a, b] = buildTractFeatures(fixtureFeatures()).features;
    const outer = ringsOf(a!)[0]!.map((p) => `${p[0]},${p[1]}`);
    expect(outer).toContain('-71.0893,42.3475'); // the notch in the west side, 60 m deep
    expect(outer).not.toContain('-71.0875,42.34901'); // 1 m off the north side
    expect(outer).not.toContain('-71.088,42.34501'); // 0.7 m off the south side
    // The 0.7 m wiggle on the shared edge goes in both tracts or in neither: no sliver between them.
    expect(sharedEdge(a!)).toEqual(sharedEdge(b!));
    expect(sharedEdge(a!)).toEqual(['-71.085,42.345', '-71.085,42.349']);
  });

  it('does not mutate its input', () => {
    const input = fixtureFeatures();
    const before = structuredClone(input);
    buildTractFeatures(input);
    expect(input).toEqual(before);
  });
});

describe('buildTracts', () => {
  /** A temporary source dir holding boston/census-tracts-2010.geojson with `text`, and an output dir next to it. */
  function sourceDirWith(text: string): { sourceDir: string; outDir: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'hrm-tracts-'));
    tempDirs.push(dir);
    const sourceDir = path.join(dir, 'source');
    mkdirSync(path.join(sourceDir, 'boston'), { recursive: true });
    writeFileSync(path.join(sourceDir, 'boston', 'census-tracts-2010.geojson'), text);
    return { sourceDir, outDir: path.join(dir, 'out') };
  }

  it('writes tracts.geojson that the app schema accepts, and a summary with the source, the total population and the rejects', async () => {
    const { sourceDir, outDir } = sourceDirWith(readFileSync(fixturePath, 'utf8'));
    const [summary] = await buildTracts({ sourceDir, outDir });
    const written = tractsFileSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'tracts.geojson'), 'utf8')));
    expect(written.features.map((f) => f.properties.geoid)).toEqual(['25025010405', '25025980101']);
    expect(summary).toMatchObject({
      dataset: 'census-tracts',
      outputs: ['tracts.geojson'],
      rowsRead: 3,
      rowsKept: 2,
      rejectedByReason: { 'population_est is missing or not a number': 1 },
      totals: { population: 7085 },
      rejectedFile: 'reports/census-tracts-rejected.json',
    });
    expect(summary?.source).toContain('boydnpb/park_access');
    expect(summary?.source).toContain('cbdf60dd233be81b40e13fd1d48c4014d0857c1a');
    expect(summary?.bbox).toEqual([-71.09, 42.34, -71.068, 42.349]);
    const report = JSON.parse(readFileSync(path.join(outDir, 'reports', 'census-tracts-rejected.json'), 'utf8')) as { line: number }[];
    expect(report.map((r) => r.line)).toEqual([3]);

    // Fixed source: the stale report goes away.
    const fixed = readFileSync(fixturePath, 'utf8').replace('"population_est":null', '"population_est":0');
    writeFileSync(path.join(sourceDir, 'boston', 'census-tracts-2010.geojson'), fixed);
    const [again] = await buildTracts({ sourceDir, outDir });
    expect(again).toMatchObject({ rowsKept: 3, rejectedByReason: {}, totals: { population: 7085 } });
    expect(again?.rejectedFile).toBeUndefined();
    expect(existsSync(path.join(outDir, 'reports', 'census-tracts-rejected.json'))).toBe(false);
  });

  it('throws naming the file when the source is not a FeatureCollection', async () => {
    const { sourceDir, outDir } = sourceDirWith('{"type":"Feature"}');
    await expect(buildTracts({ sourceDir, outDir })).rejects.toThrow(/census-tracts-2010\.geojson: not a GeoJSON FeatureCollection/);
  });
});
