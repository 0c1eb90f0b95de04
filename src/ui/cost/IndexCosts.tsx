// Per index (the table first): the provisioned capacity its peaks need and what it costs, and what
// it stores (items, GB with 100 bytes per item, dollars a month).
import { useId } from 'react';
import { dollars, percent, units, type CostReport } from '../../engine/index.ts';

export function IndexCosts({ report }: { report: CostReport }) {
  const heading = useId();
  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        Indexes
      </h3>
      <p className="tw-cost__muted">Provisioned for the peaks at {percent(report.targetUtilization)} target utilisation; storage with 100 bytes per item.</p>
      <div className="tw-cost__scroll">
        <table className="tw-cost__table" aria-label="Index costs">
          <thead>
            <tr>
              <th scope="col">Index</th>
              <th scope="col">RCU</th>
              <th scope="col">WCU</th>
              <th scope="col">Provisioned</th>
              <th scope="col">Items</th>
              <th scope="col">GB</th>
              <th scope="col">Storage</th>
            </tr>
          </thead>
          <tbody>
            {report.indexes.map((i) => (
              <tr key={i.index}>
                <th scope="row">{i.index}</th>
                <td>{units(i.rcu)}</td>
                <td>{units(i.wcu)}</td>
                <td>{dollars(i.dollars)}</td>
                <td>{units(i.storage.items)}</td>
                <td>{i.storage.gb.toPrecision(3)}</td>
                <td>{dollars(i.storage.dollars)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
