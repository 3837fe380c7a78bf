// Directions hand-off: the destination in [lat, lng] order for each map app, and never the search point.
import { describe, expect, it } from 'vitest';
import { directionsHref, mapAppFor } from '../../../../src/tools/find/find-links';

const AHOPE: [number, number] = [-71.073353, 42.333611];

describe('directions links', () => {
  it('picks the map app from the user agent', () => {
    expect(mapAppFor('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe('apple');
    expect(mapAppFor('Mozilla/5.0 (Linux; Android 14; Pixel 8)')).toBe('geo');
    expect(mapAppFor('Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/140')).toBe('web');
  });

  it('writes the destination lat,lng (not lng,lat) for each app', () => {
    expect(directionsHref(AHOPE, 'AHOPE', 'apple')).toBe('https://maps.apple.com/?daddr=42.333611,-71.073353&dirflg=w&q=AHOPE');
    expect(directionsHref(AHOPE, 'AHOPE & co', 'geo')).toBe('geo:42.333611,-71.073353?q=42.333611,-71.073353(AHOPE%20%26%20co)');
    expect(directionsHref(AHOPE, 'AHOPE', 'web')).toBe('https://www.openstreetmap.org/?mlat=42.333611&mlon=-71.073353#map=18/42.333611/-71.073353');
  });
});
