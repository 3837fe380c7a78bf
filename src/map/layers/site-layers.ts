// MapLibre layers for sites: disposal points and drop-in service sites, filtered by kind with filter expressions.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { SiteKind } from '../../domain/site';
import type { FeatureCollection, Point } from 'geojson';
import type { SiteProperties } from '../../domain/site';
import { PALETTE } from '../palette';
import type { OverlaySpec } from '../overlay';

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

/** A white halo and the coloured marker above it, for one of the two site layers. */
function markerLayers(
  layer: 'disposal' | 'service',
  filter: FilterSpecification,
  visible: boolean,
  color: string,
  radiusPx: number,
  selectedId: string,
): LayerSpecification[] {
  const radius = (base: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 11, base, 16, base * 1.8];
  const isSelected: ExpressionSpecification = ['==', ['get', 'id'], selectedId];
  const common = { type: 'circle' as const, source: SITES_SOURCE_ID, filter, layout: { visibility: visibility(visible) } };
  return [
    { id: `sites-${layer}-halo`, ...common, paint: { 'circle-radius': radius(radiusPx + 2.5), 'circle-color': PALETTE.halo, 'circle-opacity': 0.9 } },
    {
      id: `sites-${layer}`,
      ...common,
      paint: {
        'circle-radius': radius(radiusPx),
        'circle-color': color,
        'circle-stroke-width': ['case', isSelected, 3, 1.5],
        'circle-stroke-color': ['case', isSelected, PALETTE.selection, PALETTE.markerStroke],
      },
    },
  ];
}

/** The site layers in draw order (halo below marker); ids match map/layer-order.ts. */
export function buildSiteLayers(input: SiteLayersInput): LayerSpecification[] {
  const selected = input.selectedSiteId ?? '';
  return [
    ...markerLayers('service', siteFilter('service', input.kinds), input.showServices, PALETTE.service, 6.5, selected),
    ...markerLayers('disposal', siteFilter('disposal', input.kinds), input.showDisposal, PALETTE.disposal, 5.5, selected),
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

/** The sites as an overlay (feature id = site id); a click on a marker hands its properties to the map's owner. */
export function buildSitesOverlay(sites: FeatureCollection<Point, SiteProperties>, input: SiteLayersInput): OverlaySpec {
  return { id: SITES_SOURCE_ID, data: sites, promoteId: 'id', layers: buildSiteLayers(input), interactiveLayerIds: SITE_CLICK_LAYER_IDS };
}
