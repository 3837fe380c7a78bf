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

  async ask(question: 'dispose' | 'found-needle' | 'services'): Promise<void> {
    await this.browser.click(`find-q-${question}`);
  }

  async setEveryone(on: boolean): Promise<void> {
    await this.browser.setChecked('find-everyone', on);
  }

  async setOpenNow(on: boolean): Promise<void> {
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
}
