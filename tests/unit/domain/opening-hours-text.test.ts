import { describe, expect, it } from 'vitest';
import { describeOpeningHours, HOURS_NOT_PUBLISHED_TEXT } from '../../../src/domain/opening-hours-text';
import { openingHoursError } from '../../../src/domain/opening-hours';

/** The preview text of a value that must parse. */
function text(value: string): string {
  const result = describeOpeningHours(value);
  if (!result.ok) throw new Error(`"${value}" did not parse: ${result.error}`);
  return result.text;
}

function error(value: string): string {
  const result = describeOpeningHours(value);
  if (result.ok) throw new Error(`"${value}" parsed as "${result.text}"`);
  return result.error;
}

describe('describeOpeningHours: the examples of the issue', () => {
  it.each([
    ['Mo-Fr 08:00-16:00; PH off', 'Mon–Fri 8:00–16:00, closed on public holidays'],
    ['24/7', 'Open 24 hours, every day'],
    ['Mo-Fr 09:00-17:00; Sa 10:00-14:00', 'Mon–Fri 9:00–17:00; Sat 10:00–14:00'],
  ])('%s → %s', (value, expected) => {
    expect(text(value)).toBe(expected);
  });
});

describe('describeOpeningHours: weekdays', () => {
  it.each([
    ['Mo 10:00-12:00', 'Mon 10:00–12:00'],
    ['Mo,We,Fr 09:00-12:00', 'Mon, Wed, Fri 9:00–12:00'],
    ['Mo-We,Fr 09:00-17:00', 'Mon–Wed, Fri 9:00–17:00'],
    ['Sa,Su 10:00-14:00', 'Sat, Sun 10:00–14:00'],
    ['Tu-Th 07:30-15:30', 'Tue–Thu 7:30–15:30'],
    // A range across the week's end, listed in week order.
    ['Sa-Mo 10:00-12:00', 'Mon, Sat, Sun 10:00–12:00'],
    ['Mo-Su 08:00-20:00', 'Every day 8:00–20:00'],
    ['08:00-20:00', 'Every day 8:00–20:00'],
    ['Mo-Su 00:00-24:00', 'Open 24 hours, every day'],
    ['Mo-Fr 00:00-24:00; Sa-Su 10:00-14:00', 'Mon–Fri open 24 hours; Sat, Sun 10:00–14:00'],
    ['Mo-Fr', 'Mon–Fri open 24 hours'],
  ])('%s → %s', (value, expected) => {
    expect(text(value)).toBe(expected);
  });

  it('groups the days that keep the same hours after a later rule changes one of them', () => {
    expect(text('Mo-Fr 08:00-16:00; Tu 10:00-12:00')).toBe('Mon, Wed–Fri 8:00–16:00; Tue 10:00–12:00');
    expect(text('Mo-Fr 08:00-16:00; We off')).toBe('Mon, Tue, Thu, Fri 8:00–16:00');
    expect(text('Mo-Fr 08:00-16:00; Mo-Fr 10:00-12:00')).toBe('Mon–Fri 10:00–12:00');
  });

  it('leaves plain closed days unsaid', () => {
    expect(text('Mo-Fr 08:00-16:00; Sa off')).toBe('Mon–Fri 8:00–16:00');
    expect(text('We off; Mo-Fr 08:00-16:00')).toBe('Mon–Fri 8:00–16:00');
  });
});

describe('describeOpeningHours: times', () => {
  it('writes hours without a leading zero and keeps minutes', () => {
    expect(text('Mo 07:05-09:45')).toBe('Mon 7:05–9:45');
    expect(text('Mo 00:30-12:00')).toBe('Mon 0:30–12:00');
  });

  it('lists several spans of a day, in order, merging overlapping ones', () => {
    expect(text('Mo-Fr 09:00-12:00,13:00-17:00')).toBe('Mon–Fri 9:00–12:00, 13:00–17:00');
    expect(text('Mo-Fr 13:00-17:00,09:00-12:00')).toBe('Mon–Fri 9:00–12:00, 13:00–17:00');
    expect(text('Mo-Fr 08:00-12:00,11:00-14:00')).toBe('Mon–Fri 8:00–14:00');
  });

  it('says when hours run past midnight into the next day', () => {
    expect(text('Fr 22:00-02:00')).toBe('Fri 22:00–2:00 next day');
    expect(text('Mo-Fr 22:00-26:00')).toBe('Mon–Fri 22:00–2:00 next day');
    // The library reads "8 to 4" as 08:00-04:00: the preview shows the editor it runs overnight.
    expect(text('Mon to Fri 8 to 4')).toBe('Mon–Fri 8:00–4:00 next day');
  });

  it('cuts the hours at midnight when a later rule closes the next day (as the library does)', () => {
    expect(text('Fr 22:00-02:00; Sa off')).toBe('Fri 22:00–24:00');
    expect(text('Fr 22:00-02:00; Sa 01:00-03:00')).toBe('Fri 22:00–24:00; Sat 1:00–3:00');
  });

  it('normalises loose syntax the library accepts', () => {
    expect(text('mo-fr 8-16')).toBe('Mon–Fri 8:00–16:00');
    expect(text('Mo-Fr 09:00 -17:00')).toBe('Mon–Fri 9:00–17:00');
    expect(text('  Mo-Fr 08:00-16:00  ')).toBe('Mon–Fri 8:00–16:00');
  });
});

describe('describeOpeningHours: public holidays', () => {
  it.each([
    ['Mo-Fr 8:00-16:00; PH closed', 'Mon–Fri 8:00–16:00, closed on public holidays'],
    ['Mo-Fr 08:00-16:00; PH,Sa off', 'Mon–Fri 8:00–16:00, closed on public holidays'],
    ['Mo-Fr 08:00-16:00; PH 10:00-12:00', 'Mon–Fri 8:00–16:00, public holidays 10:00–12:00'],
    ['Mo-Fr 08:00-16:00; PH off; PH 09:00-10:00', 'Mon–Fri 8:00–16:00, public holidays 9:00–10:00'],
    ['PH 10:00-12:00', 'Public holidays 10:00–12:00'],
    ['Mo-Su,PH 08:00-20:00', 'Every day 8:00–20:00'],
    ['24/7; PH off', 'Open 24 hours, every day; closed on public holidays'],
    ['Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off', 'Mon–Fri 9:00–17:00; Sat 10:00–14:00; closed on public holidays'],
    ['Mo,We,Fr 09:00-12:00,13:00-17:00; PH off', 'Mon, Wed, Fri 9:00–12:00, 13:00–17:00; closed on public holidays'],
  ])('%s → %s', (value, expected) => {
    expect(text(value)).toBe(expected);
  });

  it('says nothing about holidays when a later weekday rule reopens them', () => {
    // PH off first: Mo-Fr wins on a weekday holiday, and weekends are closed anyway.
    expect(text('PH off; Mo-Fr 08:00-16:00')).toBe('Mon–Fri 8:00–16:00');
    expect(text('Sa,PH off; Mo-Fr 08:00-16:00')).toBe('Mon–Fri 8:00–16:00');
  });

  it('does not claim "closed on public holidays" when a later rule opens a holiday falling on that day', () => {
    // On a holiday Sunday the Su rule wins: closed on some holidays only. Shown as the value, not a wrong sentence.
    expect(text('Mo-Fr 08:00-16:00; PH off; Su 10:00-12:00')).toBe('Mo-Fr 08:00-16:00; PH off; Su 10:00-12:00');
    expect(text('Mo-Fr 08:00-16:00; PH off; We 12:00-16:00')).toBe('Mo-Fr 08:00-16:00; PH off; We 12:00-16:00');
  });

  it('is closed when nothing is open, holidays included', () => {
    expect(text('PH off')).toBe('Closed');
    expect(text('off')).toBe('Closed');
    expect(text('closed')).toBe('Closed');
  });
});

describe('describeOpeningHours: comments', () => {
  it('adds a comment in brackets to the hours it qualifies', () => {
    expect(text('Mo-Fr 08:00-16:00 "by appointment"')).toBe('Mon–Fri 8:00–16:00 (by appointment)');
    expect(text('Mo-Fr 08:00-16:00 "walk-ins; no appointment"')).toBe('Mon–Fri 8:00–16:00 (walk-ins; no appointment)');
    expect(text('Mo-Fr 08:00-16:00 "appt"; Sa 10:00-12:00 open "walk in"')).toBe('Mon–Fri 8:00–16:00 (appt); Sat 10:00–12:00 (walk in)');
    expect(text('Fr 22:00-02:00 "late"')).toBe('Fri 22:00–2:00 next day (late)');
  });

  it('shows a comment alone as the whole description, or after the days it names', () => {
    expect(text('"call ahead"')).toBe('call ahead');
    expect(text('Mo-Fr "by appointment"')).toBe('Mon–Fri: by appointment');
    expect(text('"a"; Mo 10:00-12:00')).toBe('Mon 10:00–12:00; Tue–Sun: a');
  });

  it('mentions closed days only when a comment says why', () => {
    expect(text('Sa off "by appointment"')).toBe('Sat closed (by appointment)');
    expect(text('Mo-Fr 08:00-16:00; Sa closed "x"')).toBe('Mon–Fri 8:00–16:00; Sat closed (x)');
    expect(text('Mo-Fr 08:00-16:00; PH off "except Christmas Eve"')).toBe('Mon–Fri 8:00–16:00, closed on public holidays (except Christmas Eve)');
  });
});

describe('describeOpeningHours: no hours', () => {
  it('says the hours are not published for an empty value or "unknown", as the pipeline stores them', () => {
    for (const v of ['', '   ', 'unknown', 'Unknown']) expect(describeOpeningHours(v)).toEqual({ ok: true, text: HOURS_NOT_PUBLISHED_TEXT });
  });
});

describe('describeOpeningHours: anything exotic is shown as the prettified value, never a wrong sentence', () => {
  it.each([
    ['Jan-Mar Mo-Fr 08:00-16:00', 'Jan-Mar Mo-Fr 08:00-16:00'],
    ['We[1] 10:00-12:00', 'We[1] 10:00-12:00'],
    ['Mo-Fr 08:00+', 'Mo-Fr 08:00+'],
    ['sunrise-sunset', 'sunrise-sunset'],
    ['Mo-Fr unknown', 'Mo-Fr unknown'],
    ['Mo-Fr 08:00-16:00 || "by appointment"', 'Mo-Fr 08:00-16:00 || "by appointment"'],
    // Additional rules (",") add hours instead of replacing them.
    ['Mo-Fr 08:00-12:00, We 14:00-16:00', 'Mo-Fr 08:00-12:00, We 14:00-16:00'],
    // "off" with times closes part of a day only.
    ['Mo-Fr 08:00-16:00; We 10:00-12:00 off', 'Mo-Fr 08:00-16:00; We 10:00-12:00 off'],
    ['Mo-Fr 08:00-16:00 off', 'Mo-Fr 08:00-16:00 off'],
    // Whether hours past midnight reach the next day would depend on that day being a holiday.
    ['Fr 22:00-02:00; PH off', 'Fr 22:00-02:00; PH off'],
    ['Mon-Fri 9am-5pm; Jan 1 off', 'Mo-Fr 09:00-17:00; Jan 01 off'],
  ])('%s → %s', (value, expected) => {
    expect(text(value)).toBe(expected);
  });

  it('falls back when its own reading disagrees with the library (hours past midnight cut by a later rule)', () => {
    // The simple reading ("Tue 22:00–24:00", Wednesday's early hours gone) is not what the library computes.
    expect(text('Mo-Su 22:00-02:00; We off')).toBe('Mo-Su 22:00-02:00; We off');
  });

  it('gives the prettified value for a language it has no sentences for', () => {
    expect(describeOpeningHours('mo-fr 8-16; PH off', 'es')).toEqual({ ok: true, text: 'Mo-Fr 08:00-16:00; PH off' });
  });
});

describe('describeOpeningHours: errors', () => {
  it.each([
    ['Mo-Fr 8-', 'Missing time separator in time range after: "number" (at "Mo-Fr 8-")'],
    ['whenever', 'Unexpected token: "w" (at "wh")'],
    ['Mo-Fr 25:00-26:00', 'Time range starts outside of the current day (at "Mo-Fr 25:00")'],
    ['Mo-Fr 08:00-16:60', 'Minutes are greater than 59 (at "Mo-Fr 08:00-16:60")'],
    ['Mo-Fr 08:00 16:00', 'hyphen (-) or open end (+) in time range expected (at "Mo-Fr 08:00 16")'],
    // The library's first sentences are about itself; the reason is the last one.
    ['Mo-Fr 08:00-16:00; SH off', 'There are no holidays (SH) defined for country us and state Massachusetts'],
  ])('%s → %s', (value, expected) => {
    expect(error(value)).toBe(expected);
  });

  it('keeps the library message to one sentence', () => {
    const message = error('Mo-Fr 08:00-16:00 "unterminated');
    expect(message).toBe('Unexpected token: """ (at "Mo-Fr 08:00-16:00 "u")');
    expect(message).not.toMatch(/This means/);
  });

  it('refuses exactly what the pipeline refuses', () => {
    const values = ['Mo-Fr 08:00-16:00; PH off', '24/7', 'Mo-Fr 8-', 'whenever', 'Jan-Mar Mo-Fr 08:00-16:00', 'Mo-Fr 25:00-26:00', '"x"'];
    for (const v of values) expect(describeOpeningHours(v).ok).toBe(openingHoursError(v) === null);
  });
});

describe('describeOpeningHours: generated values', () => {
  // A small deterministic generator of rule lists from the common forms, so that every combination of weekday
  // selectors, times, PH and off is tried: the preview never throws, and a sentence only appears for values whose
  // every rule is of a form it knows.
  const selectors = ['', 'Mo ', 'Mo-Fr ', 'Sa,Su ', 'We,Fr ', 'PH ', 'Su,PH ', 'Fr-Mo '];
  const bodies = ['08:00-16:00', '09:00-12:00,13:00-17:00', '22:00-02:00', 'off', '"call first"', '10:00-14:00 "walk-in"', '00:00-24:00'];
  const values: string[] = [];
  for (const a of selectors) for (const b of bodies) for (const c of ['Sa off', 'PH off', 'Mo 10:00-11:00', '']) {
    values.push([`${a}${b}`, c].filter((r) => r !== '').join('; '));
  }

  it('never throws and always answers for values the library accepts', () => {
    expect(values.length).toBeGreaterThan(200);
    for (const v of values) {
      const result = describeOpeningHours(v);
      expect(result.ok, v).toBe(true);
      if (result.ok) expect(result.text.length, v).toBeGreaterThan(0);
    }
  });

  it('never writes OSM day codes inside a sentence (a sentence is all words, a fallback all OSM)', () => {
    for (const v of values) {
      const result = describeOpeningHours(v);
      if (!result.ok || /[–]/.test(result.text) === false) continue;
      expect(result.text, v).not.toMatch(/\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b/);
    }
  });
});
