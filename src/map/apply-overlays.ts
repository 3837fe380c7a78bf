// Carries out an overlay sync plan (map/overlay.ts) on a live MapLibre map, placing every layer by map/layer-order.ts.
import * as maplibregl from 'maplibre-gl';
import type { FilterSpecification } from 'maplibre-gl';
import { beforeIdFor } from './layer-order';
import type { OverlayOp } from './overlay';

/** Property names as MapLibre types them; a plan carries them as strings taken from layer specifications. */
type LayoutName = Parameters<maplibregl.Map['setLayoutProperty']>[1];
type PaintName = Parameters<maplibregl.Map['setPaintProperty']>[1];

/** Applies `ops` in order. Layers and sources the map does not have are skipped (a removed style, a failed add). */
export function applyOverlayOps(map: maplibregl.Map, ops: readonly OverlayOp[]): void {
  for (const o of ops) {
    switch (o.op) {
      case 'add-source':
        if (!map.getSource(o.overlay.id)) {
          map.addSource(o.overlay.id, {
            type: 'geojson',
            data: o.overlay.data,
            ...(o.overlay.promoteId ? { promoteId: o.overlay.promoteId } : {}),
          });
        }
        break;
      case 'set-data': {
        const source = map.getSource(o.sourceId);
        if (source instanceof maplibregl.GeoJSONSource) source.setData(o.data);
        break;
      }
      case 'remove-source':
        if (map.getSource(o.sourceId)) map.removeSource(o.sourceId);
        break;
      case 'add-layer':
        if (!map.getLayer(o.layer.id)) map.addLayer(o.layer, beforeIdFor(o.layer.id, map));
        break;
      case 'remove-layer':
        if (map.getLayer(o.layerId)) map.removeLayer(o.layerId);
        break;
      case 'set-filter':
        if (map.getLayer(o.layerId)) map.setFilter(o.layerId, (o.filter ?? null) as FilterSpecification | null);
        break;
      case 'set-layout':
        if (map.getLayer(o.layerId)) map.setLayoutProperty(o.layerId, o.name as LayoutName, o.value as Parameters<maplibregl.Map['setLayoutProperty']>[2]);
        break;
      case 'set-paint':
        if (map.getLayer(o.layerId)) map.setPaintProperty(o.layerId, o.name as PaintName, o.value as Parameters<maplibregl.Map['setPaintProperty']>[2]);
        break;
      case 'set-zoom-range':
        if (map.getLayer(o.layerId)) map.setLayerZoomRange(o.layerId, o.minzoom, o.maxzoom);
        break;
    }
  }
}
