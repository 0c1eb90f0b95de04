// Per pattern: requests and read units per call, its rate (the default said), a month in both
// modes, the naive Scan's price per call and the ratio; clicking a row selects the pattern (the
// Patterns and Design panels show it). Below, a bar per pattern: this design's read units per call
// against the naive Scan's, on a log scale.
import { useId } from 'react';
import { dollars, perSecond, times, units, type CostReport, type PatternCost } from '../../engine/index.ts';
import { usePatternActions, useSelectedPattern } from '../../store/selectors.ts';
import { NaiveBars } from './NaiveBars.tsx';

export function PatternCosts({ report }: { report: CostReport }) {
  const heading = useId();
  const selected = useSelectedPattern();
  const { selectPattern } = usePatternActions();
  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        Patterns
      </h3>
      <p className="tw-cost__muted">
        Read units per call (average and dearest), calls per second (average/peak), a month in each mode, and what a Scan would read instead.
      </p>
      <div className="tw-cost__scroll">
        <table className="tw-cost__table" aria-label="Pattern costs">
          <thead>
            <tr>
              <th scope="col">Pattern</th>
              <th scope="col">Requests</th>
              <th scope="col">RRU avg</th>
              <th scope="col">RRU worst</th>
              <th scope="col">Calls/s</th>
              <th scope="col">On-demand</th>
              <th scope="col">Provisioned</th>
              <th scope="col">Scan per call</th>
              <th scope="col">Scan ÷ this</th>
            </tr>
          </thead>
          <tbody>
            {report.patterns.map((p) => (
              <PatternRow key={p.pattern} cost={p} selected={p.pattern === selected} select={() => selectPattern(p.pattern)} />
            ))}
          </tbody>
        </table>
      </div>
      <NaiveBars patterns={report.patterns} selected={selected} select={selectPattern} />
    </section>
  );
}

function PatternRow({ cost: p, selected, select }: { cost: PatternCost; selected: boolean; select: () => void }) {
  return (
    <tr className={selected ? 'tw-cost__row tw-cost__row--selected' : 'tw-cost__row'} onClick={select} aria-current={selected ? 'true' : undefined}>
      <th scope="row">
        <button type="button" className="tw-cost__pick" aria-pressed={selected} title="Select this pattern">
          {p.pattern}
        </button>
        {!p.served && <span className="tw-cost__muted"> (not served)</span>}
      </th>
      <td>{p.requestsPerCall}</td>
      <td>{units(p.unitsPerCall.average)}</td>
      <td>{units(p.unitsPerCall.worst)}</td>
      <td>{perSecond(p.rate)}</td>
      <td>{dollars(p.monthly.onDemand)}</td>
      <td>{dollars(p.monthly.provisioned)}</td>
      <td>
        {dollars(p.naive.dollarsPerCall)} <span className="tw-cost__muted">({units(p.naive.units)} RRU)</span>
      </td>
      <td>{times(p.naive.ratio)}</td>
    </tr>
  );
}
