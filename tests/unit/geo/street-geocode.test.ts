import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  normalizeStreetName,
  placeOnStreet,
  streetIntersections,
  streetRuns,
  type StreetCollection,
} from '../../../src/geo/street-geocode';

// Synthetic grid: x steps of 0.0012° lng, y steps of 0.0009° lat from (-71.0750, 42.3300).
const fixturePath = fileURLToPath(new URL('../../fixtures/streets-mini.geojson', import.meta.url));
const loadStreets = (): StreetCollection => JSON.parse(readFileSync(fixturePath, 'utf8')) as StreetCollection;
const grid = (x: number, y: number): [number, number] => [
  Number((-71.075 + x * 0.0012).toFixed(6)),
  Number((42.33 + y * 0.0009).toFixed(6)),
];

describe('normalizeStreetName', () => {
  it('treats abbreviations, case and punctuation as the same name', () => {
    expect(normalizeStreetName('Melnea Cass Blvd.')).toBe('melnea cass boulevard');
    expect(normalizeStreetName('ATKINSON ST')).toBe('atkinson street');
    expect(normalizeStreetName('Mass Ave')).toBe('massachusetts avenue');
    expect(normalizeStreetName('  Newmarket   Sq ')).toBe('newmarket square');
  });
});

describe('placeOnStreet', () => {
  it('returns the shared vertex of two streets when a cross street is given', () => {
    const placed = placeOnStreet(loadStreets(), 'Mass Ave', { crossStreet: 'Melnea Cass Blvd' });
    expect(placed).toEqual({ coordinates: grid(2, 0), precision: 'intersection' });
  });

  it('returns null when the two streets never meet', () => {
    expect(placeOnStreet(loadStreets(), 'Atkinson Street', { crossStreet: 'Dudley Street' })).toBeNull();
  });

  it('returns null for a street name that is not in the data', () => {
    expect(placeOnStreet(loadStreets(), 'Nowhere Lane')).toBeNull();
  });

  it('places a street without a cross street at the midpoint of its longest connected run', () => {
    // Washington Street: a short run at y=-2 and a longer 3-way run at y=-4 from x=0 to x=4.
    const placed = placeOnStreet(loadStreets(), 'Washington St');
    expect(placed?.precision).toBe('street');
    expect(placed?.coordinates[0]).toBeCloseTo(grid(2, -4)[0], 6);
    expect(placed?.coordinates[1]).toBeCloseTo(grid(2, -4)[1], 6);
  });

  it('with `near`, places the point on the part of the street nearest to it', () => {
    const near: [number, number] = [grid(0.5, -1.8)[0], grid(0.5, -1.8)[1]];
    const placed = placeOnStreet(loadStreets(), 'Washington Street', { near });
    expect(placed?.coordinates[0]).toBeCloseTo(grid(0.5, -2)[0], 6);
    expect(placed?.coordinates[1]).toBeCloseTo(grid(0.5, -2)[1], 6);
    expect(placed?.precision).toBe('street');
  });

  it('does not mutate its input', () => {
    const streets = loadStreets();
    const before = JSON.stringify(streets);
    placeOnStreet(streets, 'Washington Street');
    placeOnStreet(streets, 'Washington Street', { near: grid(1, -3) });
    placeOnStreet(streets, 'Massachusetts Avenue', { crossStreet: 'Melnea Cass Boulevard' });
    streetRuns(streets, 'Massachusetts Avenue');
    expect(JSON.stringify(streets)).toBe(before);
  });
});

describe('streetRuns', () => {
  it('joins ways that share a vertex into one run and sorts runs longest first', () => {
    const runs = streetRuns(loadStreets(), 'Washington Street');
    expect(runs.map((r) => r.featureCount)).toEqual([3, 1]);
    expect(runs[0]?.lengthMeters).toBeGreaterThan(380);
    expect(runs[0]?.lengthMeters).toBeLessThan(420);
  });
});

describe('streetIntersections', () => {
  it('lists every vertex two streets share', () => {
    expect(streetIntersections(loadStreets(), 'Southampton Street', 'Atkinson Street')).toEqual([grid(3, 2)]);
  });
});
