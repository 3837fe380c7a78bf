// Map driver: open the app, move the view, read what the map draws (window.__hrm), pixels, URL state, page health.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { pngColourStats, type BrowserSession, type Pixel, type Rgb } from './browser';
import type { LngLat } from './data-files';
import type { FindDrawn, RenderedCounts, SweepDrawn } from '../../../src/app/test-hook';

export type { LngLat, Pixel, Rgb };

export type LayerName = 'disposal' | 'services' | 'needles' | 'zones';
export const LAYERS: readonly LayerName[] = ['disposal', 'services', 'needles', 'zones'];

/** What the app reports it draws: the type is the app's own (src/app/test-hook.ts), so the contract has one source. */
export type { FindDrawn, RenderedCounts, SweepDrawn };

/** The test API the app exposes on window.__hrm (the e2e contract, src/app/test-hook.ts). */
type HrmTestApi = {
  ready: boolean;
  map: MaplibreMap;
  renderedCounts(): RenderedCounts;
  sitePixel(id: string): Pixel | null;
  siteIds(): string[];
  needlePixel(): Pixel | null;
  findDrawn(): FindDrawn;
  sweepDrawn(): SweepDrawn;
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
  tab?: string;
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
  state.tab = raw.tab;
  return state;
}

/** How long `settle()` waits for the map's `idle` event before it fails the test. */
const SETTLE_TIMEOUT_MS = 10_000;

/** Drives the map itself and reads what it draws through the window.__hrm test API. */
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

  /**
   * Waits for the map to finish the current frame with every tile and source loaded (MapLibre's `idle`).
   * Fails with a clear message when there is no map or it does not settle within SETTLE_TIMEOUT_MS.
   */
  async settle(): Promise<void> {
    const outcome = await this.browser.evaluate(
      (timeoutMs) =>
        new Promise<'idle' | 'timeout' | 'no map'>((resolve) => {
          const map = (window as unknown as HrmWindow).__hrm?.map;
          if (!map) return resolve('no map');
          const timer = setTimeout(() => resolve('timeout'), timeoutMs);
          map.once('idle', () => {
            clearTimeout(timer);
            resolve('idle');
          });
          map.triggerRepaint();
        }),
      SETTLE_TIMEOUT_MS,
    );
    if (outcome === 'no map') throw new Error('settle(): window.__hrm.map is missing (the app did not install its test hook)');
    if (outcome === 'timeout') {
      throw new Error(`settle(): the map did not become idle within ${SETTLE_TIMEOUT_MS} ms (a source or tile never finished loading, or the map keeps animating)`);
    }
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

  /** Ids of every site in the map's sites source (drawn or filtered out). */
  async siteIds(): Promise<string[]> {
    return this.browser.evaluate(() => (window as unknown as HrmWindow).__hrm?.siteIds() ?? [], undefined);
  }

  async sitePixel(id: string): Promise<Pixel | null> {
    return this.browser.evaluate((siteId) => (window as unknown as HrmWindow).__hrm?.sitePixel(siteId) ?? null, id);
  }

  /** A click (tap with a mouse) at a pixel of the page. */
  async clickAt(at: Pixel): Promise<void> {
    await this.browser.clickAt(at);
  }

  /** Presses at `from`, moves to `to` and releases (a drag on the map or of a marker). */
  async dragFromTo(from: Pixel, to: Pixel): Promise<void> {
    await this.browser.dragFromTo(from, to);
  }

  /** A right-click at a pixel: the context-menu gesture, as a long-press on a phone. */
  async contextMenuAt(at: Pixel): Promise<void> {
    await this.browser.contextMenuAt(at);
  }

  async isMapVisible(): Promise<boolean> {
    return this.browser.isVisible('map');
  }

  /** What the Find tool has drawn: numbered places (rank, selected, pixel), the route, the search point. */
  async findDrawn(): Promise<FindDrawn> {
    return this.browser.evaluate(() => {
      const hrm = (window as unknown as HrmWindow).__hrm;
      if (!hrm) throw new Error('window.__hrm is missing');
      return hrm.findDrawn();
    }, undefined);
  }

  /** What the Sweeps tool has drawn: its stops (numbered when planned, with pixels), the route, the density cells. */
  async sweepDrawn(): Promise<SweepDrawn> {
    return this.browser.evaluate(() => {
      const hrm = (window as unknown as HrmWindow).__hrm;
      if (!hrm) throw new Error('window.__hrm is missing');
      return hrm.sweepDrawn();
    }, undefined);
  }

  /** Pixel of a drawn 311 point with no site marker near it, or null. */
  async needlePixel(): Promise<Pixel | null> {
    return this.browser.evaluate(() => (window as unknown as HrmWindow).__hrm?.needlePixel() ?? null, undefined);
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

  /** Geographic point under a viewport pixel of the map. */
  async lngLatAt(at: Pixel): Promise<LngLat> {
    return this.browser.evaluate((p) => {
      const map = (window as unknown as HrmWindow).__hrm?.map;
      if (!map) throw new Error('window.__hrm.map is missing');
      const rect = map.getContainer().getBoundingClientRect();
      const ll = map.unproject([p.x - rect.left, p.y - rect.top]);
      return [ll.lng, ll.lat] as LngLat;
    }, at);
  }

  /** Metres one CSS pixel spans at the map centre. */
  async metresPerPixel(): Promise<number> {
    const { zoom, lat } = await this.view();
    return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  }

  /** True when nothing (legend, panel, sheet) covers this pixel of the map. */
  async isMapPixel(at: Pixel): Promise<boolean> {
    return this.browser.pixelIsOn(at, 'map');
  }

  /** RGB colours at viewport pixels, from one screenshot. */
  async coloursAt(points: readonly Pixel[]): Promise<Rgb[]> {
    return this.browser.pixelColours(points);
  }

  async readUrlState(): Promise<UrlState> {
    return parseHash(await this.browser.hash());
  }

  /**
   * The site whose marker is on screen, uncovered by any panel, and farthest from every other marker,
   * so a click at its pixel can only hit that site.
   */
  async clickableSite(): Promise<{ id: string; at: Pixel }> {
    const onScreen = await this.sitesOnScreen();
    let best: { id: string; at: Pixel; gap: number } | null = null;
    for (const site of onScreen) {
      let gap = Infinity;
      for (const other of onScreen) {
        if (other !== site) gap = Math.min(gap, Math.hypot(other.at.x - site.at.x, other.at.y - site.at.y));
      }
      if (!best || gap > best.gap) best = { ...site, gap };
    }
    if (!best) throw new Error(`no site marker is clickable on screen (${onScreen.length} on screen)`);
    return { id: best.id, at: best.at };
  }

  /** Sites whose marker position is on the map and not covered by the UI (whether or not a filter hides them). */
  async sitesOnScreen(): Promise<{ id: string; at: Pixel }[]> {
    const onScreen: { id: string; at: Pixel }[] = [];
    for (const id of await this.siteIds()) {
      const at = await this.sitePixel(id);
      if (at && (await this.isMapPixel(at))) onScreen.push({ id, at });
    }
    return onScreen;
  }

  /** Colour statistics of a screenshot of the map element alone. */
  async mapColourStats(): Promise<{ distinctColours: number; dominantShare: number; pixels: number }> {
    return pngColourStats(await this.browser.screenshot('map'));
  }

  async mapBox() {
    return this.browser.box('map');
  }

  async mapAttribute(name: string): Promise<string | null> {
    return this.browser.attribute('map', name);
  }

  viewport() {
    return this.browser.viewport();
  }

  // Bad data ----------------------------------------------------------------------------------------------------

  /** Makes the app receive a broken copy of one data file (for the next page load). */
  async breakDataFile(path: string, status: number, body: string): Promise<void> {
    await this.browser.replaceFile(path, status, body);
  }

  async dataProblems(): Promise<string> {
    await this.browser.waitVisible('data-error');
    return this.browser.text('data-error');
  }

  // Page health -------------------------------------------------------------------------------------------------

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

  /** True when the page requested a file whose path ends with `/<file>`. */
  requested(file: string): boolean {
    return this.browser.requestUrls.some((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).pathname.endsWith(`/${file}`));
  }
}
