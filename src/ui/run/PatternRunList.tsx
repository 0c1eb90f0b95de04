// Run all patterns, or one, with the parameter values of the Patterns panel
// (the store's params; defaults from the sample records).
import { useId, useMemo } from 'react';
import { sampleParams, type Design, type Item, type Model, type PatternParams, type RecordValue } from '../../engine/index.ts';
import { dataFingerprint, describeStaleParts, verification } from '../../runner/index.ts';
import { useDeployed } from '../../store/selectors.ts';
import { PatternRunCard } from './PatternRunCard.tsx';
import { loadSampleItems, runAllPatterns, runOnePattern, runPlanText } from './runSession.ts';
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
  const deployed = useDeployed();
  const load = useRunSession((s) => s.load);
  const runs = useRunSession((s) => s.runs);
  const runningAll = useRunSession((s) => s.runningAll);
  const loaded = useRunSession((s) => s.loaded);
  const tableItems = useRunSession((s) => s.tableItems);
  const id = useId();
  const ready = table.status === 'ready' && load.status !== 'loading';
  // Answers are compared with the engine's on what the table holds, and only when it was created and
  // loaded under the current design and items (runner/loadedData.ts): else they are shown unverified.
  const tableName = table.status === 'ready' ? table.tableName : undefined;
  const check = useMemo(
    () =>
      table.status === 'ready' && load.status !== 'loading'
        ? verification(design, table.tableName, { created: table.definition, loaded, items: tableItems }, items)
        : undefined,
    [design, table, load.status, loaded, tableItems, items],
  );
  const current = useMemo(() => (tableName === undefined ? undefined : JSON.stringify(dataFingerprint(design, tableName, items))), [design, tableName, items]);
  const paramsOf = (pattern: string): PatternParams => params[pattern] ?? sampleParams(model, records, pattern);

  const results = Object.values(runs);
  const done = results.filter((r) => r.status === 'done');
  const matching = done.filter((r) => r.run.ok === true).length;
  const differing = done.filter((r) => r.run.ok === false).length;
  const unverified = done.length - matching - differing;
  const failed = results.filter((r) => r.status === 'failed').length;

  return (
    <section className="tw-run__section" aria-labelledby={`${id}-title`}>
      <h2 className="tw-run__title" id={`${id}-title`}>
        4. Access patterns
      </h2>
      <div className="tw-run__row">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || runningAll}
          onClick={() => void runAllPatterns({ design, paramsOf, sampleItems: items })}
        >
          {runningAll ? 'Running…' : 'Run all patterns'}
        </button>
        <span role="status" className="tw-run__status">
          {runningAll
            ? `Running: ${done.length + failed} of ${design.patterns.length} pattern(s) answered…`
            : done.length > 0 &&
              `${matching} of ${done.length} run(s) match the in-browser answer${differing > 0 ? `, ${differing} differ` : ''}${unverified > 0 ? `, ${unverified} not verified` : ''}${failed ? `, ${failed} failed` : ''}`}
        </span>
      </div>
      {!ready && table.status !== 'ready' && <p className="tw-run__muted">Create a table and load the sample items first.</p>}
      {check !== undefined && !check.verified && (
        <div className="tw-run__warning tw-run__stale" role="status" aria-label="Loaded data is out of date">
          {loaded === undefined ? (
            <p>No complete load of the current sample items here yet: answers are not compared with the in-browser ones until the items are loaded.</p>
          ) : tableItems === undefined ? (
            <p>What the table holds is not known since a write failed: answers are not compared until the items are loaded again.</p>
          ) : (
            <p>
              The design has changed since the table was {check.remedy === 'recreate' ? 'created' : 'loaded'}: {describeStaleParts(check.stale)} changed.
              Answers run now are not verified (loaded under an older design).
            </p>
          )}
          {check.remedy === 'recreate' ? (
            <p>
              The table’s key schema or indexes differ from the design’s: {deployed ? 'migrate it to this design (6. below), or ' : ''}delete the table above
              and create it again, then load the items.
            </p>
          ) : (
            <button type="button" className="button" disabled={runningAll} onClick={() => void loadSampleItems(design, items)}>
              Load the {items.length} current items again
            </button>
          )}
        </div>
      )}
      <ul className="tw-run__patterns" aria-label="Pattern runs">
        {design.patterns.map((plan) => (
          <PatternRunCard
            key={plan.pattern}
            design={design}
            plan={plan}
            state={runs[plan.pattern]}
            outdated={(() => {
              const run = runs[plan.pattern];
              return run?.status === 'done' && (run.plan !== runPlanText(design, plan.pattern) || JSON.stringify(run.fingerprint) !== current);
            })()}
            disabled={!ready || runningAll}
            onRun={() => void runOnePattern({ design, patternName: plan.pattern, params: paramsOf(plan.pattern), sampleItems: items })}
          />
        ))}
      </ul>
    </section>
  );
}
