// The Coverage tab's printable one-page report (A4 or Letter): map with legend, figures before and after, the
// neighbourhoods with most demand out of reach, the locked and proposed sites, assumptions and data dates. Printed
// the way Sweeps prints its route sheet (an SVG mini map, print CSS, window.print()); plus the sites as CSV.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedleTable } from '../../datasets/needle-table';
import { TRACT_POPULATION_LABEL } from '../../datasets/tracts';
import { isoDateFromDay } from '../../domain/calendar-day';
import type { SiteFeature } from '../../domain/site';
import type { SelectSitesResult } from '../../geo/site-selection';
import { LEGEND_SWATCHES } from '../../map/palette';
import { downloadFile } from '../../ui/download';
import { MiniMap } from '../../ui/mini-map';
import type { CandidateControl } from './coverage-candidates-panel';
import { measureCoverage, siteLngLat, type Coverage, type Located } from './coverage-model';
import { buildCoverageReport, proposedSitesCsv, type CoverageReportData } from './coverage-report-data';
import type { CoverageState } from './coverage-state';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toLocaleString('en-US');
/** Neighbourhoods the page has room for. */
const TOP_AREAS = 10;
/** Sites the page has room for (the CSV has them all). */
const TOP_SITES = 10;
/** Demand dots drawn at most on the map (an even sample of those out of reach). */
const MAX_DOTS = 2500;

/** The one-page report, from a plain object (see buildCoverageReport). */
export function CoverageReport({ data }: { data: CoverageReportData }) {
  const { t } = useTranslation();
  const s = data.settings;
  const residents = s.demandKind === 'residents';
  const what = residents ? s.demandLabel : t('coverage.report.requests');
  const step = Math.max(1, Math.ceil(data.map.uncovered.length / MAX_DOTS));
  const dots = [
    ...data.map.uncovered.filter((_, i) => i % step === 0).map((lngLat) => ({ lngLat, r: 1.3, fill: LEGEND_SWATCHES.needles })),
    ...data.map.supply.map((lngLat) => ({ lngLat, r: 4.5, fill: LEGEND_SWATCHES.disposal, stroke: '#fff' })),
  ];
  const distance = t(s.distanceKind === 'walking' ? 'coverage.report.walking' : 'coverage.report.straight', { m: s.radiusMeters });
  return (
    <article className="coverage-report" data-testid="coverage-report" aria-labelledby="coverage-report-title">
      <h2 id="coverage-report-title">{data.title}</h2>
      <p className="coverage-report-settings">
        {t('coverage.report.settings', {
          what,
          distance,
          window: s.window ? t('coverage.report.window', { from: s.window.from, to: s.window.to }) : t('coverage.report.noWindow'),
          kinds: s.supplyKinds.map((k) => t(`legend.kinds.${k}`)).join(', '),
          sites: s.sitesCounted,
        })}
        {s.everyone ? ` ${t('coverage.report.everyone')}` : ''}
      </p>
      <div className="coverage-report-map">
        <MiniMap places={data.sites.map((x) => ({ rank: x.rank, lngLat: x.lngLat }))} dots={dots} label={t('coverage.report.mapLabel', { what, m: s.radiusMeters })} width={640} height={380} className="coverage-report-mini-map" />
        <ul className="coverage-report-legend" aria-label={t('coverage.report.legend')}>
          <li>
            <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill={LEGEND_SWATCHES.disposal} /></svg> {t('coverage.report.legendSupply', { count: s.sitesCounted })}
          </li>
          <li>
            <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="#fff" stroke="#111" strokeWidth="2" /></svg> {t('coverage.report.legendSites')}
          </li>
          <li>
            <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="2" fill={LEGEND_SWATCHES.needles} /></svg> {t('coverage.report.legendUncovered', { what, m: s.radiusMeters })}
            {step > 1 ? ` ${t('coverage.report.sampled', { n: step })}` : ''}
          </li>
        </ul>
      </div>
      <p className="coverage-report-figure" data-testid="coverage-report-figure">
        {t('coverage.report.before', { covered: num(data.before.covered), total: num(data.before.total), share: pct(data.before.share), what, m: s.radiusMeters })}{' '}
        {data.after && t('coverage.report.after', { covered: num(data.after.covered), share: pct(data.after.share), n: data.after.newSites })}
      </p>
      <div className="coverage-report-columns">
        <table className="sweeps-table" data-testid="coverage-report-areas">
          <caption>{t('coverage.report.areasCaption', { n: Math.min(TOP_AREAS, data.areas.length), total: data.areas.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverage.neighborhood')}</th>
              <th scope="col">{residents ? t('coverage.residents') : t('coverage.requests')}</th>
              <th scope="col">{t('coverage.report.shareBefore')}</th>
              {data.after && <th scope="col">{t('coverage.report.shareAfter')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.areas.slice(0, TOP_AREAS).map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td>{num(a.total)}</td>
                <td>{pct(a.shareBefore)}</td>
                {data.after && <td>{pct(a.shareAfter)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <h3>{t('coverage.report.sitesHeading')}</h3>
          {data.sites.length === 0 ? (
            <p>{t('coverage.report.noSites')}</p>
          ) : (
            <ol className="coverage-report-sites" data-testid="coverage-report-sites">
              {data.sites.slice(0, TOP_SITES).map((x) => (
                <li key={x.rank}>
                  {[x.name, x.address ?? `${x.lngLat[1].toFixed(5)}, ${x.lngLat[0].toFixed(5)}`].filter(Boolean).join(' · ')}{' '}
                  {t(x.status === 'locked' ? 'coverage.report.lockedGain' : 'coverage.report.gain', { gain: num(x.gain), covered: num(x.covered) })}
                </li>
              ))}
            </ol>
          )}
          {data.sites.length > TOP_SITES && <p>{t('coverage.report.moreSites', { n: data.sites.length - TOP_SITES })}</p>}
        </div>
      </div>
      <h3>{t('coverage.report.assumptionsHeading')}</h3>
      <ul className="coverage-report-assumptions">
        <li>{t('coverage.report.assumeDistance', { distance })}</li>
        <li>{residents ? t('coverage.report.assumeResidents', { label: TRACT_POPULATION_LABEL }) : t('coverage.report.assumeRequests')}</li>
        <li>{t('coverage.report.assumeSearch', { candidates: num(s.candidateCount) })}</li>
        <li>{t('coverage.report.dataDates', { dates: data.dataDates.map((d) => `${d.what}: ${d.date}`).join('; ') })}</li>
      </ul>
      <p className="coverage-report-credit">{t('coverage.report.credit')}</p>
    </article>
  );
}

/** What the panel hands the report view: what it has computed, as it has it. */
export type CoverageReportViewInput = {
  state: CoverageState;
  demand: { points: (Located & { weight: number })[]; fromDay: number; toDay: number };
  coverage: Coverage;
  supply: readonly SiteFeature[];
  control: CandidateControl;
  /** The search's answer (null while it runs or when K is 0) and the candidates it chose from. */
  proposal: { result: SelectSitesResult; candidates: readonly Located[] } | null;
  areaOf: ((p: readonly [number, number]) => string | null) | null;
  describe: ((p: readonly [number, number]) => string | null) | null;
  needles: NeedleTable | null;
  distanceKind?: 'straight line' | 'walking';
  /** Coverage with the locked and proposed sites, as the search measured it (null: none, or not known yet). */
  after?: Coverage | null;
  /** The locked sites' gains, in lock order (worked out by the Coverage panel); null: not known yet (walking, before the worker answers). */
  lockedGains: readonly number[] | null;
};

/** The sites of the plan (locked, then proposed) and the report's content, worked out only when asked for. */
function useReport(input: CoverageReportViewInput, open: boolean) {
  const { state, demand, coverage, supply, control, proposal, areaOf, describe, needles } = input;
  const supplyPoints = useMemo(() => supply.map((s) => ({ lngLat: siteLngLat(s) })), [supply]);
  const fixed = control.pool.fixed;
  const gains = input.lockedGains;
  const named = useMemo(() => {
    if (!proposal) return null;
    const names = new Map(control.choice.imported.map((c) => [`${c.lngLat[0].toFixed(6)},${c.lngLat[1].toFixed(6)}`, c.name]));
    return { result: proposal.result, candidates: proposal.candidates.map((c) => ({ lngLat: c.lngLat, name: names.get(`${c.lngLat[0].toFixed(6)},${c.lngLat[1].toFixed(6)}`) ?? null })) };
  }, [proposal, control.choice.imported]);
  const givenAfter = input.after;
  const coverageAfter = useMemo(() => {
    if (!open) return null;
    if (givenAfter) return givenAfter;
    if (input.distanceKind === 'walking') return null;
    const added = [...fixed, ...(proposal?.result.chosen.map((c) => proposal.candidates[c.index]!) ?? [])];
    return added.length > 0 ? measureCoverage(demand.points, [...supplyPoints, ...added], state.radiusMeters, areaOf) : null;
  }, [open, givenAfter, input.distanceKind, fixed, proposal, demand.points, supplyPoints, state.radiusMeters, areaOf]);
  const residents = state.demand === 'residents';
  const lastVerified = supply.reduce((m, s) => (s.properties.lastVerified > m ? s.properties.lastVerified : m), '');
  const { t } = useTranslation();
  const data = buildCoverageReport({
    title: t('coverage.report.title', { date: new Date().toISOString().slice(0, 10) }),
    settings: {
      demandKind: residents ? 'residents' : 'requests',
      demandLabel: residents ? TRACT_POPULATION_LABEL : '311 Needle Pickup requests',
      window: residents ? null : { from: isoDateFromDay(demand.fromDay), to: isoDateFromDay(demand.toDay) },
      distanceKind: input.distanceKind ?? 'straight line',
      radiusMeters: state.radiusMeters,
      supplyKinds: [...state.kinds],
      everyone: state.everyone,
      sitesCounted: supply.length,
      candidateCount: control.pool.candidates.length,
    },
    demand: demand.points,
    coverage,
    coverageAfter,
    supply: supplyPoints,
    // Locked sites' gains unknown yet (walking, the search still running): listed without them.
    locked: gains ? control.pool.fixed.map((f, i) => ({ lngLat: f.lngLat, name: f.name, gain: gains[i] ?? 0 })) : [],
    proposal: named,
    describe,
    dataDates: [
      ...(needles && needles.count > 0 ? [{ what: t('coverage.report.dateRequests'), date: `${isoDateFromDay(needles.minDay)} – ${isoDateFromDay(needles.maxDay)}` }] : []),
      ...(lastVerified ? [{ what: t('coverage.report.dateSites'), date: lastVerified }] : []),
      ...(residents ? [{ what: t('coverage.report.dateTracts'), date: t('coverage.report.dateTractsValue') }] : []),
    ],
  });
  return data;
}

/**
 * Next to the proposal: the sites as CSV, and the one-page report (shown on screen, printed with the browser's
 * print; only the report prints while it is open).
 */
export function CoverageReportView({ input }: { input: CoverageReportViewInput }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const data = useReport(input, open);
  const pending = input.state.k > 0 && !input.proposal;
  return (
    <div className="coverage-report-view" data-testid="coverage-report-view">
      <div className="sweeps-exports no-print">
        {data.sites.length > 0 && (
          <button type="button" data-testid="coverage-export-sites-csv" disabled={pending} onClick={() => downloadFile({ name: `proposed-kiosks-${input.state.k}.csv`, content: proposedSitesCsv(data.sites), mimeType: 'text/csv' })}>
            {t('coverage.report.exportCsv')}
          </button>
        )}
        <button type="button" data-testid="coverage-report-open" aria-expanded={open} disabled={pending} onClick={() => setOpen((o) => !o)}>
          {open ? t('coverage.report.close') : t('coverage.report.open')}
        </button>
        {open && (
          <button type="button" data-testid="coverage-report-print" onClick={() => print()}>
            {t('coverage.report.print')}
          </button>
        )}
      </div>
      {open && !pending && <CoverageReport data={data} />}
    </div>
  );
}
