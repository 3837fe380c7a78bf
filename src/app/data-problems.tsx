// Banner listing data files that failed or had rows skipped, with the skipped rows downloadable.
import { useEffect, useMemo } from 'react';
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
  // One download link per problem with rejected rows, made once and released with the component.
  const urls = useMemo(() => problems.map((p) => (p.rejected.length > 0 ? downloadUrl(p) : null)), [problems]);
  useEffect(() => () => urls.forEach((u) => u && URL.revokeObjectURL(u)), [urls]);
  if (problems.length === 0) return null;
  return (
    <div className="data-problems" role="alert" data-testid="data-error">
      <strong>{t('app.dataProblem')}</strong>
      <ul>
        {problems.map((p, i) => (
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
                <a href={urls[i] ?? undefined} download={`${p.file.replace(/[^a-z0-9.-]/gi, '_')}-rejected.csv`}>
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
