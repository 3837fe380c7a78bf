// Sheet driver: the panel beside the map (a sidebar on a desktop, a bottom sheet on a phone) and its fixed parts.
import type { Box, BrowserSession, Link } from './browser';

export type PhoneLine = { name: string; links: Link[] };

export class SheetDriver {
  constructor(private readonly browser: BrowserSession) {}

  /** The app's own layout: 'sidebar' or 'sheet' (data-layout on the panel). */
  async layout(): Promise<string | null> {
    return this.browser.attribute('sheet', 'data-layout');
  }

  async box(): Promise<Box | null> {
    return this.browser.box('sheet');
  }

  async isVisible(): Promise<boolean> {
    return this.browser.isVisible('sheet');
  }

  /** Phone: opens the bottom sheet from its peek with its visible button. */
  async open(): Promise<void> {
    await this.browser.click('sheet-open');
    await this.browser.waitVisible('legend');
  }

  async legendIsInside(): Promise<boolean> {
    return this.browser.isInside('legend', 'sheet');
  }

  async detailIsInside(): Promise<boolean> {
    return this.browser.isInside('detail-panel', 'sheet');
  }

  /** The "Call for help" lines: opens the list, returns each service's name and its tel: links. */
  async phoneLines(): Promise<PhoneLine[]> {
    await this.browser.expandDetails('phone-lines');
    const names = await this.browser.textsIn('phone-lines', 'li strong');
    const lines: PhoneLine[] = [];
    for (let i = 0; i < names.length; i++) lines.push({ name: names[i] ?? '', links: await this.browser.linksIn('phone-lines', `li:nth-of-type(${i + 1})`) });
    return lines;
  }
}
