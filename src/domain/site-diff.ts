// What an imported site list would change in the current one (added, changed, retired), and applying that change.
import type { Site } from './site';

export type SiteChange = { before: Site; after: Site; fields: (keyof Site)[] };

export type SiteDiff = {
  /** Incoming sites whose id is not in the current list, in incoming order. */
  added: Site[];
  /** Sites in both lists that differ, in current order, with the fields that differ (in Site's field order). */
  changed: SiteChange[];
  /** Current sites absent from the incoming list ('replace' only; 'merge' never retires), in current order. */
  retired: Site[];
  /** Current sites the diff leaves as they are: identical in both lists, or (in 'merge') absent from the incoming one. */
  unchanged: number;
};

const SITE_FIELDS: (keyof Site)[] = [
  'id',
  'name',
  'kind',
  'address',
  'city',
  'coordinates',
  'coordPrecision',
  'openingHours',
  'hoursNote',
  'phone',
  'services',
  'languages',
  'eligibility',
  'wheelchair',
  'source',
  'lastVerified',
];

function sameValue(a: Site[keyof Site], b: Site[keyof Site]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The fields whose values differ between two versions of a site, in Site's field order. */
export function changedSiteFields(before: Site, after: Site): (keyof Site)[] {
  return SITE_FIELDS.filter((f) => !sameValue(before[f], after[f]));
}

/**
 * Compares an incoming list with the current one, matching sites by id. 'merge' adds and updates but never retires;
 * 'replace' also retires every current site whose id the incoming list lacks. Incoming ids are expected to be unique
 * (every importer rejects repeats); if one repeats, its last version counts. Does not modify its inputs.
 */
export function diffSites(current: readonly Site[], incoming: readonly Site[], mode: 'merge' | 'replace'): SiteDiff {
  const incomingById = new Map(incoming.map((s) => [s.id, s]));
  const currentIds = new Set(current.map((s) => s.id));
  const diff: SiteDiff = { added: [], changed: [], retired: [], unchanged: 0 };
  for (const before of current) {
    const after = incomingById.get(before.id);
    if (after === undefined) {
      if (mode === 'replace') diff.retired.push(before);
      else diff.unchanged++;
      continue;
    }
    const fields = changedSiteFields(before, after);
    if (fields.length === 0) diff.unchanged++;
    else diff.changed.push({ before, after, fields });
  }
  const seen = new Set<string>();
  for (const site of incoming) {
    if (currentIds.has(site.id) || seen.has(site.id)) continue;
    seen.add(site.id);
    diff.added.push(incomingById.get(site.id)!);
  }
  return diff;
}

/**
 * The list after a diff: changed sites replaced in place, retired sites removed, added sites appended in order.
 * Returns a new array; `current` and the diff are not modified. To undo, keep `current`.
 */
export function applyDiff(current: readonly Site[], diff: SiteDiff): Site[] {
  const replacement = new Map(diff.changed.map((c) => [c.before.id, c.after]));
  const retired = new Set(diff.retired.map((s) => s.id));
  const kept = current.filter((s) => !retired.has(s.id)).map((s) => replacement.get(s.id) ?? s);
  const keptIds = new Set(kept.map((s) => s.id));
  return [...kept, ...diff.added.filter((s) => !keptIds.has(s.id))];
}
