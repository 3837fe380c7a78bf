// Where and when needles are reported in the window: requests by month, day of week and hour of day (each chart with a
// table for screen readers), the hotspot cells against the previous window of the same length (click to zoom), and
// the counts per neighbourhood.
import { useTranslation } from 'react-i18next';
import type { HotspotCell } from '../../geo/hotspots';
import { WEEKDAY_KEYS, type HourCounts, type MonthCount, type NeighborhoodCount } from '../../geo/needle-stats';
import { BarChart } from '../../ui/bar-chart';
import { CELL_SIZES_METERS, type SweepsState } from './sweeps-state';

export type SweepsStats = {
  byMonth: MonthCount[];
  byWeekday: number[];
  byHour: HourCounts;
  hotspots: HotspotCell[];
  byNeighborhood: NeighborhoodCount[];
  previous: { from: string; to: string };
};


type Props = {
  stats: SweepsStats;
  cellMeters: number;
  setCellMeters: (m: number) => void;
  mapView: SweepsState['mapView'];
  setMapView: (v: SweepsState['mapView']) => void;
  /** Whether the neighbourhood counts are by the City's outlines (else by the 311 records' own field). */
  byOutlines: boolean;
  /** Frames a cell's bounds [w, s, e, n] on the map. */
  zoomTo: (bounds: [number, number, number, number]) => void;
};

export function SweepsCharts({ stats, cellMeters, setCellMeters, mapView, setMapView, byOutlines, zoomTo }: Props) {
  const { t } = useTranslation();
  const hours = stats.byHour.hours;
  const common = { unit: t('sweeps.charts.requests'), toggleLabel: t('sweeps.charts.asTable') };
  return (
    <section className="sweeps-section" aria-labelledby="sweeps-charts-heading" data-testid="sweeps-charts">
      <h3 id="sweeps-charts-heading">{t('sweeps.charts.heading')}</h3>
      <BarChart {...common} testId="sweeps-chart-month" title={t('sweeps.charts.byMonth')} labels={stats.byMonth.map((m) => m.month)} values={stats.byMonth.map((m) => m.count)} categoryHeader={t('sweeps.charts.month')} />
      <BarChart
        {...common}
        testId="sweeps-chart-weekday"
        title={t('sweeps.charts.byWeekday')}
        labels={WEEKDAY_KEYS.map((d) => t(`sweeps.charts.weekdays.${d}`))}
        values={stats.byWeekday}
        categoryHeader={t('sweeps.charts.weekday')}
      />
      <BarChart {...common} testId="sweeps-chart-hour" title={t('sweeps.charts.byHour')} labels={hours.map((_, h) => String(h).padStart(2, '0'))} values={hours} categoryHeader={t('sweeps.charts.hour')} />
      {stats.byHour.unknown > 0 && <p className="sweeps-note" data-testid="sweeps-hour-unknown">{t('sweeps.charts.hourUnknown', { count: stats.byHour.unknown })}</p>}

      <h3>{t('sweeps.hotspots.heading')}</h3>
      <fieldset className="sweeps-inline">
        <legend>{t('sweeps.hotspots.mapView')}</legend>
        <label>
          <input type="radio" name="sweeps-map-view" data-testid="sweeps-map-cells" checked={mapView === 'cells'} onChange={() => setMapView('cells')} /> {t('sweeps.hotspots.mapCells')}
        </label>
        <label>
          <input type="radio" name="sweeps-map-view" data-testid="sweeps-map-neighborhoods" checked={mapView === 'neighborhoods'} onChange={() => setMapView('neighborhoods')} />{' '}
          {t('sweeps.hotspots.mapNeighborhoods')}
        </label>
      </fieldset>
      <label>
        {t('sweeps.hotspots.cellSize')}
        <select data-testid="sweeps-cell-size" value={cellMeters} onChange={(e) => setCellMeters(Number(e.target.value))}>
          {CELL_SIZES_METERS.map((m) => (
            <option key={m} value={m}>
              {t('sweeps.hotspots.meters', { m })}
            </option>
          ))}
        </select>
      </label>
      <table className="sweeps-table" data-testid="sweeps-hotspots">
        <caption>{t('sweeps.hotspots.caption', { m: cellMeters, from: stats.previous.from, to: stats.previous.to })}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('sweeps.hotspots.where')}</th>
            <th scope="col">{t('sweeps.hotspots.count')}</th>
            <th scope="col">{t('sweeps.hotspots.change')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.hotspots.map((c, i) => (
            <tr key={c.cellId} data-testid="sweeps-hotspot">
              <td>{i + 1}</td>
              <td>
                <button type="button" className="link-button" onClick={() => zoomTo(c.bounds)} aria-label={t('sweeps.hotspots.zoom', { n: i + 1 })}>
                  {c.center[1].toFixed(4)}, {c.center[0].toFixed(4)}
                </button>
              </td>
              <td>{c.count}</td>
              <td>{formatChange(c.change, c.changePct)}</td>
            </tr>
          ))}
          {stats.hotspots.length === 0 && (
            <tr>
              <td colSpan={4}>{t('sweeps.hotspots.none')}</td>
            </tr>
          )}
        </tbody>
      </table>

      <table className="sweeps-table" data-testid="sweeps-neighborhoods">
        <caption>{t(byOutlines ? 'sweeps.neighborhoods.captionOutlines' : 'sweeps.neighborhoods.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sweeps.neighborhoods.name')}</th>
            <th scope="col">{t('sweeps.hotspots.count')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.byNeighborhood.map((n) => (
            <tr key={n.neighborhood ?? '(unknown)'}>
              <td>{n.neighborhood ?? t('sweeps.neighborhoods.unknown')}</td>
              <td>{n.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "+12 (+40%)", "-3 (-20%)", "+5 (new)" when the previous window had none. */
export function formatChange(change: number, changePct: number | null): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const pct = changePct === null ? (change > 0 ? ' (new)' : '') : ` (${changePct > 0 ? '+' : changePct < 0 ? '−' : '±'}${Math.abs(Math.round(changePct))}%)`;
  return `${sign}${Math.abs(change)}${pct}`;
}
