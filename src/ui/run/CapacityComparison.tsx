// Predicted capacity units beside the measured ones, for one pattern run or one
// write sent (runner/capacityComparison.ts): DynamoDB's documented figure, the one
// DynamoDB Local should report where it provably counts otherwise (named
// deviations, engine/cost/localDynamoDB.ts), what the endpoint reported, and
// whether they agree; each request that differs is listed.
import { LOCAL_DEVIATIONS } from '../../engine/index.ts';
import type { CapacityRow } from '../../runner/index.ts';

const units = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function CapacityComparison({ row }: { row: CapacityRow }) {
  const same = row.differences.length === 0;
  const kind = row.kind === 'read' ? 'RCU' : 'units';
  return (
    <div className={`tw-run__capacity ${same ? 'tw-run__ok' : 'tw-run__warning'}`} role="group" aria-label="Capacity: predicted and measured">
      <span>
        Predicted <strong data-testid="capacity-predicted">{units(row.predicted)}</strong> {kind}
        {row.expected !== row.predicted && (
          <>
            {' '}
            (<span data-testid="capacity-expected">{units(row.expected)}</span> on DynamoDB Local)
          </>
        )}
        , measured <strong data-testid="capacity-measured">{units(row.measured)}</strong>:{' '}
        <span data-testid="capacity-verdict">{same ? 'same' : 'differs'}</span>
      </span>
      {row.deviations.length > 0 && (
        <ul className="tw-run__muted">
          {row.deviations.map((d) => (
            <li key={d}>{LOCAL_DEVIATIONS[d]}</li>
          ))}
        </ul>
      )}
      {!same && (
        <ul>
          {row.differences.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
