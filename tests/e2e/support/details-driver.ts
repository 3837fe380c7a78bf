// Details driver: open the detail panel from the map (a site, a 311 point, a zone) and read or close it.
import type { BrowserSession, Pixel } from './browser';
import type { LngLat, MapDriver } from './map-driver';

export class DetailsDriver {
  constructor(
    private readonly browser: BrowserSession,
    private readonly map: MapDriver,
  ) {}

  /** Clicks a site's marker and returns the detail panel's title. */
  async openSite(id: string): Promise<string> {
    await this.browser.clickAt(await this.siteAt(id));
    return this.title();
  }

  /** Taps a site's marker with a finger (touch screen) and returns the detail panel's title. */
  async tapSite(id: string): Promise<string> {
    await this.browser.tapAt(await this.siteAt(id));
    return this.title();
  }

  private async siteAt(id: string): Promise<Pixel> {
    const at = await this.map.sitePixel(id);
    if (!at) throw new Error(`site ${id} has no pixel on screen`);
    if (!(await this.map.isMapPixel(at))) throw new Error(`site ${id} at ${at.x},${at.y} is covered by the UI`);
    return at;
  }

  /**
   * Clicks a drawn 311 point away from the site markers. Returns the panel's title and text, and where the click
   * landed (pixel and map position) so a spec can find the clicked request in the data.
   */
  async openNeedle(): Promise<{ title: string; text: string; at: Pixel; lngLat: LngLat }> {
    const at = await this.map.needlePixel();
    if (!at) throw new Error('no 311 point is drawn clear of the site markers');
    if (!(await this.map.isMapPixel(at))) throw new Error(`311 point pixel ${at.x},${at.y} is covered by the UI`);
    const lngLat = await this.map.lngLatAt(at);
    await this.browser.clickAt(at);
    return { title: await this.title(), text: await this.text(), at, lngLat };
  }

  /** Clicks the map at a place (which must be on screen, uncovered) and returns the detail panel's title. */
  async openAt(point: LngLat): Promise<string> {
    const at = await this.map.pixelOf(point);
    if (!(await this.map.isMapPixel(at))) throw new Error(`pixel ${at.x},${at.y} of ${point.join(',')} is covered by the UI`);
    await this.browser.clickAt(at);
    return this.title();
  }

  async title(): Promise<string> {
    await this.browser.waitVisible('detail-panel');
    return this.browser.text('detail-title');
  }

  async text(): Promise<string> {
    return this.browser.text('detail-panel');
  }

  /**
   * The value shown for a labelled fact ("Opened", "Status"...): the line after the label's own line, or null
   * when the panel has no such label.
   */
  async field(label: string): Promise<string | null> {
    const lines = (await this.text()).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const i = lines.indexOf(label);
    return i >= 0 ? (lines[i + 1] ?? null) : null;
  }

  async isOpen(): Promise<boolean> {
    return this.browser.isVisible('detail-panel');
  }

  /** True when keyboard focus is inside the detail panel. */
  async hasFocus(): Promise<boolean> {
    return (await this.browser.focusedTestId()) === 'detail-panel';
  }

  async closeWithEscape(): Promise<void> {
    await this.browser.press('Escape');
    await this.browser.waitHidden('detail-panel');
  }

  async closeWithButton(): Promise<void> {
    await this.browser.clickByLabel('Close details');
    await this.browser.waitHidden('detail-panel');
  }

  /** Names offered under "Also at this spot" (empty when the section is absent). */
  async alsoHere(): Promise<string[]> {
    if (!(await this.browser.isVisible('also-here'))) return [];
    return this.browser.buttonNamesIn('also-here');
  }

  /** Opens one of the "Also at this spot" places by its name and returns the new title. */
  async openAlsoHere(name: string): Promise<string> {
    await this.browser.clickButtonIn('also-here', name);
    return this.title();
  }
}
