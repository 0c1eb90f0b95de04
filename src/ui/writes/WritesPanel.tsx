// The Writes view: choose an entity and an operation, fill its typed fields, and
// run the write in memory on the sample items through the write runtime (no
// endpoint needed). Shows the exact requests it sent, its outcome, and the
// items and index entries it changed (highlighted before/after in the items
// grid). The writes stay in the sample data until "Reset sample data".
import { useId, useMemo, useState } from 'react';
import { WRITE_OPERATIONS, type RecordValue, type WriteOperation } from '../../engine/index.ts';
import { useDesign, useItemsView, useModel, useSampleItems, useUiActions, useWriteActions, useWriteForm, useWriteState } from '../../store/selectors.ts';
import type { WriteDraft } from '../../store/types.ts';
import { ConditionInputs } from './ConditionInputs.tsx';
import { currentWrite, recordsByEntity } from './currentWrite.ts';
import { freshRecord } from './freshRecord.ts';
import { WriteForm } from './WriteForm.tsx';
import { WriteResult } from './WriteResult.tsx';
import { draftFrom, visibleErrors, writeFormFields } from './writeFields.ts';
import './WritesPanel.css';

const OPERATION_WORDS: Record<WriteOperation, string> = { create: 'create', update: 'update', remove: 'remove', add: 'add (atomic counter)' };

export function WritesPanel() {
  const model = useModel();
  const design = useDesign();
  const items = useSampleItems();
  const { writeEntity, writeDrafts } = useWriteForm();
  const { lastWrite, writing, writesDropped, written } = useWriteState();
  const { setWriteEntity, setWriteDraft, runWrite, resetSampleData } = useWriteActions();
  const { setGridIndex, setEntityFilter } = useItemsView();
  const { setActivePanel } = useUiActions();
  const [submitted, setSubmitted] = useState<string | undefined>(undefined);
  const [draw, setDraw] = useState(0);
  const id = useId();

  // The sample records by entity, as the writes left them.
  const records = useMemo(() => (design === undefined ? new Map<string, RecordValue[]>() : recordsByEntity(design, items)), [design, items]);

  if (model === undefined || design === undefined) {
    return (
      <section className="tw-writes" aria-label="Writes">
        <p className="tw-writes__empty">No writes yet: once the model has no errors, its entities can be written here.</p>
      </section>
    );
  }

  const write = currentWrite({ model, records, writeEntity, drafts: writeDrafts });
  if (write === undefined) {
    return (
      <section className="tw-writes" aria-label="Writes">
        <p className="tw-writes__empty">The model has no entities to write.</p>
      </section>
    );
  }
  const { entity, draft: current, operations, built } = write;
  const operation = current.operation;
  const recordsOf = (name: string) => records.get(name) ?? [];
  const formKey = `${entity.name}/${operation}`;
  // Values that do not read show as they are typed; missing ones once the write is tried.
  const errors = built.ok ? {} : visibleErrors(built.errors, current, submitted === formKey);
  const onDraft = (next: WriteDraft) => setWriteDraft(entity.name, next);

  const fillStored = () => {
    const match = recordsOf(entity.name).find((r) => entity.key.every((k) => String(r[k] ?? '') === (current.texts[`key.${k}`] ?? '')));
    if (match) onDraft(draftFrom(entity, operation, match, current.conditions));
  };
  const fillFresh = () => {
    const record = freshRecord({ model, entity: entity.name, records: recordsOf, draw });
    setDraw(draw + 1);
    if (record) onDraft(draftFrom(entity, operation, record, current.conditions));
  };
  const run = () => {
    setSubmitted(formKey);
    if (built.ok) void runWrite(built.call);
  };
  const showIndex = (index: string) => {
    setGridIndex(index);
    setEntityFilter(undefined);
    setActivePanel('items');
  };
  const fields = writeFormFields(entity, operation);

  return (
    <section className="tw-writes" aria-label="Writes">
      <form
        className="tw-writes__form"
        aria-label={`Write ${entity.name}`}
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <div className="tw-writes__choice">
          <label htmlFor={`${id}-entity`}>Entity</label>
          <select id={`${id}-entity`} value={entity.name} onChange={(e) => setWriteEntity(e.target.value)}>
            {model.entities.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-operation`}>Operation</label>
          <select id={`${id}-operation`} value={operation} onChange={(e) => onDraft({ ...current, operation: e.target.value as WriteOperation })}>
            {WRITE_OPERATIONS.filter((o) => operations.includes(o)).map((o) => (
              <option key={o} value={o}>
                {OPERATION_WORDS[o]}
              </option>
            ))}
          </select>
          {operation === 'create' ? (
            <button type="button" className="button" onClick={fillFresh}>
              Fill a fresh sample record
            </button>
          ) : (
            <button type="button" className="button" onClick={fillStored}>
              Fill from the stored record
            </button>
          )}
        </div>

        <WriteForm entity={entity} draft={current} errors={errors} onDraft={onDraft} />
        {fields.conditionAttributes.length > 0 && (
          <ConditionInputs
            attributes={fields.conditionAttributes}
            conditions={current.conditions}
            errors={errors}
            onConditions={(conditions) => onDraft({ ...current, conditions })}
          />
        )}

        <div className="tw-writes__actions">
          <button type="submit" className="button button--primary" disabled={writing}>
            Run in memory
          </button>
          <button type="button" className="button" disabled={!written && lastWrite === undefined} onClick={resetSampleData}>
            Reset sample data
          </button>
          <p className="tw-writes__note" role="status">
            {writing
              ? 'Writing…'
              : written
                ? 'The sample data holds your writes: the items grid and the patterns show them.'
                : writesDropped
                  ? 'The sample data was generated again (the model or the sample size changed): the earlier writes are gone.'
                  : 'Writes run on the sample items in memory, through the same runtime as the generated module.'}
          </p>
        </div>
      </form>

      {lastWrite !== undefined && <WriteResult design={design} write={lastWrite} onShowIndex={showIndex} />}
    </section>
  );
}
