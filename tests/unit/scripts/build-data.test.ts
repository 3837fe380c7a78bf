import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, formatSummary, resolveOutDir, resolveSourceDir } from '../../../scripts/build-data';
import type { DatasetSummary } from '../../../scripts/pipeline-report';
import { dataManifestSchema } from '../../../src/datasets/load-data';
import type { DataManifest } from '../../../src/datasets/load-data';
import { decodeNeedleColumns } from '../../../src/datasets/needle-table';

const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures');
const sourceDir = path.join(fixtures, 'source-dir');

/** Stand-ins for the basemap and zones steps (tested on their own), so this test only needs the fixture source dir. */
const stubSteps = {
  basemap: async () => [{ dataset: 'basemap-stub', outputs: [], rowsRead: 1, rowsKept: 1, rejectedByReason: {} }],
  zones: async () => [{ dataset: 'zones-stub', outputs: [], rowsRead: 2, rowsKept: 2, rejectedByReason: {} }],
};

describe('buildData on the fixture source dir', () => {
  let outDir: string;
  let manifest: DataManifest;
  const logged: string[] = [];
  const read = (file: string) => JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as unknown;
  const summary = (name: string) => manifest.datasets.find((d) => d.dataset === name)!;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'hrm-build-'));
    manifest = await buildData({ sourceDir, outDir, sitesCsv: path.join(fixtures, 'sites-bad.csv'), steps: stubSteps, log: (s) => logged.push(s) });
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes a manifest that passes its schema, listing every dataset in step order', () => {
    expect(dataManifestSchema.parse(read('manifest.json'))).toEqual(manifest);
    expect(manifest.datasets.map((d) => d.dataset)).toEqual([
      'needle-requests-2015',
      'needle-requests-points-2024-2026',
      'sites',
      'phone-services',
      'neighborhoods',
      'basemap-stub',
      'zones-stub',
      'geocoder (address points)',
      'census-tracts',
      'needle-aggregates',
    ]);
  });

  it('combines both 311 sources into one columnar file sorted by open date', () => {
    const table = decodeNeedleColumns(read('needle-requests.json'));
    expect(table.count).toBe(3 + 3);
    const dates = Array.from({ length: table.count }, (_, i) => table.get(i).openedDate);
    expect(dates).toEqual([...dates].sort());
    expect(manifest.needleDateRange).toEqual(['2015-05-15', '2026-03-30']);
  });

  it('gives every 311 request a stable unique id: the case id for CSV cases, a hash for the points', () => {
    const table = decodeNeedleColumns(read('needle-requests.json'));
    const rows = Array.from({ length: table.count }, (_, i) => table.get(i));
    expect(new Set(table.ids).size).toBe(table.count);
    expect(rows.filter((r) => r.caseId !== null).map((r) => r.id)).toEqual(rows.filter((r) => r.caseId !== null).map((r) => r.caseId));
    expect(rows.filter((r) => r.caseId !== null)).toHaveLength(3);
    for (const r of rows.filter((x) => x.caseId === null)) expect(r.id).toMatch(/^h-[0-9a-f]{16}$/);
    expect(logged).toContain('311 ids: 3 from case ids, 3 hashed (no case id), 0 with a -n suffix (same facts as another request)');
  });

  it('writes the same ids for the same requests on a second build', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'hrm-build-'));
    try {
      await buildData({ sourceDir, outDir: again, sitesCsv: path.join(fixtures, 'sites-bad.csv'), steps: stubSteps, log: () => {} });
      const first = decodeNeedleColumns(read('needle-requests.json'));
      const second = decodeNeedleColumns(JSON.parse(readFileSync(path.join(again, 'needle-requests.json'), 'utf8')));
      expect(second.ids).toEqual(first.ids);
      expect(Array.from({ length: second.count }, (_, i) => second.get(i))).toEqual(Array.from({ length: first.count }, (_, i) => first.get(i)));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('counts rows read, kept and rejected by reason for each source', () => {
    expect(summary('needle-requests-2015')).toMatchObject({ rowsRead: 13, rowsKept: 3, dateRange: ['2015-05-15', '2015-12-30'] });
    expect(summary('needle-requests-2015').rejectedByReason['test case']).toBe(1);
    expect(summary('needle-requests-points-2024-2026')).toMatchObject({ rowsRead: 7, rowsKept: 3 });
  });

  it('writes the rejected rows of each dataset as CSV with line, field, reason and raw', () => {
    const file = summary('needle-requests-2015').rejectedFile!;
    expect(file).toBe('reports/needle-requests-2015-rejected.csv');
    const lines = readFileSync(path.join(outDir, file), 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('line,field,reason,raw');
    expect(lines[1]).toMatch(/^5,closure_reason,test case,/);
  });

  it('writes sites as Point features, rejecting bad rows without stopping', () => {
    const fc = read('sites.geojson') as { features: { properties: { id: string; layer: string } }[] };
    expect(fc.features.map((f) => f.properties.id)).toEqual(['ok-site']);
    expect(summary('sites')).toMatchObject({ rowsRead: 8, rowsKept: 1, rejectedFile: 'reports/sites-rejected.csv' });
  });

  it('writes neighbourhoods with only a name property and rejects unnamed or non-polygon ones', () => {
    const fc = read('neighborhoods.geojson') as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features.map((f) => f.properties)).toEqual([{ name: 'South End' }, { name: 'Roxbury' }]);
    expect(summary('neighborhoods')).toMatchObject({ rowsRead: 4, rowsKept: 2 });
  });

  it('writes the census tracts and records their source and total estimated residents in the manifest', () => {
    const fc = read('tracts.geojson') as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features.map((f) => f.properties.geoid)).toEqual(['25025010405', '25025980101']);
    expect(summary('census-tracts')).toMatchObject({ rowsRead: 3, rowsKept: 2, totals: { population: 7085 } });
    expect(summary('census-tracts').source).toContain('boydnpb/park_access');
  });

  it('prints a summary table with the rejection reasons', () => {
    const text = logged.join('\n');
    expect(text).toMatch(/needle-requests-2015\s+13\s+3\s+10\s+2015-05-15 … 2015-12-30/);
    expect(text).toContain('default City Hall location (not a real place)');
  });
});

describe('buildData when sites.csv does not exist yet', () => {
  it('writes an empty sites collection and says so', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'hrm-build-'));
    const logged: string[] = [];
    try {
      await buildData({ sourceDir, outDir, sitesCsv: path.join(outDir, 'no-sites.csv'), steps: stubSteps, log: (s) => logged.push(s) });
      expect(JSON.parse(readFileSync(path.join(outDir, 'sites.geojson'), 'utf8'))).toEqual({ type: 'FeatureCollection', features: [] });
      expect(logged.join('\n')).toMatch(/no-sites\.csv does not exist yet: wrote an empty sites\.geojson/);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('buildData when a step fails', () => {
  it('still runs the other steps, then throws naming the failed step and writes no manifest', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'hrm-build-'));
    try {
      const steps = { ...stubSteps, basemap: async () => Promise.reject(new Error('streets file missing')) };
      await expect(buildData({ sourceDir, outDir, sitesCsv: path.join(fixtures, 'sites-good.csv'), steps, log: () => {} })).rejects.toThrow(
        /1 step\(s\) failed, manifest not written:\n {2}basemap: streets file missing/,
      );
      expect(existsSync(path.join(outDir, 'needle-requests.json'))).toBe(true);
      expect(existsSync(path.join(outDir, 'manifest.json'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

describe('resolveSourceDir / resolveOutDir', () => {
  it('uses HRM_DATA_DIR when it exists', () => {
    expect(resolveSourceDir({ HRM_DATA_DIR: sourceDir }, '/nowhere')).toBe(sourceDir);
  });

  it('says where it looked when HRM_DATA_DIR is not set and ../shared/data is missing', () => {
    const root = path.join(fixtures, 'source-dir', 'repo');
    expect(() => resolveSourceDir({}, root)).toThrow(/HRM_DATA_DIR is not set and the default .*shared\/data does not exist/);
  });

  it('names both places when HRM_DATA_DIR does not exist', () => {
    expect(() => resolveSourceDir({ HRM_DATA_DIR: '/no/such/dir' }, '/nowhere')).toThrow(/HRM_DATA_DIR=\/no\/such\/dir .* does not exist .*\/shared\/data/);
  });

  it('writes to public/data unless HRM_OUT_DIR says otherwise', () => {
    expect(resolveOutDir({}, '/repo')).toBe('/repo/public/data');
    expect(resolveOutDir({ HRM_OUT_DIR: '/tmp/out' }, '/repo')).toBe('/tmp/out');
  });
});

describe('formatSummary', () => {
  it('prints one aligned row per dataset and its reasons, most frequent first', () => {
    const d: DatasetSummary[] = [
      { dataset: 'a', outputs: [], rowsRead: 10, rowsKept: 7, rejectedByReason: { x: 1, y: 2 }, dateRange: ['2024-01-01', '2024-12-31'], bbox: [-71.1, 42.2, -71, 42.4] },
    ];
    const lines = formatSummary(d).split('\n');
    expect(lines[2]).toMatch(/^a\s+10\s+7\s+3\s+2024-01-01 … 2024-12-31\s+-71\.1000,42\.2000 … -71\.0000,42\.4000$/);
    expect(lines.slice(3)).toEqual(['         2  y', '         1  x']);
  });
});
