// Outreach zones: draw, edit, rename, delete, import (with a rejection list), export and reset; saved zones persist.
import { CITY_BBOX } from '../../src/config/city';
import { metresBetween, readDefaultZones } from './support/data-files';
import { expect, test } from './support/fixtures';
import type { LngLat } from './support/map-driver';
import type { ZonesDriver } from './support/zones-driver';

/** A small triangle over Dorchester Bay: on screen at the default view, clear of the panels and of site markers. */
const TRIANGLE: LngLat[] = [
  [-71.035, 42.305],
  [-71.015, 42.305],
  [-71.025, 42.318],
];

type Position = number[];

/** Problems that make `value` invalid GeoJSON (RFC 7946) for a FeatureCollection of (Multi)Polygon zones. */
function geoJsonProblems(value: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const checkPosition = (p: unknown, where: string) => {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      problems.push(`${where}: not a position`);
      return;
    }
    const [lng, lat] = p as [number, number];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) problems.push(`${where}: out of range (lat/lng swapped?)`);
  };
  const checkRing = (ring: unknown, where: string) => {
    if (!Array.isArray(ring) || ring.length < 4) {
      problems.push(`${where}: a linear ring needs at least 4 positions`);
      return;
    }
    ring.forEach((p, i) => checkPosition(p, `${where}[${i}]`));
    if (JSON.stringify(ring[0]) !== JSON.stringify(ring[ring.length - 1])) problems.push(`${where}: ring is not closed`);
  };
  if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
    return ['not a FeatureCollection with a features array'];
  }
  value.features.forEach((f: unknown, i) => {
    const where = `features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') return problems.push(`${where}: not a Feature`);
    if (!isObject(f.properties)) problems.push(`${where}: properties must be an object`);
    else if (typeof f.properties.name !== 'string' || f.properties.name.trim() === '') problems.push(`${where}: a zone needs a name`);
    const g = f.geometry;
    if (!isObject(g) || !Array.isArray(g.coordinates)) return problems.push(`${where}: no geometry`);
    if (g.type === 'Polygon') g.coordinates.forEach((r: unknown, j) => checkRing(r, `${where}.coordinates[${j}]`));
    else if (g.type === 'MultiPolygon') {
      g.coordinates.forEach((poly: unknown, k) => {
        if (!Array.isArray(poly)) problems.push(`${where}.coordinates[${k}]: not a polygon`);
        else poly.forEach((r: unknown, j) => checkRing(r, `${where}.coordinates[${k}][${j}]`));
      });
    } else problems.push(`${where}: geometry type ${String(g.type)} is not a zone polygon`);
    return undefined;
  });
  return problems;
}

/** Outer rings of every polygon in a FeatureCollection already checked by geoJsonProblems. */
function outerRings(fc: unknown): Position[][] {
  const features = (fc as { features: { geometry: { type: string; coordinates: unknown } }[] }).features;
  return features.flatMap((f) =>
    f.geometry.type === 'Polygon'
      ? [(f.geometry.coordinates as Position[][])[0] ?? []]
      : (f.geometry.coordinates as Position[][][]).map((p) => p[0] ?? []),
  );
}

/** The exported zones as { name, outer ring } pairs. */
async function exportedZones(zones: ZonesDriver): Promise<{ name: string; ring: Position[] }[]> {
  const { geojson } = await zones.export();
  expect(geoJsonProblems(geojson)).toEqual([]);
  const features = (geojson as { features: { properties: { name: string } }[] }).features;
  const rings = outerRings(geojson);
  return features.map((f, i) => ({ name: f.properties.name, ring: rings[i] ?? [] }));
}

/** True when `ring` has exactly the vertices of `polygon` (closed), each within `toleranceMetres`. */
function sameOutline(ring: Position[], polygon: LngLat[], toleranceMetres = 60): boolean {
  return ring.length === polygon.length + 1 && polygon.every((v) => ring.some((p) => metresBetween(p, v) < toleranceMetres));
}

function triangleFile(name: string) {
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name, team: 'E2E' }, geometry: { type: 'Polygon', coordinates: [[...TRIANGLE, TRIANGLE[0]]] } }],
  };
}

const DEFAULT_ZONE_NAMES = readDefaultZones().map((z) => z.name);

test('a zone drawn on the map survives a reload and exports as valid GeoJSON', async ({ map, zones }) => {
  test.setTimeout(90_000);
  await map.openMap();
  await zones.open();
  const zonesBefore = await zones.count();
  const renderedBefore = (await map.counts()).zones;

  await zones.draw(TRIANGLE);
  expect(await zones.count()).toBe(zonesBefore + 1);
  await expect.poll(async () => (await map.counts()).zones, { message: 'the new zone is drawn' }).toBe(renderedBefore + 1);

  await map.reload();
  await zones.open();
  await expect.poll(() => zones.count(), { message: 'zones listed after the reload' }).toBe(zonesBefore + 1);
  await expect.poll(async () => (await map.counts()).zones, { message: 'zones drawn after the reload' }).toBe(renderedBefore + 1);

  const { filename, geojson } = await zones.export();
  expect(filename).toBe('outreach-zones.geojson');
  expect(geoJsonProblems(geojson)).toEqual([]);
  const [west, south, east, north] = CITY_BBOX;
  const drawn = outerRings(geojson).find((ring) => sameOutline(ring, TRIANGLE));
  expect(drawn, 'the exported file holds the drawn triangle (each vertex within 60 m)').toBeTruthy();
  for (const ring of outerRings(geojson)) {
    for (const [lng = NaN, lat = NaN] of ring) {
      expect(lng >= west - 0.3 && lng <= east + 0.3 && lat >= south - 0.3 && lat <= north + 0.3, `${lng},${lat} near Boston`).toBe(true);
    }
  }
});

test('a GeoJSON file of zones imports into the zones panel', async ({ map, zones }) => {
  await map.openMap();
  await zones.open();
  const before = await zones.names();
  const name = 'Imported e2e zone';
  await zones.import('zones.geojson', triangleFile(name));
  await expect.poll(() => zones.names(), { message: 'zones listed after the import' }).toEqual([...before, name]);
  await expect.poll(() => zones.importResult()).toMatch(/1 zone added; 0 rejected/);
});

test('an import with a good and a bad feature adds the good one and lists the bad one with its reason, downloadable', async ({ map, zones }) => {
  await map.openMap();
  await zones.open();
  const before = await zones.names();
  const renderedBefore = (await map.counts()).zones;
  const good = { type: 'Feature', properties: { name: 'Good e2e zone' }, geometry: { type: 'Polygon', coordinates: [[...TRIANGLE, TRIANGLE[0]]] } };
  const bad = { type: 'Feature', properties: { name: 'Bad e2e line' }, geometry: { type: 'LineString', coordinates: TRIANGLE } };
  await zones.import('mixed.geojson', { type: 'FeatureCollection', features: [good, bad] });

  await expect.poll(() => zones.importResult(), { message: 'the import summary' }).toMatch(/1 zone added; 1 rejected/);
  expect(await zones.rejectedLines(), 'the bad feature, by its position in the file, with the reason').toEqual([
    expect.stringMatching(/^Feature 2: .*LineString is not a zone/),
  ]);
  await expect.poll(() => zones.names(), { message: 'only the good feature is added' }).toEqual([...before, 'Good e2e zone']);
  await expect.poll(async () => (await map.counts()).zones, { message: 'the good zone is drawn' }).toBe(renderedBefore + 1);

  const file = await zones.downloadRejected();
  expect(file.filename).toBe('mixed-rejected.json');
  const rejected = JSON.parse(file.text) as { line: number; reason: string; raw: string }[];
  expect(rejected, 'the downloaded rejection list').toEqual([
    expect.objectContaining({ line: 2, reason: expect.stringMatching(/LineString is not a zone/) }),
  ]);
  expect(JSON.parse(rejected[0]!.raw), 'the rejected feature, as it was in the file').toEqual(bad);
});

test('a zone can be renamed; the new name is saved, exported and survives a reload', async ({ map, zones }) => {
  await map.openMap();
  await zones.open();
  const [first] = DEFAULT_ZONE_NAMES;
  if (!first) throw new Error('no default zone');
  await zones.rename(first, 'Renamed e2e zone');
  const renamed = DEFAULT_ZONE_NAMES.map((n) => (n === first ? 'Renamed e2e zone' : n));
  await expect.poll(() => zones.names(), { message: 'the list shows the new name in place' }).toEqual(renamed);
  await expect.poll(() => zones.status()).toContain('Renamed to “Renamed e2e zone”');
  expect((await exportedZones(zones)).map((z) => z.name)).toEqual(renamed);

  await map.reload();
  await zones.open();
  await expect.poll(() => zones.names(), { message: 'the new name after a reload' }).toEqual(renamed);
});

test('an empty name is refused and the zone keeps its name', async ({ map, zones }) => {
  await map.openMap();
  await zones.open();
  const [first] = DEFAULT_ZONE_NAMES;
  if (!first) throw new Error('no default zone');
  await zones.rename(first, '   ');
  await expect.poll(() => zones.renameErrors(), { message: 'the name field says why' }).toEqual(['A zone needs a name.']);
  await zones.pressEscape();
  await expect.poll(() => zones.names()).toEqual(DEFAULT_ZONE_NAMES);
  expect(await zones.savedZones(), 'nothing saved').toBeNull();
});

test('deleting a zone asks first; confirmed, it leaves the list and the map, and stays deleted after a reload', async ({ map, zones }) => {
  await map.openMap();
  await zones.open();
  const [first, ...rest] = DEFAULT_ZONE_NAMES;
  if (!first) throw new Error('no default zone');
  const renderedBefore = (await map.counts()).zones;

  await zones.delete(first, false);
  expect(await zones.names(), 'Cancel keeps the zone').toEqual(DEFAULT_ZONE_NAMES);

  await zones.delete(first, true);
  await expect.poll(() => zones.names(), { message: 'the zone left the list' }).toEqual(rest);
  await expect.poll(() => zones.status()).toContain(`Zone “${first}” deleted.`);
  await expect.poll(async () => (await map.counts()).zones, { message: 'the zone left the map' }).toBe(renderedBefore - 1);

  await map.reload();
  await zones.open();
  await expect.poll(() => zones.names(), { message: 'still deleted after a reload' }).toEqual(rest);
  await expect.poll(async () => (await map.counts()).zones).toBe(renderedBefore - 1);
});

test('reset to defaults brings back the default zones and forgets the saved ones', async ({ map, zones }) => {
  await map.openMap();
  await zones.open();
  expect(await zones.canReset(), 'nothing to reset while the defaults show').toBe(false);
  const renderedBefore = (await map.counts()).zones;
  await zones.import('zones.geojson', triangleFile('Imported e2e zone'));
  const [first] = DEFAULT_ZONE_NAMES;
  await zones.delete(first!, true);
  await expect.poll(() => zones.names()).toEqual([...DEFAULT_ZONE_NAMES.slice(1), 'Imported e2e zone']);
  expect(await zones.savedZones(), 'the changes are saved').not.toBeNull();

  expect(await zones.canReset()).toBe(true);
  await zones.resetToDefaults();
  await expect.poll(() => zones.names(), { message: 'the defaults are back' }).toEqual(DEFAULT_ZONE_NAMES);
  await expect.poll(async () => (await map.counts()).zones, { message: 'the defaults are drawn' }).toBe(renderedBefore);
  await expect.poll(() => zones.status()).toContain('Default zones restored.');
  await expect.poll(() => zones.savedZones(), { message: 'saved zones forgotten' }).toBeNull();
  expect(await zones.canReset()).toBe(false);

  await map.reload();
  await zones.open();
  await expect.poll(() => zones.names(), { message: 'defaults after a reload' }).toEqual(DEFAULT_ZONE_NAMES);
});

test('editing an outline: a dragged corner is saved; cancelling leaves the outline as it was; the zone stays drawn', async ({ map, zones }) => {
  test.setTimeout(90_000);
  // Close in on the triangle so a corner is many pixels from the others.
  await map.openMap('#map=14.00/42.31000/-71.02500');
  await zones.open();
  const name = 'Edited e2e zone';
  await zones.import('zones.geojson', triangleFile(name));
  await expect.poll(() => zones.names()).toContain(name);
  const rendered = (await map.counts()).zones;

  await test.step('enter editing and cancel: the outline is unchanged and drawn again', async () => {
    await zones.startEditing(name);
    await expect.poll(() => zones.status()).toContain(`Editing “${name}”`);
    await zones.cancelEditing();
    await expect.poll(async () => (await map.counts()).zones, { message: 'the zone is drawn after editing' }).toBe(rendered);
    const zone = (await exportedZones(zones)).find((z) => z.name === name);
    expect(zone && sameOutline(zone.ring, TRIANGLE), 'the outline is unchanged').toBe(true);
  });

  await test.step('drag a corner and save: the outline has the moved corner', async () => {
    const moved: LngLat = [-71.028, 42.322];
    const expectedOutline: LngLat[] = [TRIANGLE[0]!, TRIANGLE[1]!, moved];
    await zones.startEditing(name);
    await zones.dragCorner(TRIANGLE[2]!, moved);
    await zones.saveEditing();
    await expect.poll(() => zones.status()).toContain(`Outline of “${name}” saved.`);
    await expect.poll(async () => (await map.counts()).zones, { message: 'the zone is drawn after saving' }).toBe(rendered);
    const zone = (await exportedZones(zones)).find((z) => z.name === name);
    expect(zone?.ring, 'the saved outline has the moved corner').toBeDefined();
    expect(sameOutline(zone!.ring, expectedOutline, 30), `outline ${JSON.stringify(zone!.ring)}`).toBe(true);

    await map.reload();
    await zones.open();
    const reloaded = (await exportedZones(zones)).find((z) => z.name === name);
    expect(reloaded && sameOutline(reloaded.ring, expectedOutline, 30), 'the moved corner after a reload').toBe(true);
  });
});

test('unreadable saved zones: a warning says so and the default zones are listed and drawn', async ({ map, zones }) => {
  await zones.seedSavedZones('{"version":1,"zones":{"type":"FeatureColl');
  await map.openMap();
  await zones.open();
  await expect.poll(() => zones.warning(), { message: 'the warning above the list' }).toMatch(/saved zones could not be read.*default zones are shown/);
  await expect.poll(() => zones.names(), { message: 'the defaults are listed' }).toEqual(DEFAULT_ZONE_NAMES);
  await expect.poll(async () => (await map.counts()).zones, { message: 'the defaults are drawn' }).toBe(DEFAULT_ZONE_NAMES.length);
});
