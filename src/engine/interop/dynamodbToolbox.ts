// The design as a DynamoDB-Toolbox v2 table and entities (https://www.dynamodbtoolbox.com), for teams
// that use DynamoDB-Toolbox: the same table, the same key attributes and values as the design's toItem,
// so the Toolbox reads and writes the very items Tablewright's generated module does, and one query
// function per access pattern that returns the same records. Text only, from the public design (its
// indexes, the entities' key templates and the patterns' plans): dynamodb-toolbox is never imported
// here. Every name reaches the source through printTs.
// - Keys: Tablewright's key values are encoded (strings escaped, numbers as sortable text). Each
//   composite key attribute (PK, SK, GSI1PK, ...) is a hidden schema attribute whose `link` computes it
//   with the module's own encoders: the table's from the attributes of the entity's table key (tagged
//   `key()`, so a GetItem takes them), a GSI's from the whole record on a put, and only when the record
//   has every attribute it is made of (sparse, as toItem).
// - Items: the table's entity attribute is saved as the design's entity attribute and timestamps are
//   off, so an item holds exactly what toItem makes.
// - Reads: a key lookup is the entity's GetItemCommand; a Query on a composite index is the table's
//   QueryCommand with the entity (every entity of an include pattern), the key values, the range
//   (beginsWith, between, eq), a filter, reverse, limit and consistency. A native multi-attribute GSI
//   key is the index's partitionKeys/sortKeys, queried with the attributes' own values. A pattern the
//   Toolbox cannot run as one query (two steps, shards) says so in a comment and is not exported: the
//   generated module's executeAll answers it.
import type { Attribute } from '../model/types.ts';
import type { Design, PatternPlan, PlanStep } from '../design/types.ts';
import type { NativeOperand } from '../queries/keyCondition.ts';
import { compositeIndex } from '../design/indexKeys.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import { templateAttributes } from '../writes/writePlan.ts';
import { emitters } from '../codegen/generateModule.ts';
import { RUNTIME_HELPERS, type RuntimeHelper } from '../codegen/runtimeSource.ts';
import { Identifiers, access, comment, prop, q } from '../codegen/printTs.ts';
import { entitiesObject, fileConstants, fileRuntime, filterCode, patternHead, sortKeyCode, unsupportedPlan } from './libraryCode.ts';

/** The file's name. */
export const TOOLBOX_FILE = 'dynamodbToolbox.ts';

const TOOLBOX_IMPORTS = ['Entity', 'GetItemCommand', 'PutItemCommand', 'QueryCommand', 'Table', 'boolean', 'item', 'number', 'string'];

/** Names the file declares or imports at its top level: no parameters type or local may take them. */
const TAKEN = [
  ...RUNTIME_HELPERS,
  ...TOOLBOX_IMPORTS,
  ...['PutItemInput', 'TABLE_NAME', 'ENTITY_ATTRIBUTE', 'DynamoDBDocumentClient', 'createToolbox', 'Toolbox', 'has', 'shardOf', 'byEntity'],
  ...['Record', 'Promise', 'Array', 'Object', 'String', 'Number', 'Boolean', 'Error', 'TypeError', 'RangeError', 'Math', 'JSON', 'Infinity'],
];

/** Why the Toolbox cannot run a pattern's plan as one of its queries; undefined when it can. */
export function toolboxUnsupported(design: Design, plan: PatternPlan): string | undefined {
  return unsupportedPlan(design, plan, { name: 'DynamoDB-Toolbox', native: true });
}

/** The DynamoDB-Toolbox file: the table, its entities, `put` and `patterns`, one query per access pattern. */
export function dynamodbToolboxEntities(design: Design): string {
  const model = design.model;
  const tableIndex = design.indexes[0];
  if (!tableIndex) throw new Error('design has no table');
  const tableKeys = compositeIndex(tableIndex);
  const helpers = new Set<RuntimeHelper>();
  const needHelper = (h: RuntimeHelper) => helpers.add(h);
  const { recordExpr, keyValueExpr } = emitters(design, needHelper);
  const ids = new Identifiers(TAKEN);
  const paramsName = new Map(model.patterns.map((p) => [p.name, ids.allocate(`${p.name[0]?.toUpperCase() ?? ''}${p.name.slice(1)}Params`, '_')]));
  const composites = design.indexes.filter((i) => i.keys !== 'native');
  const locals = new Identifiers([...TAKEN, ...paramsName.values(), 'documentClient', 'name', 'table', 'entities', 'put', 'patterns', 'params', 'prev', 'r', 'record', 'low', 'high', 'bounds', 'Item', 'Items']);
  const entityVar = new Map(model.entities.map((e) => [e.name, locals.allocate(e.name, 'Entity')]));
  // The name of the (hidden) entity attribute in records: one no entity has an attribute of (showEntityAttr tells an include's records apart by it).
  const attributeNames = new Set(model.entities.flatMap((e) => e.attributes.map((a) => a.name)));
  let entityName = 'entity';
  while (attributeNames.has(entityName)) entityName = `_${entityName}`;
  let sharded = false;
  let usesHas = false;
  let usesByEntity = false;
  // The Toolbox's names the file uses (noUnusedLocals): decided while emitting.
  const used = new Set(['Entity', 'PutItemCommand', 'Table', 'item', 'string']);

  const out: string[] = [];
  const w = (s = '') => out.push(s);
  w('/**');
  w(` * ${comment(model.name)}: the single-table design as a DynamoDB-Toolbox v2 table, entities and one query per access`);
  w(' * pattern (exported by Tablewright). Needs dynamodb-toolbox 2 and @aws-sdk/lib-dynamodb. Regenerate rather than edit.');
  w(' *');
  w(' * The items are exactly those of the generated module (accessPatterns.ts): the same key attributes and values');
  w(" * (hidden attributes linked to the record with the module's key encoding), the entity name in the design's entity");
  w(' * attribute and no timestamps. Write a record with put.E(record); an update that changes an attribute of a key is not');
  w(" * covered (use the module's update), nor are the identity and unique guard items the module's create writes.");
  w(' *');
  w(' *   const { table, entities, put, patterns } = createToolbox(DynamoDBDocumentClient.from(new DynamoDBClient({})));');
  w(' */');
  const toolboxImport = out.length;
  w('');
  w("import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';");
  w();
  out.push(...fileConstants(design, 'the Toolbox table saves its entity attribute as it'));

  const body: string[] = [];
  const b = (s = '') => body.push(s);
  b('/** The table, its entities, their puts and the access patterns, on a DynamoDB document client. */');
  b('export function createToolbox(documentClient: DynamoDBDocumentClient, name: string = TABLE_NAME) {');
  b('  const table = new Table({');
  b('    name,');
  b('    documentClient,');
  b(`    partitionKey: { name: ${q(tableKeys.pkAttribute)}, type: 'string' },`);
  b(`    sortKey: { name: ${q(tableKeys.skAttribute)}, type: 'string' },`);
  const gsis = design.indexes.filter((i) => i.kind === 'gsi');
  if (gsis.length) {
    b('    indexes: {');
    for (const index of gsis) {
      if (index.keys === 'native') {
        // A native (multi-attribute) key: the items' own attributes, with their types (partitionKeys/sortKeys).
        const keyList = (attributes: readonly { name: string; type: 'S' | 'N' }[]) => `[${attributes.map((a) => `{ name: ${q(a.name)}, type: '${a.type === 'N' ? 'number' : 'string'}' }`).join(', ')}]`;
        b(`      ${prop(index.name)}: { type: 'global', partitionKeys: ${keyList(index.pk)}${index.sk.length ? `, sortKeys: ${keyList(index.sk)}` : ''} },`);
        continue;
      }
      const k = compositeIndex(index);
      b(`      ${prop(index.name)}: { type: 'global', partitionKey: { name: ${q(k.pkAttribute)}, type: 'string' }, sortKey: { name: ${q(k.skAttribute)}, type: 'string' } },`);
    }
    b('    },');
  }
  b('    entityAttributeSavedAs: ENTITY_ATTRIBUTE,');
  b('  });');
  for (const e of model.entities) {
    const layout = design.entities.find((x) => x.entity === e.name);
    const tableTemplate = layout?.keys[tableIndex.name];
    if (!layout || !tableTemplate) continue;
    const keyAttributes = new Set(templateAttributes(tableTemplate));
    b();
    b(`  // ${comment(e.name)}`);
    for (const index of design.indexes) {
      const t = layout.keys[index.name];
      if (t) b(`  //   ${comment(`${index.name}: ${keyTemplateLine(index, t)}`)}`);
    }
    b(`  const ${entityVar.get(e.name) ?? ''} = new Entity({`);
    b(`    name: ${q(e.name)},`);
    b('    table,');
    b(`    entityAttribute: { name: ${q(entityName)}, hidden: true },`);
    b('    timestamps: false,');
    b('    schema: item({');
    for (const a of e.attributes) b(`      ${prop(a.name)}: ${attributeCode(a, keyAttributes.has(a.name), used)},`);
    b('    }).and((prev) => ({');
    for (const index of composites) {
      const t = layout.keys[index.name];
      if (!t) continue;
      const k = compositeIndex(index);
      if ([...t.pk, ...t.sk].some((x) => x.kind === 'shard')) sharded = true;
      const optional = index.kind === 'table' ? [] : templateAttributes(t).filter((n) => e.attributes.find((a) => a.name === n)?.optional);
      if (optional.length) usesHas = true;
      for (const [field, segments] of [[k.pkAttribute, t.pk], [k.skAttribute, t.sk]] as const) {
        const value = recordExpr(segments, e);
        const reads = optional.length > 0 || segments.some((x) => x.kind !== 'literal');
        const arg = reads ? 'r' : '_r';
        const guarded = optional.length ? `has(r, [${optional.map(q).join(', ')}]) ? ${value} : undefined` : value;
        // The table's key from the key attributes (a GetItem's key too); a GSI's from the whole record on a put.
        const schema = index.kind === 'table' ? 'string().key().hidden()' : 'string().optional().hidden()';
        b(`      ${prop(field)}: ${schema}.link<typeof prev>((${arg}) => ${guarded}),`);
      }
    }
    b('    })),');
    b('  });');
  }
  b();
  b(entitiesObject(design, entityVar));
  b('  /** A record\'s put: put.E(record) stores the item toItem makes. */');
  b('  const put = {');
  for (const e of model.entities) b(`    ${prop(e.name)}: (record: PutItemInput<typeof ${entityVar.get(e.name) ?? ''}>) => ${entityVar.get(e.name) ?? ''}.build(PutItemCommand).item(record).send(),`);
  b('  };');
  b();
  b('  const patterns = {');
  for (const p of model.patterns) {
    const plan = design.patterns.find((x) => x.pattern === p.name);
    const head = patternHead(design, p, { b, paramsType: paramsName.get(p.name) ?? '', unsupported: plan && toolboxUnsupported(design, plan), needHelper });
    if (!head) continue;
    const { step, index, condition, included, isInclude } = head;
    const target = entityVar.get(p.entity) ?? '';
    if (condition.native) {
      // A native GSI: the partition key's attribute values and the sort key's, as they are (unencoded), the last one a range.
      used.add('QueryCommand');
      const operand = (o: NativeOperand): string => {
        if (o.kind === 'text') return q(o.text);
        if (o.kind === 'fixed') return typeof o.value === 'string' ? q(o.value) : String(o.value);
        if (o.kind === 'shard') throw new Error('a native key has no shard component');
        return `params${access(o.param)}${o.end === undefined ? '' : o.end === 'low' ? '[0]' : '[1]'}`;
      };
      const pkCount = index.keys === 'native' ? index.pk.length : 1;
      const partition = condition.equals.slice(0, pkCount).map((x) => operand(x.value));
      const sortValues = condition.equals.slice(pkCount).map((x) => operand(x.value));
      const r = condition.range;
      if (r?.op === 'between') {
        // DynamoDB refuses a BETWEEN whose low is above its high, where the answer is empty: nothing is sent.
        const [low, high] = [operand(r.low), operand(r.high)];
        const numbers = [r.low, r.high].every((o) => (o.kind === 'fixed' ? typeof o.value === 'number' : o.kind === 'param' && o.type === 'number' && !o.prefix));
        if (!numbers) needHelper('compareUtf8');
        b(`      if (${numbers ? `${low} > ${high}` : `compareUtf8(String(${low}), String(${high})) > 0`}) return ${isInclude ? `{ ${included.map((x) => `${prop(x)}: []`).join(', ')} }` : p.returns === 'one' ? 'undefined' : '[]'};`);
        sortValues.push(`{ between: [${low}, ${high}] }`);
      } else if (r) {
        const ops: Record<string, string> = { '=': 'eq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', begins_with: 'beginsWith' };
        sortValues.push(`{ ${ops[r.op] ?? 'eq'}: ${operand(r.value)} }`);
      }
      // The entity attribute leads the partition key, so the key already keeps other entities out; DynamoDB
      // refuses a filter on a key attribute, so the Toolbox's entity filter is off.
      const options = ['entityAttrFilter: false', ...(step.direction === 'desc' ? ['reverse: true'] : []), ...(step.limit !== undefined ? [`limit: ${String(step.limit)}`] : ['maxPages: Infinity']), ...(step.filter ? [`filters: { ${prop(p.entity)}: ${conditionCode(step.filter)} }`] : [])];
      const query = `{ index: ${q(index.name)}, partition: [${partition.join(', ')}]${sortValues.length ? `, range: [${sortValues.join(', ')}]` : ''} }`;
      b(`      const { Items = [] } = await table.build(QueryCommand).entities(${target}).query(${query}).options({ ${options.join(', ')} }).send();`);
      b(`      return ${p.returns === 'one' ? 'Items[0]' : 'Items'};`);
      b('    },');
      continue;
    }
    if (step.operation === 'GetItem') {
      used.add('GetItemCommand');
      // The entity's key attributes, from the parameters and the pattern's fixed values: the Toolbox links the table key from them.
      const parts = [...condition.pk, ...(condition.sk.op === '=' ? condition.sk.value : [])].flatMap((t) => (t.kind === 'param' ? [`${prop(t.attribute)}: params${access(t.param)}`] : t.kind === 'fixed' ? [`${prop(t.attribute)}: ${typeof t.value === 'string' ? q(t.value) : String(t.value)}`] : []));
      b(`      const { Item } = await ${target}.build(GetItemCommand).key({ ${[...new Set(parts)].join(', ')} })${step.consistent ? '.options({ consistent: true })' : ''}.send();`);
      b(`      return ${p.returns === 'one' ? 'Item' : 'Item ? [Item] : []'};`);
      b('    },');
      continue;
    }
    used.add('QueryCommand');
    const skCode = sortKeyCode(condition.sk, keyValueExpr, needHelper);
    for (const line of skCode.pre) b(`      ${line}`);
    const [v0 = '', v1 = ''] = skCode.values;
    const range = skCode.op === 'none' ? '' : skCode.op === 'between' ? `, range: { between: [${v0}, ${v1}] }` : `, range: { ${skCode.op}: ${v0} }`;
    const query = `{ ${index.kind === 'gsi' ? `index: ${q(index.name)}, ` : ''}partition: ${keyValueExpr(condition.pk)}${range} }`;
    const options = [
      ...(step.direction === 'desc' ? ['reverse: true'] : []),
      // The pattern's limit: its first N records in key order are one page of N items; otherwise every page.
      ...(step.limit !== undefined ? [`limit: ${String(step.limit)}`] : ['maxPages: Infinity']),
      ...(step.consistent ? ['consistent: true'] : []),
      ...(step.filter ? [`filters: { ${prop(p.entity)}: ${conditionCode(step.filter)} }`] : []),
      ...(isInclude ? ['showEntityAttr: true'] : []),
    ];
    const entityList = (isInclude ? included : [p.entity]).map((x) => entityVar.get(x) ?? '').join(', ');
    b(`      const { Items = [] } = await table.build(QueryCommand).entities(${entityList}).query(${query}).options({ ${options.join(', ')} }).send();`);
    if (isInclude) {
      usesByEntity = true;
      b(`      return { ${included.map((x) => `${prop(x)}: byEntity(Items, ${q(entityName)}, ${q(x)})`).join(', ')} };`);
    } else b(`      return ${p.returns === 'one' ? 'Items[0]' : 'Items'};`);
    b('    },');
  }
  b('  };');
  b();
  b('  return { table, entities, put, patterns };');
  b('}');
  b();
  b('export type Toolbox = ReturnType<typeof createToolbox>;');

  out[toolboxImport] = `import { ${TOOLBOX_IMPORTS.filter((n) => used.has(n)).join(', ')}, type PutItemInput } from 'dynamodb-toolbox';`;
  out.push(...fileRuntime(design, { exported: (plan) => toolboxUnsupported(design, plan) === undefined, paramsName, helpers, sharded, usesHas }));
  if (usesByEntity) {
    out.push(
      "/** An include pattern's records of one entity: the items the Toolbox formatted as it (showEntityAttr names it), without that name. */",
      'function byEntity<T extends object>(items: readonly T[], attribute: string, entity: string): Record<string, unknown>[] {',
      '  return items.flatMap((x) => {',
      '    const { [attribute]: name, ...record } = x as Record<string, unknown>;',
      '    return name === entity ? [record] : [];',
      '  });',
      '}',
      '',
    );
  }
  return `${[...out, ...body].join('\n')}\n`;
}

/** A step's filter as a Toolbox condition on the attribute: its clauses, AND-ed. */
function conditionCode(filter: NonNullable<PlanStep['filter']>): string {
  const ops: Record<string, string> = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', begins_with: 'beginsWith' };
  const attr = `attr: ${q(filter.attribute)}`;
  const clauses = filterCode(filter).map((c) => (c.op === 'in' ? `{ ${attr}, in: [${c.values.join(', ')}] }` : `{ ${attr}, ${ops[c.op] ?? 'eq'}: ${c.values[0] ?? ''} }`));
  return clauses.length === 1 ? (clauses[0] ?? '') : `{ and: [${clauses.join(', ')}] }`;
}

/** A schema attribute for a model attribute: its type (an enumeration as the Toolbox's enum), optional where the model says so, a key attribute where the table key is made of it. */
function attributeCode(a: Attribute, isKey: boolean, used: Set<string>): string {
  const kind = a.type === 'number' ? 'number' : a.type === 'boolean' ? 'boolean' : 'string';
  used.add(kind);
  const base = `${kind}()`;
  const values = a.values?.length && a.type !== 'boolean' ? `.enum(${a.values.map((v) => (typeof v === 'string' ? q(v) : String(v))).join(', ')})` : '';
  return `${base}${values}${isKey ? '.key()' : ''}${a.optional ? '.optional()' : ''}`;
}
