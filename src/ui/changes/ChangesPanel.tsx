// The Changes view: what differs from the pinned deployed design (the engine's designDiff, computed
// in a worker while this view or the Run panel is shown) and the migration that carries the live
// table there (migrationPlan): what the live table cannot take first, then the indexes added,
// dropped and unused, per entity the key templates before and after, per pattern its requests before
// and after (clicking a pattern selects it, as elsewhere), the migration's cost at a chosen rate, and
// the plan's steps in order. The migration itself runs from the Run panel.
import { useId } from 'react';
import {
  dollars,
  durationText,
  formatDiagnostic,
  requestSummaryText,
  units,
  type DesignDiff,
  type MigrationPlan,
  type PatternDiff,
} from '../../engine/index.ts';
import { useAppStore } from '../../store/appStore.ts';
import { changesCurrent, nothingToMigrate } from '../../store/changesSlice.ts';
import { useAnalyzing, useDeployed, usePatternActions, useSelectedPattern, useStale, useUiActions } from '../../store/selectors.ts';
import { DeployedBar } from './DeployedBar.tsx';
import { RateField } from './RateField.tsx';
import './ChangesPanel.css';

export function ChangesPanel() {
  const deployed = useDeployed();
  const changes = useAppStore((s) => s.changes);
  const error = useAppStore((s) => s.changesError);
  const computing = useAppStore((s) => s.computingChanges);
  const current = useAppStore(changesCurrent);
  const analyzing = useAnalyzing();
  const stale = useStale();
  const updating = deployed !== undefined && (computing || analyzing);

  return (
    <section className="tw-evolve" aria-label="Changes" aria-busy={updating}>
      <DeployedBar />
      {deployed !== undefined && (
        <>
          <div className="tw-evolve__status">
            {updating && (
              <span className="tw-evolve__updating" role="status">
                Updating…
              </span>
            )}
            {stale && <p className="tw-evolve__note">The model has errors: these are the changes of the last design without errors.</p>}
            {error !== undefined && (
              <p className="tw-evolve__error" role="alert">
                The changes could not be computed: {error}.{changes ? ' What follows is the last computed.' : ''}
              </p>
            )}
          </div>
          {changes ? (
            <div className={current ? 'tw-evolve__body' : 'tw-evolve__body tw-evolve__body--updating'}>
              <ChangesBody diff={changes.diff} plan={changes.plan} />
            </div>
          ) : (
            error === undefined && <p className="tw-evolve__muted">Comparing the design with the deployed one…</p>
          )}
        </>
      )}
    </section>
  );
}

function ChangesBody({ diff, plan }: { diff: DesignDiff; plan: MigrationPlan }) {
  const { setActivePanel } = useUiActions();
  const same = nothingToMigrate(plan) && diff.patterns.every((p) => p.status === 'unchanged');
  return (
    <>
      <p className="tw-evolve__summary">
        Table <strong>{diff.tableName}</strong>: design <code>{diff.from}</code> → <code>{diff.to}</code>
        {same ? '. The current design is the deployed one: nothing to migrate.' : ''}
      </p>
      {diff.impossible.length > 0 && <Impossible diff={diff} />}
      <Indexes diff={diff} />
      <Templates diff={diff} />
      <Patterns patterns={diff.patterns} />
      <Cost diff={diff} />
      <Plan plan={plan} />
      {!nothingToMigrate(plan) && plan.impossible.length === 0 && (
        <p className="tw-evolve__run">
          <button type="button" className="button button--primary" onClick={() => setActivePanel('run')}>
            Run the migration…
          </button>{' '}
          <span className="tw-evolve__muted">In the Run panel, against the endpoint and table you choose there.</span>
        </p>
      )}
    </>
  );
}

function Impossible({ diff }: { diff: DesignDiff }) {
  const heading = useId();
  return (
    <section className="tw-evolve__section tw-evolve__impossible" aria-labelledby={heading} role="alert">
      <h3 id={heading} className="tw-evolve__heading">
        The live table cannot take {diff.impossible.length === 1 ? 'this change' : `these ${diff.impossible.length} changes`}
      </h3>
      <p className="tw-evolve__muted">
        No migration step runs while {diff.impossible.length === 1 ? 'it stands' : 'they stand'}. The errors are also marked in the model.
      </p>
      <ul className="tw-evolve__list">
        {diff.impossible.map((d, i) => (
          <li key={i}>{formatDiagnostic(d)}</li>
        ))}
      </ul>
    </section>
  );
}

function Indexes({ diff }: { diff: DesignDiff }) {
  const heading = useId();
  const { added, dropped, unused, unusedTemplates } = diff.indexes;
  const none = added.length + dropped.length + unused.length + unusedTemplates.length === 0;
  return (
    <section className="tw-evolve__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-evolve__heading">
        Indexes
      </h3>
      {none ? (
        <p className="tw-evolve__muted">None added, dropped or unused.</p>
      ) : (
        <ul className="tw-evolve__list" aria-labelledby={heading}>
          {added.map((i) => (
            <li key={`added-${i.name}`}>
              <span className="tw-evolve__tag tw-evolve__tag--added">added</span> <strong>{i.name}</strong> ({i.keys}
              {i.native ? ', native keys' : ''}): {i.patterns.join(', ') || 'no pattern'}
            </li>
          ))}
          {dropped.map((name) => (
            <li key={`dropped-${name}`}>
              <span className="tw-evolve__tag tw-evolve__tag--removed">dropped</span> <strong>{name}</strong>
            </li>
          ))}
          {unused.map((name) => (
            <li key={`unused-${name}`}>
              <span className="tw-evolve__tag">unused</span> <strong>{name}</strong>: no pattern reads it; kept (and written) until it is dropped
            </li>
          ))}
          {unusedTemplates.map((t) => (
            <li key={`unused-${t.entity}-${t.index}`}>
              <span className="tw-evolve__tag">unused</span> {t.entity} in <strong>{t.index}</strong>: no pattern reads {t.entity} through {t.index} any more;
              kept as the table has it
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Templates({ diff }: { diff: DesignDiff }) {
  const heading = useId();
  return (
    <section className="tw-evolve__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-evolve__heading">
        Key templates
      </h3>
      {diff.entities.length === 0 ? (
        <p className="tw-evolve__muted">Unchanged.</p>
      ) : (
        <div className="tw-evolve__scroll">
          <table className="tw-evolve__table" aria-labelledby={heading}>
            <thead>
              <tr>
                <th scope="col">Entity</th>
                <th scope="col">Index</th>
                <th scope="col">Change</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Existing items</th>
              </tr>
            </thead>
            {diff.entities.map((e) => (
              <tbody key={e.entity}>
                {e.templates.length === 0 && (
                  <tr>
                    <th scope="row">{e.entity}</th>
                    <td colSpan={5}>{e.status === 'added' ? 'New entity: no items yet.' : 'Not in the model any more: its items stay in the table.'}</td>
                  </tr>
                )}
                {e.templates.map((t, i) => (
                  <tr key={t.index}>
                    {i === 0 && (
                      <th scope="row" rowSpan={e.templates.length}>
                        {e.entity}
                        {e.status === 'added' && <span className="tw-evolve__muted"> (new: no items yet)</span>}
                        {e.status === 'removed' && <span className="tw-evolve__muted"> (not in the model any more)</span>}
                      </th>
                    )}
                    <td>{t.index}</td>
                    <td>{t.kind}</td>
                    <td>{t.before ? <code>{t.before}</code> : <span className="tw-evolve__muted">none</span>}</td>
                    <td>{t.after ? <code>{t.after}</code> : <span className="tw-evolve__muted">none</span>}</td>
                    <td>
                      {t.attributes.length > 0 && e.status === 'changed' ? `${t.kind === 'removed' ? 'remove' : 'write'} ${t.attributes.join(', ')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

function Patterns({ patterns }: { patterns: readonly PatternDiff[] }) {
  const heading = useId();
  const selected = useSelectedPattern();
  const { selectPattern } = usePatternActions();
  const count = (status: PatternDiff['status']) => patterns.filter((p) => p.status === status).length;
  const moved = patterns.filter((p) => p.status !== 'unchanged');
  const same = patterns.filter((p) => p.status === 'unchanged');
  const pick = (name: string) => (
    <button type="button" className="tw-evolve__pick" aria-pressed={name === selected} onClick={() => selectPattern(name)} title="Select this pattern">
      {name}
    </button>
  );
  return (
    <section className="tw-evolve__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-evolve__heading">
        Patterns{' '}
        <span className="tw-evolve__muted">
          ({count('added')} added, {count('changed')} changed, {count('removed')} removed, {count('unchanged')} unchanged)
        </span>
      </h3>
      {moved.length > 0 && (
        <ul className="tw-evolve__patterns" aria-label="Changed patterns">
          {moved.map((p) => (
            <li key={p.pattern} className={p.pattern === selected ? 'tw-evolve__pattern tw-evolve__pattern--selected' : 'tw-evolve__pattern'}>
              <span className={`tw-evolve__tag tw-evolve__tag--${p.status}`}>{p.status}</span> {pick(p.pattern)}
              {p.notServedBefore && <span className="tw-evolve__muted"> (not served by the deployed design)</span>}
              {p.notServedAfter && <span className="tw-evolve__failed"> (not served by the new design: see its errors)</span>}
              <dl className="tw-evolve__requests">
                {(p.before ?? []).map((r, i) => (
                  <div key={`b${i}`}>
                    <dt>before</dt>
                    <dd>
                      <code>{requestSummaryText(r)}</code>
                    </dd>
                  </div>
                ))}
                {(p.after ?? []).map((r, i) => (
                  <div key={`a${i}`}>
                    <dt>after</dt>
                    <dd>
                      <code>{requestSummaryText(r)}</code>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {same.length > 0 && (
        <p className="tw-evolve__same">
          Unchanged:{' '}
          {same.map((p, i) => (
            <span key={p.pattern}>
              {i > 0 && ', '}
              {pick(p.pattern)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function Cost({ diff }: { diff: DesignDiff }) {
  const heading = useId();
  const m = diff.migration;
  return (
    <section className="tw-evolve__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-evolve__heading">
        What the migration costs
      </h3>
      <p className="tw-evolve__muted">
        Items to bring up to date at the declared counts, the write units of one conditional update each, and the time at a rate.
      </p>
      <p className="tw-evolve__line">
        <RateField />
      </p>
      {m.entities.length === 0 ? (
        <p className="tw-evolve__muted">No existing item needs new key attributes.</p>
      ) : (
        <div className="tw-evolve__scroll">
          <table className="tw-evolve__table tw-evolve__table--numbers" aria-label="Migration cost">
            <thead>
              <tr>
                <th scope="col">Entity</th>
                <th scope="col">Items</th>
                <th scope="col">Write units each</th>
                <th scope="col">Write units</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {m.entities.map((e) => (
                <tr key={e.entity}>
                  <th scope="row">{e.entity}</th>
                  <td>{units(e.items)}</td>
                  <td>{units(e.writeUnitsPerItem)}</td>
                  <td>{units(e.writeUnits)}</td>
                  <td>{durationText(e.seconds)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td>{units(m.items)}</td>
                <td />
                <td>{units(m.writeUnits)}</td>
                <td>{durationText(m.seconds)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {m.entities.length > 0 && (
        <p className="tw-evolve__line">
          On-demand: <strong>{dollars(m.dollars)}</strong> at {units(m.rate)} items a second.
        </p>
      )}
      {m.createdIndexes.length > 0 && (
        <p className="tw-evolve__line">
          Then {m.createdIndexes.map((name) => `create ${name}`).join(', then ')} ({m.createdIndexes.length > 1 ? 'each fills' : 'it fills'} from the table
          while it is created).
        </p>
      )}
    </section>
  );
}

function Plan({ plan }: { plan: MigrationPlan }) {
  const heading = useId();
  const dropUnused = useAppStore((s) => s.dropUnused);
  const setDropUnused = useAppStore((s) => s.setDropUnused);
  const kept = plan.unusedIndexes.filter((name) => !plan.steps.some((s) => s.kind === 'dropIndex' && s.index === name));
  return (
    <section className="tw-evolve__section" aria-labelledby={heading}>
      <h3 id={heading} className="tw-evolve__heading">
        Migration plan
      </h3>
      {plan.impossible.length > 0 && (
        <>
          <p className="tw-evolve__failed">
            Impossible on the live table ({plan.impossible.length}); no step runs while {plan.impossible.length > 1 ? 'these stand' : 'this stands'}:
          </p>
          <ul className="tw-evolve__list">
            {plan.impossible.map((d, i) => (
              <li key={i} className="tw-evolve__failed">
                {formatDiagnostic(d)}
              </li>
            ))}
          </ul>
          <p className="tw-evolve__muted">Steps it would take:</p>
        </>
      )}
      <ol className="tw-evolve__steps" aria-label="Migration steps">
        {plan.steps.map((step, i) => (
          <li key={i} className="tw-evolve__step">
            <strong>
              {step.kind}
              {step.kind === 'createIndex' || step.kind === 'dropIndex' ? ` ${step.index}` : ''}
            </strong>
            : {step.description}
            {step.kind === 'backfill' && (
              <ul className="tw-evolve__backfill">
                {step.entities.map((e) => (
                  <li key={e.entity}>
                    {e.entity}:{' '}
                    {[e.set.length ? `set ${e.set.join(', ')}` : '', e.remove.length ? `remove ${e.remove.join(', ')}` : ''].filter(Boolean).join(', ')};{' '}
                    {units(e.items)} items
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {(plan.unusedIndexes.length > 0 || dropUnused) && (
        <label className="tw-evolve__check">
          <input type="checkbox" checked={dropUnused} onChange={(event) => setDropUnused(event.target.checked)} /> Delete the GSIs no pattern reads any more (
          {plan.unusedIndexes.join(', ') || 'none now'}), last, after the verify
        </label>
      )}
      {kept.length > 0 && !dropUnused && (
        <p className="tw-evolve__muted">
          Kept though no pattern reads {kept.length > 1 ? 'them' : 'it'}: {kept.join(', ')}.
        </p>
      )}
    </section>
  );
}
