// What the library exports (ElectroDB, DynamoDB-Toolbox) share: which plans a library query can
// run, each pattern's doc comment and function head, a composite step's key condition and filter as
// code values (each printed by the library's own emitter in its own API), and the runtime below the
// imports. Values come from codegen's emitters (keyValueExpr), so the keys a library
// queries are the generated module's, encoded the same way.
import type { Design, PatternPlan, PlanStep } from '../design/types.ts';
import type { CompositeKeyCondition, KeyCondition, KeyValue } from '../queries/keyCondition.ts';
import { filterForm, type FilterClause } from '../queries/filterForm.ts';
import { keyCondition } from '../queries/keyCondition.ts';
import { alwaysEmptyParameter } from '../queries/alwaysEmpty.ts';
import { patternParameters } from '../queries/patternParameters.ts';
import { paramChecks, paramsInterface } from '../codegen/generateModule.ts';
import { runtimeFor, type RuntimeHelper } from '../codegen/runtimeSource.ts';
import { WRITE_RUNTIME_BLOCKS } from '../writes/writeRuntimeSource.generated.ts';
import { access, comment, prop, q, wrap } from '../codegen/printTs.ts';

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

/** A pattern's query function as a library file prints it: what its body needs, once the head is printed. */
export interface PatternQuery {
  step: PlanStep;
  index: Design['indexes'][number];
  /** The step's key condition: composite, or native where the library keys an index on the items' own attributes. */
  condition: KeyCondition;
  /** The pattern's entity and the entities it includes, once each. */
  included: string[];
  isInclude: boolean;
}

/**
 * A pattern's doc comment and, when the library runs it, the opening of its function
 * (`name: async (params: NameParams) => {` and the parameters' checks) in `patterns = { … }`. A pattern
 * that is not served or not exported gets a comment saying why and no function; an always-empty one a
 * function that reads nothing. Undefined then; else what its body needs.
 */
export function patternHead(
  design: Design,
  pattern: Design['model']['patterns'][number],
  ctx: { b: (line: string) => void; paramsType: string; unsupported: string | undefined; needHelper: (helper: RuntimeHelper) => void },
): PatternQuery | undefined {
  const { b, paramsType } = ctx;
  const model = design.model;
  const plan = design.patterns.find((x) => x.pattern === pattern.name);
  b('    /**');
  if (pattern.text) b(`     * ${comment(pattern.text)}`);
  if (!plan) {
    b(`     * NOT EXPORTED: ${comment(pattern.name)} is not served by this design (see its errors).`);
    b('     */');
    return undefined;
  }
  if (ctx.unsupported !== undefined) {
    b(`     * NOT EXPORTED: ${comment(ctx.unsupported)}. The generated module's executeAll.${comment(pattern.name)} answers it.`);
    for (const s of plan.steps) b(`     * ${s.operation} ${s.index}: ${comment(s.keyConditionText)}`);
    b('     */');
    return undefined;
  }
  const [step] = plan.steps;
  const index = design.indexes.find((i) => i.name === step?.index);
  if (!step || !index) throw new Error(`no step or index for ${pattern.name}`);
  const included = [...new Set([pattern.entity, ...(pattern.include ?? [])])];
  const isInclude = (pattern.include?.length ?? 0) > 0;
  const parameters = patternParameters(model, pattern.name);
  const empty = alwaysEmptyParameter(plan, parameters);
  if (empty !== undefined) {
    b(`     * ALWAYS EMPTY: ${comment(empty)} is compared for equality with its [low, high] pair, which no value equals; nothing is read.`);
    b('     */');
    const none = isInclude ? `{ ${included.map((x) => `${prop(x)}: []`).join(', ')} }` : pattern.returns === 'one' ? 'undefined' : '[]';
    b(`    ${prop(pattern.name)}: async (_params: ${paramsType}) => ${none},`);
    return undefined;
  }
  for (const line of wrap(plan.reason, 90)) b(`     * ${comment(line)}`);
  b(`     * ${step.operation} ${step.index}: ${comment(step.keyConditionText)}${step.direction ? ` (${step.direction})` : ''}`);
  b('     */');
  b(`    ${prop(pattern.name)}: async (${parameters.length > 0 ? 'params' : '_params'}: ${paramsType}) => {`);
  for (const line of paramChecks(model, pattern.name, ctx.needHelper)) b(`      ${line}`);
  const condition = keyCondition(step.key, index);
  return { step, index, condition, included, isInclude };
}

/** What a library file carries below its imports: the exported patterns' parameter types, the runtime its code calls, shardOf and has where used. */
export function fileRuntime(design: Design, ctx: { exported: (plan: PatternPlan) => boolean; paramsName: ReadonlyMap<string, string>; helpers: ReadonlySet<RuntimeHelper>; sharded: boolean; usesHas: boolean }): string[] {
  const out: string[] = [];
  for (const p of design.model.patterns) {
    const plan = design.patterns.find((x) => x.pattern === p.name);
    if (!plan || !ctx.exported(plan)) continue;
    out.push(...paramsInterface(design.model, p.name, ctx.paramsName.get(p.name) ?? ''), '');
  }
  const runtime = runtimeFor(ctx.helpers);
  if (runtime) out.push(runtime, '');
  const shardOf = ctx.sharded ? WRITE_RUNTIME_BLOCKS.find((x) => x.names.includes('shardOf')) : undefined;
  if (shardOf) out.push(shardOf.text, '');
  if (ctx.usesHas) {
    out.push(
      '/** Whether a record has every one of these attributes: a GSI key made of them is written only then (sparse). */',
      'function has(r: object, names: readonly string[]): boolean {',
      '  return names.every((name) => (r as Record<string, unknown>)[name] !== undefined && (r as Record<string, unknown>)[name] !== null);',
      '}',
      '',
    );
  }
  return out;
}

/** The file's constants: the table's name and the entity attribute (`what` says what the library does with it). */
export function fileConstants(design: Design, what: string): string[] {
  return [
    `export const TABLE_NAME = ${q(design.tableName)};`,
    `/** The attribute that holds the entity name on every item: ${what}. */`,
    `export const ENTITY_ATTRIBUTE = ${q(design.entityAttribute)};`,
    '',
  ];
}

/** `const entities = { User, Order: OrderEntity };`: every entity by its name, from its local. */
export function entitiesObject(design: Design, entityVar: ReadonlyMap<string, string>): string {
  return `  const entities = { ${design.model.entities.map((e) => (entityVar.get(e.name) === e.name ? prop(e.name) : `${prop(e.name)}: ${entityVar.get(e.name) ?? ''}`)).join(', ')} };`;
}
