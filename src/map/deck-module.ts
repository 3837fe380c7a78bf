// The deck.gl part of the map, loaded as its own chunk so the basemap and site layers draw without waiting for it.
export { MapLibreOverlay } from '@deck.gl/maplibre';
export { buildNeedleLayers } from './layers/needle-layers';
