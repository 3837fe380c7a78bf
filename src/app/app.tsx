// Composition root: state, URL sync, map overlays, details and the tool tabs from the registry. Takes its data as props.
import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as maplibregl from 'maplibre-gl';
import { DEFAULT_CENTER, DEFAULT_NEEDLE_WINDOW_DAYS } from '../config/city';
import { coLocated } from '../geo/co-located';
import { hexBinCounts } from '../geo/hex-bins';
import { filterNeedleIndices } from '../geo/needle-filter';
import { needleWindow } from '../geo/needle-window';
import { MapView } from '../map/map-view';
import { densityRadiusMeters, needleModeAt } from '../map/layers/needle-mode';
import { buildNeedleDensityOverlay, buildNeedlePointsOverlay, densityCellFeatures, needlePointFeatures } from '../map/layers/needle-layers';
import { buildSitesOverlay } from '../map/layers/site-layers';
import { buildZonesOverlay } from '../map/layers/zone-layers';
import type { OverlaySpec } from '../map/overlay';
import { useSiteEdits } from './use-site-edits';
import { useNeedleImports } from './use-needle-imports';
import { useZones } from '../tools/zones/use-zones';
import type { KeptOverlay, MapClick, MapClickHandler, ShellApi } from '../ui/tool-contract';
import { appReducer, initialAppState } from './app-state';
import { DataNote } from './data-note';
import { DataProblems } from './data-problems';
import { DetailPanel } from './detail-panel';
import { PhoneLines } from './phone-lines';
import { composeOverlays, selectionFromClick, siteCountByKind, visiblePlaces } from './selectors';
import { installTestHook } from './test-hook';
import { layersTool, toolById, TOOLS, zonesTool, type ToolEnv, type ToolId } from './tool-registry';
import type { AppData } from './use-app-data';
import { useElementHeight, useMediaQuery } from './use-media-query';
import { useUrlSync } from './use-url-sync';
import { parseUrlState } from './url-state';

const PHONE_QUERY = '(max-width: 699px)';

/** Markers closer than this are offered together ("also here") since one hides the other. */
const SAME_SPOT_METERS = 25;

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** `baseUrl` is the app's base URL; generated data lives under its data/ folder. */
export type AppProps = { data: AppData; baseUrl: string };

export function App({ data, baseUrl }: AppProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialAppState(parseUrlState(window.location.hash)));
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const isPhone = useMediaQuery(PHONE_QUERY);
  // On a phone the map comes first: the sheet starts as a peek (title, emergency line, a button to open it).
  const [sheetOpen, setSheetOpen] = useState(() => !window.matchMedia(PHONE_QUERY).matches);
  const sheetHeight = useElementHeight(isPhone ? 'sheet' : null);

  useUrlSync(state, useCallback((urlState) => dispatch({ type: 'replace-url-state', urlState }), []));

  const layers = layersTool.stateOf(state.tools);
  const zonesState = zonesTool.stateOf(state.tools);
  const zonesApi = useZones(data.defaultZones);
  // The site list with the local edits of the Manage tab over the published one: what the map and every tool show.
  const { sites: editedSites, api: sitesApi } = useSiteEdits(data.sites, state.tab === 'manage');
  const { needles, api: needlesApi } = useNeedleImports(data.needles);

  // One owner of the map's clicks at a time: a tool that claimed it (drawing a zone...), else the shell's selection.
  const mapOwner = useRef<MapClickHandler | null>(null);
  const [toolOverlays, setToolOverlays] = useState<Readonly<Record<string, readonly OverlaySpec[]>>>({});
  // What a tool leaves on the map after its panel closes (a planned sweep), and which of those the legend hides.
  const [keptByTool, setKeptByTool] = useState<Readonly<Record<string, KeptOverlay>>>({});
  const [hiddenKept, setHiddenKept] = useState<ReadonlySet<string>>(() => new Set());
  const shells = useRef(new Map<string, ShellApi>());
  /** One stable shell object per tool, so a tool's effects that depend on it do not re-run on every render. */
  const shellFor = useCallback((toolId: string): ShellApi => {
    let shell = shells.current.get(toolId);
    if (!shell) {
      shell = {
        claimMap: (handler) => {
          mapOwner.current = handler;
        },
        setOverlays: (overlays) => setToolOverlays((all) => (all[toolId] === overlays ? all : { ...all, [toolId]: overlays })),
        keepOnMap: (kept) =>
          setKeptByTool((all) => {
            if (all[toolId] === kept) return all;
            const next = { ...all };
            if (kept) next[toolId] = kept;
            else delete next[toolId];
            return next;
          }),
        selectSite: (siteId) => dispatch({ type: 'select-site', siteId }),
      };
      shells.current.set(toolId, shell);
    }
    return shell;
  }, []);
  const needlesRef = useRef(needles);
  needlesRef.current = needles;
  const onMapClick = useCallback((click: MapClick) => {
    if (mapOwner.current) {
      mapOwner.current(click);
      return;
    }
    const selection = selectionFromClick(click);
    if (selection?.kind === 'site') dispatch({ type: 'select-site', siteId: selection.siteId });
    const requestId = selection?.kind === 'needle' ? needlesRef.current?.ids[selection.index] : undefined;
    if (requestId !== undefined) dispatch({ type: 'select-request', requestId });
    if (selection?.kind === 'zone') dispatch({ type: 'select-zone', zoneId: selection.zoneId });
  }, []);

  // 311 requests (published and imported): the effective window, the rows that pass the filters, and what the map draws of them.
  const window311 = needleWindow(needles, layers.needleFrom, layers.needleTo, DEFAULT_NEEDLE_WINDOW_DAYS);
  const { fromDay, toDay } = window311;
  const statuses = layers.statuses;
  const indices = useMemo(
    () => (needles ? filterNeedleIndices(needles, { fromDay, toDay, statuses }) : new Uint32Array(0)),
    [needles, fromDay, toDay, statuses],
  );
  // A tool that draws the requests its own way (Sweeps) has the map's 311 layer to itself while it is open.
  const showNeedles = layers.layers.includes('needles') && !toolById(state.tab)?.drawsNeedles;
  const needleMode = needleModeAt(state.view.zoom);
  const cellRadiusMeters = densityRadiusMeters(state.view.zoom);
  const densityCells = useMemo(
    () => densityCellFeatures(needles ? hexBinCounts(needles, indices, cellRadiusMeters, DEFAULT_CENTER[1]) : []),
    [needles, indices, cellRadiusMeters],
  );
  // The points are handed to the map only once it is zoomed in to them (or one is selected): at the first screen's zoom
  // the map draws the density, and tiling 4,000 points it does not draw would delay the first map.
  const pointsWanted = needleMode === 'points' || state.requestId !== null;
  const needlePoints = useMemo(() => (needles && pointsWanted ? needlePointFeatures(needles) : EMPTY), [needles, pointsWanted]);
  const selectedIndex = needles && state.requestId !== null ? needles.indexOfId(state.requestId) : -1;

  const shownZones = useMemo(() => {
    const editing = zonesState.editingZoneId;
    // While terra-draw edits a zone it draws its own copy.
    return editing === null ? zonesApi.zones : { ...zonesApi.zones, features: zonesApi.zones.features.filter((f) => f.properties.id !== editing) };
  }, [zonesApi.zones, zonesState.editingZoneId]);

  const siteFeatures = editedSites ?? EMPTY;
  const { kinds } = layers;
  const showDisposal = layers.layers.includes('disposal');
  const showServices = layers.layers.includes('services');
  const showZones = layers.layers.includes('zones');
  const shellOverlays: OverlaySpec[] = useMemo(
    () => [
      buildZonesOverlay(shownZones, showZones),
      buildNeedleDensityOverlay(densityCells, showNeedles),
      buildNeedlePointsOverlay(needlePoints, { visible: showNeedles, fromDay, toDay, statuses, selectedIndex: selectedIndex < 0 ? null : selectedIndex }),
      buildSitesOverlay(siteFeatures, { showDisposal, showServices, kinds, selectedSiteId: state.siteId }),
    ],
    [shownZones, showZones, densityCells, showNeedles, needlePoints, fromDay, toDay, statuses, selectedIndex, siteFeatures, showDisposal, showServices, kinds, state.siteId],
  );
  const kept = useMemo(
    () => Object.fromEntries(Object.entries(keptByTool).map(([tool, k]) => [tool, { overlays: k.overlays, shown: !hiddenKept.has(tool) }])),
    [keptByTool, hiddenKept],
  );
  const overlays = useMemo(() => composeOverlays(shellOverlays, toolOverlays, state.tab, kept), [shellOverlays, toolOverlays, state.tab, kept]);
  const keptLegend = useMemo(
    () => Object.entries(keptByTool).map(([toolId, k]) => ({ toolId, label: k.label, detail: k.detail, shown: !hiddenKept.has(toolId) })),
    [keptByTool, hiddenKept],
  );
  const toggleKept = useCallback(
    (toolId: string) =>
      setHiddenKept((hidden) => {
        const next = new Set(hidden);
        if (!next.delete(toolId)) next.add(toolId);
        return next;
      }),
    [],
  );

  const countByKind = useMemo(() => siteCountByKind(siteFeatures.features), [siteFeatures]);
  const places = useMemo(() => visiblePlaces(siteFeatures.features, layers.layers, kinds), [siteFeatures, layers.layers, kinds]);

  const selectedSite = state.siteId ? editedSites?.features.find((f) => f.properties.id === state.siteId) : undefined;
  const sameSpot = useMemo(
    () => (selectedSite && editedSites ? coLocated(editedSites.features, selectedSite, SAME_SPOT_METERS) : []),
    [selectedSite, editedSites],
  );
  const selectedZone = state.zoneId ? zonesApi.zones.features.find((f) => f.properties.id === state.zoneId) : undefined;
  const selectedNeedle = needles && selectedIndex >= 0 ? needles.get(selectedIndex) : null;
  const closeDetails = useCallback(() => dispatch({ type: 'close-details' }), []);
  const selectSite = useCallback((siteId: string) => dispatch({ type: 'select-site', siteId }), []);

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

  // Test/debug hook: a read-only view of what is drawn (used by the e2e suite and benchmarks), once data is on the map.
  useEffect(() => {
    if (!map || !data.loaded) return;
    return installTestHook(map);
  }, [map, data.loaded]);

  const setTab = (tab: ToolId) => dispatch({ type: 'set-tab', tab });
  /** Phone: back to the peek, closing whatever kept the sheet open. */
  const collapseSheet = () => {
    closeDetails();
    setTab(TOOLS[0].id);
    setSheetOpen(false);
  };
  const detailsOpen = Boolean(selectedSite || selectedNeedle || selectedZone);
  const expanded = !isPhone || sheetOpen || detailsOpen || state.tab !== TOOLS[0].id;

  const toolEnv: ToolEnv = {
    map,
    baseUrl,
    data,
    sites: editedSites,
    shellFor,
    zonesApi,
    sitesApi,
    needles,
    needlesApi,
    layers: { needleWindow: window311, needleCount: indices.length, needleMode, densityCellMeters: cellRadiusMeters, siteCountByKind: countByKind, places, kept: keptLegend, onToggleKept: toggleKept },
  };
  const activeTool = toolById(state.tab) ?? TOOLS[0];
  const dispatchTool = useCallback((tool: string, updater: (s: unknown) => unknown) => dispatch({ type: 'update-tool', tool, updater }), []);

  return (
    <div className={`app ${isPhone ? 'layout-phone' : 'layout-desktop'}`}>
      <MapView
        dataBaseUrl={new URL('data/', baseUrl).toString()}
        view={state.view}
        onViewChange={useCallback((view) => dispatch({ type: 'set-view', view }), [])}
        overlays={overlays}
        onMapClick={onMapClick}
        onMap={setMap}
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
            onSelectSite={selectSite}
            onClose={closeDetails}
          />
        )}
        {!selectedSite && selectedNeedle && <DetailPanel kind="needle" request={selectedNeedle} onClose={closeDetails} />}
        {!selectedSite && !selectedNeedle && selectedZone && <DetailPanel kind="zone" zone={selectedZone.properties} onClose={closeDetails} />}
        <div role="tablist" className="tabs" aria-label={t('app.panelLabel')}>
          {TOOLS.map((tool) => (
            <button
              key={tool.id}
              type="button"
              role="tab"
              id={`tab-${tool.id}`}
              data-testid={`tab-${tool.id}`}
              aria-selected={state.tab === tool.id}
              aria-controls={`tabpanel-${tool.id}`}
              onClick={() => setTab(tool.id)}
            >
              {t(tool.labelKey)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`tabpanel-${state.tab}`} aria-labelledby={`tab-${state.tab}`} className="tabpanel">
          <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
            {activeTool.renderPanel(toolEnv, state.tools[activeTool.id], dispatchTool)}
          </Suspense>
        </div>
        <DataNote manifest={data.manifest} sites={editedSites?.features ?? null} />
      </aside>
    </div>
  );
}
