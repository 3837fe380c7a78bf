// What Find works with: the shared place files (geocoder index, walking graph, area outlines; loaded when the tab
// first opens) and the sites and phone lines the app already loaded for the map.
import type { PhoneService } from '../../domain/phone-service';
import type { SiteFeature } from '../../domain/site';
import type { PlaceFiles } from '../../datasets/place-files';
import { createGeocoder, type Geocoder } from '../../geo/geocoder';
import { findSitesFrom, type FindSite } from './find-results';

export type FindData = PlaceFiles & {
  sites: FindSite[];
  phones: PhoneService[];
  /** Addresses, intersections and places, plus the sites by name. */
  geocoder: Geocoder;
};

/** Everything Find works with: the place files and the app's sites and phone lines. */
export function findData(files: PlaceFiles, sites: readonly SiteFeature[], phones: PhoneService[]): FindData {
  const findSites = findSitesFrom(sites);
  return {
    ...files,
    sites: findSites,
    phones,
    geocoder: createGeocoder(files.index, { places: findSites.map((s) => ({ name: s.name, lngLat: s.lngLat })) }),
  };
}
