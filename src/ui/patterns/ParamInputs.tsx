// The parameter inputs of one pattern, typed from its attributes: numbers,
// true/false, enumerations as selects, dates, and two inputs for `between`.
// A value that does not parse stays in the input, marked invalid, and is not
// sent to the store until it does.
import { useId } from 'react';
import type { Model, Pattern, PatternParams, Scalar } from '../../engine/index.ts';
import { fieldLabel, paramFields, paramText, parseFieldText } from './paramFields.ts';
import type { ParamField } from './paramFields.ts';

/** Input key (`name`, `name.0`, `name.1`) → what the user typed that does not parse, and why. */
export type InvalidTexts = Record<string, { text: string; message: string }>;

export interface ParamInputsProps {
  model: Model;
  pattern: Pattern;
  params: PatternParams;
  invalid: InvalidTexts;
  onInvalid: (invalid: InvalidTexts) => void;
  onParams: (params: PatternParams) => void;
  /** Present when the user changed the parameters: back to the sample values. */
  onReset?: () => void;
}

export function ParamInputs({ model, pattern, params, invalid, onInvalid, onParams, onReset }: ParamInputsProps) {
  const fields = paramFields(model, pattern.name);
  const id = useId();
  if (fields.length === 0) return null;

  const change = (key: string, field: ParamField, text: string, apply: (value: Scalar) => PatternParams) => {
    const parsed = parseFieldText(field, text);
    const { [key]: _dropped, ...rest } = invalid;
    if (!parsed.ok) {
      onInvalid({ ...rest, [key]: { text, message: parsed.message } });
      return;
    }
    if (_dropped !== undefined) onInvalid(rest);
    onParams(apply(parsed.value));
  };

  return (
    <fieldset className="tw-params">
      <legend className="tw-params__legend">Parameters of {pattern.name}</legend>
      {fields.map((field) => {
        // Own properties only: a parameter may be called `__proto__`.
        const value = Object.hasOwn(params, field.name) ? params[field.name] : undefined;
        if (field.pair) {
          const pair: [Scalar | undefined, Scalar | undefined] = Array.isArray(value) ? [value[0], value[1]] : [undefined, undefined];
          return (
            <div key={field.name} className="tw-params__row">
              <span className="tw-params__label">{fieldLabel(field)}</span>
              {([0, 1] as const).map((side) => {
                const key = `${field.name}.${side}`;
                return (
                  <ParamInput
                    key={key}
                    id={`${id}-${key}`}
                    label={`${field.name} ${side === 0 ? 'from' : 'to'}`}
                    field={field}
                    value={pair[side]}
                    invalid={invalid[key]}
                    onText={(text) =>
                      change(key, field, text, (v) => {
                        const next: [Scalar, Scalar] = [pair[0] ?? v, pair[1] ?? v];
                        next[side] = v;
                        return { ...params, [field.name]: next };
                      })
                    }
                  />
                );
              })}
            </div>
          );
        }
        return (
          <div key={field.name} className="tw-params__row">
            <ParamInput
              id={`${id}-${field.name}`}
              label={fieldLabel(field)}
              field={field}
              value={Array.isArray(value) ? undefined : value}
              invalid={invalid[field.name]}
              onText={(text) => change(field.name, field, text, (v) => ({ ...params, [field.name]: v }))}
            />
          </div>
        );
      })}
      {onReset !== undefined && (
        <button type="button" className="tw-params__reset" onClick={onReset}>
          Reset to sample values
        </button>
      )}
    </fieldset>
  );
}

interface ParamInputProps {
  id: string;
  label: string;
  field: ParamField;
  value: Scalar | undefined;
  invalid: { text: string; message: string } | undefined;
  onText: (text: string) => void;
}

function ParamInput({ id, label, field, value, invalid, onText }: ParamInputProps) {
  const errorId = `${id}-error`;
  const text = invalid?.text ?? paramText(value);
  const common = {
    id,
    'aria-invalid': invalid !== undefined,
    ...(invalid !== undefined ? { 'aria-describedby': errorId } : {}),
  };
  let control;
  if (field.values !== undefined && field.values.length > 0) {
    const values = field.values;
    const at = values.findIndex((v) => v === value);
    control = (
      <select {...common} value={at === -1 ? '' : String(at)} onChange={(e) => onText(String(values[Number(e.target.value)]))}>
        {at === -1 && <option value="">{value === undefined ? '(choose)' : `${String(value)} (not a declared value)`}</option>}
        {values.map((v, i) => (
          <option key={i} value={String(i)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'boolean') {
    control = (
      <select {...common} value={text} onChange={(e) => onText(e.target.value)}>
        {text !== 'true' && text !== 'false' && <option value="">(choose)</option>}
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else {
    const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
    control = (
      <input
        {...common}
        type={type}
        {...(type === 'number' ? { step: 'any', inputMode: 'decimal' as const } : {})}
        {...(field.type === 'datetime' ? { placeholder: 'YYYY-MM-DDThh:mm:ss.sssZ' } : {})}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onText(e.target.value)}
      />
    );
  }
  return (
    <span className="tw-params__field">
      <label htmlFor={id} className="tw-params__input-label">
        {label}
      </label>
      {control}
      {invalid !== undefined && (
        <span id={errorId} className="tw-params__error">
          {invalid.message}
        </span>
      )}
    </span>
  );
}
