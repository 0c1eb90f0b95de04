import { describe, expect, it } from 'vitest';
import type { RangeOp, Scalar } from '../model/types.ts';
import { filterExpressionText, filterForm, filterHolds, filterProblem, filterValues } from './filterForm.ts';
import { matchesCondition } from './matchesCondition.ts';

const OPS: RangeOp[] = ['=', '<', '<=', '>', '>=', 'between'];
const BOOLEANS = [false, true];
const PARAMS: Record<string, (Scalar | [Scalar, Scalar])[]> = {
  between: BOOLEANS.flatMap((a) => BOOLEANS.map((b): [Scalar, Scalar] => [a, b])),
};

/** What DynamoDB returns for the filter: the attribute values (undefined: missing) that pass, or its ValidationException. */
function run(op: RangeOp, onBoolean: boolean, param: Scalar | [Scalar, Scalar], stored: (Scalar | undefined)[]) {
  const form = filterForm(op, onBoolean);
  const values = filterValues(form, param);
  if (typeof values === 'string') throw new Error(values);
  const problem = filterProblem(form, values);
  return problem ?? stored.filter((v) => filterHolds(form, values, v));
}

describe('filterForm: a range on a boolean', () => {
  it('sends only equalities (DynamoDB defines no order on BOOL) and keeps the meaning false < true', () => {
    for (const op of OPS) {
      const text = filterExpressionText(filterForm(op, true));
      expect(text, op).not.toMatch(/<(?!>)|(?<!<)>|BETWEEN/);
      for (const param of PARAMS[op] ?? BOOLEANS) {
        const expected = [false, true, undefined].filter((v) => matchesCondition(v, op, param));
        expect(run(op, true, param, [false, true, undefined]), `${text} ${JSON.stringify(param)}`).toEqual(expected);
      }
    }
  });

  it('writes the expressions DynamoDB Local was seen to take', () => {
    expect(filterExpressionText(filterForm('<', true))).toBe('#f = :false AND #f <> :f');
    expect(filterExpressionText(filterForm('>', true))).toBe('#f = :true AND #f <> :f');
    expect(filterExpressionText(filterForm('<=', true))).toBe('#f IN (:false, :f)');
    expect(filterExpressionText(filterForm('>=', true))).toBe('#f IN (:f, :true)');
    expect(filterExpressionText(filterForm('between', true))).toBe('#f IN (:f0, :true) AND #f IN (:false, :f1)');
    expect(filterValues(filterForm('between', true), [true, false])).toEqual({ ':f0': true, ':f1': false, ':false': false, ':true': true });
  });
});

describe('filterForm: other types', () => {
  it('keeps the comparison, and sends between as >= and <= so that low > high matches nothing instead of failing', () => {
    expect(filterExpressionText(filterForm('<', false))).toBe('#f < :f');
    expect(filterExpressionText(filterForm('begins_with', false))).toBe('begins_with(#f, :f)');
    expect(filterExpressionText(filterForm('between', false))).toBe('#f >= :f0 AND #f <= :f1');
    expect(run('between', false, [3, 7], [1, 3, 5, 7, 9, '5', undefined])).toEqual([3, 5, 7]);
    expect(run('between', false, [7, 3], [1, 3, 5, 7, 9])).toEqual([]);
    expect(run('between', false, ['b', 'é'], ['a', 'b', 'z', 'é', 'β'])).toEqual(['b', 'z', 'é']);
  });

  it('never matches a value of another type or a missing one', () => {
    expect(run('<', false, 3, [1, '1', true, undefined])).toEqual([1]);
    expect(run('=', false, 'x', ['x', undefined])).toEqual(['x']);
  });
});

describe('filterProblem: what DynamoDB refuses before reading', () => {
  it('refuses <, <=, >, >= with a BOOL operand, as DynamoDB Local does', () => {
    const form = { clauses: [{ op: '<' as const, operand: ':f' }], operands: [[':f', { kind: 'param' as const }]] as [string, { kind: 'param' }][] };
    expect(filterProblem(form, { ':f': true })).toBe(
      'Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL',
    );
    expect(filterProblem(form, { ':f': 2 })).toBeUndefined();
  });

  it('refuses begins_with on a number or a boolean', () => {
    expect(run('begins_with', false, 3, ['3'])).toMatch(/operator or function: begins_with, operand type: N$/);
    expect(run('begins_with', true, true, [true])).toMatch(/operand type: BOOL$/);
  });

  it('lets <> hold where the attribute is missing (so the boolean forms pair it with an equality)', () => {
    const form = { clauses: [{ op: '<>' as const, operand: ':f' }], operands: [[':f', { kind: 'param' as const }]] as [string, { kind: 'param' }][] };
    expect([false, true, undefined].filter((v) => filterHolds(form, { ':f': true }, v))).toEqual([false, undefined]);
  });
});
