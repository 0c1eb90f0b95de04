// The optional condition of an update, remove or add: tests on the record's
// attributes, all of which must hold (the runtime's `if`), one row each.
import { useId } from 'react';
import type { Attribute } from '../../engine/index.ts';
import { CONDITION_TESTS, type ConditionDraft, type ConditionTest } from '../../store/types.ts';

const TEST_WORDS: Record<ConditionTest, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  beginsWith: 'begins with',
  exists: 'exists',
  notExists: 'does not exist',
};

export interface ConditionInputsProps {
  attributes: readonly Attribute[];
  conditions: readonly ConditionDraft[];
  errors: Record<string, string>;
  onConditions: (conditions: ConditionDraft[]) => void;
}

export function ConditionInputs({ attributes, conditions, errors, onConditions }: ConditionInputsProps) {
  const id = useId();
  const first = attributes[0];
  if (first === undefined) return null;
  const change = (at: number, next: Partial<ConditionDraft>) => onConditions(conditions.map((c, i) => (i === at ? { ...c, ...next } : c)));

  return (
    <fieldset className="tw-writes__group">
      <legend>Condition (optional): the record must meet every test</legend>
      {conditions.map((condition, i) => {
        const error = errors[`condition.${i}`];
        const rowId = `${id}-${i}`;
        const needsValue = condition.test !== 'exists' && condition.test !== 'notExists';
        return (
          <div key={i} className="tw-writes__condition">
            <label className="visually-hidden" htmlFor={`${rowId}-attribute`}>
              Condition {i + 1} attribute
            </label>
            <select id={`${rowId}-attribute`} value={condition.attribute} onChange={(e) => change(i, { attribute: e.target.value })}>
              {attributes.map((a) => (
                <option key={a.name} value={a.name}>
                  {a.name}
                </option>
              ))}
            </select>
            <label className="visually-hidden" htmlFor={`${rowId}-test`}>
              Condition {i + 1} test
            </label>
            <select id={`${rowId}-test`} value={condition.test} onChange={(e) => change(i, { test: e.target.value as ConditionTest })}>
              {CONDITION_TESTS.map((t) => (
                <option key={t} value={t}>
                  {TEST_WORDS[t]}
                </option>
              ))}
            </select>
            {needsValue && (
              <>
                <label className="visually-hidden" htmlFor={`${rowId}-value`}>
                  Condition {i + 1} value
                </label>
                <input
                  id={`${rowId}-value`}
                  type="text"
                  value={condition.text}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={error !== undefined}
                  {...(error !== undefined ? { 'aria-describedby': `${rowId}-error` } : {})}
                  onChange={(e) => change(i, { text: e.target.value })}
                />
              </>
            )}
            <button type="button" className="button" onClick={() => onConditions(conditions.filter((_, j) => j !== i))}>
              Remove test {i + 1}
            </button>
            {error !== undefined && (
              <span id={`${rowId}-error`} className="tw-writes__error">
                {error}
              </span>
            )}
          </div>
        );
      })}
      <button type="button" className="button" onClick={() => onConditions([...conditions, { attribute: first.name, test: 'eq', text: '' }])}>
        Add a test
      </button>
    </fieldset>
  );
}
