// Where the data comes from and how current it is: the site list's "as of" date (its newest check, local edits
// included) and the dates each 311 source covers (from manifest.json), so gaps are not hidden.
import { useTranslation } from 'react-i18next';
import type { DataManifest } from '../datasets/load-data';
import { listAsOf } from '../domain/site-freshness';
import type { SiteFeature } from '../domain/site';

export function DataNote({ manifest, sites }: { manifest: DataManifest | null; sites: readonly SiteFeature[] | null }) {
  const { t } = useTranslation();
  if (!manifest) return null;
  const asOf = sites ? listAsOf(sites.map((f) => f.properties)) : null;
  const needles = manifest.datasets.filter((d) => d.dataset.startsWith('needle-requests') && d.dateRange);
  return (
    <div className="hint data-note" data-testid="data-note">
      {asOf && (
        <p data-testid="sites-as-of">{t('app.sitesAsOf', { date: asOf, count: sites?.length ?? 0 })}</p>
      )}
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
