// A human-readable preview of an OSM opening_hours value ("Mon–Fri 8:00–16:00, closed on public holidays"), checked against the opening_hours library.
import OpeningHours from 'opening_hours';
import { DEFAULT_CENTER } from '../config/city';

export type OpeningHoursText = { ok: true; text: string } | { ok: false; error: string };

/** Same place as opening-hours.ts: Massachusetts public holidays. */
const BOSTON_NOMINATIM = {
  lon: DEFAULT_CENTER[0],
  lat: DEFAULT_CENTER[1],
  address: { country_code: 'us', state: 'Massachusetts' },
};

/** What the preview says when no hours are entered (the pipeline stores empty or "unknown" hours as not published). */
export const HOURS_NOT_PUBLISHED_TEXT = 'Hours not published';

const MINUTES_PER_DAY = 1440;
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const DAY_NAMES_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A time span in minutes from the day's midnight; `end` may pass 1440 (22:00-02:00 is [1320, 1560]). */
type Span = [start: number, end: number];

/**
 * What one kind of day looks like: set by rule `rule` (-1 when no rule names the day, which is then closed).
 * 'unknown' is the library's state for hours given with a comment ("Mo-Fr 08:00-16:00 "by appointment"") or for a
 * comment alone.
 */
type DayPlan = (
  | { state: 'closed'; comment: string; rule: number }
  | { state: 'open' | 'unknown'; spans: Span[]; comment: string; rule: number }
) & {
  /** Set by a rule naming PH on a holiday: the library then gives the holiday's name as the comment when the rule has none. */
  byHolidayRule?: boolean;
};

/** The week of the value: `regular[d]` for an ordinary day d (0 = Monday), `holiday[d]` for a public holiday falling on day d. */
type WeekPlan = { regular: DayPlan[]; holiday: DayPlan[] };

const DAY_RANGE = '(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?';
const SELECTOR = new RegExp(`^((?:${DAY_RANGE}|PH)(?:,(?:${DAY_RANGE}|PH))*)(?: |$)`);
const TIME_RANGE = '\\d{2}:\\d{2}-\\d{2}:\\d{2}';
const TIMES = new RegExp(`^(${TIME_RANGE}(?:,${TIME_RANGE})*)(?: |$)`);
const MODIFIER = /^(open|off|closed)(?: |$)/;
const COMMENT = /^"([^"]*)"$/;

/** Splits a prettified value into its rules at ';' outside comments; null when it uses '||' (fallback rules). */
function splitRules(value: string): string[] | null {
  const rules: string[] = [];
  let current = '';
  let inComment = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '"') inComment = !inComment;
    if (!inComment && c === '|' && value[i + 1] === '|') return null;
    if (!inComment && c === ';') {
      rules.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  rules.push(current.trim());
  return rules.filter((r) => r.length > 0);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Spans sorted by start, overlapping or touching ones merged (08:00-12:00,11:00-14:00 is 08:00-14:00). */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Days (0 = Monday) and whether public holidays are named, from a selector like "Mo-We,Fr,PH"; wrapping ranges (Sa-Mo) included. */
function selectedDays(selector: string): { days: Set<number>; holidays: boolean } {
  const days = new Set<number>();
  let holidays = false;
  for (const part of selector.split(',')) {
    if (part === 'PH') {
      holidays = true;
      continue;
    }
    const [from, to] = part.split('-') as [(typeof OSM_DAYS)[number], (typeof OSM_DAYS)[number] | undefined];
    const a = OSM_DAYS.indexOf(from);
    const b = to === undefined ? a : OSM_DAYS.indexOf(to);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return { days, holidays };
}

/**
 * Reads the common forms of a prettified value into a week plan: rules of an optional weekday/PH selector, optional
 * time ranges, an optional open/off/closed and an optional comment, or "24/7"; each rule replaces what earlier rules
 * said about the days it names. Null for anything else (months, week numbers, open ends, additional rules...).
 */
function readWeekPlan(prettified: string): WeekPlan | null {
  const rules = splitRules(prettified);
  if (rules === null) return null;
  const closed = (): DayPlan => ({ state: 'closed', comment: '', rule: -1 });
  const plan: WeekPlan = { regular: OSM_DAYS.map(closed), holiday: OSM_DAYS.map(closed) };
  for (const [index, rule] of rules.entries()) {
    let rest = rule;
    let days = new Set([0, 1, 2, 3, 4, 5, 6]);
    let holidays = true;
    let namesHoliday = false;
    let spans: Span[] | null = null;
    let modifier: string | null = null;
    let comment: string | null = null;
    if (rest === '24/7' || rest.startsWith('24/7 ')) {
      spans = [[0, MINUTES_PER_DAY]];
      rest = rest.slice(4).trim();
    } else {
      const selector = SELECTOR.exec(rest);
      if (selector?.[1] !== undefined) {
        ({ days, holidays } = selectedDays(selector[1]));
        namesHoliday = holidays;
        rest = rest.slice(selector[0].length);
      }
      const times = TIMES.exec(rest);
      if (times?.[1] !== undefined) {
        spans = [];
        for (const range of times[1].split(',')) {
          const [from, to] = range.split('-') as [string, string];
          const start = minutesOf(from);
          let end = minutesOf(to);
          if (end <= start) end += MINUTES_PER_DAY;
          if (start >= MINUTES_PER_DAY || end > 2 * MINUTES_PER_DAY) return null;
          spans.push([start, end]);
        }
        spans = mergeSpans(spans);
        rest = rest.slice(times[0].length);
      }
    }
    const mod = MODIFIER.exec(rest);
    if (mod?.[1] !== undefined) {
      modifier = mod[1];
      rest = rest.slice(mod[0].length);
    }
    if (rest.length > 0) {
      const c = COMMENT.exec(rest);
      if (c?.[1] === undefined || c[1].trim() === '') return null;
      comment = c[1];
    }
    let day: DayPlan;
    if (modifier === 'off' || modifier === 'closed') {
      if (spans !== null) return null; // "Mo 10:00-12:00 off" closes part of a day: not described
      day = { state: 'closed', comment: comment ?? '', rule: index };
    } else if (comment !== null && modifier === null) {
      // The library's state for hours with a comment, or a comment alone: unknown.
      day = { state: 'unknown', spans: spans ?? [[0, MINUTES_PER_DAY]], comment, rule: index };
    } else {
      day = { state: 'open', spans: spans ?? [[0, MINUTES_PER_DAY]], comment: comment ?? '', rule: index };
    }
    // A rule naming weekdays applies to them on holidays too; a rule naming PH (or no day at all) applies to every holiday.
    for (let d = 0; d < 7; d++) {
      if (days.has(d)) {
        plan.regular[d] = day;
        plan.holiday[d] = day;
      }
      if (holidays) plan.holiday[d] = namesHoliday ? { ...day, byHolidayRule: true } : day;
    }
  }
  return plan;
}

/**
 * Settles hours past midnight: a later rule naming the next day replaces what spilled into it ("Fr 22:00-02:00; Sa off"
 * closes at midnight), so such spans are cut at 24:00. Null when the cut would depend on whether the next day is a
 * holiday (not said in one phrase).
 */
function settleSpills(plan: WeekPlan): WeekPlan | null {
  const settle = (day: DayPlan, d: number): DayPlan | null => {
    if (day.state === 'closed' || day.spans.every(([, e]) => e <= MINUTES_PER_DAY)) return day;
    const cutOnRegular = (plan.regular[(d + 1) % 7]?.rule ?? -1) > day.rule;
    const cutOnHoliday = (plan.holiday[(d + 1) % 7]?.rule ?? -1) > day.rule;
    if (cutOnRegular !== cutOnHoliday) return null;
    if (!cutOnRegular) return day;
    return { ...day, spans: day.spans.map(([s, e]): Span => [s, Math.min(e, MINUTES_PER_DAY)]) };
  };
  const regular = plan.regular.map(settle);
  const holiday = plan.holiday.map(settle);
  if (regular.includes(null) || holiday.includes(null)) return null;
  return { regular: regular.filter((d) => d !== null), holiday: holiday.filter((d) => d !== null) };
}

/** A state and comment as one comparable key. */
function stateKey(state: string, comment: string | undefined): string {
  return `${state === 'close' ? 'closed' : state}|${comment ?? ''}`;
}

/** Local midnight of a calendar day (the library reads local wall-clock time). */
function midnight(year: number, monthIndex: number, day: number): Date {
  return new Date(year, monthIndex, day);
}

/**
 * The state timeline (minute offset → state|comment, changes only) that a settled `plan` predicts for `dayCount`
 * days from `start`. The library is asked only which days are public holidays and what they are called.
 */
function predictedTimeline(plan: WeekPlan, oh: OpeningHours, start: Date, dayCount: number): [number, string][] {
  const total = (dayCount + 1) * MINUTES_PER_DAY;
  const minutes: string[] = new Array<string>(total).fill(stateKey('closed', ''));
  const paint = (from: number, to: number, key: string) => {
    for (let m = Math.max(0, from); m < Math.min(total, to); m++) minutes[m] = key;
  };
  const spills: [from: number, to: number, key: string][] = [];
  // Day -1 too: its hours past midnight reach into the window.
  for (let k = -1; k < dayCount; k++) {
    const noon = new Date(start.getFullYear(), start.getMonth(), start.getDate() + k, 12);
    const weekday = (noon.getDay() + 6) % 7;
    const day = (oh.getPublicHolidayContext(noon).isHoliday ? plan.holiday : plan.regular)[weekday];
    if (day === undefined) continue;
    const offset = (k + 1) * MINUTES_PER_DAY;
    // A PH rule without a comment of its own is labelled with the holiday's name, over the times the rule sets.
    const nameAt = (minute: number) => oh.getComment(new Date(noon.getFullYear(), noon.getMonth(), noon.getDate(), 0, minute)) ?? '';
    if (day.state === 'closed') {
      paint(offset, offset + MINUTES_PER_DAY, stateKey('closed', day.comment === '' && day.byHolidayRule === true ? nameAt(0) : day.comment));
      continue;
    }
    const comment = day.comment === '' && day.byHolidayRule === true ? nameAt(day.spans[0]?.[0] ?? 0) : day.comment;
    paint(offset, offset + MINUTES_PER_DAY, stateKey('closed', ''));
    for (const [s, e] of day.spans) {
      paint(offset + s, offset + Math.min(e, MINUTES_PER_DAY), stateKey(day.state, comment));
      if (e > MINUTES_PER_DAY) spills.push([offset + MINUTES_PER_DAY, offset + e, stateKey(day.state, comment)]);
    }
  }
  for (const [from, to, key] of spills) paint(from, to, key);
  const timeline: [number, string][] = [];
  for (let m = MINUTES_PER_DAY; m < total; m++) {
    const key = minutes[m] ?? '';
    if (timeline.at(-1)?.[1] !== key) timeline.push([m - MINUTES_PER_DAY, key]);
  }
  return timeline;
}

/** The state timeline the library computes for `dayCount` days from `start`. */
function libraryTimeline(oh: OpeningHours, start: Date, dayCount: number): [number, string][] {
  const end = midnight(start.getFullYear(), start.getMonth(), start.getDate() + dayCount);
  const it = oh.getIterator(start);
  const timeline: [number, string][] = [[0, stateKey(it.getStateString(undefined, true), it.getComment())]];
  let guard = 0;
  while (it.advance(end) && guard++ < 10_000) {
    const at = it.getDate();
    if (at >= end) break;
    const key = stateKey(it.getStateString(undefined, true), it.getComment());
    const offset = Math.round((at.getTime() - start.getTime()) / 60_000);
    if (timeline.at(-1)?.[1] !== key) timeline.push([offset, key]);
  }
  return timeline;
}

/**
 * Whether `plan` says what the library computes: over an ordinary week with no holiday (12-18 January 2026) and
 * around Christmas in years where it falls on each day of the week (and the days either side, for hours past midnight).
 */
function planAgreesWithLibrary(plan: WeekPlan, oh: OpeningHours): boolean {
  const windows: [Date, number][] = [[midnight(2026, 0, 12), 7]];
  // Holidays only matter when a rule names PH (otherwise the holiday plan is the regular one, object for object).
  if (plan.holiday.some((day, d) => day !== plan.regular[d])) {
    for (const year of [2026, 2027, 2028, 2029, 2030, 2031, 2033]) windows.push([midnight(year, 11, 23), 5]);
  }
  return windows.every(([start, days]) => JSON.stringify(predictedTimeline(plan, oh, start, days)) === JSON.stringify(libraryTimeline(oh, start, days)));
}

function clock(minutes: number): string {
  const m = minutes % MINUTES_PER_DAY;
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

function samePlan(a: DayPlan, b: DayPlan): boolean {
  return describeDay(a) === describeDay(b);
}

/** What a day looks like, without its name: "8:00–16:00", "open 24 hours", "closed (by appointment)"; '' for a plain closed day. */
function describeDay(day: DayPlan): string {
  const note = day.comment === '' ? '' : ` (${day.comment})`;
  if (day.state === 'closed') return day.comment === '' ? '' : `closed${note}`;
  const spans = day.spans;
  if (spans.length === 1 && spans[0]?.[0] === 0 && spans[0][1] === MINUTES_PER_DAY) {
    return day.state === 'unknown' ? `: ${day.comment}` : `open 24 hours${note}`;
  }
  const times = spans.map(([s, e]) => `${clock(s)}–${e === MINUTES_PER_DAY ? '24:00' : clock(e)}${e > MINUTES_PER_DAY ? ' next day' : ''}`);
  return `${times.join(', ')}${note}`;
}

function dayName(d: number | undefined): string {
  return DAY_NAMES_EN[d ?? 0] ?? '';
}

/** "Mon–Fri", "Mon, Tue", "Mon, Wed, Fri", "Mon–Wed, Sat": runs of three or more days as ranges. */
function describeDays(days: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === (days[j] ?? 0) + 1) j++;
    if (j - i >= 2) parts.push(`${dayName(days[i])}–${dayName(days[j])}`);
    else for (let k = i; k <= j; k++) parts.push(dayName(days[k]));
    i = j + 1;
  }
  return parts.join(', ');
}

/** The English sentence of a week plan, or null when the holidays cannot be said in one phrase. */
function describePlan(plan: WeekPlan): string | null {
  // Groups of days that look the same, in week order of their first day.
  const groups: { days: number[]; text: string }[] = [];
  plan.regular.forEach((day, d) => {
    const text = describeDay(day);
    if (text === '') return;
    const group = groups.find((g) => g.text === text);
    if (group) group.days.push(d);
    else groups.push({ days: [d], text });
  });
  let week: string;
  if (groups.length === 1 && groups[0]?.days.length === 7) {
    const text = groups[0].text;
    if (text === 'open 24 hours') week = 'Open 24 hours, every day';
    else if (text.startsWith(': ')) week = text.slice(2);
    else week = `Every day ${text}`;
  } else {
    week = groups.map((g) => `${describeDays(g.days)}${g.text.startsWith(':') ? '' : ' '}${g.text}`).join('; ');
  }

  let holidays: string | null = null;
  const holidayPlans = plan.holiday;
  if (!holidayPlans.every((h, d) => samePlan(h, plan.regular[d] ?? h))) {
    const first = holidayPlans[0];
    if (first === undefined || !holidayPlans.every((h) => samePlan(h, first))) return null;
    const text = describeDay(first);
    if (first.state === 'closed') holidays = `closed on public holidays${first.comment === '' ? '' : ` (${first.comment})`}`;
    else holidays = `public holidays${text.startsWith(':') ? '' : ' '}${text}`;
  }

  if (week === '') return holidays === null || holidays.startsWith('closed') ? 'Closed' : holidays.charAt(0).toUpperCase() + holidays.slice(1);
  if (holidays === null) return week;
  // ", " only when it cannot be read as part of the last group's hours.
  return `${week}${groups.length > 1 || week.includes(',') ? '; ' : ', '}${holidays}`;
}

/** The library's error, trimmed to what a person can act on: its first sentence, and where in the value it happened. */
function readableError(e: unknown): string {
  const raw = (e instanceof Error ? e.message : String(e)).trim();
  const marked = /^(.*) <--- \((.*)\)$/s.exec(raw);
  const message = marked?.[2] ?? raw;
  // "An error occurred during evaluation of the value ... Please submit a pull request ... <the actual reason>."
  const sentences = message.split(/(?<=[.?!])\s+|\s+(?=This means)/).map((s) => s.trim()).filter((s) => s.length > 0);
  let sentence = (message.startsWith('An error occurred during evaluation') ? sentences.at(-1) : sentences[0]) ?? message;
  sentence = sentence.replace(/[.\s]+$/, '');
  return marked?.[1] !== undefined ? `${sentence} (at "${marked[1].trim()}")` : sentence;
}

/**
 * A human-readable preview of an OSM opening_hours value, for the editor: "Mo-Fr 08:00-16:00; PH off" → "Mon–Fri
 * 8:00–16:00, closed on public holidays"; "24/7" → "Open 24 hours, every day". Common forms (weekday ranges and
 * lists, several time spans, hours past midnight, PH, off/closed, comments) are put in words, and only after checking
 * that the words match what the library computes over an ordinary week and around public holidays; anything else
 * (months, week numbers, open ends, fallback rules...) is shown as the library's prettified value, never a wrong
 * sentence. Empty or "unknown" → "Hours not published" (what the pipeline stores). Bad syntax → the library's message,
 * first sentence, with where it happened. Only English sentences exist: another `lang` gets the prettified value.
 */
export function describeOpeningHours(value: string, lang = 'en'): OpeningHoursText {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'unknown') return { ok: true, text: HOURS_NOT_PUBLISHED_TEXT };
  let oh: OpeningHours;
  try {
    oh = new OpeningHours(trimmed, BOSTON_NOMINATIM);
  } catch (e) {
    return { ok: false, error: readableError(e) };
  }
  const prettified = oh.prettifyValue();
  if (lang !== 'en') return { ok: true, text: prettified };
  const read = readWeekPlan(prettified);
  const plan = read === null ? null : settleSpills(read);
  if (plan === null || !planAgreesWithLibrary(plan, oh)) return { ok: true, text: prettified };
  return { ok: true, text: describePlan(plan) ?? prettified };
}
