// What the last write did: its outcome (the record as stored, or the typed
// error), every request it sent in order with DynamoDB's answer, the items it
// changed (guard items too), and the entries of each index it added, removed,
// changed or moved, each index one click from the items grid.
import type { Design, IndexChanges, Item } from '../../engine/index.ts';
import type { LastWrite } from '../../store/types.ts';
import { answerText, changedAttributes, entryKeyText, requestText } from './writeText.ts';

export interface WriteResultProps {
  design: Design;
  write: LastWrite;
  onShowIndex: (index: string) => void;
}

const ROLE_WORDS = { identity: 'identity guard', unique: 'unique guard' } as const;

export function WriteResult({ design, write, onShowIndex }: WriteResultProps) {
  const { outcome, requests, changes } = write;
  const pk = design.indexes[0];
  return (
    <section className="tw-writes__result" aria-label="Write result">
      <h3 className="tw-writes__heading">Outcome</h3>
      {outcome.ok ? (
        <div role="status" className="tw-writes__outcome tw-writes__outcome--ok">
          <p>
            {write.call.operation === 'remove'
              ? changes.length > 0
                ? 'Removed.'
                : 'Nothing to remove: no record has this key.'
              : `Resolved: the ${write.call.entity} as stored.`}
          </p>
          {outcome.record !== undefined && <pre className="tw-writes__json">{JSON.stringify(outcome.record, null, 2)}</pre>}
        </div>
      ) : (
        <div role="alert" className="tw-writes__outcome tw-writes__outcome--error">
          <p>
            <strong>{outcome.error.name}</strong> <code>({outcome.error.code})</code>: {outcome.error.message}
          </p>
          <p className="tw-writes__note">Nothing was changed.</p>
        </div>
      )}

      <h3 className="tw-writes__heading">Requests sent ({requests.length})</h3>
      <ol className="tw-writes__requests" aria-label="Requests sent">
        {requests.map((sent, i) => {
          const text = requestText(sent);
          return (
            <li key={i} className="tw-request">
              <p className="tw-request__title">
                <strong>{text.operation}</strong> <span className="tw-writes__note">({text.command} input)</span>
              </p>
              <pre className="tw-writes__json">{text.input}</pre>
              <p className={sent.answer.ok ? 'tw-writes__answer' : 'tw-writes__answer tw-writes__answer--refused'}>{answerText(sent)}</p>
            </li>
          );
        })}
      </ol>

      <h3 className="tw-writes__heading">Items changed ({changes.length})</h3>
      {changes.length > 0 && (
        <ul className="tw-writes__changes" aria-label="Items changed">
          {changes.map((change, i) => {
            const item = (change.kind === 'deleted' ? change.before : change.after) as Item;
            const what = change.role === 'record' ? String(item[design.entityAttribute] ?? 'item') : ROLE_WORDS[change.role];
            const attributes = changedAttributes(change);
            return (
              <li key={i}>
                <span className={`tw-writes__kind tw-writes__kind--${change.kind}`}>{change.kind}</span> {what} <code>{pk ? entryKeyText(item, pk) : ''}</code>
                {attributes.length > 0 && <span className="tw-writes__note"> · {attributes.join(', ')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {write.indexes.length > 0 && <IndexEntries design={design} indexes={write.indexes} onShowIndex={onShowIndex} />}
    </section>
  );
}

function IndexEntries({ design, indexes, onShowIndex }: { design: Design; indexes: IndexChanges[]; onShowIndex: (index: string) => void }) {
  return (
    <>
      <h3 className="tw-writes__heading">Index entries</h3>
      {indexes.map(({ index: name, entries }) => {
        const index = design.indexes.find((i) => i.name === name);
        if (index === undefined) return null;
        const label = index.kind === 'table' ? 'the table' : name;
        return (
          <div key={name} className="tw-writes__index">
            <ul aria-label={`Entries changed in ${label}`}>
              {entries.map((entry, i) => (
                <li key={i}>
                  <span className={`tw-writes__kind tw-writes__kind--${entry.change}`}>{entry.change}</span> {entry.entity} in {label}:{' '}
                  {entry.before !== undefined && <code>{entryKeyText(entry.before, index)}</code>}
                  {entry.before !== undefined && entry.after !== undefined && entry.change === 'moved' && ' → '}
                  {entry.after !== undefined && entry.change !== 'changed' && <code>{entryKeyText(entry.after, index)}</code>}
                  {entry.attributes.length > 0 && <span className="tw-writes__note"> · {entry.attributes.join(', ')}</span>}
                </li>
              ))}
            </ul>
            <button type="button" className="button" onClick={() => onShowIndex(name)}>
              Show {label} in the items grid
            </button>
          </div>
        );
      })}
    </>
  );
}
