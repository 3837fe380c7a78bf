// Accessibility: axe-core finds no serious or critical violation on the main screens, desktop and phone.
import { readSites } from './support/data-files';
import { expect, test } from './support/fixtures';

/** One line per violation: rule, impact and the offending elements, so a failure says what to fix. */
function describe(violations: { id: string; impact: string; help: string; targets: string[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
}

test('desktop first screen: no serious or critical axe violations', async ({ map, a11y }) => {
  await map.openMap();
  expect(describe(await a11y.seriousViolations())).toEqual([]);
});

test('desktop with a site\'s details open: no serious or critical axe violations', async ({ map, details, a11y }) => {
  const site = readSites()[0];
  if (!site) throw new Error('no site in the data');
  await map.openMap(`#site=${site.id}`);
  await expect.poll(() => details.title()).toBe(site.name);
  expect(describe(await a11y.seriousViolations())).toEqual([]);
});

test('desktop zones tab: no serious or critical axe violations', async ({ map, zones, a11y }) => {
  await map.openMap();
  await zones.open();
  await expect.poll(() => zones.count()).toBeGreaterThan(0);
  expect(describe(await a11y.seriousViolations())).toEqual([]);
});

test('phone first screen: no serious or critical axe violations @phone', async ({ map, sheet, a11y }) => {
  await map.openMap();
  await expect.poll(() => sheet.layout()).toBe('sheet');
  expect(describe(await a11y.seriousViolations())).toEqual([]);
});
