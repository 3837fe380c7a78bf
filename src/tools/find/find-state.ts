// The Find tool's slice: the search point, what the person needs and the filters, shared in the URL
// (at, q, open, h24, all, lang, wc).
import { SERVICE_AREA_BBOX } from '../../config/city';
import { insideBbox } from '../../domain/geometry';
import type { ToolSlice } from '../../ui/tool-contract';

/**
 * What the person needs: to get rid of used syringes, to report a needle found outside, supplies (naloxone, test strips,
 * clean equipment), somewhere to be (a drop-in space), or treatment.
 */
export const FIND_QUESTIONS = ['dispose', 'found-needle', 'supplies', 'drop-in', 'treatment'] as const;
export type FindQuestion = (typeof FIND_QUESTIONS)[number];

export type FindState = {
  /** The search point, [lng, lat] degrees, or null before one is chosen. */
  point: [lng: number, lat: number] | null;
  question: FindQuestion;
  /** Only places open now. */
  openNow: boolean;
  /** Only places open 24 hours a day, 7 days a week. */
  open247: boolean;
  /**
   * Only places open to everyone (no residency or membership restriction). null = the default: on for the disposal
   * questions when the search point is in Boston (the drop-off points of Brookline and Cambridge are for their own
   * residents), off otherwise. See `effectiveEveryone`.
   */
  everyone: boolean | null;
  /** Only places that publish this language (as written in data/sites.csv), or null for any. */
  language: string | null;
  /** Only places whose source says they are wheelchair accessible. */
  wheelchair: boolean;
};

export const FIND_INITIAL: FindState = { point: null, question: 'dispose', openNow: false, open247: false, everyone: null, language: null, wheelchair: false };

/** Decimals of the point in the URL (about 1 m). */
const POINT_DECIMALS = 5;
/** A language name in the URL: letters, spaces and hyphens, at most 40 characters. */
const LANGUAGE_PATTERN = /^[\p{L} -]{1,40}$/u;

function isQuestion(value: string | null): value is FindQuestion {
  return value !== null && (FIND_QUESTIONS as readonly string[]).includes(value);
}

/** Reads `at=<lat>,<lng>` (lat first, as people write it); null unless both are numbers inside the map's bounds. */
export function parsePoint(value: string | null): [number, number] | null {
  if (value === null) return null;
  const parts = value.split(',');
  if (parts.length !== 2 || parts.some((p) => p.trim() === '')) return null;
  const [lat, lng] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (!insideBbox(lng, lat, SERVICE_AREA_BBOX)) return null;
  return [lng, lat];
}

/** `<lat>,<lng>` with 5 decimals. */
export function formatPoint(point: readonly [number, number]): string {
  return `${point[1].toFixed(POINT_DECIMALS)},${point[0].toFixed(POINT_DECIMALS)}`;
}

const flag = (value: string | null, fallback: boolean): boolean => (value === '1' ? true : value === '0' ? false : fallback);

export const findSlice: ToolSlice<FindState> = {
  initial: FIND_INITIAL,
  urlKeys: ['at', 'q', 'open', 'h24', 'all', 'lang', 'wc'],
  fromUrl: (params) => {
    const q = params.get('q');
    const all = params.get('all');
    const lang = params.get('lang');
    return {
      point: parsePoint(params.get('at')),
      question: isQuestion(q) ? q : FIND_INITIAL.question,
      openNow: flag(params.get('open'), FIND_INITIAL.openNow),
      open247: flag(params.get('h24'), FIND_INITIAL.open247),
      everyone: all === '0' ? false : all === '1' ? true : null,
      language: lang !== null && LANGUAGE_PATTERN.test(lang) ? lang : null,
      wheelchair: flag(params.get('wc'), FIND_INITIAL.wheelchair),
    };
  },
  toUrl: (s) => {
    const out: [string, string][] = [];
    if (s.point) out.push(['at', formatPoint(s.point)]);
    if (s.question !== FIND_INITIAL.question) out.push(['q', s.question]);
    if (s.openNow) out.push(['open', '1']);
    if (s.open247) out.push(['h24', '1']);
    if (s.everyone !== null) out.push(['all', s.everyone ? '1' : '0']);
    if (s.language !== null) out.push(['lang', s.language]);
    if (s.wheelchair) out.push(['wc', '1']);
    return out;
  },
};

/**
 * Whether "open to everyone" applies: the person's choice, else on for the disposal questions (dispose, found a
 * needle) when the search point is in Boston, off otherwise.
 */
export function effectiveEveryone(s: FindState, pointInBoston: boolean): boolean {
  if (s.everyone !== null) return s.everyone;
  return pointInBoston && (s.question === 'dispose' || s.question === 'found-needle');
}

/** Sets the search point (rounded as the URL keeps it, so the state survives a round trip unchanged). */
export const setPoint = (s: FindState, point: readonly [number, number] | null): FindState => {
  if (point === null) return s.point === null ? s : { ...s, point: null };
  const round = (v: number) => Number(v.toFixed(POINT_DECIMALS));
  const next: [number, number] = [round(point[0]), round(point[1])];
  return s.point && s.point[0] === next[0] && s.point[1] === next[1] ? s : { ...s, point: next };
};
export const setQuestion = (s: FindState, question: FindQuestion): FindState => (s.question === question ? s : { ...s, question });
export const setOpenNow = (s: FindState, openNow: boolean): FindState => (s.openNow === openNow ? s : { ...s, openNow });
export const setOpen247 = (s: FindState, open247: boolean): FindState => (s.open247 === open247 ? s : { ...s, open247 });
export const setEveryone = (s: FindState, everyone: boolean | null): FindState => (s.everyone === everyone ? s : { ...s, everyone });
export const setLanguage = (s: FindState, language: string | null): FindState => (s.language === language ? s : { ...s, language });
export const setWheelchair = (s: FindState, wheelchair: boolean): FindState => (s.wheelchair === wheelchair ? s : { ...s, wheelchair });
