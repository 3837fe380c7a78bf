// Domain driver for the e2e specs: open the map, toggle layers, open sites, draw and export zones, read the URL state.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { test as browserTest, expect, pngColourStats, type BrowserSession, type Pixel } from './browser';

export { expect };

export type LayerName = 'disposal' | 'services' | 'needles' | 'zones';
export const LAYERS: readonly LayerName[] = ['disposal', 'services', 'needles', 'zones'];
export type NeedleStatus = 'open' | 'closed' | 'unknown';
export type LngLat = [lng: number, lat: number];

export type RenderedCounts = {
  disposal: number;
  services: number;
  needlePoints: number;
  needleDensityCells: number;
  zones: number;
};

/** The test API the app exposes on window.__hrm (the e2e contract). */
type HrmTestApi = {
  ready: boolean;
  map: MaplibreMap;
  renderedCounts(): RenderedCounts;
  sitePixel(id: string): Pixel | null;
  siteIds(): string[];
  needlePixel(): Pixel | null;
};
type HrmWindow = { __hrm?: HrmTestApi };

export type MapView = { zoom: number; lat: number; lng: number };

/** The URL hash, parsed loosely (a missing key is undefined; the raw key=value pairs are kept). */
export type UrlState = {
  map?: MapView;
  layers?: string[];
  from?: string;
  to?: string;
  status?: string[];
  kinds?: string[];
  site?: string;
  raw: Record<string, string>;
};

/** Default view when the URL says nothing usable (src/config/city.ts). */
export const DEFAULT_VIEW: MapView = { zoom: 12.2, lat: 42.3323, lng: -71.0712 };

/** Parses `#map=<zoom>/<lat>/<lng>&layers=a,b&...` without judging it (the app decides what is valid). */
export function parseHash(hash: string): UrlState {
  const raw: Record<string, string> = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    raw[key] = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
  }
  const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').filter((x) => x.length > 0));
  const state: UrlState = { raw };
  const mapParts = raw.map?.split('/').map(Number);
  if (mapParts && mapParts.length === 3 && mapParts.every(Number.isFinite)) {
    const [zoom, lat, lng] = mapParts as [number, number, number];
    state.map = { zoom, lat, lng };
  }
  state.layers = list(raw.layers);
  state.status = list(raw.status);
  state.kinds = list(raw.kinds);
  state.from = raw.from;
  state.to = raw.to;
  state.site = raw.site;
  return state;
}

/** Drives the Boston Harm Reduction Map through its UI and its window.__hrm test API. */
export class MapDriver {
  constructor(readonly browser: BrowserSession) {}

  /** Opens the app (optionally with a URL hash) and waits until all four overlay layers have drawn. */
  async openMap(hash = ''): Promise<void> {
    const fragment = hash === '' ? '' : hash.startsWith('#') ? hash : `#${hash}`;
    await this.browser.goto(`/${fragment}`);
    await this.browser.waitForReady();
    await this.settle();
  }

  async reload(): Promise<void> {
    await this.browser.reload();
    await this.browser.waitForReady();
    await this.settle();
  }

  /** Waits for the map to finish the current frame with every tile and source loaded. */
  async settle(): Promise<void> {
    await this.browser.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = (window as unknown as HrmWindow).__hrm?.map;
          if (!map) return resolve();
          const timer = setTimeout(resolve, 5_000);
          map.once('idle', () => {
            clearTimeout(timer);
            resolve();
          });
          map.triggerRepaint();
        }),
      undefined,
    );
  }

  async isReady(): Promise<boolean> {
    return this.browser.evaluate(() => (window as unknown as HrmWindow).__hrm?.ready === true, undefined);
  }

  async counts(): Promise<RenderedCounts> {
    return this.browser.evaluate(() => {
      const hrm = (window as unknown as HrmWindow).__hrm;
      if (!hrm) throw new Error('window.__hrm is missing');
      return hrm.renderedCounts();
    }, undefined);
  }

  async siteIds(): Promise<string[]> {
    return this.browser.evaluate(() => (window as unknown as HrmWindow).__hrm?.siteIds() ?? [], undefined);
  }

  async sitePixel(id: string): Promise<Pixel | null> {
    return this.browser.evaluate((siteId) => (window as unknown as HrmWindow).__hrm?.sitePixel(siteId) ?? null, id);
  }

  async view(): Promise<MapView> {
    return this.browser.evaluate(() => {
      const map = (window as unknown as HrmWindow).__hrm?.map;
      if (!map) throw new Error('window.__hrm.map is missing');
      const c = map.getCenter();
      return { zoom: map.getZoom(), lat: c.lat, lng: c.lng };
    }, undefined);
  }

  /** Moves the map without animation (as a user's pan/zoom would end) and waits for it to settle. */
  async jumpTo(view: MapView): Promise<void> {
    await this.browser.evaluate((v) => {
      const map = (window as unknown as HrmWindow).__hrm?.map;
      if (!map) throw new Error('window.__hrm.map is missing');
      map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom });
    }, view);
    await this.settle();
  }

  /** Viewport pixel of a geographic point on the map. */
  async pixelOf(point: LngLat): Promise<Pixel> {
    return this.browser.evaluate((p) => {
      const map = (window as unknown as HrmWindow).__hrm?.map;
      if (!map) throw new Error('window.__hrm.map is missing');
      const local = map.project(p);
      const rect = map.getContainer().getBoundingClientRect();
      return { x: rect.left + local.x, y: rect.top + local.y };
    }, point);
  }

  /** True when nothing (legend, panel, sheet) covers this pixel of the map. */
  async isMapPixel(at: Pixel): Promise<boolean> {
    return this.browser.pixelIsOn(at, 'map');
  }

  async readUrlState(): Promise<UrlState> {
    return parseHash(await this.browser.hash());
  }

  // Legend ------------------------------------------------------------------------------------------------------

  async isLayerOn(layer: LayerName): Promise<boolean> {
    return this.browser.isChecked(`layer-toggle-${layer}`);
  }

  /** Turns a layer on or off through its legend checkbox (flips it when `on` is omitted). */
  async toggleLayer(layer: LayerName, on?: boolean): Promise<void> {
    const target = on ?? !(await this.isLayerOn(layer));
    await this.browser.setChecked(`layer-toggle-${layer}`, target);
    await this.settle();
  }

  async setKind(kind: string, on: boolean): Promise<void> {
    await this.browser.setChecked(`kind-filter-${kind}`, on);
    await this.settle();
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
    await this.settle();
  }

  async setNeedleStatus(status: NeedleStatus, on: boolean): Promise<void> {
    await this.browser.setChecked(`needle-status-${status}`, on);
    await this.settle();
  }

  async isNeedleStatusOn(status: NeedleStatus): Promise<boolean> {
    return this.browser.isChecked(`needle-status-${status}`);
  }

  // Sites -------------------------------------------------------------------------------------------------------

  /**
   * The site whose marker is on screen, uncovered by any panel, and farthest from every other marker,
   * so a click at its pixel can only hit that site.
   */
  async clickableSite(): Promise<{ id: string; at: Pixel }> {
    const ids = await this.siteIds();
    const onScreen: { id: string; at: Pixel }[] = [];
    for (const id of ids) {
      const at = await this.sitePixel(id);
      if (at && (await this.isMapPixel(at))) onScreen.push({ id, at });
    }
    let best: { id: string; at: Pixel; gap: number } | null = null;
    for (const site of onScreen) {
      let gap = Infinity;
      for (const other of onScreen) {
        if (other !== site) gap = Math.min(gap, Math.hypot(other.at.x - site.at.x, other.at.y - site.at.y));
      }
      if (!best || gap > best.gap) best = { ...site, gap };
    }
    if (!best) throw new Error(`no site marker is clickable on screen (${ids.length} site ids)`);
    return { id: best.id, at: best.at };
  }

  /** Clicks a site's marker and returns the detail panel's title. */
  async openSite(id: string): Promise<string> {
    const at = await this.sitePixel(id);
    if (!at) throw new Error(`site ${id} has no pixel on screen`);
    await this.browser.clickAt(at);
    await this.browser.waitVisible('detail-panel');
    return this.browser.text('detail-title');
  }

  /** Clicks a drawn 311 point away from the site markers and returns the detail panel's title and text. */
  async openNeedle(): Promise<{ title: string; text: string }> {
    const at = await this.browser.evaluate(() => (window as unknown as HrmWindow).__hrm?.needlePixel() ?? null, undefined);
    if (!at) throw new Error('no 311 point is drawn clear of the site markers');
    if (!(await this.isMapPixel(at))) throw new Error(`311 point pixel ${at.x},${at.y} is covered by the UI`);
    await this.browser.clickAt(at);
    await this.browser.waitVisible('detail-panel');
    return { title: await this.browser.text('detail-title'), text: await this.browser.text('detail-panel') };
  }

  /** Makes the app receive a broken copy of one data file (for the next page load). */
  async breakDataFile(path: string, status: number, body: string): Promise<void> {
    await this.browser.replaceFile(path, status, body);
  }

  async dataProblems(): Promise<string> {
    await this.browser.waitVisible('data-error');
    return this.browser.text('data-error');
  }

  /** Clicks the map at a place (which must be on screen, uncovered) and returns the detail panel's title. */
  async openDetailsAt(point: LngLat): Promise<string> {
    const at = await this.pixelOf(point);
    if (!(await this.isMapPixel(at))) throw new Error(`pixel ${at.x},${at.y} of ${point.join(',')} is covered by the UI`);
    await this.browser.clickAt(at);
    return this.detailTitle();
  }

  async detailText(): Promise<string> {
    return this.browser.text('detail-panel');
  }

  /** Presses Tab until the focused element is (inside) `testId`; fails after `maxTabs` presses. */
  async tabTo(testId: string, maxTabs = 60): Promise<void> {
    for (let i = 0; i < maxTabs; i++) {
      if ((await this.browser.focusedTestId()) === testId) return;
      await this.browser.press('Tab');
    }
    throw new Error(`${testId} not reached with ${maxTabs} Tab presses (focus is on ${await this.browser.focusedTestId()})`);
  }

  async focusedTestId(): Promise<string | null> {
    return this.browser.focusedTestId();
  }

  async press(key: string): Promise<void> {
    await this.browser.press(key);
  }

  async detailTitle(): Promise<string> {
    await this.browser.waitVisible('detail-panel');
    return this.browser.text('detail-title');
  }

  async isDetailOpen(): Promise<boolean> {
    return this.browser.isVisible('detail-panel');
  }

  async closeDetailsWithEscape(): Promise<void> {
    await this.browser.press('Escape');
    await this.browser.waitHidden('detail-panel');
  }

  async closeDetailsWithButton(): Promise<void> {
    await this.browser.clickByLabel('Close details');
    await this.browser.waitHidden('detail-panel');
  }

  // Layout ------------------------------------------------------------------------------------------------------

  /** Phone: opens the bottom sheet from its peek with its visible button. */
  async openSheet(): Promise<void> {
    await this.browser.click('sheet-open');
    await this.browser.waitVisible('legend');
  }

  async sheetLayout(): Promise<string | null> {
    return this.browser.attribute('sheet', 'data-layout');
  }

  // Zones -------------------------------------------------------------------------------------------------------

  async openZonesPanel(): Promise<void> {
    if (!(await this.browser.isVisible('zones-panel'))) await this.browser.click('tab-zones');
    await this.browser.waitVisible('zones-panel');
  }

  async zoneNames(): Promise<string[]> {
    return this.browser.texts('zone-item');
  }

  async zoneCount(): Promise<number> {
    return this.browser.count('zone-item');
  }

  /**
   * Draws a polygon zone: "zone-draw", a click on each vertex, then a click on the first vertex to close it.
   * Resolves when the zones panel lists one more zone.
   */
  async drawZone(vertices: LngLat[]): Promise<void> {
    await this.openZonesPanel();
    const before = await this.zoneCount();
    await this.browser.click('zone-draw');
    // terra-draw loads on demand: clicks before its polygon mode is on would be lost.
    await expect.poll(() => this.browser.attribute('zones-panel', 'data-draw-mode'), { message: 'drawing mode is on' }).toBe('drawing');
    const pixels: Pixel[] = [];
    for (const v of vertices) pixels.push(await this.pixelOf(v));
    for (const at of pixels) {
      if (!(await this.isMapPixel(at))) throw new Error(`zone vertex pixel ${at.x},${at.y} is covered by the UI`);
    }
    for (const at of pixels) {
      await this.browser.clickAt(at);
      // Keep clicks apart so two vertices are never read as a double-click.
      await this.browser.pause(350);
    }
    const first = pixels[0];
    if (!first) throw new Error('a zone needs vertices');
    await this.browser.clickAt(first);
    await expect.poll(() => this.zoneCount(), { message: 'the drawn zone appears in the zones panel' }).toBe(before + 1);
    await this.settle();
  }

  /** Clicks "zone-export" and returns the downloaded file name and its parsed JSON. */
  async exportZones(): Promise<{ filename: string; geojson: unknown }> {
    await this.openZonesPanel();
    const file = await this.browser.download('zone-export');
    return { filename: file.filename, geojson: JSON.parse(file.text) as unknown };
  }

  async importZones(filename: string, geojson: unknown): Promise<void> {
    await this.openZonesPanel();
    await this.browser.setInputFile('zone-import', {
      name: filename,
      mimeType: 'application/geo+json',
      text: JSON.stringify(geojson),
    });
    await this.settle();
  }

  // Screenshots -------------------------------------------------------------------------------------------------

  /** Colour statistics of a screenshot of the map element alone. */
  async mapColourStats(): Promise<{ distinctColours: number; dominantShare: number; pixels: number }> {
    return pngColourStats(await this.browser.screenshot('map'));
  }

  async saveScreenshot(path: string): Promise<void> {
    await this.browser.saveScreenshot(path);
  }

  async mapBox() {
    return this.browser.box('map');
  }

  async sheetBox() {
    return this.browser.box('sheet');
  }

  async isVisible(testId: string): Promise<boolean> {
    return this.browser.isVisible(testId);
  }

  async legendIsInSheet(): Promise<boolean> {
    return this.browser.isInside('legend', 'sheet');
  }

  viewport() {
    return this.browser.viewport();
  }

  // Hygiene -----------------------------------------------------------------------------------------------------

  consoleErrors(): string[] {
    return this.browser.consoleErrors();
  }

  /** Every requested URL that is not on the app's own origin (data: and blob: URLs never leave the page). */
  foreignRequests(): string[] {
    const origin = this.browser.origin();
    return this.browser.requestUrls.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      return new URL(url).origin !== origin;
    });
  }

  requestedUrls(): string[] {
    return [...this.browser.requestUrls];
  }

  /** Fetches one of the app's generated data files from the preview server (not through the page). */
  async dataFile<T>(path: string): Promise<T> {
    const res = await fetch(new URL(path, `${this.browser.origin()}/`));
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  }
}

/** Playwright `test` with an `app` fixture (the domain driver). Specs import test/expect from here. */
export const test = browserTest.extend<{ app: MapDriver }>({
  app: async ({ session }, use) => {
    await use(new MapDriver(session));
  },
});
