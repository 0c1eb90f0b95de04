// "Monthly cost against average traffic": both modes' whole bill (storage included) from no traffic
// to past the break-even, the break-even point and the declared traffic marked. Plain SVG drawn
// with the theme's variables; the lines differ by dash and by their labels, not by colour alone; a
// title and description for screen readers and the figures as a table below.
import { useId } from 'react';
import { dollars, percent, units, type CostReport } from '../../engine/index.ts';
import { linearScale, niceTicks } from './chartScale.ts';

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { left: 64, right: 104, top: 16, bottom: 48 };

const money = (n: number) => (n >= 1 || n === 0 ? `$${n.toLocaleString('en-US')}` : `$${String(n)}`);

export function CostChart({ report }: { report: CostReport }) {
  const ids = useId();
  const heading = `${ids}-heading`;
  const title = `${ids}-title`;
  const desc = `${ids}-desc`;
  const points = report.chart;
  const maxX = Math.max(...points.map((p) => p.callsPerSecond), report.callsPerSecond, 1);
  const xTicks = niceTicks(maxX);
  const yTicks = niceTicks(Math.max(...points.map((p) => Math.max(p.onDemand, p.provisioned)), 0));
  const x = linearScale([0, xTicks[xTicks.length - 1] ?? 1], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale([0, yTicks[yTicks.length - 1] ?? 1], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const line = (value: (p: (typeof points)[number]) => number) => points.map((p) => `${x(p.callsPerSecond).toFixed(1)},${y(value(p)).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const { breakEven } = report;
  const even = breakEven ? { cx: x(breakEven.callsPerSecond), cy: y(report.totals.provisioned.total) } : undefined;
  const declared = x(report.callsPerSecond);
  const summary = `On-demand rises from ${dollars(report.totals.onDemand.storage)} with the traffic; provisioned stays at ${dollars(report.totals.provisioned.total)} a month. ${
    breakEven
      ? `They meet at ${units(breakEven.callsPerSecond)} calls/s (${percent(breakEven.fraction)} of the declared ${units(report.callsPerSecond)} calls/s).`
      : 'Nothing is called, so they never meet.'
  } At the declared traffic on-demand costs ${dollars(report.totals.onDemand.total)}.`;

  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        Monthly cost against average traffic
      </h3>
      <svg className="tw-cost__chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${title} ${desc}`}>
        <title id={title}>Monthly cost against average traffic, on-demand and provisioned</title>
        <desc id={desc}>{summary}</desc>
        {yTicks.map((t) => (
          <g key={`y${t}`} className="tw-cost__grid">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} />
            <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {money(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <g key={`x${t}`} className="tw-cost__grid">
            <line x1={x(t)} x2={x(t)} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom + 4} />
            <text x={x(t)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
              {units(t)}
            </text>
          </g>
        ))}
        <line className="tw-cost__axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} />
        <line className="tw-cost__axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
        <text className="tw-cost__axis-label" x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} textAnchor="middle">
          Average traffic (calls/s)
        </text>
        <text className="tw-cost__axis-label" transform={`translate(14 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle">
          Dollars a month
        </text>
        <line className="tw-cost__declared" x1={declared} x2={declared} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
        <text className="tw-cost__mark-label" x={declared + 4} y={MARGIN.top + 10}>
          declared {units(report.callsPerSecond)}/s
        </text>
        <polyline className="tw-cost__line tw-cost__line--provisioned" points={line((p) => p.provisioned)} />
        <polyline className="tw-cost__line tw-cost__line--on-demand" points={line((p) => p.onDemand)} />
        {last && (
          <>
            <text
              className="tw-cost__line-label tw-cost__line-label--provisioned"
              x={x(last.callsPerSecond) + 6}
              y={y(last.provisioned)}
              dy={last.provisioned >= last.onDemand ? '-0.2em' : '0.9em'}
            >
              Provisioned
            </text>
            <text
              className="tw-cost__line-label tw-cost__line-label--on-demand"
              x={x(last.callsPerSecond) + 6}
              y={y(last.onDemand)}
              dy={last.onDemand > last.provisioned ? '-0.2em' : '0.9em'}
            >
              On-demand
            </text>
          </>
        )}
        {even && breakEven && (
          <g className="tw-cost__break-even">
            <circle cx={even.cx} cy={even.cy} r={5} />
            <text x={even.cx} y={even.cy - 10} textAnchor="middle">
              break-even {units(breakEven.callsPerSecond)}/s
            </text>
          </g>
        )}
      </svg>
      <p className="tw-cost__legend" aria-hidden="true">
        <span className="tw-cost__key tw-cost__key--on-demand" /> On-demand (solid) <span className="tw-cost__key tw-cost__key--provisioned" /> Provisioned
        (dashed) <span className="tw-cost__key tw-cost__key--declared" /> declared traffic
      </p>
      <details className="tw-cost__figures">
        <summary>The chart’s figures as a table</summary>
        <div className="tw-cost__scroll">
          <table className="tw-cost__table" aria-label="Monthly cost against average traffic">
            <thead>
              <tr>
                <th scope="col">Calls/s</th>
                <th scope="col">Of the declared</th>
                <th scope="col">On-demand</th>
                <th scope="col">Provisioned</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.fraction}>
                  <th scope="row">{units(p.callsPerSecond)}</th>
                  <td>
                    {percent(p.fraction)}
                    {p.fraction === 1 ? ' (declared)' : breakEven && p.fraction === breakEven.fraction ? ' (break-even)' : ''}
                  </td>
                  <td>{dollars(p.onDemand)}</td>
                  <td>{dollars(p.provisioned)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
