// Sweeps driver (the Sweeps tab): import 311 files (drop or pick), the time window and filters, the charts and
// hotspot tables, and the sweep plan: settings, the ordered stops, exports, print and share.
import { expect, type BrowserSession, type Download, type Pixel } from './browser';

export type TextFile = { name: string; mimeType: string; text: string };

export class SweepsDriver {
  constructor(private readonly browser: BrowserSession) {}

  /** Switches the panel to the Sweeps tab and waits for it. */
  async open(): Promise<void> {
    if (!(await this.browser.isVisible('sweeps-panel'))) await this.browser.click('tab-sweeps');
    await this.browser.waitVisible('sweeps-window', 30_000);
  }

  async dropFile(file: TextFile): Promise<void> {
    await this.browser.dropFile('sweeps-drop', file);
  }

  async pickFile(file: TextFile): Promise<void> {
    await this.browser.setInputFile('sweeps-file', file);
  }

  /** Picks a file on disk (a real File of any size, as the file dialog gives it). */
  async pickFilePath(path: string): Promise<void> {
    await this.browser.setInputFilePath('sweeps-file', path);
  }

  /** Whether the import's progress bar shows. */
  async importRunning(): Promise<boolean> {
    return this.browser.isVisible('sweeps-progress');
  }

  /** Waits for the progress bar of an import to show. */
  async waitImportRunning(timeoutMs = 15_000): Promise<void> {
    await this.browser.waitVisible('sweeps-progress', timeoutMs);
  }

  /** The fraction of the file read so far (the progress bar's value, 0..1), or null when no import runs. */
  async importFraction(): Promise<number | null> {
    const value = await this.browser.attributeIn('sweeps-progress', 'progress', 'value');
    return value === null ? null : Number(value);
  }

  /** Cancels the running import with its Cancel button and waits for the progress bar to go. */
  async cancelImport(): Promise<void> {
    await this.browser.clickButtonInNow('sweeps-progress', 'Cancel');
    await this.browser.waitHidden('sweeps-progress');
  }

  /** Whether an import's report (summary or error) shows. */
  async hasImportOutcome(): Promise<boolean> {
    return (await this.browser.isVisible('sweeps-import-result')) || (await this.browser.isVisible('sweeps-import-error'));
  }

  /** The import's summary line, once the import has finished. */
  async importSummary(): Promise<string> {
    await this.browser.waitVisible('sweeps-import-result', 30_000);
    return (await this.browser.text('sweeps-import-result')).replace(/\s+/g, ' ');
  }

  async rejectedRows(): Promise<string[]> {
    return this.browser.textsIn('sweeps-import-rejected', 'li');
  }

  async downloadRejected(): Promise<Download> {
    return this.browser.download('sweeps-import-download-rejected');
  }

  async importedFiles(): Promise<string[]> {
    return this.browser.textsIn('sweeps-imports', 'li');
  }

  async removeImport(): Promise<void> {
    await this.browser.click('sweeps-remove-import');
  }

  async preset(p: string): Promise<void> {
    await this.browser.click(`sweeps-preset-${p}`);
  }

  async countText(): Promise<string> {
    return this.browser.text('sweeps-count');
  }

  async setStatus(status: 'all' | 'open' | 'closed'): Promise<void> {
    await this.browser.selectOption('sweeps-status', status);
  }

  /** The hotspot table's rows as text (rank, centre, count, change). */
  async hotspotRows(): Promise<string[]> {
    return this.browser.texts('sweeps-hotspot');
  }

  /** Switches the map between square cells and the neighbourhood choropleth. */
  async mapView(view: 'cells' | 'neighborhoods'): Promise<void> {
    await this.browser.click(view === 'cells' ? 'sweeps-map-cells' : 'sweeps-map-neighborhoods');
  }

  /** The neighbourhood table's rows: name and count. */
  async neighborhoodRows(): Promise<{ name: string; count: number }[]> {
    const cells = await this.browser.textsIn('sweeps-neighborhoods', 'tbody td');
    const rows: { name: string; count: number }[] = [];
    for (let i = 0; i + 1 < cells.length; i += 2) rows.push({ name: cells[i]!, count: Number(cells[i + 1]) });
    return rows;
  }

  /** Presses "Add a stop on the map" (the next map click adds a stop). */
  async startAddingStop(): Promise<void> {
    await this.browser.click('sweeps-add-stop');
  }

  async hash(): Promise<string> {
    await expect.poll(() => this.browser.hash()).toContain('sarea=poly');
    return this.browser.hash();
  }

  /** Removes the planned stop with this id. */
  async removeStop(id: string): Promise<void> {
    await this.browser.clickInRow('sweeps-stop', 'data-stop-id', id, 'sweeps-stop-remove');
  }

  /**
   * Chooses "an area drawn on the map" and clicks its corners (pixels on the map), then the first one to close it;
   * resolves once the drawing is over.
   */
  async drawArea(corners: readonly Pixel[]): Promise<void> {
    await this.browser.selectOption('sweeps-area', 'polygon');
    // terra-draw loads on demand: clicks before its polygon mode is on would be lost.
    await this.browser.waitVisible('sweeps-drawing', 30_000);
    for (const at of corners) {
      await this.browser.clickAt(at);
      // Keep clicks apart so two corners are never read as a double-click.
      await this.browser.pause(350);
    }
    await this.browser.clickAt(corners[0]!);
    await this.browser.waitHidden('sweeps-drawing', 15_000);
  }

  async setStart(value: string): Promise<void> {
    await this.browser.selectOption('sweeps-start', value);
  }

  async stopCountText(): Promise<string> {
    return this.browser.text('sweeps-stop-count');
  }

  async plan(): Promise<void> {
    await this.browser.waitForEnabled('sweeps-plan-button', 60_000);
    await this.browser.click('sweeps-plan-button');
    await this.browser.waitVisible('sweeps-totals', 60_000);
  }

  async totals(): Promise<string> {
    return (await this.browser.text('sweeps-totals')).replace(/\s+/g, ' ');
  }

  /** The planned stops in list order: their arrival time and their text. */
  async stops(): Promise<{ id: string; time: string; text: string }[]> {
    const ids = await this.browser.attributes('sweeps-stop', 'data-stop-id');
    const times = await this.browser.texts('sweeps-stop-time');
    const texts = await this.browser.texts('sweeps-stop');
    return ids.map((id, i) => ({ id: id ?? '', time: times[i] ?? '', text: (texts[i] ?? '').replace(/\s+/g, ' ') }));
  }

  /** Moves stop `n` (1-based) one place later with its "later" button. */
  async moveLater(n: number): Promise<void> {
    await this.browser.clickByLabel(`Move stop ${n} later`);
  }

  async exportGpx(): Promise<Download> {
    return this.browser.download('sweeps-export-gpx');
  }

  async exportCsv(): Promise<Download> {
    return this.browser.download('sweeps-export-csv');
  }

  async print(): Promise<void> {
    await this.browser.click('sweeps-print');
  }
}
