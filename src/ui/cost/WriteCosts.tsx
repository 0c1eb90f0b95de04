// Per entity and write operation: its share of the entity's writes and the rate that gives, the
// write and read units of one write, a month in both modes; a sample write that failed is said so.
import { useId } from 'react';
import { dollars, percent, perSecond, units, type CostReport } from '../../engine/index.ts';

export function WriteCosts({ report }: { report: CostReport }) {
  const heading = useId();
  return (
    <section className="tw-cost__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-cost__heading">
        Writes
      </h3>
      <p className="tw-cost__muted">
        Each entity’s writes per second spread over its operations; write (WRU) and read (RRU) units of one write; a month in each mode.
      </p>
      <div className="tw-cost__scroll">
        <table className="tw-cost__table" aria-label="Write costs">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Operation</th>
              <th scope="col">Share</th>
              <th scope="col">Writes/s</th>
              <th scope="col">WRU</th>
              <th scope="col">RRU</th>
              <th scope="col">On-demand</th>
              <th scope="col">Provisioned</th>
            </tr>
          </thead>
          <tbody>
            {report.entities.flatMap((e) =>
              e.operations.map((o, i) => (
                <tr key={`${e.entity} ${o.label}`}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={e.operations.length}>
                      {e.entity}
                    </th>
                  ) : null}
                  <td className="tw-cost__text">
                    {o.label}
                    {!o.ok && <span className="tw-cost__failed"> — the sample write failed ({o.error ?? 'error'}); priced as DynamoDB prices the refusal</span>}
                  </td>
                  <td>{percent(o.share)}</td>
                  <td>{perSecond({ ...o.rate, isDefault: e.writes.isDefault })}</td>
                  <td>{units(o.writeUnits)}</td>
                  <td>{units(o.readUnits)}</td>
                  <td>{dollars(o.monthly.onDemand)}</td>
                  <td>{dollars(o.monthly.provisioned)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      {report.entities.some((e) => e.operations.length === 0) && (
        <p className="tw-cost__muted">
          No write priced for:{' '}
          {report.entities
            .filter((e) => e.operations.length === 0)
            .map((e) => e.entity)
            .join(', ')}{' '}
          (the design writes none of its samples).
        </p>
      )}
    </section>
  );
}
