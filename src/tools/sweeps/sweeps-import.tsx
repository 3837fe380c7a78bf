// Import newer 311 data: drop or pick an Analyze Boston CSV export (any size, any request types) or an Open311 JSON
// file. It is read in a Web Worker with a progress bar; the report says what was found, ignored, merged and rejected
// (downloadable), and the imported files are listed with a button to remove each again.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedleImportReport } from '../../datasets/import-311-session';
import { rejectedToCsv } from '../../datasets/rejected-csv';
import type { Rejected } from '../../domain/rejection';
import { ImportReport } from '../../ui/import-report';
import type { NeedlesApi } from '../../ui/needles-api';

type Running = { fileName: string; fraction: number; abort: AbortController };
type Done = { fileName: string; result: NeedleImportReport } | { fileName: string; error: string };

export function SweepsImport({ needlesApi }: { needlesApi: NeedlesApi }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<Running | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    running?.abort.abort();
    const abort = new AbortController();
    setDone(null);
    setRunning({ fileName: file.name, fraction: 0, abort });
    try {
      // The worker adds the requests (and saves them) itself: the page only swaps in the merged table.
      const result = await needlesApi.importFile(file, (fraction) => setRunning((r) => (r && r.abort === abort ? { ...r, fraction } : r)), abort.signal);
      if (abort.signal.aborted) return;
      setDone({ fileName: file.name, result });
    } catch (e) {
      if (!abort.signal.aborted) setDone({ fileName: file.name, error: e instanceof Error ? e.message : String(e) });
    } finally {
      setRunning((r) => (r && r.abort === abort ? null : r));
    }
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <section className="sweeps-section" aria-labelledby="sweeps-import-heading" data-testid="sweeps-import">
      <h3 id="sweeps-import-heading">{t('sweeps.import.heading')}</h3>
      <div
        className={`sweeps-drop${dragging ? ' sweeps-drop-over' : ''}`}
        data-testid="sweeps-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('sweeps.import.drop')}</p>
        <label className="zones-file">
          {t('sweeps.import.pick')}
          <input
            ref={input}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-testid="sweeps-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {running && (
        <div className="sweeps-progress" data-testid="sweeps-progress">
          <label>
            {t('sweeps.import.reading', { name: running.fileName })}
            <progress max={1} value={running.fraction} />
          </label>
          <button type="button" onClick={() => running.abort.abort()}>
            {t('sweeps.import.cancel')}
          </button>
        </div>
      )}
      {done && 'error' in done && (
        <p className="sweeps-error" role="alert" data-testid="sweeps-import-error">
          {t('sweeps.import.failed', { name: done.fileName, error: done.error })}
        </p>
      )}
      {done && 'result' in done && <ImportSummary fileName={done.fileName} result={done.result} />}
      {needlesApi.warning && (
        <p className="sweeps-error" role="alert">
          {needlesApi.warning}
        </p>
      )}
      {needlesApi.imports.length > 0 && (
        <ul className="sweeps-imports" data-testid="sweeps-imports">
          {needlesApi.imports.map((imp) => (
            <li key={imp.id}>
              <span>{t('sweeps.import.imported', { name: imp.name, count: needlesApi.countOf(imp.id), date: imp.importedAt.slice(0, 10) })}</span>{' '}
              <button type="button" data-testid="sweeps-remove-import" onClick={() => needlesApi.remove(imp.id)}>
                {t('sweeps.import.remove', { name: imp.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportSummary({ fileName, result }: { fileName: string; result: NeedleImportReport }) {
  const { t } = useTranslation();
  const c = result.counts;
  const summary = result.columnsMissing?.length
    ? t('sweeps.import.missingColumns', { name: fileName, columns: result.columnsMissing.join(', ') })
    : c.needle === 0
      ? t('sweeps.import.noneFound', { name: fileName, other: c.otherTypes })
      : t('sweeps.import.summary', { name: fileName, needle: result.added, other: c.otherTypes, duplicates: c.duplicatesMerged, rejected: c.rejected });
  const describe = (r: Rejected) => t('sweeps.import.rejectedRow', { line: r.line, field: r.field, reason: r.reason });
  return (
    <>
      <ImportReport
        summary={summary}
        rejected={result.rejected.slice(0, 50)}
        describeRejected={describe}
        rejectedFile={{ name: fileName.replace(/\.[^.]+$/, '') + '-rejected.csv', content: rejectedToCsv(result.rejected), mimeType: 'text/csv' }}
        downloadLabel={t('sweeps.import.downloadRejected', { count: c.rejected })}
        testIdPrefix="sweeps-import"
      />
      {result.rejectedByReason.length > 0 && (
        <table className="sweeps-table" data-testid="sweeps-rejected-reasons">
          <caption>{t('sweeps.import.reasonsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sweeps.import.reason')}</th>
              <th scope="col">{t('sweeps.import.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rejectedByReason.map((r) => (
              <tr key={r.reason}>
                <td>{r.reason}</td>
                <td>{r.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
