// Sites for the import/export tests: a valid site with overrides, and a list with every awkward cell.
import type { Site } from '../../../src/domain/site';

/** A valid site inside Boston (hours that parse, a real date); `over` replaces some fields. */
export function sampleSite(over: Partial<Site> = {}): Site {
  return {
    id: 'sample-site',
    name: 'Sample site',
    kind: 'drop-in-center',
    address: '1 Example St',
    city: 'Boston',
    coordinates: [-71.07, 42.33],
    coordPrecision: 'address-point',
    openingHours: 'Mo-Fr 08:00-16:00; PH off',
    hoursNote: null,
    phone: null,
    services: [],
    languages: [],
    eligibility: null,
    wheelchair: null,
    source: 'https://example.org/sample',
    lastVerified: '2026-01-15',
    ...over,
  };
}

/** Sites whose cells need quoting or care: commas, quotes, line breaks, unicode, empty lists, every nullable null. */
export const AWKWARD_SITES: Site[] = [
  sampleSite({
    id: 'quotes-and-commas',
    name: 'The "Corner", Kiosk',
    address: '1 Example St, rear lot',
    hoursNote: 'Walk in,\nno appointment;\r\nask at the desk "inside"',
    services: ['needle exchange', 'HIV, hepatitis and STI testing'],
    languages: ['en', 'es', 'pt'],
    eligibility: 'Adults, any town',
    phone: '617-555-0100',
    wheelchair: 'limited',
  }),
  sampleSite({
    id: 'unicode',
    name: 'Café São João – 日本語 ✓',
    kind: 'pharmacy',
    city: 'Chelsea',
    address: null,
    coordinates: [-71.032512345678, 42.39170000001],
    coordPrecision: 'pinned',
    openingHours: null,
    hoursNote: 'Heures: lun–ven',
    wheelchair: 'yes',
    source: 'fixture | https://example.org/ünïcødé',
  }),
  sampleSite({
    id: 'all-null',
    name: 'Nothing known',
    kind: 'other',
    address: null,
    coordPrecision: 'neighborhood',
    openingHours: null,
    lastVerified: '2024-02-29',
  }),
  sampleSite({ id: 'twenty-four-seven', name: 'Always open', kind: 'disposal-kiosk', openingHours: '24/7', coordPrecision: 'street', wheelchair: 'no' }),
];
