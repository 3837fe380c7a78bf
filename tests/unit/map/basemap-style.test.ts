// Tests for the basemap style, its draw order and its palette: valid, offline, ordered, coloured from one place.
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { createBasemapStyle } from '../../../src/map/basemap-style';
import { BASEMAP_LAYER_IDS, BASEMAP_LABEL_LAYER_IDS, LAYER_ORDER, OVERLAY_LAYER_IDS, beforeIdFor } from '../../../src/map/layer-order';
import { BASEMAP_COLORS, LEGEND_SWATCHES, PALETTE, hexToRgb } from '../../../src/map/palette';

const style = createBasemapStyle('/data/');

/** Every string found anywhere inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('createBasemapStyle', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('has no glyphs or sprite URL, so labels are drawn locally', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('names no URL outside the app: no scheme, no protocol-relative path', () => {
    for (const text of strings(style)) expect(text).not.toMatch(/[a-z][a-z0-9+.-]*:\/\/|^\/\//i);
  });

  it('loads the four basemap files from the data base URL', () => {
    const urls = Object.values(style.sources).map((source) => ('data' in source ? source.data : undefined)).sort();
    expect(urls).toEqual([
      '/data/basemap-land.geojson', '/data/basemap-neighborhood-labels.geojson', '/data/basemap-parks.geojson', '/data/basemap-streets.geojson',
    ]);
    expect(createBasemapStyle('data').sources['land']).toMatchObject({ data: 'data/basemap-land.geojson' });
  });

  it('credits OpenStreetMap on the streets source', () => {
    expect(style.sources['streets']).toMatchObject({ attribution: expect.stringContaining('© OpenStreetMap contributors') });
  });

  it('draws its layers in LAYER_ORDER and only layers listed there', () => {
    const ids = style.layers.map((layer) => layer.id);
    expect(ids).toEqual(LAYER_ORDER.filter((id) => ids.includes(id)));
    expect([...ids].sort()).toEqual([...BASEMAP_LAYER_IDS, ...BASEMAP_LABEL_LAYER_IDS].sort());
  });

  it('starts with a water-coloured background under the land', () => {
    expect(style.layers[0]).toMatchObject({ type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } });
  });

  it('takes every colour from the palette', () => {
    const palette = new Set<string>(Object.values(BASEMAP_COLORS));
    const colours = strings(style.layers).filter((text) => /^(#|rgb|hsl)/i.test(text));
    expect(colours.length).toBeGreaterThan(10);
    for (const colour of colours) expect(palette, colour).toContain(colour);
  });

  it('labels streets along their lines and neighbourhoods with larger, spaced capitals', () => {
    const layer = (id: string) => style.layers.find((l) => l.id === id) as Extract<LayerSpecification, { type: 'symbol' }>;
    expect(layer('street-labels-minor').layout?.['symbol-placement']).toBe('line');
    expect(layer('street-labels-major').layout?.['symbol-placement']).toBe('line');
    expect(layer('neighborhood-labels').layout).toMatchObject({ 'text-transform': 'uppercase', 'text-letter-spacing': expect.any(Number) });
  });

  it('uses font stacks the browser can resolve (a generic family never starts a multi-word name)', () => {
    const stacks = style.layers.flatMap((l) => (l.type === 'symbol' ? [l.layout?.['text-font']] : []));
    expect(stacks.length).toBe(4);
    for (const stack of stacks) {
      for (const name of strings(stack)) expect(name).not.toMatch(/^(sans-serif|serif|monospace|system-ui)\s/);
    }
  });
});

describe('layer order', () => {
  it('lists every layer once, with the overlay layers the app adds', () => {
    expect(new Set(LAYER_ORDER).size).toBe(LAYER_ORDER.length);
    expect(LAYER_ORDER).toEqual(expect.arrayContaining([...OVERLAY_LAYER_IDS]));
  });

  it('puts zone shapes under the basemap labels and site markers above them', () => {
    const at = (id: (typeof LAYER_ORDER)[number]) => LAYER_ORDER.indexOf(id);
    expect(at('zones-fill')).toBeGreaterThan(at('streets-primary'));
    expect(at('zones-line')).toBeLessThan(at('street-labels-minor'));
    expect(at('sites-disposal')).toBeGreaterThan(at('city-labels'));
    expect(at('sites-label')).toBe(LAYER_ORDER.length - 1);
  });

  it('beforeIdFor gives the next layer the map already has, or undefined to add on top', () => {
    const present = new Set(['background', 'streets-primary', 'street-labels-minor', 'city-labels']);
    const map = { getLayer: (id: string) => (present.has(id) ? { id } : undefined) };
    expect(beforeIdFor('zones-fill', map)).toBe('street-labels-minor');
    expect(beforeIdFor('sites-service', map)).toBeUndefined();
    present.add('sites-disposal');
    expect(beforeIdFor('sites-service', map)).toBe('sites-disposal');
  });

  it('beforeIdFor refuses a layer that is not in the order', () => {
    expect(() => beforeIdFor('mystery', { getLayer: () => undefined })).toThrow(/LAYER_ORDER/);
  });
});

describe('palette', () => {
  /** WCAG relative luminance and contrast ratio. */
  const luminance = (hex: string): number => {
    const [r = 0, g = 0, b = 0] = hexToRgb(hex).map((c) => {
      const s = (c ?? 0) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };

  it('converts hex to deck.gl RGB(A)', () => {
    expect(hexToRgb('#0072b2')).toEqual([0, 114, 178]);
    expect(hexToRgb('#FFFFFF', 128)).toEqual([255, 255, 255, 128]);
    expect(() => hexToRgb('blue')).toThrow();
  });

  it('makes the four overlay colours stand out on land and parks, where they are drawn (contrast at least 3:1)', () => {
    for (const overlay of [PALETTE.disposal, PALETTE.service, LEGEND_SWATCHES.needles, PALETTE.zone]) {
      for (const ground of [BASEMAP_COLORS.land, BASEMAP_COLORS.landNeighbor, BASEMAP_COLORS.park]) {
        expect(contrast(overlay, ground), `${overlay} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('gives the four overlay layers four different hues', () => {
    const swatches = [LEGEND_SWATCHES.disposal, LEGEND_SWATCHES.services, LEGEND_SWATCHES.needles, LEGEND_SWATCHES.zones];
    expect(new Set(swatches).size).toBe(4);
  });
});
