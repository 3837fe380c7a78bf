import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSitesCsv } from '../../../src/datasets/parse-sites-csv';
import { SITE_ID_SCHEME, hsdsUuid, sitesFromHsds, sitesToHsds } from '../../../src/datasets/site-hsds';
import { AWKWARD_SITES, sampleSite } from './site-sample';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/sites/hsds-links.json', import.meta.url), 'utf8')) as unknown;
const committed = parseSitesCsv(readFileSync(new URL('../../../data/sites.csv', import.meta.url), 'utf8')).rows;
const published = { publishedDate: '2026-11-25' };

describe('sitesToHsds', () => {
  const site = sampleSite({ phone: '617-555-0100', languages: ['en', 'Haitian Creole'], wheelchair: 'yes', services: ['showers', 'naloxone'], hoursNote: 'Ring the bell' });
  const hsds = sitesToHsds([site], published);

  it('writes one organization, service, location, address and service_at_location per site, linked by id', () => {
    const [organization, service, location, address, sal] = [hsds.organizations[0]!, hsds.services[0]!, hsds.locations[0]!, hsds.addresses[0]!, hsds.service_at_locations[0]!];
    expect([hsds.organizations, hsds.services, hsds.locations, hsds.addresses, hsds.service_at_locations].map((t) => t.length)).toEqual([1, 1, 1, 1, 1]);
    expect(service).toMatchObject({ organization_id: organization.id, name: 'Sample site', status: 'active', assured_date: '2026-01-15', last_modified: '2026-11-25T00:00:00.000Z' });
    expect(location).toMatchObject({ location_type: 'physical', latitude: 42.33, longitude: -71.07, external_identifier: 'sample-site', external_identifier_type: SITE_ID_SCHEME });
    expect(address).toMatchObject({ location_id: location.id, address_1: '1 Example St', city: 'Boston', state_province: 'MA', country: 'US', address_type: 'physical' });
    expect(sal).toMatchObject({ service_id: service.id, location_id: location.id });
  });

  it('keeps the opening_hours text verbatim in a schedule description and adds structured weekly schedules', () => {
    const salId = hsds.service_at_locations[0]!.id;
    expect(hsds.schedules.map(({ id: _id, ...rest }) => rest)).toEqual([
      { service_at_location_id: salId, description: 'Mo-Fr 08:00-16:00; PH off', notes: 'Ring the bell' },
      { service_at_location_id: salId, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '16:00' },
    ]);
  });

  it('writes phones, languages (code or name) and wheelchair access in their HSDS tables', () => {
    expect(hsds.phones).toEqual([expect.objectContaining({ location_id: hsds.locations[0]!.id, number: '617-555-0100', type: 'voice' })]);
    expect(hsds.languages.map((l) => [l.code, l.name])).toEqual([['en', undefined], [undefined, 'Haitian Creole']]);
    expect(hsds.accessibility).toEqual([expect.objectContaining({ description: 'Wheelchair accessible', details: 'wheelchair=yes' })]);
  });

  it('gives every row a UUID, the same on every export', () => {
    const all = Object.values(hsds).flat().map((r) => r.id);
    expect(all.every((x) => /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(x))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(sitesToHsds([site], published)).toEqual(hsds);
    expect(hsdsUuid('a')).not.toBe(hsdsUuid('b'));
  });
});

describe('sitesFromHsds', () => {
  const result = sitesFromHsds(fixture);

  it('reads a site per service_at_location, joining service, location, organization and nested children', () => {
    expect(result.rows.map((s) => s.id)).toEqual(['needle-exchange-main-clinic', 'syringe-drop-box-main-clinic']);
    expect(result.rows[0]).toEqual({
      id: 'needle-exchange-main-clinic',
      name: 'Needle exchange, Main clinic',
      kind: 'syringe-service-program',
      address: '1 Example St, Suite 2',
      city: 'Boston',
      coordinates: [-71.0802, 42.3401],
      coordPrecision: 'pinned',
      openingHours: 'Mo-Fr 09:00-17:00; Sa 10:00-12:00',
      hoursNote: 'Closed on public holidays',
      phone: '617-555-0123',
      services: ['needle exchange', 'naloxone'],
      languages: ['es', 'Haitian Creole'],
      eligibility: 'Adults',
      wheelchair: 'limited',
      source: 'https://example.org/health/exchange',
      lastVerified: '2026-03-01',
    });
  });

  it('reads an unknown kind as "other", with a warning; and warns about a missing organization', () => {
    const dropBox = result.rows[1]!;
    expect(dropBox.kind).toBe('other');
    expect(dropBox.services).toEqual(['Sharps drop box in the lobby']);
    expect(dropBox.lastVerified).toBe('2026-03-02');
    expect(result.warnings.map((w) => [w.line, w.field, w.reason])).toEqual([
      [5, 'organization_id', 'service_at_location "sal-5": organization "org-gone" is not in the file'],
      [5, 'kind', 'service_at_location "sal-5": unknown site kind "food-bank"; read as "other"'],
    ]);
  });

  it('rejects missing links between services and locations, naming the ids', () => {
    expect(result.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [2, 'location_id', 'service_at_location "sal-2" names location "loc-gone", which is not in the file'],
      [3, 'service_id', 'service_at_location "sal-3" names service "svc-gone", which is not in the file'],
      [2, 'service_id', 'service "svc-2" (Offered nowhere) is offered at no location: no service_at_location names it'],
      [4, 'location', 'service_at_location "sal-4": location "loc-2" has no coordinates (latitude and longitude)'],
      [3, 'city', 'location "loc-3" (locations): city is required'],
      [3, 'source', 'location "loc-3" (locations): every row needs a source (URL or dataset name)'],
      [3, 'last_verified', 'location "loc-3" (locations): last_verified must be a real calendar date written YYYY-MM-DD'],
    ]);
    expect(JSON.parse(result.rejected[0]!.raw)).toEqual({ id: 'sal-2', service_id: 'svc-1', location_id: 'loc-gone' });
  });

  it('rejects a site that breaks the sites.csv rules: bad hours, bad date, outside the area, swapped, duplicate id', () => {
    const sites = [
      sampleSite({ id: 'bad-hours', openingHours: null }),
      sampleSite({ id: 'bad-date', lastVerified: '2026-02-30' }),
      sampleSite({ id: 'worcester', coordinates: [-71.8023, 42.2626] }),
      sampleSite({ id: 'swapped', coordinates: [42.33, -71.07] }),
      sampleSite({ id: 'twice' }),
      sampleSite({ id: 'twice-again', name: 'Twice again' }),
    ];
    const hsds = sitesToHsds(sites, published);
    hsds.locations[5]!.external_identifier = 'twice';
    hsds.schedules.push({ id: 'bad', service_at_location_id: hsds.service_at_locations[0]!.id, freq: 'WEEKLY', byday: 'MO', opens_at: '25:00', closes_at: '26:00' });
    const { rows, rejected } = sitesFromHsds(hsds);
    expect(rows.map((s) => s.name)).toEqual(['Sample site']);
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [1, 'opening_hours'],
      [2, 'last_verified'],
      [3, 'lng'],
      [4, 'lng'],
      [4, 'lat'],
      [6, 'id'],
    ]);
    expect(rejected[4]!.reason).toContain('lat and lng look swapped');
    expect(rejected[5]!.reason).toBe('duplicate site id "twice" (location external_identifier)');
  });

  it('keeps a schedule description that is not opening_hours syntax as the hours note', () => {
    const hsds = sitesToHsds([sampleSite({ openingHours: null })], published);
    hsds.schedules.push({ id: 'free-text', service_at_location_id: hsds.service_at_locations[0]!.id, description: 'Mon to Fri, 9 to 5' });
    expect(sitesFromHsds(hsds).rows[0]).toMatchObject({ openingHours: null, hoursNote: 'Mon to Fri, 9 to 5' });
  });

  it('reads services nested with their service_at_locations and locations (the HSDS API form)', () => {
    const nested = {
      services: [
        {
          id: 'svc',
          name: 'Drop box',
          assured_date: '2026-01-01',
          url: 'https://example.org/box',
          attributes: [{ id: 'a', link_type: 'site_kind', value: 'drop-off' }],
          service_at_locations: [{ id: 'sal', location: { id: 'loc', latitude: 42.36, longitude: -71.06, addresses: [{ id: 'ad', address_1: '5 Court St', city: 'Boston' }] } }],
        },
      ],
    };
    const { rows, rejected, warnings } = sitesFromHsds(nested);
    expect([rejected, warnings]).toEqual([[], []]);
    expect(rows).toEqual([expect.objectContaining({ id: 'drop-box', kind: 'drop-off', address: '5 Court St', coordinates: [-71.06, 42.36] })]);
  });

  it('rejects a row of the wrong shape, naming its table and index, and keeps reading', () => {
    const hsds = sitesToHsds([sampleSite()], published);
    const { rows, rejected } = sitesFromHsds({ ...hsds, phones: [{ number: '1' }] });
    expect(rows).toHaveLength(1);
    expect(rejected).toEqual([expect.objectContaining({ line: 1, field: 'phones', reason: expect.stringMatching(/^phones\[0\]\.id: /) })]);
  });

  it('rejects anything but an object of tables as a whole', () => {
    for (const json of [null, [], 'x', { services: 'none' }]) {
      expect(sitesFromHsds(json).rejected).toEqual([expect.objectContaining({ line: 0, field: '' })]);
    }
  });

  it('round-trips: import(export(sites)) equals sites, for the committed list and awkward cells', () => {
    expect(sitesFromHsds(sitesToHsds(committed, published))).toEqual({ rows: committed, rejected: [], warnings: [] });
    expect(sitesFromHsds(JSON.parse(JSON.stringify(sitesToHsds(AWKWARD_SITES, published))))).toEqual({ rows: AWKWARD_SITES, rejected: [], warnings: [] });
  });

  it('round-trips hours that have no structured form (24/7) and a note without hours', () => {
    const sites = [sampleSite({ id: 'a', openingHours: '24/7' }), sampleSite({ id: 'b', openingHours: null, hoursNote: 'Call first' }), sampleSite({ id: 'c', openingHours: 'Mo,We 10:00-12:00,13:00-15:00' })];
    expect(sitesFromHsds(sitesToHsds(sites, published)).rows).toEqual(sites);
  });
});
