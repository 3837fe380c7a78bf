// Sites as Open Referral HSDS 3.0 JSON (tables linked by id) and back, every imported site checked by the pipeline's rules.
//
// How a Site is written (and read back, so export -> import gives the same list):
//   one organization, service, location, address and service_at_location per site (ids: deterministic UUIDs made from
//   the site id);
//   id            -> location.external_identifier, with external_identifier_type SITE_ID_SCHEME
//   name          -> service.name and location.name (organization.name too: the list does not record providers)
//   kind          -> attribute {link_entity 'service', link_type 'site_kind', value}
//   address, city -> addresses[] {address_1, city, state_province 'MA', country 'US', address_type 'physical'}
//   coordinates   -> location.latitude / location.longitude (WGS84 decimal degrees)
//   coordPrecision-> attribute {link_entity 'location', link_type 'coord_precision', value}
//   openingHours  -> a schedule whose description is the OSM opening_hours text verbatim, plus one structured weekly
//                    schedule (freq WEEKLY, byday, opens_at, closes_at; local Boston time) per opening when the hours
//                    are simple enough (see weekly-hours.ts)
//   hoursNote     -> that first schedule's notes
//   phone         -> phones[] {location_id, number, type 'voice'}
//   services      -> attributes {link_entity 'service', link_type 'service_offered', value} in order; service.description
//                    joins them for people
//   languages     -> languages[] {service_id, code} (a 2-3 letter code) or {service_id, name}
//   eligibility   -> service.eligibility_description
//   wheelchair    -> accessibility[] {location_id, description, details 'wheelchair=yes|limited|no'}
//   source        -> attribute {link_entity 'service', link_type 'source', value}
//   lastVerified  -> service.assured_date ("the date that the information about the service was last checked")
//   publishedDate -> service.last_modified (midnight UTC of that day)
// Reading a file made elsewhere: one site per service_at_location, plus one per location no service_at_location
// names. Nested children (location.addresses, service.schedules, service.service_at_locations[].location...) are read
// too. A missing kind becomes 'other' with a warning; a missing precision attribute reads as 'pinned' (the file's
// author placed the point, not our geocoder); source falls back to service.url then organization.website; times with
// a UTC offset are read as local Boston time.
import { z } from 'zod';
import { openingHoursError } from '../domain/opening-hours';
import type { LoadResult, Rejected } from '../domain/rejection';
import { SITE_KINDS } from '../domain/site';
import type { Site, SiteKind } from '../domain/site';
import { siteIdFromName, uniqueSiteId } from '../domain/site-id';
import { checkSiteRow } from '../domain/site-row';
import type { SiteRowCells } from '../domain/site-row';
import { ICAL_DAYS, openingHoursFromWeeklyOpenings, weeklyOpeningsFromOpeningHours } from '../domain/weekly-hours';
import type { IcalDay, WeeklyOpening } from '../domain/weekly-hours';

/** location.external_identifier_type of the site id this app uses. */
export const SITE_ID_SCHEME = 'boston-harm-reduction-map:site-id';

/** attribute.link_type values this app writes (free-text attributes with no taxonomy term). */
export const HSDS_LINK_TYPES = { kind: 'site_kind', coordPrecision: 'coord_precision', source: 'source', service: 'service_offered' } as const;

type Row = Record<string, unknown> & { id: string };

/** The HSDS 3.0 tables this app writes, linked by id. */
export type HsdsDataset = {
  organizations: Row[];
  services: Row[];
  locations: Row[];
  addresses: Row[];
  service_at_locations: Row[];
  schedules: Row[];
  phones: Row[];
  languages: Row[];
  accessibility: Row[];
  attributes: Row[];
};

/** LoadResult plus notes on rows kept with a fallback (an unknown kind read as 'other', a missing organization). */
export type HsdsLoadResult = LoadResult<Site> & { warnings: Rejected[] };

/** 32-bit FNV-1a of `text`, starting from `seed`. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A deterministic UUID (version 8, RFC 9562 custom) for `key`: the same site always gets the same HSDS ids. */
export function hsdsUuid(key: string): string {
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => fnv1a(key, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const WHEELCHAIR_TEXT = { yes: 'Wheelchair accessible', limited: 'Limited wheelchair access', no: 'Not wheelchair accessible' } as const;

/**
 * The sites as HSDS 3.0 tables (see the header of this file for where each field goes). `publishedDate` (YYYY-MM-DD)
 * is written as every service's last_modified.
 */
export function sitesToHsds(sites: readonly Site[], options: { publishedDate: string }): HsdsDataset {
  const out: HsdsDataset = {
    organizations: [],
    services: [],
    locations: [],
    addresses: [],
    service_at_locations: [],
    schedules: [],
    phones: [],
    languages: [],
    accessibility: [],
    attributes: [],
  };
  for (const site of sites) {
    const id = (table: string, n = 0) => hsdsUuid(`${table}:${site.id}:${n}`);
    const [organizationId, serviceId, locationId, salId] = [id('organization'), id('service'), id('location'), id('service_at_location')];
    const attribute = (n: number, linkEntity: string, linkId: string, linkType: string, value: string, label: string) =>
      out.attributes.push({ id: id('attribute', n), link_id: linkId, link_entity: linkEntity, link_type: linkType, value, label });
    out.organizations.push({ id: organizationId, name: site.name, description: `Provider of ${site.name}` });
    out.services.push({
      id: serviceId,
      organization_id: organizationId,
      name: site.name,
      description: site.services.length > 0 ? site.services.join('; ') : null,
      status: 'active',
      eligibility_description: site.eligibility,
      assured_date: site.lastVerified,
      last_modified: `${options.publishedDate}T00:00:00.000Z`,
    });
    out.locations.push({
      id: locationId,
      location_type: 'physical',
      organization_id: organizationId,
      name: site.name,
      latitude: site.coordinates[1],
      longitude: site.coordinates[0],
      external_identifier: site.id,
      external_identifier_type: SITE_ID_SCHEME,
    });
    out.addresses.push({
      id: id('address'),
      location_id: locationId,
      address_1: site.address ?? '',
      city: site.city,
      state_province: 'MA',
      postal_code: '',
      country: 'US',
      address_type: 'physical',
    });
    out.service_at_locations.push({ id: salId, service_id: serviceId, location_id: locationId });
    if (site.openingHours !== null || site.hoursNote !== null) {
      out.schedules.push({ id: id('schedule'), service_at_location_id: salId, description: site.openingHours, notes: site.hoursNote });
    }
    const weekly = site.openingHours === null ? null : weeklyOpeningsFromOpeningHours(site.openingHours);
    (weekly ?? []).forEach((o, n) =>
      out.schedules.push({ id: id('schedule', n + 1), service_at_location_id: salId, freq: 'WEEKLY', byday: o.byday.join(','), opens_at: o.opensAt, closes_at: o.closesAt }),
    );
    if (site.phone !== null) out.phones.push({ id: id('phone'), location_id: locationId, number: site.phone, type: 'voice' });
    site.languages.forEach((language, n) =>
      out.languages.push({ id: id('language', n), service_id: serviceId, ...(/^[a-z]{2,3}$/.test(language) ? { code: language } : { name: language }) }),
    );
    if (site.wheelchair !== null) {
      out.accessibility.push({ id: id('accessibility'), location_id: locationId, description: WHEELCHAIR_TEXT[site.wheelchair], details: `wheelchair=${site.wheelchair}` });
    }
    attribute(0, 'service', serviceId, HSDS_LINK_TYPES.kind, site.kind, 'Site kind');
    attribute(1, 'location', locationId, HSDS_LINK_TYPES.coordPrecision, site.coordPrecision, 'Coordinate precision');
    attribute(2, 'service', serviceId, HSDS_LINK_TYPES.source, site.source, 'Source');
    site.services.forEach((s, n) => attribute(3 + n, 'service', serviceId, HSDS_LINK_TYPES.service, s, 'Service offered'));
  }
  return out;
}

// ---- import ----

const id = z.union([z.string().min(1), z.number()]).transform(String);
const text = z.string().nullish();
const children = z.array(z.unknown()).optional();
/** A coordinate as a number or numeric text; null when absent, empty or not a number. */
const coordinate = z.unknown().transform((v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
});
/** Every table row: an id, any other fields (extra fields are ignored). */
const rowSchema = z.object({ id });
const organizationSchema = rowSchema.extend({ name: text, website: text });
const serviceSchema = rowSchema.extend({
  organization_id: text,
  name: text,
  description: text,
  url: text,
  eligibility_description: text,
  assured_date: text,
  schedules: children,
  phones: children,
  languages: children,
  attributes: children,
  service_at_locations: children,
});
const locationSchema = rowSchema.extend({
  organization_id: text,
  name: text,
  latitude: coordinate,
  longitude: coordinate,
  external_identifier: text,
  external_identifier_type: text,
  addresses: children,
  schedules: children,
  phones: children,
  languages: children,
  accessibility: children,
  attributes: children,
});
const salSchema = rowSchema.extend({ service_id: text, location_id: text, location: z.unknown().optional(), schedules: children, phones: children, attributes: children });
const addressSchema = rowSchema.extend({ location_id: text, address_1: text, address_2: text, city: text, address_type: text });
const scheduleSchema = rowSchema.extend({
  service_id: text,
  location_id: text,
  service_at_location_id: text,
  freq: text,
  byday: text,
  opens_at: text,
  closes_at: text,
  description: text,
  notes: text,
});
const phoneSchema = rowSchema.extend({ service_id: text, location_id: text, service_at_location_id: text, number: text });
const languageSchema = rowSchema.extend({ service_id: text, location_id: text, code: text, name: text });
const accessibilitySchema = rowSchema.extend({ location_id: text, description: text, details: text });
const attributeSchema = rowSchema.extend({ link_id: text, link_type: text, value: text });

type Organization = z.output<typeof organizationSchema>;
type Service = z.output<typeof serviceSchema>;
type Location = z.output<typeof locationSchema>;
type Sal = z.output<typeof salSchema>;
type Address = z.output<typeof addressSchema>;
type Schedule = z.output<typeof scheduleSchema>;
type Phone = z.output<typeof phoneSchema>;
type Language = z.output<typeof languageSchema>;
type Accessibility = z.output<typeof accessibilitySchema>;
type Attribute = z.output<typeof attributeSchema>;

const TABLES = ['organizations', 'services', 'locations', 'service_at_locations', 'addresses', 'schedules', 'phones', 'languages', 'accessibility', 'attributes'] as const;
type TableName = (typeof TABLES)[number];
const topLevelSchema = z.object(Object.fromEntries(TABLES.map((t) => [t, children])) as Record<TableName, typeof children>);

type Entry<T> = { line: number; raw: string; row: T };

/** All rows of every table, nested children moved to their table with the parent's id filled in. */
class Tables {
  organizations: Entry<Organization>[] = [];
  services: Entry<Service>[] = [];
  locations: Entry<Location>[] = [];
  sals: Entry<Sal>[] = [];
  addresses: Address[] = [];
  schedules: Schedule[] = [];
  phones: Phone[] = [];
  languages: Language[] = [];
  accessibility: Accessibility[] = [];
  attributes: Attribute[] = [];
  rejected: Rejected[] = [];

  /** Parses `item` with `schema` (with `link` fields filled where absent); a bad row is rejected with its table and index. */
  read<S extends z.ZodType>(table: string, index: number, item: unknown, schema: S, link: Record<string, string> = {}): z.output<S> | null {
    const value = typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...link, ...item } : item;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    this.rejected.push({ line: index + 1, field: table, reason: `${table}[${index}]${path ? `.${path}` : ''}: ${issue.message}`, raw: JSON.stringify(item) ?? '' });
    return null;
  }

  addLocation(index: number, item: unknown, link: Record<string, string> = {}) {
    const location = this.read('locations', index, item, locationSchema, link);
    if (location === null) return;
    this.locations.push({ line: index + 1, raw: JSON.stringify(item), row: location });
    this.children(location.addresses, 'addresses', addressSchema, this.addresses, { location_id: location.id });
    this.children(location.schedules, 'schedules', scheduleSchema, this.schedules, { location_id: location.id });
    this.children(location.phones, 'phones', phoneSchema, this.phones, { location_id: location.id });
    this.children(location.languages, 'languages', languageSchema, this.languages, { location_id: location.id });
    this.children(location.accessibility, 'accessibility', accessibilitySchema, this.accessibility, { location_id: location.id });
    this.children(location.attributes, 'attributes', attributeSchema, this.attributes, { link_id: location.id });
  }

  addSal(index: number, item: unknown, link: Record<string, string> = {}) {
    const sal = this.read('service_at_locations', index, item, salSchema, link);
    if (sal === null) return;
    if (sal.location !== undefined && sal.location !== null) {
      this.addLocation(this.locations.length, sal.location);
      const nested = this.locations.at(-1)?.row;
      if (nested && !sal.location_id) sal.location_id = nested.id;
    }
    this.sals.push({ line: index + 1, raw: JSON.stringify(item), row: sal });
    this.children(sal.schedules, 'schedules', scheduleSchema, this.schedules, { service_at_location_id: sal.id });
    this.children(sal.phones, 'phones', phoneSchema, this.phones, { service_at_location_id: sal.id });
    this.children(sal.attributes, 'attributes', attributeSchema, this.attributes, { link_id: sal.id });
  }

  children<S extends z.ZodType>(items: unknown[] | undefined, table: string, schema: S, into: z.output<S>[], link: Record<string, string>) {
    (items ?? []).forEach((item, i) => {
      const row = this.read(table, i, item, schema, link);
      if (row !== null) into.push(row);
    });
  }
}

function flatten(top: z.output<typeof topLevelSchema>): Tables {
  const t = new Tables();
  (top.organizations ?? []).forEach((item, i) => {
    const row = t.read('organizations', i, item, organizationSchema);
    if (row !== null) t.organizations.push({ line: i + 1, raw: JSON.stringify(item), row });
  });
  (top.locations ?? []).forEach((item, i) => t.addLocation(i, item));
  (top.services ?? []).forEach((item, i) => {
    const service = t.read('services', i, item, serviceSchema);
    if (service === null) return;
    t.services.push({ line: i + 1, raw: JSON.stringify(item), row: service });
    t.children(service.schedules, 'schedules', scheduleSchema, t.schedules, { service_id: service.id });
    t.children(service.phones, 'phones', phoneSchema, t.phones, { service_id: service.id });
    t.children(service.languages, 'languages', languageSchema, t.languages, { service_id: service.id });
    t.children(service.attributes, 'attributes', attributeSchema, t.attributes, { link_id: service.id });
    (service.service_at_locations ?? []).forEach((sal, j) => t.addSal(t.sals.length + j, sal, { service_id: service.id }));
  });
  (top.service_at_locations ?? []).forEach((item, i) => t.addSal(i, item));
  t.children(top.addresses, 'addresses', addressSchema, t.addresses, {});
  t.children(top.schedules, 'schedules', scheduleSchema, t.schedules, {});
  t.children(top.phones, 'phones', phoneSchema, t.phones, {});
  t.children(top.languages, 'languages', languageSchema, t.languages, {});
  t.children(top.accessibility, 'accessibility', accessibilitySchema, t.accessibility, {});
  t.children(top.attributes, 'attributes', attributeSchema, t.attributes, {});
  return t;
}

const nonEmpty = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/** Local 'HH:MM' of an HSDS time ('09:00', '09:00-05:00', '09:00Z'), or null. */
function localTime(s: string | null | undefined): string | null {
  const m = /^(\d{2}:\d{2})/.exec(s ?? '');
  return m ? m[1]! : null;
}

/** Hours and hours note from a site's schedules: a description in OSM syntax wins, else the structured weekly schedules. */
function hoursFrom(schedules: Schedule[]): { openingHours: string; hoursNote: string } {
  const osm = schedules.map((s) => s.description).find((d) => nonEmpty(d) && openingHoursError(d) === null);
  const openings: WeeklyOpening[] = [];
  for (const s of schedules) {
    const [opensAt, closesAt] = [localTime(s.opens_at), localTime(s.closes_at)];
    const byday = (s.byday ?? '').split(',').map((d) => d.trim().toUpperCase()).filter((d): d is IcalDay => (ICAL_DAYS as readonly string[]).includes(d));
    if ((s.freq ?? 'WEEKLY').toUpperCase() === 'WEEKLY' && opensAt && closesAt && byday.length > 0) openings.push({ byday, opensAt, closesAt });
  }
  const notes = schedules.flatMap((s) => [s.notes, s.description === osm ? null : s.description]).filter(nonEmpty);
  return {
    openingHours: osm ?? openingHoursFromWeeklyOpenings(openings) ?? '',
    hoursNote: [...new Set(notes)].join('\n'),
  };
}

/**
 * Reads sites from HSDS 3.0 JSON (top-level tables as sitesToHsds writes, and/or nested children). One site per
 * service_at_location, joined to its service, location, organization, address, schedules, phones, languages,
 * accessibility and attributes by id; plus one per location that no service_at_location names. Every site is checked
 * by the sites.csv schema (hours, dates, service area).
 *
 * Rejections: a service_at_location naming a service or location not in the file, a location without coordinates,
 * a service offered nowhere, a row of the wrong shape, a repeated site id. `line` is the row's index + 1 in its table
 * (the table and ids are in the reason). Anything but an object of arrays is one rejection on line 0. Never throws.
 */
export function sitesFromHsds(json: unknown): HsdsLoadResult {
  const rows: Site[] = [];
  const warnings: Rejected[] = [];
  const top = topLevelSchema.safeParse(json);
  if (!top.success || typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { rows, rejected: [{ line: 0, field: '', reason: 'not an HSDS JSON object of tables (organizations, services, locations, service_at_locations...)', raw: '' }], warnings };
  }
  const t = flatten(top.data);
  const rejected = t.rejected;
  const organizations = new Map(t.organizations.map((e) => [e.row.id, e.row]));
  const services = new Map(t.services.map((e) => [e.row.id, e.row]));
  const locations = new Map(t.locations.map((e) => [e.row.id, e.row]));

  type Candidate = { line: number; raw: string; service: Service | undefined; location: Location; salId: string | null; table: string };
  const candidates: Candidate[] = [];
  const locationsWithService = new Set<string>();
  const servicesAtALocation = new Set<string>();
  for (const { line, raw, row: sal } of t.sals) {
    const service = nonEmpty(sal.service_id) ? services.get(sal.service_id) : undefined;
    const location = nonEmpty(sal.location_id) ? locations.get(sal.location_id) : undefined;
    if (location) locationsWithService.add(location.id);
    if (service) servicesAtALocation.add(service.id);
    const problems: Rejected[] = [];
    if (!service) problems.push({ line, field: 'service_id', reason: `service_at_location "${sal.id}" names service "${sal.service_id ?? ''}", which is not in the file`, raw });
    if (!location) problems.push({ line, field: 'location_id', reason: `service_at_location "${sal.id}" names location "${sal.location_id ?? ''}", which is not in the file`, raw });
    if (problems.length > 0) {
      rejected.push(...problems);
      continue;
    }
    candidates.push({ line, raw, service, location: location!, salId: sal.id, table: 'service_at_locations' });
  }
  for (const { line, raw, row: location } of t.locations) {
    if (!locationsWithService.has(location.id)) candidates.push({ line, raw, service: undefined, location, salId: null, table: 'locations' });
  }
  for (const { line, raw, row: service } of t.services) {
    if (!servicesAtALocation.has(service.id)) {
      rejected.push({ line, field: 'service_id', reason: `service "${service.id}" (${service.name ?? 'no name'}) is offered at no location: no service_at_location names it`, raw });
    }
  }

  const checked: { line: number; raw: string; site: Site; idGiven: boolean }[] = [];
  for (const { line, raw, service, location, salId, table } of candidates) {
    const where = salId !== null ? `service_at_location "${salId}"` : `location "${location.id}"`;
    if (location.latitude === null || location.longitude === null) {
      rejected.push({ line, field: 'location', reason: `${where}: location "${location.id}" has no coordinates (latitude and longitude)`, raw });
      continue;
    }
    // Notes on this row, kept only if the row is.
    const rowWarnings: Rejected[] = [];
    const linkIds = new Set([location.id, service?.id, salId].filter(nonEmpty));
    const attributes = t.attributes.filter((a) => nonEmpty(a.link_id) && linkIds.has(a.link_id));
    const attributeValue = (type: string) => attributes.find((a) => a.link_type === type && nonEmpty(a.value))?.value ?? null;
    const organizationId = service?.organization_id ?? location.organization_id;
    const organization = nonEmpty(organizationId) ? organizations.get(organizationId) : undefined;
    if (nonEmpty(organizationId) && !organization) {
      rowWarnings.push({ line, field: 'organization_id', reason: `${where}: organization "${organizationId}" is not in the file`, raw });
    }
    const addresses = t.addresses.filter((a) => a.location_id === location.id);
    const address = addresses.find((a) => (a.address_type ?? 'physical') === 'physical') ?? addresses[0];
    const bySal = (r: { service_at_location_id?: string | null | undefined }) => salId !== null && r.service_at_location_id === salId;
    const byLocation = (r: { location_id?: string | null | undefined }) => r.location_id === location.id;
    const byService = (r: { service_id?: string | null | undefined }) => service !== undefined && r.service_id === service.id;
    const firstMatching = <T extends Schedule | Phone>(rows: T[]) => {
      for (const match of [bySal, byLocation, byService]) {
        const found = rows.filter(match);
        if (found.length > 0) return found;
      }
      return [];
    };
    const hours = hoursFrom(firstMatching(t.schedules));
    const phone = firstMatching(t.phones).map((p) => p.number).find(nonEmpty) ?? '';
    const languages = [...new Set([...t.languages.filter(byService), ...t.languages.filter(byLocation)].map((l) => l.code ?? l.name).filter(nonEmpty))];
    const offered = attributes.filter((a) => a.link_type === HSDS_LINK_TYPES.service).map((a) => a.value).filter(nonEmpty);
    const wheelchair = t.accessibility.filter(byLocation).map((a) => /^wheelchair=(yes|limited|no)$/.exec(a.details ?? '')?.[1]).find(nonEmpty) ?? '';

    let kind: SiteKind = 'other';
    const kindValue = attributeValue(HSDS_LINK_TYPES.kind);
    if (kindValue !== null && (SITE_KINDS as readonly string[]).includes(kindValue)) kind = kindValue as SiteKind;
    else {
      const said = kindValue === null ? 'no site kind' : `unknown site kind "${kindValue}"`;
      rowWarnings.push({ line, field: 'kind', reason: `${where}: ${said}; read as "other"`, raw });
    }
    const names = [service?.name, location.name].filter(nonEmpty).map((n) => n.trim());
    const ownId = location.external_identifier_type === SITE_ID_SCHEME && nonEmpty(location.external_identifier) ? location.external_identifier : null;
    const cells: SiteRowCells = {
      id: ownId ?? 'generated',
      name: [...new Set(names)].join(', '),
      kind,
      address: [address?.address_1, address?.address_2].filter(nonEmpty).join(', '),
      city: address?.city ?? '',
      lng: String(location.longitude),
      lat: String(location.latitude),
      coord_precision: attributeValue(HSDS_LINK_TYPES.coordPrecision) ?? 'pinned',
      opening_hours: hours.openingHours,
      hours_note: hours.hoursNote,
      phone,
      services: (offered.length > 0 ? offered : [service?.description].filter(nonEmpty)).join(';'),
      languages: languages.join(';'),
      eligibility: service?.eligibility_description ?? '',
      wheelchair,
      source: attributeValue(HSDS_LINK_TYPES.source) ?? [service?.url, organization?.website].find(nonEmpty) ?? '',
      last_verified: (service?.assured_date ?? '').slice(0, 10),
    };
    const result = checkSiteRow(cells);
    if (!result.ok) {
      for (const issue of result.issues) rejected.push({ line, field: issue.field, reason: `${where} (${table}): ${issue.reason}`, raw });
      continue;
    }
    warnings.push(...rowWarnings);
    checked.push({ line, raw, site: result.site, idGiven: ownId !== null });
  }

  const taken = new Set<string>();
  for (const { line, raw, site, idGiven } of checked) {
    if (!idGiven) continue;
    if (taken.has(site.id)) rejected.push({ line, field: 'id', reason: `duplicate site id "${site.id}" (location external_identifier)`, raw });
    taken.add(site.id);
  }
  const kept = new Set<string>();
  for (const { site, idGiven } of checked) {
    if (idGiven) {
      if (!kept.has(site.id)) rows.push(site);
      kept.add(site.id);
      continue;
    }
    const siteId = uniqueSiteId(siteIdFromName(site.name), taken);
    taken.add(siteId);
    rows.push({ ...site, id: siteId });
  }
  return { rows, rejected, warnings };
}
