// Detail panel for a clicked site or 311 request; unknown facts are said to be unknown, never left blank.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBostonTime } from '../domain/boston-time';
import type { NeedleRequest } from '../domain/needle-request';
import type { SiteProperties } from '../domain/site';
import type { OpenState } from '../domain/opening-hours';
import type { ZoneProperties } from '../domain/zone';

type Props =
  | {
      kind: 'site';
      site: SiteProperties;
      /** Other sites drawn at the same spot (their markers overlap). */
      alsoHere: { id: string; name: string }[];
      onSelectSite: (id: string) => void;
      onClose: () => void;
    }
  | { kind: 'needle'; request: NeedleRequest; onClose: () => void }
  | { kind: 'zone'; zone: ZoneProperties; onClose: () => void };

/** Loads the opening_hours parser only when a site with hours is shown (it is large). */
function useOpenState(openingHours: string | null): OpenState | null {
  const [state, setState] = useState<OpenState | null>(null);
  useEffect(() => {
    let live = true;
    if (openingHours === null) {
      setState({ state: 'unknown', reason: 'not-published' });
      return;
    }
    setState(null);
    void import('../domain/opening-hours').then((m) => live && setState(m.openStateAt(openingHours, new Date())));
    return () => {
      live = false;
    };
  }, [openingHours]);
  return state;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function isUrl(s: string): boolean {
  return /^https?:\/\//.test(s);
}

function SiteDetails({ site }: { site: SiteProperties }) {
  const { t, i18n } = useTranslation();
  const open = useOpenState(site.openingHours);
  const time = (d: Date) => formatBostonTime(d, i18n.language);
  let openText = '';
  let openClass = 'unknown';
  if (open?.state === 'open') {
    openClass = 'open';
    openText = open.nextChange ? `${t('detail.openNow')} · ${t('detail.until', { time: time(open.nextChange) })}` : t('detail.alwaysOpen');
  } else if (open?.state === 'closed') {
    openClass = 'closed';
    openText = open.nextChange ? `${t('detail.closedNow')} · ${t('detail.opensAt', { time: time(open.nextChange) })}` : t('detail.closedNow');
  } else if (open?.state === 'unknown') {
    openText = site.openingHours === null ? t('detail.hoursNotPublished') : t('detail.hoursUnknownNow');
  }
  return (
    <>
      <p className="detail-kind">{t(`legend.kinds.${site.kind}`)}</p>
      {open && (
        <p className={`open-state open-state-${openClass}`} data-testid="open-state">
          {openText}
        </p>
      )}
      <dl>
        <Row label={t('detail.address')}>{site.address ? `${site.address}, ${site.city}` : `${t('detail.unknown')} (${site.city})`}</Row>
        <Row label={t('detail.hours')}>
          {site.openingHours ?? t('detail.hoursNotPublished')}
          {site.hoursNote && <div className="hint">{site.hoursNote}</div>}
        </Row>
        <Row label={t('detail.phone')}>{site.phone ? <a href={`tel:${site.phone.replace(/[^0-9+]/g, '')}`}>{site.phone}</a> : t('detail.phoneNotPublished')}</Row>
        {site.services.length > 0 && (
          <Row label={t('detail.services')}>
            <ul className="inline-list">{site.services.map((s) => <li key={s}>{s}</li>)}</ul>
          </Row>
        )}
        {site.languages.length > 0 && <Row label={t('detail.languages')}>{site.languages.join(', ')}</Row>}
        {site.eligibility && <Row label={t('detail.eligibility')}>{site.eligibility}</Row>}
        <Row label={t('detail.precision')}>{t(`detail.precisions.${site.coordPrecision}`)}</Row>
        <Row label={t('detail.source')}>
          {isUrl(site.source) ? (
            <a href={site.source} target="_blank" rel="noreferrer noopener">
              {new URL(site.source).hostname}
            </a>
          ) : (
            site.source
          )}
        </Row>
        <Row label={t('detail.lastVerified')}>{site.lastVerified}</Row>
      </dl>
    </>
  );
}

function NeedleDetails({ request }: { request: NeedleRequest }) {
  const { t } = useTranslation();
  const missing = t('detail.notInExtract');
  return (
    <dl>
      <Row label={t('detail.caseId')}>{request.caseId ?? missing}</Row>
      <Row label={t('detail.opened')}>{request.openedDate}</Row>
      <Row label={t('detail.closed')}>{request.closedDate ?? (request.status === 'open' ? '—' : missing)}</Row>
      <Row label={t('detail.status')}>{t(`legend.statuses.${request.status}`)}</Row>
      {request.closureReason && <Row label={t('detail.closureReason')}>{request.closureReason}</Row>}
      <Row label={t('detail.neighborhood')}>{request.neighborhood ?? missing}</Row>
      <Row label={t('detail.location')}>{request.street ?? missing}</Row>
      <Row label={t('detail.dataset')}>{request.dataset}</Row>
    </dl>
  );
}

function ZoneDetails({ zone }: { zone: ZoneProperties }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="detail-kind">{t('detail.zoneKind')}</p>
      {zone.approximate && <p className="hint">{t('detail.zoneApproximate')}</p>}
      <dl>
        <Row label={t('detail.team')}>{zone.team || t('detail.unknown')}</Row>
        {zone.notes && <Row label={t('detail.notes')}>{zone.notes}</Row>}
        <Row label={t('detail.source')}>{zone.source}</Row>
      </dl>
    </>
  );
}

export function DetailPanel(props: Props) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  const title = props.kind === 'site' ? props.site.name : props.kind === 'zone' ? props.zone.name : t('detail.needleTitle');
  const key =
    props.kind === 'site'
      ? props.site.id
      : props.kind === 'zone'
        ? `zone-${props.zone.id}`
        : `${props.request.openedDate}-${props.request.coordinates.join(',')}`;
  useEffect(() => {
    closeRef.current?.focus({ preventScroll: true });
  }, [key]);
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="detail-panel" data-testid="detail-panel" aria-labelledby="detail-title">
      <header>
        <h2 id="detail-title" data-testid="detail-title">{title}</h2>
        <button ref={closeRef} type="button" className="icon-button" aria-label={t('detail.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {props.kind === 'site' && <SiteDetails site={props.site} />}
      {props.kind === 'needle' && <NeedleDetails request={props.request} />}
      {props.kind === 'zone' && <ZoneDetails zone={props.zone} />}
      {props.kind === 'site' && props.alsoHere.length > 0 && (
        <div className="also-here" data-testid="also-here">
          <h3>{t('detail.alsoHere')}</h3>
          <ul>
            {props.alsoHere.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => props.onSelectSite(s.id)}>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
