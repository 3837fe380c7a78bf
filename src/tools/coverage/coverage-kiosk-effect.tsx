// Coverage tab, "Kiosk effect": 311 requests near a kiosk in the N months before and after its install month, against the citywide trend.
import { useEffect, useMemo, useState } from 'react';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { DATA_FILES, SERVICE_AREA_BBOX } from '../../config/city';
import { loadNeedleAggregates, type NeedleAggregates } from '../../datasets/needle-aggregates';
import type { SiteFeature, SiteKind } from '../../domain/site';
import { installDateFromNote, installMonthOf, kioskEffect, monthIndex, type KioskEffect, type KioskEffectMonth } from '../../geo/kiosk-effect';

const RADII_METERS = [200, 400, 800] as const;
const WINDOW_MONTHS = [3, 6, 12] as const;
/** The sites a planner may measure: the places that take used needles. */
const KIOSK_KINDS: readonly SiteKind[] = ['disposal-kiosk', 'drop-off', 'syringe-service-program', 'pharmacy'];
const [WEST, SOUTH, EAST, NORTH] = SERVICE_AREA_BBOX;

export type CoverageKioskEffectProps = { baseUrl: string; sites: readonly SiteFeature[]; map: MaplibreMap | null };

const fmt = (n: number | null) => (n === null ? '' : n.toLocaleString('en-US'));
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%`;

/** A typed coordinate inside [min, max], or null. */
function coordinate(text: string, min: number, max: number): number | null {
  if (text.trim() === '') return null;
  const x = Number(text);
  return Number.isFinite(x) && x >= min && x <= max ? x : null;
}

/** Collapsed until opened; the monthly counts file loads the first time it is opened. */
export function CoverageKioskEffect({ baseUrl, sites, map }: CoverageKioskEffectProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [agg, setAgg] = useState<NeedleAggregates | { error: string } | null>(null);
  useEffect(() => {
    if (!open || agg) return;
    let live = true;
    loadNeedleAggregates(new URL(DATA_FILES.needleAggregates, baseUrl).toString()).then(
      (a) => live && setAgg(a),
      (e: unknown) => live && setAgg({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [open, agg, baseUrl]);

  const candidates = useMemo(() => sites.filter((s) => KIOSK_KINDS.includes(s.properties.kind)), [sites]);
  const [siteId, setSiteId] = useState('');
  const [latText, setLatText] = useState('');
  const [lngText, setLngText] = useState('');
  const [dateText, setDateText] = useState('');
  const [noteDate, setNoteDate] = useState<string | null>(null);
  const [radiusMeters, setRadiusMeters] = useState<number>(400);
  const [months, setMonths] = useState<number>(6);

  const chooseSite = (id: string) => {
    setSiteId(id);
    const site = candidates.find((s) => s.properties.id === id);
    if (!site) return;
    const [lng = NaN, lat = NaN] = site.geometry.coordinates;
    setLngText(lng.toFixed(6));
    setLatText(lat.toFixed(6));
    const fromNote = installDateFromNote(site.properties.hoursNote);
    setDateText(fromNote ?? '');
    setNoteDate(fromNote);
  };
  const typeCoordinate = (set: (s: string) => void) => (value: string) => {
    set(value);
    setSiteId('');
  };
  const useMapCentre = () => {
    if (!map) return;
    const c = map.getCenter();
    setLngText(c.lng.toFixed(6));
    setLatText(c.lat.toFixed(6));
    setSiteId('');
  };

  const lat = coordinate(latText, SOUTH, NORTH);
  const lng = coordinate(lngText, WEST, EAST);
  const install = useMemo(() => installMonthOf(dateText), [dateText]);
  const data = agg && !('error' in agg) ? agg : null;
  const effect = useMemo<KioskEffect | null>(
    () => (data && lat !== null && lng !== null && install && 'month' in install ? kioskEffect(data, { lngLat: [lng, lat], installMonth: install.month, radiusMeters, months }) : null),
    [data, lat, lng, install, radiusMeters, months],
  );

  /** Why there is no comparison to show, or null when there is one. */
  const problem = (): string | null => {
    if (!data) return null;
    if (latText.trim() !== '' && lat === null) return t('coverage.kioskEffect.badLat', { min: SOUTH, max: NORTH });
    if (lngText.trim() !== '' && lng === null) return t('coverage.kioskEffect.badLng', { min: WEST, max: EAST });
    if (lat === null || lng === null) return t('coverage.kioskEffect.noPoint');
    if (dateText.trim() === '') return t('coverage.kioskEffect.noDate');
    if (!install) return t('coverage.kioskEffect.badDate', { text: dateText.trim() });
    const range = { first: data.firstMonth, last: data.lastMonth };
    if ('year' in install) {
      if (install.year * 12 + 11 < monthIndex(data.firstMonth)) return t('coverage.kioskEffect.yearBefore', { year: install.year, ...range });
      if (install.year * 12 > monthIndex(data.lastMonth)) return t('coverage.kioskEffect.yearAfter', { year: install.year, ...range });
      return t('coverage.kioskEffect.yearOnly', { year: install.year });
    }
    if (!effect) return null;
    if (effect.monthsBefore === 0) return t('coverage.kioskEffect.noBefore', { n: months, month: effect.installMonth, ...range });
    if (effect.monthsAfter === 0) return t('coverage.kioskEffect.noAfter', { n: months, month: effect.installMonth, ...range });
    return null;
  };
  const message = problem();
  const shown = effect && !message ? effect : null;

  const monthRow = (r: KioskEffectMonth, side: 'before' | 'after') => (
    <tr key={r.month} data-testid="coverage-kiosk-month" data-month={r.month} data-side={side}>
      <td>{r.month}</td>
      <td>{t(`coverage.kioskEffect.${side}`)}</td>
      {r.available ? (
        <>
          <td>{fmt(r.local)}</td>
          <td>{fmt(r.citywide)}</td>
        </>
      ) : (
        <td colSpan={2}>{t('coverage.kioskEffect.notInData')}</td>
      )}
    </tr>
  );

  return (
    <details className="sweeps-section sweeps-left-out" data-testid="coverage-kiosk" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="coverage-kiosk-summary">{t('coverage.kioskEffect.summary')}</summary>
      {!agg ? (
        open && <p role="status">{t('coverage.kioskEffect.loading')}</p>
      ) : 'error' in agg ? (
        <p role="alert" className="sweeps-error">
          {t('coverage.kioskEffect.failed', { error: agg.error })}
        </p>
      ) : (
        <>
          <p className="sweeps-note">{t('coverage.kioskEffect.intro', { first: agg.firstMonth, last: agg.lastMonth })}</p>
          <div className="sweeps-row">
            {/* Long site names: the list takes the panel's width, never more. */}
            <label style={{ flex: '1 1 100%', minWidth: 0 }}>
              {t('coverage.kioskEffect.site')}
              <select data-testid="coverage-kiosk-site" value={siteId} style={{ width: '100%' }} onChange={(e) => chooseSite(e.target.value)}>
                <option value="">{t('coverage.kioskEffect.typed')}</option>
                {candidates.map((s) => (
                  <option key={s.properties.id} value={s.properties.id}>
                    {s.properties.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="sweeps-row">
            <label>
              {t('coverage.kioskEffect.lat')}
              <input data-testid="coverage-kiosk-lat" inputMode="decimal" autoComplete="off" value={latText} onChange={(e) => typeCoordinate(setLatText)(e.target.value)} />
            </label>
            <label>
              {t('coverage.kioskEffect.lng')}
              <input data-testid="coverage-kiosk-lng" inputMode="decimal" autoComplete="off" value={lngText} onChange={(e) => typeCoordinate(setLngText)(e.target.value)} />
            </label>
            <button type="button" data-testid="coverage-kiosk-centre" disabled={!map} onClick={useMapCentre}>
              {t('coverage.kioskEffect.mapCentre')}
            </button>
          </div>
          <div className="sweeps-row">
            <label>
              {t('coverage.kioskEffect.date')}
              <input
                data-testid="coverage-kiosk-date"
                autoComplete="off"
                value={dateText}
                onChange={(e) => {
                  setDateText(e.target.value);
                  setNoteDate(null);
                }}
              />
            </label>
          </div>
          {noteDate && siteId && <p className="sweeps-note">{t('coverage.kioskEffect.fromNote', { date: noteDate })}</p>}
          <fieldset className="sweeps-inline">
            <legend>{t('coverage.kioskEffect.radius')}</legend>
            {RADII_METERS.map((r) => (
              <label key={r}>
                <input type="radio" name="coverage-kiosk-radius" data-testid={`coverage-kiosk-radius-${r}`} checked={radiusMeters === r} onChange={() => setRadiusMeters(r)} /> {t('coverage.meters', { m: r })}
              </label>
            ))}
          </fieldset>
          <fieldset className="sweeps-inline">
            <legend>{t('coverage.kioskEffect.months')}</legend>
            {WINDOW_MONTHS.map((n) => (
              <label key={n}>
                <input type="radio" name="coverage-kiosk-months" data-testid={`coverage-kiosk-months-${n}`} checked={months === n} onChange={() => setMonths(n)} /> {t('coverage.kioskEffect.monthsN', { n })}
              </label>
            ))}
          </fieldset>

          <div data-testid="coverage-kiosk-result">
            {message && (
              <p role="status" data-testid="coverage-kiosk-message">
                {message}
              </p>
            )}
            {shown && (
              <>
                {(shown.monthsBefore < months || shown.monthsAfter < months) && (
                  <p className="sweeps-note" data-testid="coverage-kiosk-clipped">
                    {t('coverage.kioskEffect.clipped', { before: shown.monthsBefore, after: shown.monthsAfter, n: months, first: agg.firstMonth, last: agg.lastMonth })}
                  </p>
                )}
                <table className="sweeps-table" data-testid="coverage-kiosk-totals">
                  <caption>{t('coverage.kioskEffect.totalsCaption', { month: shown.installMonth, n: months })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('coverage.kioskEffect.side')}</th>
                      <th scope="col">{t('coverage.kioskEffect.monthsIn')}</th>
                      <th scope="col">{t('coverage.kioskEffect.local', { m: shown.radiusMeters })}</th>
                      <th scope="col">{t('coverage.kioskEffect.citywide')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">{t('coverage.kioskEffect.before')}</th>
                      <td>{shown.monthsBefore}</td>
                      <td data-testid="coverage-kiosk-local-before">{fmt(shown.localBefore)}</td>
                      <td data-testid="coverage-kiosk-city-before">{fmt(shown.citywideBefore)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{t('coverage.kioskEffect.after')}</th>
                      <td>{shown.monthsAfter}</td>
                      <td data-testid="coverage-kiosk-local-after">{fmt(shown.localAfter)}</td>
                      <td data-testid="coverage-kiosk-city-after">{fmt(shown.citywideAfter)}</td>
                    </tr>
                    <tr>
                      <th scope="row">{t('coverage.kioskEffect.change')}</th>
                      <td />
                      <td data-testid="coverage-kiosk-local-change">{shown.localChange === null ? t('coverage.kioskEffect.notComputable') : signedPct(shown.localChange)}</td>
                      <td data-testid="coverage-kiosk-city-change">{shown.citywideChange === null ? t('coverage.kioskEffect.notComputable') : signedPct(shown.citywideChange)}</td>
                    </tr>
                  </tbody>
                </table>
                <p role="status" data-testid="coverage-kiosk-relative">
                  {shown.relativeRatio === null
                    ? t('coverage.kioskEffect.relativeNone')
                    : t('coverage.kioskEffect.relative', { ratio: shown.relativeRatio.toFixed(2), pct: signedPct(shown.relativeRatio - 1) })}
                </p>
                <p className="sweeps-note">{t('coverage.kioskEffect.cells', { cells: shown.cellsWithin, m: shown.radiusMeters })}</p>
                <table className="sweeps-table" data-testid="coverage-kiosk-table">
                  <caption>{t('coverage.kioskEffect.tableCaption', { m: shown.radiusMeters })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('coverage.kioskEffect.month')}</th>
                      <th scope="col">{t('coverage.kioskEffect.side')}</th>
                      <th scope="col">{t('coverage.kioskEffect.local', { m: shown.radiusMeters })}</th>
                      <th scope="col">{t('coverage.kioskEffect.citywide')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.before.map((r) => monthRow(r, 'before'))}
                    {shown.after.map((r) => monthRow(r, 'after'))}
                  </tbody>
                </table>
              </>
            )}
          </div>
          <p className="sweeps-note">{t('coverage.kioskEffect.caveat')}</p>
        </>
      )}
    </details>
  );
}
