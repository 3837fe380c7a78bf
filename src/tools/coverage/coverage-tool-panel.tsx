// The Coverage tab (planners): how much of the 311 needle demand is within reach of a disposal point, citywide and per
// neighbourhood, and where K new kiosks would cover the most, with each one's gain, how close to the best that is, and
// exports. Distances are straight lines (great-circle) or walks along the street network, said so on screen; walking
// coverage, the proposal and the curve are worked out in a Web Worker with a progress line.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedleTable } from '../../datasets/needle-table';
import { isoDateFromDay } from '../../domain/calendar-day';
import type { SiteFeature } from '../../domain/site';
import type { CoverageCurvePoint, SelectSitesResult } from '../../geo/site-selection';
import type { MultiPolygon } from 'geojson';
import { BarChart } from '../../ui/bar-chart';
import { useNearPark } from '../../ui/use-near-park';
import { buildCoverageAreasOverlay, buildCoverageOverlay, COVERAGE_SHARE_BREAKS } from '../../map/layers/coverage-layers';
import { PALETTE } from '../../map/palette';
import { downloadFile } from '../../ui/download';
import type { ToolPanelProps } from '../../ui/tool-contract';
import { usePlaceFiles } from '../../ui/use-place-files';
import { DATA_FILES } from '../../config/city';
import { loadTracts, TRACT_POPULATION_LABEL } from '../../datasets/tracts';
import { tractDemandGrid, type TractDemandPoint } from '../../geo/tract-demand';

/** Spacing of the points residents are spread over inside each tract, metres. */
const RESIDENT_GRID_METERS = 100;
import { candidateSites, demandOf, gapCells, GAP_CELL_METERS, measureCoverage, parkEquity, siteLngLat, summarizeCoverage, supplyOf } from './coverage-model';
import { curveInWorker, dropCoverageRequest, measureInWorker, proposeInWorker, stopCoverageWorker, type CoverageProgress } from './coverage-client';
import { CATCHMENT_SIDE_METERS } from '../../geo/network-coverage';
import { CoverageScenarios } from './coverage-scenarios';
import { CoverageKioskEffect } from './coverage-kiosk-effect';
import { CoverageCandidates, ProposedSiteActions, useCoverageCandidates } from './coverage-candidates-panel';
import { lockedGains } from './coverage-candidates';
import { CoverageReportView } from './coverage-report';
import type { CoverageScenario } from '../../datasets/coverage-scenario-store';
import { COVERAGE_DISTANCES, COVERAGE_RADII_METERS, COVERAGE_WALK_MINUTES, COVERAGE_WINDOWS, MAX_K, SUPPLY_KINDS, type CoverageState } from './coverage-state';
import { WALK_METERS_PER_MINUTE } from '../../config/city';
import { loadNeedleAggregates } from '../../datasets/needle-aggregates';
import { aggregateDemandOf } from './coverage-model';
import { SupplyHoursPicker } from './coverage-supply-hours';

export type CoveragePanelExtra = { baseUrl: string; needles: NeedleTable | null; sites: readonly SiteFeature[] };

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function CoverageToolPanel({ map, state, update, shell, baseUrl, needles, sites }: ToolPanelProps<CoverageState, CoveragePanelExtra>) {
  const { t } = useTranslation();
  const files = usePlaceFiles(baseUrl);
  const place = files.status === 'ready' ? files.files : null;
  // Residents (estimated, by census tract) load only when asked for; each tract's residents are spread over 100 m
  // grid points inside it, so a reach of 200-800 m is not decided by one point per tract.
  const [tracts, setTracts] = useState<{ points: TractDemandPoint[] } | { error: string } | null>(null);
  useEffect(() => {
    if (state.demand !== 'residents' || tracts) return;
    let live = true;
    loadTracts(new URL(DATA_FILES.tracts, baseUrl).toString()).then(
      (list) => live && setTracts({ points: tractDemandGrid(list, RESIDENT_GRID_METERS) }),
      (e: unknown) => live && setTracts({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [state.demand, tracts, baseUrl]);
  // All 24,100 requests of 2024-2026 from the City's aggregates (cells of about 90 m), loaded only when chosen.
  const [aggregates, setAggregates] = useState<{ points: { lngLat: [number, number]; weight: number }[]; fromDay: number; toDay: number } | { error: string } | null>(null);
  useEffect(() => {
    if (state.demand !== 'aggregates' || aggregates) return;
    let live = true;
    loadNeedleAggregates(new URL(DATA_FILES.needleAggregates, baseUrl).toString()).then(
      (agg) => live && setAggregates(aggregateDemandOf(agg)),
      (e: unknown) => live && setAggregates({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [state.demand, aggregates, baseUrl]);
  const demand = useMemo(() => {
    if (state.demand === 'residents') return tracts && 'points' in tracts ? { points: tracts.points, fromDay: -1, toDay: -1 } : null;
    if (state.demand === 'aggregates') return aggregates && 'points' in aggregates ? aggregates : null;
    return needles ? demandOf(needles, state.window) : null;
  }, [state.demand, tracts, aggregates, needles, state.window]);
  const residents = state.demand === 'residents';
  // Opening hours are judged from when the tab opened (an hour of the week, or 24/7, does not depend on the minute).
  const [openedAt] = useState(() => new Date());
  const supply = useMemo(() => supplyOf(sites, state, openedAt), [sites, state, openedAt]);
  const supplyPoints = useMemo(() => supply.map((s) => ({ lngLat: siteLngLat(s) })), [supply]);
  const areaOf = useMemo(() => {
    const areaAt = place?.areaAt;
    if (!areaAt) return null;
    return (p: readonly [number, number]) => {
      const area = areaAt(p);
      return area?.kind === 'neighborhood' ? area.name : null;
    };
  }, [place]);
  const walk = state.distance === 'walk';
  // Who computes what: straight-line coverage here (a few ms); walking coverage, the proposal and the curve in the worker.
  const straightCoverage = useMemo(() => (demand && !walk ? measureCoverage(demand.points, supplyPoints, state.radiusMeters, areaOf) : null), [demand, walk, supplyPoints, state.radiusMeters, areaOf]);
  const walkGraphUrl = useMemo(() => new URL(DATA_FILES.walkGraph, baseUrl).toString(), [baseUrl]);
  const supplyKey = supplyPoints.map((s) => s.lngLat.join()).join(';');
  // Everything the worker's answers depend on; an answer is shown only while its key is the current one.
  const key = `${state.demand}|${state.window}|${state.distance}|${state.radiusMeters}|${needles?.count ?? 0}|${demand?.points.length ?? 0}|${supplyKey}`;
  const job = useMemo(() => {
    if (!demand) return null;
    const n = demand.points.length;
    const cols = { lng: new Float64Array(n), lat: new Float64Array(n), weight: new Float64Array(n) };
    demand.points.forEach((d, i) => {
      cols.lng[i] = d.lngLat[0];
      cols.lat[i] = d.lngLat[1];
      cols.weight[i] = d.weight;
    });
    return {
      distance: walk ? ('walk' as const) : ('straight' as const),
      walkGraphUrl,
      demandKey: `${state.demand}|${state.window}|${needles?.count ?? 0}|${n}`,
      demand: cols,
      supply: supplyPoints.map((s) => s.lngLat),
      radiusMeters: state.radiusMeters,
    };
  }, [demand, walk, walkGraphUrl, state.demand, state.window, needles, supplyPoints, state.radiusMeters]);
  type WorkKind = 'measure' | 'propose' | 'curve';
  const [progress, setProgress] = useState<Partial<Record<WorkKind, { key: string; p: CoverageProgress }>>>({});
  const [workerError, setWorkerError] = useState<{ key: string; message: string } | null>(null);
  // Callbacks for the worker's answers, for the settings `k` they were asked with (stable: state setters only).
  const { onProgress, fail } = useMemo(
    () => ({
      onProgress: (kind: WorkKind, k: string) => (p: CoverageProgress) => setProgress((all) => ({ ...all, [kind]: { key: k, p } })),
      fail: (k: string) => (e: unknown) => setWorkerError({ key: k, message: e instanceof Error ? e.message : String(e) }),
    }),
    [],
  );
  const workerFailed = workerError && workerError.key.startsWith(key) ? workerError.message : null;
  /** The worker's progress line for this kind of work on the current settings, or null. */
  const progressFor = (kind: WorkKind): string | null => {
    const now = progress[kind];
    return now && now.key.startsWith(key) ? t(`coverage.progress.${now.p.step}`, { done: now.p.done.toLocaleString('en-US'), total: now.p.total.toLocaleString('en-US') }) : null;
  };

  const [walkMeasure, setWalkMeasure] = useState<{ key: string; flags: Uint8Array; straightLine: { demand: number; sites: number }; catchments: (MultiPolygon | null)[] } | null>(null);
  useEffect(() => {
    if (!job || !walk) return dropCoverageRequest('measure');
    const k = key;
    measureInWorker(job, onProgress('measure', k)).then((r) => r && setWalkMeasure({ key: k, ...r }), fail(k));
  }, [job, walk, key, onProgress, fail]);
  const currentWalk = walk && walkMeasure?.key === key ? walkMeasure : null;
  const coverage = useMemo(() => (walk ? (demand && currentWalk ? summarizeCoverage(demand.points, currentWalk.flags, areaOf) : null) : straightCoverage), [walk, demand, currentWalk, areaOf, straightCoverage]);

  // The candidate sites, made once per demand for the proposal and the curve alike.
  const gridCandidates = useMemo(() => (demand ? candidateSites(demand.points) : []), [demand]);
  // The planner's candidates (grid cells, an imported list or both; excluded ones left out) and locked sites, which
  // the search counts as already there.
  const pick = useCoverageCandidates(gridCandidates);
  const candidates = pick.pool.candidates;
  const existingPoints = useMemo(() => [...supplyPoints, ...pick.pool.fixed], [supplyPoints, pick.pool.fixed]);
  const [proposal, setProposal] = useState<{ key: string; result: SelectSitesResult; lockedGains: number[]; candidates: { lngLat: [number, number] }[]; afterFlags: Uint8Array; catchments: (MultiPolygon | null)[] } | null>(null);
  // The search's own settings: the candidates and locked sites too.
  const searchKey = `${key}|${pick.pool.signature}`;
  const proposalKey = `${searchKey}|${state.k}`;
  useEffect(() => {
    if (!job || state.k === 0) {
      dropCoverageRequest('propose');
      setProposal(null);
      return;
    }
    const k = proposalKey;
    const cands = candidates;
    proposeInWorker({ ...job, locked: pick.pool.fixed.map((p) => p.lngLat), candidates: cands.map((c) => c.lngLat), k: state.k }, onProgress('propose', k)).then(
      (r) => r && setProposal({ key: k, candidates: cands, ...r }),
      fail(k),
    );
  }, [job, candidates, pick.pool.fixed, state.k, proposalKey, onProgress, fail]);
  const current = proposal && proposal.key === proposalKey ? proposal : null;

  const parks = useNearPark(baseUrl);
  const gaps = useMemo(() => (demand && coverage ? gapCells(demand.points, coverage.flags) : []), [demand, coverage]);
  const equity = useMemo(() => (demand && coverage && parks.nearPark ? parkEquity(demand.points, coverage.flags, parks.nearPark) : null), [demand, coverage, parks.nearPark]);
  // The coverage curve (K = 1..MAX_K) on request: one chain of searches in the worker.
  const [curve, setCurve] = useState<{ key: string; points: CoverageCurvePoint[] } | null>(null);
  const [curveAsked, setCurveAsked] = useState(false);
  useEffect(() => {
    if (!curveAsked || !job) return dropCoverageRequest('curve');
    const k = searchKey;
    curveInWorker({ ...job, supply: existingPoints.map((p) => p.lngLat), candidates: candidates.map((c) => c.lngLat), maxK: MAX_K }, onProgress('curve', k)).then((points) => points && setCurve({ key: k, points }), fail(k));
  }, [curveAsked, job, candidates, existingPoints, searchKey, onProgress, fail]);
  const currentCurve = curve && curve.key === searchKey ? curve.points : null;
  useEffect(() => () => stopCoverageWorker(), []);

  // The scenario on screen, for saving: the settings, the coverage with the proposed sites, per neighbourhood.
  // The locked sites' gains, once for the candidate list and the report: as the search measured them; before it
  // answers (or with no proposal), worked out here in a straight line; walking, unknown until the worker answers.
  const fixedSites = pick.pool.fixed;
  const straightLockedGains = useMemo(
    () => (current || walk || !demand || fixedSites.length === 0 ? null : lockedGains(demand.points, supplyPoints, fixedSites, state.radiusMeters)),
    [current, walk, demand, supplyPoints, fixedSites, state.radiusMeters],
  );
  const shownLockedGains = current?.lockedGains ?? (walk ? null : (straightLockedGains ?? []));
  // Coverage with the locked and proposed sites too (the worker's flags: straight or walking alike).
  const after = useMemo(() => (demand && current ? summarizeCoverage(demand.points, current.afterFlags, areaOf) : null), [demand, current, areaOf]);
  const scenario = useMemo((): Omit<CoverageScenario, 'name' | 'savedAt'> | null => {
    if (!demand || !coverage || (state.k > 0 && !current)) return null;
    const proposedSites = current ? current.result.chosen.map((c) => ({ lngLat: current.candidates[c.index]!.lngLat, gain: c.gain })) : [];
    const shown = after ?? coverage;
    return {
      settings: { window: state.window, radiusMeters: state.radiusMeters, kinds: [...state.kinds], everyone: state.everyone, k: state.k },
      total: shown.total,
      covered: shown.covered,
      sitesCounted: supply.length,
      byArea: shown.byArea.map(({ name, total, covered }) => ({ name, total, covered })),
      proposed: proposedSites,
    };
  }, [demand, coverage, current, after, state, supply.length]);
  const proposed = useMemo(() => current?.result.chosen.map((c) => current.candidates[c.index]!.lngLat) ?? [], [current]);

  const { setOverlays } = shell;
  const placeAreas = place?.areas;
  // The share covered per neighbourhood, as the table gives it, on the City's outlines.
  const areaShares = useMemo(() => {
    if (!placeAreas || !coverage || state.mapView !== 'areas') return null;
    const byName = new Map(coverage.byArea.map((a) => [a.name, a]));
    return placeAreas.flatMap((a) => {
      const row = a.kind === 'neighborhood' ? byName.get(a.name) : undefined;
      return row && row.total > 0 ? [{ name: a.name, geometry: a.geometry, share: row.share }] : [];
    });
  }, [placeAreas, coverage, state.mapView]);
  useEffect(() => {
    if (!demand || !coverage) return setOverlays([]);
    if (state.mapView === 'areas') return setOverlays(areaShares ? [buildCoverageAreasOverlay(areaShares)] : []);
    const uncovered = demand.points.filter((_, i) => !coverage.flags[i]).map((d) => d.lngLat);
    const catchments = currentWalk ? { supply: currentWalk.catchments, proposed: current?.catchments ?? [] } : undefined;
    setOverlays([buildCoverageOverlay(supplyPoints.map((s) => s.lngLat), proposed, uncovered, state.radiusMeters, catchments, pick.pool.fixed.map((f) => f.lngLat))]);
  }, [setOverlays, demand, coverage, supplyPoints, proposed, state.radiusMeters, currentWalk, current, state.mapView, areaShares, pick.pool.fixed]);
  useEffect(() => () => setOverlays([]), [setOverlays]);

  const set = (patch: Partial<CoverageState>) => update((s) => ({ ...s, ...patch }));
  const exportSites = () => {
    if (!current) return;
    const features = current.result.chosen.map((c, i) => ({
      type: 'Feature' as const,
      properties: {
        rank: i + 1,
        gain: c.gain,
        covered: c.covered,
        demand: residents ? TRACT_POPULATION_LABEL : '311 Needle Pickup requests',
        radiusMeters: state.radiusMeters,
        window: residents ? null : state.window,
        distance: walk ? 'walking along the streets' : 'straight line (great-circle)',
        walkMinutes: state.walkMinutes,
      },
      geometry: { type: 'Point' as const, coordinates: current.candidates[c.index]!.lngLat },
    }));
    downloadFile({ name: `proposed-kiosks-${state.k}.geojson`, content: JSON.stringify({ type: 'FeatureCollection', features }, null, 1), mimeType: 'application/geo+json' });
  };
  const exportTable = () => {
    if (!coverage) return;
    const rows = [['neighborhood', residents ? 'estimated_residents' : 'requests', 'covered', 'share'], ...coverage.byArea.map((a) => [a.name, String(a.total), String(a.covered), a.share.toFixed(4)])];
    downloadFile({ name: `coverage-${state.radiusMeters}m.csv`, content: rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n', mimeType: 'text/csv' });
  };
  /** The same table on the City's neighbourhood outlines, for GIS. */
  const exportTableGeoJson = () => {
    if (!coverage || !placeAreas) return;
    const byName = new Map(coverage.byArea.map((a) => [a.name, a]));
    const features = placeAreas.flatMap((a) => {
      const row = a.kind === 'neighborhood' ? byName.get(a.name) : undefined;
      if (!row) return [];
      const properties = { neighborhood: a.name, demand: residents ? TRACT_POPULATION_LABEL : '311 Needle Pickup requests', total: row.total, covered: row.covered, share: Number(row.share.toFixed(4)), radiusMeters: state.radiusMeters, distance: walk ? 'walking along the streets' : 'straight line (great-circle)' };
      return [{ type: 'Feature' as const, properties, geometry: a.geometry }];
    });
    downloadFile({ name: `coverage-${state.radiusMeters}m.geojson`, content: JSON.stringify({ type: 'FeatureCollection', features }), mimeType: 'application/geo+json' });
  };

  return (
    <section className="coverage-panel sweeps-panel" data-testid="coverage-panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t('coverage.heading')}</h2>
      <p className="sweeps-intro">{t('coverage.intro')}</p>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.demand')}</legend>
        <label>
          <input type="radio" name="coverage-demand" data-testid="coverage-demand-requests" checked={state.demand === 'requests'} onChange={() => set({ demand: 'requests' })} /> {t('coverage.demandRequests')}
        </label>
        <label>
          <input type="radio" name="coverage-demand" data-testid="coverage-demand-aggregates" checked={state.demand === 'aggregates'} onChange={() => set({ demand: 'aggregates' })} /> {t('coverage.demandAggregates')}
        </label>
        <label>
          <input type="radio" name="coverage-demand" data-testid="coverage-demand-residents" checked={residents} onChange={() => set({ demand: 'residents' })} /> {t('coverage.demandResidents', { label: TRACT_POPULATION_LABEL })}
        </label>
      </fieldset>
      {aggregates && 'error' in aggregates && state.demand === 'aggregates' && (
        <p role="alert" className="sweeps-error">
          {t('coverage.aggregatesFailed', { error: aggregates.error })}
        </p>
      )}
      {tracts && 'error' in tracts && residents && (
        <p role="alert" className="sweeps-error">
          {t('coverage.tractsFailed', { error: tracts.error })}
        </p>
      )}
      <fieldset className="sweeps-inline" disabled={state.demand !== 'requests'}>
        <legend>{t('coverage.window')}</legend>
        {COVERAGE_WINDOWS.map((w) => (
          <label key={w}>
            <input type="radio" name="coverage-window" data-testid={`coverage-window-${w}`} checked={state.window === w} onChange={() => set({ window: w })} /> {t(`coverage.windows.${w}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.distance')}</legend>
        {COVERAGE_DISTANCES.map((d) => (
          <label key={d}>
            <input type="radio" name="coverage-distance" data-testid={`coverage-distance-${d}`} checked={state.distance === d} onChange={() => set({ distance: d })} /> {t(`coverage.distances.${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.radius')}</legend>
        {COVERAGE_RADII_METERS.map((r) => (
          <label key={r}>
            <input type="radio" name="coverage-radius" data-testid={`coverage-radius-${r}`} checked={state.walkMinutes === null && state.radiusMeters === r} onChange={() => set({ radiusMeters: r, walkMinutes: null })} /> {t('coverage.meters', { m: r })}
          </label>
        ))}
        {COVERAGE_WALK_MINUTES.map((min) => (
          <label key={`min-${min}`}>
            <input
              type="radio"
              name="coverage-radius"
              data-testid={`coverage-minutes-${min}`}
              checked={state.walkMinutes === min}
              onChange={() => set({ walkMinutes: min, radiusMeters: min * WALK_METERS_PER_MINUTE })}
            />{' '}
            {t('coverage.minutes', { min, m: min * WALK_METERS_PER_MINUTE })}
          </label>
        ))}
      </fieldset>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.supply')}</legend>
        {SUPPLY_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              data-testid={`coverage-kind-${k}`}
              checked={state.kinds.includes(k)}
              onChange={(e) => set({ kinds: e.target.checked ? SUPPLY_KINDS.filter((x) => x === k || state.kinds.includes(x)) : state.kinds.filter((x) => x !== k) })}
            />{' '}
            {t(`legend.kinds.${k}`)}
          </label>
        ))}
        <label>
          <input type="checkbox" data-testid="coverage-everyone" checked={state.everyone} onChange={(e) => set({ everyone: e.target.checked })} /> {t('coverage.everyone')}
        </label>
        <SupplyHoursPicker hours={state.hours} onChange={(hours) => set({ hours })} />
      </fieldset>

      {workerFailed && (
        <p role="alert" className="sweeps-error" data-testid="coverage-worker-error">
          {t('coverage.workerFailed', { error: workerFailed })}
        </p>
      )}
      {!coverage || !demand ? (
        <p role="status">{progressFor('measure') ?? t('coverage.loading')}</p>
      ) : (
        <>
          <p className="coverage-figure" data-testid="coverage-figure" role="status">
            {t(residents ? 'coverage.figureResidents' : 'coverage.figure', {
              label: TRACT_POPULATION_LABEL,
              covered: coverage.covered.toLocaleString('en-US'),
              total: coverage.total.toLocaleString('en-US'),
              share: pct(coverage.share),
              m: state.radiusMeters,
              sites: supply.length,
              from: isoDateFromDay(demand.fromDay),
              to: isoDateFromDay(demand.toDay),
            })}{' '}
            {t(walk ? 'coverage.distanceWalk' : 'coverage.distanceStraight')}
            {state.walkMinutes !== null && ` ${t('coverage.minutesNote', { min: state.walkMinutes, speed: WALK_METERS_PER_MINUTE })}`}
            {currentWalk && currentWalk.straightLine.demand > 0 && ` ${t('coverage.straightLineDemand', { n: currentWalk.straightLine.demand.toLocaleString('en-US') })}`}
            {currentWalk && currentWalk.straightLine.sites > 0 && ` ${t('coverage.straightLineSites', { count: currentWalk.straightLine.sites })}`}
          </p>
          <fieldset className="sweeps-inline">
            <legend>{t('coverage.mapView')}</legend>
            {(['reach', 'areas'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="coverage-map-view" data-testid={`coverage-map-${v}`} checked={state.mapView === v} onChange={() => set({ mapView: v })} /> {t(`coverage.mapViews.${v}`)}
              </label>
            ))}
          </fieldset>
          {state.mapView === 'reach' ? (
            <p className="sweeps-note" data-testid="coverage-map-note">
              {walk ? t('coverage.mapWalk', { side: CATCHMENT_SIDE_METERS }) : t('coverage.mapStraight', { m: state.radiusMeters })}
            </p>
          ) : (
            <figure className="density-key" data-testid="coverage-areas-key">
              <figcaption>{t('coverage.areasKey', { m: state.radiusMeters })}</figcaption>
              <ol>
                {COVERAGE_SHARE_BREAKS.map((b, k) => (
                  <li key={b}>
                    <span className="density-swatch" style={{ background: PALETTE.coverageShareRamp[k] }} aria-hidden="true" />
                    {`${Math.round(b * 100)}–${Math.round((COVERAGE_SHARE_BREAKS[k + 1] ?? 1) * 100)}%`}
                  </li>
                ))}
              </ol>
            </figure>
          )}
          <p className="sweeps-note">{t(residents ? 'coverage.assumptionsResidents' : state.demand === 'aggregates' ? 'coverage.assumptionsAggregates' : 'coverage.assumptions', { label: TRACT_POPULATION_LABEL })}</p>
          <table className="sweeps-table" data-testid="coverage-table">
            <caption>{t('coverage.tableCaption', { m: state.radiusMeters })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.neighborhood')}</th>
                <th scope="col">{t(residents ? 'coverage.residents' : 'coverage.requests')}</th>
                <th scope="col">{t('coverage.covered')}</th>
                <th scope="col">{t('coverage.share')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.byArea.map((a) => (
                <tr key={a.name}>
                  <td>{a.name}</td>
                  <td>{a.total.toLocaleString('en-US')}</td>
                  <td>{a.covered.toLocaleString('en-US')}</td>
                  <td>{pct(a.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!areaOf && <p className="sweeps-note">{t('coverage.areasLoading')}</p>}
          <button type="button" onClick={exportTable} data-testid="coverage-export-table">
            {t('coverage.exportTable')}
          </button>{' '}
          <button type="button" onClick={exportTableGeoJson} disabled={!placeAreas} data-testid="coverage-export-table-geojson">
            {t('coverage.exportTableGeoJson')}
          </button>

          {equity && !residents && (
            <p data-testid="coverage-parks">
              {t('coverage.parks', { covered: equity.covered, total: equity.total, share: pct(equity.share), m: state.radiusMeters })} {t('coverage.schools')}
            </p>
          )}
          {parks.failed && <p className="sweeps-note">{t('coverage.parksFailed')}</p>}

          <table className="sweeps-table" data-testid="coverage-gaps">
            <caption>{t('coverage.gapsCaption', { m: GAP_CELL_METERS })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('coverage.gapWhere')}</th>
                <th scope="col">{t(residents ? 'coverage.gapResidents' : 'coverage.gapCount')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g, i) => (
                <tr key={g.cellId} data-testid="coverage-gap">
                  <td>{i + 1}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => map?.fitBounds([[g.bounds[0], g.bounds[1]], [g.bounds[2], g.bounds[3]]], { padding: 40, maxZoom: 16 })} aria-label={t('coverage.gapZoom', { n: i + 1 })}>
                      {place?.describe([g.center[0], g.center[1]])?.text ?? `${g.center[1].toFixed(4)}, ${g.center[0].toFixed(4)}`}
                    </button>
                  </td>
                  <td>{g.weight.toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>{t('coverage.propose')}</h3>
          <CoverageCandidates control={pick} gains={shownLockedGains} residents={residents} describe={place ? (p) => place.describe([p[0], p[1]])?.text ?? null : null} />
          <label className="sweeps-row">
            {t('coverage.k')}
            <input type="number" min={0} max={MAX_K} data-testid="coverage-k" value={state.k} onChange={(e) => set({ k: Math.max(0, Math.min(MAX_K, Math.round(Number(e.target.value) || 0))) })} />
          </label>
          {state.k > 0 && !current && <p role="status">{progressFor('propose') ?? t('coverage.proposing')}</p>}
          {current && (
            <div data-testid="coverage-proposal">
              <p role="status" data-testid="coverage-after">
                {t('coverage.after', {
                  before: pct(coverage.share),
                  after: pct(current.result.totalWeight > 0 ? (current.result.chosen.at(-1)?.covered ?? current.result.existingCovered) / current.result.totalWeight : 0),
                  k: current.result.chosen.length,
                })}{' '}
                {t('coverage.bound', { ratio: pct(current.result.upperBound > 0 ? (current.result.chosen.at(-1)?.covered ?? current.result.existingCovered) / current.result.upperBound : 1) })}
              </p>
              <ol className="coverage-proposed" data-testid="coverage-proposed">
                {current.result.chosen.map((c, i) => {
                  const p = current.candidates[c.index]!.lngLat;
                  return (
                    <li key={c.index} data-testid="coverage-proposed-site">
                      <button type="button" className="link-button" onClick={() => map?.easeTo({ center: p, zoom: Math.max(map.getZoom(), 15) })}>
                        {place?.describe(p)?.text ?? `${p[1].toFixed(5)}, ${p[0].toFixed(5)}`}
                      </button>{' '}
                      <ProposedSiteActions control={pick} lngLat={p} n={i + 1} />{' '}
                      {t(residents ? 'coverage.gainResidents' : 'coverage.gain', { gain: c.gain.toLocaleString('en-US'), covered: c.covered.toLocaleString('en-US'), n: i + 1 })}
                    </li>
                  );
                })}
              </ol>
              <button type="button" onClick={exportSites} data-testid="coverage-export-sites">
                {t('coverage.exportSites')}
              </button>
            </div>
          )}
          <CoverageReportView input={{ state, demand, coverage, after, lockedGains: shownLockedGains, distanceKind: walk ? 'walking' : 'straight line', supply, control: pick, proposal: current, areaOf, describe: place ? (p) => place.describe([p[0], p[1]])?.text ?? null : null, needles }} />
          <CoverageScenarios current={scenario} />
          {!curveAsked ? (
            <button type="button" data-testid="coverage-curve-button" onClick={() => setCurveAsked(true)}>
              {t('coverage.curveButton', { max: MAX_K })}
            </button>
          ) : !currentCurve ? (
            <p role="status">{progressFor('curve') ?? t('coverage.curveWorking')}</p>
          ) : (
            <BarChart
              testId="coverage-curve"
              title={t('coverage.curveTitle', { m: state.radiusMeters })}
              labels={currentCurve.map((p) => String(p.k))}
              values={currentCurve.map((p) => Math.round((1000 * (p.chosen.at(-1)?.covered ?? p.existingCovered)) / Math.max(1, p.totalWeight)) / 10)}
              unit="%"
              categoryHeader={t('coverage.curveK')}
              toggleLabel={t('sweeps.charts.asTable')}
            />
          )}
        </>
      )}
      <CoverageKioskEffect baseUrl={baseUrl} sites={sites} map={map} />
    </section>
  );
}
