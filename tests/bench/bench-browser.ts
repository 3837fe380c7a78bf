// What the browser benches share: the bench build of the app, its preview server and headless Chromium, and their result line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../playwright.config';
import { startPreview } from '../../scripts/preview-server';

export const root = join(import.meta.dirname, '..', '..');
const benchConfig = 'tests/bench/vite.bench.config.ts';
// The bench config imports the app's vite.config.ts by its extensionless name (as TypeScript wants it).
const viteEnv = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };

export const BENCH_VIEWPORT = { width: 1280, height: 800 };

export type BenchResult = { name: string; value: number; unit: string; baseline: number; baselineUnit: string; ratio: number; goal: string; pass: boolean };

/** Builds the app with the bench config (generating public/data first when it is missing). */
export function buildBenchApp(): void {
  if (!existsSync(join(root, 'public', 'data', 'manifest.json'))) {
    console.log('public/data is missing: running npm run data');
    if (spawnSync('npm', ['run', 'data'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('npm run data failed');
  }
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const built = spawnSync(vite, ['build', '--config', benchConfig, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: viteEnv });
  if (built.status !== 0) throw new Error('vite build (bench config) failed');
}

/** Serves the bench build on `port` and launches headless Chromium; `close` stops both. */
export async function startBenchBrowser(port: number): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const server = await startPreview({ root, port, args: ['--config', benchConfig], env: viteEnv, portHint: 'set BENCH_PORT' });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, headless: true });
    return {
      browser,
      close: async () => {
        await browser.close();
        server.kill();
      },
    };
  } catch (err) {
    server.kill();
    throw err;
  }
}
