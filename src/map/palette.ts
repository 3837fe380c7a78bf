// Every colour the map draws: a calm, light basemap and four overlay hues that stay distinct with colour blindness.
//
// The overlays take four Okabe-Ito hues (blue, bluish green, vermillion/orange, reddish purple), which stay
// distinguishable under protanopia, deuteranopia and tritanopia; green, vermillion and purple are darkened a
// little so every overlay has at least 3:1 contrast on land and parks (tested). The basemap keeps to pale,
// low-saturation tones and never uses those hues at strength, so any overlay stands out against it.

/** An RGB(A) colour as deck.gl takes it (0-255 per channel). */
export type RgbaColor = [r: number, g: number, b: number, a?: number];

/** '#rrggbb' to deck.gl's [r, g, b] (and alpha 0-255 when given). */
export function hexToRgb(hex: string, alpha?: number): RgbaColor {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const rgb: RgbaColor = [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
  return alpha === undefined ? rgb : [rgb[0], rgb[1], rgb[2], alpha];
}

/** Basemap colours (CSS strings for MapLibre). */
export const BASEMAP_COLORS = {
  water: '#bfd7e7',
  /** Boston's own land (neighbourhood polygons). */
  land: '#f4f1ea',
  /** Cambridge, Somerville, Brookline: a touch greyer, so the city reads as the subject. */
  landNeighbor: '#ebe8e1',
  /** Faint line along neighbourhood edges and shores. */
  landEdge: '#d9d3c7',
  park: '#d9ead0',
  playground: '#d9ead0',
  garden: '#d9ead0',
  wild: '#d2e5c7',
  parkway: '#d9ead0',
  cemetery: '#dde6d5',
  plaza: '#e2ecda',
  parkOutline: '#c3dbb5',
  streetMinor: '#ffffff',
  streetMinorCasing: '#d5cfc3',
  streetTertiary: '#ffffff',
  streetTertiaryCasing: '#cac3b5',
  streetSecondary: '#ffffff',
  streetSecondaryCasing: '#bfb6a5',
  streetPrimary: '#fffcf5',
  streetPrimaryCasing: '#b1a690',
  streetLabel: '#4f4d48',
  streetLabelHalo: '#ffffff',
  neighborhoodLabel: '#6f655a',
  neighborhoodLabelHalo: '#f4f1ea',
  cityLabel: '#7d7a74',
  cityLabelHalo: '#ebe8e1',
} as const;

/** The four overlay hues (Okabe-Ito). */
const OVERLAY = {
  disposal: '#0072b2', // blue
  service: '#00876a', // bluish green
  needle: '#c75400', // vermillion
  needleAlt: '#e69f00', // orange
  zone: '#cc79a7', // reddish purple
} as const;

/** Overlay colours, as CSS strings for MapLibre layers (a deck.gl layer converts with hexToRgb). */
export const PALETTE = {
  ...BASEMAP_COLORS,

  // Disposal points and drop-in service sites (MapLibre circles with a white halo).
  disposal: OVERLAY.disposal,
  service: OVERLAY.service,
  halo: '#ffffff',
  markerStroke: '#ffffff',
  siteLabel: '#1f2a33',
  labelHalo: '#ffffff',

  // 311 needle requests: points by status (LEGEND_SWATCHES below) and a yellow-to-vermillion density ramp.
  // Alpha rises with the count, so the many cells with one or two reports stay faint and the basemap reads through.
  // One colour per class of NEEDLE_DENSITY_BREAKS (map/layers/needle-layers.ts), as CSS strings for MapLibre.
  needleDensityRamp: [
    'rgba(253, 230, 138, 0.47)',
    'rgba(254, 217, 118, 0.63)',
    'rgba(246, 176, 66, 0.75)',
    'rgba(230, 159, 0, 0.82)',
    'rgba(213, 94, 0, 0.88)',
    'rgba(140, 45, 4, 0.94)',
  ],

  // Outreach zones (MapLibre fill, dashed outline, label).
  zone: '#b5608f',
  zoneFill: OVERLAY.zone,
  zoneLabel: '#7e3563',

  // The Sharps Team's sweep route and its stops: the 311 layer's vermillion, darker for the numbered stops.
  sweepRoute: OVERLAY.needle,
  sweepStop: '#b23a00',

  // Coverage: the proposed new kiosks and their reach (the zones' reddish purple, darkened for white numbers).
  coverageProposed: '#8e3b73',
  // Coverage per neighbourhood: the share of demand within reach, in five classes of 20 % (light to dark blue, so the
  // least covered neighbourhoods are the palest; a sequential ramp readable with colour-vision deficiencies).
  coverageShareRamp: ['rgba(222, 235, 247, 0.8)', 'rgba(158, 202, 225, 0.8)', 'rgba(107, 174, 214, 0.8)', 'rgba(49, 130, 189, 0.8)', 'rgba(8, 81, 156, 0.8)'],

  // Selection highlight: a near-black ring reads on every overlay hue and on the basemap.
  selection: '#111111',
} as const;

/** Swatches for the legend, keyed by the app's layer ids and `needle-<status>`; CSS strings. */
export const LEGEND_SWATCHES = {
  disposal: PALETTE.disposal,
  services: PALETTE.service,
  needles: OVERLAY.needle,
  zones: OVERLAY.zone,
  'needle-unknown': OVERLAY.needle,
  'needle-open': '#b23a00',
  'needle-closed': OVERLAY.needleAlt,
} as const;
