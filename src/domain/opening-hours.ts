// Open-now state of a site from its OSM opening_hours value (Massachusetts public holidays), never guessing.
import OpeningHours from 'opening_hours';
import { DEFAULT_CENTER } from '../config/city';

export type OpenState =
  | { state: 'unknown'; reason: 'not-published' | 'invalid'; detail?: string }
  | { state: 'open' | 'closed'; /** Next change of state, or null when it never changes (24/7). */ nextChange: Date | null; comment: string | null };

const BOSTON_NOMINATIM = {
  lon: DEFAULT_CENTER[0],
  lat: DEFAULT_CENTER[1],
  address: { country_code: 'us', state: 'Massachusetts' },
};

/**
 * Whether a site is open at `at` (the browser's local time, which for Boston users is Eastern time).
 * Null hours mean no source publishes them: the state is 'unknown', never assumed open.
 */
export function openStateAt(openingHours: string | null, at: Date): OpenState {
  if (openingHours === null || openingHours.trim() === '') return { state: 'unknown', reason: 'not-published' };
  let oh: OpeningHours;
  try {
    oh = new OpeningHours(openingHours, BOSTON_NOMINATIM);
  } catch (e) {
    return { state: 'unknown', reason: 'invalid', detail: String(e) };
  }
  const s = oh.getStateString(at, true);
  if (s === 'unknown') return { state: 'unknown', reason: 'not-published', detail: oh.getComment(at) ?? undefined };
  return { state: s, nextChange: oh.getNextChange(at) ?? null, comment: oh.getComment(at) ?? null };
}

/** Validates an opening_hours value; returns an error message or null when it parses. */
export function openingHoursError(value: string): string | null {
  try {
    new OpeningHours(value, BOSTON_NOMINATIM);
    return null;
  } catch (e) {
    return String(e);
  }
}
