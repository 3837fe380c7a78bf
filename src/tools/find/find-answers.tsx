// Find's answers: 3-1-1 for a needle found outside, the list of places (near, then further away), and what to do when
// nothing suitable is within walking range — never an empty list.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenState } from '../../domain/opening-hours';
import { phoneParts, type PhoneService } from '../../domain/phone-service';
import type { MapApp } from './find-links';
import { ResultItem, formatWalkDistance } from './find-result-item';
import { WALK_RANGE_MINUTES, splitByRange, type FindResult } from './find-results';

const BOS311 = { label: '617-635-4500', dial: '6176354500' };

export function Call311() {
  const { t } = useTranslation();
  return (
    <p className="find-311" data-testid="find-311">
      {t('find.report311Before')} <a href="tel:311">3-1-1</a> {t('find.or')} <a href={`tel:${BOS311.dial}`}>{BOS311.label}</a> {t('find.report311After')}
    </p>
  );
}

type ListProps = {
  results: FindResult[];
  openStates: ReadonlyMap<string, OpenState>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  mapApp: MapApp;
  /** The item to scroll into view (a place chosen on the map), or null. */
  revealId: string | null;
};

function ResultList({ results, first, testId, ...props }: ListProps & { first: number; testId: string }) {
  const items = useRef(new Map<string, HTMLLIElement>());
  useEffect(() => {
    if (props.revealId) items.current.get(props.revealId)?.scrollIntoView({ block: 'nearest' });
  }, [props.revealId]);
  return (
    <ol className="find-results" data-testid={testId} start={first}>
      {results.map((r, i) => (
        <ResultItem
          key={r.site.id}
          ref={(el) => {
            if (el) items.current.set(r.site.id, el);
            else items.current.delete(r.site.id);
          }}
          rank={first + i}
          result={r}
          openState={props.openStates.get(r.site.id)}
          selected={props.selectedId === r.site.id}
          onSelect={props.onSelect}
          mapApp={props.mapApp}
        />
      ))}
    </ol>
  );
}

/** 3-1-1 and the phone lines of data/phone-services.csv. */
function PhoneHelp({ phones }: { phones: readonly PhoneService[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Call311 />
      <ul className="find-phones">
        {phones.map((p) => (
          <li key={p.name}>
            {p.name}:{' '}
            {phoneParts(p.phone).map((part, i) => (
              <span key={part.dial}>
                {i > 0 && ` ${t('find.or')} `}
                <a href={`tel:${part.dial}`}>{part.label}</a>
              </span>
            ))}
            {p.hours ? ` (${p.hours})` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The places in walking order. Those within WALK_RANGE_MINUTES come first; when there is none, Find says so and offers
 * 3-1-1 and the phone lines, then still lists the nearest further away.
 */
export function Results(props: ListProps & { phones: readonly PhoneService[] }) {
  const { t } = useTranslation();
  const { near, far } = splitByRange(props.results);
  const nearest = near[0];
  const summary = nearest
    ? t('find.summary', { count: near.length, name: nearest.site.name, minutes: Math.max(1, Math.round(nearest.route.walkMinutes)), distance: formatWalkDistance(nearest.route.distanceMeters) })
    : t('find.noneNear', { minutes: WALK_RANGE_MINUTES });
  return (
    <>
      {/* The live region: announced when the list changes (a new point, question or filter). */}
      <p role="status" aria-live="polite" className="find-count" data-testid="find-summary">
        {summary}
      </p>
      {near.length > 0 && <ResultList {...props} results={near} first={1} testId="find-results" />}
      {near.length === 0 && (
        <div className="find-none" data-testid="find-none">
          <PhoneHelp phones={props.phones} />
        </div>
      )}
      {far.length > 0 && (
        <>
          <h3 className="find-far-heading">{t('find.furtherAway', { minutes: WALK_RANGE_MINUTES })}</h3>
          <ResultList {...props} results={far} first={near.length + 1} testId="find-results-far" />
        </>
      )}
    </>
  );
}

type NeedleProps = Omit<ListProps, 'results'> & { where: string; nearest: FindResult | undefined };

/** "I found a needle outside": 3-1-1 first, the place in words to give, and the nearest disposal point. */
export function FoundNeedle({ where, nearest, ...props }: NeedleProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(where).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="find-needle" data-testid="find-needle">
      <Call311 />
      <p>
        <a href="https://www.boston.gov/departments/boston-311" rel="noopener noreferrer" target="_blank">
          {t('find.onlineRequest')}
        </a>
      </p>
      <p>
        {t('find.locationForDispatcher')} <span data-testid="find-location-text">{where}</span>{' '}
        <button type="button" className="no-print" data-testid="find-copy" onClick={copy}>
          {t('find.copy')}
        </button>{' '}
        <span role="status">{copied ? t('find.copied') : ''}</span>
      </p>
      {nearest && (
        <>
          <h3>{t('find.nearestDisposal')}</h3>
          <ResultList {...props} results={[nearest]} first={1} testId="find-results" />
        </>
      )}
    </div>
  );
}
