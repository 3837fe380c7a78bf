// Coverage, kiosk effect: the before/after totals on screen (near a kiosk and citywide) checked against an independent count
// over the shared aggregates file (../shared/data, read here in node); a site installed before the data says no
// comparison is possible; a window clipped by the data's start; axe on the opened section.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './support/fixtures';
import { greatCircleMeters, readSites, type LngLat } from './support/data-files';

/** The shared source file itself (not the app's compacted copy): cells are [lat, lng, count]. */
const SHARED = process.env.HRM_DATA_DIR?.trim() ? resolve(process.env.HRM_DATA_DIR.trim()) : join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
type Source = { heat: Record<string, [lat: number, lng: number, count: number][]>; yearMonthly: Record<string, number[]> };
const SOURCE = JSON.parse(readFileSync(join(SHARED, 'boston', 'needle-requests-aggregates-2024-2026.json'), 'utf8')) as Source;

const meters = greatCircleMeters;

/** "2025-01" shifted by `offset` months. */
function shift(month: string, offset: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + offset;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The oracle: requests in cells within `radius` of `at`, and citywide, over the months of the source on each side. */
function expected(at: LngLat, install: string, radius: number, n: number) {
  const side = (offsets: number[]) => {
    const months = offsets.map((o) => shift(install, o)).filter((m) => m in SOURCE.heat);
    const local = months.reduce((s, m) => s + SOURCE.heat[m]!.filter(([lat, lng]) => meters(at, [lng, lat]) <= radius).reduce((t, c) => t + c[2], 0), 0);
    const citywide = months.reduce((s, m) => s + SOURCE.yearMonthly[m.slice(0, 4)]![Number(m.slice(5)) - 1]!, 0);
    return { months: months.length, local, citywide };
  };
  return {
    before: side(Array.from({ length: n }, (_, i) => i - n)),
    after: side(Array.from({ length: n }, (_, i) => i + 1)),
  };
}
const num = (s: string) => Number(s.replace(/[^\d]/g, ''));

test('kiosk effect: before/after near a kiosk and citywide match an independent count of the shared file; axe', async ({ session, map, a11y }) => {
  test.setTimeout(120_000);
  await map.openMap('#map=15/42.3344/-71.0744&tab=coverage&call=0');
  await session.waitVisible('coverage-kiosk', 60_000);
  await session.expandDetails('coverage-kiosk');
  await session.waitVisible('coverage-kiosk-site', 30_000);

  // A box installed in 2019: the date comes from the site's record, and the data (2024-01 on) has no "before".
  const kiosk = readSites().find((s) => s.id === 'orchard-gardens-needle-box')!;
  await session.selectOption('coverage-kiosk-site', kiosk.id);
  expect(await session.inputValue('coverage-kiosk-date')).toBe('2019');
  expect(await session.text('coverage-kiosk-message')).toContain('the data starts 2024-01');
  expect(await session.text('coverage-kiosk-message')).toContain('no before/after is possible');
  expect(await session.count('coverage-kiosk-totals')).toBe(0);

  // The planner types an install month inside the data: 6 months each side within 400 m.
  await session.fill('coverage-kiosk-date', '2025-01');
  await session.click('coverage-kiosk-radius-400');
  await session.click('coverage-kiosk-months-6');
  await session.waitVisible('coverage-kiosk-totals');
  const want = expected(kiosk.coordinates, '2025-01', 400, 6);
  expect(want.before.local).toBeGreaterThan(0); // a real check, not 0 = 0
  expect(num(await session.text('coverage-kiosk-local-before'))).toBe(want.before.local);
  expect(num(await session.text('coverage-kiosk-local-after'))).toBe(want.after.local);
  expect(num(await session.text('coverage-kiosk-city-before'))).toBe(want.before.citywide);
  expect(num(await session.text('coverage-kiosk-city-after'))).toBe(want.after.citywide);
  const ratio = want.after.local / want.before.local / (want.after.citywide / want.before.citywide);
  expect(await session.text('coverage-kiosk-relative')).toContain(`×${ratio.toFixed(2)}`);
  // The table: July to December 2024 before, February to July 2025 after (January, the install month, left out).
  const rows = await session.textsIn('coverage-kiosk-table', 'tbody tr td:first-child');
  expect(rows).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
  expect(await session.text('coverage-kiosk')).toContain('counts of 311 reports, not of needles');
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);

  // 200 m gives a smaller local count, checked the same way.
  await session.click('coverage-kiosk-radius-200');
  const near = expected(kiosk.coordinates, '2025-01', 200, 6);
  await expect.poll(async () => num(await session.text('coverage-kiosk-local-before'))).toBe(near.before.local);
  expect(num(await session.text('coverage-kiosk-local-after'))).toBe(near.after.local);

  // The map centre, installed 2024-03 with 3 months each side: only 2 months before are in the data.
  await session.click('coverage-kiosk-centre');
  const view = await map.view();
  const centre: LngLat = [Number(await session.inputValue('coverage-kiosk-lng')), Number(await session.inputValue('coverage-kiosk-lat'))];
  expect(meters(centre, [view.lng, view.lat])).toBeLessThan(1);
  expect(await session.inputValue('coverage-kiosk-site')).toBe('');
  await session.fill('coverage-kiosk-date', '2024-03-15');
  await session.click('coverage-kiosk-radius-400');
  await session.click('coverage-kiosk-months-3');
  const clipped = expected(centre, '2024-03', 400, 3);
  expect(clipped.before.months).toBe(2);
  await expect.poll(async () => num(await session.text('coverage-kiosk-local-before'))).toBe(clipped.before.local);
  expect(num(await session.text('coverage-kiosk-local-after'))).toBe(clipped.after.local);
  expect(num(await session.text('coverage-kiosk-city-before'))).toBe(clipped.before.citywide);
  expect(await session.text('coverage-kiosk-clipped')).toContain('Only 2 of the 3 months before and 3 of the 3 months after');
  expect(await session.textsIn('coverage-kiosk-table', 'tbody tr[data-month="2023-12"] td')).toContain('not in the data');

  // A coordinate outside the service area is named, not computed.
  await session.fill('coverage-kiosk-lat', '71.07');
  expect(await session.text('coverage-kiosk-message')).toContain('Latitude must be a number between 42.15 and 42.5');
  expect(await session.count('coverage-kiosk-totals')).toBe(0);
});
