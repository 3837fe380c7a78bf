// Sweep exports parse back: GPX is well-formed XML with a wpt per stop ([lng, lat] → lat/lon), CSV round trips through
// papaparse with arrival clock times, GeoJSON keeps order and coordinates; awkward names are escaped in each.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { clockTime, escapeXml, sweepCsv, sweepGeoJson, sweepGpx, SWEEP_CSV_COLUMNS, type SweepExportRow } from '../../../src/datasets/sweep-export';
import { mulberry32 as seededRandom, testSeed } from '../seeded-random';
import { childText, elementsNamed, parseStrictXml } from './strict-xml';

/** Names that break naive writers: XML specials, CSV specials, line breaks, non-ASCII. */
const AWKWARD = [
  'Tom & Jerry\'s "lot" <behind> the Y',
  'Mass Ave, at Melnea Cass',
  'line one\nline two',
  'quote "only"',
  '=HYPERLINK("http://x")',
  'Dudley Sq. — Nubian ✓',
  'a\r\nb',
];

function rows(rand: () => number, n: number): SweepExportRow[] {
  let minute = 0;
  return Array.from({ length: n }, (_, k) => {
    const legMeters = rand() * 900;
    minute += legMeters / 80 + (k > 0 ? 5 : 0);
    return {
      name: `${k + 1}. ${AWKWARD[k % AWKWARD.length]!}`,
      // Longitudes around -71, latitudes around 42: a swap is obvious.
      lngLat: [-71.18 + rand() * 0.2, 42.23 + rand() * 0.17] as [number, number],
      caseId: k % 3 === 0 ? null : `10100${k}`,
      address: k % 4 === 0 ? null : `${k} ${AWKWARD[(k + 2) % AWKWARD.length]!}`,
      arriveMinute: minute,
      legMeters,
      minutes: 5,
    };
  });
}

describe('sweepGpx', () => {
  it('is well-formed GPX 1.1 with one wpt per stop in order, lat/lon from [lng, lat], names escaped', () => {
    const seed = testSeed(9);
    const stops = rows(seededRandom(seed), 12);
    const line: [number, number][] = [[-71.1, 42.3], [-71.09, 42.31], [-71.08, 42.305]];
    const gpx = sweepGpx(stops, { name: 'Sweep <Mon> & "Tue"', routeLine: line });
    const root = parseStrictXml(gpx);
    expect(root.name).toBe('gpx');
    expect(root.attributes.version).toBe('1.1');
    expect(root.attributes.xmlns).toBe('http://www.topografix.com/GPX/1/1');
    const wpts = elementsNamed(root, 'wpt');
    expect(wpts).toHaveLength(stops.length);
    wpts.forEach((w, k) => {
      expect(Number(w.attributes.lat), `seed ${seed} wpt ${k} lat`).toBeCloseTo(stops[k]!.lngLat[1], 6);
      expect(Number(w.attributes.lon), `seed ${seed} wpt ${k} lon`).toBeCloseTo(stops[k]!.lngLat[0], 6);
      expect(childText(w, 'name')).toBe(stops[k]!.name.replace(/\r\n?/g, '\n'));
      const desc = childText(w, 'desc') ?? '';
      if (stops[k]!.caseId) expect(desc).toContain(`Case ${stops[k]!.caseId}`);
    });
    // GPX 1.1 orders a document: metadata, wpt, rte, trk.
    expect(root.children.map((c) => c.name)).toEqual(['metadata', ...stops.map(() => 'wpt'), 'rte', 'trk']);
    expect(childText(root.children[0]!, 'name')).toBe('Sweep <Mon> & "Tue"');
    const rtepts = elementsNamed(root, 'rtept');
    expect(rtepts.map((r) => [Number(r.attributes.lon), Number(r.attributes.lat)])).toEqual(stops.map((s) => [+s.lngLat[0].toFixed(7), +s.lngLat[1].toFixed(7)]));
    expect(elementsNamed(root, 'trkpt').map((t) => [Number(t.attributes.lon), Number(t.attributes.lat)])).toEqual(line);
  });

  it('is well-formed with no stops (no empty rte), and drops characters XML forbids', () => {
    const root = parseStrictXml(sweepGpx([]));
    expect(elementsNamed(root, 'wpt')).toHaveLength(0);
    expect(elementsNamed(root, 'rte')).toHaveLength(0);
    const bell = sweepGpx([{ name: 'a\u0007b\u0000c', lngLat: [-71, 42], arriveMinute: 0, legMeters: 0, minutes: 5 }]);
    expect(childText(elementsNamed(parseStrictXml(bell), 'wpt')[0]!, 'name')).toBe('abc');
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('the strict XML reader rejects what is not well-formed (so the test above can fail)', () => {
    const good = '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1"><b>t &amp; u</b><c/></a>\n';
    expect(parseStrictXml(good).children.map((c) => c.name)).toEqual(['b', 'c']);
    for (const bad of [
      '<a>Tom & Jerry</a>',
      '<a>1 < 2</a>',
      '<a><b></a></b>',
      '<a x=1></a>',
      '<a x="1" x="2"></a>',
      '<a x="<"></a>',
      '<a></a><b></b>',
      '<a>&nbsp;</a>',
      '<a>',
      '<a>\u0007</a>',
      '<?xml version="1.0"?><a></a> trailing',
    ]) {
      expect(() => parseStrictXml(bad), bad).toThrow(SyntaxError);
    }
  });
});

describe('sweepCsv', () => {
  it('round trips through papaparse: order, arrival HH:MM, case id, address, name, lat, lng, minutes, leg metres', () => {
    const seed = testSeed(21);
    const stops = rows(seededRandom(seed), 15);
    const csv = sweepCsv(stops, '07:30');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...SWEEP_CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(stops.length);
    const unformula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    parsed.data.forEach((row, k) => {
      const s = stops[k]!;
      const context = `seed ${seed} row ${k}`;
      expect(row.order, context).toBe(String(k + 1));
      expect(row.arrival, context).toBe(clockTime('07:30', s.arriveMinute));
      expect(row.case_id, context).toBe(s.caseId ?? '');
      expect(row.address, context).toBe(unformula(s.address ?? ''));
      expect(row.name, context).toBe(unformula(s.name));
      expect(Number(row.latitude), context).toBeCloseTo(s.lngLat[1], 6);
      expect(Number(row.longitude), context).toBeCloseTo(s.lngLat[0], 6);
      expect(Number(row.minutes), context).toBe(5);
      expect(Number(row.leg_meters), context).toBe(Math.round(s.legMeters));
    });
  });

  it('writes arrival times from the shift start (rounded, wrapping past midnight) and keeps commas, quotes and line breaks', () => {
    const base = { lngLat: [-71.06, 42.36] as [number, number], legMeters: 0, minutes: 5 };
    const csv = sweepCsv(
      [
        { ...base, name: 'first', arriveMinute: 0, caseId: '1', address: '1 Main St, Apt "B"' },
        { ...base, name: 'second', arriveMinute: 95.4, caseId: '2', address: 'Line\nbreak' },
        { ...base, name: 'third', arriveMinute: 95.6 + 22 * 60, caseId: '3', address: '=1+1' },
      ],
      '7:30',
    );
    const data = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(data.map((r) => r.arrival)).toEqual(['07:30', '09:05', '07:06']);
    expect(data.map((r) => r.address)).toEqual(['1 Main St, Apt "B"', 'Line\nbreak', "'=1+1"]);
    expect(csv.startsWith('order,arrival,case_id,address,name,latitude,longitude,minutes,leg_meters\n1,07:30,1,"1 Main St, Apt ""B""",first,42.36,-71.06,5,0\n')).toBe(true);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('clockTime: HH:MM plus minutes, rejects a bad start', () => {
    expect(clockTime('08:00', 0)).toBe('08:00');
    expect(clockTime('08:00', 59.5)).toBe('09:00');
    expect(clockTime('23:50', 15)).toBe('00:05');
    expect(() => clockTime('8am', 0)).toThrow(RangeError);
    expect(() => clockTime('24:00', 0)).toThrow(RangeError);
  });
});

describe('sweepGeoJson', () => {
  it('parses back with the stops numbered in order at [lng, lat], then the route line', () => {
    const seed = testSeed(33);
    const stops = rows(seededRandom(seed), 9);
    const back = JSON.parse(JSON.stringify(sweepGeoJson(stops))) as ReturnType<typeof sweepGeoJson>;
    expect(back.type).toBe('FeatureCollection');
    const points = back.features.filter((f) => f.geometry.type === 'Point');
    expect(points).toHaveLength(stops.length);
    points.forEach((f, k) => {
      expect(f.properties).toMatchObject({ order: k + 1, name: stops[k]!.name, caseId: stops[k]!.caseId ?? null, address: stops[k]!.address ?? null });
      const [lng, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN];
      expect(lng, `seed ${seed} stop ${k} lng`).toBeCloseTo(stops[k]!.lngLat[0], 6);
      expect(lat, `seed ${seed} stop ${k} lat`).toBeCloseTo(stops[k]!.lngLat[1], 6);
    });
    const route = back.features.at(-1)!;
    expect(route.properties).toEqual({ kind: 'route' });
    expect(route.geometry.type === 'LineString' && route.geometry.coordinates).toEqual(stops.map((s) => [+s.lngLat[0].toFixed(7), +s.lngLat[1].toFixed(7)]));
    // A street route line is used as given; one stop has no line.
    const line: [number, number][] = [[-71.1, 42.3], [-71.09, 42.31]];
    const withLine = sweepGeoJson(stops, line).features.at(-1)!;
    expect(withLine.geometry.type === 'LineString' && withLine.geometry.coordinates).toEqual(line);
    expect(sweepGeoJson(stops.slice(0, 1)).features.map((f) => f.geometry.type)).toEqual(['Point']);
  });
});
