// Drawing and editing one outreach zone on the map with terra-draw; the lead's MapLibre layers show the saved zones.
import type * as maplibregl from 'maplibre-gl';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { TerraDraw, GeoJSONStoreFeatures } from 'terra-draw';

export type ZoneDrawMode = 'idle' | 'drawing' | 'editing';

export type ZoneDrawOptions = {
  /** Draw terra-draw's layers below this layer (e.g. the first label layer). */
  renderBelowLayerId?: string;
  /** Called whenever the controller goes idle, starts drawing or starts editing. */
  onModeChange?: (mode: ZoneDrawMode) => void;
};

/** terra-draw's default precision; imported outlines with more decimals would fail its validation. */
const COORDINATE_PRECISION = 9;

/**
 * One terra-draw session at a time on a MapLibre map. Each start creates a fresh TerraDraw (loaded lazily, so the
 * first screen does not carry it) and waits for the style, so it can be called before the map has loaded.
 * Escape (anywhere in the page) cancels the current session.
 */
export class ZoneDraw {
  private readonly map: maplibregl.Map;
  private readonly options: ZoneDrawOptions;
  private draw: TerraDraw | null = null;
  /** Bumped on every start/stop, so a start still waiting for the style or the import knows it was superseded. */
  private session = 0;
  private destroyed = false;
  private currentMode: ZoneDrawMode = 'idle';
  private onCancel: (() => void) | undefined;
  /** The map's double-click zoom before the first session; terra-draw's modes switch it off and on. */
  private savedDoubleClickZoom: boolean | null = null;

  constructor(map: maplibregl.Map, options: ZoneDrawOptions = {}) {
    this.map = map;
    this.options = options;
  }

  get mode(): ZoneDrawMode {
    return this.currentMode;
  }

  /**
   * Lets the user click a polygon on the map (click the first corner, double-click or press Enter to close it).
   * `onFinish` receives the closed outline; the drawing is then removed from terra-draw (the caller stores and shows it).
   * Resolves once drawing is possible (or was superseded/cancelled).
   */
  async startDrawPolygon(onFinish: (polygon: Polygon) => void, onCancel?: () => void): Promise<void> {
    const session = this.begin(onCancel);
    const loaded = await this.load(session);
    if (!loaded) return;
    const { lib, adapter } = loaded;
    const polygonMode = new lib.TerraDrawPolygonMode({
      // Ignore a click that would make the outline cross itself, and refuse to close a crossing outline.
      validation: (feature, { updateType }) =>
        (updateType as string) === 'provisional' ? { valid: true } : lib.ValidateNotSelfIntersecting(feature),
    });
    const draw = new lib.TerraDraw({ adapter, modes: [polygonMode] });
    this.activate(draw, 'drawing');
    draw.setMode(polygonMode.mode);
    draw.on('finish', (id, context) => {
      if (this.draw !== draw || context.action !== 'draw') return;
      const feature = draw.getSnapshotFeature(id);
      // terra-draw is still inside its own event handler: tear down (and let the caller start anew) after it returns.
      setTimeout(() => {
        if (this.draw !== draw) return;
        this.stop();
        if (feature?.geometry.type === 'Polygon') onFinish(feature.geometry);
      }, 0);
    });
  }

  /**
   * Shows a zone's outline with draggable corners (drag a corner, drag a midpoint to add one, right-click a corner to
   * delete it, drag the shape to move it). `onChange` receives the outline after every finished edit.
   * Resolves false for a MultiPolygon (terra-draw edits single polygons only), true once editing is possible.
   */
  async startEdit(
    feature: Feature<Polygon | MultiPolygon>,
    onChange: (polygon: Polygon) => void,
    onCancel?: () => void,
  ): Promise<boolean> {
    if (feature.geometry.type !== 'Polygon') return false;
    const geometry = roundPolygon(feature.geometry);
    const session = this.begin(onCancel);
    const loaded = await this.load(session);
    if (!loaded) return false;
    const { lib, adapter } = loaded;
    const polygonMode = new lib.TerraDrawPolygonMode();
    const selectMode = new lib.TerraDrawSelectMode({
      allowManualDeselection: false,
      // Escape is ours (cancel); the Delete key must not delete the whole zone.
      keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
      flags: {
        [polygonMode.mode]: {
          feature: {
            draggable: true,
            selfIntersectable: false,
            coordinates: { draggable: true, deletable: true, midpoints: true },
          },
        },
      },
    });
    const draw = new lib.TerraDraw({ adapter, modes: [selectMode, polygonMode] });
    this.activate(draw, 'editing');
    const id = draw.getFeatureId();
    const storeFeature: GeoJSONStoreFeatures = { type: 'Feature', id, geometry, properties: { mode: polygonMode.mode } };
    const [validation] = draw.addFeatures([storeFeature]);
    if (!validation?.valid) {
      this.stop();
      return false;
    }
    draw.setMode(selectMode.mode);
    draw.selectFeature(id);
    draw.on('finish', (finishedId) => {
      if (this.draw !== draw || finishedId !== id) return;
      const edited = draw.getSnapshotFeature(id);
      if (edited?.geometry.type === 'Polygon') onChange(edited.geometry);
    });
    return true;
  }

  /** Ends the current session (if any) and removes terra-draw's layers; the user's cancel callback is not called. */
  stop(): void {
    this.session += 1;
    this.onCancel = undefined;
    document.removeEventListener('keydown', this.handleKeyDown, true);
    const draw = this.draw;
    this.draw = null;
    if (draw) this.teardown(draw);
    this.setMode('idle');
  }

  /** Stops and refuses further sessions (call when the map goes away). */
  destroy(): void {
    this.stop();
    this.destroyed = true;
  }

  private begin(onCancel: (() => void) | undefined): number {
    this.stop();
    this.onCancel = onCancel;
    return this.session;
  }

  private async load(session: number) {
    if (this.destroyed) return null;
    const [lib, adapterLib] = await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
    await styleLoaded(this.map);
    if (session !== this.session || this.destroyed) return null;
    const adapter = new adapterLib.TerraDrawMapLibreGLAdapter({
      map: this.map,
      coordinatePrecision: COORDINATE_PRECISION,
      prefixId: `zone-draw-${session}`,
      ...(this.options.renderBelowLayerId && this.map.getLayer(this.options.renderBelowLayerId)
        ? { renderBelowLayerId: this.options.renderBelowLayerId }
        : {}),
    });
    return { lib, adapter };
  }

  private activate(draw: TerraDraw, mode: ZoneDrawMode): void {
    this.savedDoubleClickZoom ??= this.map.doubleClickZoom.isEnabled();
    this.draw = draw;
    draw.start();
    document.addEventListener('keydown', this.handleKeyDown, true);
    this.setMode(mode);
  }

  private teardown(draw: TerraDraw): void {
    try {
      if (draw.enabled) draw.stop();
    } catch {
      // The map (and its layers) may already be gone.
    }
    if (this.savedDoubleClickZoom !== null) {
      if (this.savedDoubleClickZoom) this.map.doubleClickZoom.enable();
      else this.map.doubleClickZoom.disable();
      this.savedDoubleClickZoom = null;
    }
  }

  private setMode(mode: ZoneDrawMode): void {
    if (mode === this.currentMode) return;
    this.currentMode = mode;
    this.options.onModeChange?.(mode);
  }

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.draw) return;
    const onCancel = this.onCancel;
    event.preventDefault();
    this.stop();
    onCancel?.();
  };
}

/** Resolves once the map's style can take new sources and layers. */
function styleLoaded(map: maplibregl.Map): Promise<void> {
  if (map.isStyleLoaded()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      map.off('load', done);
      map.off('idle', done);
      resolve();
    };
    map.on('load', done);
    map.on('idle', done);
  });
}

function roundPolygon(polygon: Polygon): Polygon {
  const factor = 10 ** COORDINATE_PRECISION;
  const round = (n: number): number => Math.round(n * factor) / factor;
  return {
    type: 'Polygon',
    coordinates: polygon.coordinates.map((ring) => ring.map((p) => [round(p[0] as number), round(p[1] as number)])),
  };
}
