// Which places count as supply by their opening hours: any, only those open 24/7, or only those open at a chosen
// weekday and hour on Boston's clock. Hours no source publishes never count as open (unknown stays unknown).
import { bostonInstantAt, bostonWallClock } from './boston-time';
import { openStateAt } from './opening-hours';

/** ISO weekday: 1 Monday … 7 Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type SupplyHours = { kind: 'any' } | { kind: 'always' } | { kind: 'at'; weekday: IsoWeekday; hour: number };

/** The next instant (not before `now`) at which Boston's clock shows `weekday` at `hour`:00. */
export function nextBostonWeekHour(now: Date, weekday: IsoWeekday, hour: number): Date {
  const wall = bostonWallClock(now);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  const isoToday = ((date.getUTCDay() + 6) % 7) + 1;
  let ahead = (weekday - isoToday + 7) % 7;
  if (ahead === 0 && (wall.hour > hour || (wall.hour === hour && (wall.minute > 0 || wall.second > 0)))) ahead = 7;
  date.setUTCDate(date.getUTCDate() + ahead);
  return bostonInstantAt({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute: 0, second: 0, millisecond: 0 }, now);
}

/**
 * Whether a place with these OSM opening hours counts as supply: always for 'any'; for 'always', open now and never
 * changing (24/7); for 'at', open at the next such weekday and hour. Unpublished or unreadable hours: only for 'any'.
 */
export function meetsSupplyHours(openingHours: string | null, when: SupplyHours, now: Date): boolean {
  if (when.kind === 'any') return true;
  if (when.kind === 'always') {
    const s = openStateAt(openingHours, now);
    return s.state === 'open' && s.nextChange === null;
  }
  return openStateAt(openingHours, nextBostonWeekHour(now, when.weekday, when.hour)).state === 'open';
}
