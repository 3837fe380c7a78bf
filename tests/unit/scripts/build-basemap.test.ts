// Tests for the basemap build on tiny hand-written fixtures (tests/fixtures/basemap mirrors ../shared/data).
// The pure geometry it uses is tested in tests/unit/geo (simplify, label-point, merge-lines, round-positions).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  buildBasemap,
  buildLand,
  parkClass,
  streetClass,
  type Areal,
  type LabelProperties,
  type LandProperties,
  type ParkProperties,
  type StreetProperties,
} from '../../../scripts/build-basemap';
import type { DatasetSummary } from '../../../scripts/pipeline-report';
import type { Rejected } from '../../../src/domain/rejection';

const sourceDir = path.resolve(import.meta.dirname, '../../fixtures/basemap');
let outDir = '';
let summaries: DatasetSummary[] = [];

async function readOutput<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(outDir, name), 'utf8')) as T;
}
const summaryOf = (dataset: string): DatasetSummary => {
  const summary = summaries.find((s) => s.dataset === dataset);
  if (!summary) throw new Error(`no summary for ${dataset}`);
  return summary;
};
const allPositions = (coordinates: unknown): Position[] =>
  Array.isArray(coordinates) && typeof coordinates[0] === 'number' ? [coordinates as Position] : (coordinates as unknown[]).flatMap(allPositions);

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'basemap-'));
  summaries = await buildBasemap({ sourceDir, outDir });
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('buildBasemap outputs', () => {
  it('writes the four files the app loads and one summary for each', async () => {
    const files = await readdir(outDir);
    expect(files).toEqual(expect.arrayContaining([
      'basemap-land.geojson', 'basemap-parks.geojson', 'basemap-streets.geojson', 'basemap-neighborhood-labels.geojson',
    ]));
    expect(summaries.map((s) => s.outputs[0]).sort()).toEqual([
      'basemap-land.geojson', 'basemap-neighborhood-labels.geojson', 'basemap-parks.geojson', 'basemap-streets.geojson',
    ]);
  });

  it('writes no coordinate with more than 5 decimals', async () => {
    for (const name of ['basemap-land.geojson', 'basemap-parks.geojson', 'basemap-streets.geojson', 'basemap-neighborhood-labels.geojson']) {
      const collection = await readOutput<FeatureCollection>(name);
      for (const feature of collection.features) {
        for (const [lng = 0, lat = 0] of allPositions((feature.geometry as LineString).coordinates)) {
          expect(Math.round(lng * 1e5) / 1e5).toBe(lng);
          expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
        }
      }
    }
  });
});

describe('land', () => {
  it('is the Boston neighbourhoods plus Cambridge, Somerville and Brookline, not the Boston outline', async () => {
    const land = await readOutput<FeatureCollection<Polygon | MultiPolygon, LandProperties>>('basemap-land.geojson');
    const names = land.features.map((f) => `${f.properties.kind}:${f.properties.name}`).sort();
    expect(names).toEqual(['city:Brookline', 'city:Cambridge', 'city:Somerville', 'neighborhood:Horseshoe', 'neighborhood:Tiny Quarter']);
  });

  it('closes rings that the source left open', async () => {
    const land = await readOutput<FeatureCollection<Polygon, LandProperties>>('basemap-land.geojson');
    const ring = land.features.find((f) => f.properties.name === 'Brookline')?.geometry.coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('rejects a neighbourhood with no name and one with a broken ring, and reports both', async () => {
    const summary = summaryOf('basemap-land');
    expect(summary).toMatchObject({ rowsRead: 7, rowsKept: 5 });
    expect(summary.rejectedByReason).toEqual({
      'properties.Name: missing name': 1,
      'geometry.coordinates.0: a polygon ring needs at least 4 positions': 1,
    });
    const rejected = await readOutput<Rejected[]>(summary.rejectedFile ?? '');
    expect(rejected.map((r) => r.line)).toEqual([3, 4]);
  });
});

describe('buildLand', () => {
  it('keeps the vertices two neighbourhoods share once rounded, even where their source coordinates differ slightly', () => {
    // A common edge along lng -71.08 with a slight bend at lat 42.31 (1.6 m, under the simplification tolerance);
    // the two sources disagree in the 7th decimal, as real neighbourhood files do.
    const west: Areal = {
      name: 'West', kind: 'neighborhood',
      polygons: [[[[-71.1, 42.3], [-71.0800001, 42.3], [-71.0799801, 42.31], [-71.0800001, 42.32], [-71.1, 42.32], [-71.1, 42.3]]]],
    };
    const east: Areal = {
      name: 'East', kind: 'neighborhood',
      polygons: [[[[-71.0799999, 42.3], [-71.06, 42.3], [-71.06, 42.32], [-71.0799999, 42.32], [-71.0799799, 42.31], [-71.0799999, 42.3]]]],
    };
    const land = buildLand([west, east], []);
    for (const feature of land.features) {
      expect(allPositions(feature.geometry.coordinates), feature.properties.name).toContainEqual([-71.07998, 42.31]);
    }
  });
});

describe('neighbourhood labels', () => {
  it('puts one label inside each neighbourhood and city, even a horseshoe whose centroid is outside', async () => {
    const labels = await readOutput<FeatureCollection<Point, LabelProperties>>('basemap-neighborhood-labels.geojson');
    const land = await readOutput<FeatureCollection<Polygon | MultiPolygon, LandProperties>>('basemap-land.geojson');
    expect(labels.features.map((f) => f.properties.name).sort()).toEqual(land.features.map((f) => f.properties.name).sort());
    for (const label of labels.features) {
      const area = land.features.find((f) => f.properties.name === label.properties.name);
      expect(area && booleanPointInPolygon(label.geometry, area, { ignoreBoundary: true }), label.properties.name).toBe(true);
    }
  });

  it('ranks small neighbourhoods 2 so they are labelled only when zoomed in', async () => {
    const labels = await readOutput<FeatureCollection<Point, LabelProperties>>('basemap-neighborhood-labels.geojson');
    const rank = (name: string) => labels.features.find((f) => f.properties.name === name)?.properties.rank;
    expect(rank('Tiny Quarter')).toBe(2);
    expect(rank('Horseshoe')).toBe(1);
    expect(rank('Cambridge')).toBe(1);
  });
});

describe('parks', () => {
  it('keeps only a name and a simple class', async () => {
    const parks = await readOutput<FeatureCollection<Polygon | MultiPolygon, ParkProperties>>('basemap-parks.geojson');
    expect(parks.features.map((f) => f.properties)).toEqual([
      { name: 'Ringer Playground', class: 'playground' },
      { name: 'Franklin Park', class: 'park' },
      { name: 'Post Office Square', class: 'plaza' },
      { class: 'wild' },
      { name: 'Dorchester North Burying Ground', class: 'cemetery' },
      { name: 'Berkeley Street Garden', class: 'garden' },
    ]);
  });

  it('counts an unknown type, a point geometry and a sub-metre speck as rejected', () => {
    expect(summaryOf('basemap-parks')).toMatchObject({
      rowsRead: 9,
      rowsKept: 6,
      rejectedByReason: {
        'TypeLong: unknown open-space type "Parking"': 1,
        'geometry.type: expected a Polygon or MultiPolygon': 1,
        'geometry: smaller than the map precision (about 1 m)': 1,
      },
    });
  });
});

describe('streets', () => {
  it('reads all four city files and keeps name and class only', async () => {
    const streets = await readOutput<FeatureCollection<LineString, StreetProperties>>('basemap-streets.geojson');
    const byName = new Map(streets.features.map((f) => [f.properties.name, f.properties]));
    expect(byName.get('Highland Avenue')).toEqual({ name: 'Highland Avenue', class: 'minor' });
    expect(byName.get('Beacon Street')).toEqual({ name: 'Beacon Street', class: 'secondary' });
    expect(byName.get('Albany Street')).toEqual({ name: 'Albany Street', class: 'secondary' });
    expect(byName.get('Topeka Street')).toEqual({ name: 'Topeka Street', class: 'minor' });
  });

  it('joins the ways of one street that meet end to end, but not separate pieces', async () => {
    const streets = await readOutput<FeatureCollection<LineString, StreetProperties>>('basemap-streets.geojson');
    const massAve = streets.features.filter((f) => f.properties.name === 'Massachusetts Avenue').map((f) => f.geometry.coordinates);
    expect(massAve).toHaveLength(2);
    expect(massAve).toContainEqual([[-71.08, 42.33], [-71.075, 42.333], [-71.07, 42.334]]);
  });

  it('drops vertices on a straight line', async () => {
    const streets = await readOutput<FeatureCollection<LineString, StreetProperties>>('basemap-streets.geojson');
    const southampton = streets.features.find((f) => f.properties.name === 'Southampton Street');
    expect(southampton?.geometry.coordinates).toEqual([[-71.065, 42.33], [-71.062, 42.3315]]);
  });

  it('counts rows read and kept, and rejects by reason', () => {
    expect(summaryOf('basemap-streets')).toMatchObject({
      rowsRead: 13,
      rowsKept: 9,
      rejectedByReason: {
        'properties.name: missing name': 1,
        'highway: not a drawn street class "footway"': 1,
        'geometry.coordinates: a LineString needs at least 2 positions': 1,
        'geometry: shorter than the map precision (about 1 m)': 1,
      },
    });
  });
});

describe('helpers', () => {
  it('maps OSM highway values to four classes', () => {
    expect(['primary', 'primary_link', 'secondary', 'tertiary', 'residential', 'unclassified', 'living_street', 'footway'].map(streetClass))
      .toEqual(['primary', 'primary', 'secondary', 'tertiary', 'minor', 'minor', 'minor', undefined]);
  });

  it('tells playgrounds from parks by name', () => {
    expect(parkClass('Parks, Playgrounds & Athletic Fields', 'Ringer Playground')).toBe('playground');
    expect(parkClass('Parks, Playgrounds & Athletic Fields', 'Franklin Park')).toBe('park');
    expect(parkClass('Something else', 'X')).toBeUndefined();
  });
});
