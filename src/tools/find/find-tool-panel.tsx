// The Find tab: where am I (search, pasted coordinates, map tap or long-press, my location), what I need, filters, and
// the nearest places by walk — list and map in step, with directions, a share link and a printable pocket list.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openStateAt } from '../../domain/opening-hours';
import { buildFindPointOverlay, buildFindResultsOverlay, buildFindRouteOverlay, FIND_RESULT_CLICK_LAYER_ID } from '../../map/layers/find-layers';
import { SITE_CLICK_LAYER_IDS } from '../../map/layers/site-layers';
import type { OverlaySpec } from '../../map/overlay';
import type { MapClick, ToolPanelProps } from '../../ui/tool-contract';
import type { PhoneService } from '../../domain/phone-service';
import type { SiteFeature } from '../../domain/site';
import { FoundNeedle, Results } from './find-answers';
import { usePlaceFiles } from '../../ui/use-place-files';
import { findData, type FindData } from './find-data';
import { mapAppFor } from './find-links';
import { MiniMap } from '../../ui/mini-map';
import { findNearestByWalk, languagesOf, needOf, siteFilter, splitByRange, type FindResult } from './find-results';
import { PlaceSearchBox } from '../../ui/place-search-box';
import { findSuggestions, type FindPrecision } from './find-search';
import {
  effectiveEveryone,
  FIND_QUESTIONS,
  formatPoint,
  setEveryone,
  setLanguage,
  setOpen247,
  setOpenNow,
  setPoint,
  setQuestion,
  setWheelchair,
  type FindState,
} from './find-state';

/** From the app: where the data files are, and the sites and phone lines it has loaded for the map (null: still loading). */
export type FindPanelExtra = { baseUrl: string; sites: readonly SiteFeature[] | null; phones: PhoneService[] };


/** Picks a listed place from a map tap; returns whether the tap was on one. */
type ListedTap = (siteId: string) => boolean;


const CLICKABLE_PLACES = new Set<string>([FIND_RESULT_CLICK_LAYER_ID, ...SITE_CLICK_LAYER_IDS]);

/** The site id a tap landed on (a numbered result or a site marker), or null. */
function tappedSiteId(click: MapClick): string | null {
  if (click.gesture !== 'tap') return null;
  const hit = click.features.find((f) => CLICKABLE_PLACES.has(f.layerId));
  const id = hit?.properties.id;
  return typeof id === 'string' ? id : null;
}

export function FindToolPanel({ map, state, update, shell, baseUrl, sites, phones }: ToolPanelProps<FindState, FindPanelExtra>) {
  const { t } = useTranslation();
  const loaded = usePlaceFiles(baseUrl);
  const files = loaded.status === 'ready' ? loaded.files : null;
  const data = useMemo(() => (files && sites ? findData(files, sites, phones) : null), [files, sites, phones]);
  const { claimMap, setOverlays } = shell;
  const latest = useRef(update);
  latest.current = update;
  const listedTap = useRef<ListedTap | null>(null);
  // While the tab is open a tap on a listed place selects it; any other tap, or a long-press anywhere, sets the search
  // point. Leaving the tab gives the map back.
  useEffect(() => {
    claimMap((click) => {
      const id = tappedSiteId(click);
      if (id !== null && listedTap.current?.(id)) return;
      latest.current((s) => setPoint(s, click.lngLat));
    });
    return () => claimMap(null);
  }, [claimMap]);

  return (
    <section className="find-panel" data-testid="find-panel" aria-labelledby="find-heading">
      <h2 id="find-heading">{t('find.heading')}</h2>
      <fieldset className="find-questions no-print">
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
      {data && <FindReady map={map} data={data} state={state} update={update} setOverlays={setOverlays} listedTap={listedTap} />}
    </section>
  );
}

type ReadyProps = {
  map: ToolPanelProps<FindState>['map'];
  data: FindData;
  state: FindState;
  update: ToolPanelProps<FindState>['update'];
  setOverlays: (overlays: readonly OverlaySpec[]) => void;
  listedTap: React.RefObject<ListedTap | null>;
};

function FindReady({ map, data, state, update, setOverlays, listedTap }: ReadyProps) {
  const { t } = useTranslation();
  const [placeLabel, setPlaceLabel] = useState<{ point: string; label: string } | null>(null);
  const [geoMessage, setGeoMessage] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [revealId, setRevealId] = useState<string | null>(null);
  const [shareMessage, setShareMessage] = useState<string | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const mapApp = useMemo(() => mapAppFor(navigator.userAgent), []);
  const suggest = useCallback((text: string) => findSuggestions(data.geocoder, text), [data.geocoder]);
  // "Now" is read again whenever the question changes, so "open now" is never stale by more than one interaction.
  const now = useMemo(() => new Date(), [state.point, state.question, state.openNow, state.open247, state.everyone]); // eslint-disable-line react-hooks/exhaustive-deps
  const openStates = useMemo(() => new Map(data.sites.map((s) => [s.id, openStateAt(s.openingHours, now)])), [data.sites, now]);
  const languages = useMemo(() => languagesOf(data.sites), [data.sites]);

  const area = useMemo(() => (state.point ? data.areaAt(state.point) : null), [data, state.point]);
  const inBoston = area?.kind === 'neighborhood';
  const everyone = effectiveEveryone(state, inBoston);
  const keep = useMemo(
    () => siteFilter({ openNow: state.openNow, open247: state.open247, everyone, language: state.language, wheelchair: state.wheelchair }, (s) => openStates.get(s.id)),
    [state.openNow, state.open247, everyone, state.language, state.wheelchair, openStates],
  );
  const needle = state.question === 'found-needle';
  const activeFilters = [
    state.openNow && t('find.openNow'),
    state.open247 && t('find.open247'),
    everyone && t('find.everyone'),
    state.wheelchair && t('find.wheelchairShort'),
    state.language,
  ].filter((f): f is string => typeof f === 'string' && f !== '');
  const results = useMemo<FindResult[]>(() => {
    if (!state.point) return [];
    // A found needle: the nearest disposal point only, for someone who can carry it safely; hours do not filter it.
    const needleKeep = siteFilter({ openNow: false, open247: false, everyone, language: null, wheelchair: false }, () => undefined);
    return findNearestByWalk(data.sites, data.network, { point: state.point, need: needOf(state.question), keep: needle ? needleKeep : keep, limit: needle ? 1 : 5 });
  }, [data, state.point, state.question, needle, everyone, keep]);
  const selected = results.find((r) => r.site.id === selectedId);

  // Map taps on a listed place select it in the list.
  const listedIds = useMemo(() => new Set(results.map((r) => r.site.id)), [results]);
  useEffect(() => {
    listedTap.current = (id) => {
      if (!listedIds.has(id)) return false;
      setSelectedId(id);
      setRevealId(id);
      return true;
    };
    return () => {
      listedTap.current = null;
    };
  }, [listedIds, listedTap]);

  useEffect(() => {
    const overlays: OverlaySpec[] = [];
    if (selected) overlays.push(buildFindRouteOverlay(selected.route.path, selected.route.approximate));
    if (results.length > 0) overlays.push(buildFindResultsOverlay(results.map((r) => ({ id: r.site.id, lngLat: r.site.lngLat })), selected?.site.id ?? null));
    if (state.point) overlays.push(buildFindPointOverlay(state.point));
    setOverlays(overlays);
  }, [selected, results, state.point, setOverlays]);
  useEffect(() => () => setOverlays([]), [setOverlays]);

  // A new search point (or need) brings the point and the nearest places into view; a filter change does not move the map.
  const framed = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !state.point || results.length === 0) return;
    const key = `${formatPoint(state.point)}|${state.question}`;
    if (framed.current === key) return;
    framed.current = key;
    const { near } = splitByRange(results);
    const shown = (near.length > 0 ? near.slice(0, 3) : results.slice(0, 1)).map((r) => r.site.lngLat);
    const lngs = [state.point[0], ...shown.map((p) => p[0])];
    const lats = [state.point[1], ...shown.map((p) => p[1])];
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    map.fitBounds(
      [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ],
      { padding: 48, maxZoom: 16, animate: !reduceMotion, duration: 600 },
    );
  }, [map, state.point, state.question, results]);

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

  const share = async () => {
    const url = window.location.href;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: t('find.heading'), url });
        return;
      } catch {
        // Cancelled or refused: fall back to copying.
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setShareMessage(t('find.linkCopied'));
    } catch {
      setShareMessage(t('find.linkCopyFailed', { url }));
    }
  };

  const pointText = state.point ? formatPoint(state.point) : null;
  const nearby = useMemo(() => (state.point ? data.describe(state.point) : null), [data, state.point]);
  let where: string | null = null;
  if (state.point) {
    if (placeLabel && placeLabel.point === pointText) where = `${placeLabel.label} (${pointText})`;
    else if (nearby) where = `${t('find.near', { place: nearby.text })} (${pointText})`;
    else where = area ? `${area.name} (${pointText})` : pointText;
  }
  const listProps = {
    openStates,
    selectedId: selected?.site.id ?? null,
    onSelect: (id: string) => {
      setSelectedId(id);
      setRevealId(null);
    },
    mapApp,
    revealId,
  };

  return (
    <>
      <div className="no-print">
        <PlaceSearchBox<FindPrecision>
          suggest={suggest}
          label={t('find.searchLabel')}
          placeholder={t('find.searchPlaceholder')}
          listLabel={t('find.suggestions')}
          precisionText={(p) => t(`find.precision.${p}`)}
          testIdPrefix="find"
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
      </div>
      {where === null ? (
        <p className="find-prompt" data-testid="find-prompt">
          {t('find.prompt')}
        </p>
      ) : (
        <>
          <div className="print-only find-print-header">
            <p>{t('find.printFrom', { where })}</p>
            <p>{t('find.printedOn', { date: now.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' }) })}</p>
            {state.point && (
              <MiniMap className="find-mini-map" point={state.point} places={results.map((r, i) => ({ rank: i + 1, lngLat: r.site.lngLat }))} label={t('find.miniMapLabel')} />
            )}
          </div>
          {needle ? <FoundNeedle where={where} nearest={results[0]} {...listProps} /> : <Results results={results} phones={data.phones} {...listProps} />}
        </>
      )}
      {!needle && (
        <details className="find-filters no-print" data-testid="find-filters" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
          <summary>{t('find.filtersSummary', { active: activeFilters.length > 0 ? activeFilters.join(', ') : t('find.noFilters') })}</summary>
          <fieldset>
            <legend className="visually-hidden">{t('find.filters')}</legend>
            <label>
              <input type="checkbox" data-testid="find-open-now" checked={state.openNow} onChange={(e) => update((s) => setOpenNow(s, e.target.checked))} />
              {t('find.openNow')}
            </label>
            <label>
              <input type="checkbox" data-testid="find-open-247" checked={state.open247} onChange={(e) => update((s) => setOpen247(s, e.target.checked))} />
              {t('find.open247')}
            </label>
            <label>
              <input type="checkbox" data-testid="find-everyone" checked={everyone} onChange={(e) => update((s) => setEveryone(s, e.target.checked))} />
              {t('find.everyone')}
            </label>
            {state.everyone === null && everyone && <p className="find-hint">{t('find.everyoneDefault')}</p>}
            <label>
              <input type="checkbox" data-testid="find-wheelchair" checked={state.wheelchair} onChange={(e) => update((s) => setWheelchair(s, e.target.checked))} />
              {t('find.wheelchairOnly')}
            </label>
            <label className="find-language">
              {t('find.language')}
              <select data-testid="find-language" value={state.language ?? ''} onChange={(e) => update((s) => setLanguage(s, e.target.value === '' ? null : e.target.value))}>
                <option value="">{t('find.anyLanguage')}</option>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
                {state.language !== null && !languages.includes(state.language) && <option value={state.language}>{state.language}</option>}
              </select>
            </label>
          </fieldset>
        </details>
      )}
      {where !== null && (
        <>
          <p className="find-share no-print">
            <button type="button" data-testid="find-share" onClick={() => void share()}>
              {t('find.share')}
            </button>{' '}
            <button type="button" data-testid="find-print" onClick={() => window.print()}>
              {t('find.print')}
            </button>
          </p>
          <p className="find-hint no-print">{t('find.shareNote')}</p>
          {shareMessage && (
            <p role="status" data-testid="find-share-message">
              {shareMessage}
            </p>
          )}
        </>
      )}
    </>
  );
}
