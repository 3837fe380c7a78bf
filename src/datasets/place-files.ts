// The files that answer "where" and "how far on foot", loaded once per page when a tool first needs them (Find, and
// the Sites editor's address field): the geocoder index, the walking graph and the area outlines (the map's land file,
// already in the browser's cache). Never on the first screen.
import { DATA_FILES } from '../config/city';
import { createAreaLookup, type NamedArea } from '../geo/area-lookup';
import type { GeocoderIndex } from '../geo/geocoder';
import { createReverseLookup } from '../geo/reverse-geocode';
import { createWalkNetwork, type WalkNetwork } from '../geo/walk-network';
import { parseGeocoderIndex } from './geocoder-index';
import { parseLandAreas, type LandAreaKind } from './land-areas';
import { loadDecoded } from './load-data';
import { loadWalkGraph } from './walk-graph';

/** The place files, decoded. */
export type PlaceFiles = {
  index: GeocoderIndex;
  network: WalkNetwork;
  /** The point in words (nearest address or intersection), or null when none is near. */
  describe: ReturnType<typeof createReverseLookup>;
  /** The Boston neighbourhood or neighbouring city containing a point, or null outside them all. */
  areaAt: (point: readonly [number, number]) => NamedArea<LandAreaKind> | null;
  /** Boston's neighbourhoods and the neighbouring cities (their outlines, for choropleths). */
  areas: readonly NamedArea<LandAreaKind>[];
};

let pending: Promise<PlaceFiles> | null = null;

async function load(baseUrl: string): Promise<PlaceFiles> {
  const url = (file: string) => new URL(file, baseUrl).toString();
  const [index, graph, areas] = await Promise.all([
    loadDecoded(url(DATA_FILES.geocoderIndex), parseGeocoderIndex),
    loadWalkGraph(url(DATA_FILES.walkGraph)),
    loadDecoded(url(DATA_FILES.land), parseLandAreas),
  ]);
  return { index, network: createWalkNetwork(graph), describe: createReverseLookup(index), areaAt: createAreaLookup(areas), areas };
}

/** The place files, loaded on first call and shared by every caller (a failed load is retried on the next call). */
export function loadPlaceFiles(baseUrl: string): Promise<PlaceFiles> {
  if (!pending) {
    pending = load(baseUrl);
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}
