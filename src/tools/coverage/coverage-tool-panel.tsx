// The Coverage tab (planners): how much of the 311 needle demand is within reach of a disposal point, citywide and per
// neighbourhood, and where K new kiosks would cover the most, with each one's gain, how close to the best that is, and
// exports. Distances are straight lines (great-circle) here, said so on screen.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedleTable } from '../../datasets/needle-table';
import { isoDateFromDay } from '../../domain/calendar-day';
import type { SiteFeature } from '../../domain/site';
import { coverageCurve, selectSites, type CoverageCurvePoint, type SelectSitesResult } from '../../geo/site-selection';
import { BarChart } from '../../ui/bar-chart';
import { useNearPark } from '../../ui/use-near-park';
import { buildCoverageOverlay } from '../../map/layers/coverage-layers';
import { downloadFile } from '../../ui/download';
import type { ToolPanelProps } from '../../ui/tool-contract';
import { usePlaceFiles } from '../../ui/use-place-files';
import { DATA_FILES } from '../../config/city';
import { loadTracts, TRACT_POPULATION_LABEL } from '../../datasets/tracts';
import { tractDemandGrid, type TractDemandPoint } from '../../geo/tract-demand';

/** Spacing of the points residents are spread over inside each tract, metres. */
const RESIDENT_GRID_METERS = 100;
import { candidateSites, demandOf, gapCells, GAP_CELL_METERS, measureCoverage, parkEquity, siteLngLat, supplyOf } from './coverage-model';
import { CoverageScenarios } from './coverage-scenarios';
import { CoverageKioskEffect } from './coverage-kiosk-effect';
import { CoverageCandidates, ProposedSiteActions, useCoverageCandidates } from './coverage-candidates-panel';
import { CoverageReportView } from './coverage-report';
import type { CoverageScenario } from '../../datasets/coverage-scenario-store';
import { COVERAGE_RADII_METERS, COVERAGE_WINDOWS, MAX_K, SUPPLY_KINDS, type CoverageState } from './coverage-state';

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
  const demand = useMemo(() => {
    if (state.demand === 'residents') return tracts && 'points' in tracts ? { points: tracts.points, fromDay: -1, toDay: -1 } : null;
    return needles ? demandOf(needles, state.window) : null;
  }, [state.demand, tracts, needles, state.window]);
  const residents = state.demand === 'residents';
  const supply = useMemo(() => supplyOf(sites, state), [sites, state]);
  const supplyPoints = useMemo(() => supply.map((s) => ({ lngLat: siteLngLat(s) })), [supply]);
  const areaOf = useMemo(() => {
    const areaAt = place?.areaAt;
    if (!areaAt) return null;
    return (p: readonly [number, number]) => {
      const area = areaAt(p);
      return area?.kind === 'neighborhood' ? area.name : null;
    };
  }, [place]);
  const coverage = useMemo(() => (demand ? measureCoverage(demand.points, supplyPoints, state.radiusMeters, areaOf) : null), [demand, supplyPoints, state.radiusMeters, areaOf]);

  // The candidate sites, made once per demand for the proposal and the curve alike.
  const gridCandidates = useMemo(() => (demand ? candidateSites(demand.points) : []), [demand]);
  // The planner's candidates (grid cells, an imported list or both; excluded ones left out) and locked sites, which
  // the search counts as already there.
  const pick = useCoverageCandidates(gridCandidates);
  const candidates = pick.pool.candidates;
  const existingPoints = useMemo(() => [...supplyPoints, ...pick.pool.fixed], [supplyPoints, pick.pool.fixed]);
  // Proposing runs after a paint, so the tab says it is working; it is fast (a few hundred ms at most on Boston's data).
  const [proposal, setProposal] = useState<{ key: string; result: SelectSitesResult; candidates: { lngLat: [number, number] }[] } | null>(null);
  const key = `${state.demand}|${state.window}|${state.radiusMeters}|${state.kinds.join()}|${state.everyone}|${state.k}|${needles?.count ?? 0}|${supply.length}|${pick.pool.signature}`;
  useEffect(() => {
    if (!demand || state.k === 0) {
      setProposal(null);
      return;
    }
    const timer = setTimeout(() => {
      const result = selectSites(demand.points, candidates, existingPoints, { k: state.k, radiusMeters: state.radiusMeters, search: 'restarts', timeBudgetMs: 800, seed: 1 });
      setProposal({ key, result, candidates });
    }, 30);
    return () => clearTimeout(timer);
  }, [demand, candidates, existingPoints, state.k, state.radiusMeters, key]);
  const current = proposal && proposal.key === key ? proposal : null;

  const parks = useNearPark(baseUrl);
  const gaps = useMemo(() => (demand && coverage ? gapCells(demand.points, coverage.flags) : []), [demand, coverage]);
  const equity = useMemo(() => (demand && coverage && parks.nearPark ? parkEquity(demand.points, coverage.flags, parks.nearPark) : null), [demand, coverage, parks.nearPark]);
  // The coverage curve (K = 1..MAX_K) on request: one chain of searches, a second or so.
  const [curve, setCurve] = useState<{ key: string; points: CoverageCurvePoint[] } | null>(null);
  const [curveAsked, setCurveAsked] = useState(false);
  useEffect(() => {
    if (!curveAsked || !demand) return;
    const timer = setTimeout(() => {
      const points = coverageCurve(demand.points, candidates, existingPoints, { radiusMeters: state.radiusMeters, maxK: MAX_K, search: 'local' });
      setCurve({ key, points });
    }, 30);
    return () => clearTimeout(timer);
  }, [curveAsked, demand, candidates, existingPoints, state.radiusMeters, key]);
  const currentCurve = curve && curve.key === key ? curve.points : null;

  // The scenario on screen, for saving: the settings, the coverage with the proposed sites, per neighbourhood.
  const scenario = useMemo((): Omit<CoverageScenario, 'name' | 'savedAt'> | null => {
    if (!demand || !coverage || (state.k > 0 && !current)) return null;
    const proposedSites = current ? current.result.chosen.map((c) => ({ lngLat: current.candidates[c.index]!.lngLat, gain: c.gain })) : [];
    const after = proposedSites.length > 0 ? measureCoverage(demand.points, [...supplyPoints, ...proposedSites], state.radiusMeters, areaOf) : coverage;
    return {
      settings: { window: state.window, radiusMeters: state.radiusMeters, kinds: [...state.kinds], everyone: state.everyone, k: state.k },
      total: after.total,
      covered: after.covered,
      sitesCounted: supply.length,
      byArea: after.byArea.map(({ name, total, covered }) => ({ name, total, covered })),
      proposed: proposedSites,
    };
  }, [demand, coverage, current, supplyPoints, state, areaOf, supply.length]);
  const proposed = useMemo(() => current?.result.chosen.map((c) => current.candidates[c.index]!.lngLat) ?? [], [current]);

  const { setOverlays } = shell;
  useEffect(() => {
    if (!demand || !coverage) return setOverlays([]);
    const uncovered = demand.points.filter((_, i) => !coverage.flags[i]).map((d) => d.lngLat);
    setOverlays([buildCoverageOverlay(supplyPoints.map((s) => s.lngLat), proposed, uncovered, state.radiusMeters)]);
  }, [setOverlays, demand, coverage, supplyPoints, proposed, state.radiusMeters]);
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
        distance: 'straight line (great-circle)',
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

  return (
    <section className="coverage-panel sweeps-panel" data-testid="coverage-panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t('coverage.heading')}</h2>
      <p className="sweeps-intro">{t('coverage.intro')}</p>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.demand')}</legend>
        <label>
          <input type="radio" name="coverage-demand" data-testid="coverage-demand-requests" checked={!residents} onChange={() => set({ demand: 'requests' })} /> {t('coverage.demandRequests')}
        </label>
        <label>
          <input type="radio" name="coverage-demand" data-testid="coverage-demand-residents" checked={residents} onChange={() => set({ demand: 'residents' })} /> {t('coverage.demandResidents', { label: TRACT_POPULATION_LABEL })}
        </label>
      </fieldset>
      {tracts && 'error' in tracts && residents && (
        <p role="alert" className="sweeps-error">
          {t('coverage.tractsFailed', { error: tracts.error })}
        </p>
      )}
      <fieldset className="sweeps-inline" disabled={residents}>
        <legend>{t('coverage.window')}</legend>
        {COVERAGE_WINDOWS.map((w) => (
          <label key={w}>
            <input type="radio" name="coverage-window" data-testid={`coverage-window-${w}`} checked={state.window === w} onChange={() => set({ window: w })} /> {t(`coverage.windows.${w}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.radius')}</legend>
        {COVERAGE_RADII_METERS.map((r) => (
          <label key={r}>
            <input type="radio" name="coverage-radius" data-testid={`coverage-radius-${r}`} checked={state.radiusMeters === r} onChange={() => set({ radiusMeters: r })} /> {t('coverage.meters', { m: r })}
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
      </fieldset>

      {!coverage || !demand ? (
        <p role="status">{t('coverage.loading')}</p>
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
            })}
          </p>
          <p className="sweeps-note">{t(residents ? 'coverage.assumptionsResidents' : 'coverage.assumptions', { label: TRACT_POPULATION_LABEL })}</p>
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
          <CoverageCandidates control={pick} demand={demand.points} supply={supplyPoints} radiusMeters={state.radiusMeters} residents={residents} describe={place ? (p) => place.describe([p[0], p[1]])?.text ?? null : null} />
          <label className="sweeps-row">
            {t('coverage.k')}
            <input type="number" min={0} max={MAX_K} data-testid="coverage-k" value={state.k} onChange={(e) => set({ k: Math.max(0, Math.min(MAX_K, Math.round(Number(e.target.value) || 0))) })} />
          </label>
          {state.k > 0 && !current && <p role="status">{t('coverage.proposing')}</p>}
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
          <CoverageReportView input={{ state, demand, coverage, supply, control: pick, proposal: current, areaOf, describe: place ? (p) => place.describe([p[0], p[1]])?.text ?? null : null, needles }} />
          <CoverageScenarios current={scenario} />
          {!curveAsked ? (
            <button type="button" data-testid="coverage-curve-button" onClick={() => setCurveAsked(true)}>
              {t('coverage.curveButton', { max: MAX_K })}
            </button>
          ) : !currentCurve ? (
            <p role="status">{t('coverage.curveWorking')}</p>
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
