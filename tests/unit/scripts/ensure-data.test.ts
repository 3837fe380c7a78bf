import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from '../../../scripts/ensure-data';
import { DATA_FILES } from '../../../src/config/city';
import { NEEDLE_COLUMNS_VERSION } from '../../../src/domain/needle-request';

describe('staleReason', () => {
  let dir: string;
  const manifest = (outputs: string[]) =>
    JSON.stringify({ generatedAt: 'x', sourceDir: 'y', datasets: [{ dataset: 'd', outputs, rowsRead: 0, rowsKept: 0, rejectedByReason: {} }], needleDateRange: null });

  /** Every file the app loads, as placeholders (the 311 file of the current version). */
  const writeDataFiles = () => {
    for (const file of Object.values(DATA_FILES)) writeFileSync(path.join(dir, path.basename(file)), '{}');
    writeFileSync(path.join(dir, 'needle-requests.json'), JSON.stringify({ version: NEEDLE_COLUMNS_VERSION }));
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hrm-ensure-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks for a build when the manifest is missing', () => {
    expect(staleReason(dir, [])).toMatch(/manifest\.json is missing$/);
  });

  it('asks for a build when the manifest is truncated or malformed', () => {
    writeFileSync(path.join(dir, 'manifest.json'), '{"generatedAt":');
    expect(staleReason(dir, [])).toMatch(/manifest\.json is malformed$/);
  });

  it('asks for a build when a curated file is newer than the manifest', () => {
    writeFileSync(path.join(dir, 'manifest.json'), manifest([]));
    const sites = path.join(dir, 'sites.csv');
    writeFileSync(sites, 'id\n');
    utimesSync(path.join(dir, 'manifest.json'), new Date(1000), new Date(1000));
    expect(staleReason(dir, [sites])).toMatch(/sites\.csv changed since the last build$/);
  });

  it('asks for a build when a listed output is missing', () => {
    writeFileSync(path.join(dir, 'manifest.json'), manifest(['sites.geojson']));
    expect(staleReason(dir, [])).toBe('sites.geojson is missing');
  });

  it('asks for a build when a file the app loads is missing, though the old manifest does not list it', () => {
    writeDataFiles();
    rmSync(path.join(dir, 'walk-graph.json'));
    writeFileSync(path.join(dir, 'manifest.json'), manifest(['sites.geojson']));
    expect(staleReason(dir, [])).toBe('walk-graph.json is missing');
  });

  it('asks for a build when the 311 file is of an older version (made before the id column)', () => {
    writeDataFiles();
    writeFileSync(path.join(dir, 'needle-requests.json'), JSON.stringify({ version: 1 }));
    writeFileSync(path.join(dir, 'manifest.json'), manifest(['needle-requests.json']));
    expect(staleReason(dir, [])).toBe(`needle-requests.json is version 1, the app reads version ${NEEDLE_COLUMNS_VERSION}`);
    writeFileSync(path.join(dir, 'needle-requests.json'), JSON.stringify({ version: NEEDLE_COLUMNS_VERSION }));
    expect(staleReason(dir, [])).toBeNull();
  });

  it('asks for a build when the 311 file is truncated', () => {
    writeDataFiles();
    writeFileSync(path.join(dir, 'needle-requests.json'), '{"version":');
    writeFileSync(path.join(dir, 'manifest.json'), manifest(['needle-requests.json']));
    expect(staleReason(dir, [])).toBe('needle-requests.json is malformed');
  });

  it('says the data is up to date otherwise', () => {
    writeDataFiles();
    writeFileSync(path.join(dir, 'manifest.json'), manifest(['sites.geojson']));
    expect(staleReason(dir, [path.join(dir, 'no-such-file.csv')])).toBeNull();
  });
});
