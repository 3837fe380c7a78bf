// MapLibre layers for sites: disposal points and drop-in service sites, filtered by kind with filter expressions.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { SiteKind } from '../../domain/site';
import { PALETTE } from '../palette';

export const SITES_SOURCE_ID = 'sites';

/** MapLibre filter: the layer's sites whose kind is in `kinds`. */
export function siteFilter(layer: 'disposal' | 'service', kinds: readonly SiteKind[]): FilterSpecification {
  return ['all', ['==', ['get', 'layer'], layer], ['in', ['get', 'kind'], ['literal', [...kinds]]]];
}

const visibility = (visible: boolean) => (visible ? 'visible' : 'none') as 'visible' | 'none';

export type SiteLayersInput = {
  showDisposal: boolean;
  showServices: boolean;
  kinds: readonly SiteKind[];
  selectedSiteId: string | null;
};

/** The site layers in draw order (halo below marker); ids match map/layer-order.ts. */
export function buildSiteLayers(input: SiteLayersInput): LayerSpecification[] {
  const selected = input.selectedSiteId ?? '';
  const disposal = siteFilter('disposal', input.kinds);
  const service = siteFilter('service', input.kinds);
  const radius = (base: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 11, base, 16, base * 1.8];
  return [
    {
      id: 'sites-service-halo',
      type: 'circle',
      source: SITES_SOURCE_ID,
      filter: service,
      layout: { visibility: visibility(input.showServices) },
      paint: {
        'circle-radius': radius(9),
        'circle-color': PALETTE.halo,
        'circle-opacity': 0.9,
      },
    },
    {
      id: 'sites-service',
      type: 'circle',
      source: SITES_SOURCE_ID,
      filter: service,
      layout: { visibility: visibility(input.showServices) },
      paint: {
        'circle-radius': radius(6.5),
        'circle-color': PALETTE.service,
        'circle-stroke-width': ['case', ['==', ['get', 'id'], selected], 3, 1.5],
        'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], PALETTE.selection, PALETTE.markerStroke],
      },
    },
    {
      id: 'sites-disposal-halo',
      type: 'circle',
      source: SITES_SOURCE_ID,
      filter: disposal,
      layout: { visibility: visibility(input.showDisposal) },
      paint: {
        'circle-radius': radius(8),
        'circle-color': PALETTE.halo,
        'circle-opacity': 0.9,
      },
    },
    {
      id: 'sites-disposal',
      type: 'circle',
      source: SITES_SOURCE_ID,
      filter: disposal,
      layout: { visibility: visibility(input.showDisposal) },
      paint: {
        'circle-radius': radius(5.5),
        'circle-color': PALETTE.disposal,
        'circle-stroke-width': ['case', ['==', ['get', 'id'], selected], 3, 1.5],
        'circle-stroke-color': ['case', ['==', ['get', 'id'], selected], PALETTE.selection, PALETTE.markerStroke],
      },
    },
    {
      id: 'sites-label',
      type: 'symbol',
      source: SITES_SOURCE_ID,
      minzoom: 13.5,
      filter: [
        'all',
        ['in', ['get', 'layer'], ['literal', [...(input.showDisposal ? ['disposal'] : []), ...(input.showServices ? ['service'] : [])]]],
        ['in', ['get', 'kind'], ['literal', [...input.kinds]]],
      ],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': 12,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-max-width': 10,
        'text-optional': true,
      },
      paint: {
        'text-color': PALETTE.siteLabel,
        'text-halo-color': PALETTE.labelHalo,
        'text-halo-width': 1.5,
      },
    },
  ];
}

/** Ids of the layers a click on a site hits. */
export const SITE_CLICK_LAYER_IDS = ['sites-disposal', 'sites-service'] as const;
