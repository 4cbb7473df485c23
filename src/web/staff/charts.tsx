// Charts drawn on the server as SVG: no script, no third-party code. Each is an image with a
// text alternative (its title and a one-line summary) and its numbers in a table beside it, so
// nothing is only in the picture (WCAG 1.1.1, 1.4.1: the series also differ in the table).
import type { View } from "../view";

export interface Series {
  name: string;
  /** A colour with at least 3:1 contrast on white (WCAG 1.4.11). */
  colour: string;
  values: number[];
}

const W = 640;
const H = 240;
const PAD = { top: 16, bottom: 40, left: 40, right: 8 };

const niceMax = (n: number) => {
  if (n <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
};

/** Grouped bars: one group per category, one bar per series, with a value axis and a legend. */
export function BarChart({ id, labelledBy, view, title, categories, series, decimals = 0 }: { id: string; labelledBy: string; view: View; title: string; categories: string[]; series: Series[]; decimals?: number }) {
  const s = view.t;
  const fmt = (n: number) => n.toLocaleString(s.locale, { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
  const all = series.flatMap((x) => x.values);
  const max = niceMax(Math.max(0, ...all));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = categories.length ? plotW / categories.length : plotW;
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  // The summary a screen reader hears: the highest value and where it is.
  let best = { v: -1, where: "" };
  series.forEach((x) => x.values.forEach((v, i) => v > best.v && (best = { v, where: `${categories[i]} (${x.name})` })));
  const summary = best.v >= 0 ? s.t("dashChartSummary", { title, max: fmt(best.v), where: best.where }) : title;
  const ticks = decimals === 0 && max % 2 === 1 ? [0, max] : [0, max / 2, max];
  const rtl = s.dir === "rtl";
  // In Arabic the categories run right to left, as the table beside does.
  const x0 = (i: number) => (rtl ? PAD.left + plotW - (i + 1) * groupW : PAD.left + i * groupW);
  return (
    <figure class="chart">
      {/* The heading above names the chart (labelledBy; the title repeats it for a pointer's tooltip); the desc sums it up. Drawn left to right
          whatever the page's direction, so the axis labels and legend sit where they are placed. */}
      <svg viewBox={`0 0 ${W} ${H + 24}`} width="100%" role="img" aria-labelledby={`${labelledBy} ${id}-desc`} focusable="false" direction="ltr">
        <title>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((t) => (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#b1b4b6" stroke-width="1" />
            <text x={PAD.left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
              {fmt(t)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => (
          <g>
            {series.map((x, j) => {
              const v = x.values[i] ?? 0;
              const bx = x0(i) + groupW * 0.1 + (rtl ? series.length - 1 - j : j) * barW;
              return <rect x={bx} y={y(v)} width={barW - 1} height={Math.max(0, PAD.top + plotH - y(v))} fill={x.colour} />;
            })}
            <text x={x0(i) + groupW / 2} y={H - PAD.bottom + 16} text-anchor="middle" font-size="11" fill="#0b0c0c">
              {categories.length > 12 && i % 2 === 1 ? "" : c}
            </text>
          </g>
        ))}
        {series.length > 1 &&
          series.map((x, j) => (
            <g>
              <rect x={PAD.left + j * 160} y={H + 4} width="14" height="14" fill={x.colour} />
              <text x={PAD.left + j * 160 + 20} y={H + 16} font-size="12" fill="#0b0c0c">
                {x.name}
              </text>
            </g>
          ))}
      </svg>
    </figure>
  );
}

/** The chart's numbers, as a table: the same categories and series, every value written out. */
export function ChartTable({ view, caption, head, categories, series, decimals = 0 }: { view: View; caption: string; head: string; categories: string[]; series: Series[]; decimals?: number }) {
  const fmt = (n: number) => n.toLocaleString(view.t.locale, { maximumFractionDigits: decimals, minimumFractionDigits: decimals });
  return (
    <table class="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {series.map((x) => (
            <th scope="col">{x.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((c, i) => (
          <tr>
            <th scope="row">{c}</th>
            {series.map((x) => (
              <td>{fmt(x.values[i] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
