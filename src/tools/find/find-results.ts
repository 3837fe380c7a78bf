// What Find answers: which sites serve each need, who may use them, the filters, and their order by walking distance.
import type { Feature, Point } from 'geojson';
import type { OpenState } from '../../domain/opening-hours';
import type { SiteKind, SiteProperties } from '../../domain/site';
import { createNearestIndex } from '../../geo/nearest';
import type { WalkNetwork, WalkRoute } from '../../geo/walk-network';
import { WALK_METERS_PER_MINUTE } from '../../config/city';
import { eligibilityClass, type EligibilityClass } from '../../domain/site-eligibility';

export { eligibilityClass, type EligibilityClass };
import type { FindQuestion } from './find-state';

/** A site as Find handles it: its properties and its [lng, lat] position. */
export type FindSite = SiteProperties & { lngLat: [number, number] };

/** A site with its walking route from the search point. */
export type FindResult = { site: FindSite; route: WalkRoute; straightMeters: number };

/** A walk longer than this (30 minutes at WALK_METERS_PER_MINUTE) is "not within walking range": Find says so. */
export const WALK_RANGE_MINUTES = 30;
export const WALK_RANGE_METERS = WALK_RANGE_MINUTES * WALK_METERS_PER_MINUTE;


/** The needs Find lists places for (a found needle is answered by 3-1-1 and the nearest disposal point). */
export type FindNeed = Exclude<FindQuestion, 'found-needle'>;

/**
 * Which sites serve a need: every site of `kinds`, and any other site whose services (data/sites.csv, ';'-separated)
 * name the need. A syringe service program takes used syringes back (needle exchange, syringe return), so it answers
 * "I have used syringes to get rid of" as a kiosk does.
 */
export const NEED_RULES: Readonly<Record<FindNeed, { kinds: readonly SiteKind[]; services: RegExp }>> = {
  dispose: { kinds: ['disposal-kiosk', 'drop-off', 'syringe-service-program'], services: /\b(sharps disposal|syringe (return|disposal|drop-off)|needle (exchange|return|disposal))\b/i },
  supplies: { kinds: ['syringe-service-program'], services: /\b(supplies|naloxone|narcan|test strips?|kits?|syringe access|clean needles)\b/i },
  'drop-in': { kinds: ['drop-in-center'], services: /\b(drop-in|restrooms?|showers?|somewhere to (be|rest))\b/i },
  treatment: { kinds: ['treatment'], services: /\b(treatment|detox|methadone|buprenorphine|suboxone|recovery coach(es)?)\b/i },
};

/** Whether `site` serves `need` (see NEED_RULES). */
export function servesNeed(site: Pick<SiteProperties, 'kind' | 'services'>, need: FindNeed): boolean {
  const rule = NEED_RULES[need];
  return rule.kinds.includes(site.kind) || site.services.some((s) => rule.services.test(s));
}

/** The need a question lists places for: a found needle lists the nearest disposal point. */
export const needOf = (question: FindQuestion): FindNeed => (question === 'found-needle' ? 'dispose' : question);

export type FindFilters = { openNow: boolean; open247: boolean; everyone: boolean; language: string | null; wheelchair: boolean };

/**
 * The filters as one test. "Open to everyone" leaves out the places a source restricts (a town's residents only...);
 * a place whose eligibility no source publishes stays, marked "not published" in the list, since the City's own
 * outdoor boxes are such places. Otherwise unknown never passes: unpublished hours are not "open now", no wheelchair
 * information is not "accessible".
 */
export function siteFilter(filters: FindFilters, openStateOf: (site: FindSite) => OpenState | undefined): (site: FindSite) => boolean {
  const language = filters.language?.toLowerCase() ?? null;
  return (site) => {
    if (filters.everyone && eligibilityClass(site.eligibility) === 'restricted') return false;
    if (filters.wheelchair && site.wheelchair !== 'yes') return false;
    if (language !== null && !site.languages.some((l) => l.toLowerCase() === language)) return false;
    if (filters.openNow || filters.open247) {
      const open = openStateOf(site);
      if (open?.state !== 'open') return false;
      if (filters.open247 && open.nextChange !== null) return false;
    }
    return true;
  };
}

/** The languages the sites publish, sorted, each once (case-insensitive), for the language filter. */
export function languagesOf(sites: readonly FindSite[]): string[] {
  const byKey = new Map<string, string>();
  for (const s of sites) for (const l of s.languages) if (!byKey.has(l.toLowerCase())) byKey.set(l.toLowerCase(), l);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

export function findSitesFrom(features: readonly Feature<Point, SiteProperties>[]): FindSite[] {
  return features.map((f) => ({ ...f.properties, lngLat: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] }));
}

export type FindQuery = {
  point: [number, number];
  need: FindNeed;
  /** Keep only sites for which this is true (see siteFilter). */
  keep?: (site: FindSite) => boolean;
  /** How many straight-line candidates to route (default 15). */
  candidates?: number;
  /** How many results to return (default 5). */
  limit?: number;
};

/**
 * The nearest sites serving `need` by walking distance (metres along the street network), nearest first:
 * the `candidates` nearest by great-circle distance are routed in one search, then the first `limit` by walk kept.
 * Equal walking distances keep the straight-line order.
 */
export function findNearestByWalk(sites: readonly FindSite[], network: WalkNetwork, query: FindQuery): FindResult[] {
  const keep = query.keep ?? (() => true);
  const index = createNearestIndex(sites.filter((s) => servesNeed(s, query.need) && keep(s)));
  const hits = index.nearest(query.point, { k: query.candidates ?? 15 });
  const routes = network.routeMany(query.point, hits.map((h) => h.site.lngLat));
  return hits
    .map((h, i) => ({ site: h.site, route: routes[i]!, straightMeters: h.distanceMeters, order: i }))
    .sort((a, b) => a.route.distanceMeters - b.route.distanceMeters || a.order - b.order)
    .slice(0, query.limit ?? 5)
    .map(({ site, route, straightMeters }) => ({ site, route, straightMeters }));
}

/** Splits results (nearest first) into those within WALK_RANGE_METERS and those further away. */
export function splitByRange(results: readonly FindResult[]): { near: FindResult[]; far: FindResult[] } {
  const near = results.filter((r) => r.route.distanceMeters <= WALK_RANGE_METERS);
  return { near, far: results.slice(near.length) };
}
