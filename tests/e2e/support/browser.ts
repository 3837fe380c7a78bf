// The one file that touches Playwright's `page`: navigation, clicks at pixels, screenshots, console and network logs.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export type Pixel = { x: number; y: number };
export type Box = { x: number; y: number; width: number; height: number };
export type Download = { filename: string; text: string };
export type Rgb = [r: number, g: number, b: number];
export type Link = { text: string; href: string };
/** One axe-core rule broken on the page, with the CSS selectors of the offending elements. */
export type AxeViolation = { id: string; impact: string; help: string; targets: string[] };

/** What a main-thread probe measured in the page (see BrowserSession.startMainThreadProbe). */
export type MainThreadProbe = {
  durationMs: number;
  /** Longest time between two successive setInterval(…, 16) callbacks. */
  maxTimerGapMs: number;
  /** Longest time between two successive requestAnimationFrame callbacks. */
  maxFrameGapMs: number;
  ticks: number;
  frames: number;
  /** The watched element was in the page at some tick, and later gone. */
  watchedSeen: boolean;
  watchedGone: boolean;
  /** Longest timer gap that ended after the watched element had gone (0 without `untilText`: the probe stops then). */
  maxTimerGapAfterGoneMs: number;
  /** The five longest timer gaps over 50 ms: when each ended (ms after the start) and whether the watched element showed then. */
  longGaps: { endMs: number; gapMs: number; watched: boolean }[];
};
type MainThreadProbeState = Omit<MainThreadProbe, 'durationMs'> & { startMs: number; endMs: number | null; lastTickMs: number; lastFrameMs: number | null; timer: number };

/** Console errors, uncaught exceptions and failed requests seen by the page, in order. */
export type PageProblem = { kind: 'console' | 'pageerror' | 'requestfailed'; text: string };

/** A thin wrapper over one page. Specs never see `page`; the per-tool drivers (support/*-driver.ts) build on this. */
export class BrowserSession {
  /** Every URL the page or its workers requested, in order (including data: and blob: URLs). */
  readonly requestUrls: string[] = [];
  readonly problems: PageProblem[] = [];
  /** Text answered to window.prompt (the app may ask for a zone name). */
  promptAnswer = 'E2E zone';

  constructor(private readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const where = msg.location();
        this.problems.push({ kind: 'console', text: `${msg.text()} (${where.url}:${where.lineNumber})` });
      }
    });
    page.on('pageerror', (err) => this.problems.push({ kind: 'pageerror', text: String(err.stack ?? err.message) }));
    page.on('requestfailed', (req) => {
      // A navigation away (reload) aborts in-flight requests; that is not a page error.
      const reason = req.failure()?.errorText ?? '';
      if (!reason.includes('ERR_ABORTED')) this.problems.push({ kind: 'requestfailed', text: `${req.url()} ${reason}` });
    });
    page.on('dialog', (dialog) => {
      void (dialog.type() === 'prompt' ? dialog.accept(this.promptAnswer) : dialog.accept());
    });
    // The context sees requests from the page and from its dedicated workers.
    page.context().on('request', (req) => this.requestUrls.push(req.url()));
  }

  /** Origin of the app under test, e.g. http://127.0.0.1:4173. */
  origin(): string {
    return new URL(this.page.url()).origin;
  }

  consoleErrors(): string[] {
    return this.problems.filter((p) => p.kind !== 'requestfailed').map((p) => `${p.kind}: ${p.text}`);
  }

  failedRequests(): string[] {
    return this.problems.filter((p) => p.kind === 'requestfailed').map((p) => p.text);
  }

  /** Loads a path as a fresh document (a hash-only change on the same page would not reload the app). */
  /**
   * Opens `path` as a new document, as a link opened in a fresh tab does. Going to a URL that differs from the current
   * one only by its hash would be a same-document navigation (a hashchange the running app may still answer with a
   * write of its own state), so such a page is left for about:blank first.
   */
  async goto(path: string): Promise<void> {
    const before = this.page.url();
    if (before !== 'about:blank') await this.page.goto('about:blank');
    await this.page.goto(path, { waitUntil: 'domcontentloaded' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded' });
  }

  /** From now on (also after navigations) the page's Date.now() and new Date() give `instant`; timers still run. */
  async setClock(instant: Date): Promise<void> {
    await this.page.clock.setFixedTime(instant);
  }

  /** Waits until `window.__hrm.ready === true` (the map has drawn all four overlay layers). */
  async waitForReady(timeoutMs = 45_000): Promise<void> {
    try {
      await this.page.waitForFunction(
        () => (window as unknown as { __hrm?: { ready?: boolean } }).__hrm?.ready === true,
        undefined,
        { timeout: timeoutMs, polling: 50 },
      );
    } catch (err) {
      // Say why: is there a test hook at all, and what did the page complain about?
      const hook = await this.page
        .evaluate(() => {
          const hrm = (window as unknown as { __hrm?: { ready?: unknown } }).__hrm;
          return hrm ? `window.__hrm.ready = ${String(hrm.ready)}` : 'window.__hrm is not installed';
        })
        .catch(() => 'page not evaluable');
      const problems = this.problems.map((p) => `${p.kind}: ${p.text}`).join('\n  ');
      throw new Error(
        `the map did not become ready in ${timeoutMs} ms (${hook}); page problems:\n  ${problems || 'none'}`,
        { cause: err },
      );
    }
  }

  /** Runs a function in the page (the driver uses it for the window.__hrm test API). */
  async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // Arguments here are plain JSON values, so Playwright's Unboxed<A> is A itself.
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }

  async hash(): Promise<string> {
    return this.page.evaluate(() => window.location.hash);
  }

  viewport(): { width: number; height: number } {
    const size = this.page.viewportSize();
    if (!size) throw new Error('the page has no fixed viewport');
    return size;
  }

  async clickAt(at: Pixel): Promise<void> {
    await this.page.mouse.move(at.x, at.y, { steps: 2 });
    await this.page.mouse.click(at.x, at.y);
  }

  async dblclickAt(at: Pixel): Promise<void> {
    await this.page.mouse.dblclick(at.x, at.y);
  }

  async tapAt(at: Pixel): Promise<void> {
    await this.page.touchscreen.tap(at.x, at.y);
  }

  /** Presses at `from`, moves to `to` in small steps and releases (a drag on the map). */
  async dragFromTo(from: Pixel, to: Pixel): Promise<void> {
    await this.page.mouse.move(from.x, from.y, { steps: 2 });
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /**
   * Stores `value` under `key` in localStorage before the app's own scripts run on the next load. Only the first
   * load of the test is seeded, so a reload sees what the app itself saved.
   */
  async seedLocalStorage(key: string, value: string): Promise<void> {
    await this.page.addInitScript(
      ({ key, value }) => {
        const flag = `e2e-seeded:${key}`;
        if (window.sessionStorage.getItem(flag) !== null) return;
        window.sessionStorage.setItem(flag, '1');
        window.localStorage.setItem(key, value);
      },
      { key, value },
    );
  }

  async localStorageItem(key: string): Promise<string | null> {
    return this.page.evaluate((k) => window.localStorage.getItem(k), key);
  }

  /** Serves `body` (with `status`) instead of the real file for requests whose path ends with `pathSuffix`. */
  async replaceFile(pathSuffix: string, status: number, body: string): Promise<void> {
    await this.page.route((url) => url.pathname.endsWith(pathSuffix), (route) => route.fulfill({ status, body, contentType: 'application/json' }));
  }

  /** The test id of the focused element or of its nearest ancestor that has one. */
  async focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
  }

  async pause(ms: number): Promise<void> {
    await this.page.waitForTimeout(ms);
  }

  /** True when the topmost element at a viewport pixel is inside the element with this test id. */
  async pixelIsOn(at: Pixel, testId: string): Promise<boolean> {
    return this.page.evaluate(
      ({ at, testId }) => document.elementFromPoint(at.x, at.y)?.closest(`[data-testid="${testId}"]`) != null,
      { at, testId },
    );
  }

  private byTestId(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Clicks the button named `name` (its accessible name, exact) inside the element with this test id. */
  async clickButtonIn(testId: string, name: string): Promise<void> {
    await this.byTestId(testId).first().getByRole('button', { name, exact: true }).click();
  }

  /**
   * Clicks the button named `name` inside `testId` at once, without waiting for it to hold still (a click event
   * dispatched on it): for a button that may go any moment, like the Cancel of a running import.
   */
  async clickButtonInNow(testId: string, name: string, timeoutMs = 5_000): Promise<void> {
    await this.byTestId(testId).first().getByRole('button', { name, exact: true }).dispatchEvent('click', undefined, { timeout: timeoutMs });
  }

  /** Accessible names of the buttons inside the element with this test id, in document order. */
  async buttonNamesIn(testId: string): Promise<string[]> {
    const buttons = this.byTestId(testId).first().getByRole('button');
    const names: string[] = [];
    for (let i = 0; i < (await buttons.count()); i++) names.push((await buttons.nth(i).innerText()).trim());
    return names;
  }

  /** Text and href of every link inside the element with this test id (optionally only inside `scope`, a CSS selector). */
  async linksIn(testId: string, scope?: string): Promise<Link[]> {
    const root = this.byTestId(testId).first();
    return (scope ? root.locator(scope) : root)
      .locator('a')
      .evaluateAll((links) => links.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })));
  }

  /** Texts of the elements matching a CSS selector inside the element with this test id. */
  async textsIn(testId: string, selector: string): Promise<string[]> {
    return (await this.byTestId(testId).first().locator(selector).allInnerTexts()).map((t) => t.trim());
  }

  /** Opens a closed <details> element by its summary (the user's click); a no-op when already open. */
  async expandDetails(testId: string): Promise<void> {
    const details = this.byTestId(testId).first();
    if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  }

  /** The element with this test id, in the row whose `data-*` attribute `attr` is `value`. */
  private inRow(rowTestId: string, attr: string, value: string, testId: string): Locator {
    return this.page.locator(`[data-testid="${rowTestId}"][${attr}="${value}"]`).getByTestId(testId).first();
  }

  async textInRow(rowTestId: string, attr: string, value: string, testId: string): Promise<string> {
    return (await this.inRow(rowTestId, attr, value, testId).innerText()).trim();
  }

  /** Waits until the element's attribute has the value. */
  async waitForAttribute(testId: string, name: string, value: string, timeoutMs = 15_000): Promise<void> {
    await this.byTestId(testId).first().and(this.page.locator(`[${name}="${value}"]`)).waitFor({ timeout: timeoutMs });
  }

  async selectOption(testId: string, value: string): Promise<void> {
    await this.byTestId(testId).first().selectOption(value);
  }

  async clickInRow(rowTestId: string, attr: string, value: string, testId: string): Promise<void> {
    await this.inRow(rowTestId, attr, value, testId).click();
  }

  async fillInRow(rowTestId: string, attr: string, value: string, testId: string, text: string): Promise<void> {
    await this.inRow(rowTestId, attr, value, testId).fill(text);
  }

  async isVisibleInRow(rowTestId: string, attr: string, value: string, testId: string): Promise<boolean> {
    return this.inRow(rowTestId, attr, value, testId).isVisible();
  }

  /** The values of attribute `attr` on every element with this test id, in document order. */
  async attributes(testId: string, attr: string): Promise<(string | null)[]> {
    return this.byTestId(testId).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attr);
  }

  async click(testId: string): Promise<void> {
    await this.byTestId(testId).first().click();
  }

  async waitForEnabled(testId: string, timeoutMs = 15_000): Promise<void> {
    await expect(this.byTestId(testId).first()).toBeEnabled({ timeout: timeoutMs });
  }

  async clickByLabel(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).first().click();
  }

  async setChecked(testId: string, checked: boolean): Promise<void> {
    await this.byTestId(testId).first().setChecked(checked);
  }

  async isChecked(testId: string): Promise<boolean> {
    return this.byTestId(testId).first().isChecked();
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.byTestId(testId).first().fill(value);
  }

  async inputValue(testId: string): Promise<string> {
    return this.byTestId(testId).first().inputValue();
  }

  async isVisible(testId: string): Promise<boolean> {
    return this.byTestId(testId).first().isVisible();
  }

  async waitVisible(testId: string, timeoutMs = 15_000): Promise<void> {
    await this.byTestId(testId).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  async waitHidden(testId: string, timeoutMs = 15_000): Promise<void> {
    await this.byTestId(testId).first().waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  async text(testId: string): Promise<string> {
    return (await this.byTestId(testId).first().innerText()).trim();
  }

  async texts(testId: string): Promise<string[]> {
    return (await this.byTestId(testId).allInnerTexts()).map((t) => t.trim());
  }

  async count(testId: string): Promise<number> {
    return this.byTestId(testId).count();
  }

  async attribute(testId: string, name: string): Promise<string | null> {
    return this.byTestId(testId).first().getAttribute(name);
  }

  async box(testId: string): Promise<Box | null> {
    return this.byTestId(testId).first().boundingBox();
  }

  /** True when the element is inside `ancestorTestId`'s subtree. */
  async isInside(testId: string, ancestorTestId: string): Promise<boolean> {
    return (await this.page.getByTestId(ancestorTestId).getByTestId(testId).count()) > 0;
  }

  /** Clicks `testId` and returns the file the page downloads. */
  async download(testId: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.click(testId)]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  async setInputFile(testId: string, file: { name: string; mimeType: string; text: string }): Promise<void> {
    await this.byTestId(testId).first().setInputFiles({
      name: file.name,
      mimeType: file.mimeType,
      buffer: Buffer.from(file.text, 'utf8'),
    });
  }

  /** Gives a file input (by test id) a file on disk by its path, so the page gets a real File however large it is. */
  async setInputFilePath(testId: string, path: string): Promise<void> {
    await this.byTestId(testId).first().setInputFiles(path);
  }

  /** The value of attribute `attr` of the first element matching a CSS selector inside `testId`, or null. */
  async attributeIn(testId: string, selector: string, attr: string): Promise<string | null> {
    const el = this.byTestId(testId).first().locator(selector).first();
    return (await el.count()) > 0 ? el.getAttribute(attr) : null;
  }

  /**
   * Starts measuring in the page whether its main thread keeps answering: a setInterval(…, 16) probe and a
   * requestAnimationFrame loop record the longest gap between their successive callbacks. With `untilGoneTestId`,
   * the probe stops by itself once that element has shown and then gone (the gap that saw it go is counted); with
   * `untilText` too, only once the element `untilText.testId` also holds `untilText.text` (e.g. an import's progress bar
   * gone and the imported file listed with its count).
   */
  async startMainThreadProbe(untilGoneTestId?: string, untilText?: { testId: string; text: string }): Promise<void> {
    await this.page.evaluate(([watch, until]) => {
      const probe: MainThreadProbeState = {
        startMs: performance.now(),
        endMs: null,
        lastTickMs: performance.now(),
        lastFrameMs: null,
        maxTimerGapMs: 0,
        maxFrameGapMs: 0,
        ticks: 0,
        frames: 0,
        watchedSeen: false,
        watchedGone: false,
        maxTimerGapAfterGoneMs: 0,
        longGaps: [],
        timer: 0,
      };
      const stop = () => {
        if (probe.endMs !== null) return;
        probe.endMs = performance.now();
        clearInterval(probe.timer);
        // The frame that has not come yet counts up to now (a stall that ends the watch has no frame after it).
        if (probe.lastFrameMs !== null) probe.maxFrameGapMs = Math.max(probe.maxFrameGapMs, probe.endMs - probe.lastFrameMs);
      };
      probe.timer = window.setInterval(() => {
        const now = performance.now();
        const gapMs = now - probe.lastTickMs;
        probe.maxTimerGapMs = Math.max(probe.maxTimerGapMs, gapMs);
        probe.lastTickMs = now;
        probe.ticks++;
        const watched = watch !== null && document.querySelector(`[data-testid="${watch}"]`) !== null;
        if (gapMs > 50) {
          probe.longGaps.push({ endMs: Math.round(now - probe.startMs), gapMs: Math.round(gapMs), watched });
          probe.longGaps.sort((a, b) => b.gapMs - a.gapMs).splice(5);
        }
        if (watch === null) return;
        if (watched) probe.watchedSeen = true;
        else if (probe.watchedSeen) {
          probe.watchedGone = true;
          probe.maxTimerGapAfterGoneMs = Math.max(probe.maxTimerGapAfterGoneMs, gapMs);
          if (until === null || (document.querySelector(`[data-testid="${until.testId}"]`)?.textContent ?? '').includes(until.text)) stop();
        }
      }, 16);
      const frame = () => {
        if (probe.endMs !== null) return;
        const now = performance.now();
        if (probe.lastFrameMs !== null) probe.maxFrameGapMs = Math.max(probe.maxFrameGapMs, now - probe.lastFrameMs);
        probe.lastFrameMs = now;
        probe.frames++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      (window as unknown as { __e2eMainThreadProbe?: MainThreadProbeState }).__e2eMainThreadProbe = probe;
      (window as unknown as { __e2eMainThreadProbeStop?: () => void }).__e2eMainThreadProbeStop = stop;
    }, [untilGoneTestId ?? null, untilText ?? null] as const);
  }

  /** Waits until a probe started with `untilGoneTestId` has seen its element go (or `timeoutMs` passes). */
  async waitMainThreadProbeDone(timeoutMs = 30_000): Promise<void> {
    await this.page.waitForFunction(
      () => (window as unknown as { __e2eMainThreadProbe?: MainThreadProbeState }).__e2eMainThreadProbe?.endMs != null,
      undefined,
      { timeout: timeoutMs, polling: 100 },
    );
  }

  /** Stops the main-thread probe (if still running) and returns what it measured. */
  async stopMainThreadProbe(): Promise<MainThreadProbe> {
    return this.page.evaluate(() => {
      const w = window as unknown as { __e2eMainThreadProbe?: MainThreadProbeState; __e2eMainThreadProbeStop?: () => void };
      const p = w.__e2eMainThreadProbe;
      if (!p) throw new Error('no main-thread probe was started');
      w.__e2eMainThreadProbeStop?.();
      return {
        durationMs: (p.endMs ?? performance.now()) - p.startMs,
        maxTimerGapMs: p.maxTimerGapMs,
        maxFrameGapMs: p.maxFrameGapMs,
        ticks: p.ticks,
        frames: p.frames,
        watchedSeen: p.watchedSeen,
        watchedGone: p.watchedGone,
        maxTimerGapAfterGoneMs: p.maxTimerGapAfterGoneMs,
        longGaps: p.longGaps,
      };
    });
  }

  /** Drops a file on an element (by test id), as a drag from the desktop does: dragenter, dragover, drop. */
  async dropFile(testId: string, file: { name: string; mimeType: string; text: string }): Promise<void> {
    const transfer = await this.page.evaluateHandle((f) => {
      const dt = new DataTransfer();
      dt.items.add(new File([f.text], f.name, { type: f.mimeType }));
      return dt;
    }, file);
    const target = this.byTestId(testId).first();
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
  }

  /** PNG of one element (by test id), or of the viewport. */
  async screenshot(testId?: string): Promise<Buffer> {
    return testId ? this.byTestId(testId).first().screenshot() : this.page.screenshot();
  }

  /** RGB of each viewport pixel (CSS pixels) in one screenshot of the viewport. */
  async pixelColours(points: readonly Pixel[]): Promise<Rgb[]> {
    const png = decodePng(await this.page.screenshot());
    const scale = png.width / this.viewport().width;
    return points.map((p) => {
      const x = Math.min(png.width - 1, Math.max(0, Math.round(p.x * scale)));
      const y = Math.min(png.height - 1, Math.max(0, Math.round(p.y * scale)));
      const o = (y * png.width + x) * png.channels;
      return [png.data[o] ?? 0, png.data[o + 1] ?? 0, png.data[o + 2] ?? 0];
    });
  }

  /** axe-core's violations on the page as it is now (its default rule set: WCAG 2.x A/AA and best practices). */
  async axeViolations(): Promise<AxeViolation[]> {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }

  async saveScreenshot(path: string): Promise<void> {
    // JPEG for the README images: a tenth of the PNG's size, and they are regenerated on every run.
    await this.page.screenshot(path.endsWith('.jpg') ? { path, type: 'jpeg', quality: 80 } : { path });
  }

  /** Right-click at a pixel: the browser's context-menu gesture, as a long-press on a touch screen. */
  async contextMenuAt(at: Pixel): Promise<void> {
    await this.page.mouse.move(at.x, at.y, { steps: 2 });
    await this.page.mouse.click(at.x, at.y, { button: 'right' });
  }

  /** Lets the page read the device position (the person allowed it) and sets that position ([lng, lat]). */
  async allowGeolocation(at: [number, number]): Promise<void> {
    await this.page.context().grantPermissions(['geolocation']);
    await this.page.context().setGeolocation({ longitude: at[0], latitude: at[1], accuracy: 10 });
  }

  /** Lets the page write to (and the test read) the clipboard. */
  async allowClipboard(): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  }

  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Renders the page as for printing (CSS print media) or back to the screen. */
  async emulatePrint(on: boolean): Promise<void> {
    await this.page.emulateMedia({ media: on ? 'print' : 'screen' });
  }

  /** Replaces window.print so a test can see it was called without a print dialog. */
  async stubPrint(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
  }

  async printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);
  }

  /** Whether the focused element shows a visible focus indicator (an outline or a box shadow). */
  async focusIsVisible(): Promise<boolean> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== 'none';
    });
  }

  /** Count of elements matching a CSS selector inside `testId`. */
  async countIn(testId: string, selector: string): Promise<number> {
    return this.byTestId(testId).first().locator(selector).count();
  }

  /** Types text with the keyboard into whatever has focus. */
  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
}

/** Colour statistics of a PNG (8-bit RGB/RGBA, as Playwright writes): distinct RGB colours and the commonest's share. */
export function pngColourStats(png: Buffer): { distinctColours: number; dominantShare: number; pixels: number } {
  const { width, height, channels, data } = decodePng(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    const key = ((data[o] ?? 0) << 16) | ((data[o + 1] ?? 0) << 8) | (data[o + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const dominant = Math.max(...counts.values());
  return { distinctColours: counts.size, dominantShare: dominant / (width * height), pixels: width * height };
}

/** Minimal PNG decoder: non-interlaced, 8 bits per channel, colour type 2 (RGB) or 6 (RGBA). */
function decodePng(png: Buffer): { width: number; height: number; channels: number; data: Uint8Array } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      const colourType = body[9];
      const interlace = body[12];
      if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
      }
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const left = x >= channels ? (out[row + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (out[row - stride + x - channels] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, data: out };
}

/** Playwright `test` with a `session` fixture; fixtures.ts extends it with the per-tool drivers. */
export const test = base.extend<{ session: BrowserSession }>({
  session: async ({ page }, use) => {
    await use(new BrowserSession(page));
  },
});

export { expect } from '@playwright/test';
