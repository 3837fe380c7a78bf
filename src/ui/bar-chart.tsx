// An accessible SVG bar chart (no chart library): thinned tick labels that never overlap, and the numbers as a table.
import './bar-chart.css';

export type BarChartProps = {
  /** Shown above the chart and as the table's caption, already translated ("Requests by month"). */
  title: string;
  /** Tick label of each bar, short ("Mar 25", "Mon", "14"); a missing label is blank. */
  labels: readonly string[];
  /** One bar per value (counts, >= 0; a negative or non-finite value is drawn as zero). */
  values: readonly number[];
  /** What the values count ("requests"): in the summary and the table's value header. */
  unit?: string;
  /** The chart's accessible name; defaults to barChartSummary (English: "Requests by month: highest March 2025, 412"). */
  ariaLabel?: string;
  /** Full label of each bar for the table and the summary ("March 2025"); defaults to `labels`. */
  tableLabels?: readonly string[];
  /** Formats a value for the table, the summary and the axis; defaults to en-US grouping (1,234). */
  formatValue?: (value: number) => string;
  /** Text of the table toggle, already translated; default "Show as table". */
  toggleLabel?: string;
  /** Header of the label column of the table; default "Period". */
  categoryHeader?: string;
  className?: string;
  testId?: string;
};

/** The SVG's coordinate system: the chart scales to its box; at 400 px wide the text is 12 px. */
export const BAR_CHART_VIEW = { width: 400, height: 200, top: 10, right: 6, bottom: 24, left: 40, fontSize: 12 } as const;

const defaultFormat = (v: number) => v.toLocaleString('en-US');
const safe = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

/** Steps between labelled ticks that read well for months (quarters, half-years, years) and hours. */
const NICE_STEPS = [1, 2, 3, 4, 6, 12];

/**
 * Every how many bars a tick label is drawn so labels of `maxLabelChars` characters (estimated at 0.6 em each, plus
 * a 6-unit gap) never overlap: the smallest step of 1, 2, 3, 4, 6, 12 (then multiples of 12) that leaves room.
 */
export function tickStep(barCount: number, maxLabelChars: number, plotWidth: number, fontSize: number): number {
  if (barCount <= 1) return 1;
  const slot = plotWidth / barCount;
  const needed = (maxLabelChars * fontSize * 0.6 + 6) / slot;
  const nice = NICE_STEPS.find((s) => s >= needed);
  return nice ?? Math.ceil(needed / 12) * 12;
}

/**
 * The value axis: ticks from 0 every 1, 2 or 5 times a power of ten (whole numbers, at least 1), at most 5 steps up
 * to the first tick at or above `max` (412 gives 0, 100, ... 500).
 */
export function valueAxis(max: number): { top: number; ticks: number[] } {
  const m = safe(max);
  const raw = Math.max(m / 5, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const top = Math.max(step, Math.ceil(m / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(t);
  return { top, ticks };
}

/** The default accessible name: the title and the highest bar ("Requests by month: highest March 2025, 412 requests"). */
export function barChartSummary(title: string, labels: readonly string[], values: readonly number[], unit?: string, formatValue = defaultFormat): string {
  if (values.length === 0) return `${title}: no data`;
  let best = 0;
  values.forEach((v, i) => {
    if (safe(v) > safe(values[best]!)) best = i;
  });
  if (safe(values[best]!) === 0) return `${title}: all zero`;
  return `${title}: highest ${labels[best] ?? ''}, ${formatValue(values[best]!)}${unit ? ` ${unit}` : ''}`;
}

export function BarChart(props: BarChartProps) {
  const { title, labels, values, unit } = props;
  const format = props.formatValue ?? defaultFormat;
  const fullLabels = props.tableLabels ?? labels;
  const v = BAR_CHART_VIEW;
  const plotWidth = v.width - v.left - v.right;
  const plotHeight = v.height - v.top - v.bottom;
  const baseline = v.top + plotHeight;
  const { top, ticks } = valueAxis(Math.max(0, ...values.map(safe)));
  const slot = values.length > 0 ? plotWidth / values.length : plotWidth;
  const barWidth = Math.max(1, slot * 0.8);
  const step = tickStep(values.length, Math.max(1, ...values.map((_, i) => (labels[i] ?? '').length)), plotWidth, v.fontSize);
  const round = (x: number) => Math.round(x * 100) / 100;

  return (
    <figure className={props.className ?? 'bar-chart'} data-testid={props.testId}>
      <figcaption className="bar-chart-title">{title}</figcaption>
      <svg
        className="bar-chart-svg"
        viewBox={`0 0 ${v.width} ${v.height}`}
        role="img"
        aria-label={props.ariaLabel ?? barChartSummary(title, fullLabels, values, unit, format)}
        fontSize={v.fontSize}
      >
        {ticks.map((t) => {
          const y = round(baseline - (t / top) * plotHeight);
          return (
            <g key={t} className="bar-chart-grid">
              <line x1={v.left} x2={v.width - v.right} y1={y} y2={y} />
              <text x={v.left - 4} y={y} textAnchor="end" dominantBaseline="middle">
                {format(t)}
              </text>
            </g>
          );
        })}
        {values.map((value, i) => {
          const height = round((safe(value) / top) * plotHeight);
          return (
            <rect
              key={i}
              className="bar-chart-bar"
              x={round(v.left + i * slot + (slot - barWidth) / 2)}
              y={round(baseline - height)}
              width={round(barWidth)}
              height={height}
            >
              <title>{`${fullLabels[i] ?? labels[i] ?? ''}: ${format(value)}`}</title>
            </rect>
          );
        })}
        {values.map((_, i) =>
          i % step === 0 ? (
            <text key={i} className="bar-chart-tick" x={round(v.left + (i + 0.5) * slot)} y={v.height - 6} textAnchor="middle">
              {labels[i] ?? ''}
            </text>
          ) : null,
        )}
      </svg>
      <details className="bar-chart-table">
        <summary>{props.toggleLabel ?? 'Show as table'}</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.categoryHeader ?? 'Period'}</th>
              <th scope="col">{unit ?? 'Count'}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((value, i) => (
              <tr key={i}>
                <th scope="row">{fullLabels[i] ?? labels[i] ?? ''}</th>
                <td>{format(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
