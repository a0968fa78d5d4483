import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export type Series = { label: string; values: number[]; color: string };

/**
 * A daily line chart (uPlot: small, canvas, tree-shaken into the bundle). `dates` are
 * YYYY-MM-DD. The figures are also given as a visually hidden table, for screen readers.
 */
export function DailyChart(props: {
  title: string;
  dates: string[];
  series: Series[];
  format?: (value: number) => string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const xs = props.dates.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
    const format = props.format ?? ((v: number) => String(v));
    const chart = new uPlot(
      {
        width: Math.max(element.clientWidth, 280),
        height: 200,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [{ stroke: "#333" }, { stroke: "#333", values: (_u, ticks) => ticks.map(format), size: 64 }],
        series: [
          { label: "Date", value: (_u, v) => (v === null ? "–" : new Date(v * 1000).toISOString().slice(0, 10)) },
          ...props.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            points: { show: xs.length < 40 },
            value: (_u: uPlot, v: number | null) => (v === null ? "–" : format(v)),
          })),
        ],
      },
      [xs, ...props.series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 280), height: 200 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [props.dates, props.series]);
  const format = props.format ?? ((v: number) => String(v));
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={host} aria-hidden="true" />
      <div class="visually-hidden">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {props.series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.dates.map((d, i) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                {props.series.map((s) => (
                  <td key={s.label}>{format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
