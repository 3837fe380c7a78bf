// A bare MapLibre page that draws only the basemap (no React, no overlays): for looking at the basemap and as
// the benchmark's baseline. Sets window.__bareMapIdleMs to the ms from navigation start to the map's first 'idle'.
// The view can be set with the hash (#zoom/lat/lng), as MapLibre's `hash` option writes it.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { DEFAULT_CENTER, DEFAULT_ZOOM, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../../src/config/city';
import { createBasemapStyle } from '../../src/map/basemap-style';

declare global {
  interface Window {
    __bareMapIdleMs?: number;
    __bareMap?: maplibregl.Map;
  }
}

maplibregl.setWorkerUrl(workerUrl);

const map = new maplibregl.Map({
  container: 'map',
  style: createBasemapStyle('/data/'),
  center: DEFAULT_CENTER,
  zoom: DEFAULT_ZOOM,
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  maxBounds: MAX_BOUNDS,
  hash: true,
  attributionControl: { compact: true },
});
window.__bareMap = map;
map.once('idle', () => {
  window.__bareMapIdleMs = performance.now();
});
