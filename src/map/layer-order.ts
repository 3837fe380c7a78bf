// The one draw order of every MapLibre layer, bottom to top (deck.gl layers, when a tool adds them, name a `beforeId` here).

/** Basemap layers, bottom to top (built by basemap-style.ts). */
export const BASEMAP_LAYER_IDS = [
  'background',
  'land-neighbor',
  'land-boston',
  'land-edge',
  'parks',
  'streets-minor-casing',
  'streets-tertiary-casing',
  'streets-secondary-casing',
  'streets-primary-casing',
  'streets-minor',
  'streets-tertiary',
  'streets-secondary',
  'streets-primary',
] as const;

/** Basemap labels: above the zone fills so names stay readable, below the site markers. */
export const BASEMAP_LABEL_LAYER_IDS = [
  'street-labels-minor',
  'street-labels-major',
  'neighborhood-labels',
  'city-labels',
] as const;

/** The 311 density cells, then zone shapes over them: under the basemap labels, so street names stay readable. */
const ZONE_SHAPE_LAYER_IDS = ['needle-density', 'sweep-choropleth', 'sweep-cells', 'sweep-area', 'coverage-choropleth', 'coverage-choropleth-line', 'coverage-reach', 'coverage-reach-line', 'zones-fill', 'zones-line'] as const;

/** Overlays above the basemap labels: zone names, 311 points, site markers (a resident must always see the sites). */
const OVERLAY_TOP_LAYER_IDS = [
  'zones-label',
  'needle-points',
  // Coverage: the requests no site reaches (under every marker).
  'coverage-uncovered',
  // The Find tool's walking route: under the site markers, so the place it leads to stays on top.
  'find-route-casing',
  'find-route',
  // The Sweeps tool's route, under the markers too.
  'sweep-route-casing',
  'sweep-route',
  'sites-service-halo',
  'sites-service',
  'sites-disposal-halo',
  'sites-disposal',
  // The Find tool's numbered places, chosen place and search point: above every marker, under the site names.
  'find-results',
  'find-target',
  'find-point-halo',
  'find-point',
  'find-results-label',
  // Coverage: the proposed sites numbered in the order chosen.
  'coverage-proposed',
  'coverage-proposed-label',
  // The Sweeps tool's numbered stops and start: above the site markers.
  'sweep-stops',
  'sweep-stops-label',
  'sites-label',
] as const;

/** Overlay layers the app adds to the basemap. */
export const OVERLAY_LAYER_IDS = [...ZONE_SHAPE_LAYER_IDS, ...OVERLAY_TOP_LAYER_IDS] as const;

/** Every MapLibre layer id, bottom to top. */
export const LAYER_ORDER = [...BASEMAP_LAYER_IDS, ...ZONE_SHAPE_LAYER_IDS, ...BASEMAP_LABEL_LAYER_IDS, ...OVERLAY_TOP_LAYER_IDS] as const;

export type MapLayerId = (typeof LAYER_ORDER)[number];

const position = new Map<string, number>(LAYER_ORDER.map((id, index) => [id, index]));

/** Whether `id` is one of the map's known layers. */
export function isMapLayerId(id: string): id is MapLayerId {
  return position.has(id);
}

/** Anything that can say whether it has a layer (a maplibregl.Map does). */
export type LayerLookup = { getLayer: (id: string) => unknown };

/**
 * The id to pass as `beforeId` to `map.addLayer` so `id` lands in its place in LAYER_ORDER: the first layer
 * after it that the map already has, or undefined (add on top) when none is there yet. Throws for an id that
 * is not in LAYER_ORDER, so a new layer cannot slip in unordered.
 */
export function beforeIdFor(id: string, map: LayerLookup): string | undefined {
  const index = position.get(id);
  if (index === undefined) throw new Error(`layer "${id}" is not in LAYER_ORDER (src/map/layer-order.ts)`);
  for (let next = index + 1; next < LAYER_ORDER.length; next++) {
    const candidate = LAYER_ORDER[next];
    if (candidate !== undefined && map.getLayer(candidate) !== undefined) return candidate;
  }
  return undefined;
}
