// Banner listing data files that failed or had rows skipped, with the skipped rows downloadable.
import { useTranslation } from 'react-i18next';
import type { DataProblem } from './use-app-data';

function downloadUrl(problem: DataProblem): string {
  const header = 'line,field,reason,raw\n';
  const q = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;
  const body = problem.rejected.map((r) => [r.line, r.field, r.reason, r.raw].map(q).join(',')).join('\n');
  return URL.createObjectURL(new Blob([header + body], { type: 'text/csv' }));
}

export function DataProblems({ problems }: { problems: DataProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="data-problems" role="alert" data-testid="data-error">
      <strong>{t('app.dataProblem')}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p.file}>
            {p.message ? `${p.file}: ${p.message}` : t('app.rowsSkipped', { count: p.rejected.length, file: p.file })}
            {p.rejected.length > 0 && (
              <>
                {' '}
                <ul>
                  {p.rejected.slice(0, 5).map((r) => (
                    <li key={`${r.line}-${r.field}`}>
                      #{r.line} {r.field}: {r.reason}
                    </li>
                  ))}
                </ul>
                <a href={downloadUrl(p)} download={`${p.file.replace(/[^a-z0-9.-]/gi, '_')}-rejected.csv`}>
                  {t('app.downloadRejected')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
