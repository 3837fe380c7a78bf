// The sweep's settings: which requests become stops (the filtered ones, those in the map's view, or in an outreach
// zone), where it starts and ends, walking or driving, minutes per stop, the shift, and hotspot cells as extra stops.
import { useTranslation } from 'react-i18next';
import type { SiteFeature } from '../../domain/site';
import type { ZoneFeature } from '../../domain/zone';
import { SWEEP_MODES, withPlanInput, type SweepsState } from './sweeps-state';

type Props = {
  state: SweepsState;
  update: (f: (s: SweepsState) => SweepsState) => void;
  sites: readonly SiteFeature[];
  zones: readonly ZoneFeature[];
  /** The map's view [w, s, e, n] now, for "in the map's view". */
  viewBbox: () => [number, number, number, number] | null;
  /** What the next map click sets: the start, a stop added by hand, or nothing. */
  picking: 'start' | 'stop' | null;
  setPicking: (p: 'start' | 'stop' | null) => void;
  stopCount: number;
  /** Starts drawing the area on the map (null while the map is not ready); `drawing` while a drawing is under way. */
  drawArea: (() => void) | null;
  drawing: boolean;
};

export function SweepsPlanForm({ state, update, sites, zones, viewBbox, picking, setPicking, stopCount, drawArea, drawing }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<SweepsState>) => update((s) => withPlanInput(s, patch));
  const areaValue = state.area.kind === 'zone' ? `zone:${state.area.zoneId}` : state.area.kind;
  const startValue = state.start.kind === 'site' ? `site:${state.start.siteId}` : state.start.kind;
  const number = (v: string, min: number, max: number, fallback: number) => {
    const n = Math.round(Number(v));
    return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
  };
  return (
    <div className="sweeps-form" data-testid="sweeps-plan-form">
      <label>
        {t('sweeps.plan.area')}
        <select
          data-testid="sweeps-area"
          value={areaValue}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'all') set({ area: { kind: 'all' } });
            else if (v === 'view') {
              const bbox = viewBbox();
              if (bbox) set({ area: { kind: 'view', bbox } });
            } else if (v === 'polygon') drawArea?.();
            else if (v.startsWith('zone:')) set({ area: { kind: 'zone', zoneId: v.slice(5) } });
          }}
        >
          <option value="all">{t('sweeps.plan.areaAll')}</option>
          <option value="view">{t('sweeps.plan.areaView')}</option>
          <option value="polygon">{state.area.kind === 'polygon' ? t('sweeps.plan.areaDrawn') : t('sweeps.plan.areaDraw')}</option>
          {zones.map((z) => (
            <option key={z.properties.id} value={`zone:${z.properties.id}`}>
              {t('sweeps.plan.areaZone', { name: z.properties.name })}
            </option>
          ))}
        </select>
      </label>
      {drawing && (
        <p className="sweeps-note" role="status" data-testid="sweeps-drawing">
          {t('sweeps.plan.drawHint')}
        </p>
      )}
      {state.area.kind === 'polygon' && !drawing && (
        <button type="button" data-testid="sweeps-redraw" disabled={!drawArea} onClick={() => drawArea?.()}>
          {t('sweeps.plan.areaRedraw')}
        </button>
      )}
      {state.area.kind === 'view' && (
        <button type="button" onClick={() => { const bbox = viewBbox(); if (bbox) set({ area: { kind: 'view', bbox } }); }}>
          {t('sweeps.plan.areaUpdate')}
        </button>
      )}
      <p className="sweeps-note" data-testid="sweeps-stop-count">{t('sweeps.plan.stopCount', { count: stopCount })}</p>
      <button type="button" data-testid="sweeps-add-stop" aria-pressed={picking === 'stop'} onClick={() => setPicking(picking === 'stop' ? null : 'stop')}>
        {t('sweeps.plan.addStop')}
      </button>
      {state.added.length > 0 && <p className="sweeps-note">{t('sweeps.plan.addedCount', { count: state.added.length })}</p>}
      <label>
        {t('sweeps.plan.start')}
        <select
          data-testid="sweeps-start"
          value={startValue}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'first-stop') set({ start: { kind: 'first-stop' } });
            else if (v === 'point') setPicking('start');
            else if (v.startsWith('site:')) set({ start: { kind: 'site', siteId: v.slice(5) } });
          }}
        >
          <option value="first-stop">{t('sweeps.plan.startFirst')}</option>
          <option value="point">{state.start.kind === 'point' ? t('sweeps.plan.startPoint', { lat: state.start.lngLat[1].toFixed(5), lng: state.start.lngLat[0].toFixed(5) }) : t('sweeps.plan.startPick')}</option>
          {sites.map((s) => (
            <option key={s.properties.id} value={`site:${s.properties.id}`}>
              {s.properties.name}
            </option>
          ))}
        </select>
      </label>
      {picking && (
        <p className="sweeps-note" role="status" data-testid="sweeps-picking">
          {t(picking === 'start' ? 'sweeps.plan.pickHint' : 'sweeps.plan.addHint')}{' '}
          <button type="button" onClick={() => setPicking(null)}>
            {t('sweeps.plan.pickCancel')}
          </button>
        </p>
      )}
      <fieldset className="sweeps-inline">
        <legend>{t('sweeps.plan.end')}</legend>
        <label>
          <input type="radio" name="sweeps-end" checked={state.end === 'start'} onChange={() => set({ end: 'start' })} /> {t('sweeps.plan.endStart')}
        </label>
        <label>
          <input type="radio" name="sweeps-end" checked={state.end === 'last-stop'} onChange={() => set({ end: 'last-stop' })} /> {t('sweeps.plan.endLast')}
        </label>
      </fieldset>
      <fieldset className="sweeps-inline">
        <legend>{t('sweeps.plan.mode')}</legend>
        {SWEEP_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="sweeps-mode" data-testid={`sweeps-mode-${m}`} checked={state.mode === m} onChange={() => set({ mode: m })} /> {t(`sweeps.plan.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="sweeps-row">
        <label>
          {t('sweeps.plan.perStop')}
          <input type="number" min={0} max={120} data-testid="sweeps-per-stop" value={state.minutesPerStop} onChange={(e) => set({ minutesPerStop: number(e.target.value, 0, 120, state.minutesPerStop) })} />
        </label>
        <label>
          {t('sweeps.plan.shiftStart')}
          <input type="time" data-testid="sweeps-shift-start" value={state.shiftStart} onChange={(e) => /^\d{2}:\d{2}$/.test(e.target.value) && set({ shiftStart: e.target.value })} />
        </label>
        <label>
          {t('sweeps.plan.shift')}
          <input type="number" min={15} max={1440} step={15} data-testid="sweeps-shift" value={state.shiftMinutes} onChange={(e) => set({ shiftMinutes: number(e.target.value, 15, 1440, state.shiftMinutes) })} />
        </label>
        <label>
          {t('sweeps.plan.hotspotStops')}
          <input type="number" min={0} max={20} data-testid="sweeps-hotspot-stops" value={state.hotspotStops} onChange={(e) => set({ hotspotStops: number(e.target.value, 0, 20, state.hotspotStops) })} />
        </label>
      </div>
    </div>
  );
}
