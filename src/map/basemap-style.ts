// The offline basemap style: our own GeoJSON (land, parks, streets, labels), no glyph server, no third-party URL.
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { ATTRIBUTION, DATA_FILES } from '../config/city';
import type { StreetClass } from '../domain/street';
import { BASEMAP_COLORS as C } from './palette';
import { LAYER_ORDER } from './layer-order';

export const BASEMAP_SOURCE_IDS = { land: 'land', parks: 'parks', streets: 'streets', labels: 'labels' } as const;

/**
 * Labels are drawn locally with TinySDF from the browser's fonts: with no `glyphs` URL, MapLibre uses the
 * `text-font` list as a CSS font-family list and takes the weight from a word like "Bold" in its first name.
 * 'sans-serif Bold' would be an invalid CSS font (the canvas then silently draws 10px glyphs), so the bold stack
 * starts with a valid name that no font has ('sans-serif-bold', only there to carry the weight) and falls back to
 * the browser's sans-serif.
 */
export const LABEL_FONT = ['sans-serif'];
export const LABEL_FONT_BOLD = ['sans-serif-bold', 'sans-serif'];

/** Street fill width in pixels at zooms 12, 14, 16, 18 (casings add a border on each side). */
const STREET_WIDTHS: Record<StreetClass, [z12: number, z14: number, z16: number, z18: number]> = {
  primary: [2.2, 4.6, 11, 28],
  secondary: [1.7, 3.8, 9, 23],
  tertiary: [1.1, 3, 7.5, 19],
  minor: [0.45, 2, 5.5, 15],
};
/** Casing border per side in pixels at the same zooms. */
const CASING: [number, number, number, number] = [0.4, 0.75, 1, 1.5];

function widthStops(widths: readonly number[]): ExpressionSpecification {
  const [z12 = 0, z14 = 0, z16 = 0, z18 = 0] = widths;
  return ['interpolate', ['exponential', 1.5], ['zoom'], 12, z12, 14, z14, 16, z16, 18, z18];
}

const classFilter = (cls: StreetClass): ExpressionSpecification => ['==', ['get', 'class'], cls];

function streetLayers(cls: StreetClass, casingColor: string, fillColor: string): [LineLayerSpecification, LineLayerSpecification] {
  const widths = STREET_WIDTHS[cls];
  const casingWidths = widths.map((w, i) => w + 2 * (CASING[i] ?? 0));
  const layout = { 'line-cap': 'round', 'line-join': 'round' } as const;
  // Minor streets fade in: at zoom 11-12 the whole grid would read as noise.
  const minzoom = cls === 'minor' ? 11 : 9;
  return [
    {
      id: `streets-${cls}-casing`,
      type: 'line',
      source: BASEMAP_SOURCE_IDS.streets,
      minzoom: cls === 'minor' ? 13 : 11,
      filter: classFilter(cls),
      layout,
      paint: { 'line-color': casingColor, 'line-width': widthStops(casingWidths) },
    },
    {
      id: `streets-${cls}`,
      type: 'line',
      source: BASEMAP_SOURCE_IDS.streets,
      minzoom,
      filter: classFilter(cls),
      layout,
      paint: {
        // Below zoom 13 there is no casing, so the fill takes the casing's tone to stay visible on pale land.
        'line-color': ['step', ['zoom'], casingColor, cls === 'minor' ? 13 : 11, fillColor],
        'line-width': widthStops(widths),
      },
    },
  ];
}

/** Major streets rank before minor ones when labels collide. */
const STREET_LABEL_RANK: ExpressionSpecification = [
  'match', ['get', 'class'], 'primary', 0, 'secondary', 1, 'tertiary', 2, 3,
];

function streetLabelLayer(id: 'street-labels-major' | 'street-labels-minor'): SymbolLayerSpecification {
  const major = id === 'street-labels-major';
  const size: DataDrivenPropertyValueSpecification<number> = major
    ? ['interpolate', ['linear'], ['zoom'], 13, 10.5, 16, 13, 18, 15]
    : ['interpolate', ['linear'], ['zoom'], 14.5, 10.5, 16, 12.5, 18, 14.5];
  return {
    id,
    type: 'symbol',
    source: BASEMAP_SOURCE_IDS.streets,
    minzoom: major ? 13 : 14.5,
    filter: major ? ['in', ['get', 'class'], ['literal', ['primary', 'secondary']]] : ['in', ['get', 'class'], ['literal', ['tertiary', 'minor']]],
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 320,
      'symbol-sort-key': STREET_LABEL_RANK,
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT,
      'text-size': size,
      'text-max-angle': 30,
      'text-padding': 4,
      'text-rotation-alignment': 'map',
      'text-pitch-alignment': 'viewport',
    },
    paint: {
      'text-color': C.streetLabel,
      'text-halo-color': C.streetLabelHalo,
      'text-halo-width': 1.6,
      'text-halo-blur': 0.3,
    },
  };
}

function neighborhoodLabelLayer(): SymbolLayerSpecification {
  return {
    id: 'neighborhood-labels',
    type: 'symbol',
    source: BASEMAP_SOURCE_IDS.labels,
    maxzoom: 16,
    // Large neighbourhoods from the citywide view; small ones (Bay Village, Leather District, ...) once zoomed in.
    filter: ['all', ['==', ['get', 'kind'], 'neighborhood'], ['any', ['==', ['get', 'rank'], 1], ['>=', ['zoom'], 13]]],
    layout: {
      'symbol-sort-key': ['get', 'rank'],
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT_BOLD,
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.12,
      'text-size': ['interpolate', ['linear'], ['zoom'], 10, 9.5, 12, 11.5, 14, 14, 16, 15],
      'text-max-width': 7,
      'text-padding': 6,
    },
    paint: {
      'text-color': C.neighborhoodLabel,
      'text-halo-color': C.neighborhoodLabelHalo,
      'text-halo-width': 1.8,
      'text-opacity': ['interpolate', ['linear'], ['zoom'], 15, 1, 16, 0.6],
    },
  };
}

function cityLabelLayer(): SymbolLayerSpecification {
  return {
    id: 'city-labels',
    type: 'symbol',
    source: BASEMAP_SOURCE_IDS.labels,
    maxzoom: 15,
    filter: ['==', ['get', 'kind'], 'city'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT_BOLD,
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.2,
      'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 13, 15],
      'text-padding': 6,
    },
    paint: {
      'text-color': C.cityLabel,
      'text-halo-color': C.cityLabelHalo,
      'text-halo-width': 2,
    },
  };
}

/** `DATA_FILES` paths are relative to the app base ("data/x.geojson"); the style takes the file name under `dataBaseUrl`. */
function dataUrl(dataBaseUrl: string, file: string): string {
  const base = dataBaseUrl.endsWith('/') ? dataBaseUrl : `${dataBaseUrl}/`;
  return base + file.slice(file.lastIndexOf('/') + 1);
}

/**
 * The basemap style. `dataBaseUrl` is where the generated files are served ('/data/' or 'data/' under the app's
 * base); MapLibre resolves a relative URL against the page. The style has no `glyphs` and no `sprite`: labels
 * are rendered locally, and the only requests it makes are for the four files below.
 */
export function createBasemapStyle(dataBaseUrl: string): StyleSpecification {
  // GeoJSON sources: tiled in MapLibre's worker by geojson-vt; tolerance and buffer kept modest for small tiles.
  const geojson = (file: string, extra: { attribution?: string; maxzoom?: number } = {}) =>
    ({ type: 'geojson', data: dataUrl(dataBaseUrl, file), tolerance: 0.4, buffer: 64, ...extra }) as const;

  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': C.water } },
    {
      id: 'land-neighbor',
      type: 'fill',
      source: BASEMAP_SOURCE_IDS.land,
      filter: ['==', ['get', 'kind'], 'city'],
      paint: { 'fill-color': C.landNeighbor },
    },
    {
      id: 'land-boston',
      type: 'fill',
      source: BASEMAP_SOURCE_IDS.land,
      filter: ['==', ['get', 'kind'], 'neighborhood'],
      // Antialiasing off: adjacent neighbourhood polygons would otherwise show hairline seams between them.
      paint: { 'fill-color': C.land, 'fill-antialias': false },
    },
    {
      id: 'land-edge',
      type: 'line',
      source: BASEMAP_SOURCE_IDS.land,
      minzoom: 11,
      filter: ['==', ['get', 'kind'], 'neighborhood'],
      // Neighbourhood edges help at city scale; zoomed in they would read as paths, so they fade out.
      maxzoom: 15,
      paint: {
        'line-color': C.landEdge,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 14, 1],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 13, 1, 14.5, 0],
      },
    },
    {
      id: 'parks',
      type: 'fill',
      source: BASEMAP_SOURCE_IDS.parks,
      paint: {
        'fill-color': [
          'match', ['get', 'class'],
          'plaza', C.plaza,
          'cemetery', C.cemetery,
          'wild', C.wild,
          'playground', C.playground,
          'garden', C.garden,
          'parkway', C.parkway,
          C.park,
        ],
        'fill-outline-color': C.parkOutline,
      },
    },
    ...streetLayers('minor', C.streetMinorCasing, C.streetMinor),
    ...streetLayers('tertiary', C.streetTertiaryCasing, C.streetTertiary),
    ...streetLayers('secondary', C.streetSecondaryCasing, C.streetSecondary),
    ...streetLayers('primary', C.streetPrimaryCasing, C.streetPrimary),
    streetLabelLayer('street-labels-minor'),
    streetLabelLayer('street-labels-major'),
    neighborhoodLabelLayer(),
    cityLabelLayer(),
  ];

  return {
    version: 8,
    name: 'Boston Harm Reduction Map basemap',
    sources: {
      [BASEMAP_SOURCE_IDS.land]: geojson(DATA_FILES.land),
      [BASEMAP_SOURCE_IDS.parks]: geojson(DATA_FILES.parks),
      [BASEMAP_SOURCE_IDS.streets]: geojson(DATA_FILES.streets, { attribution: ATTRIBUTION }),
      [BASEMAP_SOURCE_IDS.labels]: geojson(DATA_FILES.neighborhoodLabels),
    },
    // Built per class for readability, drawn in LAYER_ORDER (all casings under all fills, so junctions join cleanly).
    layers: sortByLayerOrder(layers),
  };
}

/** Orders layers as LAYER_ORDER says (the basemap's ids are a subsequence of it). */
function sortByLayerOrder(layers: LayerSpecification[]): LayerSpecification[] {
  const rank = (id: string): number => {
    const index = (LAYER_ORDER as readonly string[]).indexOf(id);
    if (index < 0) throw new Error(`basemap layer "${id}" is not in LAYER_ORDER`);
    return index;
  };
  return [...layers].sort((a, b) => rank(a.id) - rank(b.id));
}
