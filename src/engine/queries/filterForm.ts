// The FilterExpression that serves a step's filter (a range on an attribute
// that the sort key does not order), as data: AND-ed clauses on `#f` and where
// each value placeholder's value comes from. buildRequest fills it with the
// parameter values, the code generator emits it, and evaluateRequest evaluates
// it clause by clause with DynamoDB's rules, so the three cannot drift apart.
//
// DynamoDB defines `<`, `<=`, `>`, `>=` and BETWEEN on strings, numbers and
// binary only: with a BOOL operand the request fails ("Incorrect operand type
// for operator or function; operator or function: <, operand type: BOOL").
// A range on a boolean (FORMAT.md: false < true) is therefore sent as
// equalities, which DynamoDB defines on BOOL:
//   `< v`  → #f = false AND #f <> v      `> v`  → #f = true AND #f <> v
//   `<= v` → #f IN (false, v)            `>= v` → #f IN (v, true)
//   `between [a, b]` → #f IN (a, true) AND #f IN (false, b)   (empty when a > b)
// `#f = false` / `#f = true` / IN also require the attribute to be there, as
// the range does. Other types keep the comparison, except BETWEEN: DynamoDB
// refuses `BETWEEN :lo AND :hi` when lo > hi ("requires upper bound to be
// greater than or equal to lower bound"), where the pattern's answer is empty,
// so it is sent as `#f >= :f0 AND #f <= :f1`.
import type { RangeOp, Scalar } from '../model/types.ts';
import { compareUtf8 } from './compareUtf8.ts';

/** Where a placeholder's value comes from: the range parameter, one end of its [low, high] pair, or a constant. */
export type FilterOperand = { kind: 'param' } | { kind: 'low' } | { kind: 'high' } | { kind: 'constant'; value: boolean };

/** One clause on the filtered attribute `#f`; operands are placeholder names (`:f`). */
export type FilterClause =
  { op: '=' | '<>' | '<' | '<=' | '>' | '>='; operand: string } | { op: 'in'; operands: string[] } | { op: 'begins_with'; operand: string };

export interface FilterForm {
  /** AND-ed. */
  clauses: FilterClause[];
  /** Placeholder → its value's source, in the order the request lists them. */
  operands: [placeholder: string, operand: FilterOperand][];
}

/** The placeholder of the filtered attribute's name. */
export const FILTER_NAME = '#f';

const PARAM: FilterOperand = { kind: 'param' };
const LOW: FilterOperand = { kind: 'low' };
const HIGH: FilterOperand = { kind: 'high' };
const FALSE: [string, FilterOperand] = [':false', { kind: 'constant', value: false }];
const TRUE: [string, FilterOperand] = [':true', { kind: 'constant', value: true }];

/** The FilterExpression for `op` on an attribute: a boolean one (`onBoolean`), or one of another type. */
export function filterForm(op: RangeOp, onBoolean: boolean): FilterForm {
  if (onBoolean) {
    switch (op) {
      case '=':
        return { clauses: [{ op: '=', operand: ':f' }], operands: [[':f', PARAM]] };
      case '<':
        return {
          clauses: [
            { op: '=', operand: ':false' },
            { op: '<>', operand: ':f' },
          ],
          operands: [FALSE, [':f', PARAM]],
        };
      case '>':
        return {
          clauses: [
            { op: '=', operand: ':true' },
            { op: '<>', operand: ':f' },
          ],
          operands: [TRUE, [':f', PARAM]],
        };
      case '<=':
        return { clauses: [{ op: 'in', operands: [':false', ':f'] }], operands: [FALSE, [':f', PARAM]] };
      case '>=':
        return { clauses: [{ op: 'in', operands: [':f', ':true'] }], operands: [[':f', PARAM], TRUE] };
      case 'between':
        return {
          clauses: [
            { op: 'in', operands: [':f0', ':true'] },
            { op: 'in', operands: [':false', ':f1'] },
          ],
          operands: [[':f0', LOW], [':f1', HIGH], FALSE, TRUE],
        };
      case 'begins_with':
        // Refused by validation (a prefix of text); kept as DynamoDB would take it.
        return { clauses: [{ op: 'begins_with', operand: ':f' }], operands: [[':f', PARAM]] };
      default: {
        const never: never = op;
        throw new Error(`unknown op ${String(never)}`);
      }
    }
  }
  switch (op) {
    case 'between':
      return {
        clauses: [
          { op: '>=', operand: ':f0' },
          { op: '<=', operand: ':f1' },
        ],
        operands: [
          [':f0', LOW],
          [':f1', HIGH],
        ],
      };
    case 'begins_with':
      return { clauses: [{ op: 'begins_with', operand: ':f' }], operands: [[':f', PARAM]] };
    default:
      return { clauses: [{ op, operand: ':f' }], operands: [[':f', PARAM]] };
  }
}

/** The FilterExpression text: `#f = :false AND #f <> :f`. */
export function filterExpressionText(form: FilterForm): string {
  return form.clauses
    .map((c) => {
      switch (c.op) {
        case 'in':
          return `${FILTER_NAME} IN (${c.operands.join(', ')})`;
        case 'begins_with':
          return `begins_with(${FILTER_NAME}, ${c.operand})`;
        default:
          return `${FILTER_NAME} ${c.op} ${c.operand}`;
      }
    })
    .join(' AND ');
}

/** The placeholders' values for a parameter value (a [low, high] pair for the pair operands), or a message when the parameter does not fit. */
export function filterValues(form: FilterForm, param: Scalar | readonly [Scalar, Scalar]): Record<string, Scalar> | string {
  const values: Record<string, Scalar> = {};
  for (const [placeholder, operand] of form.operands) {
    if (operand.kind === 'constant') values[placeholder] = operand.value;
    else if (operand.kind === 'param') {
      if (Array.isArray(param)) return 'takes one value, got a pair';
      values[placeholder] = param as Scalar;
    } else {
      if (!Array.isArray(param) || param.length !== 2) return 'takes [low, high]';
      const [low, high] = param as readonly [Scalar, Scalar];
      values[placeholder] = operand.kind === 'low' ? low : high;
    }
  }
  return values;
}

/** DynamoDB's name of a value's type. */
function typeTag(v: Scalar): 'S' | 'N' | 'BOOL' {
  return typeof v === 'string' ? 'S' : typeof v === 'number' ? 'N' : 'BOOL';
}

/**
 * Why DynamoDB refuses the filter with these values (its ValidationException
 * message), or undefined when it takes it. DynamoDB checks this before it reads
 * an item: the whole request fails, whatever the items hold.
 */
export function filterProblem(form: FilterForm, values: Record<string, Scalar>): string | undefined {
  for (const c of form.clauses) {
    const operands = c.op === 'in' ? c.operands : [c.operand];
    for (const name of operands) {
      const v = values[name];
      if (v === undefined) return `Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: ${name}`;
      const tag = typeTag(v);
      const ordered = c.op === '<' || c.op === '<=' || c.op === '>' || c.op === '>=';
      if ((ordered && tag === 'BOOL') || (c.op === 'begins_with' && tag !== 'S')) {
        return `Invalid FilterExpression: Incorrect operand type for operator or function; operator or function: ${c.op}, operand type: ${tag}`;
      }
    }
  }
  return undefined;
}

/** Whether an item's attribute value passes every clause, by DynamoDB's rules (values of another type never compare; `<>` holds for a missing attribute). */
export function filterHolds(form: FilterForm, values: Record<string, Scalar>, value: Scalar | undefined): boolean {
  return form.clauses.every((c) => {
    switch (c.op) {
      case 'in':
        return c.operands.some((name) => equal(value, values[name]));
      case '=':
        return equal(value, values[c.operand]);
      case '<>':
        return !equal(value, values[c.operand]);
      case 'begins_with': {
        const p = values[c.operand];
        return typeof value === 'string' && typeof p === 'string' && value.startsWith(p);
      }
      default: {
        const p = values[c.operand];
        if (value === undefined || p === undefined || typeof value !== typeof p || typeof value === 'boolean') return false;
        const d = typeof value === 'number' ? value - (p as number) : compareUtf8(value, p as string);
        return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : d >= 0;
      }
    }
  });
}

function equal(a: Scalar | undefined, b: Scalar | undefined): boolean {
  return a !== undefined && b !== undefined && typeof a === typeof b && a === b;
}
