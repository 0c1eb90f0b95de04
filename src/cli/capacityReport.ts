// `run`'s capacity table: per pattern and per write operation, the capacity units the
// engine predicts (DynamoDB's documented figure), the figure DynamoDB Local reports
// for it where Local provably counts otherwise (a named adjustment,
// engine/cost/localDynamoDB.ts), and what the endpoint measured. The rows are
// compared by runner/capacityComparison.ts; any difference is a failure.
import { LOCAL_DEVIATIONS } from '../engine/index.ts';
import type { CapacityRow } from '../runner/index.ts';
import { textTable } from './textTable.ts';

const units = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The table: predicted (documented), expected of this endpoint, measured, result; then the adjustments used and every difference. */
export function formatCapacityTable(rows: readonly CapacityRow[]): string {
  const header = ['capacity', 'kind', 'calls', 'predicted', 'expected', 'measured', 'result'];
  const body = rows.map((r) => [
    r.subject,
    r.kind === 'read' ? 'RCU' : 'WCU+RCU',
    String(r.calls),
    units(r.predicted),
    units(r.expected),
    units(r.measured),
    r.differences.length ? 'DIFFERS' : 'ok',
  ]);
  const used = [...new Set(rows.flatMap((r) => r.deviations))];
  const notes = [
    '  predicted: DynamoDB’s documented units; expected: what this endpoint should report (DynamoDB Local’s known deviations applied); measured: its ConsumedCapacity',
    ...used.map((d) => `  ${d}: ${LOCAL_DEVIATIONS[d]}`),
    ...rows.flatMap((r) => r.differences.map((d) => `  ${r.subject}: ${d}`)),
  ];
  return [textTable(header, body, new Set([2, 3, 4, 5])), '', ...notes].join('\n') + '\n';
}
