// What a file import did: one summary line, the rejected rows with why, and a link to download the rejected part.
import type { Rejected } from '../domain/rejection';
import { useObjectUrl, type DownloadableFile } from './download';

export type ImportReportProps = {
  /** What was added and rejected, already translated (e.g. "2 zones added; 1 rejected"). */
  summary: string;
  rejected: readonly Rejected[];
  /** One rejected row as the list shows it, already translated (its line, field and reason). */
  describeRejected: (row: Rejected) => string;
  /** The file the download link saves (e.g. the rejected rows as JSON, or the rejected CSV lines). */
  rejectedFile: DownloadableFile;
  /** Label of the download link, already translated. */
  downloadLabel: string;
  /** data-testid prefix: `${prefix}-result` (the report), `${prefix}-rejected` (the list), `${prefix}-download-rejected`. */
  testIdPrefix: string;
  className?: string;
  listClassName?: string;
};

/** A live status region, so a screen reader hears the summary when the import finishes. */
export function ImportReport(props: ImportReportProps) {
  const { summary, rejected, describeRejected, rejectedFile, downloadLabel, testIdPrefix } = props;
  const rejectedUrl = useObjectUrl(rejected.length > 0 ? rejectedFile : null);
  return (
    <div className={props.className ?? 'import-report'} data-testid={`${testIdPrefix}-result`} role="status">
      <p>{summary}</p>
      {rejected.length > 0 && (
        <>
          <ul className={props.listClassName ?? 'import-report-rejected'} data-testid={`${testIdPrefix}-rejected`}>
            {rejected.map((row, i) => (
              <li key={i}>{describeRejected(row)}</li>
            ))}
          </ul>
          {rejectedUrl && (
            <a href={rejectedUrl} download={rejectedFile.name} data-testid={`${testIdPrefix}-download-rejected`}>
              {downloadLabel}
            </a>
          )}
        </>
      )}
    </div>
  );
}

/** The rejected rows as pretty-printed JSON (line, field, reason and the raw row), for fixing and importing again. */
export function rejectedRowsJson(rejected: readonly Rejected[]): string {
  return JSON.stringify(rejected, null, 2);
}
