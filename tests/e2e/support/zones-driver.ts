// Zones driver (the Zones tab): draw, edit, rename, delete, import, export and reset outreach zones; saved zones.
import { expect } from '@playwright/test';
import type { BrowserSession, Download, Pixel } from './browser';
import type { LngLat, MapDriver } from './map-driver';

/**
 * The localStorage key the app saves the user's zones under. Part of the contract: renaming it would lose every
 * user's saved zones, so the suite names it here rather than importing it.
 */
export const ZONES_STORAGE_KEY = 'hrm.zones.v1';

export type ZoneRow = { id: string; name: string };

export class ZonesDriver {
  constructor(
    private readonly browser: BrowserSession,
    private readonly map: MapDriver,
  ) {}

  /** Switches the panel to the Zones tab. */
  async open(): Promise<void> {
    if (!(await this.browser.isVisible('zones-panel'))) await this.browser.click('tab-zones');
    await this.browser.waitVisible('zones-panel');
  }

  /** The listed zones (id and name), in order. */
  async list(): Promise<ZoneRow[]> {
    const ids = await this.browser.attributes('zone-item', 'data-zone-id');
    const texts = await this.browser.texts('zone-item');
    return ids.map((id, i) => ({ id: id ?? '', name: (texts[i] ?? '').split('\n')[0]?.trim() ?? '' }));
  }

  async names(): Promise<string[]> {
    return (await this.list()).map((z) => z.name);
  }

  async count(): Promise<number> {
    return this.browser.count('zone-item');
  }

  private async idOf(name: string): Promise<string> {
    const rows = await this.list();
    const row = rows.find((z) => z.name === name);
    if (!row) throw new Error(`no zone named "${name}" in the list (${rows.map((z) => z.name).join(', ')})`);
    return row.id;
  }

  /** The polite status line under the zone buttons ("Zone … deleted." etc.). */
  async status(): Promise<string> {
    return this.browser.text('zones-status');
  }

  /** Terra-draw's mode as the panel reports it: 'idle', 'drawing' or 'editing'. */
  async drawMode(): Promise<string | null> {
    return this.browser.attribute('zones-panel', 'data-draw-mode');
  }

  /**
   * Draws a polygon zone: "zone-draw", a click on each vertex, then a click on the first vertex to close it.
   * Resolves when the zones panel lists one more zone.
   */
  async draw(vertices: LngLat[]): Promise<void> {
    await this.open();
    const before = await this.count();
    await this.browser.click('zone-draw');
    // terra-draw loads on demand: clicks before its polygon mode is on would be lost.
    await expect.poll(() => this.drawMode(), { message: 'drawing mode is on' }).toBe('drawing');
    const pixels = await this.uncoveredPixels(vertices);
    for (const at of pixels) {
      await this.browser.clickAt(at);
      // Keep clicks apart so two vertices are never read as a double-click.
      await this.browser.pause(350);
    }
    await this.browser.clickAt(pixels[0]!);
    await expect.poll(() => this.count(), { message: 'the drawn zone appears in the zones panel' }).toBe(before + 1);
    await this.map.settle();
  }

  private async uncoveredPixels(points: LngLat[]): Promise<Pixel[]> {
    if (points.length === 0) throw new Error('no points given');
    const pixels: Pixel[] = [];
    for (const p of points) {
      const at = await this.map.pixelOf(p);
      if (!(await this.map.isMapPixel(at))) throw new Error(`pixel ${at.x},${at.y} of ${p.join(',')} is covered by the UI`);
      pixels.push(at);
    }
    return pixels;
  }

  /** Renames a zone through its Rename button and the name field (Enter submits). */
  async rename(name: string, newName: string): Promise<void> {
    const id = await this.idOf(name);
    await this.browser.clickInRow('zone-item', 'data-zone-id', id, 'zone-rename');
    await this.browser.fillInRow('zone-item', 'data-zone-id', id, 'zone-name-input', newName);
    await this.browser.press('Enter');
  }

  /** Error messages shown beside an open name field (e.g. "A zone needs a name."). */
  async renameErrors(): Promise<string[]> {
    return this.browser.textsIn('zones-panel', 'form [role="alert"]');
  }

  /** Escape, e.g. to leave the name field without saving. */
  async pressEscape(): Promise<void> {
    await this.browser.press('Escape');
  }

  /** Asks to delete a zone; `confirm` false answers the confirm box with Cancel. */
  async delete(name: string, confirm = true): Promise<void> {
    const id = await this.idOf(name);
    await this.browser.clickInRow('zone-item', 'data-zone-id', id, 'zone-delete');
    await this.browser.waitVisible(confirm ? 'zone-confirm' : 'zone-confirm-cancel');
    await this.browser.click(confirm ? 'zone-confirm' : 'zone-confirm-cancel');
    await this.browser.waitHidden('zone-confirm');
    await this.map.settle();
  }

  /** Starts editing a zone's outline; resolves once terra-draw is in its editing mode. */
  async startEditing(name: string): Promise<void> {
    const id = await this.idOf(name);
    await this.browser.clickInRow('zone-item', 'data-zone-id', id, 'zone-edit');
    await expect.poll(() => this.drawMode(), { message: 'editing mode is on' }).toBe('editing');
    await this.map.settle();
  }

  /** While editing: drags one corner of the outline from its place to another. */
  async dragCorner(from: LngLat, to: LngLat): Promise<void> {
    const [a, b] = await this.uncoveredPixels([from, to]);
    await this.browser.dragFromTo(a!, b!);
    await this.map.settle();
  }

  /** "Save outline": ends editing and keeps the change. */
  async saveEditing(): Promise<void> {
    await this.browser.click('zone-edit-done');
    await expect.poll(() => this.drawMode(), { message: 'back to idle after saving' }).toBe('idle');
    await this.map.settle();
  }

  /** "Cancel": ends editing and drops the change. */
  async cancelEditing(): Promise<void> {
    await this.browser.click('zone-draw-cancel');
    await expect.poll(() => this.drawMode(), { message: 'back to idle after cancelling' }).toBe('idle');
    await this.map.settle();
  }

  async canReset(): Promise<boolean> {
    return (await this.browser.attribute('zone-reset', 'disabled')) === null;
  }

  /** "Reset to defaults" and its confirm box. */
  async resetToDefaults(): Promise<void> {
    await this.browser.click('zone-reset');
    await this.browser.click('zone-confirm');
    await this.browser.waitHidden('zone-confirm');
    await this.map.settle();
  }

  /** Clicks "zone-export" and returns the downloaded file name and its parsed JSON. */
  async export(): Promise<{ filename: string; geojson: unknown }> {
    await this.open();
    const file = await this.browser.download('zone-export');
    return { filename: file.filename, geojson: JSON.parse(file.text) as unknown };
  }

  /** Chooses a file in "Import GeoJSON". */
  async import(filename: string, content: unknown): Promise<void> {
    await this.open();
    await this.browser.setInputFile('zone-import', {
      name: filename,
      mimeType: 'application/geo+json',
      text: typeof content === 'string' ? content : JSON.stringify(content),
    });
    await this.map.settle();
  }

  /** The import summary ("1 zone added; 1 rejected"), once shown. */
  async importResult(): Promise<string> {
    await this.browser.waitVisible('zone-import-result');
    return this.browser.text('zone-import-result');
  }

  /** One line per rejected feature, as listed after an import. */
  async rejectedLines(): Promise<string[]> {
    if (!(await this.browser.isVisible('zone-import-rejected'))) return [];
    return (await this.browser.text('zone-import-rejected')).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  }

  /** Downloads the rejected features of the last import. */
  async downloadRejected(): Promise<Download> {
    return this.browser.download('zone-import-download-rejected');
  }

  /** The warning above the list (unreadable saved zones, storage blocked...), or null when none shows. */
  async warning(): Promise<string | null> {
    if (!(await this.browser.isVisible('zones-warning'))) return null;
    return this.browser.text('zones-warning');
  }

  /** Makes the browser hold `value` as the saved zones before the app loads (call before openMap). */
  async seedSavedZones(value: string): Promise<void> {
    await this.browser.seedLocalStorage(ZONES_STORAGE_KEY, value);
  }

  /** The saved zones as the app stored them (raw text), or null when nothing is saved. */
  async savedZones(): Promise<string | null> {
    return this.browser.localStorageItem(ZONES_STORAGE_KEY);
  }
}
