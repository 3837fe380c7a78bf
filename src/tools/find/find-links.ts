// Links Find hands to the phone: directions to a place in the phone's own map app (destination only: the search point
// never leaves the device), and the share text.

export type MapApp = 'apple' | 'geo' | 'web';

/** Which map app a link should open: Apple Maps on iPhone, iPad and Mac, a geo: URI on Android, else a web map. */
export function mapAppFor(userAgent: string): MapApp {
  if (/iPhone|iPad|iPod|Macintosh/.test(userAgent)) return 'apple';
  if (/Android/.test(userAgent)) return 'geo';
  return 'web';
}

/**
 * A link that opens walking directions to `lngLat` ([lng, lat]) named `name` in the phone's map app. It carries the
 * destination only: the app asks the phone for the start, so the person's search point is never in the link.
 */
export function directionsHref(lngLat: readonly [number, number], name: string, app: MapApp): string {
  const lat = lngLat[1].toFixed(6);
  const lng = lngLat[0].toFixed(6);
  switch (app) {
    case 'apple':
      return `https://maps.apple.com/?daddr=${lat},${lng}&dirflg=w&q=${encodeURIComponent(name)}`;
    case 'geo':
      return `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(name)})`;
    case 'web':
      return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
  }
}
