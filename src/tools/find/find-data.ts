// What only Find loads, once per page when the tab first opens: the geocoder index, the walking graph and the area
// outlines (the map's land file, already in the browser's cache). Sites and phone lines come from the app.
import { DATA_FILES } from '../../config/city';
import type { PhoneService } from '../../domain/phone-service';
import type { SiteFeature } from '../../domain/site';
import { loadDecoded } from '../../datasets/load-data';
import { parseGeocoderIndex } from '../../datasets/geocoder-index';
import { loadWalkGraph } from '../../datasets/walk-graph';
import { parseLandAreas, type LandAreaKind } from '../../datasets/land-areas';
import { createAreaLookup, type NamedArea } from '../../geo/area-lookup';
import { createGeocoder, type Geocoder, type GeocoderIndex } from '../../geo/geocoder';
import { createWalkNetwork, type WalkNetwork } from '../../geo/walk-network';
import { findSitesFrom, type FindSite } from './find-results';
import { createReverseLookup } from './find-reverse';

/** The files Find loads itself, decoded. */
export type FindFiles = {
  index: GeocoderIndex;
  network: WalkNetwork;
  /** The point in words (nearest address or intersection), or null when none is near. */
  describe: ReturnType<typeof createReverseLookup>;
  /** The Boston neighbourhood or neighbouring city containing a point, or null outside them all. */
  areaAt: (point: readonly [number, number]) => NamedArea<LandAreaKind> | null;
};

export type FindData = FindFiles & {
  sites: FindSite[];
  phones: PhoneService[];
  /** Addresses, intersections and places, plus the sites by name. */
  geocoder: Geocoder;
};

let pending: Promise<FindFiles> | null = null;

async function load(baseUrl: string): Promise<FindFiles> {
  const url = (file: string) => new URL(file, baseUrl).toString();
  const [index, graph, areas] = await Promise.all([
    loadDecoded(url(DATA_FILES.geocoderIndex), parseGeocoderIndex),
    loadWalkGraph(url(DATA_FILES.walkGraph)),
    loadDecoded(url(DATA_FILES.land), parseLandAreas),
  ]);
  return { index, network: createWalkNetwork(graph), describe: createReverseLookup(index), areaAt: createAreaLookup(areas) };
}

/** Find's own files, loaded on first call (a failed load is retried on the next call). */
export function loadFindFiles(baseUrl: string): Promise<FindFiles> {
  if (!pending) {
    pending = load(baseUrl);
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}

/** Everything Find works with: its own files and the app's sites and phone lines. */
export function findData(files: FindFiles, sites: readonly SiteFeature[], phones: PhoneService[]): FindData {
  const findSites = findSitesFrom(sites);
  return {
    ...files,
    sites: findSites,
    phones,
    geocoder: createGeocoder(files.index, { places: findSites.map((s) => ({ name: s.name, lngLat: s.lngLat })) }),
  };
}
