// Save, name and compare Coverage scenarios side by side (coverage, sites, per-neighbourhood change), kept in this
// browser (localStorage) and exportable as JSON.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareScenarios, loadScenarios, saveScenarios, type CoverageScenario } from '../../datasets/coverage-scenario-store';
import { downloadFile } from '../../ui/download';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** `current`: the scenario on screen now (null while it is being worked out). */
export function CoverageScenarios({ current }: { current: Omit<CoverageScenario, 'name' | 'savedAt'> | null }) {
  const { t } = useTranslation();
  const [{ scenarios, warning }, setLoaded] = useState(() => loadScenarios(storage()));
  const [name, setName] = useState('');
  const [a, setA] = useState(0);
  const [b, setB] = useState(1);
  const write = (next: CoverageScenario[]) => setLoaded({ scenarios: next, warning: saveScenarios(storage(), next) });
  const share = (s: CoverageScenario) => (s.total > 0 ? s.covered / s.total : 0);
  const A = scenarios[a];
  const B = scenarios[b];
  return (
    <section className="sweeps-section" aria-labelledby="coverage-scenarios-heading" data-testid="coverage-scenarios">
      <h3 id="coverage-scenarios-heading">{t('coverage.scenarios.heading')}</h3>
      <form
        className="sweeps-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!current || name.trim() === '') return;
          write([...scenarios, { ...current, name: name.trim().slice(0, 80), savedAt: new Date().toISOString() }]);
          setName('');
        }}
      >
        <label>
          {t('coverage.scenarios.name')}
          <input data-testid="coverage-scenario-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" data-testid="coverage-scenario-save" disabled={!current || name.trim() === ''}>
          {t('coverage.scenarios.save')}
        </button>
      </form>
      {warning && <p className="sweeps-note">{t('coverage.scenarios.warning', { detail: warning.detail })}</p>}
      {scenarios.length > 0 && (
        <ul className="sweeps-imports" data-testid="coverage-scenario-list">
          {scenarios.map((s, i) => (
            <li key={`${s.name}-${s.savedAt}`}>
              {t('coverage.scenarios.item', { name: s.name, share: pct(share(s)), k: s.proposed.length, m: s.settings.radiusMeters })}{' '}
              <button type="button" onClick={() => write(scenarios.filter((_, j) => j !== i))}>
                {t('coverage.scenarios.delete', { name: s.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {scenarios.length >= 2 && A && B && (
        <>
          <div className="sweeps-row">
            <ScenarioChoice label={t('coverage.scenarios.a')} testId="coverage-compare-a" scenarios={scenarios} value={a} onChange={setA} />
            <ScenarioChoice label={t('coverage.scenarios.b')} testId="coverage-compare-b" scenarios={scenarios} value={b} onChange={setB} />
          </div>
          <table className="sweeps-table" data-testid="coverage-compare">
            <caption>{t('coverage.scenarios.caption', { a: A.name, b: B.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.neighborhood')}</th>
                <th scope="col">{A.name}</th>
                <th scope="col">{B.name}</th>
                <th scope="col">{t('coverage.scenarios.change')}</th>
              </tr>
            </thead>
            <tbody>
              <tr data-testid="coverage-compare-city">
                <th scope="row">{t('coverage.scenarios.city', { ka: A.proposed.length, kb: B.proposed.length })}</th>
                <td>{pct(share(A))}</td>
                <td>{pct(share(B))}</td>
                <td>{`${share(B) - share(A) >= 0 ? '+' : '−'}${(Math.abs(share(B) - share(A)) * 100).toFixed(1)} pts`}</td>
              </tr>
              {compareScenarios(A, B).map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td>{pct(r.shareA)}</td>
                  <td>{pct(r.shareB)}</td>
                  <td>{`${r.change >= 0 ? '+' : '−'}${(Math.abs(r.change) * 100).toFixed(1)} pts`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {scenarios.length > 0 && (
        <button type="button" data-testid="coverage-scenarios-export" onClick={() => downloadFile({ name: 'coverage-scenarios.json', content: JSON.stringify(scenarios, null, 2), mimeType: 'application/json' })}>
          {t('coverage.scenarios.export')}
        </button>
      )}
    </section>
  );
}

/** A select of the saved scenarios by name (its value is the scenario's position in the list). */
function ScenarioChoice(props: { label: string; testId: string; scenarios: readonly CoverageScenario[]; value: number; onChange: (i: number) => void }) {
  return (
    <label>
      {props.label}
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))}>
        {props.scenarios.map((s, i) => (
          <option key={i} value={i}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
