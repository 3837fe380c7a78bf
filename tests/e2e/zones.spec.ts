// Outreach zones: a zone drawn on the map persists across a reload and exports as valid GeoJSON; a file imports.
import { CITY_BBOX } from '../../src/config/city';
import { expect, test, type LngLat } from './support/driver';

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

/** Metres between two points (equirectangular; fine at city scale). */
function metresBetween(a: Position, b: Position): number {
  const [lng1 = 0, lat1 = 0] = a;
  const [lng2 = 0, lat2 = 0] = b;
  const x = ((lng2 - lng1) * Math.PI * 6_371_000 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180)) / 180;
  const y = ((lat2 - lat1) * Math.PI * 6_371_000) / 180;
  return Math.hypot(x, y);
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

test('a zone drawn on the map survives a reload and exports as valid GeoJSON', async ({ app }) => {
  test.setTimeout(90_000);
  await app.openMap();
  await app.openZonesPanel();
  const zonesBefore = await app.zoneCount();
  const renderedBefore = (await app.counts()).zones;

  await app.drawZone(TRIANGLE);
  expect(await app.zoneCount()).toBe(zonesBefore + 1);
  await expect.poll(async () => (await app.counts()).zones, { message: 'the new zone is drawn' }).toBeGreaterThan(renderedBefore);
  const renderedAfterDraw = (await app.counts()).zones;

  await app.reload();
  await app.openZonesPanel();
  await expect.poll(() => app.zoneCount(), { message: 'zones listed after the reload' }).toBe(zonesBefore + 1);
  await expect.poll(async () => (await app.counts()).zones, { message: 'zones drawn after the reload' }).toBe(renderedAfterDraw);

  const { filename, geojson } = await app.exportZones();
  expect(filename).toBe('outreach-zones.geojson');
  expect(geoJsonProblems(geojson)).toEqual([]);
  const [west, south, east, north] = CITY_BBOX;
  const drawn = outerRings(geojson).find(
    (ring) => ring.length === TRIANGLE.length + 1 && TRIANGLE.every((v) => ring.some((p) => metresBetween(p, v) < 60)),
  );
  expect(drawn, 'the exported file holds the drawn triangle (each vertex within 60 m)').toBeTruthy();
  for (const ring of outerRings(geojson)) {
    for (const [lng = NaN, lat = NaN] of ring) {
      expect(lng >= west - 0.3 && lng <= east + 0.3 && lat >= south - 0.3 && lat <= north + 0.3, `${lng},${lat} near Boston`).toBe(true);
    }
  }
});

test('a GeoJSON file of zones imports into the zones panel', async ({ app }) => {
  await app.openMap();
  await app.openZonesPanel();
  const before = await app.zoneCount();
  const name = 'Imported e2e zone';
  await app.importZones('zones.geojson', {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name, team: 'E2E', notes: 'imported by the e2e suite' },
        geometry: { type: 'Polygon', coordinates: [[...TRIANGLE, TRIANGLE[0]]] },
      },
    ],
  });
  await expect.poll(() => app.zoneCount(), { message: 'zones listed after the import' }).toBe(before + 1);
  expect((await app.zoneNames()).some((n) => n.includes(name))).toBe(true);
});
