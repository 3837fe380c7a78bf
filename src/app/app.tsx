// Composition root: state, URL sync, map, legend, details and tool panels. Takes its data as props (testable).
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as maplibregl from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { DEFAULT_NEEDLE_WINDOW_DAYS } from '../config/city';
import type { SiteKind } from '../domain/site';
import { dayFromIsoDate, isoDateFromDay } from '../domain/calendar-day';
import { countInBox, filterNeedleIndices } from '../geo/needle-filter';
import { coLocated } from '../geo/co-located';
import { MapView } from '../map/map-view';
import { densityRadiusMeters, needleModeAt } from '../map/layers/needle-mode';
import { useDeckModule } from '../map/use-deck-module';
import { needlePointFeatures } from '../map/layers/needle-point-layers';
import { useZones } from '../tools/zones/use-zones';
import { appReducer, initialAppState } from './app-state';
import { DataProblems } from './data-problems';
import { DetailPanel } from './detail-panel';
import { Legend } from './legend';
import { PhoneLines } from './phone-lines';
import { DataNote } from './data-note';
import type { AppData } from './use-app-data';
import { useElementHeight, useMediaQuery } from './use-media-query';
import { useUrlSync } from './use-url-sync';
import { parseUrlState, type PanelTab } from './url-state';
import { installTestHook } from './test-hook';

const PHONE_QUERY = '(max-width: 699px)';

/** Markers closer than this are offered together ("also here") since one hides the other. */
const SAME_SPOT_METERS = 25;

const ZonesPanel = lazy(() => import('../tools/zones/zones-panel').then((m) => ({ default: m.ZonesPanel })));

/** `baseUrl` is the app's base URL; generated data lives under its data/ folder. */
export type AppProps = { data: AppData; baseUrl: string };

export function App({ data, baseUrl }: AppProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialAppState(parseUrlState(window.location.hash)));
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const isPhone = useMediaQuery(PHONE_QUERY);
  // On a phone the map comes first: the sheet starts as a peek (title, emergency line, a button to open it).
  const [sheetOpen, setSheetOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches);
  const sheetHeight = useElementHeight(isPhone ? 'sheet' : null);

  useUrlSync(state, useCallback((urlState) => dispatch({ type: 'replace-url-state', urlState }), []));

  const zonesApi = useZones(data.defaultZones);
  // While terra-draw edits a zone it draws its own copy, and map clicks belong to the drawing.
  const [editingZoneId, setEditingZoneId] = useState<string | null>(null);
  const [zoneDrawing, setZoneDrawing] = useState(false);
  const shownZones = useMemo(
    () => (editingZoneId === null ? zonesApi.zones : { ...zonesApi.zones, features: zonesApi.zones.features.filter((f) => f.properties.id !== editingZoneId) }),
    [zonesApi.zones, editingZoneId],
  );

  // 311 date window: the URL's, else the last DEFAULT_NEEDLE_WINDOW_DAYS days of the data.
  const needles = data.needles;
  const bounds = needles && needles.count > 0 ? { first: isoDateFromDay(needles.minDay), last: isoDateFromDay(needles.maxDay) } : null;
  const needleTo = state.needleTo ?? bounds?.last ?? '';
  const needleFrom =
    state.needleFrom ?? (needles && needles.count > 0 ? isoDateFromDay(Math.max(needles.minDay, needles.maxDay - DEFAULT_NEEDLE_WINDOW_DAYS + 1)) : '');
  // An empty window (no data yet) is from 0 to -1: nothing passes.
  const fromDay = needleFrom ? dayFromIsoDate(needleFrom) : 0;
  const toDay = needleTo ? dayFromIsoDate(needleTo) : -1;
  const filterKey = `${fromDay}|${toDay}|${state.statuses.join(',')}`;
  const indices = useMemo(
    () => (needles ? filterNeedleIndices(needles, { fromDay, toDay, statuses: state.statuses }) : new Uint32Array(0)),
    // filterKey names exactly the inputs
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [needles, filterKey],
  );

  const showNeedles = state.layers.includes('needles');
  const zoom = state.view.zoom;
  const needleMode = needleModeAt(zoom);
  const selectNeedle = useCallback((index: number) => dispatch({ type: 'select-needle', index }), []);
  const deck = useDeckModule();
  const deckLayers = useMemo(
    () =>
      needles && deck
        ? deck.buildNeedleLayers({ table: needles, indices, filterKey, zoom, visible: showNeedles })
        : [],
    // zoom only matters across the points/density threshold and the hexagon size steps
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deck, needles, indices, filterKey, needleMode, densityRadiusMeters(zoom), showNeedles],
  );
  const needlePoints = useMemo(() => (needles ? needlePointFeatures(needles) : null), [needles]);

  const siteCountByKind = useMemo(() => {
    const counts: Partial<Record<SiteKind, number>> = {};
    for (const f of data.sites?.features ?? []) counts[f.properties.kind] = (counts[f.properties.kind] ?? 0) + 1;
    return counts;
  }, [data.sites]);
  const places = useMemo(
    () =>
      (data.sites?.features ?? []).filter(
        (f) => state.layers.includes(f.properties.layer === 'disposal' ? 'disposal' : 'services') && state.kinds.includes(f.properties.kind),
      ),
    [data.sites, state.layers, state.kinds],
  );

  const selectedSite = state.siteId ? data.sites?.features.find((f) => f.properties.id === state.siteId) : undefined;
  const sameSpot = useMemo(
    () => (selectedSite && data.sites ? coLocated(data.sites.features, selectedSite, SAME_SPOT_METERS) : []),
    [selectedSite, data.sites],
  );
  const selectedZone = state.zoneId ? zonesApi.zones.features.find((f) => f.properties.id === state.zoneId) : undefined;
  const selectedNeedle = needles && state.needleIndex !== null && state.needleIndex < needles.count ? needles.get(state.needleIndex) : null;
  const closeDetails = useCallback(() => dispatch({ type: 'close-details' }), []);

  // When a site is chosen from the list (or a shared link), bring it into view.
  // It must land in the part of the map the panels leave visible.
  const flyTarget = selectedSite?.geometry.coordinates;
  useEffect(() => {
    if (!map || !flyTarget) return;
    const [lng, lat] = flyTarget as [number, number];
    const p = map.project([lng, lat]);
    const { left = 0, right = 0, top = 0, bottom = 0 } = map.getPadding();
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const margin = 24;
    const visible = p.x >= left + margin && p.x <= w - right - margin && p.y >= top + margin && p.y <= h - bottom - margin;
    if (!visible) map.easeTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 15) });
  }, [map, flyTarget, sheetHeight]);

  const [overlayAdded, setOverlayAdded] = useState(false);
  const onMap = useCallback((m: maplibregl.Map | null, overlay: MapLibreOverlay | null) => {
    overlayRef.current = overlay;
    setOverlayAdded(overlay !== null);
    setMap(m);
  }, []);

  // Test/debug hook: read-only view of what is drawn (used by the e2e suite and benchmarks).
  const countsRef = useRef({ indices, needles, needleMode, showNeedles });
  countsRef.current = { indices, needles, needleMode, showNeedles };
  // Ready once the data is loaded, the map has its style and the deck.gl overlay has its layers.
  const dataReady = data.loaded && map !== null && (overlayAdded || !needles);
  useEffect(() => {
    if (!map || !dataReady) return;
    return installTestHook(map, () => {
      const c = countsRef.current;
      if (!c.needles || !c.showNeedles || c.needleMode !== 'density' || !overlayRef.current) return 0;
      const b = map.getBounds();
      return countInBox(c.needles, c.indices, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    });
  }, [map, dataReady]);

  const setTab = (tab: PanelTab) => dispatch({ type: 'set-tab', tab });
  /** Phone: back to the peek, closing whatever kept the sheet open. */
  const collapseSheet = () => {
    closeDetails();
    setTab('layers');
    setSheetOpen(false);
  };
  const detailsOpen = Boolean(selectedSite || selectedNeedle || selectedZone);
  const expanded = !isPhone || sheetOpen || detailsOpen || state.tab !== 'layers';

  return (
    <div className={`app ${isPhone ? 'layout-phone' : 'layout-desktop'}`}>
      <MapView
        dataBaseUrl={new URL('data/', baseUrl).toString()}
        view={state.view}
        onViewChange={useCallback((view) => dispatch({ type: 'set-view', view }), [])}
        sites={data.sites}
        zones={shownZones}
        siteLayers={{
          showDisposal: state.layers.includes('disposal'),
          showServices: state.layers.includes('services'),
          kinds: state.kinds,
          selectedSiteId: state.siteId,
        }}
        showZones={state.layers.includes('zones')}
        needlePoints={needlePoints}
        needlePointLayer={{ visible: showNeedles, fromDay, toDay, statuses: state.statuses, selectedIndex: state.needleIndex }}
        onNeedleClick={useCallback((index: number) => !zoneDrawing && selectNeedle(index), [zoneDrawing, selectNeedle])}
        onZoneClick={useCallback((zoneId: string) => !zoneDrawing && dispatch({ type: 'select-zone', zoneId }), [zoneDrawing])}
        deck={deck}
        deckLayers={deckLayers}
        onSiteClick={useCallback((siteId: string) => !zoneDrawing && dispatch({ type: 'select-site', siteId }), [zoneDrawing])}
        onMap={onMap}
        ariaLabel={t('app.mapLabel')}
        padding={isPhone ? { left: 0, bottom: sheetHeight ?? 96 } : { left: 380, bottom: 0 }}
      />
      <aside
        id="sheet"
        className={`sheet ${expanded ? 'sheet-open' : 'sheet-collapsed'}`}
        data-testid="sheet"
        data-layout={isPhone ? 'sheet' : 'sidebar'}
        aria-label={t('app.panelLabel')}
      >
        <header className="sheet-header">
          {isPhone && (
            <button
              type="button"
              className="sheet-handle"
              aria-expanded={expanded}
              aria-controls="sheet"
              aria-label={expanded ? t('app.hidePanel') : t('app.showPanel')}
              onClick={expanded ? collapseSheet : () => setSheetOpen(true)}
            />
          )}
          <h1>{t('app.title')}</h1>
          <p className="emergency">{t('app.emergency')}</p>
          {isPhone && !expanded && (
            <button type="button" className="sheet-peek-button" data-testid="sheet-open" onClick={() => setSheetOpen(true)}>
              {t('app.showPanel')}
            </button>
          )}
        </header>
        {!data.loaded && (
          <p className="hint" role="status">
            {t('app.loading')}
          </p>
        )}
        <DataProblems problems={data.problems} />
        <PhoneLines services={data.phoneServices} />
        {selectedSite && (
          <DetailPanel
            kind="site"
            site={selectedSite.properties}
            alsoHere={sameSpot.map((f) => ({ id: f.properties.id, name: f.properties.name }))}
            onSelectSite={(siteId) => dispatch({ type: 'select-site', siteId })}
            onClose={closeDetails}
          />
        )}
        {!selectedSite && selectedNeedle && <DetailPanel kind="needle" request={selectedNeedle} onClose={closeDetails} />}
        {!selectedSite && !selectedNeedle && selectedZone && <DetailPanel kind="zone" zone={selectedZone.properties} onClose={closeDetails} />}
        <div role="tablist" className="tabs" aria-label={t('app.panelLabel')}>
          {(['layers', 'zones'] as const).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              data-testid={`tab-${tab}`}
              aria-selected={state.tab === tab}
              aria-controls={`tabpanel-${tab}`}
              onClick={() => setTab(tab)}
            >
              {t(`app.tabs.${tab}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`tabpanel-${state.tab}`} aria-labelledby={`tab-${state.tab}`} className="tabpanel">
          {state.tab === 'layers' && (
            <Legend
              layers={state.layers}
              kinds={state.kinds}
              statuses={state.statuses}
              needleFrom={needleFrom}
              needleTo={needleTo}
              needleBounds={bounds}
              needleCount={indices.length}
              needleMode={needleMode}
              siteCountByKind={siteCountByKind}
              places={places}
              onToggleLayer={(layer) => dispatch({ type: 'toggle-layer', layer })}
              onToggleKind={(kind) => dispatch({ type: 'toggle-kind', kind })}
              onToggleStatus={(status) => dispatch({ type: 'toggle-status', status })}
              onNeedleRange={(from, to) => dispatch({ type: 'set-needle-range', from, to })}
              onSelectSite={(siteId) => dispatch({ type: 'select-site', siteId })}
            />
          )}
          {state.tab === 'zones' && (
            <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
              <ZonesPanel map={map} zonesApi={zonesApi} onEditingChange={setEditingZoneId} onDrawModeChange={(m) => setZoneDrawing(m !== 'idle')} />
            </Suspense>
          )}
        </div>
        <DataNote manifest={data.manifest} />
      </aside>
    </div>
  );
}
