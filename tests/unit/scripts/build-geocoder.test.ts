import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildGeocoder,
  buildGeocoderIndex,
  HOLDOUT_FILE,
  isHeldOut,
  parseAddressPointsCsv,
  parseHouseNumber,
} from '../../../scripts/build-geocoder';
import { parseGeocoderIndex } from '../../../src/datasets/geocoder-index';
import { createGeocoder } from '../../../src/geo/geocoder';
import { GEOCODER_FIXTURE_DIR, geocoderFixtureSources } from '../../fixtures/geocoder/fixture-sources';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The fixture laid out as a shared-data folder (the address CSV gzipped, as in ../shared/data). */
export function fixtureSourceDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'geocoder-src-'));
  tempDirs.push(dir);
  cpSync(path.join(GEOCODER_FIXTURE_DIR, 'boston'), path.join(dir, 'boston'), { recursive: true });
  cpSync(path.join(GEOCODER_FIXTURE_DIR, 'basemap'), path.join(dir, 'basemap'), { recursive: true });
  mkdirSync(path.join(dir, 'boston', 'addresses'), { recursive: true });
  writeFileSync(
    path.join(dir, 'boston', 'addresses', 'boston-311-address-points-2013-2023.csv.gz'),
    gzipSync(readFileSync(path.join(GEOCODER_FIXTURE_DIR, 'addresses.csv'))),
  );
  return dir;
}

describe('parseHouseNumber', () => {
  it.each([
    ['22', { number: 22, numberTo: 22 }],
    ['20-26', { number: 20, numberTo: 26 }],
    ['1884-1876', { number: 1876, numberTo: 1884 }],
    ['12A', { number: 12, numberTo: 12 }],
    ['10-500', { number: 10, numberTo: 10 }],
    ['27hf', null],
    ['1205-P', null],
    ['111-121&', null],
  ])('%s', (text, expected) => {
    expect(parseHouseNumber(text)).toEqual(expected);
  });
});

describe('parseAddressPointsCsv', () => {
  const parsed = parseAddressPointsCsv(readFileSync(path.join(GEOCODER_FIXTURE_DIR, 'addresses.csv'), 'utf8'));

  it('keeps house-numbered rows with postal city and ZIP, and the City intersections', () => {
    expect(parsed.anchors).toHaveLength(13);
    expect(parsed.anchors[0]).toMatchObject({ numberText: '10', street: 'Wolcott St', streetKey: 'wolcott street', zip: '02121', postalCity: 'Dorchester' });
    expect(parsed.intersections).toEqual([
      expect.objectContaining({ streetA: 'Wolcott St', streetB: 'Massachusetts Ave', postalCity: 'Dorchester', lngLat: [-71.07502, 42.30302] }),
    ]);
  });

  it('rejects odd numbers, rows without coordinates and street-only rows, each with its reason', () => {
    expect(parsed.rejected.map((r) => r.reason).sort()).toEqual(['missing coordinates', 'no house number or intersection', 'odd house number']);
    expect(parsed.rejected.every((r) => r.line >= 2 && r.raw.includes('Wolcott'))).toBe(true);
  });
});

describe('buildGeocoderIndex', () => {
  it('merges duplicate rows of one address into one point at their median', () => {
    const { index, stats } = buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 0 });
    expect(stats.anchorsMerged).toBe(1);
    const twenties = index.addresses.number.flatMap((n, i) => (n === 20 && index.areas.name[index.addresses.area[i]!] === 'Dorchester' ? [i] : []));
    expect(twenties).toHaveLength(1);
    expect(index.addresses.lngLat[2 * twenties[0]! + 1]).toBeCloseTo(42.30311, 6);
  });

  it('splits same-named streets into separate runs per place and one street row per neighbourhood', () => {
    const { index } = buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 0 });
    const wolcott = index.streets.name.flatMap((n, i) => (n === 'Wolcott Street' ? [i] : []));
    expect(wolcott.map((i) => index.areas.name[index.streets.area[i]!]).sort()).toEqual(['Dorchester', 'Hyde Park']);
    expect(new Set(wolcott.map((i) => index.streets.run[i])).size).toBe(2);
  });

  it('finds crossings at nodes shared by differently named streets', () => {
    const { index } = buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 0 });
    const named = index.intersections.a.map((a, i) => [index.streets.name[a], index.streets.name[index.intersections.b[i]!]].sort().join(' & '));
    expect(named).toContain('Massachusetts Avenue & Melnea Cass Boulevard');
    expect(named).toContain('E Street & Wolcott Street');
    expect(named.filter((n) => n === 'Massachusetts Avenue & Wolcott Street')).toHaveLength(2); // the City's point and the OSM node
  });

  it('holds out every address whose key hashes into the sample, and only those', () => {
    const keys = ['10', '20', '22', '30', '30-34', '40', '60', '11', '21', '51'].map((n) => `${n}|wolcott street`);
    const every = [2, 3, 4, 5, 6, 7].find((e) => keys.some((k) => isHeldOut(k, e)) && !keys.every((k) => isHeldOut(k, e)))!;
    const { index, holdout } = buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: every });
    const heldKeys = keys.filter((k) => isHeldOut(k, every));
    expect(heldKeys.length).toBeGreaterThan(0);
    const heldAddresses = holdout.filter((h) => h.kind === 'address');
    for (const h of heldAddresses) {
      expect(h.queryFull).toMatch(/^\S+ Wolcott St, (Dorchester|Hyde Park), MA 021(21|36)$/);
      const n = Number(h.query.split(/[ -]/)[0]);
      const inIndex = index.addresses.number.some((x, i) => x === n && Math.abs(index.addresses.lngLat[2 * i]! - h.lngLat[0]) < 1e-6);
      expect(inIndex, `${h.query} must not be in the index`).toBe(false);
    }
    expect(heldAddresses.length).toBeGreaterThanOrEqual(heldKeys.length);
  });

  it('does not change its inputs', () => {
    const src = geocoderFixtureSources();
    const before = structuredClone(src);
    buildGeocoderIndex(src, { holdoutEvery: 3 });
    expect(src).toEqual(before);
  });
});

describe('buildGeocoder (pipeline step)', () => {
  it('writes the index the app parses, the holdout CSV and the rejected rows, and reports its counts', async () => {
    const sourceDir = fixtureSourceDir();
    const outDir = mkdtempSync(path.join(tmpdir(), 'geocoder-out-'));
    tempDirs.push(outDir);
    const logged: string[] = [];
    const [summary] = await buildGeocoder({ sourceDir, outDir, log: (s) => logged.push(s) });
    expect(summary).toMatchObject({ dataset: 'geocoder (address points)', outputs: ['geocoder-index.json', HOLDOUT_FILE], rowsRead: 17, rowsKept: 14 });
    expect(summary?.rejectedByReason).toEqual({ 'missing coordinates': 1, 'odd house number': 1, 'no house number or intersection': 1 });
    expect(logged.join('\n')).toMatch(/geocoder: \d+ streets .* KB gzipped/);
    const index = parseGeocoderIndex(readFileSync(path.join(outDir, 'geocoder-index.json'), 'utf8'));
    expect(createGeocoder(index).geocode('40 Wolcott St, Dorchester')?.precision).toBe('address-point');
    expect(readFileSync(path.join(outDir, HOLDOUT_FILE), 'utf8').split('\n')[0]).toBe('kind,query,query_full,neighborhood,lng,lat,rows');
    expect(existsSync(path.join(outDir, 'reports', 'geocoder-address-points-rejected.csv'))).toBe(true);
  });

  it('builds without the address file (a note, streets only) and fails without neighbourhoods', async () => {
    const sourceDir = fixtureSourceDir();
    rmSync(path.join(sourceDir, 'boston', 'addresses'), { recursive: true });
    const outDir = mkdtempSync(path.join(tmpdir(), 'geocoder-out-'));
    tempDirs.push(outDir);
    const logged: string[] = [];
    await buildGeocoder({ sourceDir, outDir, log: (s) => logged.push(s) });
    expect(logged.some((l) => l.startsWith('note: geocoder: no boston/addresses/'))).toBe(true);
    const index = parseGeocoderIndex(readFileSync(path.join(outDir, 'geocoder-index.json'), 'utf8'));
    expect(index.addresses.number).toEqual([]);
    expect(createGeocoder(index).geocode('Wolcott St')?.precision).toBe('street');
    copyFileSync(path.join(sourceDir, 'boston', 'neighborhoods.geojson'), path.join(outDir, 'keep.geojson'));
    rmSync(path.join(sourceDir, 'boston', 'neighborhoods.geojson'));
    await expect(buildGeocoder({ sourceDir, outDir, log: () => {} })).rejects.toThrow(/neighborhoods\.geojson is missing/);
  });
});
