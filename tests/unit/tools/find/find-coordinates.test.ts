// Pasted coordinates: the forms people paste, both orders, hemispheres, links, and what is refused.
import { describe, expect, it } from 'vitest';
import { parseCoordinates } from '../../../../src/tools/find/find-coordinates';

const CITY_HALL: [number, number] = [-71.0583, 42.3603];
const close = (got: [number, number] | null, want: [number, number]) => {
  expect(got).not.toBeNull();
  expect(got![0]).toBeCloseTo(want[0], 4);
  expect(got![1]).toBeCloseTo(want[1], 4);
};

describe('parseCoordinates', () => {
  it('reads lat,lng and returns [lng, lat]', () => {
    close(parseCoordinates('42.3603, -71.0583'), CITY_HALL);
    close(parseCoordinates('42.3603,-71.0583'), CITY_HALL);
    close(parseCoordinates('  42.3603 -71.0583 '), CITY_HALL);
    close(parseCoordinates('42.3603; -71.0583'), CITY_HALL);
  });

  it('reads lng,lat when only that order is in the service area', () => {
    close(parseCoordinates('-71.0583, 42.3603'), CITY_HALL);
  });

  it('reads hemisphere letters and degrees-minutes-seconds', () => {
    close(parseCoordinates('42.3603 N, 71.0583 W'), CITY_HALL);
    close(parseCoordinates('42.3603N 71.0583W'), CITY_HALL);
    close(parseCoordinates('71.0583 W, 42.3603 N'), CITY_HALL);
    // 42°21'37.1"N 71°03'29.9"W
    close(parseCoordinates(`42°21'37.08"N 71°03'29.88"W`), [-(71 + 3 / 60 + 29.88 / 3600), 42 + 21 / 60 + 37.08 / 3600]);
    close(parseCoordinates(`42°21.618'N 71°03.498'W`), [-(71 + 3.498 / 60), 42 + 21.618 / 60]);
  });

  it('reads geo: URIs and map links', () => {
    close(parseCoordinates('geo:42.3603,-71.0583'), CITY_HALL);
    close(parseCoordinates('geo:42.3603,-71.0583;u=35'), CITY_HALL);
    close(parseCoordinates('https://www.google.com/maps/@42.3603,-71.0583,17z'), CITY_HALL);
    close(parseCoordinates('https://www.openstreetmap.org/#map=17/42.3603/-71.0583'), CITY_HALL);
  });

  it('refuses what is not a pair in the service area', () => {
    expect(parseCoordinates('42.3603')).toBeNull();
    expect(parseCoordinates('183 Belgrade Ave')).toBeNull();
    expect(parseCoordinates('02131 02132')).toBeNull();
    expect(parseCoordinates('40.7128, -74.0060')).toBeNull(); // New York
    expect(parseCoordinates('42.3603 N, 71.0583 E')).toBeNull(); // wrong hemisphere: not Boston
    expect(parseCoordinates(`42°75'00"N 71°03'00"W`)).toBeNull(); // 75 minutes
    expect(parseCoordinates('42.3603, -71.0583, 5')).toBeNull();
  });
});
