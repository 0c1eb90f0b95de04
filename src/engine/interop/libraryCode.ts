// What the library exports (ElectroDB, DynamoDB-Toolbox) share: which plans a library query can
// run, a composite step's key condition and filter as code values, each printed by the library's own
// emitter in its own API. Values come from codegen's emitters (keyValueExpr), so the keys a library
// queries are the generated module's, encoded the same way.
import type { Design, PatternPlan, PlanStep } from '../design/types.ts';
import type { CompositeKeyCondition, KeyValue } from '../queries/keyCondition.ts';
import { filterForm, type FilterClause } from '../queries/filterForm.ts';
import type { RuntimeHelper } from '../codegen/runtimeSource.ts';
import { access, q } from '../codegen/printTs.ts';

/** Why one library query cannot run a pattern's plan; undefined when it can. `native`: the library keys an index on several of the items' own attributes. */
export function unsupportedPlan(design: Design, plan: PatternPlan, library: { name: string; native: boolean }): string | undefined {
  if (plan.steps.length > 1) return `its plan takes two requests (the second reads what the first answered), which no single ${library.name} query makes`;
  const [step] = plan.steps;
  if (!step) return 'its plan has no request';
  if (step.shards !== undefined) return `its partition is write-sharded over ${String(step.shards)} shards: one Query per shard merged by the sort key, which ${library.name} does not do`;
  const index = design.indexes.find((i) => i.name === step.index);
  if (index?.keys === 'native' && !library.native) return `it reads ${step.index}, a GSI keyed natively on several of the items' own attributes; these ${library.name} entities key indexes on Tablewright's composite key attributes only`;
  return undefined;
}

/** A composite step's sort-key condition as code: statements first (a [low, high] parameter's checks), then the operator and its values. */
export interface SortKeyCode {
  pre: string[];
  op: 'none' | 'eq' | 'beginsWith' | 'between';
  values: string[];
}

export function sortKeyCode(sk: CompositeKeyCondition['sk'], keyValueExpr: (value: KeyValue) => string, needHelper: (helper: RuntimeHelper) => void): SortKeyCode {
  switch (sk.op) {
    case 'none':
      return { pre: [], op: 'none', values: [] };
    case '=':
      return { pre: [], op: 'eq', values: [keyValueExpr(sk.value)] };
    case 'begins_with':
      return { pre: [], op: 'beginsWith', values: [keyValueExpr(sk.value)] };
    case 'between': {
      const pairOf = [...sk.low, ...sk.high].find((t) => t.kind === 'param' && t.end !== undefined);
      if (!sk.empty || pairOf?.kind !== 'param') return { pre: [], op: 'between', values: [keyValueExpr(sk.low), keyValueExpr(sk.high)] };
      // A [low, high] parameter: DynamoDB refuses BETWEEN with low > high, so the runtime's range() makes it empty.
      needHelper('pair');
      needHelper('range');
      return {
        pre: [`const [low, high] = pair(params${access(pairOf.param)}, ${q(pairOf.param)});`, `const bounds = range(${keyValueExpr(sk.low)}, ${keyValueExpr(sk.high)}, ${keyValueExpr(sk.empty)});`],
        op: 'between',
        values: ['bounds.low', 'bounds.high'],
      };
    }
    default: {
      const never: never = sk;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

/** A step's filter as AND-ed clauses (filterForm: a range on a boolean as equalities), each operand's value as code. */
export function filterCode(filter: NonNullable<PlanStep['filter']>): { op: FilterClause['op']; values: string[] }[] {
  const form = filterForm(filter.op, filter.type === 'boolean');
  const operand = new Map(form.operands);
  const value = (placeholder: string): string => {
    const o = operand.get(placeholder);
    if (!o) throw new Error(`no operand ${placeholder}`);
    if (o.kind === 'constant') return String(o.value);
    if (o.kind === 'param') return `params${access(filter.param)}`;
    return `params${access(filter.param)}[${o.kind === 'low' ? 0 : 1}]`;
  };
  return form.clauses.map((c) => ({ op: c.op, values: c.op === 'in' ? c.operands.map(value) : [value(c.operand)] }));
}
