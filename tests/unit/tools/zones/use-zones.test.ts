import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { addZones, nextZoneName, removeZone, replaceZone } from '../../../../src/tools/zones/use-zones';
import type { ZoneCollection } from '../../../../src/domain/zone';
import type { StoredZone as ZoneFeature } from '../../../../src/datasets/zone-store';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [[[-71.084, 42.329], [-71.08, 42.329], [-71.08, 42.332], [-71.084, 42.332], [-71.084, 42.329]]],
};
const zone = (id: string, name: string): ZoneFeature => ({
  type: 'Feature',
  id,
  geometry: square,
  properties: { id, name, team: '', notes: '', approximate: false, source: 'drawn by a user' },
});
const fc = (...features: ZoneFeature[]): ZoneCollection => ({ type: 'FeatureCollection', features });

describe('zone updaters', () => {
  it('addZones appends zones and never adds an id twice', () => {
    const before = fc(zone('a', 'A'));
    const after = addZones(before, [zone('b', 'B'), zone('a', 'A again')]);
    expect(after.features.map((f) => f.properties.name)).toEqual(['A', 'B']);
    expect(before.features).toHaveLength(1);
  });

  it('replaceZone swaps the zone with the same id and keeps the order', () => {
    const before = fc(zone('a', 'A'), zone('b', 'B'));
    const after = replaceZone(before, zone('a', 'Renamed'));
    expect(after.features.map((f) => f.properties.name)).toEqual(['Renamed', 'B']);
    expect(before.features[0]?.properties.name).toBe('A');
  });

  it('removeZone drops only that zone', () => {
    const before = fc(zone('a', 'A'), zone('b', 'B'));
    expect(removeZone(before, 'a').features.map((f) => f.properties.id)).toEqual(['b']);
    expect(before.features).toHaveLength(2);
  });

  it('nextZoneName picks the first "Zone N" after the count that is free', () => {
    expect(nextZoneName(fc())).toBe('Zone 1');
    expect(nextZoneName(fc(zone('a', 'A')))).toBe('Zone 2');
    expect(nextZoneName(fc(zone('a', 'Zone 2'), zone('b', 'Zone 3')))).toBe('Zone 4');
  });
});
