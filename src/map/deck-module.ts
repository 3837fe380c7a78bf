// The deck.gl part of the map, loaded as its own chunk only when a tool draws deck.gl layers (never on the first screen).
export { MapLibreOverlay } from '@deck.gl/maplibre';
