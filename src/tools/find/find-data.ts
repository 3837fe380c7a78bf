// Loads what Find needs, once per page: sites, phone lines, the geocoder index and the walking graph (lazy: only when the tab opens).
import { DATA_FILES } from '../../config/city';
import type { PhoneService } from '../../domain/phone-service';
import { loadJson, loadPhoneServices, loadSites } from '../../datasets/load-data';
import { parseGeocoderIndex } from '../../datasets/geocoder-index';
import { loadWalkGraph } from '../../datasets/walk-graph';
import { createGeocoder, type Geocoder } from '../../geo/geocoder';
import { createWalkNetwork, type WalkNetwork } from '../../geo/walk-network';
import { findSitesFrom, type FindSite } from './find-results';
import { createReverseLookup } from './find-reverse';

export type FindData = {
  sites: FindSite[];
  phones: PhoneService[];
  geocoder: Geocoder;
  network: WalkNetwork;
  /** The point in words (nearest address or intersection), or null when none is near. */
  describe: ReturnType<typeof createReverseLookup>;
};

let pending: Promise<FindData> | null = null;

async function load(baseUrl: string): Promise<FindData> {
  const url = (file: string) => new URL(file, baseUrl).toString();
  const [sites, phones, index, graph] = await Promise.all([
    loadSites(url(DATA_FILES.sites)),
    loadPhoneServices(url(DATA_FILES.phoneServices)).catch(() => [] as PhoneService[]),
    loadJson(url(DATA_FILES.geocoderIndex)).then((json) => {
      try {
        return parseGeocoderIndex(json);
      } catch (e) {
        throw new Error(`${DATA_FILES.geocoderIndex}: ${(e as Error).message}`, { cause: e });
      }
    }),
    loadWalkGraph(url(DATA_FILES.walkGraph)),
  ]);
  const findSites = findSitesFrom(sites.rows);
  return {
    sites: findSites,
    phones,
    geocoder: createGeocoder(index, { places: findSites.map((s) => ({ name: s.name, lngLat: s.lngLat })) }),
    network: createWalkNetwork(graph),
    describe: createReverseLookup(index),
  };
}

/** The Find data, loaded on first call (a failed load is retried on the next call). */
export function loadFindData(baseUrl: string): Promise<FindData> {
  if (!pending) {
    pending = load(baseUrl);
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}
