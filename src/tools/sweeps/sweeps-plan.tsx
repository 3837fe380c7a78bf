// Plan the sweep: the settings, then the ordered stop list with arrival times, the totals, the stops left out and why;
// drag (or move up/down) to reorder and the times update; lock or remove stops; export GPX, CSV and GeoJSON; print a
// route sheet; share the plan as a link. The route and numbered stops are drawn on the map.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_FILES } from '../../config/city';
import type { NeedleTable } from '../../datasets/needle-table';
import { clockTime, sweepCsv, sweepGeoJson, sweepGpx } from '../../datasets/sweep-export';
import type { SiteFeature } from '../../domain/site';
import type { ZoneFeature } from '../../domain/zone';
import type { HotspotCell } from '../../geo/hotspots';
import { buildSweepRouteOverlay, buildSweepStopsOverlay, SWEEP_STOP_CLICK_LAYER_ID } from '../../map/layers/sweep-layers';
import type { OverlaySpec } from '../../map/overlay';
import { downloadFile } from '../../ui/download';
import { MiniMap } from '../../ui/mini-map';
import type { ShellApi } from '../../ui/tool-contract';
import type { PlaceFiles } from '../../datasets/place-files';
import { SweepsPlanForm } from './sweeps-plan-form';
import { ZoneDraw } from '../../map/zone-draw';
import { buildSweepAreaOverlay } from '../../map/layers/sweep-layers';
import type * as maplibregl from 'maplibre-gl';
import { candidateCount, candidateStops, exportRows, planSetup, type PlanSetup } from './sweeps-planner';
import { useNearPark } from '../../ui/use-near-park';
import { planInWorker, stopSweepPlanner } from './sweep-plan-client';
import type { SweepPlan } from '../../geo/sweep-plan';
import { addedStopId, MAX_AREA_CORNERS, type SweepsState } from './sweeps-state';

type Props = {
  map: maplibregl.Map | null;
  state: SweepsState;
  update: (f: (s: SweepsState) => SweepsState) => void;
  shell: ShellApi;
  /** The walking graph and the reverse geocoder (null while they load, or when they failed: placeError). */
  place: PlaceFiles | null;
  placeError: boolean;
  baseUrl: string;
  needles: NeedleTable;
  /** Rows of the requests that may become stops (open or unknown status, in the window, filters and area); null: the zone is gone. */
  stopRows: number[] | null;
  hotspots: readonly HotspotCell[];
  sites: readonly SiteFeature[];
  zones: readonly ZoneFeature[];
  viewBbox: () => [number, number, number, number] | null;
  todayDay: number;
  window: { from: string; to: string };
  setPlanOverlays: (o: readonly OverlaySpec[]) => void;
  /** The drawn area's outline on the map, or null. */
  setAreaOverlay: (o: OverlaySpec | null) => void;
};

/** A plan as the tab shows it: the engine's answer, its route line, and the stops it was made of. */
type Planned = Omit<PlanSetup, 'cut' | 'input'> & { plan: SweepPlan; line: [number, number][] };


const km = (m: number) => (m / 1000).toFixed(1);
function duration(minutes: number): string {
  const m = Math.round(minutes);
  return m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}

export function SweepsPlan(props: Props) {
  const { map, state, update, shell, place, placeError, baseUrl, needles, stopRows, hotspots, sites, zones, viewBbox, todayDay, window, setPlanOverlays, setAreaOverlay } = props;
  const { t } = useTranslation();
  const parks = useNearPark(baseUrl);
  /** What the next map click sets: the start, a stop added by hand, or nothing. */
  const [picking, setPicking] = useState<'start' | 'stop' | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Planned | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const dragged = useRef<string | null>(null);

  const ready = (place !== null || placeError) && (parks.nearPark !== null || parks.failed);
  // The stops depend on these parts of the state only: a reorder or a new shift length re-plans without describing
  // every stop again.
  const { removed, locked, added, hotspotStops, planned } = state;
  // Described and tested only once a plan is asked for: a new table (an import) before that costs a count, not a
  // park test and an address per open request.
  const candidates = useMemo(() => {
    if (!stopRows || !ready || !planned) return null;
    return candidateStops({ needles, describe: place?.describe ?? null, nearPark: parks.nearPark, sites, todayDay }, stopRows, hotspots, { removed, locked, added, hotspotStops });
  }, [stopRows, ready, planned, needles, place, parks.nearPark, sites, todayDay, hotspots, removed, locked, added, hotspotStops]);
  const stopCount = useMemo(
    () => (stopRows && ready ? candidateCount(needles, stopRows, hotspots, { removed, added, hotspotStops }) : (stopRows?.length ?? 0)),
    [stopRows, ready, needles, hotspots, removed, added, hotspotStops],
  );

  // Plans in the worker whenever a plan is asked for and its input changes; an answer to an older input is dropped.
  const walkGraphUrl = placeError ? null : new URL(DATA_FILES.walkGraph, baseUrl).toString();
  useEffect(() => {
    if (!state.planned || !candidates) {
      setOutcome(null);
      return;
    }
    const setup = planSetup({ sites, todayDay }, candidates, state);
    if ('error' in setup) {
      setOutcome(setup);
      return;
    }
    let live = true;
    setBusy(true);
    planInWorker({ walkGraphUrl, input: setup.input, order: state.order })
      .then(
        ({ plan, line }) => live && setOutcome({ plan: { ...plan, leftOut: [...plan.leftOut, ...setup.cut] }, line, stops: setup.stops, start: setup.start }),
        (e: unknown) => live && setOutcome({ error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [state, candidates, sites, todayDay, walkGraphUrl]);
  useEffect(() => () => stopSweepPlanner(), []);

  const plan = outcome && 'plan' in outcome ? outcome : null;
  const line = useMemo(() => plan?.line ?? [], [plan]);

  useEffect(() => {
    if (!plan) {
      setPlanOverlays([]);
      return;
    }
    const order = new Map(plan.plan.stops.map((s) => [s.id, s.order]));
    const stops = [...plan.stops.values()].map((s) => ({ id: s.id, lngLat: s.lngLat, n: order.get(s.id) ?? null }));
    setPlanOverlays([buildSweepRouteOverlay(line, plan.plan.straightLine), buildSweepStopsOverlay(stops, plan.start, selected)]);
  }, [plan, line, selected, setPlanOverlays]);
  // The planned route stays on the map when the tab closes, as the "sharps sweep" entry of the Layers legend.
  const { keepOnMap } = shell;
  useEffect(() => {
    if (!plan) return keepOnMap(null);
    const order = new Map(plan.plan.stops.map((s) => [s.id, s.order]));
    const stops = [...plan.stops.values()].map((s) => ({ id: s.id, lngLat: s.lngLat, n: order.get(s.id) ?? null }));
    keepOnMap({
      overlays: [buildSweepRouteOverlay(line, plan.plan.straightLine), buildSweepStopsOverlay(stops, plan.start, null)],
      label: t('sweeps.legend.kept'),
      detail: t('sweeps.legend.keptDetail', { count: plan.plan.stops.length, km: km(plan.plan.totalMeters), duration: duration(plan.plan.totalMinutes), from: state.shiftStart }),
    });
  }, [plan, line, keepOnMap, t, state.shiftStart]);
  const areaRing = state.area.kind === 'polygon' ? state.area.ring : null;
  useEffect(() => setAreaOverlay(areaRing ? buildSweepAreaOverlay(areaRing) : null), [areaRing, setAreaOverlay]);

  // The map's clicks: the start point while picking it; else a tap on a stop selects it in the list.
  const { claimMap } = shell;
  const latest = useRef({ picking, update });
  latest.current = { picking, update };
  useEffect(() => {
    claimMap((click) => {
      const lngLat: [number, number] = [Number(click.lngLat[0].toFixed(5)), Number(click.lngLat[1].toFixed(5))];
      if (latest.current.picking === 'start') {
        latest.current.update((s) => ({ ...s, start: { kind: 'point', lngLat }, order: null }));
        setPicking(null);
        return;
      }
      if (latest.current.picking === 'stop') {
        latest.current.update((s) => ({ ...s, added: [...s.added, lngLat], order: null }));
        setPicking(null);
        return;
      }
      const id = click.features.find((f) => f.layerId === SWEEP_STOP_CLICK_LAYER_ID)?.properties.id;
      if (typeof id === 'string' && id !== 'start') {
        setSelected(id);
        document.querySelector(`[data-stop-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
      }
    });
    return () => claimMap(null);
  }, [claimMap]);

  // Drawing the stops' area on the map (terra-draw, as the Zones tab draws zones); Escape cancels.
  const [drawing, setDrawing] = useState(false);
  const draw = useRef<ZoneDraw | null>(null);
  useEffect(() => {
    if (!map) return;
    const d = new ZoneDraw(map, { onModeChange: (mode) => setDrawing(mode === 'drawing') });
    draw.current = d;
    return () => {
      d.destroy();
      draw.current = null;
    };
  }, [map]);
  const drawArea = map
    ? () => {
        setPicking(null);
        void draw.current?.startDrawPolygon((polygon) => {
          const ring = polygon.coordinates[0]!.map((p) => [Number(p[0]!.toFixed(5)), Number(p[1]!.toFixed(5))] as [number, number]);
          if (ring.length - 1 <= MAX_AREA_CORNERS) update((s) => ({ ...s, area: { kind: 'polygon', ring }, order: null }));
        });
      }
    : null;

  const order = useMemo(() => plan?.plan.stops.map((s) => s.id) ?? [], [plan]);
  const move = useCallback(
    (id: string, to: number) => {
      const from = order.indexOf(id);
      if (from < 0 || to < 0 || to >= order.length || from === to) return;
      const next = order.slice();
      next.splice(from, 1);
      next.splice(to, 0, id);
      update((s) => ({ ...s, order: next }));
    },
    [order, update],
  );
  const toggle = (key: 'locked' | 'removed', id: string) =>
    update((s) => {
      // A stop added by hand is removed by dropping it, not by remembering its id.
      if (key === 'removed' && id.startsWith('pt:')) return { ...s, added: s.added.filter((p) => addedStopId(p) !== id), order: null };
      return { ...s, [key]: s[key].includes(id) ? s[key].filter((x) => x !== id) : [...s[key], id], order: key === 'removed' ? null : s.order };
    });

  const rows = plan ? exportRows(plan.plan, plan.stops, state.minutesPerStop) : [];
  const fileBase = `sharps-sweep-${window.to}`;
  const share = async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
      prompt(t('sweeps.plan.shareCopy'), url);
    }
  };

  return (
    <section className="sweeps-section" aria-labelledby="sweeps-plan-heading" data-testid="sweeps-plan">
      <h3 id="sweeps-plan-heading" className="no-print">
        {t('sweeps.plan.heading')}
      </h3>
      <SweepsPlanForm state={state} update={update} sites={sites} zones={zones} viewBbox={viewBbox} picking={picking} setPicking={setPicking} drawArea={drawArea} drawing={drawing} stopCount={stopCount} />
      {stopRows === null && <p role="alert">{t('sweeps.plan.zoneGone')}</p>}
      <button type="button" className="primary no-print" data-testid="sweeps-plan-button" disabled={!ready} onClick={() => update((s) => ({ ...s, planned: true }))}>
        {ready ? t('sweeps.plan.run') : t('sweeps.plan.loading')}
      </button>
      {placeError && <p className="sweeps-note">{t('sweeps.plan.noGraph')}</p>}
      {busy && <p role="status">{t('sweeps.plan.planning')}</p>}
      {outcome && 'error' in outcome && (
        <p role="status" data-testid="sweeps-plan-error">
          {outcome.error === 'no-stops' || outcome.error === 'no-start' ? t(`sweeps.plan.${outcome.error}`) : t('sweeps.plan.failed', { error: outcome.error })}
        </p>
      )}
      {plan && (
        <div className="sweeps-result" data-testid="sweeps-result">
          <div className="print-only sweeps-sheet" data-testid="sweeps-sheet">
            <h2>{t('sweeps.plan.sheetTitle', { date: window.to, from: state.shiftStart })}</h2>
            <MiniMap className="sweeps-mini-map" point={plan.start} places={rows.map((r, i) => ({ rank: i + 1, lngLat: r.lngLat }))} line={line} label={t('sweeps.plan.sheetMap')} width={640} height={400} />
          </div>
          <p className="sweeps-totals" data-testid="sweeps-totals" role="status">
            {t('sweeps.plan.totals', {
              count: plan.plan.stops.length,
              km: km(plan.plan.totalMeters),
              duration: duration(plan.plan.totalMinutes),
              from: state.shiftStart,
              to: clockTime(state.shiftStart, plan.plan.totalMinutes),
            })}
          </p>
          {plan.plan.straightLine && <p className="sweeps-note" data-testid="sweeps-straight">{t('sweeps.plan.straightLine')}</p>}
          {state.mode === 'drive' && <p className="sweeps-note">{t('sweeps.plan.driveNote')}</p>}
          {!plan.plan.fitsShift && <p className="sweeps-warning" role="alert">{t('sweeps.plan.overrun', { shift: duration(state.shiftMinutes) })}</p>}
          {state.order && (
            <button type="button" onClick={() => update((s) => ({ ...s, order: null }))}>
              {t('sweeps.plan.reoptimise')}
            </button>
          )}
          <ol className="sweeps-stops" data-testid="sweeps-stop-list">
            {plan.plan.stops.map((p, k) => {
              const s = plan.stops.get(p.id)!;
              return (
                <li
                  key={p.id}
                  data-stop-id={p.id}
                  data-testid="sweeps-stop"
                  className={`sweeps-stop${selected === p.id ? ' selected' : ''}`}
                  draggable
                  onDragStart={() => (dragged.current = p.id)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragged.current) move(dragged.current, k);
                    dragged.current = null;
                  }}
                  onClick={() => setSelected(p.id)}
                >
                  <span className="sweeps-stop-n">
                    <span className="sweeps-check" aria-hidden="true" />
                    {p.order}
                  </span>
                  <span className="sweeps-stop-time" data-testid="sweeps-stop-time">{clockTime(state.shiftStart, p.arriveMinute)}</span>
                  <span className="sweeps-stop-where">
                    {s.address ?? s.label ?? t('sweeps.plan.unknownPlace')}
                    <small>
                      {s.kind === 'hotspot'
                        ? t('sweeps.plan.hotspotStop', { count: s.count ?? 0 })
                        : s.kind === 'added'
                          ? t('sweeps.plan.addedStop')
                          : t('sweeps.plan.requestStop', { caseId: s.caseId ?? '—', date: s.openedDate ?? '' })}
                      {s.nearPark ? ` · ${t('sweeps.plan.nearPark')}` : ''} · {Math.round(p.legMeters)} m
                    </small>
                  </span>
                  <span className="sweeps-stop-actions no-print">
                    <button type="button" aria-label={t('sweeps.plan.up', { n: p.order })} disabled={k === 0} onClick={() => move(p.id, k - 1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={t('sweeps.plan.down', { n: p.order })} disabled={k === plan.plan.stops.length - 1} onClick={() => move(p.id, k + 1)}>
                      ↓
                    </button>
                    <button type="button" aria-pressed={Boolean(s.locked)} aria-label={t('sweeps.plan.lock', { n: p.order })} onClick={() => toggle('locked', p.id)}>
                      {s.locked ? t('sweeps.plan.locked') : t('sweeps.plan.keep')}
                    </button>
                    <button type="button" aria-label={t('sweeps.plan.remove', { n: p.order })} data-testid="sweeps-stop-remove" onClick={() => toggle('removed', p.id)}>
                      ✕
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
          {plan.plan.leftOut.length > 0 && (
            <details className="sweeps-left-out" data-testid="sweeps-left-out">
              <summary>{t('sweeps.plan.leftOut', { count: plan.plan.leftOut.length })}</summary>
              <ul>
                {plan.plan.leftOut.slice(0, 200).map((l) => {
                  const s = plan.stops.get(l.id);
                  return (
                    <li key={l.id}>
                      {s?.address ?? s?.label ?? l.id}: {l.reason}
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {state.removed.length > 0 && (
            <button type="button" className="no-print" onClick={() => update((s) => ({ ...s, removed: [], order: null }))}>
              {t('sweeps.plan.restoreRemoved', { count: state.removed.length })}
            </button>
          )}
          <div className="sweeps-exports no-print">
            <button type="button" data-testid="sweeps-export-gpx" onClick={() => downloadFile({ name: `${fileBase}.gpx`, content: sweepGpx(rows, { name: `Sharps sweep ${window.to}`, routeLine: line }), mimeType: 'application/gpx+xml' })}>
              {t('sweeps.plan.gpx')}
            </button>
            <button type="button" data-testid="sweeps-export-csv" onClick={() => downloadFile({ name: `${fileBase}.csv`, content: sweepCsv(rows, state.shiftStart), mimeType: 'text/csv' })}>
              {t('sweeps.plan.csv')}
            </button>
            <button type="button" data-testid="sweeps-export-geojson" onClick={() => downloadFile({ name: `${fileBase}.geojson`, content: JSON.stringify(sweepGeoJson(rows, line)), mimeType: 'application/geo+json' })}>
              {t('sweeps.plan.geojson')}
            </button>
            <button type="button" data-testid="sweeps-print" onClick={() => print()}>
              {t('sweeps.plan.print')}
            </button>
            <button type="button" data-testid="sweeps-share" onClick={() => void share()}>
              {t('sweeps.plan.share')}
            </button>
            {copied && <span role="status">{t('sweeps.plan.copied')}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
