// Simple weekly opening hours <-> iCal-style weekly schedules (BYDAY + opens/closes times), for formats such as HSDS.

/** One weekly opening: the days (iCal two-letter codes, Monday first) and local times 'HH:MM'. */
export type WeeklyOpening = { byday: IcalDay[]; opensAt: string; closesAt: string };

export const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type IcalDay = (typeof ICAL_DAYS)[number];

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_SPEC = `${DAY}(?:-${DAY})?`;
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const RANGE = `${TIME}-(?:${TIME}|24:00)`;
const RULE = new RegExp(`^(${DAY_SPEC}(?:,${DAY_SPEC})*) (${RANGE}(?:,${RANGE})*)$`);

function expandDays(spec: string): IcalDay[] | null {
  const days = new Set<number>();
  for (const part of spec.split(',')) {
    const [from, to] = part.split('-').map((d) => OSM_DAYS.indexOf(d as (typeof OSM_DAYS)[number]));
    if (from === undefined || from < 0) return null;
    const end = to ?? from;
    if (end < from) return null; // a range over the weekend (Sa-Mo): not simple enough
    for (let d = from; d <= end; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b).map((d) => ICAL_DAYS[d]!);
}

/**
 * The weekly openings of a simple OSM opening_hours value: rules such as 'Mo-Fr 08:00-16:00; Sa 10:00-12:00' with
 * days on no more than one rule, each range closing after it opens, and 'PH off' (which weekly schedules cannot say,
 * so it is left out). Null for anything else (24/7, month or week selectors, overlapping rules, comments...).
 */
export function weeklyOpeningsFromOpeningHours(openingHours: string): WeeklyOpening[] | null {
  const rules = openingHours
    .split(';')
    .map((r) => r.trim())
    .filter((r) => r !== '' && r !== 'PH off');
  if (rules.length === 0) return null;
  const seen = new Set<IcalDay>();
  const out: WeeklyOpening[] = [];
  for (const rule of rules) {
    const m = RULE.exec(rule);
    if (!m) return null;
    const byday = expandDays(m[1]!);
    if (byday === null || byday.some((d) => seen.has(d))) return null;
    byday.forEach((d) => seen.add(d));
    for (const range of m[2]!.split(',')) {
      const [opensAt, closesAt] = range.split('-') as [string, string];
      if (closesAt <= opensAt) return null;
      out.push({ byday, opensAt, closesAt });
    }
  }
  return out;
}

function daysToOsm(days: readonly IcalDay[]): string {
  const idx = [...new Set(days.map((d) => ICAL_DAYS.indexOf(d)))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    const [from, to] = [OSM_DAYS[idx[i]!]!, OSM_DAYS[idx[j]!]!];
    parts.push(j - i >= 2 ? `${from}-${to}` : j === i ? from : `${from},${to}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * An OSM opening_hours value for weekly openings: openings with the same days share a rule ('Mo-Fr 08:00-12:00,13:00-16:00').
 * Rules are joined with '; ' when no day is in two of them, else with ', ' (OSM's additional rule, which adds hours
 * instead of replacing them). Null for no openings.
 */
export function openingHoursFromWeeklyOpenings(openings: readonly WeeklyOpening[]): string | null {
  if (openings.length === 0) return null;
  const byDays = new Map<string, { days: Set<IcalDay>; ranges: string[] }>();
  for (const o of openings) {
    const key = daysToOsm(o.byday);
    const group = byDays.get(key) ?? { days: new Set(o.byday), ranges: [] };
    const range = `${o.opensAt}-${o.closesAt}`;
    if (!group.ranges.includes(range)) group.ranges.push(range);
    byDays.set(key, group);
  }
  const groups = [...byDays.values()];
  const union = new Set(groups.flatMap((g) => [...g.days]));
  const disjoint = groups.reduce((n, g) => n + g.days.size, 0) === union.size;
  const rules = [...byDays].map(([days, { ranges }]) => `${days} ${[...ranges].sort().join(',')}`);
  return rules.join(disjoint ? '; ' : ', ');
}
