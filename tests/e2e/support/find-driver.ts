// Find driver (the Find tab): search a place by keyboard, choose the question and filters, read the results.
import type { BrowserSession } from './browser';
import type { LngLat } from './map-driver';

export class FindDriver {
  constructor(private readonly browser: BrowserSession) {}

  async isPanelVisible(): Promise<boolean> {
    return this.browser.isVisible('find-panel');
  }

  /** Switches the panel to the Find tab and waits until its data is loaded (the search box shows). */
  async open(): Promise<void> {
    if (!(await this.browser.isVisible('find-panel'))) await this.browser.click('tab-find');
    await this.browser.waitVisible('find-search', 45_000);
  }

  /** Waits until the tab's data is loaded (the search box shows), without touching the page. */
  async waitLoaded(): Promise<void> {
    await this.browser.waitVisible('find-search', 45_000);
  }

  /** Types `text` in the search box and returns the suggestions shown (label and precision). */
  async type(text: string): Promise<string[]> {
    await this.browser.fill('find-search', text);
    await this.browser.waitVisible('find-suggestion');
    return this.browser.texts('find-suggestion');
  }

  /** Picks the `index`-th suggestion with the keyboard alone (ArrowDown × (index + 1), Enter). */
  async pickWithKeyboard(index = 0): Promise<void> {
    for (let i = 0; i <= index; i++) await this.browser.press('ArrowDown');
    await this.browser.press('Enter');
  }

  async ask(question: 'dispose' | 'found-needle' | 'supplies' | 'drop-in' | 'treatment'): Promise<void> {
    await this.browser.click(`find-q-${question}`);
  }

  /** Opens the filters (a disclosure under the list) when closed. */
  async openFilters(): Promise<void> {
    await this.browser.expandDetails('find-filters');
    await this.browser.waitVisible('find-everyone');
  }

  async setEveryone(on: boolean): Promise<void> {
    await this.openFilters();
    await this.browser.setChecked('find-everyone', on);
  }

  async setOpenNow(on: boolean): Promise<void> {
    await this.openFilters();
    await this.browser.setChecked('find-open-now', on);
  }

  /** The search point from the URL (`at=<lat>,<lng>`), as [lng, lat], or null. */
  async point(): Promise<LngLat | null> {
    const params = new URLSearchParams((await this.browser.hash()).replace(/^#/, ''));
    const at = params.get('at');
    if (!at) return null;
    const [lat, lng] = at.split(',').map(Number);
    return lat === undefined || lng === undefined ? null : [lng, lat];
  }

  /** Names of the listed places, in list order. */
  async resultNames(): Promise<string[]> {
    return this.browser.texts('find-result-name');
  }

  async resultCount(): Promise<number> {
    return this.browser.count('find-result');
  }

  async isNothingFound(): Promise<boolean> {
    return this.browser.isVisible('find-none');
  }

  async call311Links(): Promise<string[]> {
    return (await this.browser.linksIn('find-311')).map((l) => l.href);
  }

  /** The load error shown instead of the search box ('' while there is none). */
  async errorText(): Promise<string> {
    return (await this.browser.isVisible('find-error')) ? this.browser.text('find-error') : '';
  }

  async locationText(): Promise<string> {
    return this.browser.text('find-location-text');
  }

  /** Site ids of the listed places in list order (within a walk, then further away). */
  async resultIds(): Promise<string[]> {
    return (await this.browser.attributes('find-result', 'data-site-id')).map((id) => id ?? '');
  }

  /** Places listed as further than a walk. */
  async farCount(): Promise<number> {
    return (await this.browser.isVisible('find-results-far')) ? this.browser.countIn('find-results-far', '[data-testid=find-result]') : 0;
  }

  /** The live region's sentence about the list. */
  async summary(): Promise<string> {
    return this.browser.text('find-summary');
  }

  async eligibilityTexts(): Promise<string[]> {
    return this.browser.texts('find-result-eligibility');
  }

  async openTexts(): Promise<string[]> {
    return this.browser.texts('find-result-open');
  }

  async directionsHrefs(): Promise<string[]> {
    return (await this.browser.attributes('find-result-directions', 'href')).map((h) => h ?? '');
  }

  /** Clicks a listed place's name. */
  async select(siteId: string): Promise<void> {
    await this.browser.clickInRow('find-result', 'data-site-id', siteId, 'find-result-select');
  }

  /** Site ids whose list entry is pressed (selected). */
  async selectedIds(): Promise<string[]> {
    const ids = await this.resultIds();
    const pressed = await this.browser.attributes('find-result-select', 'aria-pressed');
    return ids.filter((_, i) => pressed[i] === 'true');
  }

  /** Presses Tab until the element with `testId` has focus (at most `max` presses); throws when it never does. */
  async tabTo(testId: string, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      if ((await this.browser.focusedTestId()) === testId) return;
      await this.browser.press('Tab');
    }
    throw new Error(`${testId} never got focus after ${max} Tab presses`);
  }

  async useMyLocation(): Promise<void> {
    await this.browser.click('find-my-location');
  }

  async geoMessage(): Promise<string> {
    return (await this.browser.isVisible('find-geo-message')) ? this.browser.text('find-geo-message') : '';
  }

  /** Clicks "Share this list" and returns the message shown. */
  async share(): Promise<string> {
    await this.browser.click('find-share');
    await this.browser.waitVisible('find-share-message');
    return this.browser.text('find-share-message');
  }

  /** Clicks "Print a pocket list" (window.print stubbed) and returns how many times printing was asked for. */
  async print(): Promise<number> {
    await this.browser.stubPrint();
    await this.browser.click('find-print');
    return this.browser.printCalls();
  }

  /** Whether the focused element shows a focus indicator. */
  async focusVisible(): Promise<boolean> {
    return this.browser.focusIsVisible();
  }

  async pressKey(key: string): Promise<void> {
    await this.browser.press(key);
  }

  /** Types with the keyboard into the focused element. */
  async typeKeys(text: string): Promise<void> {
    await this.browser.typeText(text);
  }
}
