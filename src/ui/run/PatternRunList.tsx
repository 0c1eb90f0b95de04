// Run all patterns, or one, with the parameter values of the Patterns panel
// (the store's params; defaults from the sample records).
import { useId } from 'react';
import { sampleParams, type Design, type Item, type Model, type PatternParams, type RecordValue } from '../../engine/index.ts';
import { PatternRunCard } from './PatternRunCard.tsx';
import { runAllPatterns, runOnePattern } from './runSession.ts';
import { useRunSession } from './useRunSession.ts';

export function PatternRunList({
  design,
  model,
  records,
  params,
  items,
}: {
  design: Design;
  model: Model;
  records: Map<string, RecordValue[]>;
  params: Record<string, PatternParams>;
  items: readonly Item[];
}) {
  const table = useRunSession((s) => s.table);
  const load = useRunSession((s) => s.load);
  const runs = useRunSession((s) => s.runs);
  const runningAll = useRunSession((s) => s.runningAll);
  const id = useId();
  const ready = table.status === 'ready' && load.status !== 'loading';
  // Compare with the items that were loaded into the table (the current ones when nothing was loaded here).
  const sampleItems = load.status === 'idle' ? items : load.items;
  const paramsOf = (pattern: string): PatternParams => params[pattern] ?? sampleParams(model, records, pattern);

  const results = Object.values(runs);
  const done = results.filter((r) => r.status === 'done');
  const matching = done.filter((r) => r.status === 'done' && r.run.ok).length;
  const failed = results.filter((r) => r.status === 'failed').length;

  return (
    <section className="tw-run__section" aria-labelledby={`${id}-title`}>
      <h2 className="tw-run__title" id={`${id}-title`}>
        4. Access patterns
      </h2>
      <div className="tw-run__row">
        <button type="button" className="button button--primary" disabled={!ready || runningAll} onClick={() => void runAllPatterns({ design, paramsOf, sampleItems })}>
          {runningAll ? 'Running…' : 'Run all patterns'}
        </button>
        <span role="status" className="tw-run__status">
          {runningAll
            ? `Running: ${done.length + failed} of ${design.patterns.length} pattern(s) answered…`
            : done.length > 0 &&
              `${matching} of ${done.length} run(s) match the in-browser answer${done.length - matching > 0 ? `, ${done.length - matching} differ` : ''}${failed ? `, ${failed} failed` : ''}`}
        </span>
      </div>
      {!ready && table.status !== 'ready' && <p className="tw-run__muted">Create a table and load the sample items first.</p>}
      <ul className="tw-run__patterns" aria-label="Pattern runs">
        {design.patterns.map((plan) => (
          <PatternRunCard
            key={plan.pattern}
            design={design}
            plan={plan}
            state={runs[plan.pattern]}
            disabled={!ready || runningAll}
            onRun={() => void runOnePattern({ design, patternName: plan.pattern, params: paramsOf(plan.pattern), sampleItems })}
          />
        ))}
      </ul>
    </section>
  );
}
