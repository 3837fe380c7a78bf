// Import a list of sites (CSV with a column-mapping step, Open Referral HSDS 3 JSON, GeoJSON): a preview of what would
// be added, changed and retired, with the rejected rows (downloadable as CSV), before anything is applied.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadResult, Rejected } from '../../domain/rejection';
import type { Site } from '../../domain/site';
import { diffSites, type SiteDiff } from '../../domain/site-diff';
import { SITE_ROW_COLUMNS, type SiteCsvColumn } from '../../domain/site-row';
import { readCsv } from '../../datasets/read-csv';
import { rejectedToCsv } from '../../datasets/rejected-csv';
import { applyColumnMapping, guessColumnMapping, mappingKey, REQUIRED_SITE_COLUMNS, type ColumnDefaults, type ColumnMapping } from '../../datasets/site-csv-mapping';
import { loadColumnMapping, saveColumnMapping } from '../../datasets/site-edit-store';
import { sitesFromGeoJson } from '../../datasets/site-geojson';
import { sitesFromHsds } from '../../datasets/site-hsds';
import { ImportReport } from '../../ui/import-report';

type Mode = 'merge' | 'replace';
type Parsed = { fileName: string; result: LoadResult<Site> };
type CsvStep = { fileName: string; text: string; headers: string[]; mapping: ColumnMapping; defaults: ColumnDefaults; remembered: boolean };

export type SiteImportProps = {
  /** The live list (not retired) the import is compared with. */
  current: readonly Site[];
  today: string;
  /** Applies the preview as one undoable change; returns an error message or null. */
  onApply: (diff: SiteDiff) => string | null;
};

/** Reads a JSON file as HSDS (has `locations`) or GeoJSON (a FeatureCollection). */
function parseJsonSites(text: string): LoadResult<Site> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { rows: [], rejected: [{ line: 0, field: 'file', reason: `not JSON: ${e instanceof Error ? e.message : String(e)}`, raw: text.slice(0, 200) }] };
  }
  const obj = json as { type?: unknown; locations?: unknown };
  if (obj && typeof obj === 'object' && obj.type === 'FeatureCollection') return sitesFromGeoJson(json);
  if (obj && typeof obj === 'object' && ('locations' in obj || 'services' in obj)) return sitesFromHsds(json);
  return { rows: [], rejected: [{ line: 0, field: 'file', reason: 'neither a GeoJSON FeatureCollection nor an HSDS dataset (no "locations")', raw: text.slice(0, 200) }] };
}

export function SiteImport({ current, today, onApply }: SiteImportProps) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState<CsvStep | null>(null);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mode, setMode] = useState<Mode>('merge');
  const [message, setMessage] = useState<string | null>(null);

  const onFile = async (file: File) => {
    setParsed(null);
    setCsv(null);
    setMessage(null);
    const text = await file.text();
    if (/\.csv$/i.test(file.name) || file.type === 'text/csv') {
      const headers = readCsv(text).header;
      const key = mappingKey(headers);
      const saved = await loadColumnMapping(key).catch(() => null);
      const guessed = guessColumnMapping(headers);
      const mapping = saved ? ({ ...guessed, ...saved } as ColumnMapping) : guessed;
      setCsv({ fileName: file.name, text, headers, mapping, defaults: { last_verified: today }, remembered: saved !== null });
    } else {
      setParsed({ fileName: file.name, result: parseJsonSites(text) });
    }
  };

  const previewCsv = () => {
    if (!csv) return;
    void saveColumnMapping(mappingKey(csv.headers), csv.mapping);
    setParsed({ fileName: csv.fileName, result: applyColumnMapping(csv.text, csv.mapping, csv.defaults) });
  };

  const diff = parsed ? diffSites(current, parsed.result.rows, mode) : null;
  const describe = (r: Rejected) => t('manage.import.rejectedRow', { line: r.line, reason: r.reason });

  return (
    <div className="site-import" data-testid="site-import">
      <label className="zones-file">
        {t('manage.import.pick')}
        <input
          type="file"
          data-testid="site-import-file"
          accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void onFile(f);
            e.target.value = '';
          }}
        />
      </label>
      {csv && (
        <fieldset className="site-import-mapping" data-testid="site-import-mapping">
          <legend>{t('manage.import.mappingLegend', { file: csv.fileName })}</legend>
          {csv.remembered && <p className="hint">{t('manage.import.remembered')}</p>}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('manage.import.column')}</th>
                <th scope="col">{t('manage.import.fromFile')}</th>
                <th scope="col">{t('manage.import.default')}</th>
              </tr>
            </thead>
            <tbody>
              {SITE_ROW_COLUMNS.map((col: SiteCsvColumn) => (
                <tr key={col} data-column={col}>
                  <th scope="row">
                    {col}
                    {REQUIRED_SITE_COLUMNS.includes(col) ? ' *' : ''}
                  </th>
                  <td>
                    <select
                      aria-label={t('manage.import.fromFileFor', { column: col })}
                      data-testid={`site-map-${col}`}
                      value={csv.mapping[col] ?? ''}
                      onChange={(e) => setCsv({ ...csv, mapping: { ...csv.mapping, [col]: e.target.value === '' ? null : e.target.value } })}
                    >
                      <option value="">{t('manage.import.notInFile')}</option>
                      {csv.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={t('manage.import.defaultFor', { column: col })}
                      data-testid={`site-default-${col}`}
                      value={csv.defaults[col] ?? ''}
                      disabled={csv.mapping[col] !== null}
                      onChange={(e) => setCsv({ ...csv, defaults: { ...csv.defaults, [col]: e.target.value } })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" data-testid="site-import-preview" onClick={previewCsv}>
            {t('manage.import.preview')}
          </button>
        </fieldset>
      )}
      {parsed && diff && (
        <div className="site-import-preview" data-testid="site-import-result-box">
          <fieldset>
            <legend>{t('manage.import.modeLegend')}</legend>
            <label>
              <input type="radio" name="site-import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} data-testid="site-import-merge" />
              {t('manage.import.merge')}
            </label>
            <label>
              <input type="radio" name="site-import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="site-import-replace" />
              {t('manage.import.replace')}
            </label>
          </fieldset>
          <p data-testid="site-import-diff">{t('manage.import.diff', { added: diff.added.length, changed: diff.changed.length, retired: diff.retired.length, unchanged: diff.unchanged })}</p>
          <ul className="site-import-changes" data-testid="site-import-changes">
            {diff.added.map((s) => (
              <li key={`a-${s.id}`}>{t('manage.import.willAdd', { name: s.name })}</li>
            ))}
            {diff.changed.map((c) => (
              <li key={`c-${c.after.id}`}>{t('manage.import.willChange', { name: c.after.name, fields: c.fields.join(', ') })}</li>
            ))}
            {diff.retired.map((s) => (
              <li key={`r-${s.id}`}>{t('manage.import.willRetire', { name: s.name })}</li>
            ))}
          </ul>
          <ImportReport
            summary={t('manage.import.summary', { rows: parsed.result.rows.length, rejected: new Set(parsed.result.rejected.map((r) => r.line)).size })}
            rejected={parsed.result.rejected}
            describeRejected={describe}
            rejectedFile={{ name: `${parsed.fileName.replace(/\.[^.]+$/, '')}-rejected.csv`, content: rejectedToCsv(parsed.result.rejected), mimeType: 'text/csv' }}
            downloadLabel={t('manage.import.downloadRejected')}
            testIdPrefix="site-import"
          />
          <p className="manage-actions">
            <button
              type="button"
              data-testid="site-import-apply"
              disabled={diff.added.length + diff.changed.length + diff.retired.length === 0}
              onClick={() => {
                const error = onApply(diff);
                setMessage(error ?? t('manage.import.applied'));
                if (!error) {
                  setParsed(null);
                  setCsv(null);
                }
              }}
            >
              {t('manage.import.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setParsed(null);
                setCsv(null);
              }}
            >
              {t('manage.cancel')}
            </button>
          </p>
        </div>
      )}
      {message && (
        <p role="status" data-testid="site-import-message">
          {message}
        </p>
      )}
    </div>
  );
}
