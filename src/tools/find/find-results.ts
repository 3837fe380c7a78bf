// What Find answers: the candidate sites for a question, who may use them, and their order by walking distance.
import type { Feature, Point } from 'geojson';
import type { SiteProperties } from '../../domain/site';
import { createNearestIndex } from '../../geo/nearest';
import type { WalkNetwork, WalkRoute } from '../../geo/walk-network';
import type { FindQuestion } from './find-state';

/** A site as Find handles it: its properties and its [lng, lat] position. */
export type FindSite = SiteProperties & { lngLat: [number, number] };

/** A site with its walking route from the search point. */
export type FindResult = { site: FindSite; route: WalkRoute; straightMeters: number };

/** Who may use a place, read from its eligibility text: null text stays unknown, never assumed open. */
export type EligibilityClass = 'everyone' | 'restricted' | 'unknown';

/**
 * The rule, from data/sites.csv's eligibility column: a place is restricted when the text limits it to a town's
 * residents ("Brookline residents only", "Cambridge residents only, not businesses") or otherwise says "only"
 * about who (members, clients, patients). Any other published text ("Free and anonymous", "Low-threshold...")
 * describes a place anyone may use.
 */
export function eligibilityClass(eligibility: string | null): EligibilityClass {
  if (eligibility === null || eligibility.trim() === '') return 'unknown';
  if (/\b(residents?|members?|clients?|patients?)\s+only\b/i.test(eligibility)) return 'restricted';
  if (/\bonly\s+(for\s+)?(\w+\s+)?(residents?|members?|clients?|patients?)\b/i.test(eligibility)) return 'restricted';
  return 'everyone';
}

/** Which site layer answers a question: disposal points for disposing (and a found needle), service sites otherwise. */
export function layerFor(question: FindQuestion): 'disposal' | 'service' {
  return question === 'services' ? 'service' : 'disposal';
}

export function findSitesFrom(features: readonly Feature<Point, SiteProperties>[]): FindSite[] {
  return features.map((f) => ({ ...f.properties, lngLat: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] }));
}

export type FindQuery = {
  point: [number, number];
  question: FindQuestion;
  /** Keep only sites for which this is true (open now, open to everyone...). */
  keep?: (site: FindSite) => boolean;
  /** How many straight-line candidates to route (default 15). */
  candidates?: number;
  /** How many results to return (default 5). */
  limit?: number;
};

/**
 * The nearest sites answering `question` by walking distance (metres along the street network), nearest first:
 * the `candidates` nearest by great-circle distance are routed in one search, then the first `limit` by walk kept.
 * Equal walking distances keep the straight-line order.
 */
export function findNearestByWalk(sites: readonly FindSite[], network: WalkNetwork, query: FindQuery): FindResult[] {
  const layer = layerFor(query.question);
  const keep = query.keep ?? (() => true);
  const index = createNearestIndex(sites.filter((s) => s.layer === layer && keep(s)));
  const hits = index.nearest(query.point, { k: query.candidates ?? 15 });
  const routes = network.routeMany(query.point, hits.map((h) => h.site.lngLat));
  return hits
    .map((h, i) => ({ site: h.site, route: routes[i]!, straightMeters: h.distanceMeters, order: i }))
    .sort((a, b) => a.route.distanceMeters - b.route.distanceMeters || a.order - b.order)
    .slice(0, query.limit ?? 5)
    .map(({ site, route, straightMeters }) => ({ site, route, straightMeters }));
}
