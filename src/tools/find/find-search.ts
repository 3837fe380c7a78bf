// Find's place search: pasted coordinates first (when the text is a pair in the service area), then the geocoder's
// suggestions.
import type { Geocoder, Precision } from '../../geo/geocoder';
import type { PlacePick } from '../../ui/place-search-box';
import { parseCoordinates } from './find-coordinates';
import { formatPoint } from './find-state';

export type FindPrecision = Precision | 'coordinates';

export function findSuggestions(geocoder: Geocoder, text: string): PlacePick<FindPrecision>[] {
  const point = parseCoordinates(text);
  const fromGeocoder = geocoder.suggest(text, { limit: point ? 5 : 6 }).map((s) => ({ label: s.label, lngLat: s.lngLat, precision: s.precision as FindPrecision }));
  return point ? [{ label: formatPoint(point).replace(',', ', '), lngLat: point, precision: 'coordinates' }, ...fromGeocoder] : fromGeocoder;
}
