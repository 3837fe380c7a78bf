// The Sweeps tab's map key: what the colours of the cells or neighbourhoods count, and how the sweep is drawn (the
// route, dashed where a leg is a straight line; numbered stops; the start; stops left out).
import { useTranslation } from 'react-i18next';
import { PALETTE } from '../../map/palette';

type Props = {
  /** Lower bounds of the colour classes 2.. (ascending), and the smallest and largest counts drawn. */
  breaks: readonly number[];
  min: number;
  max: number;
  /** 'cells' (with their size) or 'neighborhoods'. */
  what: { kind: 'cells'; meters: number } | { kind: 'neighborhoods' };
  planned: boolean;
};

/** "1–3", "4", "9–12" labels of the classes, from the smallest count, the classes' lower bounds and the largest count. */
export function classLabels(breaks: readonly number[], min: number, max: number): string[] {
  const lows = [min, ...breaks];
  return lows.map((low, k) => {
    const next = lows[k + 1];
    const high = next === undefined ? max : next - 1;
    return high <= low ? String(low) : `${low}–${high}`;
  });
}

export function SweepsLegend({ breaks, min, max, what, planned }: Props) {
  const { t } = useTranslation();
  const labels = max > 0 ? classLabels(breaks, min, max) : [];
  return (
    <figure className="density-key sweeps-legend" data-testid="sweeps-legend">
      <figcaption>{what.kind === 'cells' ? t('sweeps.legend.cells', { m: what.meters }) : t('sweeps.legend.neighborhoods')}</figcaption>
      <ol>
        {labels.map((label, k) => (
          <li key={label}>
            <span className="density-swatch" style={{ background: PALETTE.needleDensityRamp[k] }} aria-hidden="true" />
            {label}
          </li>
        ))}
        {labels.length === 0 && <li>{t('sweeps.legend.none')}</li>}
      </ol>
      {planned && (
        <ul className="sweeps-legend-route">
          <li>
            <span className="sweeps-key-line" aria-hidden="true" /> {t('sweeps.legend.route')}
          </li>
          <li>
            <span className="sweeps-key-line dashed" aria-hidden="true" /> {t('sweeps.legend.straight')}
          </li>
          <li>
            <span className="sweeps-key-stop" aria-hidden="true">
              1
            </span>{' '}
            {t('sweeps.legend.stop')}
          </li>
          <li>
            <span className="sweeps-key-start" aria-hidden="true">
              S
            </span>{' '}
            {t('sweeps.legend.start')}
          </li>
          <li>
            <span className="sweeps-key-left" aria-hidden="true" /> {t('sweeps.legend.leftOut')}
          </li>
        </ul>
      )}
    </figure>
  );
}
