// Local edits of the site list: pure operations over the published list, validated with the pipeline's CSV row schema, and an undo history.
import { isRealIsoDate } from './calendar-day';
import { siteCsvRowSchema, siteFromCsvRow, type SiteCsvRow } from './site-csv';
import { SITE_FIELD_OF_COLUMN, siteToRowCells } from './site-row';
import { SITE_ID_PATTERN, type Site, type SiteFeature } from './site';

/** How a local edit differs from the published list. */
export type SiteEditKind = 'added' | 'changed' | 'retired';

/**
 * One local edit, keyed by site id in SiteEdits. `site` is the site as edited; for 'retired' it is the last version
 * before retirement, so that restoring brings it back. `at` is when the edit was made (an ISO 8601 instant).
 */
export type SiteEdit = { kind: SiteEditKind; site: Site; at: string };

/** The local edits of the published list, by site id. Never mutated: every operation returns a new record. */
export type SiteEdits = Readonly<Record<string, SiteEdit>>;

/** What the editor shows next to a site. */
export type SiteStatus = 'published' | SiteEditKind;

export type EffectiveSite = { site: Site; status: SiteStatus };

/** A problem with one field of a site, in words an editor can act on. */
export type SiteFieldError = { field: keyof Site; message: string };

export type SiteValidation = { ok: true } | { ok: false; errors: SiteFieldError[] };

/** The result of an edit operation: the new edits, or why the operation was refused (the edits are then unchanged). */
export type SiteEditResult = { ok: true; edits: SiteEdits } | { ok: false; errors: SiteFieldError[] };

/** No local edits: the published list as it is. */
export const NO_SITE_EDITS: SiteEdits = Object.freeze({});

/** The Site of a feature of public/data/sites.geojson (the inverse of siteToFeature; `layer` is derived from kind). */
export function siteFromFeature(feature: SiteFeature): Site {
  const p = feature.properties;
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    address: p.address,
    city: p.city,
    coordinates: [feature.geometry.coordinates[0] ?? Number.NaN, feature.geometry.coordinates[1] ?? Number.NaN],
    coordPrecision: p.coordPrecision,
    openingHours: p.openingHours,
    hoursNote: p.hoursNote,
    phone: p.phone,
    services: [...p.services],
    languages: [...p.languages],
    eligibility: p.eligibility,
    wheelchair: p.wheelchair,
    source: p.source,
    lastVerified: p.lastVerified,
  };
}



type Checked = { ok: true; site: Site } | { ok: false; errors: SiteFieldError[] };

/**
 * Runs the pipeline's row schema on a site and returns it as the pipeline would store it (text trimmed, empty or
 * "unknown" text as null, empty list items dropped), so a site saved here and one read from data/sites.csv are equal.
 */
function checkSite(site: Site): Checked {
  const errors: SiteFieldError[] = [];
  for (const field of ['services', 'languages'] as const) {
    for (const item of site[field]) {
      if (item.includes(';')) {
        errors.push({ field, message: `"${item}": a ${field === 'services' ? 'service' : 'language'} cannot contain ";" (the CSV separates the list with ;)` });
      }
    }
  }
  const parsed = siteCsvRowSchema.safeParse(siteToRowCells(site));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = issue.path[0];
      const field = typeof column === 'string' && column in SITE_FIELD_OF_COLUMN ? SITE_FIELD_OF_COLUMN[column as keyof SiteCsvRow] : 'id';
      errors.push({ field, message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, site: siteFromCsvRow(parsed.data) };
}

/**
 * Checks a site with the same rules as the data pipeline (siteCsvRowSchema, one set of rules): an id of the pattern,
 * a name, hours that parse as opening_hours, coordinates inside the service area, a source, a real last-verified date.
 * Every problem is reported, by Site field (both lng and lat problems are reported on 'coordinates').
 */
export function validateSite(site: Site): SiteValidation {
  const checked = checkSite(site);
  return checked.ok ? { ok: true } : { ok: false, errors: checked.errors };
}

/** Field-by-field equality of two sites (lists and coordinates by value). */
export function sameSite(a: Site, b: Site): boolean {
  const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.address === b.address &&
    a.city === b.city &&
    a.coordinates[0] === b.coordinates[0] &&
    a.coordinates[1] === b.coordinates[1] &&
    a.coordPrecision === b.coordPrecision &&
    a.openingHours === b.openingHours &&
    a.hoursNote === b.hoursNote &&
    a.phone === b.phone &&
    sameList(a.services, b.services) &&
    sameList(a.languages, b.languages) &&
    a.eligibility === b.eligibility &&
    a.wheelchair === b.wheelchair &&
    a.source === b.source &&
    a.lastVerified === b.lastVerified
  );
}

function publishedById(base: readonly Site[]): Map<string, Site> {
  return new Map(base.map((s) => [s.id, s]));
}

/** Status of an edit against the current published list (the list may have caught up with the edit since). */
function statusOf(edit: SiteEdit, published: Site | undefined): SiteStatus {
  if (edit.kind === 'retired') return 'retired';
  if (published === undefined) return 'added';
  return sameSite(edit.site, published) ? 'published' : 'changed';
}

/**
 * The list the app shows: the published sites in their order, each with its local edit applied, then the sites added
 * locally (oldest edit first, then by id). Retired sites are included with status 'retired' so the editor can show
 * and restore them; Find, Sweeps and Coverage filter them out.
 */
export function effectiveSites(base: readonly Site[], edits: SiteEdits): EffectiveSite[] {
  const published = publishedById(base);
  const out: EffectiveSite[] = base.map((site) => {
    const edit = edits[site.id];
    return edit === undefined ? { site, status: 'published' } : { site: edit.site, status: statusOf(edit, site) };
  });
  const extra = Object.entries(edits)
    .filter(([id]) => !published.has(id))
    .map(([, edit]) => edit)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.site.id < b.site.id ? -1 : a.site.id > b.site.id ? 1 : 0));
  for (const edit of extra) out.push({ site: edit.site, status: statusOf(edit, undefined) });
  return out;
}

/** The current version of a site (edited or published) and whether it is retired, or null when no site has that id. */
function current(base: readonly Site[], edits: SiteEdits, id: string): { site: Site; retired: boolean } | null {
  const edit = Object.hasOwn(edits, id) ? edits[id] : undefined;
  if (edit !== undefined) return { site: edit.site, retired: edit.kind === 'retired' };
  const published = base.find((s) => s.id === id);
  return published === undefined ? null : { site: published, retired: false };
}

function without(edits: SiteEdits, id: string): SiteEdits {
  const next: Record<string, SiteEdit> = { ...edits };
  delete next[id];
  return next;
}

/** Records `site` (already checked) as the live version of its id: no edit when it equals the published one. */
function withVersion(base: readonly Site[], edits: SiteEdits, site: Site, at: string): SiteEdits {
  const published = base.find((s) => s.id === site.id);
  if (published !== undefined && sameSite(site, published)) return without(edits, site.id);
  const existing = Object.hasOwn(edits, site.id) ? edits[site.id] : undefined;
  if (existing !== undefined && existing.kind !== 'retired' && sameSite(existing.site, site)) return edits;
  return { ...edits, [site.id]: { kind: published === undefined ? 'added' : 'changed', site, at } };
}

const noSite = (id: string): SiteFieldError => ({ field: 'id', message: `no site has the id "${id}"` });
const retiredSite = (id: string): SiteFieldError => ({ field: 'id', message: `site "${id}" is retired: restore it before editing it` });

/**
 * Adds a new site. Refused when the site fails validateSite or its id is already used in the list (published, added
 * or retired: a retired site keeps its id so that it can be restored). The site is stored as the pipeline would store it.
 */
export function addSite(base: readonly Site[], edits: SiteEdits, site: Site, at: string): SiteEditResult {
  const checked = checkSite(site);
  const errors = checked.ok ? [] : [...checked.errors];
  const existing = SITE_ID_PATTERN.test(site.id) ? current(base, edits, site.id) : null;
  if (existing !== null) {
    errors.unshift({
      field: 'id',
      message: `the id "${site.id}" is already used by "${existing.site.name}"${existing.retired ? ' (retired)' : ''}: choose another`,
    });
  }
  if (!checked.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, edits: { ...edits, [site.id]: { kind: 'added', site: checked.site, at } } };
}

/**
 * Changes fields of a site. The id cannot change (retire the site and add a new one). The result is validated as a
 * whole; a change that brings the site back to exactly its published version removes the edit.
 */
export function updateSite(base: readonly Site[], edits: SiteEdits, id: string, patch: Partial<Site>, at: string): SiteEditResult {
  const found = current(base, edits, id);
  if (found === null) return { ok: false, errors: [noSite(id)] };
  if (found.retired) return { ok: false, errors: [retiredSite(id)] };
  if (patch.id !== undefined && patch.id !== id) {
    return { ok: false, errors: [{ field: 'id', message: 'the id of a site cannot change: retire the site and add a new one' }] };
  }
  const checked = checkSite({ ...found.site, ...patch, id });
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return { ok: true, edits: withVersion(base, edits, checked.site, at) };
}

/**
 * Moves a site to `lngLat` (a marker dragged on the map): the coordinates become a person's correction, precision
 * 'pinned', which wins over the geocoder. Refused outside the service area.
 */
export function moveSite(base: readonly Site[], edits: SiteEdits, id: string, lngLat: [lng: number, lat: number], at: string): SiteEditResult {
  return updateSite(base, edits, id, { coordinates: [lngLat[0], lngLat[1]], coordPrecision: 'pinned' }, at);
}

/** Retires a site: it leaves the list residents see, and its last version is kept so it can be restored. Retiring twice changes nothing. */
export function retireSite(base: readonly Site[], edits: SiteEdits, id: string, at: string): SiteEditResult {
  const found = current(base, edits, id);
  if (found === null) return { ok: false, errors: [noSite(id)] };
  if (found.retired) return { ok: true, edits };
  return { ok: true, edits: { ...edits, [id]: { kind: 'retired', site: found.site, at } } };
}

/**
 * Restores a retired site with its last version: as published when that is what it was (the edit disappears), else as
 * a local change or addition. Restoring a site that is not retired changes nothing. The version is validated again
 * (rules may have changed since it was stored).
 */
export function restoreSite(base: readonly Site[], edits: SiteEdits, id: string, at: string): SiteEditResult {
  const found = current(base, edits, id);
  if (found === null) return { ok: false, errors: [noSite(id)] };
  if (!found.retired) return { ok: true, edits };
  const checked = checkSite(found.site);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return { ok: true, edits: withVersion(base, without(edits, id), checked.site, at) };
}

/**
 * "Mark verified": sets the last-verified date of every listed site to `day` ('YYYY-MM-DD'). All or nothing: refused
 * when `day` is not a real date, or any id is unknown or retired.
 */
export function markVerified(base: readonly Site[], edits: SiteEdits, ids: readonly string[], day: string, at: string): SiteEditResult {
  if (!isRealIsoDate(day)) {
    return { ok: false, errors: [{ field: 'lastVerified', message: `"${day}" is not a real calendar date written YYYY-MM-DD` }] };
  }
  let next = edits;
  const errors: SiteFieldError[] = [];
  for (const id of ids) {
    const result = updateSite(base, next, id, { lastVerified: day }, at);
    if (result.ok) next = result.edits;
    else errors.push(...result.errors.map((e) => (e.message.includes(id) ? e : { ...e, message: `${id}: ${e.message}` })));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, edits: next };
}

/**
 * Drops the edits the published list has caught up with (after the City published its edited list): changes and
 * additions equal to the published site, and retirements of sites no longer published.
 */
export function settleEdits(base: readonly Site[], edits: SiteEdits): SiteEdits {
  const published = publishedById(base);
  let next = edits;
  for (const [id, edit] of Object.entries(edits)) {
    const p = published.get(id);
    const caughtUp = edit.kind === 'retired' ? p === undefined : p !== undefined && sameSite(edit.site, p);
    if (caughtUp) next = without(next, id);
  }
  return next;
}
