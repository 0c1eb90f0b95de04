// The fields of one write, typed from the entity: the key (or, for create, the
// whole record), the attributes an update sets or removes, the amounts of an
// add, the version the write expects. Each error shows at its field.
import { useId } from 'react';
import type { Entity } from '../../engine/index.ts';
import type { UpdateMode, WriteDraft } from '../../store/types.ts';
import { WriteFieldInput } from './WriteFieldInput.tsx';
import { writeFormFields, type WriteField } from './writeFields.ts';

export interface WriteFormProps {
  entity: Entity;
  draft: WriteDraft;
  /** Field id → the message to show there. */
  errors: Record<string, string>;
  onDraft: (draft: WriteDraft) => void;
}

const own = <T,>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export function WriteForm({ entity, draft, errors, onDraft }: WriteFormProps) {
  const id = useId();
  const fields = writeFormFields(entity, draft.operation);
  const setText = (field: WriteField, text: string, mode?: UpdateMode) =>
    onDraft({ ...draft, texts: { ...draft.texts, [field.id]: text }, modes: mode === undefined ? draft.modes : { ...draft.modes, [field.id]: mode } });
  const input = (field: WriteField, label = field.name) => (
    <WriteFieldInput
      key={field.id}
      id={`${id}-${field.id}`}
      label={label}
      field={field}
      text={own(draft.texts, field.id) ?? ''}
      error={errors[field.id]}
      onText={(text) => setText(field, text)}
    />
  );

  return (
    <>
      {fields.key.length > 0 && (
        <fieldset className="tw-writes__group">
          <legend>Key of the {entity.name}</legend>
          {fields.key.map((f) => input(f))}
        </fieldset>
      )}
      {fields.record.length > 0 && (
        <fieldset className="tw-writes__group">
          <legend>The new {entity.name}</legend>
          {fields.record.map((f) => input(f))}
        </fieldset>
      )}
      {fields.set.length > 0 && (
        <fieldset className="tw-writes__group" {...(errors.changes !== undefined ? { 'aria-describedby': `${id}-changes` } : {})}>
          <legend>Attributes to change</legend>
          {fields.set.map((f) => {
            const mode = own(draft.modes, f.id) ?? 'keep';
            return (
              <div key={f.id} className="tw-writes__change">
                <label className="visually-hidden" htmlFor={`${id}-${f.id}-mode`}>
                  Change {f.name}
                </label>
                <select
                  id={`${id}-${f.id}-mode`}
                  className="tw-writes__mode"
                  value={mode}
                  onChange={(e) => onDraft({ ...draft, modes: { ...draft.modes, [f.id]: e.target.value as UpdateMode } })}
                >
                  <option value="keep">leave unchanged</option>
                  <option value="set">set to</option>
                  {f.optional && <option value="remove">remove</option>}
                </select>
                <WriteFieldInput
                  id={`${id}-${f.id}`}
                  label={f.name}
                  field={f}
                  text={own(draft.texts, f.id) ?? ''}
                  error={mode === 'set' ? errors[f.id] : undefined}
                  disabled={mode === 'remove'}
                  // Typing a value sets it.
                  onText={(text) => setText(f, text, 'set')}
                />
              </div>
            );
          })}
          {errors.changes !== undefined && (
            <p id={`${id}-changes`} className="tw-writes__error">
              {errors.changes}
            </p>
          )}
        </fieldset>
      )}
      {fields.add.length > 0 && (
        <fieldset className="tw-writes__group" {...(errors.changes !== undefined ? { 'aria-describedby': `${id}-changes` } : {})}>
          <legend>Amounts to add (negative to subtract)</legend>
          {fields.add.map((f) => input(f, `add to ${f.name}`))}
          {errors.changes !== undefined && (
            <p id={`${id}-changes`} className="tw-writes__error">
              {errors.changes}
            </p>
          )}
        </fieldset>
      )}
      {fields.version !== undefined && (
        <fieldset className="tw-writes__group">
          <legend>Optimistic locking</legend>
          {input(fields.version, `${fields.version.name} (the version expected)`)}
        </fieldset>
      )}
    </>
  );
}
