// Create the design's table (or use an existing one of the same shape, after
// typing its name), show how an existing table differs, delete the table this
// page created (after typing its name).
import { useId, useState } from 'react';
import { tableDefinition, type Design } from '../../engine/index.ts';
import { describeTableDifference } from '../../runner/index.ts';
import { useDeployed } from '../../store/selectors.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { createTable, deleteTable, forgetTable, setTableName, tableNameInputProblem } from './runSession.ts';
import { useRunSession } from './useRunSession.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

export function TableSection({ design }: { design: Design }) {
  const table = useRunSession((s) => s.table);
  // Deleting the table while items load or patterns run would fail those requests midway.
  const inUse = useRunSession((s) => s.runningAll || s.load.status === 'loading' || Object.values(s.runs).some((r) => r.status === 'running'));
  const tableNameInput = useRunSession((s) => s.tableName);
  const deployed = useDeployed();
  const [confirmExisting, setConfirmExisting] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState('');
  const id = useId();
  const busy = table.status === 'creating' || table.status === 'deleting';
  const name = tableNameInput.trim() || design.tableName;
  // A name DynamoDB would refuse is refused here, in the engine's words, before any request.
  const nameProblem = tableNameInputProblem(tableNameInput);
  const designChanged = table.status === 'ready' && table.definition !== JSON.stringify(tableDefinition(design, table.tableName));

  return (
    <section className="tw-run__section" aria-labelledby={`${id}-title`}>
      <h2 className="tw-run__title" id={`${id}-title`}>
        2. Table
      </h2>
      {table.status !== 'ready' && table.status !== 'deleting' && (
        <div className="tw-run__row">
          <label htmlFor={`${id}-name`}>Table name</label>
          <input
            id={`${id}-name`}
            className="tw-run__input"
            spellCheck={false}
            placeholder={design.tableName}
            value={tableNameInput}
            disabled={busy}
            {...(nameProblem !== undefined ? { 'aria-invalid': true, 'aria-describedby': `${id}-name-error` } : {})}
            onChange={(e) => {
              setTableName(e.target.value);
              if (table.status === 'refused' || table.status === 'failed') forgetTable();
            }}
          />
          <button type="button" className="button button--primary" disabled={busy || nameProblem !== undefined} onClick={() => void createTable(design)}>
            Create table
          </button>
        </div>
      )}
      {table.status !== 'ready' && table.status !== 'deleting' && nameProblem !== undefined && (
        <p className="tw-run__field-error" id={`${id}-name-error`} role="alert">
          {nameProblem}
        </p>
      )}
      <div role="status" className="tw-run__status">
        {table.status === 'creating' && `Creating ${table.tableName} and waiting until it and its ${design.indexes.length - 1} index(es) are ACTIVE…`}
        {table.status === 'ready' && (
          <span className="tw-run__ok">
            ✓ Table {table.tableName} is ACTIVE at {table.target.label}
            {table.created ? ' (created here)' : ' (an existing table)'}.
          </span>
        )}
        {table.status === 'deleting' && `Deleting ${table.tableName}…`}
      </div>
      {table.status === 'failed' && <ErrorMessage error={table.error} label="Table error" />}
      {table.status === 'ready' && table.error && <ErrorMessage error={table.error} label="Table error" />}
      {designChanged && (
        <p className="tw-run__warning">
          The design has changed since this table was made: its keys or indexes may no longer match.{' '}
          {deployed
            ? 'Migrate it to this design (6. below) if it has the deployed design, or delete it and create it again.'
            : 'Delete it and create it again.'}
        </p>
      )}

      {table.status === 'refused' && (
        <div className="tw-run__refused" role="alert" aria-label="Existing table">
          <p>
            A table named <strong>{table.tableName}</strong> already exists at {table.target.label}. It was left untouched.
          </p>
          {table.difference.entries.length > 0 ? (
            <ul aria-label="How the existing table differs from the design">
              {table.difference.entries.map((entry, i) => (
                <li key={i}>{describeTableDifference(entry)}</li>
              ))}
            </ul>
          ) : (
            <p>It has the design’s key schema and indexes.</p>
          )}
          {table.reason === 'incompatible' ? (
            <p>It cannot serve this design. Choose another table name.</p>
          ) : (
            <div className="tw-run__row">
              <label htmlFor={`${id}-confirm`}>Type {table.tableName} to load items into it and run patterns on it</label>
              <input
                id={`${id}-confirm`}
                className="tw-run__input"
                spellCheck={false}
                autoComplete="off"
                value={confirmExisting}
                onChange={(e) => setConfirmExisting(e.target.value)}
              />
              <button
                type="button"
                className="button"
                disabled={confirmExisting !== table.tableName}
                onClick={() => void createTable(design, confirmExisting).then(() => setConfirmExisting(''))}
              >
                Use existing table
              </button>
            </div>
          )}
        </div>
      )}

      {table.status === 'ready' && (
        <div className="tw-run__row">
          {table.created ? (
            <button
              type="button"
              className="button"
              disabled={inUse}
              title={inUse ? 'Wait until the load or the runs finish' : undefined}
              onClick={() => setDeleting(true)}
            >
              Delete table…
            </button>
          ) : (
            <button type="button" className="button" onClick={forgetTable}>
              Stop using this table
            </button>
          )}
        </div>
      )}

      <Dialog
        open={deleting}
        title={`Delete table ${table.status === 'ready' ? table.tableName : ''}?`}
        onClose={() => {
          setDeleting(false);
          setConfirmDelete('');
        }}
        footer={
          <button
            type="button"
            className="button button--primary"
            disabled={table.status !== 'ready' || confirmDelete !== table.tableName}
            onClick={() => {
              setDeleting(false);
              setConfirmDelete('');
              void deleteTable(confirmDelete);
            }}
          >
            Delete table
          </button>
        }
      >
        <p>This deletes the table and every item in it. It was created by this page.</p>
        <label htmlFor={`${id}-delete`}>Type {table.status === 'ready' ? table.tableName : 'the table name'} to confirm</label>
        <input
          id={`${id}-delete`}
          className="tw-run__input"
          spellCheck={false}
          autoComplete="off"
          value={confirmDelete}
          onChange={(e) => setConfirmDelete(e.target.value)}
        />
      </Dialog>
      {table.status === 'none' && nameProblem === undefined && (
        <p className="tw-run__muted">
          Creates {name} with the design’s key schema and its {design.indexes.length - 1} GSI(s), on-demand capacity. An existing table is never changed without
          your confirmation.
        </p>
      )}
    </section>
  );
}
