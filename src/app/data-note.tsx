// Where the 311 data comes from and which dates each source covers (from manifest.json), so gaps are not hidden.
import { useTranslation } from 'react-i18next';
import type { DataManifest } from '../datasets/load-data';

export function DataNote({ manifest }: { manifest: DataManifest | null }) {
  const { t } = useTranslation();
  if (!manifest) return null;
  const needles = manifest.datasets.filter((d) => d.dataset.startsWith('needle-requests') && d.dateRange);
  return (
    <div className="hint data-note" data-testid="data-note">
      <p>{t('app.dataSources')}</p>
      <ul>
        {needles.map((d) => (
          <li key={d.dataset}>
            {t('app.dataRange', {
              dataset: t(`app.datasetNames.${d.dataset}`, { defaultValue: d.dataset }),
              first: d.dateRange?.[0],
              last: d.dateRange?.[1],
              count: d.rowsKept,
            })}
          </li>
        ))}
      </ul>
      <p>{t('app.dataBuilt', { date: manifest.generatedAt.slice(0, 10) })}</p>
    </div>
  );
}
