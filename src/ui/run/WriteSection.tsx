// Sends the Writes view's write to the table this session created, through the
// same write runtime as in memory, and shows the requests DynamoDB answered,
// the outcome and the predicted capacity units beside the measured ones.
// Never to a table this page did not create (one of the same name
// used after typing it back): writes change data that is not ours.
import { useId, useMemo } from 'react';
import type { Design, Item, Model } from '../../engine/index.ts';
import { useWriteForm } from '../../store/selectors.ts';
import { currentWrite, recordsByEntity } from '../writes/currentWrite.ts';
import { answerText, requestText } from '../writes/writeText.ts';
import { CapacityComparison } from './CapacityComparison.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { sendWrite } from './runSession.ts';
import { useRunSession } from './useRunSession.ts';

export function WriteSection({ design, model, items }: { design: Design; model: Model; items: readonly Item[] }) {
  const table = useRunSession((s) => s.table);
  const load = useRunSession((s) => s.load);
  const state = useRunSession((s) => s.write);
  const { writeEntity, writeDrafts } = useWriteForm();
  const records = useMemo(() => recordsByEntity(design, items), [design, items]);
  const write = currentWrite({ model, records, writeEntity, drafts: writeDrafts });
  const id = useId();
  const ours = table.status === 'ready' && table.created !== undefined;
  const call = write?.built.ok ? write.built.call : undefined;

  return (
    <section className="tw-run__section" aria-labelledby={`${id}-title`}>
      <h2 className="tw-run__title" id={`${id}-title`}>
        5. Writes
      </h2>
      {call === undefined ? (
        <p className="tw-run__muted">The write in the Writes view is not complete yet: fill its fields there.</p>
      ) : (
        <>
          <p className="tw-run__note">
            The write in the Writes view: <strong>{call.operation}</strong> {call.entity}
          </p>
          <pre className="tw-run__json">{JSON.stringify(call, null, 2)}</pre>
        </>
      )}
      <div className="tw-run__row">
        <button
          type="button"
          className="button button--primary"
          disabled={!ours || call === undefined || state.status === 'running' || load.status === 'loading'}
          onClick={() => call && void sendWrite(design, call)}
        >
          {state.status === 'running' ? 'Sending…' : table.status === 'ready' ? `Send this write to ${table.tableName}` : 'Send this write'}
        </button>
      </div>
      {table.status === 'ready' && table.created === undefined && (
        <p className="tw-run__muted">Writes are sent only to a table this page created: {table.tableName} existed before.</p>
      )}
      {table.status !== 'ready' && <p className="tw-run__muted">Create a table and load the sample items first.</p>}
      {state.status === 'failed' && <ErrorMessage error={state.error} label="Write error" />}
      {state.status === 'done' && (
        <div role="group" aria-label="Write sent">
          <div role="status" className={state.run.outcome.ok ? 'tw-run__ok' : 'tw-run__warning'}>
            {state.run.outcome.ok
              ? `Written in ${state.run.latencyMs} ms.`
              : `${state.run.outcome.error.name} (${state.run.outcome.error.code}): ${state.run.outcome.error.message}. Nothing was changed.`}
          </div>
          {state.capacity ? (
            <CapacityComparison row={state.capacity} />
          ) : (
            <p className="tw-run__muted">No predicted capacity: this page does not know what the table holds (load the sample items here first).</p>
          )}
          <ol aria-label="Requests sent to DynamoDB" className="tw-run__write-requests">
            {state.run.requests.map((sent, i) => {
              const text = requestText(sent);
              return (
                <li key={i}>
                  <strong>{text.operation}</strong> <span className="tw-run__muted">({text.command} input)</span>
                  <pre className="tw-run__json">{text.input}</pre>
                  <p>{answerText(sent)}</p>
                </li>
              );
            })}
          </ol>
          {state.run.outcome.ok && (
            <p className="tw-run__muted">The table no longer holds exactly the sample items: load them again before comparing pattern answers.</p>
          )}
        </div>
      )}
    </section>
  );
}
