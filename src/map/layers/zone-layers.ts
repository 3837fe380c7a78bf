// MapLibre layers for outreach zones: translucent fill, outline (dashed when approximate) and name label.
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ZoneProperties } from '../../domain/zone';
import { PALETTE } from '../palette';
import type { OverlaySpec } from '../overlay';

export const ZONES_SOURCE_ID = 'zones';

export function buildZoneLayers(visible: boolean): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: 'zones-fill',
      type: 'fill',
      source: ZONES_SOURCE_ID,
      layout: { visibility },
      paint: { 'fill-color': PALETTE.zoneFill, 'fill-opacity': 0.16 },
    },
    {
      id: 'zones-line',
      type: 'line',
      source: ZONES_SOURCE_ID,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.zone,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 3],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'zones-label',
      type: 'symbol',
      source: ZONES_SOURCE_ID,
      minzoom: 12,
      layout: {
        visibility,
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': 13,
        'symbol-placement': 'point',
        'text-max-width': 8,
      },
      paint: {
        'text-color': PALETTE.zoneLabel,
        'text-halo-color': PALETTE.labelHalo,
        'text-halo-width': 2,
      },
    },
  ];
}

/** Id of the layer a click inside a zone hits. */
export const ZONE_CLICK_LAYER_ID = 'zones-fill';

/** The outreach zones as an overlay; a click inside one hands its properties to the map's owner. */
export function buildZonesOverlay(zones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties>, visible: boolean): OverlaySpec {
  return { id: ZONES_SOURCE_ID, data: zones, layers: buildZoneLayers(visible), interactiveLayerIds: [ZONE_CLICK_LAYER_ID] };
}
