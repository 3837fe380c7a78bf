// The outreach zones panel: list, draw, edit outline, rename, delete, import/export GeoJSON, reset to defaults.
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as maplibregl from 'maplibre-gl';
import type { Polygon } from 'geojson';
import type { Rejected } from '../../domain/rejection';
import { exportZones, ZONES_EXPORT_FILE_NAME } from '../../datasets/zone-store';
import { ZoneDraw, type ZoneDrawMode } from '../../map/zone-draw';
import type { ZonesApi } from './use-zones';

export type ZonesPanelProps = {
  map: maplibregl.Map | null;
  zonesApi: ZonesApi;
  /** The zone whose outline terra-draw is showing (hide it from the zones layer meanwhile), or null. */
  onEditingChange?: (zoneId: string | null) => void;
  /** Idle, drawing or editing: while not idle, map clicks belong to terra-draw (e.g. do not open detail panels). */
  onDrawModeChange?: (mode: ZoneDrawMode) => void;
};

type Zone = ZonesApi['zones']['features'][number];
type ImportSummary = { fileName: string; added: number; rejected: Rejected[] };
type Pending = { kind: 'delete'; id: string } | { kind: 'reset' } | null;

export function ZonesPanel({ map, zonesApi, onEditingChange, onDrawModeChange }: ZonesPanelProps) {
  const { t } = useTranslation();
  const panelRef = useRef<HTMLElement>(null);
  const drawRef = useRef<ZoneDraw | null>(null);
  const editedOutline = useRef<Polygon | null>(null);
  /** Set as soon as the user starts a session (terra-draw itself loads asynchronously); null when idle. */
  const [session, setSession] = useState<'drawing' | 'editing' | null>(null);
  /** What terra-draw is really doing: clicks reach it only once its code has loaded and the mode is on. */
  const [drawMode, setDrawMode] = useState<ZoneDrawMode>('idle');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [status, setStatus] = useState('');
  const [importSummary, setImportSummary] = useState<ImportSummary | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const zones = zonesApi.zones.features;
  // Callbacks in refs, so an inline arrow from the parent does not re-run effects.
  const modeChangeRef = useRef(onDrawModeChange);
  modeChangeRef.current = onDrawModeChange;
  const tRef = useRef(t);
  tRef.current = t;
  const editingChangeRef = useRef(onEditingChange);
  editingChangeRef.current = onEditingChange;

  // One terra-draw controller per map; it goes away with the panel (switching tabs cancels a drawing).
  useEffect(() => {
    if (!map) return;
    const draw = new ZoneDraw(map, {
      onModeChange: (mode) => {
        setDrawMode(mode);
        if (mode === 'drawing') setStatus(tRef.current('zones.drawing'));
        if (mode === 'idle') {
          setSession(null);
          setEditingId(null);
        }
        modeChangeRef.current?.(mode);
      },
    });
    drawRef.current = draw;
    return () => {
      draw.destroy();
      drawRef.current = null;
    };
  }, [map]);

  useEffect(() => {
    editingChangeRef.current?.(editingId);
  }, [editingId]);
  useEffect(() => () => editingChangeRef.current?.(null), []);

  // Move focus after the DOM changed (the element to focus may only now exist).
  useEffect(() => {
    if (!focusKey) return;
    panelRef.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const rejectedUrl = useMemo(() => {
    if (!importSummary || importSummary.rejected.length === 0) return null;
    return URL.createObjectURL(new Blob([JSON.stringify(importSummary.rejected, null, 2)], { type: 'application/json' }));
  }, [importSummary]);
  useEffect(() => () => {
    if (rejectedUrl) URL.revokeObjectURL(rejectedUrl);
  }, [rejectedUrl]);

  const nameOf = (id: string) => zones.find((z) => z.properties.id === id)?.properties.name ?? '';

  const startDrawing = () => {
    const draw = drawRef.current;
    if (!draw) return;
    setEditingId(null);
    setPending(null);
    setSession('drawing');
    setStatus(t('zones.loadingDrawTools'));
    setFocusKey('draw-cancel');
    void draw.startDrawPolygon(
      (polygon) => {
        const result = zonesApi.add(polygon);
        if (!result.ok) {
          setStatus(t('zones.notAZone', { reason: result.reason }));
          setFocusKey('draw');
          return;
        }
        setStatus(t('zones.drawn', { name: result.zone.properties.name }));
        setRenamingId(result.zone.properties.id);
        setFocusKey(`name-${result.zone.properties.id}`);
      },
      () => {
        setStatus(t('zones.drawCancelled'));
        setFocusKey('draw');
      },
    );
  };

  const cancelSession = () => {
    const wasEditing = editingId;
    drawRef.current?.stop();
    setSession(null);
    setEditingId(null);
    setStatus(wasEditing ? t('zones.editCancelled') : t('zones.drawCancelled'));
    setFocusKey(wasEditing ? `edit-${wasEditing}` : 'draw');
  };

  const startEditing = (zone: Zone) => {
    const draw = drawRef.current;
    if (!draw) return;
    const id = zone.properties.id;
    editedOutline.current = null;
    setPending(null);
    setSession('editing');
    setEditingId(id);
    setStatus(t('zones.editing', { name: zone.properties.name }));
    setFocusKey('edit-done');
    void draw
      .startEdit(
        zone,
        (polygon) => {
          editedOutline.current = polygon;
        },
        () => {
          setEditingId(null);
          setStatus(t('zones.editCancelled'));
          setFocusKey(`edit-${id}`);
        },
      )
      .then((started) => {
        if (started || drawRef.current !== draw || draw.mode !== 'idle') return;
        setSession(null);
        setEditingId((current) => (current === id ? null : current));
        setStatus(t('zones.editFailed'));
      });
  };

  const finishEditing = () => {
    if (!editingId) return;
    const id = editingId;
    const outline = editedOutline.current;
    drawRef.current?.stop();
    setSession(null);
    setEditingId(null);
    if (outline) {
      const result = zonesApi.update(id, outline);
      setStatus(result.ok ? t('zones.editSaved', { name: result.zone.properties.name }) : t('zones.notAZone', { reason: result.reason }));
    } else {
      setStatus(t('zones.editCancelled'));
    }
    setFocusKey(`edit-${id}`);
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setStatus(t('zones.importReadFailed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    } finally {
      input.value = ''; // so the same file can be imported again after fixing it
    }
    const { added, rejected } = zonesApi.importText(text, { defaultSource: `imported from ${file.name}` });
    setImportSummary({ fileName: file.name, added: added.length, rejected });
    setStatus('');
  };

  const onExport = () => {
    downloadText(exportZones(zonesApi.zones), ZONES_EXPORT_FILE_NAME, 'application/geo+json');
    setStatus(t('zones.exported', { count: zones.length }));
  };

  const confirmPending = () => {
    if (pending?.kind === 'delete') {
      const name = nameOf(pending.id);
      if (editingId === pending.id) {
        drawRef.current?.stop();
        setSession(null);
        setEditingId(null);
      }
      zonesApi.remove(pending.id);
      setStatus(t('zones.deleted', { name }));
    } else if (pending?.kind === 'reset') {
      drawRef.current?.stop();
      setSession(null);
      setEditingId(null);
      zonesApi.resetToDefaults();
      setStatus(t('zones.resetDone'));
    }
    setPending(null);
    setFocusKey('heading');
  };

  const cancelPending = () => {
    setFocusKey(pending?.kind === 'delete' ? `delete-${pending.id}` : 'reset');
    setPending(null);
  };

  const busy = session !== null;
  const canDraw = map !== null && !busy;

  return (
    <section className="zones-panel" data-testid="zones-panel" data-draw-mode={drawMode} aria-labelledby="zones-heading" ref={panelRef}>
      <h2 id="zones-heading" tabIndex={-1} data-focus-key="heading">
        {t('zones.heading')}
      </h2>
      <p className="hint">{t('zones.intro')}</p>

      {zonesApi.warning && (
        <div className="zones-warning" role="alert" data-testid="zones-warning">
          <p>{t(`zones.warning.${zonesApi.warning.kind}`, { detail: zonesApi.warning.detail })}</p>
          <button type="button" className="link-button" onClick={zonesApi.dismissWarning}>
            {t('zones.dismiss')}
          </button>
        </div>
      )}

      <div className="zones-actions">
        <button type="button" data-testid="zone-draw" data-focus-key="draw" onClick={startDrawing} disabled={!canDraw}>
          {t('zones.draw')}
        </button>
        {busy && (
          <>
            {session === 'editing' && (
              <button type="button" data-testid="zone-edit-done" data-focus-key="edit-done" onClick={finishEditing}>
                {t('zones.editDone')}
              </button>
            )}
            <button type="button" data-testid="zone-draw-cancel" data-focus-key="draw-cancel" onClick={cancelSession}>
              {t('zones.cancel')}
            </button>
          </>
        )}
      </div>
      {!map && <p className="hint">{t('zones.mapNotReady')}</p>}
      <p className="zones-status" role="status" aria-live="polite" data-testid="zones-status">
        {status}
      </p>

      {zones.length === 0 ? (
        <p className="hint">{t('zones.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('zones.count', { count: zones.length })}</p>
          <ul className="zones-list" aria-label={t('zones.listLabel')}>
            {zones.map((zone) => {
              const { id, name, team, approximate, source } = zone.properties;
              const isMulti = zone.geometry.type !== 'Polygon';
              return (
                <li key={id} data-testid="zone-item" data-zone-id={id} className={editingId === id ? 'zone-item editing' : 'zone-item'}>
                  {renamingId === id ? (
                    <RenameForm
                      zone={zone}
                      onSave={(newName) => {
                        const result = zonesApi.rename(id, newName);
                        if (!result.ok) return t('zones.nameRequired');
                        setRenamingId(null);
                        setStatus(t('zones.renamed', { name: result.zone.properties.name }));
                        setFocusKey(`rename-${id}`);
                        return null;
                      }}
                      onCancel={() => {
                        setRenamingId(null);
                        setFocusKey(`rename-${id}`);
                      }}
                    />
                  ) : (
                    <span className="zone-name" data-testid="zone-name">
                      {name}
                    </span>
                  )}
                  {(approximate || team) && (
                    <p className="hint zone-meta">
                      {approximate && (
                        <span className="badge zone-approximate" data-testid="zone-approximate" title={t('zones.approximateHint')}>
                          {t('zones.approximate')}
                        </span>
                      )}{' '}
                      {team && <span className="zone-team">{t('zones.team', { team })}</span>}{' '}
                      {approximate && <span className="zone-source">{t('zones.source', { source })}</span>}
                    </p>
                  )}
                  <div className="zone-buttons">
                    <button
                      type="button"
                      className="link-button"
                      data-testid="zone-edit"
                      data-focus-key={`edit-${id}`}
                      aria-label={t('zones.editLabel', { name })}
                      title={isMulti ? t('zones.editMulti') : undefined}
                      disabled={!map || busy || isMulti}
                      onClick={() => startEditing(zone)}
                    >
                      {t('zones.edit')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="zone-rename"
                      data-focus-key={`rename-${id}`}
                      aria-label={t('zones.renameLabel', { name })}
                      onClick={() => {
                        setRenamingId(id);
                        setFocusKey(`name-${id}`);
                      }}
                    >
                      {t('zones.rename')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="zone-delete"
                      data-focus-key={`delete-${id}`}
                      aria-label={t('zones.deleteLabel', { name })}
                      onClick={() => {
                        setPending({ kind: 'delete', id });
                        setFocusKey('confirm-cancel');
                      }}
                    >
                      {t('zones.delete')}
                    </button>
                  </div>
                  {pending?.kind === 'delete' && pending.id === id && (
                    <ConfirmBox text={t('zones.confirmDelete', { name })} yes={t('zones.yesDelete')} no={t('zones.cancel')} onYes={confirmPending} onNo={cancelPending} />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <div className="zones-file">
        <label htmlFor="zone-import-input">{t('zones.import')}</label>
        <input
          id="zone-import-input"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          data-testid="zone-import"
          aria-describedby="zone-import-hint"
          onChange={(e) => void onImport(e)}
        />
        <p className="hint" id="zone-import-hint">
          {t('zones.importHint')}
        </p>
        {importSummary && (
          <div className="zones-import-result" data-testid="zone-import-result" role="status">
            <p>
              {t('zones.importResult', {
                added: t('zones.added', { count: importSummary.added }),
                rejected: t('zones.rejected', { count: importSummary.rejected.length }),
              })}
            </p>
            {importSummary.rejected.length > 0 && (
              <>
                <ul className="zones-rejected" data-testid="zone-import-rejected">
                  {importSummary.rejected.map((r, i) => (
                    <li key={i}>
                      {r.line === 0 ? t('zones.rejectedFile', { reason: r.reason }) : t('zones.rejectedFeature', { line: r.line, reason: r.reason })}
                    </li>
                  ))}
                </ul>
                {rejectedUrl && (
                  <a href={rejectedUrl} download={rejectedFileName(importSummary.fileName)} data-testid="zone-import-download-rejected">
                    {t('zones.downloadRejected')}
                  </a>
                )}
              </>
            )}
          </div>
        )}
        <div className="zones-actions">
          <button type="button" data-testid="zone-export" onClick={onExport}>
            {t('zones.export')}
          </button>
          <button
            type="button"
            data-testid="zone-reset"
            data-focus-key="reset"
            disabled={zonesApi.showingDefaults}
            onClick={() => {
              setPending({ kind: 'reset' });
              setFocusKey('confirm-cancel');
            }}
          >
            {t('zones.reset')}
          </button>
        </div>
        {pending?.kind === 'reset' && (
          <ConfirmBox text={t('zones.confirmReset')} yes={t('zones.yesReset')} no={t('zones.cancel')} onYes={confirmPending} onNo={cancelPending} />
        )}
      </div>
    </section>
  );
}

function RenameForm({ zone, onSave, onCancel }: { zone: Zone; onSave: (name: string) => string | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(zone.properties.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = `zone-name-${zone.properties.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(onSave(value));
  };
  return (
    <form className="zone-rename" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('zones.nameLabel', { name: zone.properties.name })}
      </label>
      <input
        id={inputId}
        data-testid="zone-name-input"
        data-focus-key={`name-${zone.properties.id}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        required
      />
      <button type="submit">{t('zones.save')}</button>
      <button type="button" onClick={onCancel}>
        {t('zones.cancel')}
      </button>
      {error && (
        <p className="zones-error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function ConfirmBox(p: { text: string; yes: string; no: string; onYes: () => void; onNo: () => void }) {
  return (
    <div
      className="zones-confirm"
      role="group"
      aria-label={p.text}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          p.onNo();
        }
      }}
    >
      <p>{p.text}</p>
      <button type="button" data-testid="zone-confirm" onClick={p.onYes}>
        {p.yes}
      </button>
      <button type="button" data-testid="zone-confirm-cancel" data-focus-key="confirm-cancel" onClick={p.onNo}>
        {p.no}
      </button>
    </div>
  );
}

function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.(geo)?json$/i, '')}-rejected.json`;
}

function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
