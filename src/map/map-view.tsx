// The MapLibre map: our offline basemap and the overlays it is given as data; clicks go to one handler.
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../config/city';
import type { MapViewState } from '../domain/view';
import type { MapClick } from '../ui/tool-contract';
import { applyOverlayOps } from './apply-overlays';
import { createBasemapStyle } from './basemap-style';
import { interactiveLayerIds, planOverlaySync, type OverlaySpec } from './overlay';
import { loadDeckModule } from './load-deck-module';

maplibregl.setWorkerUrl(workerUrl);

export type MapViewProps = {
  /** Base URL of the generated data files ("data/" under the app's base). */
  dataBaseUrl: string;
  view: MapViewState;
  onViewChange: (view: MapViewState) => void;
  /** Everything drawn over the basemap, as data (map/overlay.ts); synced to the live map on every change. */
  overlays: readonly OverlaySpec[];
  /** deck.gl layers a tool draws (interleaved in MapLibre's own WebGL context). deck.gl loads only when non-empty. */
  deckLayers?: readonly Layer[];
  /** Every click on the map, with the interactive overlay features under it (topmost first). */
  onMapClick: (click: MapClick) => void;
  onMap: (map: maplibregl.Map | null) => void;
  ariaLabel: string;
  /** Pixels of the map hidden behind panels; the view's centre is the centre of what stays visible. */
  padding: { left: number; bottom: number };
};

/** Half the side of the box around a tap, in pixels: markers are small targets, especially on touch screens. */
const TAP_SLOP_PX = 6;

/** Renders the map; every prop change is applied to the live map without recreating it. */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  /** The overlays as last applied to the map (null until the style is in). */
  const applied = useRef<readonly OverlaySpec[] | null>(null);
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
      const overlays = latest.current.overlays;
      applyOverlayOps(map, planOverlaySync(null, overlays));
      applied.current = overlays;
      setStyleLoaded(true);
      latest.current.onMap(map);
    });

    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onViewChange({ center: [c.lng, c.lat], zoom: map.getZoom() });
    });

    const hitsAt = (point: maplibregl.Point) => {
      const layers = interactiveLayerIds(applied.current ?? []).filter((id) => map.getLayer(id));
      if (layers.length === 0) return [];
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [point.x - TAP_SLOP_PX, point.y - TAP_SLOP_PX],
        [point.x + TAP_SLOP_PX, point.y + TAP_SLOP_PX],
      ];
      return map.queryRenderedFeatures(box, { layers });
    };
    const report = (e: maplibregl.MapMouseEvent, gesture: MapClick['gesture']) => {
      if (applied.current === null) return;
      const features = hitsAt(e.point).map((f) => ({ layerId: f.layer.id, properties: { ...(f.properties ?? {}) } }));
      latest.current.onMapClick({ lngLat: [e.lngLat.lng, e.lngLat.lat], features, gesture });
    };
    map.on('click', (e) => report(e, 'tap'));
    // A long-press on a touch screen (and a right-click) is the browser's context-menu gesture.
    map.on('contextmenu', (e) => {
      e.preventDefault();
      report(e, 'long-press');
    });
    // Pointer cursor over anything clickable except area fills (a zone is clickable, but a hand over every zone misleads).
    map.on('mousemove', (e) => {
      const over = hitsAt(e.point).some((f) => f.layer.type !== 'fill');
      map.getCanvas().style.cursor = over ? 'pointer' : '';
    });

    return () => {
      latest.current.onMap(null);
      applied.current = null;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Overlays: apply only what changed since the last sync.
  const { overlays } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleLoaded) return;
    applyOverlayOps(map, planOverlaySync(applied.current, overlays));
    applied.current = overlays;
  }, [overlays, styleLoaded]);

  useDeckLayers(mapRef.current, styleLoaded, props.deckLayers);

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

/**
 * deck.gl layers, interleaved into MapLibre's own WebGL context (a second, overlaid context made the first map draw
 * about twice as slow in headless Chromium with SwiftShader). The deck.gl chunk is fetched the first time a tool
 * gives layers, never for the first screen.
 */
function useDeckLayers(map: maplibregl.Map | null, styleLoaded: boolean, layers: readonly Layer[] | undefined): void {
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const wanted = (layers?.length ?? 0) > 0;
  const [deck, setDeck] = useState<typeof import('./deck-module') | null>(null);
  useEffect(() => {
    if (!wanted || deck) return;
    let live = true;
    void loadDeckModule().then((m) => live && setDeck(m));
    return () => {
      live = false;
    };
  }, [wanted, deck]);
  useEffect(() => {
    if (!map || !styleLoaded || !deck) return;
    if (!overlayRef.current) {
      overlayRef.current = new deck.MapLibreOverlay({ interleaved: true, layers: [...(layers ?? [])] });
      map.addControl(overlayRef.current);
    } else overlayRef.current.setProps({ layers: [...(layers ?? [])] });
  }, [map, styleLoaded, deck, layers]);
  useEffect(
    () => () => {
      overlayRef.current?.finalize();
      overlayRef.current = null;
    },
    [],
  );
}
