// "6. Migrate": the Changes view's plan run on a live table at the endpoint configured above
// (migrationSession.ts). Every step is listed before anything runs and marked as it goes; the
// backfill's progress (items a second, time left), each index's wait and the verify's show while it
// runs; Cancel stops cleanly and Run resumes from the checkpoint kept in this tab. A table this page
// did not create needs its name typed back, and the runner refuses one that is not the deployed
// design's before touching it. "Verified" is said only when the verify ran and passed; after a
// migration done, the design it reached can be pinned as the deployed one. "Load the deployed design
// from this table" pins the design Tablewright stored in a table it created or migrated
// (loadDeployedFromTable), also before any design is pinned.
import { useId, useState } from 'react';
import { durationText, units, type MigrationPlan } from '../../engine/index.ts';
import { appStore, useAppStore } from '../../store/appStore.ts';
import { useStore } from 'zustand';
import { changesCurrent, nothingToMigrate } from '../../store/changesSlice.ts';
import { sameDeployed } from '../../store/deploySlice.ts';
import { useDeployed, useUiActions } from '../../store/selectors.ts';
import { RateField } from '../changes/RateField.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import {
  cancelMigration,
  differenceText,
  discardKeptMigration,
  keptMigration,
  loadDeployedFromTable,
  migrationSession,
  migrationTarget,
  migrationTargetOf,
  startMigration,
  targetPlace,
  type MigrationOutcome,
  type MigrationProgress,
  type MigrationRun,
  type StepState,
} from './migrationSession.ts';
import { tableNameInputProblem } from './runSession.ts';
import { useRunSession } from './useRunSession.ts';

const STATE_WORDS: Record<StepState, string> = { pending: 'to do', running: 'running', done: 'done', doneBefore: 'done in an earlier run', skipped: 'skipped' };

export function MigrateSection() {
  const id = useId();
  const deployed = useDeployed();
  const changes = useAppStore((s) => s.changes);
  const current = useAppStore(changesCurrent);
  const rate = useAppStore((s) => s.migrationRate);
  const { setActivePanel } = useUiActions();
  const session = useRunSession((s) => s);
  const table = session.table;
  const run = useStore(migrationSession, (s) => s.run);
  const sessionTable = table.status === 'ready' ? table.tableName : undefined;
  const [typedName, setTypedName] = useState<string | undefined>();
  const [confirm, setConfirm] = useState('');
  const [verify, setVerify] = useState(true);

  const heading = (
    <h2 className="tw-run__title" id={`${id}-title`}>
      6. Migrate to this design
    </h2>
  );
  if (deployed === undefined) {
    const readName = (typedName ?? sessionTable ?? '').trim();
    const readProblem = readName === '' ? 'Name the table to read.' : tableNameInputProblem(readName);
    return (
      <section className="tw-run__section" aria-labelledby={`${id}-title`}>
        {heading}
        <p className="tw-run__muted">
          To carry a live table to this design, pin the design it has first (
          <button type="button" className="tw-run__link" onClick={() => setActivePanel('changes')}>
            Changes view
          </button>
          ), or read it from the table: Tablewright stores the design in every table it creates or migrates.
        </p>
        <div className="tw-run__row">
          <label htmlFor={`${id}-read`}>Table</label>
          <input
            id={`${id}-read`}
            className="tw-run__input"
            spellCheck={false}
            autoComplete="off"
            value={typedName ?? sessionTable ?? ''}
            {...(readProblem !== undefined && readName !== '' ? { 'aria-invalid': true } : {})}
            onChange={(e) => setTypedName(e.target.value)}
          />
          <LoadDeployedButton tableName={readName} disabled={readProblem !== undefined} />
        </div>
      </section>
    );
  }

  const running = run.status === 'running';
  // While a migration runs or after it, its own plan is shown (the design may have moved on meanwhile).
  const shown: MigrationPlan | undefined = run.status !== 'idle' ? run.plan : current ? changes?.plan : undefined;
  const tableName = running || run.status === 'finished' ? run.tableName : (typedName ?? sessionTable ?? deployed.tableName).trim();
  const nameProblem = tableName === '' ? 'Name the table to migrate.' : tableNameInputProblem(tableName);
  // Resolved only to show and check what is kept in this tab; the run resolves it again (credentials typed since).
  const where = nameProblem === undefined && !running ? migrationTargetOf(session, tableName) : undefined;
  const kept = where && current && changes ? keptMigration(targetPlace(where.target), tableName, changes.plan) : { kind: 'none' as const };
  const needsConfirm = where !== undefined && !where.createdHere;
  const confirmed = !needsConfirm || confirm === tableName;
  const canRun =
    !running &&
    current &&
    changes !== undefined &&
    !nothingToMigrate(changes.plan) &&
    changes.plan.impossible.length === 0 &&
    where !== undefined &&
    confirmed &&
    kept.kind !== 'other' &&
    kept.kind !== 'damaged';

  return (
    <section className="tw-run__section" aria-labelledby={`${id}-title`} aria-busy={running}>
      {heading}
      {!current && !running && run.status === 'idle' && <p className="tw-run__muted">Comparing the design with the deployed one…</p>}
      {current && changes && run.status === 'idle' && nothingToMigrate(changes.plan) && (
        <p className="tw-run__muted">This design is the deployed one: there is nothing to migrate.</p>
      )}
      {current && changes && run.status === 'idle' && changes.plan.impossible.length > 0 && (
        <p className="tw-run__warning" role="alert">
          The live table cannot take this change ({changes.plan.impossible.length} {changes.plan.impossible.length === 1 ? 'error' : 'errors'}, see the Changes
          view): no step can run.
        </p>
      )}
      {shown && !nothingToMigrate(shown) && (
        <>
          <p>
            Carries table <strong>{tableName || '…'}</strong> from the deployed design <code>{shown.from}</code> to this one <code>{shown.to}</code>, at{' '}
            {run.status === 'idle' ? settingsLabel(where?.target.label) : run.target}. Nothing is touched unless the table is the deployed design&apos;s: its
            key schema and indexes, and its <code>tablewright:design</code> tag where the endpoint keeps tags.
          </p>
          {!running && run.status !== 'finished' && (
            <>
              <div className="tw-run__row">
                <label htmlFor={`${id}-table`}>Table to migrate</label>
                <input
                  id={`${id}-table`}
                  className="tw-run__input"
                  spellCheck={false}
                  autoComplete="off"
                  value={typedName ?? sessionTable ?? deployed.tableName}
                  {...(nameProblem !== undefined ? { 'aria-invalid': true, 'aria-describedby': `${id}-table-error` } : {})}
                  onChange={(e) => {
                    setTypedName(e.target.value);
                    setConfirm('');
                  }}
                />
              </div>
              {nameProblem !== undefined && (
                <p className="tw-run__field-error" id={`${id}-table-error`} role="alert">
                  {nameProblem}
                </p>
              )}
              {needsConfirm && (
                <div className="tw-run__row">
                  <label htmlFor={`${id}-confirm`}>This page did not create {tableName}: type its name to let the migration change it</label>
                  <input
                    id={`${id}-confirm`}
                    className="tw-run__input"
                    spellCheck={false}
                    autoComplete="off"
                    value={confirm}
                    onChange={(e) => setConfirm(e.target.value)}
                  />
                </div>
              )}
              <div className="tw-run__row">
                <RateField />
                <label className="tw-run__checkbox">
                  <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.target.checked)} /> Verify after: read the table back and check every
                  pattern
                </label>
              </div>
            </>
          )}
          <Steps plan={shown} run={run} />
          {kept.kind === 'resume' && run.status === 'idle' && (
            <p className="tw-run__note">
              A migration of {tableName} stopped after {kept.doneSteps} of {shown.steps.length} steps; its checkpoint is kept in this tab. Resume continues
              where it stopped.
            </p>
          )}
          {(kept.kind === 'other' || kept.kind === 'damaged') && run.status === 'idle' && (
            <p className="tw-run__warning" role="alert">
              {kept.kind === 'other'
                ? `The checkpoint kept in this tab for ${tableName} is another migration's (${kept.why}).`
                : `The checkpoint kept in this tab for ${tableName} is damaged (${kept.why}).`}{' '}
              Discard it to start this one.
            </p>
          )}
          <div className="tw-run__row">
            {!running && run.status !== 'finished' && (
              <button
                type="button"
                className="button button--primary"
                disabled={!canRun}
                onClick={() => {
                  const resolved = migrationTarget(tableName);
                  if (!resolved || !changes) return;
                  setConfirm('');
                  void startMigration({ from: changes.from, to: changes.design, plan: changes.plan, where: resolved, rate, verify });
                }}
              >
                {kept.kind === 'resume' ? 'Resume migration' : 'Run migration'}
              </button>
            )}
            {running && (
              <button type="button" className="button" disabled={run.cancelling} onClick={cancelMigration}>
                {run.cancelling ? 'Stopping…' : 'Cancel'}
              </button>
            )}
            {!running && run.status === 'idle' && nameProblem === undefined && <LoadDeployedButton tableName={tableName} disabled={false} />}
            {!running && where && kept.kind !== 'none' && run.status === 'idle' && (
              <button type="button" className="button" onClick={() => discardKeptMigration(targetPlace(where.target), tableName)}>
                Discard the kept migration
              </button>
            )}
            {run.status === 'finished' && (
              <button type="button" className="button" onClick={() => migrationSession.setState({ run: { status: 'idle' } })}>
                {run.outcome.status === 'done' ? 'Close' : 'Back'}
              </button>
            )}
          </div>
          {running && <Progress progress={run.progress} notes={run.notes} />}
          {run.status === 'finished' && <Outcome run={run} outcome={run.outcome} />}
        </>
      )}
    </section>
  );
}

/** Reads the design stored in `tableName` at the endpoint configured above and pins it (loadDeployedFromTable). */
function LoadDeployedButton({ tableName, disabled }: { tableName: string; disabled: boolean }) {
  const [reading, setReading] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={disabled || reading}
      title={`Read the design Tablewright stored in table ${tableName || '…'} and pin it as the deployed design`}
      onClick={() => {
        setReading(true);
        void loadDeployedFromTable(tableName).finally(() => setReading(false));
      }}
    >
      {reading ? 'Reading the table’s design…' : 'Load the deployed design from this table'}
    </button>
  );
}

function settingsLabel(label: string | undefined): string {
  return label ?? 'the endpoint configured above';
}

function Steps({ plan, run }: { plan: MigrationPlan; run: MigrationRun }) {
  const states: StepState[] = run.status === 'idle' ? plan.steps.map(() => 'pending') : run.steps;
  return (
    <ol className="tw-run__steps" aria-label="Migration steps">
      {plan.steps.map((step, i) => {
        const state = states[i] ?? 'pending';
        return (
          <li key={i} className={`tw-run__step tw-run__step--${state}`} aria-current={state === 'running' ? 'step' : undefined}>
            <span className="tw-run__step-state">{STATE_WORDS[state]}</span>{' '}
            <strong>
              {step.kind}
              {step.kind === 'createIndex' || step.kind === 'dropIndex' ? ` ${step.index}` : ''}
            </strong>
            : {step.description}
          </li>
        );
      })}
    </ol>
  );
}

function Progress({ progress, notes }: { progress: MigrationProgress; notes: readonly string[] }) {
  const { backfill, index, verify } = progress;
  return (
    <div className="tw-run__migration-progress">
      {backfill && (
        <div className="tw-run__progress">
          <progress aria-label="Items backfilled" max={Math.max(backfill.total ?? 0, backfill.scanned, 1)} value={backfill.scanned} />
          <span role="status">
            {units(backfill.scanned)} {backfill.total !== undefined ? `of about ${units(backfill.total)} ` : ''}items read, {units(backfill.updated)} updated
            {backfill.itemsPerSecond > 0 && ` · ${Math.round(backfill.itemsPerSecond)} items/s`}
            {backfill.etaSeconds !== undefined && ` · about ${durationText(backfill.etaSeconds)} left`}
          </span>
        </div>
      )}
      {index && (
        <p role="status">
          {index.index}: {index.indexStatus}
          {index.backfilling ? ', filling from the table' : ''}
        </p>
      )}
      {verify && (
        <p role="status">
          Verify{verify.round > 1 ? ` (again, round ${verify.round})` : ''}: {units(verify.scanned)} items read, {verify.checked} pattern calls checked
        </p>
      )}
      {notes.map((note, i) => (
        <p key={i} className="tw-run__note">
          Note: {note}
        </p>
      ))}
    </div>
  );
}

function Outcome({ run, outcome }: { run: Extract<MigrationRun, { status: 'finished' }>; outcome: MigrationOutcome }) {
  const resume = 'Its checkpoint is kept in this tab: Run migration again resumes where it stopped.';
  switch (outcome.status) {
    case 'done': {
      const v = outcome.verify;
      return (
        <div className="tw-run__outcome" role="group" aria-label="Migration result">
          <p className="tw-run__ok" role="status">
            ✓ Migration done: table {run.tableName} is at design {run.plan.to}
            {outcome.tagged ? ' (its tablewright:design tag says so).' : ' (the endpoint keeps no tags: its key schema and indexes say so).'}
          </p>
          {outcome.backfill && (
            <p>
              Backfill: {units(outcome.backfill.scanned)} items read, {units(outcome.backfill.updated)} updated, {outcome.backfill.conflicts} written meanwhile
              (read again), {outcome.backfill.gone} deleted meanwhile, {outcome.backfill.throttled} throttled requests retried.
            </p>
          )}
          {v ? (
            <p className="tw-run__verdict tw-run__verdict--ok">
              Verified: the table was read back ({units(v.records)} records, {units(v.guards)} guard items) and all {v.checked} pattern calls of the new design
              gave the brute-force answer on those records.
            </p>
          ) : (
            <p className="tw-run__verdict tw-run__verdict--unverified">
              Not verified: the verify step was skipped, so nothing has checked the patterns&apos; answers on the migrated table.
            </p>
          )}
          {run.notes.map((note, i) => (
            <p key={i} className="tw-run__note">
              Note: {note}
            </p>
          ))}
          {outcome.deployedAfter && <MarkDeployed layout={outcome.deployedAfter} />}
        </div>
      );
    }
    case 'refused':
      return (
        <div className="tw-run__refused" role="alert" aria-label="Migration refused">
          <p>
            Refused: table <strong>{run.tableName}</strong> was not touched.
          </p>
          <ul>
            {outcome.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      );
    case 'cancelled':
      return (
        <p className="tw-run__warning" role="status">
          Stopped {outcome.step < run.plan.steps.length ? `at step ${outcome.step + 1} of ${run.plan.steps.length}` : 'before tagging the table'}; the updates
          in flight finished. {resume}
        </p>
      );
    case 'failed':
      return (
        <div>
          <p className="tw-run__warning">
            Step {Math.min(outcome.step + 1, run.plan.steps.length)} failed. {resume}
          </p>
          <ErrorMessage error={outcome.error} label="Migration error" />
        </div>
      );
    case 'verifyFailed':
      return (
        <div className="tw-run__refused" role="alert" aria-label="Verify found differences">
          <p className="tw-run__verdict tw-run__verdict--bad">
            Not verified: reading the table back, {outcome.verify.differences.length} pattern{' '}
            {outcome.verify.differences.length === 1 ? 'call differs' : 'calls differ'} from the brute-force answer
            {outcome.verify.undecodable.length > 0 ? ` and ${outcome.verify.undecodable.length} items could not be read as records` : ''}. Nothing was dropped
            and the table keeps design {run.plan.from}; a resume backfills again, then verifies again.
          </p>
          <ul>
            {outcome.verify.differences.slice(0, 20).map((d, i) => (
              <li key={i}>
                <code>{differenceText(d)}</code>
              </li>
            ))}
            {outcome.verify.undecodable.slice(0, 5).map((u, i) => (
              <li key={`u${i}`}>
                <code>{JSON.stringify(u.key)}</code>: {u.problem}
              </li>
            ))}
          </ul>
        </div>
      );
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

function MarkDeployed({ layout }: { layout: NonNullable<Extract<MigrationOutcome, { status: 'done' }>['deployedAfter']> }) {
  const deployed = useDeployed();
  const pinned = sameDeployed(deployed, layout);
  return (
    <div className="tw-run__row">
      {pinned ? (
        <p className="tw-run__ok">✓ The migrated design is pinned as the deployed one.</p>
      ) : (
        <>
          <button type="button" className="button button--primary" onClick={() => appStore.getState().markDeployed(layout)}>
            Mark this design as deployed
          </button>
          <span className="tw-run__muted">The table now has it: the next changes are derived against it.</span>
        </>
      )}
    </div>
  );
}
