// The outreach zones panel: list, draw, edit outline, rename, delete, import/export GeoJSON, reset to defaults.
import { useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as maplibregl from 'maplibre-gl';
import type { Polygon } from 'geojson';
import type { Rejected } from '../../domain/rejection';
import { exportZones, ZONES_EXPORT_FILE_NAME } from '../../datasets/zone-store';
import { ZoneDraw, type ZoneDrawMode } from '../../map/zone-draw';
import { ConfirmBox } from '../../ui/confirm-box';
import { downloadFile, type DownloadableFile } from '../../ui/download';
import { ImportReport, rejectedRowsJson } from '../../ui/import-report';
import { drawSessionTransition, editingZoneId, IDLE_SESSION, isBusy } from './draw-session';
import { ZoneListItem } from './zone-list-item';
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
  const [drawSession, dispatch] = useReducer(drawSessionTransition, IDLE_SESSION);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [status, setStatus] = useState('');
  const [importSummary, setImportSummary] = useState<ImportSummary | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const zones = zonesApi.zones.features;
  const editingId = editingZoneId(drawSession);
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
        dispatch({ type: 'tool-mode', mode });
        if (mode === 'drawing') setStatus(tRef.current('zones.drawing'));
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

  const rejectedFile = useMemo<DownloadableFile | null>(
    () =>
      importSummary && {
        name: rejectedFileName(importSummary.fileName),
        content: rejectedRowsJson(importSummary.rejected),
        mimeType: 'application/json',
      },
    [importSummary],
  );

  const nameOf = (id: string) => zones.find((z) => z.properties.id === id)?.properties.name ?? '';

  const startDrawing = () => {
    const draw = drawRef.current;
    if (!draw) return;
    setPending(null);
    dispatch({ type: 'start-drawing' });
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
    dispatch({ type: 'cancel' });
    setStatus(wasEditing ? t('zones.editCancelled') : t('zones.drawCancelled'));
    setFocusKey(wasEditing ? `edit-${wasEditing}` : 'draw');
  };

  const startEditing = (zone: Zone) => {
    const draw = drawRef.current;
    if (!draw) return;
    const id = zone.properties.id;
    editedOutline.current = null;
    setPending(null);
    dispatch({ type: 'start-editing', zoneId: id });
    setStatus(t('zones.editing', { name: zone.properties.name }));
    setFocusKey('edit-done');
    void draw
      .startEdit(
        zone,
        (polygon) => {
          editedOutline.current = polygon;
        },
        () => {
          // terra-draw's own Escape: it has gone idle already, which ended the session.
          setStatus(t('zones.editCancelled'));
          setFocusKey(`edit-${id}`);
        },
      )
      .then((started) => {
        if (started || drawRef.current !== draw || draw.mode !== 'idle') return;
        dispatch({ type: 'edit-failed', zoneId: id });
        setStatus(t('zones.editFailed'));
      });
  };

  const finishEditing = () => {
    if (!editingId) return;
    const id = editingId;
    const outline = editedOutline.current;
    drawRef.current?.stop();
    dispatch({ type: 'finish' });
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
    downloadFile({ name: ZONES_EXPORT_FILE_NAME, content: exportZones(zonesApi.zones), mimeType: 'application/geo+json' });
    setStatus(t('zones.exported', { count: zones.length }));
  };

  const confirmPending = () => {
    if (pending?.kind === 'delete') {
      const name = nameOf(pending.id);
      if (editingId === pending.id) drawRef.current?.stop();
      dispatch({ type: 'zone-removed', zoneId: pending.id });
      zonesApi.remove(pending.id);
      setStatus(t('zones.deleted', { name }));
    } else if (pending?.kind === 'reset') {
      drawRef.current?.stop();
      dispatch({ type: 'reset' });
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

  // The confirm box focuses its own cancel button when it appears.
  const confirmBox = (text: string, yes: string) => (
    <ConfirmBox
      className="zones-confirm"
      text={text}
      yes={yes}
      no={t('zones.cancel')}
      onYes={confirmPending}
      onNo={cancelPending}
      testIds={{ yes: 'zone-confirm', no: 'zone-confirm-cancel' }}
    />
  );

  const busy = isBusy(drawSession);
  const canDraw = map !== null && !busy;

  return (
    <section className="zones-panel" data-testid="zones-panel" data-draw-mode={drawSession.toolMode} aria-labelledby="zones-heading" ref={panelRef}>
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
            {drawSession.session.kind === 'editing' && (
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
              const { id, name } = zone.properties;
              return (
                <ZoneListItem
                  key={id}
                  zone={zone}
                  editing={editingId === id}
                  renaming={renamingId === id}
                  canEdit={map !== null && !busy}
                  onEdit={() => startEditing(zone)}
                  onStartRename={() => {
                    setRenamingId(id);
                    setFocusKey(`name-${id}`);
                  }}
                  onRename={(newName) => {
                    const result = zonesApi.rename(id, newName);
                    if (!result.ok) return t('zones.nameRequired');
                    setRenamingId(null);
                    setStatus(t('zones.renamed', { name: result.zone.properties.name }));
                    setFocusKey(`rename-${id}`);
                    return null;
                  }}
                  onCancelRename={() => {
                    setRenamingId(null);
                    setFocusKey(`rename-${id}`);
                  }}
                  onDelete={() => setPending({ kind: 'delete', id })}
                >
                  {pending?.kind === 'delete' && pending.id === id && confirmBox(t('zones.confirmDelete', { name }), t('zones.yesDelete'))}
                </ZoneListItem>
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
        {importSummary && rejectedFile && (
          <ImportReport
            className="zones-import-result"
            listClassName="zones-rejected"
            testIdPrefix="zone-import"
            summary={t('zones.importResult', {
              added: t('zones.added', { count: importSummary.added }),
              rejected: t('zones.rejected', { count: importSummary.rejected.length }),
            })}
            rejected={importSummary.rejected}
            describeRejected={(r) =>
              r.line === 0 ? t('zones.rejectedFile', { reason: r.reason }) : t('zones.rejectedFeature', { line: r.line, reason: r.reason })
            }
            rejectedFile={rejectedFile}
            downloadLabel={t('zones.downloadRejected')}
          />
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
            onClick={() => setPending({ kind: 'reset' })}
          >
            {t('zones.reset')}
          </button>
        </div>
        {pending?.kind === 'reset' && confirmBox(t('zones.confirmReset'), t('zones.yesReset'))}
      </div>
    </section>
  );
}

/** "my-zones.geojson" → "my-zones-rejected.json". */
function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.(geo)?json$/i, '')}-rejected.json`;
}
