// The Layers tool's slice: which overlay layers are on, site kinds, and the 311 date window and statuses (shared by URL).
import { NEEDLE_STATUSES, type NeedleStatus } from '../../domain/needle-request';
import { SITE_KINDS, type SiteKind } from '../../domain/site';
import { LAYER_IDS, type LayerId } from '../../domain/view';
import { isRealIsoDate } from '../../domain/calendar-day';
import type { ToolSlice } from '../../ui/tool-contract';

/** `needleFrom`/`needleTo` null means "the default window of the data" (see geo/needle-window.ts). */
export type LayersState = {
  layers: LayerId[];
  kinds: SiteKind[];
  statuses: NeedleStatus[];
  needleFrom: string | null;
  needleTo: string | null;
};

export const INITIAL_LAYERS_STATE: LayersState = {
  layers: [...LAYER_IDS],
  kinds: [...SITE_KINDS],
  statuses: [...NEEDLE_STATUSES],
  needleFrom: null,
  needleTo: null,
};

/** Toggles membership of `item`, keeping the canonical order of `all`. */
function toggleIn<T>(list: readonly T[], item: T, all: readonly T[]): T[] {
  const has = list.includes(item);
  return all.filter((x) => (x === item ? !has : list.includes(x)));
}

export const toggleLayer = (s: LayersState, layer: LayerId): LayersState => ({ ...s, layers: toggleIn(s.layers, layer, LAYER_IDS) });
export const toggleKind = (s: LayersState, kind: SiteKind): LayersState => ({ ...s, kinds: toggleIn(s.kinds, kind, SITE_KINDS) });
export const toggleStatus = (s: LayersState, status: NeedleStatus): LayersState => ({
  ...s,
  statuses: toggleIn(s.statuses, status, NEEDLE_STATUSES),
});

/** Sets the 311 date window; an inverted range is swapped rather than rejected. */
export function setNeedleRange(s: LayersState, from: string | null, to: string | null): LayersState {
  if (from !== null && to !== null && from > to) return { ...s, needleFrom: to, needleTo: from };
  return { ...s, needleFrom: from, needleTo: to };
}

/** Parses a comma list keeping only allowed values, in canonical order; null when absent or nothing valid. */
function parseList<T extends string>(value: string | null, allowed: readonly T[]): T[] | null {
  if (value === null) return null;
  if (value === '') return [];
  const items = new Set(value.split(','));
  const kept = allowed.filter((a) => items.has(a));
  return kept.length > 0 ? kept : null;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export const layersSlice: ToolSlice<LayersState> = {
  initial: INITIAL_LAYERS_STATE,
  urlKeys: ['layers', 'kinds', 'status', 'from', 'to'],
  fromUrl(params) {
    const from = params.get('from');
    const to = params.get('to');
    let needleFrom = from !== null && isRealIsoDate(from) ? from : null;
    let needleTo = to !== null && isRealIsoDate(to) ? to : null;
    if (needleFrom !== null && needleTo !== null && needleFrom > needleTo) {
      needleFrom = null;
      needleTo = null;
    }
    return {
      layers: parseList(params.get('layers'), LAYER_IDS) ?? INITIAL_LAYERS_STATE.layers,
      kinds: parseList(params.get('kinds'), SITE_KINDS) ?? INITIAL_LAYERS_STATE.kinds,
      statuses: parseList(params.get('status'), NEEDLE_STATUSES) ?? INITIAL_LAYERS_STATE.statuses,
      needleFrom,
      needleTo,
    };
  },
  toUrl(s) {
    const parts: [string, string][] = [];
    if (!sameList(s.layers, INITIAL_LAYERS_STATE.layers)) parts.push(['layers', s.layers.join(',')]);
    if (!sameList(s.kinds, INITIAL_LAYERS_STATE.kinds)) parts.push(['kinds', s.kinds.join(',')]);
    if (s.needleFrom !== null) parts.push(['from', s.needleFrom]);
    if (s.needleTo !== null) parts.push(['to', s.needleTo]);
    if (!sameList(s.statuses, INITIAL_LAYERS_STATE.statuses)) parts.push(['status', s.statuses.join(',')]);
    return parts;
  },
};
