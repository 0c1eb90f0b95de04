// The capacity check of a run, per pattern and per write: the capacity units the
// engine predicts (DynamoDB's documented figure), the figure the endpoint should
// report (on DynamoDB Local, the documented one turned into Local's by the named
// deviations of engine/cost/localDynamoDB.ts), and what the endpoint measured
// (ConsumedCapacity, ReturnConsumedCapacity INDEXES), request by request. Any
// difference is a failure. Used by `cli run`, its test over every problem and the
// Run panel.
import {
  measuredCapacity,
  readFigures,
  sameCapacity,
  writeFigures,
  type CapacityFigure,
  type LocalDeviation,
  type PatternCallReadUnits,
  type WriteOperationCost,
} from '../engine/index.ts';
import type { PatternRun } from './runPattern.ts';
import type { WriteRun } from './runWrite.ts';

/** Whether an endpoint URL is this machine's (a DynamoDB Local, whose known deviations then apply). */
export function isLocalEndpoint(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

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

const figureText = (f: CapacityFigure): string =>
  `${f.units}${
    Object.keys(f.indexes).length
      ? ` (${Object.entries(f.indexes)
          .map(([n, u]) => `${n} ${u}`)
          .join(', ')})`
      : ''
  }`;

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
      add(
        row,
        figures.documented,
        expected,
        measured,
        local ? figures.deviations : [],
        `call ${i + 1} request ${j + 1} (${request.operation} ${request.index}, ${request.itemsRead} items, ${request.bytesRead} bytes)`,
      );
    });
  });
  return row;
}

/** A write operation's row: its predicted requests beside the measured ones, and the outcomes. */
export function writeCapacityRow(cost: Pick<WriteOperationCost, 'entity' | 'label' | 'applied' | 'capacity'>, run: WriteRun, local: boolean): CapacityRow {
  const row: CapacityRow = {
    kind: 'write',
    subject: `${cost.entity} ${cost.label}`,
    calls: 1,
    predicted: 0,
    expected: 0,
    measured: 0,
    deviations: [],
    differences: [],
  };
  if (cost.applied.outcome.ok !== run.outcome.ok)
    row.differences.push(`outcome: in memory ${JSON.stringify(cost.applied.outcome.ok)}, on the endpoint ${JSON.stringify(run.outcome)}`);
  if (cost.capacity.requests.length !== run.requests.length) {
    row.differences.push(`${cost.capacity.requests.length} requests predicted, ${run.requests.length} sent`);
    return row;
  }
  cost.capacity.requests.forEach((request, j) => {
    const figures = writeFigures(request);
    const expected = local ? figures.local : figures.documented;
    const measured = measuredCapacity(run.consumedCapacity[j] ?? []);
    add(
      row,
      figures.documented,
      expected,
      measured,
      local ? figures.deviations : [],
      `request ${j + 1} (${request.operation}${request.refused ? ', refused' : ''})`,
    );
  });
  return row;
}

function add(
  row: CapacityRow,
  documented: CapacityFigure,
  expected: CapacityFigure,
  measured: CapacityFigure,
  deviations: LocalDeviation[],
  what: string,
): void {
  row.predicted += documented.units;
  row.expected += expected.units;
  row.measured += measured.units;
  for (const d of deviations) if (!row.deviations.includes(d)) row.deviations.push(d);
  if (!sameCapacity(expected, measured)) row.differences.push(`${what}: expected ${figureText(expected)}, measured ${figureText(measured)}`);
}

/** The rows that differ, named: `getPlayer (read)`, `Game create (write)`. */
export function differingRows(rows: readonly CapacityRow[]): string[] {
  return rows.filter((r) => r.differences.length > 0).map((r) => `${r.subject} (${r.kind})`);
}
