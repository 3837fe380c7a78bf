import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadJson, loadManifest, loadNeedleTable, loadSites, loadZones } from '../../../src/datasets/load-data';
import { encodeNeedleColumns } from '../../../src/datasets/needle-table';

/** Serves `files` (url -> body) through a stubbed global fetch; other URLs are 404. */
function serve(files: Record<string, string>) {
  vi.stubGlobal('fetch', async (url: string) =>
    url in files ? new Response(files[url], { status: 200 }) : new Response('nope', { status: 404, statusText: 'Not Found' }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const site = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-71.07, 42.33] },
  properties: {
    id, name: 'A site', kind: 'drop-in-center', layer: 'service', address: null, city: 'Boston', coordPrecision: 'address-point',
    openingHours: null, hoursNote: null, phone: null, services: [], languages: [], eligibility: null, wheelchair: null, source: 'fixture', lastVerified: '2026-01-01',
    ...extra,
  },
});
const square = [[[-71.08, 42.33], [-71.07, 42.33], [-71.07, 42.34], [-71.08, 42.34], [-71.08, 42.33]]];

describe('loadJson', () => {
  it('returns the parsed JSON', async () => {
    serve({ '/data/a.json': '{"a":1}' });
    await expect(loadJson('/data/a.json')).resolves.toEqual({ a: 1 });
  });

  it('names the file and the HTTP status when it is missing, and says how to build it', async () => {
    serve({});
    await expect(loadJson('/data/missing.json')).rejects.toThrow('/data/missing.json: HTTP 404 Not Found (run `npm run data` to generate it)');
  });

  it('names the file when it is not valid JSON', async () => {
    serve({ '/data/bad.json': '<html>' });
    await expect(loadJson('/data/bad.json')).rejects.toThrow(/^\/data\/bad\.json: not valid JSON/);
  });

  it('names the file when the request itself fails', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('network down');
    });
    await expect(loadJson('/data/a.json')).rejects.toThrow('/data/a.json: could not be fetched (network down)');
  });
});

describe('loadSites', () => {
  it('keeps valid site features and rejects bad ones with their position', async () => {
    const fc = { type: 'FeatureCollection', features: [site('a'), site('b', { kind: 'food-bank' }), { ...site('c'), geometry: null }] };
    serve({ '/s.geojson': JSON.stringify(fc) });
    const r = await loadSites('/s.geojson');
    expect(r.rows.map((f) => f.properties.id)).toEqual(['a']);
    expect(r.rejected.map((x) => [x.line, x.field])).toEqual([
      [2, 'properties.kind'],
      [3, 'geometry'],
    ]);
  });

  it('throws naming the file when it is not a FeatureCollection', async () => {
    serve({ '/s.geojson': '[]' });
    await expect(loadSites('/s.geojson')).rejects.toThrow('/s.geojson: not a GeoJSON FeatureCollection');
  });
});

describe('loadZones', () => {
  it('keeps Polygon and MultiPolygon zones, fills property defaults, and rejects other geometries', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: square }, properties: { id: 'z1', name: 'Zone 1' } },
        { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [square] }, properties: { id: 'z2', name: 'Zone 2', team: 'Outreach' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [-71, 42] }, properties: { id: 'z3', name: 'Zone 3' } },
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: square }, properties: { id: 'z4', name: ' ' } },
      ],
    };
    serve({ '/z.geojson': JSON.stringify(fc) });
    const r = await loadZones('/z.geojson');
    expect(r.rows.map((f) => f.properties.id)).toEqual(['z1', 'z2']);
    expect(r.rows[0]!.properties).toMatchObject({ team: '', notes: '', approximate: false });
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4]);
  });
});

describe('loadNeedleTable', () => {
  it('decodes the columnar file', async () => {
    const columns = encodeNeedleColumns([
      { id: '1', caseId: '1', openedDate: '2024-01-02', openedTime: null, closedDate: null, status: 'open', closureReason: null, neighborhood: null, street: null, zip: null, source: null, ward: null, coordinates: [-71.07, 42.33], dataset: 'd' },
    ]);
    serve({ '/n.json': JSON.stringify(columns) });
    const table = await loadNeedleTable('/n.json');
    expect(table.count).toBe(1);
    expect(table.get(0).caseId).toBe('1');
    expect(table.ids).toEqual(['1']);
  });

  it('names the file when it is malformed', async () => {
    serve({ '/n.json': '{"version":1}' });
    await expect(loadNeedleTable('/n.json')).rejects.toThrow(/^\/n\.json: malformed needle requests file/);
  });
});

describe('loadManifest', () => {
  const manifest = {
    generatedAt: '2026-04-01T00:00:00.000Z',
    sourceDir: '../shared/data',
    datasets: [{ dataset: 'sites', outputs: ['sites.geojson'], rowsRead: 2, rowsKept: 1, rejectedByReason: { 'bad kind': 1 }, rejectedFile: 'reports/sites-rejected.csv' }],
    needleDateRange: ['2015-05-15', '2026-03-30'],
  };

  it('returns the validated manifest', async () => {
    serve({ '/m.json': JSON.stringify(manifest) });
    await expect(loadManifest('/m.json')).resolves.toEqual(manifest);
  });

  it('names the file and the field when it is malformed', async () => {
    serve({ '/m.json': JSON.stringify({ ...manifest, datasets: [{ dataset: 'x' }] }) });
    await expect(loadManifest('/m.json')).rejects.toThrow(/^\/m\.json: malformed manifest at datasets\.0\.outputs/);
  });
});
