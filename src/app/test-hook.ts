// window.__hrm: a small read-only view of what the map draws, for the e2e suite and the benchmarks.
import type * as maplibregl from 'maplibre-gl';

export type RenderedCounts = {
  disposal: number;
  services: number;
  needlePoints: number;
  /** Density hexagons drawn in the view (0 when zoomed in to points, or with the layer off). */
  needleDensityCells: number;
  /** Sum of the counts the drawn density hexagons carry (reports inside cells that touch the view). */
  needleDensityReports: number;
  zones: number;
};

export type TestHook = {
  map: maplibregl.Map;
  ready: boolean;
  /** ms since navigation start of the first idle with the data drawn (set together with `ready`). */
  readyAtMs: number | null;
  renderedCounts: () => RenderedCounts;
  sitePixel: (id: string) => { x: number; y: number } | null;
  siteIds: () => string[];
  /** Pixel of a drawn 311 point with no site marker within 24 px (so a click there can only hit it), or null. */
  needlePixel: () => { x: number; y: number } | null;
  /** What the Find tool draws: its numbered places (as rendered, with the pixel of each), route and search point. */
  findDrawn: () => FindDrawn;
  /** What the Sweeps tool draws: its stops (numbered when planned, with the pixel of each), route and density cells. */
  sweepDrawn: () => SweepDrawn;
};

export type SweepDrawn = {
  stops: { id: string; label: string; planned: boolean; x: number; y: number }[];
  routeDrawn: boolean;
  /** Whether the route is drawn dashed (a leg is a straight line). */
  routeDashed: boolean;
  /** Square density cells drawn in the view, and the requests they carry. */
  cells: number;
  cellReports: number;
  /** Neighbourhoods drawn by the choropleth, with the count each carries (empty unless that view is on). */
  areas: { name: string; count: number }[];
};

export type FindDrawn = {
  places: { id: string; rank: string; selected: boolean; x: number; y: number }[];
  routeDrawn: boolean;
  pointDrawn: boolean;
};

declare global {
  interface Window {
    __hrm?: TestHook;
  }
}

function uniqueCount(features: maplibregl.MapGeoJSONFeature[], key: string): number {
  return new Set(features.map((f) => String(f.properties?.[key] ?? f.id))).size;
}

/** Unique density cells drawn, and the reports they carry (a cell split across tiles is counted once). */
function densityDrawn(features: maplibregl.MapGeoJSONFeature[]): { needleDensityCells: number; needleDensityReports: number } {
  const counts = new Map<string, number>();
  for (const f of features) counts.set(String(f.properties?.['id']), Number(f.properties?.['count'] ?? 0));
  let reports = 0;
  for (const c of counts.values()) reports += c;
  return { needleDensityCells: counts.size, needleDensityReports: reports };
}

/** Installs the hook; `ready` turns true at the first idle after data is on the map. Returns an uninstaller. */
export function installTestHook(map: maplibregl.Map): () => void {
  const layerExists = (id: string) => Boolean(map.getLayer(id));
  const query = (layers: string[]) => {
    const present = layers.filter(layerExists);
    return present.length ? map.queryRenderedFeatures({ layers: present }) : [];
  };
  const hook: TestHook = {
    map,
    ready: false,
    readyAtMs: null,
    renderedCounts: () => ({
      disposal: uniqueCount(query(['sites-disposal']), 'id'),
      services: uniqueCount(query(['sites-service']), 'id'),
      needlePoints: uniqueCount(query(['needle-points']), 'i'),
      ...densityDrawn(query(['needle-density'])),
      zones: uniqueCount(query(['zones-fill']), 'id'),
    }),
    sitePixel: (id) => {
      const source = map.getSource('sites');
      if (!source) return null;
      const f = map.querySourceFeatures('sites').find((x) => x.properties?.['id'] === id);
      if (!f || f.geometry.type !== 'Point') return null;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const rect = map.getContainer().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    needlePixel: () => {
      const rect = map.getContainer().getBoundingClientRect();
      const sites = query(['sites-disposal', 'sites-service']).map((f) => map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]));
      for (const f of query(['needle-points'])) {
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        if (p.x < 0 || p.y < 0 || p.x > rect.width || p.y > rect.height) continue;
        if (sites.some((s) => Math.hypot(s.x - p.x, s.y - p.y) < 24)) continue;
        return { x: rect.left + p.x, y: rect.top + p.y };
      }
      return null;
    },
    siteIds: () => [...new Set(map.querySourceFeatures('sites').map((f) => String(f.properties?.['id'])))],
    findDrawn: () => {
      const rect = map.getContainer().getBoundingClientRect();
      const byId = new Map<string, FindDrawn['places'][number]>();
      for (const f of query(['find-results'])) {
        const id = String(f.properties?.['id']);
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        byId.set(id, { id, rank: String(f.properties?.['rank']), selected: f.properties?.['selected'] === true, x: rect.left + p.x, y: rect.top + p.y });
      }
      return {
        places: [...byId.values()].sort((a, b) => Number(a.rank) - Number(b.rank)),
        routeDrawn: query(['find-route']).length > 0,
        pointDrawn: query(['find-point']).length > 0,
      };
    },
    sweepDrawn: () => {
      const rect = map.getContainer().getBoundingClientRect();
      const byId = new Map<string, SweepDrawn['stops'][number]>();
      for (const f of query(['sweep-stops'])) {
        const id = String(f.properties?.['id']);
        if (f.properties?.['part'] === 'start') continue;
        const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        byId.set(id, { id, label: String(f.properties?.['label'] ?? ''), planned: f.properties?.['planned'] === true, x: rect.left + p.x, y: rect.top + p.y });
      }
      const cells = new Map<string, number>();
      for (const f of query(['sweep-cells'])) cells.set(String(f.properties?.['id']), Number(f.properties?.['count'] ?? 0));
      const dash = layerExists('sweep-route') ? map.getPaintProperty('sweep-route', 'line-dasharray') : undefined;
      return {
        stops: [...byId.values()].sort((a, b) => Number(a.label || Infinity) - Number(b.label || Infinity)),
        routeDrawn: query(['sweep-route']).length > 0,
        routeDashed: Array.isArray(dash) && dash.length > 0,
        cells: cells.size,
        cellReports: [...cells.values()].reduce((a, b) => a + b, 0),
        areas: [...new Map(query(['sweep-choropleth']).map((f) => [String(f.properties?.['name']), Number(f.properties?.['count'] ?? 0)])).entries()]
          .map(([name, count]) => ({ name, count }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
  };
  window.__hrm = hook;
  let cancelled = false;
  map.once('idle', () => {
    // The map has drawn everything at this idle: the same event the benchmark's bare page stamps, so the two times
    // compare like for like. `ready` itself waits two more frames, so a screenshot taken then shows that drawing.
    const idleAtMs = performance.now();
    performance.mark('hrm:data-drawn');
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        hook.ready = true;
        hook.readyAtMs = idleAtMs;
        performance.mark('hrm:ready');
      }),
    );
  });
  map.triggerRepaint();
  return () => {
    cancelled = true;
    if (window.__hrm === hook) delete window.__hrm;
  };
}
