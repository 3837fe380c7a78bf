// Manage driver (the Manage tab): the City's site list — rows, edit form, hours preview, add, retire, verify, undo,
// reset, export.
import type { Box, BrowserSession, Download } from './browser';

export class ManageDriver {
  constructor(private readonly browser: BrowserSession) {}

  /** Switches the panel to the Manage tab and waits for its list. */
  async open(): Promise<void> {
    if (!(await this.browser.isVisible('manage-panel'))) await this.browser.click('tab-manage');
    await this.browser.waitVisible('manage-list', 30_000);
  }

  /** Waits until the editor says every edit is saved in the browser (before leaving the page). */
  async waitSaved(): Promise<void> {
    await this.browser.waitForAttribute('manage-save-state', 'data-state', 'saved');
  }

  async asOfText(): Promise<string> {
    return this.browser.text('manage-as-of');
  }

  /** The app's own "site list as of" line (under the panel, for everyone). */
  async appAsOfText(): Promise<string> {
    return this.browser.text('sites-as-of');
  }

  async editedText(): Promise<string> {
    return this.browser.text('manage-edited');
  }

  /** Each listed site's id and status (published, added, changed, retired), in list order. */
  async rows(): Promise<{ id: string; status: string }[]> {
    const ids = await this.browser.attributes('manage-site', 'data-site-id');
    const statuses = await this.browser.attributes('manage-site', 'data-status');
    return ids.map((id, i) => ({ id: id ?? '', status: statuses[i] ?? '' }));
  }

  async statusOf(id: string): Promise<string | undefined> {
    return (await this.rows()).find((r) => r.id === id)?.status;
  }

  async verifiedText(id: string): Promise<string> {
    return this.browser.textInRow('manage-site', 'data-site-id', id, 'manage-site-verified');
  }

  async edit(id: string): Promise<void> {
    await this.browser.clickInRow('manage-site', 'data-site-id', id, 'manage-edit');
    await this.browser.waitVisible('site-form');
  }

  async verify(id: string): Promise<void> {
    await this.browser.clickInRow('manage-site', 'data-site-id', id, 'manage-verify');
  }

  async retire(id: string): Promise<void> {
    await this.browser.clickInRow('manage-site', 'data-site-id', id, 'manage-retire');
  }

  async restore(id: string): Promise<void> {
    await this.browser.clickInRow('manage-site', 'data-site-id', id, 'manage-restore');
  }

  /** Types into a field of the open form (field: id, name, openingHours, source, lat, lng...). */
  async fill(field: string, text: string): Promise<void> {
    await this.browser.fill(`site-${field}`, text);
  }

  async select(field: string, value: string): Promise<void> {
    await this.browser.selectOption(`site-${field}`, value);
  }

  async fieldValue(field: string): Promise<string> {
    return this.browser.inputValue(`site-${field}`);
  }

  /** Where the draggable pin of the open form is drawn. */
  async pinBox(): Promise<Box | null> {
    return this.browser.box('draggable-pin');
  }

  /** Types in the address field and waits for the geocoder's suggestions. */
  async typeAddress(text: string): Promise<void> {
    await this.browser.fill('site-address-search', text);
    await this.browser.waitVisible('site-address-suggestion');
  }

  /** Picks the first address suggestion with ArrowDown + Enter. */
  async pickAddressWithKeyboard(): Promise<void> {
    await this.browser.press('ArrowDown');
    await this.browser.press('Enter');
  }

  async hoursPreview(): Promise<string> {
    return this.browser.text('site-hours-preview');
  }

  async save(): Promise<void> {
    await this.browser.click('site-save');
  }

  async formErrors(): Promise<string> {
    return (await this.browser.isVisible('site-form-errors')) ? this.browser.text('site-form-errors') : '';
  }

  async isFormOpen(): Promise<boolean> {
    return this.browser.isVisible('site-form');
  }

  async add(): Promise<void> {
    await this.browser.click('manage-add');
    await this.browser.waitVisible('site-form');
  }

  async undo(): Promise<void> {
    await this.browser.click('manage-undo');
  }

  async reset(): Promise<void> {
    await this.browser.click('manage-reset');
    await this.browser.click('manage-reset-yes');
  }

  async export(format: 'csv' | 'geojson' | 'hsds'): Promise<Download> {
    await this.browser.expandDetails('manage-export');
    return this.browser.download(`manage-export-${format}`);
  }

  /** Opens "Import a list" and chooses a file. */
  async importFile(name: string, text: string, mimeType = 'text/csv'): Promise<void> {
    await this.browser.expandDetails('manage-import');
    await this.browser.setInputFile('site-import-file', { name, mimeType, text });
  }

  /** The file column a sites.csv column is mapped to ('' when none). */
  async mappedColumn(column: string): Promise<string> {
    await this.browser.waitVisible('site-import-mapping');
    return this.browser.inputValue(`site-map-${column}`);
  }

  async setDefault(column: string, value: string): Promise<void> {
    await this.browser.fill(`site-default-${column}`, value);
  }

  async preview(): Promise<void> {
    await this.browser.click('site-import-preview');
    await this.browser.waitVisible('site-import-diff');
  }

  async diffText(): Promise<string> {
    await this.browser.waitVisible('site-import-diff');
    return this.browser.text('site-import-diff');
  }

  async rejectedRows(): Promise<string[]> {
    return (await this.browser.isVisible('site-import-rejected')) ? this.browser.textsIn('site-import-rejected', 'li') : [];
  }

  async importSummary(): Promise<string> {
    return this.browser.text('site-import-result');
  }

  async downloadRejected(): Promise<Download> {
    return this.browser.download('site-import-download-rejected');
  }

  async canApply(): Promise<boolean> {
    return (await this.browser.attribute('site-import-apply', 'disabled')) === null;
  }

  async apply(): Promise<void> {
    await this.browser.click('site-import-apply');
  }
}
