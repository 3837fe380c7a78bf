// MapLibre overlays of the Coverage tool: the reach of every supply point (a circle of the chosen distance, or its
// walking catchment along the streets), the proposed new sites numbered in the order chosen with their reach, and the
// requests left uncovered.
import { circle } from '@turf/turf';
import type { FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { OverlaySpec } from '../overlay';
import { PALETTE } from '../palette';

export const COVERAGE_OVERLAY_ID = 'coverage';

/** Walking catchments, one per supply point and per proposed site, in the same order (null: off the street network, a circle is drawn). */
export type CoverageCatchments = { supply: readonly (MultiPolygon | null)[]; proposed: readonly (MultiPolygon | null)[] };

/**
 * `supply` and `proposed` are [lng, lat]; each gets a circle of `radiusMeters` (great-circle, 48 steps), or with
 * `catchments` (walking) its catchment polygon, drawn with a solid outline (part `supply-catchment` /
 * `proposed-catchment`). `uncovered` are the demand points no site reaches; `locked` sites are marked "L".
 */
export function buildCoverageOverlay(
  supply: readonly (readonly [number, number])[],
  proposed: readonly (readonly [number, number])[],
  uncovered: readonly (readonly [number, number])[],
  radiusMeters: number,
  catchments?: CoverageCatchments,
  locked: readonly (readonly [number, number])[] = [],
): OverlaySpec {
  const reach = (p: readonly [number, number], part: 'supply' | 'proposed', n: number) => {
    const area = catchments?.[part][n - 1];
    if (area) return { type: 'Feature' as const, properties: { part: `${part}-catchment`, n }, geometry: area };
    return { ...circle([p[0], p[1]], radiusMeters / 1000, { steps: 48, units: 'kilometers' }), properties: { part: `${part}-reach`, n } };
  };
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [
      ...supply.map((p, i) => reach(p, 'supply', i + 1)),
      ...proposed.map((p, i) => reach(p, 'proposed', i + 1)),
      ...uncovered.map((p) => ({ type: 'Feature' as const, properties: { part: 'uncovered', n: 0 }, geometry: { type: 'Point' as const, coordinates: [p[0], p[1]] } })),
      ...proposed.map((p, i) => ({ type: 'Feature' as const, properties: { part: 'proposed', n: i + 1, label: String(i + 1) }, geometry: { type: 'Point' as const, coordinates: [p[0], p[1]] } })),
      // The planner's locked sites: marked "L" (counted before the search, so their reach is in the figures, not drawn).
      ...locked.map((p) => ({ type: 'Feature' as const, properties: { part: 'proposed', n: 0, label: 'L' }, geometry: { type: 'Point' as const, coordinates: [p[0], p[1]] } })),
    ],
  };
  const part = (name: string) => ['==', ['get', 'part'], name] as ['==', ['get', string], string];
  const areas = ['any', part('supply-reach'), part('proposed-reach'), part('supply-catchment'), part('proposed-catchment')] as const;
  const proposedArea = ['any', part('proposed-reach'), part('proposed-catchment')] as const;
  return {
    id: COVERAGE_OVERLAY_ID,
    data,
    layers: [
      // Catchments share the circles' layers (one place in the draw order); a walk is outlined solid, a straight line dashed.
      { id: 'coverage-reach', type: 'fill', source: COVERAGE_OVERLAY_ID, filter: [...areas], paint: { 'fill-color': ['case', [...proposedArea], PALETTE.coverageProposed, PALETTE.disposal], 'fill-opacity': 0.16 } },
      {
        id: 'coverage-reach-line',
        type: 'line',
        source: COVERAGE_OVERLAY_ID,
        filter: [...areas],
        paint: { 'line-color': ['case', [...proposedArea], PALETTE.coverageProposed, PALETTE.disposal], 'line-width': 1.5, 'line-dasharray': catchments ? [1, 0] : [2, 1] },
      },
      { id: 'coverage-uncovered', type: 'circle', source: COVERAGE_OVERLAY_ID, filter: part('uncovered'), paint: { 'circle-radius': 2.5, 'circle-color': PALETTE.sweepStop, 'circle-opacity': 0.7 } },
      { id: 'coverage-proposed', type: 'circle', source: COVERAGE_OVERLAY_ID, filter: part('proposed'), paint: { 'circle-radius': 10, 'circle-color': PALETTE.coverageProposed, 'circle-stroke-width': 2, 'circle-stroke-color': PALETTE.halo } },
      {
        id: 'coverage-proposed-label',
        type: 'symbol',
        source: COVERAGE_OVERLAY_ID,
        filter: part('proposed'),
        layout: { 'text-field': ['get', 'label'], 'text-font': ['sans-serif'], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': PALETTE.halo },
      },
    ],
  };
}

export const COVERAGE_AREAS_OVERLAY_ID = 'coverage-areas';
/** Lower bounds of the share classes of the per-neighbourhood choropleth (five classes of 20 %). */
export const COVERAGE_SHARE_BREAKS = [0, 0.2, 0.4, 0.6, 0.8] as const;

/** The class (0-4) of a share covered, 0..1: the last break it reaches. */
export function coverageShareClass(share: number): number {
  let k = 0;
  COVERAGE_SHARE_BREAKS.forEach((b, i) => {
    if (share >= b) k = i;
  });
  return k;
}

/**
 * Each neighbourhood filled by the share of its demand within reach (property `share`, 0..1; class colours from
 * PALETTE.coverageShareRamp by COVERAGE_SHARE_BREAKS), outlined; neighbourhoods without demand are left out.
 */
export function buildCoverageAreasOverlay(areas: readonly { name: string; geometry: Geometry; share: number }[]): OverlaySpec {
  const ramp = PALETTE.coverageShareRamp;
  const steps: (number | string)[] = [];
  COVERAGE_SHARE_BREAKS.slice(1).forEach((b, i) => steps.push(b, ramp[i + 1]!));
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', properties: { id: a.name, name: a.name, share: a.share, shareClass: coverageShareClass(a.share) }, geometry: a.geometry })),
  };
  return {
    id: COVERAGE_AREAS_OVERLAY_ID,
    data,
    layers: [
      { id: 'coverage-choropleth', type: 'fill', source: COVERAGE_AREAS_OVERLAY_ID, paint: { 'fill-color': ['step', ['get', 'share'], ramp[0]!, ...steps] as never } },
      { id: 'coverage-choropleth-line', type: 'line', source: COVERAGE_AREAS_OVERLAY_ID, paint: { 'line-color': 'rgba(8, 48, 107, 0.6)', 'line-width': 1 } },
    ],
  };
}
