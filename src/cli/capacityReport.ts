// `run`'s capacity check: per pattern and per write operation, the capacity units
// the engine predicts (DynamoDB's documented figure), the figure DynamoDB Local
// reports for it where Local provably counts otherwise (a named adjustment,
// engine/cost/localDynamoDB.ts), and what the endpoint measured, request by request.
// Any difference is a failure.
import {
  LOCAL_DEVIATIONS,
  measuredCapacity,
  readFigures,
  sameCapacity,
  writeFigures,
  type CapacityFigure,
  type LocalDeviation,
  type PatternCallReadUnits,
  type WriteOperationCost,
} from '../engine/index.ts';
import type { PatternRun, WriteRun } from '../runner/index.ts';

export interface CapacityRow {
  /** `pattern` or `Entity write`. */
  kind: 'read' | 'write';
  subject: string;
  /** Calls compared. */
  calls: number;
  /** Sums over the calls: DynamoDB's documented figure, the figure to expect of the endpoint, and what it reported. */
  predicted: number;
  expected: number;
  measured: number;
  deviations: LocalDeviation[];
  /** Per request that differs, for people. */
  differences: string[];
}

const figureText = (f: CapacityFigure): string => `${f.units}${Object.keys(f.indexes).length ? ` (${Object.entries(f.indexes).map(([n, u]) => `${n} ${u}`).join(', ')})` : ''}`;

/**
 * A pattern's row: each call's predicted requests beside the measured ones. `local` says the endpoint is a DynamoDB
 * Local, whose known deviations are applied to the expected figure; against DynamoDB itself the documented one is expected.
 */
export function patternCapacityRow(pattern: string, predicted: readonly PatternCallReadUnits[], runs: readonly PatternRun[], local: boolean): CapacityRow {
  const row: CapacityRow = { kind: 'read', subject: pattern, calls: runs.length, predicted: 0, expected: 0, measured: 0, deviations: [], differences: [] };
  runs.forEach((run, i) => {
    const call = predicted[i];
    if (!call || call.requests.length !== run.requests.length) {
      row.differences.push(`call ${i + 1}: ${call?.requests.length ?? 0} requests predicted, ${run.requests.length} sent`);
      return;
    }
    call.requests.forEach((request, j) => {
      const figures = readFigures(request);
      const expected = local ? figures.local : figures.documented;
      const measured = measuredCapacity(run.requests[j]?.consumedCapacity ?? []);
      add(row, figures.documented, expected, measured, local ? figures.deviations : [], `call ${i + 1} request ${j + 1} (${request.operation} ${request.index}, ${request.itemsRead} items, ${request.bytesRead} bytes)`);
    });
  });
  return row;
}

/** A write operation's row: its predicted requests beside the measured ones, and the outcomes. */
export function writeCapacityRow(cost: WriteOperationCost, run: WriteRun, local: boolean): CapacityRow {
  const row: CapacityRow = { kind: 'write', subject: `${cost.entity} ${cost.label}`, calls: 1, predicted: 0, expected: 0, measured: 0, deviations: [], differences: [] };
  if (cost.applied.outcome.ok !== run.outcome.ok) row.differences.push(`outcome: in memory ${JSON.stringify(cost.applied.outcome.ok)}, on the endpoint ${JSON.stringify(run.outcome)}`);
  if (cost.capacity.requests.length !== run.requests.length) {
    row.differences.push(`${cost.capacity.requests.length} requests predicted, ${run.requests.length} sent`);
    return row;
  }
  cost.capacity.requests.forEach((request, j) => {
    const figures = writeFigures(request);
    const expected = local ? figures.local : figures.documented;
    const measured = measuredCapacity(run.consumedCapacity[j] ?? []);
    add(row, figures.documented, expected, measured, local ? figures.deviations : [], `request ${j + 1} (${request.operation}${request.refused ? ', refused' : ''})`);
  });
  return row;
}

function add(row: CapacityRow, documented: CapacityFigure, expected: CapacityFigure, measured: CapacityFigure, deviations: LocalDeviation[], what: string): void {
  row.predicted += documented.units;
  row.expected += expected.units;
  row.measured += measured.units;
  for (const d of deviations) if (!row.deviations.includes(d)) row.deviations.push(d);
  if (!sameCapacity(expected, measured)) row.differences.push(`${what}: expected ${figureText(expected)}, measured ${figureText(measured)}`);
}

const units = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The table: predicted (documented), expected of this endpoint, measured, result; then the adjustments used and every difference. */
export function formatCapacityTable(rows: readonly CapacityRow[]): string {
  const header = ['capacity', 'kind', 'calls', 'predicted', 'expected', 'measured', 'result'];
  const body = rows.map((r) => [r.subject, r.kind === 'read' ? 'RCU' : 'WCU+RCU', String(r.calls), units(r.predicted), units(r.expected), units(r.measured), r.differences.length ? 'DIFFERS' : 'ok']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (r: string[]) => `  ${r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()}`;
  const used = [...new Set(rows.flatMap((r) => r.deviations))];
  const notes = [
    '  predicted: DynamoDB’s documented units; expected: what this endpoint should report (DynamoDB Local’s known deviations applied); measured: its ConsumedCapacity',
    ...used.map((d) => `  ${d}: ${LOCAL_DEVIATIONS[d]}`),
    ...rows.flatMap((r) => r.differences.map((d) => `  ${r.subject}: ${d}`)),
  ];
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', ...notes].join('\n') + '\n';
}
