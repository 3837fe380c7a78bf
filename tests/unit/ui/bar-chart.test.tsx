// Tests for the SVG bar chart: one bar and one table row per value, zero bars flat, thinned labels, accessible names.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { BAR_CHART_VIEW, BarChart, barChartSummary, tickStep, valueAxis, type BarChartProps } from '../../../src/ui/bar-chart';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const months36 = Array.from({ length: 36 }, (_, i) => `${MONTHS[i % 12]} ${23 + Math.floor(i / 12)}`);

function render(overrides: Partial<BarChartProps> = {}) {
  return renderToStaticMarkup(<BarChart title="Requests by month" labels={['Jan', 'Feb', 'Mar']} values={[5, 0, 12]} {...overrides} />);
}

/** Reads the static markup (no DOM here): bars with their geometry, tick labels, table rows, summary and names. */
function read(html: string) {
  const attr = (tag: string, name: string) => Number(new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1]);
  const bars = [...html.matchAll(/<rect class="bar-chart-bar"[^>]*>/g)].map((m) => ({ y: attr(m[0], 'y'), height: attr(m[0], 'height'), x: attr(m[0], 'x'), width: attr(m[0], 'width') }));
  const ticks = [...html.matchAll(/<text class="bar-chart-tick" x="([^"]*)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2] }));
  const rows = [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
  const svg = /<svg [^>]*>/.exec(html)?.[0] ?? '';
  return {
    bars,
    ticks,
    rows,
    svgRole: /role="([^"]*)"/.exec(svg)?.[1],
    svgName: /aria-label="([^"]*)"/.exec(svg)?.[1],
    caption: /<caption>([^<]*)<\/caption>/.exec(html)?.[1],
    figcaption: /<figcaption class="bar-chart-title">([^<]*)<\/figcaption>/.exec(html)?.[1],
    summary: /<details class="bar-chart-table"><summary>([^<]*)<\/summary><table>/.exec(html)?.[1],
  };
}

describe('BarChart', () => {
  it('draws one bar per value, taller for larger values, a zero value as a flat bar on the baseline', () => {
    const { bars } = read(render());
    expect(bars.length).toBe(3);
    expect(bars[1]!.height).toBe(0);
    expect(bars[2]!.height).toBeGreaterThan(bars[0]!.height);
    const baseline = BAR_CHART_VIEW.height - BAR_CHART_VIEW.bottom;
    for (const b of bars) expect(b.y + b.height).toBeCloseTo(baseline, 5);
  });

  it('scales bars to the axis top: 12 of a top of 15 fills 80 % of the plot', () => {
    const { bars } = read(render());
    const plotHeight = BAR_CHART_VIEW.height - BAR_CHART_VIEW.top - BAR_CHART_VIEW.bottom;
    expect(valueAxis(12).top).toBe(15);
    expect(bars[2]!.height).toBeCloseTo(plotHeight * 0.8, 1);
  });

  it('keeps bars inside the plot and apart, in order left to right', () => {
    const { bars } = read(render({ labels: months36, values: months36.map((_, i) => i) }));
    expect(bars.length).toBe(36);
    bars.forEach((b, i) => {
      expect(b.x).toBeGreaterThanOrEqual(BAR_CHART_VIEW.left);
      expect(b.x + b.width).toBeLessThanOrEqual(BAR_CHART_VIEW.width - BAR_CHART_VIEW.right + 1e-9);
      if (i > 0) expect(b.x).toBeGreaterThan(bars[i - 1]!.x + bars[i - 1]!.width);
    });
  });

  it('shows the title above the chart and as the table caption, with a visible "Show as table" toggle', () => {
    const r = read(render());
    expect([r.figcaption, r.caption, r.summary]).toEqual(['Requests by month', 'Requests by month', 'Show as table']);
    expect(read(render({ toggleLabel: 'Voir le tableau' })).summary).toBe('Voir le tableau');
  });

  it('lists every value as a table row with its full label, zeros included', () => {
    const html = render({ tableLabels: ['January 2025', 'February 2025', 'March 2025'], values: [5, 0, 1234], unit: 'requests' });
    expect(read(html).rows).toEqual([
      ['January 2025', '5'],
      ['February 2025', '0'],
      ['March 2025', '1,234'],
    ]);
    expect(html).toContain('<th scope="col">Period</th><th scope="col">requests</th>');
  });

  it('is an image named by a summary of the highest bar, or by the given name', () => {
    const r = read(render({ tableLabels: ['January 2025', 'February 2025', 'March 2025'], values: [5, 412, 12], unit: 'requests' }));
    expect(r.svgRole).toBe('img');
    expect(r.svgName).toBe('Requests by month: highest February 2025, 412 requests');
    expect(read(render({ ariaLabel: 'Demandes par mois' })).svgName).toBe('Demandes par mois');
  });

  it('labels every bar when there is room, and thins the labels of 36 months so they never overlap', () => {
    expect(read(render()).ticks.map((t) => t.text)).toEqual(['Jan', 'Feb', 'Mar']);
    const { ticks } = read(render({ labels: months36, values: months36.map(() => 1) }));
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThan(36);
    expect(ticks[0]!.text).toBe('Jan 23');
    const labelWidth = 'Jan 23'.length * BAR_CHART_VIEW.fontSize * 0.6;
    for (let k = 1; k < ticks.length; k++) expect(ticks[k]!.x - ticks[k - 1]!.x).toBeGreaterThan(labelWidth);
  });

  it('draws an empty chart without bars or rows, and all-zero values as flat bars', () => {
    const empty = read(render({ labels: [], values: [] }));
    expect([empty.bars.length, empty.rows.length, empty.svgName]).toEqual([0, 0, 'Requests by month: no data']);
    const zeros = read(render({ values: [0, 0, 0] }));
    expect(zeros.bars.map((b) => b.height)).toEqual([0, 0, 0]);
    expect(zeros.svgName).toBe('Requests by month: all zero');
  });
});

describe('tickStep', () => {
  it('is 1 when every label fits, and a step of 1, 2, 3, 4, 6, 12 or a multiple of 12 otherwise', () => {
    expect(tickStep(7, 3, 354, 12)).toBe(1);
    expect(tickStep(24, 2, 354, 12)).toBe(2);
    expect(tickStep(36, 6, 354, 12)).toBe(6);
    expect(tickStep(1, 50, 354, 12)).toBe(1);
    expect(tickStep(400, 8, 354, 12) % 12).toBe(0);
  });

  it('leaves at least a label width between labelled ticks, for any count and label length', () => {
    for (let n = 1; n <= 200; n++) {
      for (const chars of [1, 3, 6, 10]) {
        const step = tickStep(n, chars, 354, 12);
        if (n > 1) expect(step * (354 / n), `${n} bars, ${chars} chars`).toBeGreaterThanOrEqual(chars * 12 * 0.6 + 6);
      }
    }
  });
});

describe('valueAxis and barChartSummary', () => {
  it('tops the axis at a round number at or above the largest value', () => {
    expect(valueAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(valueAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(valueAxis(412)).toEqual({ top: 500, ticks: [0, 100, 200, 300, 400, 500] });
    for (let m = 1; m < 5000; m += 7) {
      const { top, ticks } = valueAxis(m);
      expect(top).toBeGreaterThanOrEqual(m);
      expect(ticks[ticks.length - 1]).toBe(top);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  it('names the first of equal highest bars', () => {
    expect(barChartSummary('By day', ['Mon', 'Tue', 'Wed'], [3, 7, 7])).toBe('By day: highest Tue, 7');
  });
});
