// One typed input of the write form: a select for an enumeration or a boolean,
// a number, date or text input otherwise. What the user typed stays as typed;
// a text that does not read is marked invalid with the reason beside it.
import type { WriteField } from './writeFields.ts';

export interface WriteFieldInputProps {
  id: string;
  label: string;
  field: WriteField;
  text: string;
  error: string | undefined;
  onText: (text: string) => void;
  disabled?: boolean;
}

export function WriteFieldInput({ id, label, field, text, error, onText, disabled = false }: WriteFieldInputProps) {
  const errorId = `${id}-error`;
  const common = {
    id,
    disabled,
    'aria-invalid': error !== undefined,
    ...(error !== undefined ? { 'aria-describedby': errorId } : {}),
  };
  let control;
  const choices = field.values !== undefined && field.values.length > 0 ? field.values.map(String) : field.type === 'boolean' ? ['true', 'false'] : undefined;
  if (choices !== undefined) {
    control = (
      <select {...common} value={text} onChange={(e) => onText(e.target.value)}>
        {(text === '' || !choices.includes(text)) && <option value={text}>{text === '' ? '(none)' : `${text} (not a declared value)`}</option>}
        {choices.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else {
    const type = field.type === 'number' ? 'text' : field.type === 'date' ? 'date' : 'text';
    control = (
      <input
        {...common}
        type={type}
        // A number is typed as text so that what does not read stays visible (and is reported).
        {...(field.type === 'number' ? { inputMode: 'decimal' as const } : {})}
        {...(field.type === 'datetime' ? { placeholder: 'YYYY-MM-DDThh:mm:ss.sssZ' } : {})}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onText(e.target.value)}
      />
    );
  }
  return (
    <span className="tw-writes__field">
      <label htmlFor={id} className="tw-writes__label">
        {label}
        {field.optional ? <span className="tw-writes__optional"> (optional)</span> : null}
      </label>
      {control}
      {error !== undefined && (
        <span id={errorId} className="tw-writes__error">
          {error}
        </span>
      )}
    </span>
  );
}
