// The Sweeps tab (the Mobile Sharps Team): import newer 311 data, see where and when needles are reported in a time
// window, and plan today's sweep route through the open requests, with exports, a print sheet and a share link.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedleTable } from '../../datasets/needle-table';
import { isoDateFromDay } from '../../domain/calendar-day';
import type { SiteFeature } from '../../domain/site';
import { previousWindow, todayInBoston } from '../../domain/time-window';
import type { ZoneFeature } from '../../domain/zone';
import { cellPolygon, choroplethBreaks, hotspotCells } from '../../geo/hotspots';
import { countByHour, countByMonth, countByNeighborhood, countByWeekday } from '../../geo/needle-stats';
import { buildSweepCellsOverlay, buildSweepChoroplethOverlay } from '../../map/layers/sweep-layers';
import { usePlaceFiles } from '../../ui/use-place-files';
import type { OverlaySpec } from '../../map/overlay';
import type { NeedlesApi } from '../../ui/needles-api';
import type { ToolPanelProps } from '../../ui/tool-contract';
import { SweepsCharts, type SweepsStats } from './sweeps-charts';
import { filterOptions, filterRequests, rowNeighborhoodField, stopRows, sweepWindow, windowDates } from './sweeps-data';
import { rowAreaName } from './sweeps-row-lookups';
import { SweepsImport } from './sweeps-import';
import { SweepsLegend } from './sweeps-legend';
import { SweepsPlan } from './sweeps-plan';
import { withPlanInput, type SweepsState } from './sweeps-state';
import { SweepsWindow } from './sweeps-window';

/** From the app: the 311 table with imports merged in, the import API, the edited site list and the outreach zones. */
export type SweepsPanelExtra = {
  baseUrl: string;
  needles: NeedleTable | null;
  needlesApi: NeedlesApi;
  sites: readonly SiteFeature[];
  zones: readonly ZoneFeature[];
};

/** The lower bounds of the colour classes 2..6 of `counts` (quantiles), one class per colour of the density ramp. */
const classBreaks = (counts: number[]): number[] => choroplethBreaks(counts, 6);

/** How many hotspot cells the table lists. */
const HOTSPOT_ROWS = 10;

export function SweepsToolPanel({ map, state, update, shell, baseUrl, needles, needlesApi, sites, zones }: ToolPanelProps<SweepsState, SweepsPanelExtra>) {
  const { t } = useTranslation();
  const [todayDay] = useState(() => todayInBoston(new Date()));
  const options = useMemo(() => filterOptions(needles), [needles]);
  const window = useMemo(() => sweepWindow(state, needles?.maxDay ?? -1, todayDay), [state, needles, todayDay]);
  const { fromDay, toDay } = window;
  const { status, neighborhood, ward, source } = state;
  const filter = useMemo(() => ({ status, neighborhood, ward, source }), [status, neighborhood, ward, source]);
  const indices = useMemo(() => (needles ? filterRequests(needles, { fromDay, toDay, ...filter }) : new Uint32Array(0)), [needles, fromDay, toDay, filter]);
  const previous = useMemo(() => previousWindow({ fromDay, toDay }), [fromDay, toDay]);
  const previousIndices = useMemo(() => (needles ? filterRequests(needles, { ...previous, ...filter }) : new Uint32Array(0)), [needles, previous, filter]);

  const files = usePlaceFiles(baseUrl);
  const place = files.status === 'ready' ? files.files : null;
  /** Counts per neighbourhood by the City's outlines (the choropleth's own numbers), or by the 311 field until they load. */
  const byNeighborhood = useMemo(() => {
    if (!needles) return [];
    const areaAt = place?.areaAt;
    return countByNeighborhood(indices, areaAt ? rowAreaName(needles, areaAt) : rowNeighborhoodField(needles));
  }, [needles, indices, place]);

  const cellMeters = state.cellMeters;
  const stats: SweepsStats | null = useMemo(() => {
    if (!needles) return null;
    return {
      byMonth: countByMonth(indices, needles),
      byWeekday: countByWeekday(indices, needles),
      byHour: countByHour(indices, needles),
      hotspots: hotspotCells(needles, indices, previousIndices, cellMeters, HOTSPOT_ROWS),
      byNeighborhood,
      previous: windowDates(previous),
    };
  }, [needles, indices, previousIndices, cellMeters, previous, byNeighborhood]);

  // Every cell with a request in the window, coloured by count: the density at the chosen cell size.
  const allCells = useMemo(() => (needles ? hotspotCells(needles, indices, new Uint32Array(0), cellMeters, Number.MAX_SAFE_INTEGER) : []), [needles, indices, cellMeters]);
  const areas = place?.areas;
  const counts = useMemo((): { overlay: OverlaySpec; breaks: number[]; min: number; max: number } | null => {
    if (state.mapView === 'neighborhoods') {
      if (!areas) return null;
      const countOf = new Map(byNeighborhood.map((n) => [n.neighborhood, n.count]));
      const shown = areas.filter((a) => a.kind === 'neighborhood').map((a) => ({ name: a.name, geometry: a.geometry, count: countOf.get(a.name) ?? 0 }));
      const breaks = classBreaks(shown.map((a) => a.count));
      const values = shown.map((a) => a.count);
      return { overlay: buildSweepChoroplethOverlay(shown, breaks), breaks, min: Math.min(...values), max: Math.max(0, ...values) };
    }
    const breaks = classBreaks(allCells.map((c) => c.count));
    const cells = allCells.map((c) => ({ id: c.cellId, ring: cellPolygon(c.cellId, cellMeters).coordinates[0] as [number, number][], count: c.count }));
    const values = allCells.map((c) => c.count);
    return { overlay: buildSweepCellsOverlay(cells, breaks), breaks, min: Math.min(...values), max: Math.max(0, ...values) };
  }, [state.mapView, areas, byNeighborhood, allCells, cellMeters]);
  const countsOverlay = counts?.overlay ?? null;

  const stops = useMemo(() => (needles ? stopRows(needles, indices, state.area, zones) : []), [needles, indices, state.area, zones]);

  const [planOverlays, setPlanOverlays] = useState<readonly OverlaySpec[]>([]);
  const [areaOverlay, setAreaOverlay] = useState<OverlaySpec | null>(null);
  const planned = planOverlays.length > 0;
  const { setOverlays } = shell;
  useEffect(
    () => setOverlays([...(countsOverlay ? [countsOverlay] : []), ...(areaOverlay ? [areaOverlay] : []), ...planOverlays]),
    [setOverlays, countsOverlay, areaOverlay, planOverlays],
  );
  useEffect(() => () => setOverlays([]), [setOverlays]);

  const zoomTo = useCallback((b: [number, number, number, number]) => map?.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, maxZoom: 17 }), [map]);
  const viewBbox = useCallback((): [number, number, number, number] | null => {
    if (!map) return null;
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }, [map]);

  const dates = windowDates(window);
  return (
    <section className="sweeps-panel" data-testid="sweeps-panel" aria-labelledby="sweeps-heading">
      <h2 id="sweeps-heading">{t('sweeps.heading')}</h2>
      <p className="sweeps-intro">{t('sweeps.intro')}</p>
      <SweepsImport needlesApi={needlesApi} />
      {!needles && <p role="status">{t('sweeps.loading')}</p>}
      {needles && (
        <>
          {counts && <SweepsLegend breaks={counts.breaks} min={counts.min} max={counts.max} what={state.mapView === 'cells' ? { kind: 'cells', meters: cellMeters } : { kind: 'neighborhoods' }} planned={planned} />}
          <SweepsWindow state={state} update={update} options={options} window={dates} count={indices.length} dataEnd={needles.maxDay >= 0 ? isoDateFromDay(needles.maxDay) : null} />
          {stats && (
            <SweepsCharts
              stats={stats}
              cellMeters={cellMeters}
              setCellMeters={(m) => update((s) => withPlanInput(s, { cellMeters: m }))}
              mapView={state.mapView}
              setMapView={(mapView) => update((s) => ({ ...s, mapView }))}
              byOutlines={place !== null}
              zoomTo={zoomTo}
            />
          )}
          <SweepsPlan
            state={state}
            update={update}
            shell={shell}
            place={place}
            placeError={files.status === 'error'}
            baseUrl={baseUrl}
            needles={needles}
            stopRows={stops}
            hotspots={stats?.hotspots ?? []}
            sites={sites}
            zones={zones}
            viewBbox={viewBbox}
            todayDay={todayDay}
            window={dates}
            setPlanOverlays={setPlanOverlays}
            setAreaOverlay={setAreaOverlay}
            map={map}
          />
        </>
      )}
    </section>
  );
}
