import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_CSV_COLUMNS, parseSitesCsv, siteLayer, siteToFeature } from '../../../src/datasets/parse-sites-csv';
import { COORD_PRECISIONS, SITE_KINDS, sitePropertiesSchema } from '../../../src/domain/site';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

describe('parseSitesCsv', () => {
  it('reads every row of a good file (quoted commas, quotes, newlines, mixed CRLF/LF)', () => {
    const { rows, rejected } = parseSitesCsv(fixture('sites-good.csv'));
    expect(rejected).toEqual([]);
    expect(rows.map((s) => s.id)).toEqual(['test-kiosk-a', 'test-drop-in', 'test-pharmacy']);
    expect(rows[0]!.address).toBe('1 Example St, rear lot');
    expect(rows[1]!.name).toBe('Test drop-in, "the Center"');
    expect(rows[1]!.hoursNote).toBe('Walk in;\nno appointment');
  });

  it('splits ;-separated lists and turns empty or "unknown" cells into null', () => {
    const { rows } = parseSitesCsv(fixture('sites-good.csv'));
    expect(rows[1]!.services).toEqual(['showers', 'naloxone']);
    expect(rows[1]!.languages).toEqual(['en', 'es']);
    expect(rows[2]!.address).toBeNull();
    expect(rows[2]!.openingHours).toBeNull();
  });

  it('reads wheelchair access (case and spaces ignored); empty or "unknown" is null', () => {
    const { rows } = parseSitesCsv(fixture('sites-good.csv'));
    expect(rows.map((s) => s.wheelchair)).toEqual([null, 'yes', null]);
    expect(rows.map((s) => s.coordPrecision)).toEqual(['street', 'address-point', 'pinned']);
  });

  it('rejects each bad row with its line and every problem it has', () => {
    const { rows, rejected } = parseSitesCsv(fixture('sites-bad.csv'));
    expect(rows.map((s) => s.id)).toEqual(['ok-site']);
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [3, 'id'],
      [4, 'lat'],
      [5, 'kind'],
      [6, 'id'],
      [7, 'last_verified'],
      [8, ''],
      [9, 'name'],
      [9, 'source'],
    ]);
  });

  it('rejects a repeated id, naming the line of the first', () => {
    const { rejected } = parseSitesCsv(fixture('sites-bad.csv'));
    expect(rejected.find((r) => r.line === 6)!.reason).toBe('duplicate id "ok-site" (first used on line 2)');
  });

  it('gives one rejection naming the missing columns', () => {
    const { rows, rejected } = parseSitesCsv(fixture('sites-missing-column.csv'));
    expect(rows).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBe(
      'missing required columns: coord_precision, opening_hours, hours_note, phone, services, languages, eligibility, wheelchair, source, last_verified',
    );
  });

  it('gives one rejection for an empty file', () => {
    expect(parseSitesCsv('').rejected).toEqual([{ line: 1, field: '', reason: 'empty file: no header row', raw: '' }]);
  });
});

/** A valid sites.csv row (inside Boston, hours that parse, a real date); `cells` overrides some of its cells. */
function siteRow(cells: Partial<Record<(typeof SITE_CSV_COLUMNS)[number], string>> = {}): string {
  const row: Record<(typeof SITE_CSV_COLUMNS)[number], string> = {
    id: 'row-site',
    name: 'Row site',
    kind: 'drop-in-center',
    address: '1 Example St',
    city: 'Boston',
    lng: '-71.0700',
    lat: '42.3300',
    coord_precision: 'address-point',
    opening_hours: 'Mo-Fr 08:00-16:00; PH off',
    hours_note: '',
    phone: '',
    services: '',
    languages: '',
    eligibility: '',
    wheelchair: '',
    source: 'fixture',
    last_verified: '2026-01-15',
    ...cells,
  };
  return SITE_CSV_COLUMNS.map((c) => row[c]).join(',');
}
const sitesCsv = (...rows: string[]) => [SITE_CSV_COLUMNS.join(','), ...rows].join('\n');

describe('parseSitesCsv: hours, dates and the service area', () => {
  it('keeps a valid row (the helper row itself is good)', () => {
    expect(parseSitesCsv(sitesCsv(siteRow()))).toMatchObject({ rows: [{ id: 'row-site', openingHours: 'Mo-Fr 08:00-16:00; PH off' }], rejected: [] });
  });

  it('rejects a row with San Francisco coordinates, hours that do not parse and 2026-02-30, naming each field', () => {
    const { rows, rejected } = parseSitesCsv(
      sitesCsv(siteRow({ lng: '-122.4194', lat: '37.7749', opening_hours: 'Mo-Fx 25:00-99:00', last_verified: '2026-02-30' })),
    );
    expect(rows).toEqual([]);
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'lng'],
      [2, 'lat'],
      [2, 'opening_hours'],
      [2, 'last_verified'],
    ]);
    const reason = (field: string) => rejected.find((r) => r.field === field)!.reason;
    expect(reason('lng')).toBe('lng -122.4194 is outside the service area (Boston and its neighbours: longitude -71.35 to -70.8)');
    expect(reason('lat')).toBe('lat 37.7749 is outside the service area (Boston and its neighbours: latitude 42.15 to 42.5)');
    expect(reason('opening_hours')).toMatch(/^opening_hours "Mo-Fx 25:00-99:00" is not valid OSM opening_hours syntax: /);
    expect(reason('last_verified')).toBe('last_verified must be a real calendar date written YYYY-MM-DD');
  });

  it('rejects hours that read as syntax but are impossible times', () => {
    const { rejected } = parseSitesCsv(sitesCsv(siteRow({ opening_hours: 'Mo-Fr 25:00-26:00' })));
    expect(rejected.map((r) => r.field)).toEqual(['opening_hours']);
  });

  it('accepts empty and "unknown" hours as not published', () => {
    const { rows, rejected } = parseSitesCsv(sitesCsv(siteRow({ opening_hours: '' }), siteRow({ id: 'b', opening_hours: 'unknown' })));
    expect(rejected).toEqual([]);
    expect(rows.map((r) => r.openingHours)).toEqual([null, null]);
  });

  it('rejects coordinates just outside each edge of the service area and swapped lng/lat', () => {
    const cases: [Partial<Record<'lng' | 'lat', string>>, string][] = [
      [{ lng: '-71.3501' }, 'lng'],
      [{ lng: '-70.7999' }, 'lng'],
      [{ lat: '42.1499' }, 'lat'],
      [{ lat: '42.5001' }, 'lat'],
    ];
    for (const [cells, field] of cases) {
      expect(parseSitesCsv(sitesCsv(siteRow(cells))).rejected.map((r) => r.field), JSON.stringify(cells)).toEqual([field]);
    }
    expect(parseSitesCsv(sitesCsv(siteRow({ lng: '42.33', lat: '-71.07' }))).rejected.map((r) => r.field)).toEqual(['lng', 'lat']);
  });

  it('keeps coordinates on the edges of the service area and in the neighbouring cities', () => {
    const rows = [
      siteRow({ id: 'sw', lng: '-71.35', lat: '42.15' }),
      siteRow({ id: 'ne', lng: '-70.8', lat: '42.5' }),
      siteRow({ id: 'cambridge', lng: '-71.1056', lat: '42.3736' }),
      siteRow({ id: 'quincy', lng: '-71.0023', lat: '42.2529' }),
    ];
    expect(parseSitesCsv(sitesCsv(...rows))).toMatchObject({ rejected: [] });
  });

  it('rejects last_verified dates that do not exist or have text around them', () => {
    for (const date of ['2026-02-30', '2025-02-29', '2026-13-01', 'x2026-01-01', '2026-01-01x', '2026-01-01T10:00', '01/15/2026']) {
      const { rejected } = parseSitesCsv(sitesCsv(siteRow({ last_verified: date })));
      expect(rejected.map((r) => r.field), date).toEqual(['last_verified']);
    }
    expect(parseSitesCsv(sitesCsv(siteRow({ last_verified: '2024-02-29' }))).rejected).toEqual([]);
  });

  it('rejects rows with extra cells or unreadable quotes, with their lines, and keeps the rows after them', () => {
    const { rows, rejected } = parseSitesCsv(sitesCsv(siteRow({ id: 'a' }), `${siteRow({ id: 'b' })},extra`, siteRow({ id: 'c', name: '"C"x' }), siteRow({ id: 'd' })));
    expect(rows.map((r) => r.id)).toEqual(['a', 'd']);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'row has 18 fields, header has 17'],
      [4, 'unreadable CSV: Trailing quote on quoted field is malformed'],
    ]);
  });

  it('gives one rejection on line 1 when the header is unreadable', () => {
    const text = sitesCsv(siteRow()).replace(/^id,/, '"id"x,');
    expect(parseSitesCsv(text)).toMatchObject({ rows: [], rejected: [{ line: 1, reason: 'unreadable CSV header: Trailing quote on quoted field is malformed' }] });
  });

  it('accepts every coordinate precision of the vocabulary and rejects the retired ones', () => {
    for (const precision of COORD_PRECISIONS) {
      expect(parseSitesCsv(sitesCsv(siteRow({ coord_precision: precision }))).rejected, precision).toEqual([]);
    }
    for (const retired of ['exact', 'building', 'street-level', 'approximate', '']) {
      expect(parseSitesCsv(sitesCsv(siteRow({ coord_precision: retired }))).rejected.map((r) => r.field), retired).toEqual(['coord_precision']);
    }
  });

  it('accepts wheelchair yes, limited, no or empty, and rejects any other value with a message', () => {
    const { rows, rejected } = parseSitesCsv(
      sitesCsv(siteRow({ id: 'a', wheelchair: 'yes' }), siteRow({ id: 'b', wheelchair: 'LIMITED' }), siteRow({ id: 'c', wheelchair: 'no' }), siteRow({ id: 'd' })),
    );
    expect(rejected).toEqual([]);
    expect(rows.map((r) => r.wheelchair)).toEqual(['yes', 'limited', 'no', null]);
    for (const bad of ['maybe', 'y', 'partial', 'true']) {
      const r = parseSitesCsv(sitesCsv(siteRow({ wheelchair: bad }))).rejected;
      expect(r.map((x) => [x.field, x.reason]), bad).toEqual([['wheelchair', 'wheelchair must be yes, limited, no, or empty when no source says']]);
    }
  });

  it('rejects ids with other characters anywhere, or longer than 80 characters', () => {
    for (const id of ['Bad-id', 'ok-id!', '!ok-id', 'ok id', 'a'.repeat(81)]) {
      expect(parseSitesCsv(sitesCsv(siteRow({ id }))).rejected.map((r) => r.field), id).toEqual(['id']);
    }
  });
});

describe('siteToFeature', () => {
  const { rows } = parseSitesCsv(fixture('sites-good.csv'));

  it('makes a Point feature whose properties pass sitePropertiesSchema', () => {
    const f = siteToFeature(rows[1]!);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [-71.069, 42.331] });
    expect(sitePropertiesSchema.parse(f.properties)).toEqual(f.properties);
  });

  it('puts disposal kinds in the disposal layer and every other kind in the service layer', () => {
    expect(rows.map((s) => siteToFeature(s).properties.layer)).toEqual(['disposal', 'service', 'disposal']);
  });

  it('gives every kind a layer the properties schema accepts', () => {
    for (const kind of SITE_KINDS) {
      const properties = { ...siteToFeature(rows[0]!).properties, kind, layer: siteLayer({ kind }) };
      expect(sitePropertiesSchema.safeParse(properties).success, kind).toBe(true);
    }
  });
});

describe('sitePropertiesSchema', () => {
  const { rows } = parseSitesCsv(fixture('sites-good.csv'));
  const good = siteToFeature(rows[0]!).properties;
  const failsAt = (properties: unknown) => {
    const r = sitePropertiesSchema.safeParse(properties);
    return r.success ? null : r.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts the properties siteToFeature writes', () => {
    expect(failsAt(good)).toBeNull();
  });

  it('rejects a layer other than disposal or service', () => {
    expect(failsAt({ ...good, layer: 'kiosks' })).toEqual(['layer']);
    expect(failsAt({ ...good, layer: '' })).toEqual(['layer']);
  });

  it('rejects a property it does not know (strict), and a missing one', () => {
    expect(failsAt({ ...good, colour: 'red' })).toEqual(['']);
    const withoutLayer: Partial<typeof good> = { ...good };
    delete withoutLayer.layer;
    expect(failsAt(withoutLayer)).toEqual(['layer']);
  });

  it('carries wheelchair access into the feature and rejects a value outside yes / limited / no / null', () => {
    expect(siteToFeature(rows[1]!).properties.wheelchair).toBe('yes');
    expect(good.wheelchair).toBeNull();
    expect(failsAt({ ...good, wheelchair: 'limited' })).toBeNull();
    expect(failsAt({ ...good, wheelchair: 'maybe' })).toEqual(['wheelchair']);
    expect(failsAt({ ...good, wheelchair: undefined })).toEqual(['wheelchair']);
  });

  it('rejects a retired coordinate precision', () => {
    expect(failsAt({ ...good, coordPrecision: 'street-level' })).toEqual(['coordPrecision']);
    expect(failsAt({ ...good, coordPrecision: 'pinned' })).toBeNull();
  });

  it('rejects an id that is not kebab-case and a lastVerified that is not a real date', () => {
    expect(failsAt({ ...good, id: 'Site 1' })).toEqual(['id']);
    expect(failsAt({ ...good, lastVerified: '2026-02-30' })).toEqual(['lastVerified']);
  });
});
