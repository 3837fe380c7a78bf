// A broken data file never breaks the app: a message names the file and why, and everything else still draws.
import { DATA_FILES } from '../../src/config/city';
import { expect, test } from './support/fixtures';

test('a missing 311 file and a sites file with a bad row: clear messages, the rest of the map still draws', async ({ map }) => {
  await map.breakDataFile(DATA_FILES.needleRequests, 404, 'not found');
  // One good site and one with latitude out of range.
  const site = (id: string, lat: number) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-71.066, lat] },
    properties: {
      id, name: `Test ${id}`, kind: 'drop-off', layer: 'disposal', address: null, city: 'Boston', coordPrecision: 'street',
      openingHours: null, hoursNote: null, phone: null, services: [], languages: [], eligibility: null, wheelchair: null, source: 'test', lastVerified: '2026-11-25',
    },
  });
  await map.breakDataFile(DATA_FILES.sites, 200, JSON.stringify({ type: 'FeatureCollection', features: [site('good-site', 42.331), site('bad-site', 142.3)] }));
  await map.openMap('#map=14.00/42.33100/-71.06600');

  const message = await map.dataProblems();
  expect(message).toContain(DATA_FILES.needleRequests);
  expect(message).toMatch(/404/);
  expect(message).toContain(DATA_FILES.sites);
  expect(message).toMatch(/#2/);
  expect(message).toMatch(/Download the skipped rows/);

  await expect.poll(async () => (await map.counts()).disposal, { message: 'the valid site is drawn' }).toBe(1);
  await expect.poll(async () => (await map.counts()).zones, { message: 'zones still drawn' }).toBeGreaterThan(0);
  expect(map.consoleErrors().filter((e) => !/404|Failed to load resource/.test(e)), 'no errors beyond the 404 itself').toEqual([]);
});
