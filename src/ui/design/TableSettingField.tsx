// One typed setting of the table (its name, a capacity): what the user types stays in the field
// until Enter or leaving it commits it; a value the field refuses shows its error right below,
// and is never written. Escape goes back to the model's value. When the model's value changes
// (the editor, undo), the field shows it.
import { useId, useState, type ReactNode } from 'react';

interface Props {
  label: string;
  /** The model's value, as text ('' when not stated). */
  value: string;
  /** Why a text is refused, or undefined. */
  problem: (text: string) => string | undefined;
  onCommit: (text: string) => void;
  note?: ReactNode;
  placeholder?: string;
  numeric?: boolean;
}

export function TableSettingField({ label, value, problem, onCommit, note, placeholder, numeric }: Props) {
  const id = useId();
  // What the user typed, over the model's value it was typed on: a new model value wins.
  const [draft, setDraft] = useState<{ over: string; text: string }>();
  const typed = draft !== undefined && draft.over === value ? draft.text : undefined;
  const error = typed === undefined ? undefined : problem(typed);

  const commit = () => {
    if (typed === undefined || error !== undefined) return;
    setDraft(undefined);
    if (typed.trim() !== value) onCommit(typed);
  };

  return (
    <div className="tw-table__field">
      <label htmlFor={id} className="tw-table__label">
        {label}
      </label>
      <input
        id={id}
        className="tw-table__input"
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={typed ?? value}
        placeholder={placeholder}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={error !== undefined ? `${id}-error` : note !== undefined ? `${id}-note` : undefined}
        onChange={(event) => setDraft({ over: value, text: event.target.value })}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          else if (event.key === 'Escape') setDraft(undefined);
        }}
      />
      {error !== undefined ? (
        <p id={`${id}-error`} className="tw-table__error" role="alert">
          {error}
        </p>
      ) : (
        note !== undefined && (
          <p id={`${id}-note`} className="tw-table__note">
            {note}
          </p>
        )
      )}
    </div>
  );
}
