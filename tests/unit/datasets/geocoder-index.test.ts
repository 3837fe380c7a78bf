import { describe, expect, it } from 'vitest';
import { buildGeocoderIndex } from '../../../scripts/build-geocoder';
import { encodeGeocoderIndex, parseGeocoderIndex } from '../../../src/datasets/geocoder-index';
import { geocoderFixtureSources } from '../../fixtures/geocoder/fixture-sources';

const index = buildGeocoderIndex(geocoderFixtureSources(), { holdoutEvery: 0 }).index;

describe('geocoder index file', () => {
  it('round-trips through JSON (coordinates at 6 decimals)', () => {
    const back = parseGeocoderIndex(JSON.stringify(encodeGeocoderIndex(index)));
    expect(back.streets).toEqual(index.streets);
    expect(back.addresses.number).toEqual(index.addresses.number);
    expect(back.addresses.numberTo).toEqual(index.addresses.numberTo);
    expect(back.addresses.street).toEqual(index.addresses.street);
    back.chains.lngLat.forEach((v, i) => expect(Math.abs(v - index.chains.lngLat[i]!)).toBeLessThan(6e-7));
    back.addresses.lngLat.forEach((v, i) => expect(Math.abs(v - index.addresses.lngLat[i]!)).toBeLessThan(6e-7));
  });

  it('stores coordinates as small integer deltas', () => {
    const file = encodeGeocoderIndex(index);
    expect(file.chains.lngLat.every((v) => Number.isInteger(v))).toBe(true);
    // After the first absolute pair, every value is a step between neighbouring points (< 0.1°), not a full coordinate.
    expect(Math.abs(file.chains.lngLat[0]!)).toBeGreaterThan(71_000_000);
    expect(Math.max(...file.chains.lngLat.slice(2).map(Math.abs))).toBeLessThan(100_000);
  });

  it('rejects a file whose columns disagree in length, naming the column', () => {
    const file = encodeGeocoderIndex(index);
    const bad = { ...file, addresses: { ...file.addresses, zip: file.addresses.zip.slice(1) } };
    expect(() => parseGeocoderIndex(bad)).toThrow(/addresses\.zip/);
  });

  it('rejects references to rows that do not exist, another format or version, and non-integers', () => {
    const file = encodeGeocoderIndex(index);
    expect(() => parseGeocoderIndex({ ...file, intersections: { ...file.intersections, a: file.intersections.a.map(() => 9999) } })).toThrow(/intersections\.a/);
    expect(() => parseGeocoderIndex({ ...file, version: 2 })).toThrow(/version/);
    expect(() => parseGeocoderIndex({ ...file, format: 'other' })).toThrow(/format/);
    expect(() => parseGeocoderIndex({ ...file, chains: { ...file.chains, lngLat: file.chains.lngLat.map((v) => v + 0.5) } })).toThrow(/chains/);
  });
});
