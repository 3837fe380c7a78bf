// Open-now state of a site from its OSM opening_hours value (Massachusetts public holidays), never guessing.
import OpeningHours from 'opening_hours';
import { DEFAULT_CENTER } from '../config/city';
import { firstBostonClockChange, fromShiftedBostonDate, toShiftedBostonDate } from './boston-time';

export type OpenState =
  | { state: 'unknown'; reason: 'not-published' | 'invalid'; detail?: string }
  | { state: 'open' | 'closed'; /** Next change of state, or null when it never changes (24/7). */ nextChange: Date | null; comment: string | null };

const BOSTON_NOMINATIM = {
  lon: DEFAULT_CENTER[0],
  lat: DEFAULT_CENTER[1],
  address: { country_code: 'us', state: 'Massachusetts' },
};

/**
 * Whether a site is open at the instant `at`, its hours read on Boston's clock (America/New_York) whatever the
 * device's time zone. `nextChange` is the real instant of the next change (in Boston's repeated fall-back hour, the
 * first one after `at`). Null hours mean no source publishes them: the state is 'unknown', never assumed open.
 */
export function openStateAt(openingHours: string | null, at: Date): OpenState {
  if (openingHours === null || openingHours.trim() === '') return { state: 'unknown', reason: 'not-published' };
  let oh: OpeningHours;
  try {
    oh = new OpeningHours(openingHours, BOSTON_NOMINATIM);
  } catch (e) {
    return { state: 'unknown', reason: 'invalid', detail: String(e) };
  }
  const s = stateAt(oh, at);
  if (s === 'unknown') return { state: 'unknown', reason: 'not-published', detail: oh.getComment(toShiftedBostonDate(at)) ?? undefined };
  return { state: s, nextChange: nextChangeAfter(oh, at, s), comment: oh.getComment(toShiftedBostonDate(at)) ?? null };
}

// opening_hours reads a Date's local fields: it is given one whose local fields are Boston's wall clock.
function stateAt(oh: OpeningHours, at: Date): 'open' | 'closed' | 'unknown' {
  return oh.getStateString(toShiftedBostonDate(at), true);
}

/**
 * The first instant after `at` at which the state is no longer `state`, or null when it never changes.
 * opening_hours walks wall-clock time, which Boston's clock does not always follow: when it falls back an hour, wall
 * times already passed come round again; when it springs forward, a change in the skipped hour happens at the switch
 * (and on a device in Boston's zone, opening_hours cannot even hold such a time). So a clock change before the change
 * it reports is checked first, and each candidate is checked on the real clock.
 */
function nextChangeAfter(oh: OpeningHours, at: Date, state: OpenState['state']): Date | null {
  let from = at;
  // Each step passes a change opening_hours reported or a clock change; a few cover any real schedule.
  for (let step = 0; step < 8; step++) {
    const next = oh.getNextChange(toShiftedBostonDate(from));
    if (!next) return null;
    const reported = fromShiftedBostonDate(next, from);
    const switched = firstBostonClockChange(from, reported);
    const change = switched !== null && switched < reported ? switched : reported;
    if (stateAt(oh, change) !== state) return change;
    from = change;
  }
  // Only comment changes so far: report the last, as opening_hours would.
  return from;
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
