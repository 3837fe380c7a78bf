// The Find tab: where am I (search, map click, my location), the question, filters, and the nearest places by walk.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { phoneParts } from '../../domain/phone-service';
import { openStateAt, type OpenState } from '../../domain/opening-hours';
import { buildFindPointOverlay, buildFindRouteOverlay } from '../../map/layers/find-layers';
import type { OverlaySpec } from '../../map/overlay';
import type { ToolPanelProps } from '../../ui/tool-contract';
import type { PhoneService } from '../../domain/phone-service';
import type { SiteFeature } from '../../domain/site';
import { findData, loadFindFiles, type FindData, type FindFiles } from './find-data';
import { eligibilityClass, findNearestByWalk, type FindResult, type FindSite } from './find-results';
import { FindSearchBox } from './find-search-box';
import { FIND_QUESTIONS, formatPoint, setEveryone, setOpenNow, setPoint, setQuestion, type FindState } from './find-state';

/** From the app: where the data files are, and the sites and phone lines it has loaded for the map (null: still loading). */
export type FindPanelExtra = { baseUrl: string; sites: readonly SiteFeature[] | null; phones: PhoneService[] };

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; files: FindFiles };

const BOS311 = { label: '617-635-4500', dial: '6176354500' };

function useFindFiles(baseUrl: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadFindFiles(baseUrl).then(
      (files) => live && setLoaded({ status: 'ready', files }),
      (e: unknown) => live && setLoaded({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [baseUrl]);
  return loaded;
}

export function FindToolPanel({ state, update, shell, baseUrl, sites, phones }: ToolPanelProps<FindState, FindPanelExtra>) {
  const { t } = useTranslation();
  const loaded = useFindFiles(baseUrl);
  const files = loaded.status === 'ready' ? loaded.files : null;
  const data = useMemo(() => (files && sites ? findData(files, sites, phones) : null), [files, sites, phones]);
  const { claimMap, setOverlays } = shell;
  const latest = useRef(update);
  latest.current = update;
  // While the tab is open a click on the map sets the search point; leaving the tab gives the map back.
  useEffect(() => {
    claimMap((click) => latest.current((s) => setPoint(s, click.lngLat)));
    return () => claimMap(null);
  }, [claimMap]);

  return (
    <section className="find-panel" data-testid="find-panel" aria-labelledby="find-heading">
      <h2 id="find-heading">{t('find.heading')}</h2>
      <fieldset className="find-questions">
        <legend>{t('find.questionLegend')}</legend>
        {FIND_QUESTIONS.map((q) => (
          <label key={q} className="find-question">
            <input type="radio" name="find-question" value={q} data-testid={`find-q-${q}`} checked={state.question === q} onChange={() => update((s) => setQuestion(s, q))} />
            {t(`find.questions.${q}`)}
          </label>
        ))}
      </fieldset>
      {(loaded.status === 'loading' || (loaded.status === 'ready' && !data)) && (
        <p role="status" data-testid="find-loading">
          {t('find.loading')}
        </p>
      )}
      {loaded.status === 'error' && (
        <p role="alert" className="find-error" data-testid="find-error">
          {t('find.loadError', { message: loaded.message })}
        </p>
      )}
      {data && <FindReady data={data} state={state} update={update} setOverlays={setOverlays} />}
    </section>
  );
}

type ReadyProps = {
  data: FindData;
  state: FindState;
  update: ToolPanelProps<FindState>['update'];
  setOverlays: (overlays: readonly OverlaySpec[]) => void;
};

function FindReady({ data, state, update, setOverlays }: ReadyProps) {
  const { t } = useTranslation();
  const [placeLabel, setPlaceLabel] = useState<{ point: string; label: string } | null>(null);
  const [geoMessage, setGeoMessage] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const now = useMemo(() => new Date(), [state.point, state.question, state.openNow, state.everyone]); // eslint-disable-line react-hooks/exhaustive-deps

  const openStates = useMemo(() => new Map(data.sites.map((s) => [s.id, openStateAt(s.openingHours, now)])), [data.sites, now]);
  const keep = (everyone: boolean, openNow: boolean) => (site: FindSite) =>
    (!everyone || eligibilityClass(site.eligibility) !== 'restricted') && (!openNow || openStates.get(site.id)?.state === 'open');
  const results = useMemo(
    () => (state.point ? findNearestByWalk(data.sites, data.network, { point: state.point, question: state.question, keep: keep(state.everyone, state.openNow) }) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, state.point, state.question, state.everyone, state.openNow, openStates],
  );
  const nearestDisposal = useMemo(
    () => (state.point && state.question === 'found-needle' ? findNearestByWalk(data.sites, data.network, { point: state.point, question: 'dispose', limit: 1 })[0] : undefined),
    [data, state.point, state.question],
  );
  const selected = results.find((r) => r.site.id === selectedId) ?? (state.question === 'found-needle' && nearestDisposal?.site.id === selectedId ? nearestDisposal : undefined);

  useEffect(() => {
    const overlays: OverlaySpec[] = [];
    if (selected) overlays.push(buildFindRouteOverlay(selected.route.path, selected.route.approximate));
    if (state.point) overlays.push(buildFindPointOverlay(state.point));
    setOverlays(overlays);
  }, [selected, state.point, setOverlays]);
  useEffect(() => () => setOverlays([]), [setOverlays]);

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setGeoMessage(t('find.geoUnavailable'));
      return;
    }
    setGeoMessage(t('find.geoLocating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeoMessage(null);
        update((s) => setPoint(s, [pos.coords.longitude, pos.coords.latitude]));
      },
      (err) => setGeoMessage(err.code === err.PERMISSION_DENIED ? t('find.geoDenied') : t('find.geoUnavailable')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const pointText = state.point ? formatPoint(state.point) : null;
  const nearby = useMemo(() => (state.point ? data.describe(state.point) : null), [data, state.point]);
  let where: string | null = null;
  if (state.point) {
    if (placeLabel && placeLabel.point === pointText) where = `${placeLabel.label} (${pointText})`;
    else if (nearby) where = `${t('find.near', { place: nearby.text })} (${pointText})`;
    else where = pointText;
  }

  return (
    <>
      <FindSearchBox
        geocoder={data.geocoder}
        onPick={(s) => {
          setPlaceLabel({ point: formatPoint(s.lngLat), label: s.label });
          update((st) => setPoint(st, s.lngLat));
        }}
      />
      <p className="find-where-actions">
        <button type="button" data-testid="find-my-location" onClick={useMyLocation}>
          {t('find.myLocation')}
        </button>{' '}
        <span className="find-hint">{t('find.mapHint')}</span>
      </p>
      {geoMessage && (
        <p role="status" data-testid="find-geo-message">
          {geoMessage}
        </p>
      )}
      {state.question !== 'found-needle' && (
        <fieldset className="find-filters">
          <legend>{t('find.filters')}</legend>
          <label>
            <input type="checkbox" data-testid="find-open-now" checked={state.openNow} onChange={(e) => update((s) => setOpenNow(s, e.target.checked))} />
            {t('find.openNow')}
          </label>
          <label>
            <input type="checkbox" data-testid="find-everyone" checked={state.everyone} onChange={(e) => update((s) => setEveryone(s, e.target.checked))} />
            {t('find.everyone')}
          </label>
        </fieldset>
      )}
      {where === null ? (
        <p className="find-prompt" data-testid="find-prompt">
          {t('find.prompt')}
        </p>
      ) : state.question === 'found-needle' ? (
        <FoundNeedle where={where} nearest={nearestDisposal} openState={nearestDisposal ? openStates.get(nearestDisposal.site.id) : undefined} selected={selected?.site.id ?? null} onSelect={setSelectedId} />
      ) : (
        <Results results={results} openStates={openStates} selectedId={selected?.site.id ?? null} onSelect={setSelectedId} phones={data.phones} />
      )}
    </>
  );
}

function Call311() {
  const { t } = useTranslation();
  return (
    <p className="find-311" data-testid="find-311">
      {t('find.report311Before')} <a href="tel:311">3-1-1</a> {t('find.or')} <a href={`tel:${BOS311.dial}`}>{BOS311.label}</a> {t('find.report311After')}
    </p>
  );
}

function FoundNeedle(props: { where: string; nearest: FindResult | undefined; openState: OpenState | undefined; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(props.where).then(
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
        {t('find.locationForDispatcher')} <span data-testid="find-location-text">{props.where}</span>{' '}
        <button type="button" data-testid="find-copy" onClick={copy}>
          {t('find.copy')}
        </button>{' '}
        <span role="status">{copied ? t('find.copied') : ''}</span>
      </p>
      {props.nearest && (
        <>
          <h3>{t('find.nearestDisposal')}</h3>
          <ul className="find-results">
            <ResultItem result={props.nearest} openState={props.openState} selected={props.selected === props.nearest.site.id} onSelect={props.onSelect} />
          </ul>
        </>
      )}
    </div>
  );
}

function Results(props: { results: FindResult[]; openStates: Map<string, OpenState>; selectedId: string | null; onSelect: (id: string) => void; phones: FindData['phones'] }) {
  const { t } = useTranslation();
  if (props.results.length === 0) {
    return (
      <div className="find-none" data-testid="find-none" role="status">
        <p>{t('find.none')}</p>
        <Call311 />
        <ul className="find-phones">
          {props.phones.map((p) => (
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
      </div>
    );
  }
  return (
    <>
      <p role="status" className="find-count">
        {t('find.count', { count: props.results.length })}
      </p>
      <ol className="find-results" data-testid="find-results">
        {props.results.map((r) => (
          <ResultItem key={r.site.id} result={r} openState={props.openStates.get(r.site.id)} selected={props.selectedId === r.site.id} onSelect={props.onSelect} />
        ))}
      </ol>
    </>
  );
}

function openText(t: TFunction, open: OpenState | undefined, lang: string): { text: string; cls: string } {
  const time = (d: Date) => d.toLocaleString(lang, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  if (open?.state === 'open') return { cls: 'open', text: open.nextChange ? `${t('detail.openNow')} · ${t('detail.until', { time: time(open.nextChange) })}` : t('detail.alwaysOpen') };
  if (open?.state === 'closed') return { cls: 'closed', text: open.nextChange ? `${t('detail.closedNow')} · ${t('detail.opensAt', { time: time(open.nextChange) })}` : t('detail.closedNow') };
  return { cls: 'unknown', text: t('detail.hoursNotPublished') };
}

function ResultItem({ result, openState, selected, onSelect }: { result: FindResult; openState: OpenState | undefined; selected: boolean; onSelect: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { site, route } = result;
  const minutes = Math.max(1, Math.round(route.walkMinutes));
  const meters = route.distanceMeters < 1000 ? `${Math.round(route.distanceMeters / 10) * 10} m` : `${(route.distanceMeters / 1000).toFixed(1)} km`;
  const walk = `${route.approximate ? `${t('find.approx')} ` : ''}${t('find.walk', { minutes, distance: meters })}`;
  const open = openText(t, openState, i18n.language);
  const elig = eligibilityClass(site.eligibility);
  return (
    <li className={`find-result${selected ? ' selected' : ''}`} data-testid="find-result" data-site-id={site.id}>
      <button type="button" className="find-result-name" aria-pressed={selected} data-testid="find-result-select" onClick={() => onSelect(site.id)}>
        <span data-testid="find-result-name">{site.name}</span>
      </button>
      <p className="find-result-meta">
        {t(`legend.kinds.${site.kind}`)} · <span data-testid="find-result-walk">{walk}</span>
      </p>
      <p className={`open-state open-state-${open.cls}`}>{open.text}</p>
      <p className={`find-eligibility find-eligibility-${elig}`}>{site.eligibility ?? t('find.eligibilityUnknown')}</p>
      <p>{site.address ? `${site.address}, ${site.city}` : site.city}</p>
      {site.phone &&
        phoneParts(site.phone).map((p) => (
          <a key={p.dial} className="find-tel" href={`tel:${p.dial}`}>
            {p.label}
          </a>
        ))}
    </li>
  );
}
