// `npx tsx tests/bench/sweeps-panel-bench.ts` (node, no browser; needs public/data): what the Sweeps tab recomputes when
// the 311 table changes (an import merged in), on the published requests plus 30,000 and 100,000 synthetic ones, for
// the default 30-day window and a year's window: as the tab did it before (a record per row for the filter options, a
// polygon test per request for the neighbourhood counts, a park test and an address per open request at once) and as
// it does now (column lookups, the area grid, answers kept per table, stops described only for a plan). Exits 1 when
// the two give different counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import { parseGeocoderIndex } from '../../src/datasets/geocoder-index';
import { parseLandAreas } from '../../src/datasets/land-areas';
import { decodeNeedleColumns, needleTableFromRequests, type NeedleTable } from '../../src/datasets/needle-table';
import { decodeParks } from '../../src/datasets/parks';
import { dayFromIsoDate, isoDateFromDay } from '../../src/domain/calendar-day';
import { assignNeedleIds } from '../../src/domain/needle-id';
import type { NeedleRecord } from '../../src/domain/needle-request';
import { createAreaLookup } from '../../src/geo/area-lookup';
import { hotspotCells } from '../../src/geo/hotspots';
import { countByHour, countByMonth, countByNeighborhood, countByWeekday } from '../../src/geo/needle-stats';
import { createParkProximity } from '../../src/geo/park-proximity';
import { createReverseLookup } from '../../src/geo/reverse-geocode';
import { mulberry32 } from '../../src/geo/seeded-random';
import { filterOptions, filterRequests, stopRows } from '../../src/tools/sweeps/sweeps-data';
import { candidateCount, candidateStops } from '../../src/tools/sweeps/sweeps-planner';
import { rowAreaName } from '../../src/tools/sweeps/sweeps-row-lookups';

const data = join(import.meta.dirname, '..', '..', 'public', 'data');
const json = (file: string): unknown => JSON.parse(readFileSync(join(data, file), 'utf8'));
const published = decodeNeedleColumns(json('needle-requests.json'));
const areas = parseLandAreas(json('basemap-land.geojson'));
const nearPark = createParkProximity(decodeParks(json('basemap-parks.geojson')));
const describe = createReverseLookup(parseGeocoderIndex(json('geocoder-index.json')));
const HOODS = ['South End', 'Roxbury', 'Dorchester', 'Back Bay', null];

/** The published requests plus n synthetic ones over the year before `today` (70 % closed), across Boston's centre. */
function tableWith(n: number, today: number): NeedleTable {
  const rand = mulberry32(7);
  const records: NeedleRecord[] = [];
  for (let i = 0; i < published.count; i++) records.push(published.get(i));
  for (let i = 0; i < n; i++) {
    const closed = rand() < 0.7;
    const date = isoDateFromDay(today - 1 - Math.floor(rand() * 365));
    const coordinates: [number, number] = [-71.11 + rand() * 0.08, 42.3 + rand() * 0.07];
    records.push({ caseId: String(101006000000 + i), openedDate: date, openedTime: '10:00', closedDate: closed ? date : null, status: closed ? 'closed' : 'open', closureReason: null, neighborhood: HOODS[i % 5]!, street: 'Albany St', zip: null, source: 'Constituent Call', ward: `Ward ${1 + (i % 22)}`, coordinates, dataset: 'import' });
  }
  return needleTableFromRequests(assignNeedleIds(records));
}

/** The area lookup as it was: each area's box, then turf's polygon test, for every point. */
function directAreaAt() {
  const boxes = areas.map((a) => turfBbox(a.geometry));
  return (p: readonly [number, number]) => areas.find((a, i) => p[0] >= boxes[i]![0]! && p[0] <= boxes[i]![2]! && p[1] >= boxes[i]![1]! && p[1] <= boxes[i]![3]! && booleanPointInPolygon([p[0], p[1]], a.geometry)) ?? null;
}

/** The tab's per-table work for one window; returns its ms and the counts it showed. */
function panel(needles: NeedleTable, fromDay: number, how: 'before' | 'now', areaAt: (p: readonly [number, number]) => { name: string } | null) {
  const start = performance.now();
  let hoods: string[];
  if (how === 'before') {
    const set = new Set<string>();
    for (let i = 0; i < needles.count; i++) {
      const h = needles.get(i).neighborhood;
      if (h !== null) set.add(h);
    }
    hoods = [...set].sort((a, b) => a.localeCompare(b));
  } else hoods = [...filterOptions(needles).neighborhoods];
  const f = { fromDay, toDay: needles.maxDay, status: 'all', neighborhood: null, ward: null, source: null } as const;
  const indices = filterRequests(needles, f);
  const previous = filterRequests(needles, { ...f, fromDay: 2 * fromDay - needles.maxDay - 1, toDay: fromDay - 1 });
  const byHood = countByNeighborhood(indices, how === 'before' ? (i) => areaAt([needles.lng[i]!, needles.lat[i]!])?.name ?? null : rowAreaName(needles, areaAt));
  const charts = [countByMonth(indices, needles), countByWeekday(indices, needles), countByHour(indices, needles)];
  const hotspots = hotspotCells(needles, indices, previous, 200, 10);
  hotspotCells(needles, indices, new Uint32Array(0), 200, Number.MAX_SAFE_INTEGER);
  const rows = stopRows(needles, indices, { kind: 'all' }, [])!;
  const state = { removed: [], locked: [], added: [], hotspotStops: 0 };
  const stops = how === 'before' ? candidateStops({ needles, describe, nearPark, sites: [], todayDay: needles.maxDay + 1 }, rows, hotspots, state).length : candidateCount(needles, rows, hotspots, state);
  return { ms: performance.now() - start, shown: JSON.stringify({ hoods, byHood, charts, hotspots, stops }), inWindow: indices.length };
}

let wrong = false;
const today = dayFromIsoDate('2026-11-25');
// Warm up on the published table, as the page has drawn it before an import arrives.
const direct = directAreaAt();
const gridded = createAreaLookup(areas);
for (let k = 0; k < 3; k++) {
  const warm = needleTableFromRequests(assignNeedleIds(Array.from({ length: published.count }, (_, i) => published.get(i))));
  panel(warm, warm.maxDay - 29, 'before', direct);
  panel(warm, warm.maxDay - 29, 'now', gridded);
}
for (const n of [30_000, 100_000]) {
  const needles = tableWith(n, today);
  for (const [label, days] of [['30-day window', 30], ["a year's window", 365]] as const) {
    const before = panel(needles, needles.maxDay - (days - 1), 'before', direct);
    const now = panel(needles, needles.maxDay - (days - 1), 'now', gridded);
    // The same window again on the same table (a filter changed): the kept answers.
    const again = panel(needles, needles.maxDay - (days - 1), 'now', gridded);
    const same = before.shown === now.shown && now.shown === again.shown;
    if (!same) wrong = true;
    console.log(
      `sweeps table change, ${needles.count} requests, ${label} (${before.inWindow} in it): ${now.ms.toFixed(0)} ms (before: ${before.ms.toFixed(0)} ms, ${(before.ms / now.ms).toFixed(1)}x; same window again ${again.ms.toFixed(0)} ms)${same ? '' : ' DIFFERENT COUNTS'}`,
    );
  }
}
if (wrong) process.exit(1);
