// The time window and filters of the Sweeps tab: presets (the last 30 days of the data, today, 7/30/90 days, this
// year) or custom dates; status, neighbourhood, ward and source (the last two only where the data publishes them).
import { useTranslation } from 'react-i18next';
import { SWEEP_PRESETS, SWEEP_STATUSES, withPlanInput, type SweepsState } from './sweeps-state';

export type FilterOptions = { neighborhoods: readonly string[]; wards: readonly string[]; sources: readonly string[] };

type Props = {
  state: SweepsState;
  update: (f: (s: SweepsState) => SweepsState) => void;
  options: FilterOptions;
  /** The window in effect, ISO dates, and how many requests pass every filter. */
  window: { from: string; to: string };
  count: number;
  /** The newest request of the data, ISO date (null: no data). */
  dataEnd: string | null;
};

export function SweepsWindow({ state, update, options, window, count, dataEnd }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<SweepsState>) => update((s) => withPlanInput(s, patch));
  return (
    <section className="sweeps-section" aria-labelledby="sweeps-window-heading" data-testid="sweeps-window">
      <h3 id="sweeps-window-heading">{t('sweeps.window.heading')}</h3>
      <div className="sweeps-presets" role="group" aria-label={t('sweeps.window.presets')}>
        {SWEEP_PRESETS.map((p) => (
          <button key={p} type="button" aria-pressed={state.preset === p} data-testid={`sweeps-preset-${p}`} onClick={() => set({ preset: p })}>
            {t(`sweeps.window.preset.${p}`)}
          </button>
        ))}
      </div>
      {state.preset === 'custom' && (
        <div className="sweeps-row">
          <label>
            {t('sweeps.window.from')}
            <input type="date" data-testid="sweeps-from" value={state.from ?? window.from} onChange={(e) => set({ from: e.target.value || null })} />
          </label>
          <label>
            {t('sweeps.window.to')}
            <input type="date" data-testid="sweeps-to" value={state.to ?? window.to} onChange={(e) => set({ to: e.target.value || null })} />
          </label>
        </div>
      )}
      <div className="sweeps-row">
        <label>
          {t('sweeps.window.status')}
          <select data-testid="sweeps-status" value={state.status} onChange={(e) => set({ status: e.target.value as SweepsState['status'] })}>
            {SWEEP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`sweeps.window.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <Choice label={t('sweeps.window.neighborhood')} testId="sweeps-neighborhood" value={state.neighborhood} values={options.neighborhoods} onChange={(neighborhood) => set({ neighborhood })} />
        <Choice label={t('sweeps.window.ward')} testId="sweeps-ward" value={state.ward} values={options.wards} onChange={(ward) => set({ ward })} />
        <Choice label={t('sweeps.window.source')} testId="sweeps-source" value={state.source} values={options.sources} onChange={(source) => set({ source })} />
      </div>
      <p className="sweeps-count" data-testid="sweeps-count" aria-live="polite">
        {t('sweeps.window.count', { count, from: window.from, to: window.to })}
        {dataEnd !== null && dataEnd < window.from && <> {t('sweeps.window.dataEnds', { date: dataEnd })}</>}
      </p>
    </section>
  );
}

/** A select of the values a filter can take ("all" first); disabled, with a note, when the data publishes none. */
function Choice({ label, testId, value, values, onChange }: { label: string; testId: string; value: string | null; values: readonly string[]; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select data-testid={testId} value={value ?? ''} disabled={values.length === 0 && value === null} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{values.length === 0 ? t('sweeps.window.notPublished') : t('sweeps.window.any')}</option>
        {value !== null && !values.includes(value) && <option value={value}>{value}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}
