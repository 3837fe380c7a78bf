import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanClockwise, booleanPointInPolygon, distance, point } from '@turf/turf';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildOutreachZones,
  buildZoneFeatures,
  OUTREACH_ZONE_DEFINITIONS,
  type OutreachZoneDefinition,
} from '../../../scripts/build-zones';
import { zonePropertiesSchema } from '../../../src/domain/zone';
import type { StreetCollection } from '../../../src/geo/street-geocode';

// Synthetic grid: x steps of 0.0012° lng, y steps of 0.0009° lat from (-71.0750, 42.3300).
const fixturePath = fileURLToPath(new URL('../../fixtures/streets-mini.geojson', import.meta.url));
const loadStreets = (): StreetCollection => JSON.parse(readFileSync(fixturePath, 'utf8')) as StreetCollection;
const grid = (x: number, y: number): [number, number] => [-71.075 + x * 0.0012, 42.33 + y * 0.0009];

const massCass: OutreachZoneDefinition = {
  id: 'mass-cass',
  name: 'Mass Ave / Melnea Cass',
  team: '',
  centres: [{ street: 'Mass Ave', crossStreet: 'Melnea Cass Blvd' }, { street: 'Southampton St', crossStreet: 'Atkinson St' }],
  radiusMeters: 100,
  source: 'test',
  context: 'Test zone.',
};

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('buildZoneFeatures', () => {
  it('draws a polygon that covers every centre and the radius around it', () => {
    const { features, rejected } = buildZoneFeatures(loadStreets(), [massCass]);
    expect(rejected).toEqual([]);
    const zone = features[0];
    if (!zone) throw new Error('no zone built');
    const [anchor, other] = [grid(2, 0), grid(3, 2)];
    expect(booleanPointInPolygon(point(anchor), zone)).toBe(true);
    expect(booleanPointInPolygon(point(other), zone)).toBe(true);
    // 90 m north of the anchor is inside, 130 m west of it is outside (radius 100 m).
    expect(booleanPointInPolygon(point([anchor[0], anchor[1] - 0.00081]), zone)).toBe(true);
    expect(booleanPointInPolygon(point([anchor[0] - 0.00158, anchor[1]]), zone)).toBe(false);
    expect(distance(point(anchor), point([anchor[0] - 0.00158, anchor[1]]), { units: 'meters' })).toBeGreaterThan(120);
  });

  it('labels every zone approximate with its team, source and radius in the notes', () => {
    const { features } = buildZoneFeatures(loadStreets(), [{ ...massCass, team: 'Street Outreach Team' }]);
    const props = zonePropertiesSchema.parse(features[0]?.properties);
    expect(props).toMatchObject({ id: 'mass-cass', approximate: true, team: 'Street Outreach Team', source: 'test' });
    expect(props.notes).toContain('Approximate area around Mass Ave / Melnea Cass Blvd');
    expect(props.notes).toContain('100 m');
    expect(features[0]?.id).toBe('mass-cass');
  });

  it('writes outer rings counter-clockwise (RFC 7946)', () => {
    const ring = buildZoneFeatures(loadStreets(), [massCass]).features[0]?.geometry.coordinates[0] ?? [];
    expect(ring.length).toBeGreaterThan(3);
    expect(booleanClockwise(ring)).toBe(false);
  });

  it('rejects a zone whose streets never meet instead of drawing part of it', () => {
    const broken: OutreachZoneDefinition = { ...massCass, id: 'broken', centres: [...massCass.centres, { street: 'Warren Street', crossStreet: 'Dudley Street' }] };
    const { features, rejected } = buildZoneFeatures(loadStreets(), [broken]);
    expect(features).toEqual([]);
    expect(rejected).toEqual([{ zone: 'broken', reason: 'centre not found in the street data', detail: 'Warren Street / Dudley Street' }]);
  });

  it('does not mutate the streets or the definitions', () => {
    const streets = loadStreets();
    const before = JSON.stringify([streets, massCass]);
    buildZoneFeatures(streets, [massCass]);
    expect(JSON.stringify([streets, massCass])).toBe(before);
  });
});

describe('buildOutreachZones', () => {
  it('writes outreach-zones.geojson and a report of the zones it could not build', async () => {
    const sourceDir = mkdtempSync(path.join(tmpdir(), 'zones-src-'));
    const outDir = mkdtempSync(path.join(tmpdir(), 'zones-out-'));
    tempDirs.push(sourceDir, outDir);
    mkdirSync(path.join(sourceDir, 'basemap'));
    copyFileSync(fixturePath, path.join(sourceDir, 'basemap', 'streets-boston.geojson'));

    // The default table on the mini grid: Mass/Cass resolves; Nubian (Warren × Dudley) and Newmarket
    // (Newmarket Square × Southampton) do not exist in the fixture.
    const [summary] = await buildOutreachZones({ sourceDir, outDir });
    expect(summary).toMatchObject({
      dataset: 'outreach-zones',
      outputs: ['outreach-zones.geojson'],
      rowsRead: OUTREACH_ZONE_DEFINITIONS.length,
      rowsKept: 1,
      rejectedByReason: { 'centre not found in the street data': 2 },
      rejectedFile: 'reports/outreach-zones-rejected.json',
    });
    const written = JSON.parse(readFileSync(path.join(outDir, 'outreach-zones.geojson'), 'utf8')) as {
      features: { properties: unknown; geometry: { type: string } }[];
    };
    expect(written.features.map((f) => zonePropertiesSchema.parse(f.properties).id)).toEqual(['mass-cass']);
    expect(written.features[0]?.geometry.type).toBe('Polygon');
    expect(existsSync(path.join(outDir, 'reports', 'outreach-zones-rejected.json'))).toBe(true);
  });
});
