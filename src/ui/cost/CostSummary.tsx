// The month in both capacity modes (capacity + storage), the cheaper one marked in words and with
// a mark, not by colour alone, what it saves, the break-even traffic, the naive design's bill and
// the prices' region and date.
import { useId } from 'react';
import { dollars, percent, times, units, type CapacityMode, type CostReport } from '../../engine/index.ts';

const MODES: { mode: CapacityMode; name: string; capacity: string }[] = [
  { mode: 'on-demand', name: 'On-demand', capacity: 'request units' },
  { mode: 'provisioned', name: 'Provisioned', capacity: 'capacity' },
];

export function CostSummary({ report }: { report: CostReport }) {
  const heading = useId();
  const { prices, breakEven } = report;
  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        A month
      </h3>
      <ul className="tw-cost__totals" aria-label="Monthly totals">
        {MODES.map(({ mode, name, capacity }) => {
          const total = mode === 'on-demand' ? report.totals.onDemand : report.totals.provisioned;
          const cheaper = report.cheaper === mode;
          return (
            <li
              key={mode}
              className={cheaper ? 'tw-cost__total tw-cost__total--cheaper' : 'tw-cost__total'}
              aria-label={`${name}${cheaper ? ', cheaper' : ''}`}
            >
              <span className="tw-cost__mode">
                {name}
                {cheaper && <span className="tw-cost__badge">✓ Cheaper</span>}
              </span>
              <span className="tw-cost__amount">{dollars(total.total)}</span>
              <span className="tw-cost__muted">
                {dollars(total.capacity)} {capacity} + {dollars(total.storage)} storage
              </span>
            </li>
          );
        })}
      </ul>
      <p className="tw-cost__line">
        {report.cheaper === 'on-demand' ? 'On-demand' : 'Provisioned'} saves {dollars(report.savings)} a month at the declared traffic (
        {units(report.callsPerSecond)} calls/s on average).
      </p>
      <p className="tw-cost__line" aria-label="Break-even">
        {breakEven
          ? `Break-even: provisioned pays off above ${units(breakEven.callsPerSecond)} calls/s on average, ${percent(breakEven.fraction)} of the declared traffic; below it on-demand is cheaper.`
          : 'Break-even: none, nothing is called.'}
      </p>
      <p className="tw-cost__line">
        Naive design (every pattern a Scan of the whole table): {dollars(report.naive.monthly)} a month on-demand, {times(report.naive.ratio)} this design’s
        pattern reads.
      </p>
      <p className="tw-cost__muted">
        Prices: {prices.region} as of {prices.date}; provisioned capacity for the peaks at {percent(report.targetUtilization)} target utilisation.
      </p>
    </section>
  );
}
