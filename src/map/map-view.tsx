// The MapLibre map: our offline basemap, site and zone overlay layers, and the deck.gl overlay for 311 requests.
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type { DeckModule } from './use-deck-module';
import type { FeatureCollection, Geometry } from 'geojson';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../config/city';
import type { LngLat } from '../domain/geometry';
import { createBasemapStyle } from './basemap-style';
import { beforeIdFor } from './layer-order';
import { buildSiteLayers, SITE_CLICK_LAYER_IDS, SITES_SOURCE_ID, type SiteLayersInput } from './layers/site-layers';
import { buildZoneLayers, ZONES_SOURCE_ID } from './layers/zone-layers';
import { buildNeedlePointLayer, NEEDLES_SOURCE_ID, type NeedlePointLayerInput } from './layers/needle-point-layers';
import { NEEDLE_POINTS_LAYER_ID } from './layers/needle-mode';

maplibregl.setWorkerUrl(workerUrl);

export type MapViewState = { center: LngLat; zoom: number };

export type MapViewProps = {
  /** Base URL of the generated data files ("data/" under the app's base). */
  dataBaseUrl: string;
  view: MapViewState;
  onViewChange: (view: MapViewState) => void;
  sites: FeatureCollection<Geometry> | null;
  zones: FeatureCollection<Geometry> | null;
  siteLayers: SiteLayersInput;
  /** 311 requests as points (one feature per table row) and their filter. */
  needlePoints: FeatureCollection<Geometry> | null;
  needlePointLayer: NeedlePointLayerInput;
  onNeedleClick: (index: number) => void;
  /** A click on a zone's area that hit no marker or 311 point. */
  onZoneClick: (zoneId: string) => void;
  showZones: boolean;
  /** The lazily loaded deck.gl chunk (null until it arrives) and the layers to draw with it. */
  deck: DeckModule | null;
  deckLayers: Layer[];
  onSiteClick: (siteId: string) => void;
  onMap: (map: maplibregl.Map | null, overlay: MapLibreOverlay | null) => void;
  ariaLabel: string;
  /** Pixels of the map hidden behind panels; the view's centre is the centre of what stays visible. */
  padding: { left: number; bottom: number };
};

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function setSourceData(map: maplibregl.Map, id: string, data: FeatureCollection<Geometry> | null): void {
  const source = map.getSource(id);
  if (source instanceof maplibregl.GeoJSONSource) source.setData(data ?? EMPTY);
}

/** Renders the map; every prop change is applied to the live map without recreating it. */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  /** True once the style and the overlay layers are in: a ref for the map's own handlers, state for effects. */
  const styleReady = useRef(false);
  const [styleLoaded, setStyleLoaded] = useState(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const p = latest.current;
    const map = new maplibregl.Map({
      container,
      style: createBasemapStyle(p.dataBaseUrl),
      center: p.view.center,
      zoom: p.view.zoom,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      maxBounds: MAX_BOUNDS,
      attributionControl: { compact: true },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    map.setPadding({ top: 0, right: 0, ...p.padding });
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'imperial' }), 'bottom-left');
    mapRef.current = map;
    // Marks for the benchmark's breakdown (performance.getEntriesByType('mark')).
    performance.mark('hrm:map-created');
    map.once('idle', () => performance.mark('hrm:map-first-idle'));

    // 'style.load', not 'load': the overlays join the basemap's first render pass instead of starting a second one.
    map.once('style.load', () => {
      performance.mark('hrm:style-loaded');
      const cur = latest.current;
      map.addSource(ZONES_SOURCE_ID, { type: 'geojson', data: cur.zones ?? EMPTY });
      map.addSource(SITES_SOURCE_ID, { type: 'geojson', data: cur.sites ?? EMPTY, promoteId: 'id' });
      map.addSource(NEEDLES_SOURCE_ID, { type: 'geojson', data: cur.needlePoints ?? EMPTY });
      const layers = [...buildZoneLayers(cur.showZones), buildNeedlePointLayer(cur.needlePointLayer), ...buildSiteLayers(cur.siteLayers)];
      for (const layer of layers) {
        map.addLayer(layer, beforeIdFor(layer.id, map));
      }
      styleReady.current = true;
      setStyleLoaded(true);
      cur.onMap(map, overlayRef.current);
    });

    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onViewChange({ center: [c.lng, c.lat], zoom: map.getZoom() });
    });

    map.on('click', (e) => {
      if (!styleReady.current) return;
      // A small box around the tap: markers are small targets, especially on touch screens.
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [e.point.x - 6, e.point.y - 6],
        [e.point.x + 6, e.point.y + 6],
      ];
      const site = map.queryRenderedFeatures(box, { layers: [...SITE_CLICK_LAYER_IDS] })[0];
      const siteId = site?.properties?.['id'];
      if (typeof siteId === 'string') {
        latest.current.onSiteClick(siteId);
        return;
      }
      const needle = map.queryRenderedFeatures(box, { layers: [NEEDLE_POINTS_LAYER_ID] })[0];
      const index = needle?.properties?.['i'];
      if (typeof index === 'number') {
        latest.current.onNeedleClick(index);
        return;
      }
      const zone = map.queryRenderedFeatures(e.point, { layers: ['zones-fill'] })[0];
      const zoneId = zone?.properties?.['id'];
      if (typeof zoneId === 'string') latest.current.onZoneClick(zoneId);
    });
    for (const layerId of [...SITE_CLICK_LAYER_IDS, NEEDLE_POINTS_LAYER_ID]) {
      map.on('mouseenter', layerId, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layerId, () => (map.getCanvas().style.cursor = ''));
    }

    return () => {
      latest.current.onMap(null, null);
      styleReady.current = false;
      overlayRef.current?.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // Data
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleReady.current) setSourceData(map, SITES_SOURCE_ID, props.sites);
  }, [props.sites]);
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleReady.current) setSourceData(map, ZONES_SOURCE_ID, props.zones);
  }, [props.zones]);
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleReady.current) setSourceData(map, NEEDLES_SOURCE_ID, props.needlePoints);
  }, [props.needlePoints]);
  const { visible: needlesVisible, fromDay, toDay, statuses, selectedIndex } = props.needlePointLayer;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady.current || !map.getLayer(NEEDLE_POINTS_LAYER_ID)) return;
    const layer = buildNeedlePointLayer({ visible: needlesVisible, fromDay, toDay, statuses, selectedIndex });
    if (layer.type !== 'circle') return;
    map.setFilter(NEEDLE_POINTS_LAYER_ID, layer.filter);
    map.setLayoutProperty(NEEDLE_POINTS_LAYER_ID, 'visibility', needlesVisible ? 'visible' : 'none');
    map.setPaintProperty(NEEDLE_POINTS_LAYER_ID, 'circle-radius', layer.paint?.['circle-radius']);
    map.setPaintProperty(NEEDLE_POINTS_LAYER_ID, 'circle-stroke-width', layer.paint?.['circle-stroke-width']);
    map.setPaintProperty(NEEDLE_POINTS_LAYER_ID, 'circle-stroke-color', layer.paint?.['circle-stroke-color']);
  }, [needlesVisible, fromDay, toDay, statuses, selectedIndex]);

  // Visibility and filters of the MapLibre overlay layers
  const { showDisposal, showServices, kinds, selectedSiteId } = props.siteLayers;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady.current) return;
    for (const layer of buildSiteLayers({ showDisposal, showServices, kinds, selectedSiteId })) {
      if (!map.getLayer(layer.id)) continue;
      if ('filter' in layer && layer.filter) map.setFilter(layer.id, layer.filter);
      map.setLayoutProperty(layer.id, 'visibility', layer.layout?.visibility ?? 'visible');
      if (layer.type === 'circle' && layer.paint?.['circle-stroke-width'] !== undefined) {
        map.setPaintProperty(layer.id, 'circle-stroke-width', layer.paint['circle-stroke-width']);
        map.setPaintProperty(layer.id, 'circle-stroke-color', layer.paint['circle-stroke-color']);
      }
    }
  }, [showDisposal, showServices, kinds, selectedSiteId]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady.current) return;
    for (const layer of buildZoneLayers(props.showZones)) {
      if (map.getLayer(layer.id)) map.setLayoutProperty(layer.id, 'visibility', props.showZones ? 'visible' : 'none');
    }
  }, [props.showZones]);

  // deck.gl overlay: added once its chunk has arrived and the style (with the layer it goes under) is in, then fed
  // new layers. Interleaved: deck.gl draws into MapLibre's own WebGL context; a second, overlaid context made the
  // first map draw about twice as slow in headless Chromium with SwiftShader (npm run bench).
  const { deck } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !deck || !styleLoaded || overlayRef.current) return;
    const overlay = new deck.MapLibreOverlay({ interleaved: true, layers: latest.current.deckLayers });
    map.addControl(overlay);
    overlayRef.current = overlay;
    if (styleReady.current) latest.current.onMap(map, overlay);
  }, [deck, styleLoaded]);
  useEffect(() => {
    overlayRef.current?.setProps({ layers: props.deckLayers });
  }, [props.deckLayers]);

  const { left, bottom } = props.padding;
  useEffect(() => {
    mapRef.current?.setPadding({ top: 0, right: 0, left, bottom });
  }, [left, bottom]);

  // External view changes (URL edits, back button): move only when the map is elsewhere.
  const { center, zoom } = props.view;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const c = map.getCenter();
    const far = Math.abs(c.lng - center[0]) > 1e-5 || Math.abs(c.lat - center[1]) > 1e-5 || Math.abs(map.getZoom() - zoom) > 0.01;
    if (far) map.jumpTo({ center, zoom });
  }, [center, zoom]);

  return <div ref={containerRef} className="map" data-testid="map" role="region" aria-label={props.ariaLabel} />;
}
