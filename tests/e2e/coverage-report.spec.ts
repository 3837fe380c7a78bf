// Coverage (planners): candidates from an imported list (a bad row named, the rejected rows downloadable), proposals
// taken only from it with their names, a locked candidate counted first, an excluded one never proposed, kept across a
// reload; then the one-page report (figure, neighbourhoods, sites, assumptions), the sites as CSV, and axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';

const FIXTURE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'coverage-candidates.csv'), 'utf8');
/** The names of the fixture's good rows (its line 4 has a latitude that is not a number). */
const NAMES = ['Nubian Square library', 'Maverick Station', 'Andrew Square', 'Fields Corner', 'Roxbury Crossing'];

test('an imported candidate list: only its places proposed, lock and exclude, the one-page report and the CSV; axe', async ({ session, map, a11y }) => {
  test.setTimeout(150_000);
  await map.openMap('#tab=coverage');
  await session.waitVisible('coverage-figure', 60_000);

  await session.setInputFile('coverage-candidates-file', { name: 'coverage-candidates.csv', mimeType: 'text/csv', text: FIXTURE });
  await session.waitVisible('coverage-candidates-result');
  expect(await session.text('coverage-candidates-result')).toContain('5 candidates imported from coverage-candidates.csv; 1 rows rejected.');
  expect(await session.texts('coverage-candidates-rejected')).toEqual(['Line 4 (latitude): latitude is not a number']);
  const rejected = await session.download('coverage-candidates-download-rejected');
  expect(rejected.filename).toBe('coverage-candidates-rejected.csv');
  expect(rejected.text).toBe('line,field,reason,raw\n4,latitude,latitude is not a number,"Broken row,forty-two,-71.0600,Nowhere St"\n');

  // Only the imported list: both proposed sites carry one of its names.
  await session.click('coverage-candidates-source-imported');
  await session.fill('coverage-k', '2');
  await session.waitVisible('coverage-proposal', 60_000);
  await expect.poll(() => session.count('coverage-proposed-name')).toBe(2);
  const first = await session.texts('coverage-proposed-name');
  expect(first.every((n) => NAMES.includes(n))).toBe(true);
  expect(await session.count('coverage-proposed-site')).toBe(2);

  // Lock the first: it is listed as locked with its gain, and two others are proposed besides it.
  const lockedName = first[0]!;
  await session.click('coverage-proposed-lock');
  await expect.poll(() => session.texts('coverage-locked-site')).toEqual([expect.stringMatching(new RegExp(`^${lockedName}: \\+\\d[\\d,]* requests`))]);
  await expect.poll(() => session.texts('coverage-proposed-name'), { timeout: 60_000 }).not.toContain(lockedName);
  await expect.poll(() => session.count('coverage-proposed-name')).toBe(2);

  // Exclude the first proposed one: it is listed as excluded and not proposed again.
  const excludedName = (await session.texts('coverage-proposed-name'))[0]!;
  await session.click('coverage-proposed-exclude');
  await expect.poll(() => session.texts('coverage-excluded-site')).toEqual([expect.stringContaining(excludedName)]);
  await expect.poll(() => session.texts('coverage-proposed-name'), { timeout: 60_000 }).not.toContain(excludedName);
  await expect.poll(() => session.count('coverage-proposed-name')).toBe(2);
  const proposedNames = await session.texts('coverage-proposed-name');
  expect(proposedNames.every((n) => NAMES.includes(n) && n !== lockedName && n !== excludedName)).toBe(true);

  // A reload keeps the list, the lock and the exclusion.
  await map.reload();
  await session.waitVisible('coverage-proposal', 60_000);
  expect(await session.isChecked('coverage-candidates-source-imported')).toBe(true);
  expect(await session.texts('coverage-locked-site')).toEqual([expect.stringContaining(lockedName)]);
  await expect.poll(() => session.texts('coverage-proposed-name'), { timeout: 60_000 }).toEqual(proposedNames);

  // The one-page report: the figure as the tab says it, the neighbourhood table, the sites by name, the assumptions.
  const figure = await session.text('coverage-figure');
  const [covered, total] = /^([\d,]+) of ([\d,]+) requests/.exec(figure)!.slice(1);
  await session.click('coverage-report-open');
  await session.waitVisible('coverage-report');
  expect(await session.text('coverage-report-figure')).toMatch(new RegExp(`^Now: ${covered} of ${total} 311 Needle Pickup requests \\(\\d+\\.\\d%\\) are within 400 m\\. With 3 new sites: `));
  expect((await session.textsIn('coverage-report-areas', 'tbody tr')).length).toBeGreaterThan(0);
  const reportSites = await session.textsIn('coverage-report-sites', 'li');
  expect(reportSites).toHaveLength(3);
  expect(reportSites[0]).toContain(lockedName);
  expect(reportSites[0]).toContain('locked: +');
  proposedNames.forEach((n, i) => expect(reportSites[i + 1]).toContain(n));
  const report = await session.text('coverage-report');
  expect(report).toContain('Distance: 400 m in a straight line (great-circle).');
  expect(report).toMatch(/Data: 311 requests: \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d; site list last verified: \d{4}-\d\d-\d\d\./);
  expect(report).toContain('© OpenStreetMap contributors');
  expect(await session.attributeIn('coverage-report', 'svg[role="img"]', 'aria-label')).toContain('Map:');
  expect((await a11y.seriousViolations()).map((v) => `${v.id}: ${v.targets.join(' | ')}`)).toEqual([]);

  // The sites as CSV: the locked one first, then the proposed ones, with names and running totals.
  const csv = await session.download('coverage-export-sites-csv');
  const rows = Papa.parse<Record<string, string>>(csv.text.trimEnd(), { header: true }).data;
  expect(rows.map((r) => [r.rank, r.status, r.name])).toEqual([['1', 'locked', lockedName], ['2', 'proposed', proposedNames[0]], ['3', 'proposed', proposedNames[1]]]);
  // Running totals: the locked site counts first, from today's coverage; each proposed one adds its gain on top.
  let running = Number(covered!.replace(/,/g, ''));
  for (const r of rows) {
    expect(Number(r.lat)).toBeGreaterThan(42.2);
    expect(Number(r.lng)).toBeLessThan(-70.9);
    running += Number(r.gain);
    expect(Number(r.covered)).toBe(running);
  }
  expect(await session.text('coverage-report-figure')).toContain(`With 3 new sites: ${running.toLocaleString('en-US')} (`);
});
