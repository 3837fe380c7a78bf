// tracts.geojson decoding: fields and an inside point per tract, malformed files rejected naming the problem, the loader.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTractFeatures } from '../../../scripts/build-tracts';
import { loadTracts, parseTracts, TRACT_POPULATION_LABEL } from '../../../src/datasets/tracts';

const fixturePath = fileURLToPath(new URL('../../fixtures/tracts-sample.geojson', import.meta.url));
/** The generated file for the fixture, as `npm run data` writes it. */
function generated(): { type: 'FeatureCollection'; features: unknown[] } {
  const source = (JSON.parse(readFileSync(fixturePath, 'utf8')) as { features: unknown[] }).features;
  return JSON.parse(JSON.stringify({ type: 'FeatureCollection', features: buildTractFeatures(source).features })) as { type: 'FeatureCollection'; features: unknown[] };
}

afterEach(() => vi.unstubAllGlobals());

describe('parseTracts', () => {
  it('returns geoid, name, population, geometry and a centroid strictly inside each tract, [lng, lat]', () => {
    const tracts = parseTracts(generated());
    expect(tracts.map(({ geoid, name, population }) => ({ geoid, name, population }))).toEqual([
      { geoid: '25025010405', name: 'Census Tract 104.05', population: 4210 },
      { geoid: '25025980101', name: 'Census Tract 9801.01', population: 2875 },
    ]);
    for (const t of tracts) {
      expect(t.centroid[0]).toBeLessThan(-70); // longitude first
      expect(t.centroid[1]).toBeGreaterThan(42);
      expect(booleanPointInPolygon(t.centroid, t.geometry, { ignoreBoundary: true })).toBe(true);
    }
    expect(tracts[1]?.geometry.type).toBe('MultiPolygon');
  });

  it('rejects a missing, fractional or negative population, a bad geoid and a repeated geoid, naming where', () => {
    const withProps = (props: Record<string, unknown>) => {
      const file = generated();
      const f = file.features[1] as { properties: Record<string, unknown> };
      f.properties = { ...f.properties, ...props };
      return file;
    };
    expect(() => parseTracts(withProps({ population: undefined }))).toThrow(/at features\.1\.properties\.population/);
    expect(() => parseTracts(withProps({ population: 2.5 }))).toThrow(/features\.1\.properties\.population/);
    expect(() => parseTracts(withProps({ population: -1 }))).toThrow(/features\.1\.properties\.population/);
    expect(() => parseTracts(withProps({ geoid: '250259801' }))).toThrow(/geoid must be 11 digits/);
    expect(() => parseTracts(withProps({ geoid: '25025010405' }))).toThrow(/tract 25025010405 appears twice/);
    expect(() => parseTracts({ type: 'FeatureCollection' })).toThrow(/malformed tracts file at features/);
    const pointFile = generated();
    (pointFile.features[0] as { geometry: unknown }).geometry = { type: 'Point', coordinates: [-71.08, 42.35] };
    expect(() => parseTracts(pointFile)).toThrow(/features\.0\.geometry/);
  });

  it('names the population as an estimate', () => {
    expect(TRACT_POPULATION_LABEL).toBe('estimated residents (ACS, about 2015)');
  });
});

describe('loadTracts', () => {
  it('fetches and decodes the file; a malformed file is reported with its URL', async () => {
    const good = generated();
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(good), { status: 200 })));
    expect((await loadTracts('data/tracts.geojson')).map((t) => t.geoid)).toEqual(['25025010405', '25025980101']);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"type":"FeatureCollection","features":[{}]}', { status: 200 })));
    await expect(loadTracts('data/tracts.geojson')).rejects.toThrow(/^data\/tracts\.geojson: malformed tracts file at features\.0/);
  });
});
