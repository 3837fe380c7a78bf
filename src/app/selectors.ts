// Derived state as pure functions: what the legend counts, which places it lists, what a map click selects.
import type { Feature, Point } from 'geojson';
import type { SiteKind, SiteProperties } from '../domain/site';
import type { LayerId } from '../domain/view';
import type { MapClick } from '../ui/tool-contract';
import type { OverlaySpec } from '../map/overlay';
import { NEEDLE_POINTS_LAYER_ID } from '../map/layers/needle-mode';
import { SITE_CLICK_LAYER_IDS } from '../map/layers/site-layers';
import { ZONE_CLICK_LAYER_ID } from '../map/layers/zone-layers';

/** How many sites there are of each kind (kinds with none are absent). */
export function siteCountByKind(sites: readonly Feature<Point, SiteProperties>[]): Partial<Record<SiteKind, number>> {
  const counts: Partial<Record<SiteKind, number>> = {};
  for (const f of sites) counts[f.properties.kind] = (counts[f.properties.kind] ?? 0) + 1;
  return counts;
}

/** The sites the legend lists: those of a layer that is on and of a kind that is on, in data order. */
export function visiblePlaces(
  sites: readonly Feature<Point, SiteProperties>[],
  layers: readonly LayerId[],
  kinds: readonly SiteKind[],
): Feature<Point, SiteProperties>[] {
  return sites.filter((f) => layers.includes(f.properties.layer === 'disposal' ? 'disposal' : 'services') && kinds.includes(f.properties.kind));
}

export type ClickSelection = { kind: 'site'; siteId: string } | { kind: 'needle'; index: number } | { kind: 'zone'; zoneId: string } | null;

const SITE_LAYERS = new Set<string>(SITE_CLICK_LAYER_IDS);

/**
 * What a click selects when no tool owns the map: a site marker before a 311 point before a zone (markers are small
 * and on top; a zone is the area around them). Null when the click hit nothing selectable.
 */
export function selectionFromClick(click: MapClick): ClickSelection {
  const site = click.features.find((f) => SITE_LAYERS.has(f.layerId) && typeof f.properties['id'] === 'string');
  if (site) return { kind: 'site', siteId: site.properties['id'] as string };
  const needle = click.features.find((f) => f.layerId === NEEDLE_POINTS_LAYER_ID && Number.isInteger(f.properties['i']));
  if (needle) return { kind: 'needle', index: needle.properties['i'] as number };
  const zone = click.features.find((f) => f.layerId === ZONE_CLICK_LAYER_ID && typeof f.properties['id'] === 'string');
  if (zone) return { kind: 'zone', zoneId: zone.properties['id'] as string };
  return null;
}

/**
 * Everything the map draws: the shell's overlays, what other tools keep on the map (a planned sweep) unless hidden in
 * the legend, then the overlays of the tool whose panel is open (drawn above). Other tools' panel drawings are left
 * out (a tool's drawing belongs to its open panel); a tool's kept drawing is left out while its own panel is open.
 */
export function composeOverlays(
  shell: readonly OverlaySpec[],
  byTool: Readonly<Record<string, readonly OverlaySpec[]>>,
  activeTool: string,
  kept: Readonly<Record<string, { overlays: readonly OverlaySpec[]; shown: boolean }>> = {},
): OverlaySpec[] {
  const keptShown = Object.entries(kept).flatMap(([tool, k]) => (tool !== activeTool && k.shown ? k.overlays : []));
  return [...shell, ...keptShown, ...(byTool[activeTool] ?? [])];
}
