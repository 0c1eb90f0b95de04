// The TypeScript module users paste into their projects: table definition,
// record types, key encoding, toItem/fromItem, one request builder per access
// pattern (AccessPatterns), executing functions and conditional puts. Needs
// only @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb; compiles under
// tsc --strict. Built from the same plan data (StepKey) that buildRequest reads.
// Composite indexes (the table, `GSI1PK`/`GSI1SK`) get key attributes written
// on items from each entity's template; native GSIs are keyed on the items' own
// attributes, so the module writes nothing for them and queries them with the
// parameters' own values (nativeExpression, as buildRequest does).
import { shardSegmentOf } from '../keys/shards.ts';
import type { Attribute, AttributeType, Entity } from '../model/types.ts';
import type { Design, PatternPlan, PlanStep, Segment } from '../design/types.ts';
import { compositeIndex, indexKeyNames, indexKeyText, syntheticKeyAttributes } from '../design/indexKeys.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import { tableSettings } from '../design/tableSettings.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import { isNotServedCode } from '../keys/keysDiagnostic.ts';
import { encodeKeyValue } from '../keys/encodeKeyValue.ts';
import { alwaysEmptyParameter } from '../queries/alwaysEmpty.ts';
import { keyCondition, nativeExpression, type KeyValue, type NativeKeyCondition, type NativeOperand } from '../queries/keyCondition.ts';
import { FILTER_NAME, filterExpressionText, filterForm } from '../queries/filterForm.ts';
import { patternNamed, patternParameters } from '../queries/patternParameters.ts';
import { RUNTIME_HELPERS, runtimeFor, type RuntimeHelper } from './runtimeSource.ts';
import { PAGING_NAMES, pagingRuntime } from './pagingRuntime.ts';
import { Identifiers, access, comment, indent, pad, prop, q, wrap } from './printTs.ts';
import { emitIndexKeys, emitWrites, WRITES_GLOBALS, type WritesContext } from './writesCode.ts';
import { WRITE_RUNTIME_BLOCKS } from '../writes/writeRuntimeSource.generated.ts';
import { IDENTITY_GUARD, UNIQUE_GUARD } from '../writes/writePlan.ts';
import { DESIGN_METADATA_PREFIX } from '../evolve/designMetadata.ts';

/** Names the module declares or uses itself: no generated type may take them. */
const GLOBALS = new Set([
  ...RUNTIME_HELPERS,
  ...WRITE_RUNTIME_BLOCKS.flatMap((block) => block.names),
  ...WRITES_GLOBALS,
  ...PAGING_NAMES,
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
  'KEY_ATTRIBUTES',
  'ENTITY_NAMES',
  'NUMBER_ATTRIBUTES',
  'keysOf',
  'readAll',
  'recordsOf',
  'Record',
  'Promise',
  'Array',
  'ReadonlyArray',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Error',
  'TypeError',
  'Math',
  'JSON',
  'Map',
  'Set',
  'ReadonlySet',
  'Partial',
  'Symbol',
  'Date',
  'Function',
  'Iterable',
  'Extract',
  'Exclude',
  'Pick',
  'Omit',
  'GetCommand',
  'QueryCommand',
  'PutCommand',
  'DynamoDBDocumentClient',
  'GetCommandInput',
  'QueryCommandInput',
  'PutCommandInput',
  'CreateTableCommandInput',
  'TABLE_NAME',
  'timeToLive',
  'pointInTimeRecovery',
  'EntityName',
  'EntityRecords',
  'AnyRecord',
  'AccessPatterns',
  'AccessPatternParams',
  'execute',
  'put',
  'toItem',
  'fromItem',
  'tableDefinition',
  'entityAttribute',
  'Item',
]);

export function generateModule(design: Design): string {
  const model = design.model;
  const ids = new Identifiers(GLOBALS);
  // An entity's record type is its name unless that is taken or reserved (`Record`, `class`): then `<name>Entity`.
  const typeName = new Map(model.entities.map((e) => [e.name, ids.allocate(e.name, 'Entity')]));
  const paramsName = new Map(model.patterns.map((p) => [p.name, ids.allocate(`${p.name[0]?.toUpperCase() ?? ''}${p.name.slice(1)}Params`, '_')]));
  // Runtime helpers the emitted code calls: decided while emitting, never by searching the text.
  const helpers = new Set<RuntimeHelper>();
  const needHelper = (h: RuntimeHelper) => helpers.add(h);
  const { stepExpr, recordExpr } = emitters(design, needHelper);
  const anySharded = design.patterns.some((p) => p.steps.some((x) => x.shards !== undefined));
  const severalSteps = design.patterns.some((p) => p.steps.length > 1);
  const entityByName = new Map(model.entities.map((e) => [e.name, e]));
  const entityOf = (name: string) => entityByName.get(name);
  const planByName = new Map(design.patterns.map((p) => [p.pattern, p]));
  // The table's key is always composite.
  const tableIndex = design.indexes[0];
  if (!tableIndex) throw new Error('design has no table');
  const tableKeyNames = compositeIndex(tableIndex);
  // Only composite indexes write key attributes on items: a native GSI's keys are the record's own attributes.
  const keyAttributes = design.indexes.flatMap(syntheticKeyAttributes);
  // Header, code before the runtime and code after it are separate parts: no
  // user text is ever searched for a marker.
  const header: string[] = [];
  const before: string[] = [];
  const after: string[] = [];
  let out = header;
  const w = (s = '') => out.push(s);

  w(`/**`);
  w(` * ${comment(model.name)}: DynamoDB single-table access patterns.`);
  w(` * Generated by Tablewright. Regenerate rather than edit: the key layout below`);
  w(` * was derived from the access patterns, and every key condition depends on it.`);
  w(` *`);
  w(` * Table ${comment(design.tableName)}: ${design.indexes.length - 1} GSI${design.indexes.length === 2 ? '' : 's'}. Key layout:`);
  for (const e of design.entities) {
    for (const index of design.indexes) {
      const t = e.keys[index.name];
      if (t) w(` *   ${comment(`${pad(e.entity, 14)} ${pad(index.name, 6)} ${keyTemplateLine(index, t)}`)}`);
    }
  }
  const natives = design.indexes.filter((i) => i.keys === 'native');
  if (natives.length > 0) {
    w(` *`);
    w(` * Native keys: ${natives.length === 1 ? 'this GSI is' : 'these GSIs are'} keyed on the items' own attributes (the entity name, then the`);
    w(` * record's), so nothing is written on items for ${natives.length === 1 ? 'it' : 'them'}; an item that lacks one of them is not in the GSI.`);
    for (const index of natives) w(` *   ${comment(`${pad(index.name, 6)} ${indexKeyText(index)}`)}`);
  }
  w(` */`);
  out = before;
  w(`import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';`);
  w(`import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';`);
  w(`import type { DynamoDBDocumentClient, GetCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';`);
  w();
  w(`export const TABLE_NAME = ${q(design.tableName)};`);
  w(`/** The attribute that holds the entity name on every item. */`);
  w(`export const entityAttribute = ${q(design.entityAttribute)};`);
  w();
  const definition = tableDefinition(design);
  w(`/** CreateTable input: ${definition.BillingMode === 'PROVISIONED' ? 'provisioned capacity' : 'on-demand'}, every GSI projects all attributes. */`);
  w(`export const tableDefinition: CreateTableCommandInput = ${JSON.stringify(definition, null, 2)};`);
  w();
  const settings = tableSettings(design);
  if (settings.ttlAttribute !== undefined || settings.pitr) {
    w(`/** What CreateTable cannot set: send these once the table is ACTIVE. */`);
    if (settings.ttlAttribute !== undefined) {
      w(
        `/** UpdateTimeToLive's TimeToLiveSpecification: ${comment(settings.ttlEntities.join(', '))} records expire at this attribute's time (epoch seconds), their guard items with them. */`,
      );
      w(`export const timeToLive = { AttributeName: ${q(settings.ttlAttribute)}, Enabled: true } as const;`);
    }
    if (settings.pitr) {
      w(`/** UpdateContinuousBackups' PointInTimeRecoverySpecification. */`);
      w(`export const pointInTimeRecovery = { PointInTimeRecoveryEnabled: true } as const;`);
    }
    w();
  }
  w(`// ---------------------------------------------------------------------------`);
  w(`// Records`);
  w(`// ---------------------------------------------------------------------------`);
  for (const e of model.entities) {
    w();
    w(
      `/** ${comment(`${e.name} (key: ${e.key.join(', ')}${e.belongsTo.length ? `; belongs to ${e.belongsTo.map((b) => `${b.entity} via ${b.via.join(', ')}`).join('; ')}` : ''})`)}. */`,
    );
    w(`export interface ${typeName.get(e.name)} {`);
    // An optional attribute may be absent: then the record leaves it out (never undefined or null).
    for (const a of e.attributes)
      w(`  ${prop(a.name)}${a.optional ? '?' : ''}: ${tsType(a)};${a.type === 'date' ? ' // YYYY-MM-DD' : a.type === 'datetime' ? ' // ISO-8601 UTC' : ''}`);
    w(`}`);
  }
  w();
  w(`export interface EntityRecords {`);
  for (const e of model.entities) w(`  ${prop(e.name)}: ${typeName.get(e.name)};`);
  w(`}`);
  w(`export type EntityName = keyof EntityRecords;`);
  w(`export type AnyRecord = { [E in EntityName]: { entity: E; record: EntityRecords[E] } }[EntityName];`);
  w(`/** A stored item. */`);
  w(`export type Item = Record<string, unknown>;`);
  out = after;
  w();
  w(`// ---------------------------------------------------------------------------`);
  w(`// Items`);
  w(`// ---------------------------------------------------------------------------`);
  w();
  w(`const KEY_ATTRIBUTES: ReadonlySet<string> = new Set(${JSON.stringify([...keyAttributes, design.entityAttribute])});`);
  w(`const ENTITY_NAMES: ReadonlySet<string> = new Set(${JSON.stringify(model.entities.map((e) => e.name))});`);
  w();
  const writes: WritesContext = {
    design,
    w,
    typeName,
    allocate: (wanted, suffix) => ids.allocate(wanted, suffix),
    recordExpr,
    tsType: (entity, name) => {
      const a = entity.attributes.find((x) => x.name === name);
      return a ? tsType(a) : 'string';
    },
    templateLine: keyTemplateLine,
  };
  emitIndexKeys(writes);
  w();
  w(`/** The key attributes of every index a record is in: a GSI's only when the record holds all of its attributes (sparse). */`);
  w(`function keysOf(entity: EntityName, record: Item): Item {`);
  w(`  let keys: Item = {};`);
  w(`  for (const [i, index] of INDEX_KEYS[entity].entries()) {`);
  w(`    if (index.written.length === 0) continue;`);
  w(`    if (i > 0 && !index.attributes.every((name) => record[name] !== undefined)) continue;`);
  w(`    keys = { ...keys, ...index.keys(record) };`);
  w(`  }`);
  w(`  return keys;`);
  w(`}`);
  w();
  const numberAttributes = model.entities.map((e) => [e.name, e.attributes.filter((a) => a.type === 'number').map((a) => a.name)] as const);
  const checksNumbers = numberAttributes.some(([, names]) => names.length > 0);
  if (checksNumbers) {
    helpers.add('checkNumber');
    w(`/** Number attributes, checked before a record is stored: DynamoDB and the SDK refuse what they cannot hold. */`);
    w(`const NUMBER_ATTRIBUTES: { readonly [E in EntityName]: readonly string[] } = {`);
    for (const [entity, names] of numberAttributes) w(`  ${prop(entity)}: [${names.map(q).join(', ')}],`);
    w(`};`);
    w();
  }
  w(`/** The item stored for a record: its own attributes unchanged, plus key attributes and the entity name. */`);
  w(`export function toItem<E extends EntityName>(entity: E, record: EntityRecords[E]): Item {`);
  w(`  if (!ENTITY_NAMES.has(entity)) throw new Error(\`unknown entity "\${String(entity)}"\`);`);
  // With optional attributes, an absent one (left out, undefined or null) is left out of the item,
  // and a GSI keyed on it gets no key attributes (keysOf): the index is sparse.
  const anyOptional = model.entities.some((e) => e.attributes.some((a) => a.optional));
  if (anyOptional) {
    w(`  // An absent attribute stays absent: undefined and null are never stored. fromEntries defines own properties.`);
    w(`  const own: Item = Object.fromEntries(Object.entries(record as object).filter(([, value]) => value !== undefined && value !== null));`);
  }
  if (checksNumbers) {
    w(`  for (const name of NUMBER_ATTRIBUTES[entity]) {`);
    if (anyOptional) w(`    if (Object.prototype.hasOwnProperty.call(own, name)) checkNumber(own[name], name);`);
    else w(`    if (Object.prototype.hasOwnProperty.call(record, name)) checkNumber((record as unknown as Item)[name], name);`);
    w(`  }`);
  }
  w(`  // Spread (not Object.assign) defines own properties: an attribute named __proto__ stays data.`);
  if (anyOptional) w(`  return { ...own, ...keysOf(entity, own), [entityAttribute]: entity };`);
  else w(`  return { ...(record as object), ...keysOf(entity, record as unknown as Item), [entityAttribute]: entity };`);
  w(`}`);
  w();
  w(
    `/** The entity and record of a stored item: the item without key attributes and entity name; undefined for a guard item or the table's design-metadata item, which hold no record. */`,
  );
  w(`export function fromItem(item: Item): AnyRecord | undefined {`);
  w(`  const pk = item[${q(tableKeyNames.pkAttribute)}];`);
  w(
    `  if (typeof pk === 'string' && (pk.startsWith(${q(`${IDENTITY_GUARD}#`)}) || pk.startsWith(${q(`${UNIQUE_GUARD}#`)}) || pk.startsWith(${q(DESIGN_METADATA_PREFIX)}))) return undefined;`,
  );
  w(`  const entity = item[entityAttribute];`);
  w(
    `  if (typeof entity !== 'string' || !ENTITY_NAMES.has(entity)) throw new Error(\`not a \${TABLE_NAME} item: "\${entityAttribute}" is \${String(entity)}\`);`,
  );
  w(`  // fromEntries defines own properties, so an attribute named __proto__ stays data.`);
  if (anyOptional) {
    w(`  // An absent attribute is left out of the record (a stored NULL too), never undefined or null.`);
    w(
      `  const record = Object.fromEntries(Object.entries(item).filter(([name, value]) => !KEY_ATTRIBUTES.has(name) && value !== undefined && value !== null));`,
    );
  } else w(`  const record = Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));`);
  w(`  // The stored entity name says which record type the attributes form.`);
  w(`  return { entity, record } as unknown as AnyRecord;`);
  w(`}`);
  w();
  w(`// ---------------------------------------------------------------------------`);
  w(`// Access patterns: one request builder each, returning @aws-sdk/lib-dynamodb inputs`);
  w(`// ---------------------------------------------------------------------------`);
  for (const p of model.patterns) {
    const e = entityOf(p.entity);
    if (!e) continue;
    w();
    for (const line of paramsInterface(model, p.name, paramsName.get(p.name) ?? '')) w(line);
  }
  w();
  w(`export interface AccessPatternParams {`);
  for (const p of model.patterns) w(`  ${prop(p.name)}: ${paramsName.get(p.name)};`);
  w(`}`);
  w();
  w(`export const AccessPatterns = {`);
  for (const p of model.patterns) {
    const plan = planByName.get(p.name);
    const e = entityOf(p.entity);
    if (!e) continue;
    w(`  /**`);
    if (p.text) w(`   * ${comment(p.text)}`);
    if (!plan) {
      // Why there is no plan, by subject and code (never by message text): a
      // limit of the design, or a Tablewright bug, which is not presented as one.
      const own = design.diagnostics.filter((d) => d.severity === 'error' && d.subject?.pattern === p.name);
      const bug =
        own.find((d) => d.code === 'engine.internal') ?? design.diagnostics.find((d) => d.code === 'engine.internal' && d.subject?.pattern === undefined);
      if (bug) {
        w(`   * NOT PLANNED: ${comment(bug.message)}`);
      } else {
        w(`   * NOT SERVED: ${comment(own.find((d) => isNotServedCode(d.code))?.message ?? own[0]?.message ?? 'see the design errors')}`);
      }
      w(`   */`);
      w(`  ${prop(p.name)}(_params: ${paramsName.get(p.name)}): QueryCommandInput {`);
      w(`    throw new Error(${q(bug ? `${p.name} was not planned: a Tablewright bug (see the design errors)` : `${p.name} is not served by this design`)});`);
      w(`  },`);
      continue;
    }
    const empty = alwaysEmptyParameter(plan, patternParameters(model, p.name));
    if (empty !== undefined) {
      // No input at all: the answer is empty without reading anything (buildRequest sends nothing either).
      w(`   * ALWAYS EMPTY: no request is sent.`);
      w(`   */`);
      w(`  ${prop(p.name)}(_params: ${paramsName.get(p.name)}): [] {`);
      w(`    // ${comment(`The answer is always empty: ${empty} is compared for equality with its [low, high] pair, which no value equals.`)}`);
      w(`    return [];`);
      w(`  },`);
      continue;
    }
    for (const line of wrap(plan.reason, 90)) w(`   * ${comment(line)}`);
    for (const s of plan.steps) w(`   * ${s.operation} ${s.index}: ${comment(s.keyConditionText)}${s.direction ? ` (${s.direction})` : ''}`);
    w(`   */`);
    const steps = plan.steps.map((s) => stepExpr(s));
    const [only] = steps;
    const usesParams = steps.some((x) => x.usesParams);
    const sharded = plan.steps.some((x) => x.shards !== undefined);
    const returnType =
      plan.steps.length > 1 || sharded
        ? `Array<${plan.steps.some((x) => x.operation === 'GetItem') ? 'GetCommandInput | ' : ''}QueryCommandInput>`
        : only?.emptyWhen
          ? '[] | [QueryCommandInput]'
          : plan.steps[0]?.operation === 'GetItem'
            ? 'GetCommandInput'
            : 'QueryCommandInput';
    w(`  ${prop(p.name)}(${usesParams ? 'params' : '_params'}: ${paramsName.get(p.name)}): ${returnType} {`);
    // Every parameter checked for its attribute's type first: a value it cannot take throws, never a query that finds nothing.
    if (usesParams) for (const line of paramChecks(model, p.name, needHelper)) w(`    ${line}`);
    const [onlyStep] = plan.steps;
    if (steps.length === 1 && onlyStep?.shards !== undefined) w(`    return ${indent(shardedCode(onlyStep.shards, stepCode(only)), 4)};`);
    else if (steps.length === 1 && only?.emptyWhen) {
      // One request, or none: a native BETWEEN whose low is above its high (as buildRequest sends none).
      for (const line of maybeEmptyBody(only)) w(`    ${line}`);
    } else if (steps.length === 1) w(`    return ${indent(stepCode(only), 4)};`);
    else
      w(
        `    return [\n${steps.map((x, i) => `      ${indent(plan.steps[i]?.shards !== undefined ? `...${shardedCode(plan.steps[i]?.shards ?? 1, stepCode(x))}` : stepCode(x), 6)}`).join(',\n')},\n    ];`,
      );
    w(`  },`);
  }
  w(`};`);
  w();
  w(`// ---------------------------------------------------------------------------`);
  w(`// Executing functions: run a pattern (executeAll: every page; execute: one page and a cursor), return typed records`);
  w(`// ---------------------------------------------------------------------------`);
  w();
  // A pattern's limit is a Query's Limit: that Query is one page (its first N items), never followed.
  const limited = design.patterns.some((p) => p.steps.some((s) => s.limit !== undefined));
  if (limited)
    w(`/** Every item a request answers: a Query is read page by page to its end, except one with Limit (a pattern's first N records), which is one page. */`);
  w(`async function readAll(client: DynamoDBDocumentClient, input: GetCommandInput | QueryCommandInput): Promise<Item[]> {`);
  w(`  if ('Key' in input && input.Key) {`);
  w(`    const result = await client.send(new GetCommand(input as GetCommandInput));`);
  w(`    return result.Item ? [result.Item] : [];`);
  w(`  }`);
  if (limited) w(`  const query = input as QueryCommandInput;`);
  w(`  const items: Item[] = [];`);
  w(`  let start: Record<string, unknown> | undefined;`);
  w(`  do {`);
  w(
    `    const page = await client.send(new QueryCommand({ ...${limited ? 'query' : '(input as QueryCommandInput)'}, ...(start ? { ExclusiveStartKey: start } : {}) }));`,
  );
  w(`    items.push(...(page.Items ?? []));`);
  w(`    start = ${limited ? 'query.Limit === undefined ? page.LastEvaluatedKey : undefined' : 'page.LastEvaluatedKey'};`);
  w(`  } while (start);`);
  w(`  return items;`);
  w(`}`);
  w();
  w(`function recordsOf<E extends EntityName>(items: Item[], entity: E): EntityRecords[E][] {`);
  w(`  return items.flatMap((item) => {`);
  w(`    const back = fromItem(item);`);
  w(`    return back?.entity === entity ? [back.record as EntityRecords[E]] : [];`);
  w(`  });`);
  w(`}`);
  w();
  if (anySharded) {
    needHelper('compareUtf8');
    w(`/**`);
    w(` * Write sharding: a sharded pattern's answer from each shard's (each in the pattern's order), merged by the`);
    w(` * index's sort key (UTF-8 byte order, as DynamoDB sorts keys) in that order and cut to the limit. The sort`);
    w(` * key ends with the record's key, so the merge is the order one unsharded partition would have.`);
    w(` */`);
    w(`function mergeShards(answers: Item[][], sortKey: string, forward: boolean, limit?: number): Item[] {`);
    w(`  const merged = answers.flat().sort((a, b) => (forward ? 1 : -1) * compareUtf8(String(a[sortKey]), String(b[sortKey])));`);
    w(`  return limit === undefined ? merged : merged.slice(0, limit);`);
    w(`}`);
    w();
  }
  w(
    `/** Every record a pattern answers: each request read page by page to its end (a pattern's limit is one page), merged; execute reads one page at a time. */`,
  );
  w(`export const executeAll = {`);
  for (const p of model.patterns) {
    const plan = planByName.get(p.name);
    if (!plan) continue;
    const shardedStep = plan.steps.length === 1 ? plan.steps.find((x) => x.shards !== undefined) : undefined;
    if (shardedStep) {
      // One Query per shard, in parallel; merged in the pattern's order and cut to its limit.
      const index = design.indexes.find((i) => i.name === shardedStep.index);
      if (!index || index.keys === 'native') throw new Error(`a sharded step reads a composite index (${shardedStep.index})`);
      const t = typeName.get(p.entity);
      const one = p.returns === 'one';
      const limitArg = shardedStep.limit === undefined ? '' : `, ${String(shardedStep.limit)}`;
      w(`  /** ${comment(p.text ?? p.name)} (${String(shardedStep.shards)} shards, queried in parallel) */`);
      w(`  async ${prop(p.name)}(client: DynamoDBDocumentClient, params: ${paramsName.get(p.name)}): Promise<${one ? `${t} | undefined` : `${t}[]`}> {`);
      w(`    const answers = await Promise.all(AccessPatterns${access(p.name)}(params).map((input) => readAll(client, input)));`);
      w(
        `    const records = recordsOf(mergeShards(answers, ${q(index.skAttribute)}, ${String(shardedStep.direction !== 'desc')}${limitArg}), ${q(p.entity)});`,
      );
      w(`    return ${one ? 'records[0]' : 'records'};`);
      w(`  },`);
      continue;
    }
    // An array already: several steps, none for an always-empty pattern (`[]`), none or one for a native BETWEEN.
    const returnsArray =
      plan.steps.length > 1 ||
      plan.steps.some((x) => x.shards !== undefined) ||
      alwaysEmptyParameter(plan, patternParameters(model, p.name)) !== undefined ||
      mayBeEmpty(design, plan);
    const inputs = returnsArray ? `AccessPatterns${access(p.name)}(params)` : `[AccessPatterns${access(p.name)}(params)]`;
    const included = [p.entity, ...(p.include ?? [])].filter((x, i, a) => a.indexOf(x) === i);
    if (p.include && p.include.length) {
      const shape = `{ ${included.map((x) => `${prop(x)}: ${typeName.get(x)}[]`).join('; ')} }`;
      w(`  /** ${comment(p.text ?? p.name)} */`);
      w(`  async ${prop(p.name)}(client: DynamoDBDocumentClient, params: ${paramsName.get(p.name)}): Promise<${shape}> {`);
      w(`    const items: Item[] = [];`);
      w(`    for (const input of ${inputs}) items.push(...(await readAll(client, input)));`);
      w(`    return { ${included.map((x) => `${prop(x)}: recordsOf(items, ${q(x)})`).join(', ')} };`);
      w(`  },`);
    } else {
      const t = typeName.get(p.entity);
      const one = p.returns === 'one';
      w(`  /** ${comment(p.text ?? p.name)} */`);
      w(`  async ${prop(p.name)}(client: DynamoDBDocumentClient, params: ${paramsName.get(p.name)}): Promise<${one ? `${t} | undefined` : `${t}[]`}> {`);
      w(`    const items: Item[] = [];`);
      w(`    for (const input of ${inputs}) items.push(...(await readAll(client, input)));`);
      w(`    const records = recordsOf(items, ${q(p.entity)});`);
      w(`    return ${one ? 'records[0]' : 'records'};`);
      w(`  },`);
    }
  }
  w(`};`);
  w();
  // The paging runtime merges a sharded step's requests by their sort key, as DynamoDB orders keys.
  needHelper('compareUtf8');
  for (const line of pagingRuntime(severalSteps).split('\n')) w(line);
  w();
  w(`/**`);
  w(` * One page of each pattern's answer: \`execute.p(client, params, { limit, cursor })\` gives at most \`limit\``);
  w(` * records (DEFAULT_PAGE_SIZE when left out) in the pattern's order, and a cursor while more may remain;`);
  w(` * the cursor passed back gives the next page. A pattern's own limit caps the pages together.`);
  w(` */`);
  w(`export const execute = {`);
  for (const p of model.patterns) {
    const plan = planByName.get(p.name);
    if (!plan) continue;
    const included = [p.entity, ...(p.include ?? [])].filter((x, i, a) => a.indexOf(x) === i);
    // An include pattern's records in their stored order, each with its entity; any other pattern's records alone.
    const kind = `Extract<AnyRecord, { entity: ${included.map(q).join(' | ')} }>`;
    const recordType = p.include && p.include.length ? kind : (typeName.get(p.entity) ?? 'never');
    w(`  /** ${comment(p.text ?? p.name)} */`);
    w(`  async ${prop(p.name)}(client: DynamoDBDocumentClient, params: ${paramsName.get(p.name)}, options: PageOptions = {}): Promise<Page<${recordType}>> {`);
    const call = `AccessPatterns${access(p.name)}(params)`;
    const returnsArray =
      plan.steps.length > 1 ||
      plan.steps.some((x) => x.shards !== undefined) ||
      alwaysEmptyParameter(plan, patternParameters(model, p.name)) !== undefined ||
      mayBeEmpty(design, plan);
    let steps: string;
    if (plan.steps.length > 1) {
      // A step's count of requests, or (none or one: a reversed native range) its index's name.
      const shape = plan.steps.map((step) => (mayBeEmpty(design, { ...plan, steps: [step] }) ? q(step.index) : String(step.shards ?? 1)));
      steps = `stepsOf(${call}, [${shape.join(', ')}])`;
    } else steps = returnsArray ? `[${call}]` : `[[${call}]]`;
    const keys = plan.steps.map((step) => {
      if (step.operation === 'GetItem') return '[]';
      const index = design.indexes.find((i) => i.name === step.index);
      if (!index) throw new Error(`no index ${step.index}`);
      const names = [...indexKeyNames(tableIndex), ...indexKeyNames(index)].filter((x, i, a) => a.indexOf(x) === i);
      return `[${names.map(q).join(', ')}]`;
    });
    const merge = plan.steps.map((step) => {
      if (step.shards === undefined) return 'null';
      const index = design.indexes.find((i) => i.name === step.index);
      if (!index || index.keys === 'native') throw new Error(`a sharded step reads a composite index (${step.index})`);
      return `[${q(index.skAttribute)}, ${String(step.direction !== 'desc')}]`;
    });
    // The pattern's limit caps its answer (one step); a pattern that returns one record answers at most one.
    const limit = plan.steps.length === 1 ? plan.steps[0]?.limit : undefined;
    const cap = p.returns === 'one' ? 1 : limit;
    const read = `{ pattern: ${q(p.name)}, steps: ${steps}, keys: [${keys.join(', ')}], merge: [${merge.join(', ')}], ${cap === undefined ? '' : `cap: ${String(cap)}, `}entities: [${included.map(q).join(', ')}] }`;
    if (p.include && p.include.length) w(`    return readPage<${kind}>(client, ${read}, options);`);
    else {
      w(`    const page = await readPage<${kind}>(client, ${read}, options);`);
      w(`    return { ...page, items: page.items.map((x) => x.record) };`);
    }
    w(`  },`);
  }
  w(`};`);
  w();
  const { omit: omitWrites } = emitWrites(writes);
  // The runtime's shardOf only where a template is sharded.
  const omit = new Set([
    ...omitWrites,
    ...(design.entities.some((e) => Object.values(e.keys).some((t) => shardSegmentOf(t) !== undefined)) ? [] : ['shardOf']),
  ]);
  const runtime = runtimeFor(helpers);
  // The write runtime, less what this module never calls (add where no entity has a number to add to).
  const writeRuntime = WRITE_RUNTIME_BLOCKS.filter((b) => !b.names.some((n) => omit.has(n)))
    .map((b) => b.text)
    .join('\n\n');
  return `${[...header, ...before, ...(runtime ? ['', runtime] : []), '', writeRuntime, ...after].join('\n')}\n`;
}

type Token = { text: string } | { expr: string };

/**
 * One step as code: the statements before the input (`pre`), the input object, and for a
 * native BETWEEN the condition under which no request is sent (`emptyWhen`: low above high).
 */
interface StepCode {
  pre: string[];
  obj: string;
  emptyWhen?: string;
  usesParams: boolean;
}

const EMPTY_RANGE_COMMENT = '// Low above high: the answer is empty, and DynamoDB refuses such a BETWEEN, so nothing is sent.';

/** A sharded step's inputs: the step's input once per shard, `shard` its number (0 to count - 1). */
function shardedCode(count: number, code: string): string {
  return `Array.from({ length: ${String(count)} }, (_, shard): QueryCommandInput => (${code}))`;
}

/** A step as one expression: its input, or (with statements first) an arrow called at once; a step that may send nothing is spread in. */
function stepCode(step: StepCode | undefined): string {
  if (!step) return '{}';
  if (step.emptyWhen)
    return `...((): QueryCommandInput[] => {\n${maybeEmptyBody(step)
      .map((l) => `  ${l}`)
      .join('\n')}\n})()`;
  if (step.pre.length === 0) return step.obj;
  return `(() => {\n${step.pre.map((l) => `  ${l}`).join('\n')}\n  return ${indent(step.obj, 2)};\n})()`;
}

/**
 * The statements of a step that may send nothing: the input is built first (every key value
 * checked, as buildRequest checks them before it compares the range), then none or it is returned.
 */
function maybeEmptyBody(step: StepCode): string[] {
  return [...step.pre, `const input: QueryCommandInput = ${step.obj};`, EMPTY_RANGE_COMMENT, `return ${step.emptyWhen} ? [] : [input];`].flatMap((l) =>
    l.split('\n'),
  );
}

/** Whether a pattern's builder may send no request for some parameters: a step's BETWEEN on a native GSI (a reversed pair). */
function mayBeEmpty(design: Design, plan: PatternPlan): boolean {
  return plan.steps.some((step) => {
    const index = design.indexes.find((i) => i.name === step.index);
    if (index?.keys !== 'native') return false;
    const condition = keyCondition(step.key, index);
    return condition.native === true && condition.range?.op === 'between';
  });
}

/**
 * The code emitters for one design. `needHelper` hears of every runtime helper the
 * emitted code calls, so the module carries exactly those.
 */
export function emitters(design: Design, needHelper: (helper: RuntimeHelper) => void) {
  let paramsRead = false;
  /** `params.<name>`, noting that the builder reads its parameters. */
  const param = (name: string) => {
    paramsRead = true;
    return `params${access(name)}`;
  };

  function stepExpr(step: PlanStep): StepCode {
    paramsRead = false;
    const index = design.indexes.find((i) => i.name === step.index);
    if (!index) throw new Error(`no index ${step.index}`);
    // The one key condition (queries/keyCondition.ts), printed as TypeScript.
    const condition = keyCondition(step.key, index);
    if (condition.native) {
      if (step.operation === 'GetItem') throw new Error(`a native GSI takes no GetItem (${step.keyConditionText})`);
      return nativeStep(step, index.name, condition);
    }
    const keys = compositeIndex(index);
    const pk = render(valueTokens(condition.pk));
    const sk = condition.sk;
    if (step.operation === 'GetItem') {
      if (sk.op !== '=') throw new Error(`a GetItem needs the whole sort key (${step.keyConditionText})`);
      const consistent = step.consistent ? `  ConsistentRead: true,\n` : '';
      return {
        pre: [],
        obj: `{\n  TableName: TABLE_NAME,\n  Key: { ${q(keys.pkAttribute)}: ${pk}, ${q(keys.skAttribute)}: ${render(valueTokens(sk.value))} },\n${consistent}}`,
        usesParams: paramsRead,
      };
    }
    const names: string[] = [`'#pk': ${q(keys.pkAttribute)}`];
    const values: string[] = [`':pk': ${pk}`];
    const pre: string[] = [];
    let cond = '#pk = :pk';
    const skName = `'#sk': ${q(keys.skAttribute)}`;
    switch (sk.op) {
      case 'none':
        break;
      case '=':
      case 'begins_with':
        names.push(skName);
        values.push(`':sk': ${render(valueTokens(sk.value))}`);
        cond += sk.op === 'begins_with' ? ' AND begins_with(#sk, :sk)' : ' AND #sk = :sk';
        break;
      case 'between': {
        names.push(skName);
        let low = render(valueTokens(sk.low));
        let high = render(valueTokens(sk.high));
        const pairOf = [...sk.low, ...sk.high].find((t) => t.kind === 'param' && t.end !== undefined);
        if (sk.empty && pairOf?.kind === 'param') {
          // A [low, high] parameter: DynamoDB refuses BETWEEN with low > high, so the runtime's range() makes it empty.
          needHelper('pair');
          needHelper('range');
          pre.push(`const [low, high] = pair(${param(pairOf.param)}, ${q(pairOf.param)});`);
          pre.push(`const bounds = range(${low}, ${high}, ${render(valueTokens(sk.empty))});`);
          low = 'bounds.low';
          high = 'bounds.high';
        }
        values.push(`':lo': ${low}`, `':hi': ${high}`);
        cond += ' AND #sk BETWEEN :lo AND :hi';
        break;
      }
      default: {
        const never: never = sk;
        throw new Error(`unknown condition ${JSON.stringify(never)}`);
      }
    }
    const filter = filterCode(step, names, values);
    return { pre, obj: queryObject(step, index.kind === 'gsi' ? index.name : undefined, cond, filter, names, values), usesParams: paramsRead };
  }

  /**
   * A Query on a native GSI, exactly as buildRequest builds it (nativeExpression): `#k0…` names, the
   * entity name as text and every parameter's own value, type-checked as the composite keys' encoders
   * check them (a number stays a number). A BETWEEN on a reversed pair sends nothing.
   */
  function nativeStep(step: PlanStep, indexName: string, condition: NativeKeyCondition): StepCode {
    const { expression, names: keyNames, values: keyValues } = nativeExpression(condition);
    const pre: string[] = [];
    const ends = new Map<NativeOperand, string>();
    let emptyWhen: string | undefined;
    const range = condition.range;
    if (range?.op === 'between') {
      const { low, high } = range;
      let lowCode: string;
      let highCode: string;
      if (low.kind === 'param' && high.kind === 'param' && low.end === 'low' && high.end === 'high' && low.param === high.param) {
        // The pair's ends, checked once, then compared: DynamoDB refuses a BETWEEN with low above high.
        needHelper('pair');
        pre.push(`const [low, high] = pair(${param(low.param)}, ${q(low.param)});`);
        lowCode = checked(low, 'low');
        highCode = checked(high, 'high');
      } else {
        lowCode = operandCode(low);
        highCode = operandCode(high);
      }
      pre.push(`const bounds = { low: ${lowCode}, high: ${highCode} };`);
      ends.set(low, 'bounds.low').set(high, 'bounds.high');
      // DynamoDB's order: numbers numerically, strings by their UTF-8 bytes (compareNative).
      if (isNumber(low) && isNumber(high)) emptyWhen = 'bounds.low > bounds.high';
      else {
        needHelper('compareUtf8');
        emptyWhen = isNumber(low) || isNumber(high) ? 'compareUtf8(String(bounds.low), String(bounds.high)) > 0' : 'compareUtf8(bounds.low, bounds.high) > 0';
      }
    }
    const names = keyNames.map(([placeholder, name]) => `${q(placeholder)}: ${q(name)}`);
    const values = keyValues.map(([placeholder, operand]) => `${q(placeholder)}: ${ends.get(operand) ?? operandCode(operand)}`);
    const filter = filterCode(step, names, values);
    return { pre, obj: queryObject(step, indexName, expression, filter, names, values), ...(emptyWhen ? { emptyWhen } : {}), usesParams: paramsRead };
  }

  /** A native operand as code: the text, or the parameter's own value, checked (`checkString(params.status, 'status')`). */
  function operandCode(operand: NativeOperand): string {
    if (operand.kind === 'text') return q(operand.text);
    if (operand.kind === 'shard') throw new Error('a native key has no shard component');
    // A fixed attribute's literal: the builder holds it (validateModel checked its type).
    if (operand.kind === 'fixed') return typeof operand.value === 'string' ? q(operand.value) : String(operand.value);
    if (operand.end) {
      needHelper('pair');
      return checked(operand, `pair(${param(operand.param)}, ${q(operand.param)})[${operand.end === 'low' ? 0 : 1}]`);
    }
    return checked(operand, param(operand.param));
  }

  /** A parameter's value checked for its key attribute's type: N takes a number (checkNumber), anything else a string. */
  function checked(operand: Extract<NativeOperand, { kind: 'param' }>, value: string): string {
    const helper = isNumber(operand) ? 'checkNumber' : 'checkString';
    needHelper(helper);
    return `${helper}(${value}, ${q(operand.param)})`;
  }

  /** The step's FilterExpression, its name and values added (the same as buildRequest's: a boolean range as equalities); '' without a filter. */
  function filterCode(step: PlanStep, names: string[], values: string[]): string {
    if (!step.filter) return '';
    const f = step.filter;
    const form = filterForm(f.op, f.type === 'boolean');
    names.push(`${q(FILTER_NAME)}: ${q(f.attribute)}`);
    for (const [placeholder, operand] of form.operands) {
      let v: string;
      if (operand.kind === 'constant') v = String(operand.value);
      else if (operand.kind === 'param') v = param(f.param);
      else {
        needHelper('pair');
        v = `pair(${param(f.param)}, ${q(f.param)})[${operand.kind === 'low' ? 0 : 1}]`;
      }
      values.push(`${q(placeholder)}: ${v}`);
    }
    return filterExpressionText(form);
  }

  function queryObject(
    step: PlanStep,
    indexName: string | undefined,
    cond: string,
    filter: string,
    names: readonly string[],
    values: readonly string[],
  ): string {
    const lines = [
      `TableName: TABLE_NAME,`,
      ...(indexName !== undefined ? [`IndexName: ${q(indexName)},`] : []),
      `KeyConditionExpression: ${q(cond)},`,
      ...(filter ? [`FilterExpression: ${q(filter)},`] : []),
      `ExpressionAttributeNames: { ${names.join(', ')} },`,
      `ExpressionAttributeValues: {`,
      ...values.map((v) => `  ${v},`),
      `},`,
      ...(step.direction ? [`ScanIndexForward: ${step.direction !== 'desc'},`] : []),
      // The pattern's limit: the first N items in key order are its first N records (never beside a filter).
      ...(step.limit !== undefined ? [`Limit: ${String(step.limit)},`] : []),
      // The pattern asks for a strongly consistent read (the table's; a GSI has none).
      ...(step.consistent ? [`ConsistentRead: true,`] : []),
    ];
    return `{\n${lines.map((l) => `  ${l}`).join('\n')}\n}`;
  }

  function encExpr(type: AttributeType, value: string, name: string): string {
    const helper = type === 'number' ? 'encNumber' : type === 'boolean' ? 'encBoolean' : 'encString';
    needHelper(helper);
    return `${helper}(${value}, ${q(name)})`;
  }

  /**
   * A key value's tokens as code: fixed text, encoded parameter values (a pair's ends are the locals `low` and
   * `high`); a fixed attribute's literal is encoded here, once, into the text (the builder fills it itself).
   */
  function valueTokens(value: KeyValue): Token[] {
    return value.map((t) => {
      if (t.kind === 'text') return { text: t.text };
      if (t.kind === 'fixed') return { text: encodeKeyValue(t.type, t.value, t.attribute) };
      // A sharded partition: the builder makes one input per shard, `shard` its number (shardedCode).
      if (t.kind === 'shard') return { expr: 'String(shard)' };
      return { expr: encExpr(t.type, t.end ?? param(t.param), t.param) };
    });
  }

  /** `'USER#' + encString(params.email, 'email')`: adjacent fixed text merged into one literal. */
  function render(tokens: readonly Token[]): string {
    const out: string[] = [];
    let text: string | null = null;
    for (const t of tokens) {
      if ('text' in t) text = (text ?? '') + t.text;
      else {
        if (text !== null && text !== '') out.push(q(text));
        text = null;
        out.push(t.expr);
      }
    }
    if (text !== null && (text !== '' || out.length === 0)) out.push(q(text));
    return out.join(' + ');
  }

  function recordExpr(segments: readonly Segment[], entity: Entity): string {
    const tokens: Token[] = [];
    segments.forEach((s, i) => {
      if (i > 0) tokens.push({ text: '#' });
      if (s.kind === 'literal') tokens.push({ text: s.text });
      else if (s.kind === 'shard') {
        // Write sharding: the runtime's shardOf over the record's key, encoded and #-joined as in a key (keys/shards.ts).
        const keyText = render(
          s.of.flatMap((name, k): Token[] => [
            ...(k > 0 ? [{ text: '#' }] : []),
            { expr: encExpr(entity.attributes.find((a) => a.name === name)?.type ?? 'string', `r${access(name)}`, name) },
          ]),
        );
        tokens.push({ expr: `String(shardOf(${keyText}, ${String(s.count)}))` });
      } else tokens.push({ expr: encExpr(entity.attributes.find((a) => a.name === s.name)?.type ?? 'string', `r${access(s.name)}`, s.name) });
    });
    return render(tokens);
  }

  /** A key value as one expression (`'USER#' + encString(params.email, 'email')`); a pair's ends are the locals `low` and `high`. */
  const keyValueExpr = (value: KeyValue): string => render(valueTokens(value));

  return { stepExpr, recordExpr, keyValueExpr, param };
}

/** Every parameter of a pattern checked for its attribute's type first (the runtime's checkParam): a value it cannot take throws, never a query that finds nothing. */
export function paramChecks(model: Design['model'], pattern: string, needHelper: (helper: RuntimeHelper) => void): string[] {
  return patternParameters(model, pattern).map((parameter) => {
    needHelper('checkParam');
    // An equality on a date or datetime is checked as text only: the shared conformance harness probes a miss
    // with "no-such-value" (harness.mjs paramSets) and expects an empty answer. Ranges, pairs and prefixes: fully.
    const type = parameter.op === '=' && (parameter.type === 'date' || parameter.type === 'datetime') ? 'string' : parameter.type;
    return `checkParam(params${access(parameter.name)}, ${q(parameter.name)}, ${q(type)}, ${q(parameter.shape)});`;
  });
}

/** A pattern's parameters interface, `export interface <name> { … }`: one member per parameter (patternParameters), typed as its attribute. */
export function paramsInterface(model: Design['model'], pattern: string, name: string): string[] {
  const p = patternNamed(model, pattern);
  const e = model.entities.find((x) => x.name === p?.entity);
  const lines = [`export interface ${name} {`];
  // One member per parameter (patternParameters): a range on an equality attribute is that attribute's one parameter.
  for (const param of patternParameters(model, pattern)) {
    const def = e?.attributes.find((x) => x.name === param.attribute);
    if (!def) continue;
    const t = tsType(def);
    switch (param.shape) {
      case 'pair':
        lines.push(`  ${prop(param.name)}: readonly [${t}, ${t}];`);
        break;
      case 'prefix':
        lines.push(`  ${prop(param.name)}: string; // prefix`);
        break;
      case 'value':
        lines.push(`  ${prop(param.name)}: ${t};`);
        break;
      default: {
        const never: never = param.shape;
        throw new Error(`unknown parameter shape ${String(never)}`);
      }
    }
  }
  lines.push('}');
  return lines;
}

/** Whether a native operand is a number (an N key attribute's value); a prefix is always text. */
function isNumber(operand: NativeOperand): boolean {
  if (operand.kind === 'fixed') return typeof operand.value === 'number';
  return operand.kind === 'param' && operand.type === 'number' && !operand.prefix;
}

/** An attribute's TypeScript type: its enumeration's literals, else number, boolean or string. */
export function tsType(a: Attribute): string {
  if (a.values && a.values.length) return a.values.map((v) => JSON.stringify(v)).join(' | ');
  switch (a.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}
