// `npm run screenshots`: rebuilds the README images (docs/screenshot-desktop.jpg, docs/screenshot-phone.jpg) from the real app.
// A generator, not a test: `npm test` never rewrites tracked files. Run it when the look of the first screen changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../playwright.config';
import { startPreview } from './preview-server';

const root = join(import.meta.dirname, '..');
const vite = join(root, 'node_modules', '.bin', 'vite');
const port = Number(process.env.SCREENSHOT_PORT ?? 4179);
const origin = `http://127.0.0.1:${port}`;

/** The two README shots: the desktop and the phone first screens (viewports as in playwright.config.ts). */
const SHOTS = [
  { file: 'docs/screenshot-desktop.jpg', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false },
  { file: 'docs/screenshot-phone.jpg', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true },
] as const;

function build(): void {
  if (!existsSync(join(root, 'public', 'data', 'manifest.json'))) {
    console.log('public/data is missing: running npm run data');
    if (spawnSync('npm', ['run', 'data'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('npm run data failed');
  }
  if (spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('vite build failed');
}

async function shoot(browser: Browser, shot: (typeof SHOTS)[number]): Promise<void> {
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: shot.deviceScaleFactor,
    isMobile: shot.isMobile,
    hasTouch: shot.isMobile,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  // The app's ready flag (window.__hrm.ready: data on the map, first idle), then one more idle for late tiles.
  await page.waitForFunction(() => (window as unknown as { __hrm?: { ready?: boolean } }).__hrm?.ready === true, undefined, { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const map = (window as unknown as { __hrm?: { map?: { once(e: 'idle', f: () => void): void; triggerRepaint(): void } } }).__hrm?.map;
        if (!map) return reject(new Error('window.__hrm.map is missing'));
        const timer = setTimeout(() => reject(new Error('the map did not become idle in 10 s')), 10_000);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      }),
  );
  if (errors.length > 0) throw new Error(`page errors while shooting ${shot.file}:\n${errors.join('\n')}`);
  // JPEG: a tenth of the PNG's size for a README image.
  await page.screenshot({ path: join(root, shot.file), type: 'jpeg', quality: 80 });
  console.log(`wrote ${shot.file}`);
  await context.close();
}

build();
mkdirSync(join(root, 'docs'), { recursive: true });
const server = await startPreview({ root, port, portHint: 'set SCREENSHOT_PORT' });
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, headless: true });
try {
  for (const shot of SHOTS) await shoot(browser, shot);
} finally {
  await browser.close();
  server.kill();
}
