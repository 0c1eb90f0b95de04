// One access pattern on the real table: its Run button, and per request the
// items, Count, ScannedCount, consumed capacity, latency, pages and the
// comparison with the in-browser answer; the predicted capacity units beside the measured ones.
import { alwaysEmptyParameter, alwaysEmptyText, patternParameters, type Design, type PatternPlan } from '../../engine/index.ts';
import { describeStaleParts, type RequestRun } from '../../runner/index.ts';
import { tableKeyText } from '../items/tableKey.ts';
import { CapacityComparison } from './CapacityComparison.tsx';
import { capacitySummary } from './capacitySummary.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import type { PatternRunState } from './runSession.ts';

export function PatternRunCard({
  design,
  plan,
  state,
  outdated = false,
  disabled,
  onRun,
}: {
  design: Design;
  plan: PatternPlan;
  state: PatternRunState | undefined;
  /** The run's result is from an older design or other items: its verdict no longer holds. */
  outdated?: boolean;
  disabled: boolean;
  onRun: () => void;
}) {
  const notServed = plan.steps.length === 0;
  // Its answer is always empty: running it sends nothing (and matches).
  const alwaysEmpty = alwaysEmptyParameter(plan, patternParameters(design.model, plan.pattern));
  // A verdict only for a comparison made under the current design and items.
  const verdict = state?.status === 'done' && !outdated && state.run.ok !== undefined ? (state.run.ok ? 'ok' : 'bad') : undefined;
  return (
    <li className={`tw-run__pattern${verdict ? ` tw-run__pattern--${verdict}` : ''}`} aria-label={plan.pattern}>
      <div className="tw-run__pattern-header">
        <h3 className="tw-run__pattern-name">{plan.pattern}</h3>
        <span className="tw-run__muted">
          {alwaysEmpty !== undefined
            ? 'no request: always empty'
            : plan.steps.map((s) => `${s.operation} on ${s.index}`).join(', ') || 'not served by this design'}
        </span>
        <button
          type="button"
          className="button button--small"
          aria-label={`Run ${plan.pattern}`}
          disabled={disabled || notServed || state?.status === 'running'}
          onClick={onRun}
        >
          {state?.status === 'running' ? 'Running…' : 'Run'}
        </button>
      </div>
      {state?.status === 'failed' && <ErrorMessage error={state.error} label={`${plan.pattern} error`} />}
      {state?.status === 'done' && state.unverified !== undefined && (
        <p className="tw-run__verdict tw-run__verdict--unverified">
          <span aria-hidden="true">? </span>Not verified: loaded under an older design ({describeStaleParts(state.unverified.stale)} changed since the table was{' '}
          {state.unverified.remedy === 'recreate' ? 'created' : 'loaded'}).{' '}
          {state.unverified.remedy === 'recreate' ? 'Recreate the table and load the items' : 'Load the items again'}, then run it again.
        </p>
      )}
      {state?.status === 'done' && state.unverified === undefined && outdated && (
        <p className="tw-run__verdict tw-run__verdict--unverified">
          <span aria-hidden="true">? </span>Not verified: this result is from an older design or other sample items. Run it again.
        </p>
      )}
      {state?.status === 'done' && (
        <>
          <p className="tw-run__muted">
            Parameters: <code>{JSON.stringify(state.params)}</code>
          </p>
          {state.run.requests.length > 0 && state.capacity !== undefined && !outdated && <CapacityComparison row={state.capacity} />}
          {state.run.requests.length === 0 && (
            <p className="tw-run__muted">{alwaysEmpty !== undefined ? alwaysEmptyText(alwaysEmpty) : 'No request was sent.'}</p>
          )}
          {state.run.requests.map((r, i) => (
            <RequestResult key={i} design={design} run={r} outdated={outdated} label={state.run.requests.length > 1 ? `Request ${i + 1}` : undefined} />
          ))}
        </>
      )}
    </li>
  );
}

function RequestResult({ design, run, outdated, label }: { design: Design; run: RequestRun; outdated: boolean; label: string | undefined }) {
  const table = design.indexes[0];
  return (
    <div className="tw-run__request">
      {label !== undefined && <p className="tw-run__muted">{label}</p>}
      <dl className="tw-run__stats">
        <div>
          <dt>Count</dt>
          <dd>{run.count}</dd>
        </div>
        <div>
          <dt>ScannedCount</dt>
          <dd>{run.scannedCount}</dd>
        </div>
        <div>
          <dt>ConsumedCapacity</dt>
          <dd>{capacitySummary(run.consumedCapacity)}</dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{Math.round(run.latencyMs)} ms</dd>
        </div>
        <div>
          <dt>Pages</dt>
          <dd>{run.pages}</dd>
        </div>
      </dl>
      {run.comparison && !outdated && <ComparisonView comparison={run.comparison} design={design} count={run.items.length} />}
      {run.items.length > 0 && (
        <details className="tw-run__items">
          <summary>
            {run.items.length} {run.items.length === 1 ? 'item' : 'items'} returned
          </summary>
          <ol>
            {run.items.slice(0, 100).map((item, i) => (
              <li key={i}>
                <code>{tableKeyText(item, table)}</code> <span className="tw-run__muted">{JSON.stringify(item)}</span>
              </li>
            ))}
            {run.items.length > 100 && <li>…and {run.items.length - 100} more</li>}
          </ol>
        </details>
      )}
    </div>
  );
}
