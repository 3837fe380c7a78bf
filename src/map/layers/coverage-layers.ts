// MapLibre overlays of the Coverage tool: the reach of every supply point (a circle of the chosen distance), the
// proposed new sites numbered in the order chosen with their reach, and the requests left uncovered.
import { circle } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import type { OverlaySpec } from '../overlay';
import { PALETTE } from '../palette';

export const COVERAGE_OVERLAY_ID = 'coverage';

/**
 * `supply` and `proposed` are [lng, lat]; each gets a circle of `radiusMeters` (great-circle, 48 steps). `uncovered`
 * are the demand points no site reaches.
 */
export function buildCoverageOverlay(supply: readonly (readonly [number, number])[], proposed: readonly (readonly [number, number])[], uncovered: readonly (readonly [number, number])[], radiusMeters: number): OverlaySpec {
  const reach = (p: readonly [number, number], part: string, n: number) => ({
    ...circle([p[0], p[1]], radiusMeters / 1000, { steps: 48, units: 'kilometers' }),
    properties: { part, n },
  });
  const data: FeatureCollection<Geometry> = {
    type: 'FeatureCollection',
    features: [
      ...supply.map((p, i) => reach(p, 'supply-reach', i + 1)),
      ...proposed.map((p, i) => reach(p, 'proposed-reach', i + 1)),
      ...uncovered.map((p) => ({ type: 'Feature' as const, properties: { part: 'uncovered', n: 0 }, geometry: { type: 'Point' as const, coordinates: [p[0], p[1]] } })),
      ...proposed.map((p, i) => ({ type: 'Feature' as const, properties: { part: 'proposed', n: i + 1, label: String(i + 1) }, geometry: { type: 'Point' as const, coordinates: [p[0], p[1]] } })),
    ],
  };
  const part = (name: string) => ['==', ['get', 'part'], name] as ['==', ['get', string], string];
  return {
    id: COVERAGE_OVERLAY_ID,
    data,
    layers: [
      { id: 'coverage-reach', type: 'fill', source: COVERAGE_OVERLAY_ID, filter: ['any', part('supply-reach'), part('proposed-reach')], paint: { 'fill-color': ['case', part('proposed-reach'), PALETTE.coverageProposed, PALETTE.disposal], 'fill-opacity': 0.16 } },
      { id: 'coverage-reach-line', type: 'line', source: COVERAGE_OVERLAY_ID, filter: ['any', part('supply-reach'), part('proposed-reach')], paint: { 'line-color': ['case', part('proposed-reach'), PALETTE.coverageProposed, PALETTE.disposal], 'line-width': 1.5, 'line-dasharray': [2, 1] } },
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
