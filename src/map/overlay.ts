// Overlays as data: a GeoJSON source and its layers, described by pure builders; `planOverlaySync` says what to change.
import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

/** One overlay: a GeoJSON source (id = `id`) and the MapLibre layers drawn from it. */
export type OverlaySpec = {
  id: string;
  /** The source's data. Replaced on the map only when this reference changes (keep it memoised). */
  data: FeatureCollection<Geometry>;
  /** A feature property to use as the feature id (MapLibre `promoteId`). */
  promoteId?: string;
  layers: LayerSpecification[];
  /** Layers whose features a click or hover hands to the map's owner (topmost first in MapClick.features). */
  interactiveLayerIds?: readonly string[];
};

/** The per-layer properties a sync may change in place; anything else (type, source...) re-adds the layer. */
type LiveLayerParts = { filter?: unknown; layout?: Record<string, unknown>; paint?: Record<string, unknown>; minzoom?: number; maxzoom?: number };

export type OverlayOp =
  | { op: 'add-source'; overlay: OverlaySpec }
  | { op: 'set-data'; sourceId: string; data: FeatureCollection<Geometry> }
  | { op: 'remove-source'; sourceId: string }
  | { op: 'add-layer'; layer: LayerSpecification }
  | { op: 'remove-layer'; layerId: string }
  | { op: 'set-filter'; layerId: string; filter: unknown }
  | { op: 'set-layout'; layerId: string; name: string; value: unknown }
  | { op: 'set-paint'; layerId: string; name: string; value: unknown }
  | { op: 'set-zoom-range'; layerId: string; minzoom: number; maxzoom: number };

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function parts(layer: LayerSpecification): LiveLayerParts {
  return layer as LiveLayerParts;
}

/** Properties changed between two versions of the same layer, as in-place operations. */
function layerOps(prev: LayerSpecification, next: LayerSpecification): OverlayOp[] {
  const a = parts(prev);
  const b = parts(next);
  const layerId = next.id;
  const ops: OverlayOp[] = [];
  if (!same(a.filter, b.filter)) ops.push({ op: 'set-filter', layerId, filter: b.filter ?? null });
  for (const kind of ['layout', 'paint'] as const) {
    const before = a[kind] ?? {};
    const after = b[kind] ?? {};
    for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (same(before[name], after[name])) continue;
      // A layout property left out returns to its default; visibility's default is 'visible'.
      const value = after[name] ?? (kind === 'layout' && name === 'visibility' ? 'visible' : undefined);
      ops.push(kind === 'layout' ? { op: 'set-layout', layerId, name, value } : { op: 'set-paint', layerId, name, value });
    }
  }
  if (a.minzoom !== b.minzoom || a.maxzoom !== b.maxzoom) {
    ops.push({ op: 'set-zoom-range', layerId, minzoom: b.minzoom ?? 0, maxzoom: b.maxzoom ?? 24 });
  }
  return ops;
}

/** Whether a layer can be updated in place (same type and source) or must be removed and added again. */
function sameShape(a: LayerSpecification, b: LayerSpecification): boolean {
  return a.type === b.type && ('source' in a ? a.source : null) === ('source' in b ? b.source : null);
}

/**
 * The operations that turn the map's overlays from `prev` into `next` (pure: the map is not touched).
 * Sources are added before their layers and removed after them; data is replaced only when its reference changed.
 * `prev` null means nothing is on the map yet.
 */
export function planOverlaySync(prev: readonly OverlaySpec[] | null, next: readonly OverlaySpec[]): OverlayOp[] {
  const before = new Map((prev ?? []).map((o) => [o.id, o]));
  const after = new Map(next.map((o) => [o.id, o]));
  const removals: OverlayOp[] = [];
  const additions: OverlayOp[] = [];
  for (const [id, old] of before) {
    if (after.has(id)) continue;
    for (const layer of old.layers) removals.push({ op: 'remove-layer', layerId: layer.id });
    removals.push({ op: 'remove-source', sourceId: id });
  }
  for (const overlay of next) {
    const old = before.get(overlay.id);
    if (!old) {
      additions.push({ op: 'add-source', overlay });
      for (const layer of overlay.layers) additions.push({ op: 'add-layer', layer });
      continue;
    }
    if (old.data !== overlay.data) additions.push({ op: 'set-data', sourceId: overlay.id, data: overlay.data });
    const oldLayers = new Map(old.layers.map((l) => [l.id, l]));
    const newIds = new Set(overlay.layers.map((l) => l.id));
    for (const layer of old.layers) if (!newIds.has(layer.id)) removals.push({ op: 'remove-layer', layerId: layer.id });
    for (const layer of overlay.layers) {
      const was = oldLayers.get(layer.id);
      if (!was) additions.push({ op: 'add-layer', layer });
      else if (!sameShape(was, layer)) {
        removals.push({ op: 'remove-layer', layerId: layer.id });
        additions.push({ op: 'add-layer', layer });
      } else additions.push(...layerOps(was, layer));
    }
  }
  return [...removals, ...additions];
}

/** Every interactive layer id of the overlays, topmost last as drawn (the caller orders hits by the map). */
export function interactiveLayerIds(overlays: readonly OverlaySpec[]): string[] {
  return overlays.flatMap((o) => [...(o.interactiveLayerIds ?? [])]);
}
