// The legend: toggles each layer, filters sites by kind and 311 reports by date and status, lists places.
import { useTranslation } from 'react-i18next';
import type { Point, Feature } from 'geojson';
import { NEEDLE_STATUSES, type NeedleStatus } from '../../domain/needle-request';
import { DISPOSAL_KINDS, SITE_KINDS, type SiteKind, type SiteProperties } from '../../domain/site';
import { LEGEND_SWATCHES, PALETTE } from '../../map/palette';
import { NEEDLE_DENSITY_BREAKS } from '../../map/layers/needle-layers';
import { LAYER_IDS, type LayerId } from '../../domain/view';

/** A drawing another tool keeps on the map (the planned sharps sweep): its name, a one-line summary, shown or hidden. */
export type KeptLegendEntry = { toolId: string; label: string; detail: string; shown: boolean };

export type LegendProps = {
  layers: readonly LayerId[];
  kinds: readonly SiteKind[];
  statuses: readonly NeedleStatus[];
  needleFrom: string;
  needleTo: string;
  needleBounds: { first: string; last: string } | null;
  needleCount: number;
  needleMode: 'points' | 'density';
  /** Centre-to-corner size of a density hexagon, in metres. */
  densityCellMeters: number;
  siteCountByKind: Partial<Record<SiteKind, number>>;
  places: Feature<Point, SiteProperties>[];
  kept?: readonly KeptLegendEntry[];
  onToggleKept?: (toolId: string) => void;
  onToggleLayer: (layer: LayerId) => void;
  onToggleKind: (kind: SiteKind) => void;
  onToggleStatus: (status: NeedleStatus) => void;
  onNeedleRange: (from: string | null, to: string | null) => void;
  onSelectSite: (id: string) => void;
};

const SERVICE_KINDS = SITE_KINDS.filter((k) => !DISPOSAL_KINDS.includes(k));

export function Legend(p: LegendProps) {
  const { t } = useTranslation();
  const kindList = (kinds: readonly SiteKind[], layerOn: boolean) => (
    <ul className="kind-list">
      {kinds
        .filter((k) => (p.siteCountByKind[k] ?? 0) > 0)
        .map((k) => (
          <li key={k}>
            <label className={layerOn ? '' : 'muted'}>
              <input type="checkbox" data-testid={`kind-filter-${k}`} checked={p.kinds.includes(k)} onChange={() => p.onToggleKind(k)} disabled={!layerOn} />
              {t(`legend.kinds.${k}`)} <span className="count">{p.siteCountByKind[k] ?? 0}</span>
            </label>
          </li>
        ))}
    </ul>
  );
  return (
    <section className="legend" data-testid="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('legend.heading')}</h2>
      {LAYER_IDS.map((layer) => {
        const on = p.layers.includes(layer);
        return (
          <fieldset key={layer} className="legend-layer">
            <legend className="visually-hidden">{t(`legend.layers.${layer}`)}</legend>
            <label className="layer-toggle">
              <input type="checkbox" data-testid={`layer-toggle-${layer}`} checked={on} onChange={() => p.onToggleLayer(layer)} />
              <span className={`swatch swatch-${layer}`} style={{ background: LEGEND_SWATCHES[layer] }} aria-hidden="true" />
              <span className="layer-name">{t(`legend.layers.${layer}`)}</span>
            </label>
            {layer === 'disposal' && kindList(DISPOSAL_KINDS, on)}
            {layer === 'services' && kindList(SERVICE_KINDS, on)}
            {layer === 'needles' && (
              <div className={`needle-filters ${on ? '' : 'muted'}`}>
                <div className="date-range" role="group" aria-label={t('legend.needleRange')}>
                  {(['from', 'to'] as const).map((end) => (
                    <label key={end}>
                      {t(`legend.${end}`)}
                      <input
                        type="date"
                        data-testid={`needle-date-${end}`}
                        value={end === 'from' ? p.needleFrom : p.needleTo}
                        min={p.needleBounds?.first}
                        max={p.needleBounds?.last}
                        disabled={!on}
                        onChange={(e) =>
                          end === 'from' ? p.onNeedleRange(e.target.value || null, p.needleTo) : p.onNeedleRange(p.needleFrom, e.target.value || null)
                        }
                      />
                    </label>
                  ))}
                  <button type="button" className="link-button" disabled={!on} onClick={() => p.onNeedleRange(null, null)}>
                    {t('legend.resetRange')}
                  </button>
                </div>
                <div className="statuses" role="group" aria-label={t('legend.status')}>
                  {NEEDLE_STATUSES.map((s) => (
                    <label key={s}>
                      <input type="checkbox" data-testid={`needle-status-${s}`} checked={p.statuses.includes(s)} disabled={!on} onChange={() => p.onToggleStatus(s)} />
                      <span className={`dot dot-${s}`} style={{ background: LEGEND_SWATCHES[`needle-${s}`] }} aria-hidden="true" />
                      {t(`legend.statuses.${s}`)}
                    </label>
                  ))}
                </div>
                <p className="hint" data-testid="needle-count" aria-live="polite">
                  {t('legend.needleCount', { count: p.needleCount })}. {t(`legend.needleMode.${p.needleMode}`)}
                </p>
                {p.needleMode === 'density' && (
                  <figure className="density-key" data-testid="density-key">
                    <figcaption>{t('legend.densityKey', { meters: p.densityCellMeters })}</figcaption>
                    <ol>
                      {NEEDLE_DENSITY_BREAKS.map((lower, k) => {
                        const next = NEEDLE_DENSITY_BREAKS[k + 1];
                        const label = next === undefined ? `${lower}+` : next - 1 === lower ? `${lower}` : `${lower}–${next - 1}`;
                        return (
                          <li key={lower}>
                            <span className="density-swatch" style={{ background: PALETTE.needleDensityRamp[k] }} aria-hidden="true" />
                            {label}
                          </li>
                        );
                      })}
                    </ol>
                  </figure>
                )}
              </div>
            )}
          </fieldset>
        );
      })}
      {p.kept?.map((k) => (
        <fieldset key={k.toolId} className="legend-layer" data-testid={`kept-${k.toolId}`}>
          <legend className="visually-hidden">{k.label}</legend>
          <label className="layer-toggle">
            <input type="checkbox" data-testid={`layer-toggle-kept-${k.toolId}`} checked={k.shown} onChange={() => p.onToggleKept?.(k.toolId)} />
            <span className={`swatch swatch-line swatch-kept-${k.toolId}`} style={{ background: PALETTE.sweepRoute }} aria-hidden="true" />
            <span className="layer-name">{k.label}</span>
          </label>
          <p className="hint">{k.detail}</p>
        </fieldset>
      ))}
      <details className="places">
        <summary data-testid="places-summary">
          {t('legend.places')} ({p.places.length})
        </summary>
        {p.places.length === 0 ? (
          <p className="hint">{t('legend.noPlaces')}</p>
        ) : (
          <ul>
            {p.places.map((f) => (
              <li key={f.properties.id}>
                <button type="button" className="link-button" data-testid="place-item" onClick={() => p.onSelectSite(f.properties.id)}>
                  {f.properties.name}
                </button>
                <span className="hint"> · {t(`legend.kinds.${f.properties.kind}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
