// Which 311 representation is drawn at a zoom, and the deck.gl layer ids (kept apart from deck.gl so it loads lazily).
import { NEEDLE_POINTS_MIN_ZOOM } from '../../config/city';

export const NEEDLE_POINTS_LAYER_ID = 'needle-points';
export const NEEDLE_DENSITY_LAYER_ID = 'needle-density';

/** Points at and above NEEDLE_POINTS_MIN_ZOOM, a density layer below. */
export function needleModeAt(zoom: number): 'points' | 'density' {
  return zoom >= NEEDLE_POINTS_MIN_ZOOM ? 'points' : 'density';
}

/** Hexagon radius of the density layer at a zoom, in metres: finer as the map zooms in (three steps, so zooming
 * only re-aggregates when it crosses one). */
export function densityRadiusMeters(zoom: number): number {
  if (zoom < 12.5) return 250;
  if (zoom < 13.5) return 150;
  return 90;
}
