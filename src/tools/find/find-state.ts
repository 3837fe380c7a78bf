// The Find tool's slice: the search point, the question asked and the filters, shared in the URL (at, q, open, all).
import { SERVICE_AREA_BBOX } from '../../config/city';
import { insideBbox } from '../../domain/geometry';
import type { ToolSlice } from '../../ui/tool-contract';

export const FIND_QUESTIONS = ['dispose', 'found-needle', 'services'] as const;
export type FindQuestion = (typeof FIND_QUESTIONS)[number];

export type FindState = {
  /** The search point, [lng, lat] degrees, or null before one is chosen. */
  point: [lng: number, lat: number] | null;
  question: FindQuestion;
  /** Only places open now. */
  openNow: boolean;
  /** Only places open to everyone (no residency or membership restriction). */
  everyone: boolean;
};

export const FIND_INITIAL: FindState = { point: null, question: 'dispose', openNow: false, everyone: true };

/** Decimals of the point in the URL (about 1 m). */
const POINT_DECIMALS = 5;

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

export const findSlice: ToolSlice<FindState> = {
  initial: FIND_INITIAL,
  urlKeys: ['at', 'q', 'open', 'all'],
  fromUrl: (params) => {
    const q = params.get('q');
    const open = params.get('open');
    const all = params.get('all');
    return {
      point: parsePoint(params.get('at')),
      question: isQuestion(q) ? q : FIND_INITIAL.question,
      openNow: open === '1' ? true : open === '0' ? false : FIND_INITIAL.openNow,
      everyone: all === '0' ? false : all === '1' ? true : FIND_INITIAL.everyone,
    };
  },
  toUrl: (s) => {
    const out: [string, string][] = [];
    if (s.point) out.push(['at', formatPoint(s.point)]);
    if (s.question !== FIND_INITIAL.question) out.push(['q', s.question]);
    if (s.openNow !== FIND_INITIAL.openNow) out.push(['open', s.openNow ? '1' : '0']);
    if (s.everyone !== FIND_INITIAL.everyone) out.push(['all', s.everyone ? '1' : '0']);
    return out;
  },
};

/** Sets the search point (rounded as the URL keeps it, so the state survives a round trip unchanged). */
export const setPoint = (s: FindState, point: readonly [number, number] | null): FindState => {
  if (point === null) return s.point === null ? s : { ...s, point: null };
  const round = (v: number) => Number(v.toFixed(POINT_DECIMALS));
  const next: [number, number] = [round(point[0]), round(point[1])];
  return s.point && s.point[0] === next[0] && s.point[1] === next[1] ? s : { ...s, point: next };
};
export const setQuestion = (s: FindState, question: FindQuestion): FindState => (s.question === question ? s : { ...s, question });
export const setOpenNow = (s: FindState, openNow: boolean): FindState => (s.openNow === openNow ? s : { ...s, openNow });
export const setEveryone = (s: FindState, everyone: boolean): FindState => (s.everyone === everyone ? s : { ...s, everyone });
