// What the library exports (ElectroDB, DynamoDB-Toolbox) share: each pattern's doc comment and
// function head, how its steps make its answer (one step, a write-sharded step's shards merged, two
// steps concatenated), a composite step's key condition and filter as code values (each printed by
// the library's own emitter in its own API), and the runtime below the imports. Values come from codegen's emitters (keyValueExpr), so the keys a library
// queries are the generated module's, encoded the same way.
import type { Design, PatternPlan, PlanStep, Segment } from '../design/types.ts';
import type { Entity } from '../model/types.ts';
import type { CompositeKeyCondition, KeyCondition, KeyValue, NativeOperand } from '../queries/keyCondition.ts';
import { filterForm, type FilterClause } from '../queries/filterForm.ts';
import { keyCondition } from '../queries/keyCondition.ts';
import { alwaysEmptyParameter } from '../queries/alwaysEmpty.ts';
import { patternParameters } from '../queries/patternParameters.ts';
import { paramChecks, paramsInterface } from '../codegen/generateModule.ts';
import { runtimeFor, type RuntimeHelper } from '../codegen/runtimeSource.ts';
import { WRITE_RUNTIME_BLOCKS } from '../writes/writeRuntimeSource.generated.ts';
import { access, comment, prop, q, wrap } from '../codegen/printTs.ts';

/** A composite step's sort-key condition as code: statements first (a [low, high] parameter's checks), then the operator and its values. */
export interface SortKeyCode {
  pre: string[];
  op: 'none' | 'eq' | 'beginsWith' | 'between';
  values: string[];
}

export function sortKeyCode(
  sk: CompositeKeyCondition['sk'],
  keyValueExpr: (value: KeyValue) => string,
  needHelper: (helper: RuntimeHelper) => void,
): SortKeyCode {
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
        pre: [
          `const [low, high] = pair(params${access(pairOf.param)}, ${q(pairOf.param)});`,
          `const bounds = range(${keyValueExpr(sk.low)}, ${keyValueExpr(sk.high)}, ${keyValueExpr(sk.empty)});`,
        ],
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

/** A native key condition's operand as code: the attribute's own value (unencoded), a parameter's or a fixed one. */
export function nativeOperandCode(o: NativeOperand): string {
  if (o.kind === 'text') return q(o.text);
  if (o.kind === 'fixed') return typeof o.value === 'string' ? q(o.value) : String(o.value);
  if (o.kind === 'shard') throw new Error('a native key has no shard component');
  return `params${access(o.param)}${o.end === undefined ? '' : o.end === 'low' ? '[0]' : '[1]'}`;
}

/**
 * A native BETWEEN's emptiness as code: true when its low is above its high, where the answer is empty and
 * DynamoDB refuses the request, so nothing is sent
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html).
 */
export function nativeBetweenEmpty(range: { low: NativeOperand; high: NativeOperand }, needHelper: (helper: RuntimeHelper) => void): string {
  const [low, high] = [nativeOperandCode(range.low), nativeOperandCode(range.high)];
  const numbers = [range.low, range.high].every((o) =>
    o.kind === 'fixed' ? typeof o.value === 'number' : o.kind === 'param' && o.type === 'number' && !o.prefix,
  );
  if (numbers) return `${low} > ${high}`;
  needHelper('compareUtf8');
  return `compareUtf8(String(${low}), String(${high})) > 0`;
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

/** One request of a pattern's plan as a library file prints it: the step, its index and its key condition. */
export interface StepQuery {
  step: PlanStep;
  index: Design['indexes'][number];
  /** The step's key condition: composite, or native where the index is keyed on the items' own attributes. */
  condition: KeyCondition;
  /** The step reads an item collection (several entities' records from one partition, each parsed as its own). */
  collection: boolean;
  /** The entity whose get or query sends the step: a collection's parent, else the one entity the step reads. */
  entity: string;
}

/** A pattern's query function as a library file prints it: what its body needs, once the head is printed. */
export interface PatternQuery {
  plan: PatternPlan;
  steps: StepQuery[];
  /** The pattern's entity and the entities it includes, once each. */
  included: string[];
  isInclude: boolean;
}

/**
 * A pattern's doc comment and the opening of its function (`name: async (params: NameParams) => {` and
 * the parameters' checks) in `patterns = { … }`. A pattern the design does not serve gets a comment saying
 * so and no function; an always-empty one a function that reads nothing. Undefined then; else what its body needs.
 */
export function patternHead(
  design: Design,
  pattern: Design['model']['patterns'][number],
  ctx: { b: (line: string) => void; paramsType: string; needHelper: (helper: RuntimeHelper) => void },
): PatternQuery | undefined {
  const { b, paramsType } = ctx;
  const model = design.model;
  const plan = design.patterns.find((x) => x.pattern === pattern.name);
  b('    /**');
  if (pattern.text) b(`     * ${comment(pattern.text)}`);
  if (!plan) {
    b(`     * NOT SERVED: ${comment(pattern.name)} is not served by this design (see its errors).`);
    b('     */');
    return undefined;
  }
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
  for (const step of plan.steps) {
    const how = step.shards !== undefined ? ` (one Query per shard, ${String(step.shards)}, merged by the sort key in the pattern's order)` : '';
    b(`     * ${step.operation} ${step.index}: ${comment(step.keyConditionText)}${step.direction ? ` (${step.direction})` : ''}${how}`);
  }
  if (plan.steps.length > 1) b("     * The requests' records are concatenated in the plan's order, as the generated module's executeAll does.");
  b('     */');
  b(`    ${prop(pattern.name)}: async (${parameters.length > 0 ? 'params' : '_params'}: ${paramsType}) => {`);
  for (const line of paramChecks(model, pattern.name, ctx.needHelper)) b(`      ${line}`);
  const steps = plan.steps.map((step): StepQuery => {
    const index = design.indexes.find((i) => i.name === step.index);
    if (!index) throw new Error(`no index ${step.index} for ${pattern.name}`);
    const collection = isInclude && (plan.steps.length === 1 || step.entities.length > 1);
    return { step, index, condition: keyCondition(step.key, index), collection, entity: collection ? step.keyEntity : (step.entities[0] ?? pattern.entity) };
  });
  return { plan, steps, included, isInclude };
}

/** One step's code as a library prints it: statements, a condition under which it reads nothing, and its records by entity (each an array expression). */
export interface StepCode {
  lines: string[];
  /** When true (a native BETWEEN whose low is above its high) the step's answer is empty and nothing is sent. */
  emptyWhen?: string;
  records: ReadonlyMap<string, string>;
}

/**
 * A pattern's body from its steps' code (`stepCode(query, 'shard' when in a shard's loop)`), every line
 * indented for the function: one step is its statements and its records returned; a write-sharded step is
 * one request per shard (run together) merged by the index's sort key in the pattern's order and cut to its
 * limit (mergeShards); two steps are each run in turn and their records concatenated per entity in the
 * plan's order (as the generated module's executeAll).
 */
export function patternBody(
  design: Design,
  pattern: Design['model']['patterns'][number],
  head: PatternQuery,
  ctx: {
    b: (line: string) => void;
    stepCode: (query: StepQuery) => StepCode;
    recordExpr: (segments: readonly Segment[], entity: Entity) => string;
    needHelper: (helper: RuntimeHelper) => void;
  },
): { mergesShards: boolean } {
  const { b } = ctx;
  const one = pattern.returns === 'one';
  const shape = (records: ReadonlyMap<string, string>, entities: readonly string[]) =>
    `{ ${entities.map((x) => `${prop(x)}: ${records.get(x) ?? '[]'}`).join(', ')} }`;
  const answer = (records: ReadonlyMap<string, string>) =>
    head.isInclude ? shape(records, head.included) : `${records.get(pattern.entity) ?? '[]'}${one ? '[0]' : ''}`;
  const [only] = head.steps;
  if (head.steps.length === 1 && only && only.step.shards === undefined) {
    const code = ctx.stepCode(only);
    if (code.emptyWhen !== undefined) b(`      if (${code.emptyWhen}) return ${answer(new Map())};`);
    for (const line of code.lines) b(`      ${line}`);
    b(`      return ${answer(code.records)};`);
    return { mergesShards: false };
  }
  let mergesShards = false;
  const names = head.steps.map((_, i) => `step${String(i)}`);
  head.steps.forEach((query, i) => {
    const code = ctx.stepCode(query);
    const entities = [...code.records.keys()];
    const value = shape(code.records, entities);
    const inner = [
      ...(code.emptyWhen !== undefined ? [`if (${code.emptyWhen}) return ${shape(new Map(), entities)};`] : []),
      ...code.lines,
      `return ${value};`,
    ];
    const { step } = query;
    if (step.shards === undefined) {
      b(`      const ${names[i] ?? ''} = await (async () => {`);
      for (const line of inner) b(`        ${line}`);
      b('      })();');
      return;
    }
    // Write sharding: one request per shard, each in the pattern's order (and with its limit), merged by the
    // index's sort key as DynamoDB orders keys (UTF-8 bytes) and cut to the limit, the order one unsharded
    // partition would have (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-sharding.html).
    if (query.index.keys === 'native') throw new Error(`a sharded step reads a composite index (${step.index})`);
    const [entity] = entities;
    const modelEntity = design.model.entities.find((e) => e.name === entity);
    const template = design.entities.find((e) => e.entity === entity)?.keys[step.index];
    if (entities.length !== 1 || !modelEntity || !template) throw new Error(`a sharded step reads one entity's records (${step.keyConditionText})`);
    mergesShards = true;
    ctx.needHelper('compareUtf8');
    b(`      const shards = await Promise.all(Array.from({ length: ${String(step.shards)} }, async (_, shard) => {`);
    for (const line of inner) b(`        ${line}`);
    b('      }));');
    const limit = step.limit === undefined ? '' : `, ${String(step.limit)}`;
    b(
      `      const ${names[i] ?? ''} = { ${prop(modelEntity.name)}: mergeShards(shards.map((x) => x${access(modelEntity.name)}), (r: Record<string, unknown>) => ${ctx.recordExpr(template.sk, modelEntity)}, ${String(step.direction !== 'desc')}${limit}) };`,
    );
  });
  const stepEntities = head.steps.map((query) => new Set(query.collection ? query.step.entities : [query.entity]));
  const concat = (entity: string) => {
    const parts = names.filter((_, i) => stepEntities[i]?.has(entity)).map((n) => `${n}${access(entity)}`);
    return parts.length === 1 ? (parts[0] ?? '[]') : `[${parts.map((x) => `...${x}`).join(', ')}]`;
  };
  b(`      return ${answer(new Map((head.isInclude ? head.included : [pattern.entity]).map((x) => [x, concat(x)])))};`);
  return { mergesShards };
}

/** The runtime's merge of a write-sharded step's answers: the code of mergeShards, where a file calls it. */
export const MERGE_SHARDS: readonly string[] = [
  '/**',
  " * Write sharding: a sharded pattern's records from each shard's request (each in the pattern's order), merged by",
  " * the index's sort key (UTF-8 byte order, as DynamoDB sorts keys) in that order and cut to the pattern's limit.",
  " * The sort key ends with the record's key, so the merge is the order one unsharded partition would have.",
  ' */',
  'function mergeShards<T>(answers: readonly (readonly T[])[], sortKey: (record: T) => string, forward: boolean, limit?: number): T[] {',
  '  const merged = answers.flat().sort((a, b) => (forward ? 1 : -1) * compareUtf8(sortKey(a), sortKey(b)));',
  '  return limit === undefined ? merged : merged.slice(0, limit);',
  '}',
  '',
];

/** What a library file carries below its imports: the exported patterns' parameter types, the runtime its code calls, shardOf and has where used. */
export function fileRuntime(
  design: Design,
  ctx: { paramsName: ReadonlyMap<string, string>; helpers: ReadonlySet<RuntimeHelper>; sharded: boolean; usesHas: boolean },
): string[] {
  const out: string[] = [];
  for (const p of design.model.patterns) {
    const plan = design.patterns.find((x) => x.pattern === p.name);
    if (!plan) continue;
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
