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
//   key is the index's partitionKeys/sortKeys, queried with the attributes' own values.
// - Around the Toolbox, in plain code (patternBody in libraryCode.ts), what it has no command for: a
//   write-sharded pattern is one QueryCommand per shard, run together and merged by the index's sort
//   key in the pattern's order (mergeShards), cut to its limit; a pattern of two requests (a
//   self-include) is its two commands run in turn, their records concatenated per entity. Every
//   pattern the design serves is a function of `patterns`, answering what executeAll does.
import type { Attribute } from '../model/types.ts';
import type { Design, PlanStep } from '../design/types.ts';
import { compositeIndex } from '../design/indexKeys.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import { templateAttributes } from '../writes/writePlan.ts';
import { emitters } from '../codegen/generateModule.ts';
import { RUNTIME_HELPERS, type RuntimeHelper } from '../codegen/runtimeSource.ts';
import { Identifiers, access, comment, prop, q } from '../codegen/printTs.ts';
import {
  MERGE_SHARDS,
  entitiesObject,
  fileConstants,
  fileRuntime,
  filterCode,
  nativeBetweenEmpty,
  nativeOperandCode,
  patternBody,
  patternHead,
  sortKeyCode,
  type StepCode,
  type StepQuery,
} from './libraryCode.ts';

/** The file's name. */
export const TOOLBOX_FILE = 'dynamodbToolbox.ts';

const TOOLBOX_IMPORTS = ['Entity', 'GetItemCommand', 'PutItemCommand', 'QueryCommand', 'Table', 'boolean', 'item', 'number', 'string'];

/** Names the file declares or imports at its top level: no parameters type or local may take them. */
const TAKEN = [
  ...RUNTIME_HELPERS,
  ...TOOLBOX_IMPORTS,
  ...['PutItemInput', 'TABLE_NAME', 'ENTITY_ATTRIBUTE', 'DynamoDBDocumentClient', 'createToolbox', 'Toolbox', 'has', 'shardOf', 'byEntity', 'mergeShards'],
  ...['Record', 'Promise', 'Array', 'Object', 'String', 'Number', 'Boolean', 'Error', 'TypeError', 'RangeError', 'Math', 'JSON', 'Infinity'],
];

/** The DynamoDB-Toolbox file: the table, its entities, `put` and `patterns`, every access pattern the design serves. */
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
  const locals = new Identifiers([
    ...TAKEN,
    ...paramsName.values(),
    'documentClient',
    'name',
    'table',
    'entities',
    'put',
    'patterns',
    'params',
    'prev',
    'r',
    'record',
    'low',
    'high',
    'bounds',
    'Item',
    'Items',
    'shard',
    'shards',
    'step0',
    'step1',
    'step2',
    'x',
  ]);
  const entityVar = new Map(model.entities.map((e) => [e.name, locals.allocate(e.name, 'Entity')]));
  // The name of the (hidden) entity attribute in records: one no entity has an attribute of (showEntityAttr tells an include's records apart by it).
  const attributeNames = new Set(model.entities.flatMap((e) => e.attributes.map((a) => a.name)));
  let entityName = 'entity';
  while (attributeNames.has(entityName)) entityName = `_${entityName}`;
  let sharded = false;
  let usesHas = false;
  let usesByEntity = false;
  let usesMerge = false;
  // The Toolbox's names the file uses (noUnusedLocals): decided while emitting.
  const used = new Set(['Entity', 'PutItemCommand', 'Table', 'item', 'string']);

  const out: string[] = [];
  const w = (s = '') => out.push(s);
  w('/**');
  w(` * ${comment(model.name)}: the single-table design as a DynamoDB-Toolbox v2 table, entities and a function per access`);
  w(' * pattern (exported by Tablewright). Needs dynamodb-toolbox 2 and @aws-sdk/lib-dynamodb. Regenerate rather than edit.');
  w(' *');
  w(' * The items are exactly those of the generated module (accessPatterns.ts): the same key attributes and values');
  w(" * (hidden attributes linked to the record with the module's key encoding), the entity name in the design's entity");
  w(' * attribute and no timestamps. Write a record with put.E(record); an update that changes an attribute of a key is not');
  w(" * covered (use the module's update), nor are the identity and unique guard items the module's create writes.");
  w(' *');
  w(' * Every access pattern is a function of patterns. The Toolbox has no command for two of them, so plain code around');
  w(' * its commands serves them: a write-sharded pattern is one QueryCommand per shard, run together, merged by the');
  w(" * index's sort key in the pattern's order and cut to its limit (mergeShards), as one unsharded partition would answer;");
  w(' * a pattern of two requests (a record with the records that belong to it) sends its two commands in turn and');
  w(' * concatenates their records.');
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
        const keyList = (attributes: readonly { name: string; type: 'S' | 'N' }[]) =>
          `[${attributes.map((a) => `{ name: ${q(a.name)}, type: '${a.type === 'N' ? 'number' : 'string'}' }`).join(', ')}]`;
        b(`      ${prop(index.name)}: { type: 'global', partitionKeys: ${keyList(index.pk)}${index.sk.length ? `, sortKeys: ${keyList(index.sk)}` : ''} },`);
        continue;
      }
      const k = compositeIndex(index);
      b(
        `      ${prop(index.name)}: { type: 'global', partitionKey: { name: ${q(k.pkAttribute)}, type: 'string' }, sortKey: { name: ${q(k.skAttribute)}, type: 'string' } },`,
      );
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
      for (const [field, segments] of [
        [k.pkAttribute, t.pk],
        [k.skAttribute, t.sk],
      ] as const) {
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
  b("  /** A record's put: put.E(record) stores the item toItem makes. */");
  b('  const put = {');
  for (const e of model.entities)
    b(
      `    ${prop(e.name)}: (record: PutItemInput<typeof ${entityVar.get(e.name) ?? ''}>) => ${entityVar.get(e.name) ?? ''}.build(PutItemCommand).item(record).send(),`,
    );
  b('  };');
  b();
  b('  const patterns = {');
  for (const p of model.patterns) {
    const head = patternHead(design, p, { b, paramsType: paramsName.get(p.name) ?? '', needHelper });
    if (!head) continue;
    const { mergesShards } = patternBody(design, p, head, { b, stepCode, recordExpr, needHelper });
    if (mergesShards) usesMerge = true;
    b('    },');
  }
  b('  };');
  b();
  b('  return { table, entities, put, patterns };');
  b('}');
  b();
  b('export type Toolbox = ReturnType<typeof createToolbox>;');

  out[toolboxImport] = `import { ${TOOLBOX_IMPORTS.filter((n) => used.has(n)).join(', ')}, type PutItemInput } from 'dynamodb-toolbox';`;
  out.push(...fileRuntime(design, { paramsName, helpers, sharded, usesHas }), ...(usesMerge ? MERGE_SHARDS : []));
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

  /**
   * One step as Toolbox code: a key lookup is the entity's GetItemCommand; a query the table's QueryCommand with the
   * step's entities, the key values and range, filters, reverse, limit (one page of N) or every page, consistency;
   * an item collection's records sorted by entity (showEntityAttr); a native GSI's key the attributes' own values.
   */
  function stepCode(query: StepQuery): StepCode {
    const { step, index, condition } = query;
    const target = entityVar.get(query.entity) ?? '';
    used.add(step.operation === 'GetItem' ? 'GetItemCommand' : 'QueryCommand');
    const limitOrAll = step.limit !== undefined ? [`limit: ${String(step.limit)}`] : ['maxPages: Infinity'];
    const filters = step.filter ? [`filters: { ${prop(query.entity)}: ${conditionCode(step.filter)} }`] : [];
    if (condition.native) {
      // A native GSI: the partition key's attribute values and the sort key's, as they are (unencoded), the last one a range.
      const pkCount = index.keys === 'native' ? index.pk.length : 1;
      const partition = condition.equals.slice(0, pkCount).map((x) => nativeOperandCode(x.value));
      const sortValues = condition.equals.slice(pkCount).map((x) => nativeOperandCode(x.value));
      const r = condition.range;
      let emptyWhen: string | undefined;
      if (r?.op === 'between') {
        emptyWhen = nativeBetweenEmpty(r, needHelper);
        sortValues.push(`{ between: [${nativeOperandCode(r.low)}, ${nativeOperandCode(r.high)}] }`);
      } else if (r) {
        const ops: Record<string, string> = { '=': 'eq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', begins_with: 'beginsWith' };
        sortValues.push(`{ ${ops[r.op] ?? 'eq'}: ${nativeOperandCode(r.value)} }`);
      }
      // The entity attribute leads the partition key, so the key already keeps other entities out; DynamoDB
      // refuses a filter on a key attribute, so the Toolbox's entity filter is off.
      const options = ['entityAttrFilter: false', ...(step.direction === 'desc' ? ['reverse: true'] : []), ...limitOrAll, ...filters];
      const keyQuery = `{ index: ${q(index.name)}, partition: [${partition.join(', ')}]${sortValues.length ? `, range: [${sortValues.join(', ')}]` : ''} }`;
      return {
        lines: [`const { Items = [] } = await table.build(QueryCommand).entities(${target}).query(${keyQuery}).options({ ${options.join(', ')} }).send();`],
        ...(emptyWhen !== undefined ? { emptyWhen } : {}),
        records: new Map([[query.entity, 'Items']]),
      };
    }
    if (step.operation === 'GetItem') {
      // The entity's key attributes, from the parameters and the pattern's fixed values: the Toolbox links the table key from them.
      const parts = [...condition.pk, ...(condition.sk.op === '=' ? condition.sk.value : [])].flatMap((t) =>
        t.kind === 'param'
          ? [`${prop(t.attribute)}: params${access(t.param)}`]
          : t.kind === 'fixed'
            ? [`${prop(t.attribute)}: ${typeof t.value === 'string' ? q(t.value) : String(t.value)}`]
            : [],
      );
      return {
        lines: [
          `const { Item } = await ${target}.build(GetItemCommand).key({ ${[...new Set(parts)].join(', ')} })${step.consistent ? '.options({ consistent: true })' : ''}.send();`,
        ],
        records: new Map([[query.entity, 'Item ? [Item] : []']]),
      };
    }
    const skCode = sortKeyCode(condition.sk, keyValueExpr, needHelper);
    const [v0 = '', v1 = ''] = skCode.values;
    const range = skCode.op === 'none' ? '' : skCode.op === 'between' ? `, range: { between: [${v0}, ${v1}] }` : `, range: { ${skCode.op}: ${v0} }`;
    const keyQuery = `{ ${index.kind === 'gsi' ? `index: ${q(index.name)}, ` : ''}partition: ${keyValueExpr(condition.pk)}${range} }`;
    const options = [
      ...(step.direction === 'desc' ? ['reverse: true'] : []),
      // The pattern's limit: its first N records in key order are one page of N items; otherwise every page.
      ...limitOrAll,
      ...(step.consistent ? ['consistent: true'] : []),
      ...filters,
      ...(query.collection ? ['showEntityAttr: true'] : []),
    ];
    const entities = query.collection ? step.entities : [query.entity];
    const lines = [
      ...skCode.pre,
      `const { Items = [] } = await table.build(QueryCommand).entities(${entities.map((x) => entityVar.get(x) ?? '').join(', ')}).query(${keyQuery}).options({ ${options.join(', ')} }).send();`,
    ];
    if (!query.collection) return { lines, records: new Map([[query.entity, 'Items']]) };
    usesByEntity = true;
    return { lines, records: new Map(entities.map((x) => [x, `byEntity(Items, ${q(entityName)}, ${q(x)})`])) };
  }
}

/** A step's filter as a Toolbox condition on the attribute: its clauses, AND-ed. */
function conditionCode(filter: NonNullable<PlanStep['filter']>): string {
  const ops: Record<string, string> = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', begins_with: 'beginsWith' };
  const attr = `attr: ${q(filter.attribute)}`;
  const clauses = filterCode(filter).map((c) =>
    c.op === 'in' ? `{ ${attr}, in: [${c.values.join(', ')}] }` : `{ ${attr}, ${ops[c.op] ?? 'eq'}: ${c.values[0] ?? ''} }`,
  );
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
