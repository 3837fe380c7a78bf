// The map view and the four overlay layers a user can switch: vocabulary shared by the map, the app and the tools.
import type { LngLat } from './geometry';

/** What part of the map is shown: centre ([lng, lat], WGS84) and zoom level. */
export type MapViewState = { center: LngLat; zoom: number };

/** The overlay layers of the legend, in legend order. */
export const LAYER_IDS = ['disposal', 'services', 'needles', 'zones'] as const;
export type LayerId = (typeof LAYER_IDS)[number];
