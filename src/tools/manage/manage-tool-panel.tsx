// The Manage tab: the City's own site list, kept true from the app. Every site with its status and freshness; add,
// edit (hours previewed as words), place on the map, retire and restore, mark verified; undo, reset; export.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bostonWallClock } from '../../domain/boston-time';
import { formatIsoDate } from '../../domain/calendar-day';
import type { Site } from '../../domain/site';
import { addSite, markVerified, retireSite, restoreSite, updateSite, type EffectiveSite, type SiteEditResult, type SiteFieldError } from '../../domain/site-edits';
import type { SiteDiff } from '../../domain/site-diff';
import { isStale, listAsOf } from '../../domain/site-freshness';
import { sitesToCsv } from '../../datasets/site-csv-export';
import { sitesToGeoJson } from '../../datasets/site-geojson';
import { sitesToHsds } from '../../datasets/site-hsds';
import { ConfirmBox } from '../../ui/confirm-box';
import { downloadFile } from '../../ui/download';
import type { SiteEditOp, SitesApi } from '../../ui/sites-api';
import type { ToolPanelProps } from '../../ui/tool-contract';
import type { ManageState } from './manage-state';
import { addDraggablePin } from '../../map/draggable-pin';
import { createGeocoder } from '../../geo/geocoder';
import { usePlaceFiles } from '../../ui/use-place-files';
import { SiteForm } from './site-form';
import { SiteImport } from './site-import';

export type ManagePanelExtra = { sitesApi: SitesApi; baseUrl: string };

/** Today's date on Boston's calendar, YYYY-MM-DD. */
function bostonToday(): string {
  const w = bostonWallClock(new Date());
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

const NEW_SITE = (today: string, center: [number, number]): Site => ({
  id: '',
  name: '',
  kind: 'disposal-kiosk',
  address: null,
  city: 'Boston',
  coordinates: center,
  coordPrecision: 'pinned',
  openingHours: null,
  hoursNote: null,
  phone: null,
  services: [],
  languages: [],
  eligibility: null,
  wheelchair: null,
  source: '',
  lastVerified: today,
});

/**
 * An import preview applied as one change (one undo step): additions (a retired site of the same id is restored and
 * updated), changes, then retirements. Stops at the first site the rules refuse, naming it.
 */
function importOp(diff: SiteDiff, at: string): SiteEditOp {
  return (base, edits) => {
    let next = edits;
    let failed: SiteFieldError[] | null = null;
    const step = (id: string, r: SiteEditResult): boolean => {
      if (!r.ok) {
        failed = r.errors.map((e) => ({ ...e, message: `${id}: ${e.message}` }));
        return false;
      }
      next = r.edits;
      return true;
    };
    for (const site of diff.added) {
      const retired = next[site.id]?.kind === 'retired';
      if (retired) {
        const { id, ...patch } = site;
        if (!step(id, restoreSite(base, next, id, at)) || !step(id, updateSite(base, next, id, patch, at))) break;
      } else if (!step(site.id, addSite(base, next, site, at))) break;
    }
    if (!failed)
      for (const c of diff.changed) {
        const { id, ...patch } = c.after;
        if (!step(id, updateSite(base, next, id, patch, at))) break;
      }
    if (!failed) for (const site of diff.retired) if (!step(site.id, retireSite(base, next, site.id, at))) break;
    return failed ? { ok: false, errors: failed } : { ok: true, edits: next };
  };
}

type Editing = { mode: 'edit'; id: string } | { mode: 'add' } | null;

export function ManageToolPanel({ map, shell, sitesApi, baseUrl }: ToolPanelProps<ManageState, ManagePanelExtra>) {
  const { t, i18n } = useTranslation();
  const { entries, edits } = sitesApi;
  const [editing, setEditing] = useState<Editing>(null);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirmReset, setConfirmReset] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const today = useMemo(() => bostonToday(), []);
  // The offline geocoder for the address field (loaded with Find's place files, once per page).
  const placeFiles = usePlaceFiles(baseUrl);
  const geocoder = useMemo(() => (placeFiles.status === 'ready' ? createGeocoder(placeFiles.files.index) : null), [placeFiles]);
  const suggestAddress = useMemo(() => (geocoder ? (text: string) => geocoder.suggest(text, { limit: 6 }).map((s) => ({ label: s.label, lngLat: s.lngLat, precision: s.precision })) : null), [geocoder]);
  const at = () => new Date().toISOString();

  // While a form is open, a click on the map places the site there (pinned by hand).
  const { claimMap } = shell;
  useEffect(() => {
    if (editing === null) return;
    claimMap((click) => setPicked([click.lngLat[0], click.lngLat[1]]));
    return () => claimMap(null);
  }, [editing, claimMap]);
  // ...and a pin shows where it will be, which can be dragged to move it.
  const pin = useRef<ReturnType<typeof addDraggablePin> | null>(null);
  const editedPoint = editing?.mode === 'edit' ? entries?.find((e) => e.site.id === editing.id)?.site.coordinates : undefined;
  useEffect(() => {
    if (!map || editing === null) return;
    const start = editedPoint ?? [map.getCenter().lng, map.getCenter().lat];
    pin.current = addDraggablePin(map, start, (p) => setPicked(p), t('manage.pinLabel'));
    return () => {
      pin.current?.remove();
      pin.current = null;
    };
    // The pin is made once per form; later moves go through moveTo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, editing]);
  useEffect(() => {
    if (picked) pin.current?.moveTo(picked);
  }, [picked]);

  if (!entries) {
    return (
      <section className="manage-panel" data-testid="manage-panel">
        <h2>{t('manage.heading')}</h2>
        <p role="status">{t('manage.loading')}</p>
      </section>
    );
  }

  const live = entries.filter((e) => e.status !== 'retired').map((e) => e.site);
  const asOf = listAsOf(live);
  const editCount = Object.keys(edits).length;
  const day = (d: string) => formatIsoDate(d, i18n.language);
  const run = (op: Parameters<SitesApi['apply']>[0], done?: string) => {
    const errors = sitesApi.apply(op);
    setStatus(errors ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : (done ?? t('manage.saved')));
    return errors;
  };
  const exportAs = (format: 'csv' | 'geojson' | 'hsds') => {
    const name = `sites-${today}`;
    if (format === 'csv') downloadFile({ name: `${name}.csv`, content: sitesToCsv(live), mimeType: 'text/csv' });
    if (format === 'geojson') downloadFile({ name: `${name}.geojson`, content: `${JSON.stringify(sitesToGeoJson(live), null, 1)}\n`, mimeType: 'application/geo+json' });
    if (format === 'hsds') downloadFile({ name: `${name}.hsds.json`, content: `${JSON.stringify(sitesToHsds(live, { publishedDate: today }), null, 1)}\n`, mimeType: 'application/json' });
  };
  const center = (): [number, number] => {
    const c = map?.getCenter();
    return c ? [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))] : [-71.0589, 42.3601];
  };
  const closeForm = () => {
    setEditing(null);
    setPicked(null);
  };
  const editedSite = editing?.mode === 'edit' ? entries.find((e) => e.site.id === editing.id)?.site : undefined;

  return (
    <section className="manage-panel" data-testid="manage-panel" aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('manage.heading')}</h2>
      <p className="hint">{t('manage.intro')}</p>
      <p data-testid="manage-as-of">{asOf ? t('manage.asOf', { date: day(asOf), count: live.length }) : ''}</p>
      <p data-testid="manage-edited" className={editCount > 0 ? 'manage-edited' : 'hint'}>
        {editCount > 0 ? t('manage.editedLocally', { count: editCount }) : t('manage.noEdits')}
      </p>
      <p className="hint" role="status" data-testid="manage-save-state" data-state={sitesApi.saveState}>
        {t(`manage.saveState.${sitesApi.saveState}`)}
      </p>
      {sitesApi.warning && (
        <p role="alert" className="zones-warning" data-testid="manage-warning">
          {t('manage.storeWarning', { warning: sitesApi.warning })}
        </p>
      )}
      <p className="manage-actions">
        <button type="button" data-testid="manage-undo" disabled={!sitesApi.canUndo} onClick={sitesApi.undo}>
          {t('manage.undo')}
        </button>
        <button type="button" data-testid="manage-redo" disabled={!sitesApi.canRedo} onClick={sitesApi.redo}>
          {t('manage.redo')}
        </button>
        <button type="button" data-testid="manage-add" onClick={() => setEditing({ mode: 'add' })}>
          {t('manage.add')}
        </button>
        <button
          type="button"
          data-testid="manage-verify-selected"
          disabled={selected.size === 0}
          onClick={() => {
            if (!run((base, e) => markVerified(base, e, [...selected], today, at()))) setSelected(new Set());
          }}
        >
          {t('manage.verifySelected')}
        </button>
        {editCount > 0 && (
          <button type="button" data-testid="manage-reset" onClick={() => setConfirmReset(true)}>
            {t('manage.reset')}
          </button>
        )}
      </p>
      {confirmReset && (
        <ConfirmBox
          text={t('manage.resetConfirm')}
          yes={t('manage.resetYes')}
          no={t('manage.cancel')}
          onYes={() => {
            sitesApi.reset();
            setConfirmReset(false);
          }}
          onNo={() => setConfirmReset(false)}
          className="zones-confirm"
          testIds={{ yes: 'manage-reset-yes', no: 'manage-reset-no' }}
        />
      )}
      {status && (
        <p role="status" data-testid="manage-status">
          {status}
        </p>
      )}
      {editing?.mode === 'add' && (
        <SiteForm
          site={NEW_SITE(today, center())}
          isNew
          picked={picked}
          suggestAddress={suggestAddress}
          onPlaced={(p) => pin.current?.moveTo(p)}
          onCancel={closeForm}
          onSave={(site) => {
            const errors = run((base, e) => addSite(base, e, site, at()));
            if (!errors) closeForm();
            return errors;
          }}
        />
      )}
      <details className="manage-import" data-testid="manage-import">
        <summary>{t('manage.importHeading')}</summary>
        <SiteImport current={live} today={today} onApply={(diff) => {
          const errors = sitesApi.apply(importOp(diff, at()));
          return errors ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : null;
        }} />
      </details>
      <details className="manage-export" data-testid="manage-export">
        <summary>{t('manage.export')}</summary>
        <p className="manage-actions">
          <button type="button" data-testid="manage-export-csv" onClick={() => exportAs('csv')}>
            {t('manage.exportCsv')}
          </button>
          <button type="button" data-testid="manage-export-geojson" onClick={() => exportAs('geojson')}>
            {t('manage.exportGeoJson')}
          </button>
          <button type="button" data-testid="manage-export-hsds" onClick={() => exportAs('hsds')}>
            {t('manage.exportHsds')}
          </button>
        </p>
      </details>
      <ul className="manage-list" data-testid="manage-list">
        {entries.map((entry) => (
          <SiteRow
            key={entry.site.id}
            entry={entry}
            stale={isStale(entry.site.lastVerified, today)}
            lastVerified={day(entry.site.lastVerified)}
            checked={selected.has(entry.site.id)}
            onCheck={(on) =>
              setSelected((s) => {
                const next = new Set(s);
                if (on) next.add(entry.site.id);
                else next.delete(entry.site.id);
                return next;
              })
            }
            onEdit={() => setEditing({ mode: 'edit', id: entry.site.id })}
            onVerify={() => run((base, e) => markVerified(base, e, [entry.site.id], today, at()))}
            onRetire={() => run((base, e) => retireSite(base, e, entry.site.id, at()))}
            onRestore={() => run((base, e) => restoreSite(base, e, entry.site.id, at()))}
          >
            {editedSite && editing?.mode === 'edit' && editing.id === entry.site.id && (
              <SiteForm
                site={editedSite}
                isNew={false}
                picked={picked}
                suggestAddress={suggestAddress}
                onPlaced={(p) => pin.current?.moveTo(p)}
                onCancel={closeForm}
                onSave={(site) => {
                  const { id, ...patch } = site;
                  const errors = run((base, e) => updateSite(base, e, id, patch, at()));
                  if (!errors) closeForm();
                  return errors;
                }}
              />
            )}
          </SiteRow>
        ))}
      </ul>
    </section>
  );
}

type RowProps = {
  entry: EffectiveSite;
  stale: boolean;
  lastVerified: string;
  checked: boolean;
  onCheck: (on: boolean) => void;
  onEdit: () => void;
  onVerify: () => void;
  onRetire: () => void;
  onRestore: () => void;
  children?: React.ReactNode;
};

function SiteRow({ entry, stale, lastVerified, checked, onCheck, onEdit, onVerify, onRetire, onRestore, children }: RowProps) {
  const { t } = useTranslation();
  const { site, status } = entry;
  const retired = status === 'retired';
  return (
    <li className={`manage-site manage-site-${status}`} data-testid="manage-site" data-site-id={site.id} data-status={status}>
      <div className="manage-site-head">
        <input type="checkbox" data-testid="manage-select" aria-label={t('manage.selectSite', { name: site.name })} checked={checked} disabled={retired} onChange={(e) => onCheck(e.target.checked)} />
        <span className="manage-site-name" data-testid="manage-site-name">
          {site.name}
        </span>
      </div>
      <p className="manage-site-meta">
        {t(`legend.kinds.${site.kind}`)} · {site.city}
        {status !== 'published' && (
          <span className={`badge manage-status-${status}`} data-testid="manage-site-status">
            {t(`manage.status.${status}`)}
          </span>
        )}
      </p>
      <p className={stale ? 'manage-stale' : 'hint'} data-testid="manage-site-verified">
        {t('manage.lastVerified', { date: lastVerified })}
        {stale && ` · ${t('manage.stale')}`}
      </p>
      <p className="manage-actions">
        {retired ? (
          <button type="button" data-testid="manage-restore" onClick={onRestore}>
            {t('manage.restore')}
          </button>
        ) : (
          <>
            <button type="button" data-testid="manage-edit" onClick={onEdit}>
              {t('manage.edit')}
            </button>
            <button type="button" data-testid="manage-verify" onClick={onVerify}>
              {t('manage.verify')}
            </button>
            <button type="button" data-testid="manage-retire" onClick={onRetire}>
              {t('manage.retire')}
            </button>
          </>
        )}
      </p>
      {children}
    </li>
  );
}
