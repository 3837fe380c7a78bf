import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '/work/main/playwright.config';
import { startPreview } from '/work/main/scripts/preview-server';

const port = 4392;
const hash = process.argv[2] ?? '#tab=coverage&ck=5';
const tag = process.argv[3] ?? 'cov';
const server = await startPreview({ root: process.cwd(), port, portHint: '' });
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
for (const v of [{ name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false }, { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true }]) {
  const context = await browser.newContext({ viewport: v.viewport, isMobile: v.isMobile, hasTouch: v.isMobile, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-11-26T15:00:00Z'));
  await page.goto(`http://127.0.0.1:${port}/${hash}`);
  await page.waitForFunction(() => (window as any).__hrm?.ready === true, undefined, { timeout: 60000 });
  await page.getByTestId('coverage-figure').waitFor({ timeout: 60000 });
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `/work/notes/${tag}-${v.name}-1.png` });
  for (const [i, id] of ['coverage-table', 'coverage-gaps', 'coverage-proposed'].entries()) {
    const el = page.getByTestId(id);
    if (await el.count()) {
      await el.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/work/notes/${tag}-${v.name}-${i + 2}.png` });
    }
  }
  await context.close();
}
await browser.close();
server.kill();
