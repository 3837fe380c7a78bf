// Legend driver (the Layers tab): layer toggles, site kinds, 311 dates and statuses, the places list.
import type { BrowserSession } from './browser';
import type { LayerName, MapDriver } from './map-driver';

export type NeedleStatus = 'open' | 'closed' | 'unknown';

export class LegendDriver {
  constructor(
    private readonly browser: BrowserSession,
    private readonly map: MapDriver,
  ) {}

  async isShown(): Promise<boolean> {
    return this.browser.isVisible('legend');
  }

  /** Switches the panel to the Layers tab (if another tab is showing). */
  async open(): Promise<void> {
    if (!(await this.browser.isVisible('legend'))) await this.browser.click('tab-layers');
    await this.browser.waitVisible('legend');
  }

  async isLayerOn(layer: LayerName): Promise<boolean> {
    return this.browser.isChecked(`layer-toggle-${layer}`);
  }

  /** Turns a layer on or off through its legend checkbox (flips it when `on` is omitted). */
  async toggleLayer(layer: LayerName, on?: boolean): Promise<void> {
    const target = on ?? !(await this.isLayerOn(layer));
    await this.browser.setChecked(`layer-toggle-${layer}`, target);
    await this.map.settle();
  }

  async setKind(kind: string, on: boolean): Promise<void> {
    await this.browser.setChecked(`kind-filter-${kind}`, on);
    await this.map.settle();
  }

  async isKindOn(kind: string): Promise<boolean> {
    return this.browser.isChecked(`kind-filter-${kind}`);
  }

  async needleDates(): Promise<{ from: string; to: string }> {
    return { from: await this.browser.inputValue('needle-date-from'), to: await this.browser.inputValue('needle-date-to') };
  }

  async setNeedleDates(from: string, to: string): Promise<void> {
    await this.browser.fill('needle-date-from', from);
    await this.browser.fill('needle-date-to', to);
    await this.map.settle();
  }

  async setNeedleStatus(status: NeedleStatus, on: boolean): Promise<void> {
    await this.browser.setChecked(`needle-status-${status}`, on);
    await this.map.settle();
  }

  async isNeedleStatusOn(status: NeedleStatus): Promise<boolean> {
    return this.browser.isChecked(`needle-status-${status}`);
  }

  /** The legend's entry for what a tool keeps on the map (e.g. 'sweeps': the planned route), as its text; null when absent. */
  async keptEntry(toolId: string): Promise<string | null> {
    return (await this.browser.isVisible(`kept-${toolId}`)) ? this.browser.text(`kept-${toolId}`) : null;
  }

  async setKeptShown(toolId: string, on: boolean): Promise<void> {
    await this.browser.setChecked(`layer-toggle-kept-${toolId}`, on);
    await this.map.settle();
  }

  /** Names in the "Places on the map" list, in order. */
  async placeNames(): Promise<string[]> {
    return this.browser.texts('place-item');
  }

  /**
   * With the keyboard alone: Tab to the places list, open it, Tab to its first place and press Enter.
   * Returns the name of the place chosen.
   */
  async openFirstPlaceWithKeyboard(): Promise<string> {
    await this.tabTo('places-summary');
    await this.browser.press('Enter');
    await this.tabTo('place-item');
    const [first] = await this.placeNames();
    if (first === undefined) throw new Error('the places list is empty');
    await this.browser.press('Enter');
    return first;
  }

  /** Presses Tab until the focused element is (inside) `testId`; fails after `maxTabs` presses. */
  private async tabTo(testId: string, maxTabs = 60): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      if ((await this.browser.focusedTestId()) === testId) return;
      await this.browser.press('Tab');
    }
    throw new Error(`${testId} not reached with ${maxTabs} Tab presses (focus is on ${await this.browser.focusedTestId()})`);
  }
}
