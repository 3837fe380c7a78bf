// One place in Find's list: what it is, how far on foot, open or not (Boston time), who may use it, where, how to reach
// it, what it offers and when its facts were last confirmed.
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatBostonTime } from '../../domain/boston-time';
import { formatIsoDate } from '../../domain/calendar-day';
import type { OpenState } from '../../domain/opening-hours';
import type { CoordPrecision } from '../../domain/site';
import { phoneParts } from '../../domain/phone-service';
import { KindIcon } from './find-kind-icon';
import { directionsHref, type MapApp } from './find-links';
import { eligibilityClass, type FindResult } from './find-results';

/** Location precisions that place a marker on the building itself: no note needed. */
const PRECISE: ReadonlySet<CoordPrecision> = new Set<CoordPrecision>(['address-point', 'pinned']);

/** "Open now · until Fri 5:00 PM", "Closed · opens Mon 9:00 AM", "Open 24/7", "Hours not published". */
export function openText(t: TFunction, open: OpenState | undefined, lang: string): { text: string; cls: 'open' | 'closed' | 'unknown' } {
  if (open?.state === 'open') return { cls: 'open', text: open.nextChange ? `${t('detail.openNow')} · ${t('detail.until', { time: formatBostonTime(open.nextChange, lang) })}` : t('detail.alwaysOpen') };
  if (open?.state === 'closed') return { cls: 'closed', text: open.nextChange ? `${t('detail.closedNow')} · ${t('detail.opensAt', { time: formatBostonTime(open.nextChange, lang) })}` : t('detail.closedNow') };
  return { cls: 'unknown', text: t('detail.hoursNotPublished') };
}

/** A walking distance as people say it: tens of metres under 1 km, else km with one decimal. */
export function formatWalkDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters / 10) * 10} m` : `${(meters / 1000).toFixed(1)} km`;
}

type ItemProps = {
  result: FindResult;
  /** 1-based place in the list, as numbered on the map. */
  rank: number;
  openState: OpenState | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
  mapApp: MapApp;
};

export const ResultItem = forwardRef<HTMLLIElement, ItemProps>(function ResultItem({ result, rank, openState, selected, onSelect, mapApp }, ref) {
  const { t, i18n } = useTranslation();
  const { site, route } = result;
  const minutes = Math.max(1, Math.round(route.walkMinutes));
  const walk = `${route.approximate ? `${t('find.approx')} ` : ''}${t('find.walk', { minutes, distance: formatWalkDistance(route.distanceMeters) })}`;
  const open = openText(t, openState, i18n.language);
  const elig = eligibilityClass(site.eligibility);
  return (
    <li ref={ref} className={`find-result${selected ? ' selected' : ''}`} data-testid="find-result" data-site-id={site.id} value={rank}>
      <div className="find-result-head">
        <KindIcon kind={site.kind} layer={site.layer} />
        <button type="button" className="find-result-name" aria-pressed={selected} data-testid="find-result-select" onClick={() => onSelect(site.id)}>
          <span data-testid="find-result-name">{site.name}</span>
        </button>
      </div>
      <p className="find-result-meta">
        {t(`legend.kinds.${site.kind}`)} · <span data-testid="find-result-walk">{walk}</span>
      </p>
      <p className={`open-state open-state-${open.cls}`} data-testid="find-result-open">
        {open.text}
      </p>
      <p className={`find-eligibility find-eligibility-${elig}`} data-testid="find-result-eligibility">
        <span className="find-eligibility-class">{t(`find.eligibility.${elig}`)}</span>
        {site.eligibility ? ` ${site.eligibility}` : ''}
      </p>
      <p data-testid="find-result-address">{site.address ? `${site.address}, ${site.city}` : site.city}</p>
      {!PRECISE.has(site.coordPrecision) && (
        <p className="find-precision" data-testid="find-result-precision">
          {t('find.placedApprox', { precision: t(`detail.precisions.${site.coordPrecision}`) })}
        </p>
      )}
      <p className="find-result-links">
        {site.phone &&
          phoneParts(site.phone).map((p) => (
            <a key={p.dial} className="find-tel" href={`tel:${p.dial}`}>
              {p.label}
            </a>
          ))}
        <a className="find-directions no-print" data-testid="find-result-directions" href={directionsHref(site.lngLat, site.name, mapApp)} target="_blank" rel="noopener noreferrer">
          {t('find.directions')}
        </a>
      </p>
      {site.services.length > 0 && (
        <p className="find-services" data-testid="find-result-services">
          <span className="find-label">{t('find.services')}</span> {site.services.join(' · ')}
        </p>
      )}
      {site.languages.length > 0 && (
        <p data-testid="find-result-languages">
          <span className="find-label">{t('find.languages')}</span> {site.languages.join(', ')}
        </p>
      )}
      {site.wheelchair && (
        <p data-testid="find-result-wheelchair">
          <span className="find-label">{t('find.wheelchair')}</span> {t(`find.wheelchairAccess.${site.wheelchair}`)}
        </p>
      )}
      <p className="find-verified" data-testid="find-result-verified">
        {t('find.lastConfirmed', { date: formatIsoDate(site.lastVerified, i18n.language) })}
      </p>
    </li>
  );
});
