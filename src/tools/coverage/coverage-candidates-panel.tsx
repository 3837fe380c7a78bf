// Candidate sites the planner controls, on screen: import a list (CSV or GeoJSON points, bad rows reported and
// downloadable), choose where candidates come from, lock (always chosen) or exclude (never chosen) a candidate; kept
// in this browser so a reload keeps the imported list.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANDIDATE_SOURCES, loadCandidateChoice, saveCandidateChoice, type CandidateChoice } from '../../datasets/coverage-candidate-store';
import type { LocalStoreWarning } from '../../datasets/local-store';
import { parseCandidateSites } from '../../datasets/parse-candidate-sites';
import { rejectedToCsv } from '../../datasets/rejected-csv';
import type { Rejected } from '../../domain/rejection';
import { ImportReport } from '../../ui/import-report';
import { candidatePool, excludeCandidate, lockCandidate, pinOf, releaseCandidate, replaceImported, type CandidatePool } from './coverage-candidates';
import type { Located } from './coverage-model';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** Imported candidates listed on screen at most (the rest are still candidates). */
const LIST_LIMIT = 200;

/** The planner's candidate choice, the pool it makes with the grid cells, and a way to change it (saved at once). */
export type CandidateControl = {
  choice: CandidateChoice;
  pool: CandidatePool;
  warning: LocalStoreWarning | null;
  update: (change: (c: CandidateChoice) => CandidateChoice) => void;
};

/** The candidate choice kept in localStorage, and the pool of candidates it makes from `grid` (cell centres). */
export function useCoverageCandidates(grid: readonly Located[]): CandidateControl {
  const [{ choice, warning }, setState] = useState(() => loadCandidateChoice(storage()));
  const pool = useMemo(() => candidatePool({ grid, imported: choice.imported, source: choice.source, locked: choice.locked, excluded: choice.excluded }), [grid, choice]);
  const update = (change: (c: CandidateChoice) => CandidateChoice) =>
    setState((s) => {
      const next = change(s.choice);
      return { choice: next, warning: saveCandidateChoice(storage(), next) };
    });
  return { choice, pool, warning, update };
}

const where = (p: readonly [number, number]) => `${p[1].toFixed(5)}, ${p[0].toFixed(5)}`;

type Props = {
  /** The locked sites' gains, in lock order (worked out by the Coverage panel); null: not known yet (walking, before the worker answers). */
  gains: readonly number[] | null;
  control: CandidateControl;
  residents: boolean;
  /** A place's address or street, when known. */
  describe?: ((p: readonly [number, number]) => string | null) | null;
};

type ImportOutcome = { fileName: string; kept: number; rejected: Rejected[]; geo: boolean } | { fileName: string; error: string };

export function CoverageCandidates({ control, gains, residents, describe }: Props) {
  const { t } = useTranslation();
  const { choice, pool, update, warning } = control;
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const label = (p: { name: string | null; lngLat: [number, number] }) => p.name ?? describe?.(p.lngLat) ?? where(p.lngLat);

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setOutcome({ fileName: file.name, error: e instanceof Error ? e.message : String(e) });
      return;
    }
    const parsed = parseCandidateSites(text, file.name);
    if (parsed.rows.length > 0) {
      update((c) => {
        const next = replaceImported(c, parsed.rows, file.name);
        return next.source === 'grid' ? { ...next, source: 'both' } : next;
      });
    }
    setOutcome({ fileName: file.name, kept: parsed.rows.length, rejected: parsed.rejected, geo: /\.(geo)?json$/i.test(file.name) || text.trimStart().startsWith('{') });
  };

  return (
    <section className="sweeps-section coverage-candidates" aria-labelledby="coverage-candidates-heading" data-testid="coverage-candidates">
      <h4 id="coverage-candidates-heading">{t('coverage.candidates.heading')}</h4>
      <fieldset className="sweeps-inline">
        <legend>{t('coverage.candidates.source')}</legend>
        {CANDIDATE_SOURCES.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="coverage-candidate-source"
              data-testid={`coverage-candidates-source-${s}`}
              checked={choice.source === s}
              disabled={s !== 'grid' && choice.imported.length === 0}
              onChange={() => update((c) => ({ ...c, source: s }))}
            />{' '}
            {t(`coverage.candidates.sources.${s}`)}
          </label>
        ))}
      </fieldset>
      <label className="sweeps-row">
        {t('coverage.candidates.import')}
        <input
          type="file"
          accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
          data-testid="coverage-candidates-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <p className="sweeps-note">{t('coverage.candidates.importHelp')}</p>
      {outcome && 'error' in outcome && (
        <p role="alert" className="sweeps-error" data-testid="coverage-candidates-error">
          {t('coverage.candidates.readFailed', { file: outcome.fileName, error: outcome.error })}
        </p>
      )}
      {outcome && 'kept' in outcome && (
        <ImportReport
          summary={t(outcome.kept > 0 ? 'coverage.candidates.imported' : 'coverage.candidates.nothingImported', { kept: outcome.kept, rejected: outcome.rejected.length, file: outcome.fileName })}
          rejected={outcome.rejected}
          describeRejected={(r) => t(outcome.geo ? 'coverage.candidates.rejectedFeature' : 'coverage.candidates.rejectedRow', { line: r.line, field: r.field || '—', reason: r.reason })}
          rejectedFile={{ name: `${outcome.fileName.replace(/\.[^.]*$/, '')}-rejected.csv`, content: rejectedToCsv(outcome.rejected), mimeType: 'text/csv' }}
          downloadLabel={t('coverage.candidates.downloadRejected', { count: outcome.rejected.length })}
          testIdPrefix="coverage-candidates"
        />
      )}
      {warning && <p className="sweeps-note">{t('coverage.candidates.storageWarning', { detail: warning.detail })}</p>}
      {choice.imported.length > 0 && (
        <details data-testid="coverage-candidates-imported">
          <summary>{t('coverage.candidates.list', { count: choice.imported.length, file: choice.fileName ?? '' })}</summary>
          <ul className="sweeps-imports">
            {choice.imported.slice(0, LIST_LIMIT).map((c) => {
              const pin = pinOf(c.lngLat, choice.imported);
              const locked = choice.locked.some((p) => p.key === pin.key);
              const excluded = choice.excluded.some((p) => p.key === pin.key);
              return (
                <li key={pin.key} data-testid="coverage-candidate" data-name={c.name}>
                  {c.name}
                  {c.address ? ` · ${c.address}` : ''}{' '}
                  <button type="button" aria-pressed={locked} aria-label={t('coverage.candidates.lockNamed', { name: c.name })} data-testid="coverage-candidate-lock" onClick={() => update((x) => (locked ? releaseCandidate(x, pin.key) : lockCandidate(x, pin)))}>
                    {t('coverage.candidates.lock')}
                  </button>{' '}
                  <button type="button" aria-pressed={excluded} aria-label={t('coverage.candidates.excludeNamed', { name: c.name })} data-testid="coverage-candidate-exclude" onClick={() => update((x) => (excluded ? releaseCandidate(x, pin.key) : excludeCandidate(x, pin)))}>
                    {t('coverage.candidates.exclude')}
                  </button>
                </li>
              );
            })}
          </ul>
          {choice.imported.length > LIST_LIMIT && <p className="sweeps-note">{t('coverage.candidates.listLimit', { shown: LIST_LIMIT })}</p>}
          <button type="button" data-testid="coverage-candidates-forget" onClick={() => update((c) => replaceImported(c, null, null))}>
            {t('coverage.candidates.forget')}
          </button>
        </details>
      )}
      {choice.source !== 'grid' && pool.candidates.length === 0 && <p className="sweeps-note">{t('coverage.candidates.none')}</p>}
      {choice.locked.length > 0 && (
        <>
          <h5>{t('coverage.candidates.lockedHeading')}</h5>
          <ul className="sweeps-imports" data-testid="coverage-locked">
            {choice.locked.map((p, i) => (
              <li key={p.key} data-testid="coverage-locked-site">
                {gains ? t(residents ? 'coverage.candidates.lockedGainResidents' : 'coverage.candidates.lockedGain', { name: label(p), gain: (gains[i] ?? 0).toLocaleString('en-US') }) : label(p)}{' '}
                <button type="button" aria-label={t('coverage.candidates.unlockNamed', { name: label(p) })} onClick={() => update((x) => releaseCandidate(x, p.key))}>
                  {t('coverage.candidates.unlock')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {choice.excluded.length > 0 && (
        <>
          <h5>{t('coverage.candidates.excludedHeading')}</h5>
          <ul className="sweeps-imports" data-testid="coverage-excluded">
            {choice.excluded.map((p) => (
              <li key={p.key} data-testid="coverage-excluded-site">
                {label(p)}{' '}
                <button type="button" aria-label={t('coverage.candidates.allowNamed', { name: label(p) })} onClick={() => update((x) => releaseCandidate(x, p.key))}>
                  {t('coverage.candidates.allow')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Beside a proposed site: its imported name (when it has one), and buttons to lock or exclude it. */
export function ProposedSiteActions({ control, lngLat, n }: { control: CandidateControl; lngLat: readonly [number, number]; n: number }) {
  const { t } = useTranslation();
  const pin = pinOf(lngLat, control.choice.imported);
  return (
    <span className="coverage-proposed-actions">
      {pin.name && <strong data-testid="coverage-proposed-name">{pin.name} </strong>}
      <button type="button" data-testid="coverage-proposed-lock" aria-label={t('coverage.candidates.lockProposed', { n })} onClick={() => control.update((c) => lockCandidate(c, pin))}>
        {t('coverage.candidates.lock')}
      </button>{' '}
      <button type="button" data-testid="coverage-proposed-exclude" aria-label={t('coverage.candidates.excludeProposed', { n })} onClick={() => control.update((c) => excludeCandidate(c, pin))}>
        {t('coverage.candidates.exclude')}
      </button>
    </span>
  );
}
