// The design as ElectroDB 3 entities and a service (https://electrodb.dev), for teams that use
// ElectroDB: the same table, the same key attributes and values as the design's toItem, so ElectroDB
// reads and writes the very items Tablewright's generated module does, and one query function per
// access pattern that returns the same records. Text only, from the public design (its indexes, the
// entities' key templates and the patterns' plans): ElectroDB is never imported here. Every name
// reaches the source through printTs.
// - Keys: Tablewright's key values are encoded (strings escaped, numbers as sortable text), which no
//   ElectroDB template can produce from the raw attributes. So each composite key attribute (PK, SK,
//   GSI1PK, ...) is an ElectroDB attribute of the same field name, hidden, that `watch: '*'` computes
//   from the record with the module's own encoders; an index whose key field is such an attribute
//   (`composite: ['PK'], template: '${PK}', casing: 'none'`) stores it as it is
//   (https://electrodb.dev/en/modeling/indexes/#attributes-as-indexes). A GSI key is written only when
//   the record has every attribute it is made of (sparse, as toItem).
// - Items: ElectroDB writes its entity and version identifiers on every item; both are the design's
//   entity attribute, with the entity's name as name and as version, so an item holds exactly what
//   toItem makes (and ElectroDB still recognises its own items).
// - Reads: a pattern answered by one GetItem or one Query on a composite index is the entity's
//   `get`/`query` with the key condition (begins, between; an equality as between(v, v)), its filter
//   as `where`, its order, limit (`count`) and consistency; an item collection is one Query built by
//   ElectroDB whose items each entity parses. A native multi-attribute GSI key (`--keys native`) is
//   an index of ElectroDB 3.9's `type: 'composite'` on the items' own attributes, the entity attribute
//   first (an attribute of that field, always the entity's name).
// - Around ElectroDB, in plain code (patternBody in libraryCode.ts), what it has no query for: a
//   write-sharded pattern is one ElectroDB query per shard, run together and merged by the index's
//   sort key in the pattern's order (mergeShards), cut to its limit; a pattern of two requests (a
//   self-include) is its two ElectroDB queries run in turn, their records concatenated per entity.
//   Every pattern the design serves is a function of `patterns`, answering what executeAll does.
import type { Entity as ModelEntity } from '../model/types.ts';
import type { Design, PlanStep } from '../design/types.ts';
import { compositeIndex } from '../design/indexKeys.ts';
import { keyTemplateLine } from '../design/templateText.ts';
import { templateAttributes } from '../writes/writePlan.ts';
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
import { emitters } from '../codegen/generateModule.ts';
import { RUNTIME_HELPERS, type RuntimeHelper } from '../codegen/runtimeSource.ts';
import { Identifiers, access, comment, prop, q } from '../codegen/printTs.ts';

/** The file's name. */
export const ELECTRODB_FILE = 'electrodbEntities.ts';

/** Names the file declares or imports at its top level: no parameters type or local may take them. */
const TAKEN = [
  ...RUNTIME_HELPERS,
  ...[
    'TABLE_NAME',
    'ENTITY_ATTRIBUTE',
    'Entity',
    'Service',
    'CreateEntityItem',
    'DynamoDBDocumentClient',
    'createElectroDb',
    'ElectroDb',
    'has',
    'shardOf',
    'readAll',
    'mergeShards',
    'QueryCommand',
    'QueryCommandInput',
  ],
  ...['Record', 'Promise', 'Array', 'Object', 'String', 'Number', 'Boolean', 'Error', 'TypeError', 'RangeError', 'Math', 'JSON'],
];

/** The ElectroDB file: entities, a service, and `patterns`, every access pattern the design serves. */
export function electrodbEntities(design: Design): string {
  const model = design.model;
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const helpers = new Set<RuntimeHelper>();
  const needHelper = (h: RuntimeHelper) => helpers.add(h);
  const { recordExpr, keyValueExpr } = emitters(design, needHelper);
  const ids = new Identifiers(TAKEN);
  const paramsName = new Map(model.patterns.map((p) => [p.name, ids.allocate(`${p.name[0]?.toUpperCase() ?? ''}${p.name.slice(1)}Params`, '_')]));
  const composites = design.indexes.filter((i) => i.keys !== 'native');
  let sharded = false;
  let usesHas = false;
  let rawQuery = false;
  let usesMerge = false;

  const out: string[] = [];
  const w = (s = '') => out.push(s);
  w('/**');
  w(` * ${comment(model.name)}: the single-table design as ElectroDB 3 entities, a service and a function per access`);
  w(' * pattern (exported by Tablewright). Needs electrodb 3 and @aws-sdk/lib-dynamodb. Regenerate rather than edit.');
  w(' *');
  w(' * The items are exactly those of the generated module (accessPatterns.ts): the same key attributes and values');
  w(" * (computed by hidden attributes with the module's key encoding) and the entity name in the design's entity");
  w(" * attribute, which is both of ElectroDB's identifiers. Write a record with put.E(record).go(): a key attribute is");
  w(' * computed from the whole record, so an update or patch that lacks an attribute of a key throws; the identity and unique guard');
  w(" * items the module's create writes are not written here (use the module's create where the design has them).");
  w(' *');
  w(' * Every access pattern is a function of patterns. ElectroDB has no query for two of them, so plain code around');
  w(' * its queries serves them: a write-sharded pattern is one ElectroDB query per shard, run together, merged by the');
  w(" * index's sort key in the pattern's order and cut to its limit (mergeShards), as one unsharded partition would answer;");
  w(' * a pattern of two requests (a record with the records that belong to it) runs its two ElectroDB queries in turn');
  w(' * and concatenates their records. A native multi-attribute GSI key is an index of type composite (ElectroDB 3.9).');
  w(' *');
  w(' *   const { entities, service, put, patterns } = createElectroDb(DynamoDBDocumentClient.from(new DynamoDBClient({})));');
  w(' */');
  w("import { Entity, Service, type CreateEntityItem } from 'electrodb';");
  const sdkImport = out.length;
  w('');
  w();
  out.push(...fileConstants(design, 'both ElectroDB identifiers'));

  const body: string[] = [];
  const b = (s = '') => body.push(s);
  b('/** The entities, their service and the access patterns, on a DynamoDB document client and a table. */');
  b('export function createElectroDb(client: DynamoDBDocumentClient, table: string = TABLE_NAME) {');
  b('  const config = { client, table, identifiers: { entity: ENTITY_ATTRIBUTE, version: ENTITY_ATTRIBUTE } };');
  const entityVar = new Map<string, string>();
  const locals = new Identifiers([
    ...TAKEN,
    'config',
    'client',
    'table',
    'entities',
    'service',
    'patterns',
    'put',
    'params',
    'r',
    'record',
    'data',
    'items',
    'item',
    'low',
    'high',
    'bounds',
    'shard',
    'shards',
    'step0',
    'step1',
    'step2',
    'x',
    ...paramsName.values(),
  ]);
  for (const e of model.entities) entityVar.set(e.name, locals.allocate(e.name, 'Entity'));
  const keysFn = new Map<string, string>();
  for (const e of model.entities) {
    const layout = design.entities.find((x) => x.entity === e.name);
    if (!layout) continue;
    b();
    b(`  // ${comment(e.name)}`);
    for (const index of design.indexes) {
      const t = layout.keys[index.name];
      if (t) b(`  //   ${comment(`${index.name}: ${keyTemplateLine(index, t)}`)}`);
    }
    // The key attributes of every composite index the entity is in: a GSI's only when the record has every attribute it is made of (sparse).
    const keysVar = locals.allocate(`${e.name}Keys`, '_');
    keysFn.set(e.name, keysVar);
    const parts: string[] = [];
    const fields: string[] = [];
    for (const index of composites) {
      const t = layout.keys[index.name];
      if (!t) continue;
      const keys = compositeIndex(index);
      if ([...t.pk, ...t.sk].some((x) => x.kind === 'shard')) sharded = true;
      const pair = `${prop(keys.pkAttribute)}: ${recordExpr(t.pk, e)}, ${prop(keys.skAttribute)}: ${recordExpr(t.sk, e)}`;
      const optional = index.kind === 'table' ? [] : templateAttributes(t).filter((n) => e.attributes.find((a) => a.name === n)?.optional);
      if (optional.length) usesHas = true;
      parts.push(optional.length ? `...(has(r, [${optional.map(q).join(', ')}]) ? { ${pair} } : {})` : pair);
      fields.push(keys.pkAttribute, keys.skAttribute);
    }
    b(`  const ${keysVar} = (r: Record<string, unknown>): { ${fields.map((f) => `${prop(f)}?: string`).join('; ')} } => ({`);
    for (const part of parts) b(`    ${part},`);
    b('  });');
    b(`  const ${entityVar.get(e.name)} = new Entity(`);
    b('    {');
    b(`      model: { entity: ${q(e.name)}, version: ${q(e.name)}, service: ${q(design.tableName)} },`);
    b('      attributes: {');
    for (const a of e.attributes) b(`        ${prop(a.name)}: ${attributeCode(a, e.key.includes(a.name))},`);
    // Hidden, computed from the whole record on every write: an update that lacks an attribute of a key throws rather than leave the key stale.
    for (const f of fields)
      b(`        ${prop(f)}: { type: 'string', hidden: true, watch: '*', set: (_: unknown, r: Record<string, unknown>) => ${keysVar}(r)${access(f)} },`);
    // A native GSI's partition key leads with the entity attribute: an attribute of that field, always the entity's name
    // (the value ElectroDB writes there as its identifier too), so the index can name it among its composite attributes.
    const natives = design.indexes.filter((i) => i.keys === 'native' && layout.keys[i.name]);
    if (natives.length)
      b(`        ${prop(design.entityAttribute)}: { type: 'string', hidden: true, readOnly: true, default: ${q(e.name)}, set: () => ${q(e.name)} },`);
    b('      },');
    b('      indexes: {');
    for (const index of composites) {
      const t = layout.keys[index.name];
      if (!t) continue;
      const keys = compositeIndex(index);
      const field = (name: string) => `{ field: ${q(name)}, composite: [${q(name)}], template: ${q(`\${${name}}`)}, casing: 'none' }`;
      b(`        ${prop(index.name)}: {`);
      if (index.kind === 'gsi') b(`          index: ${q(index.name)},`);
      b(`          pk: ${field(keys.pkAttribute)},`);
      b(`          sk: ${field(keys.skAttribute)},`);
      b('        },');
    }
    for (const index of natives) {
      if (index.keys !== 'native') continue;
      // A native multi-attribute key: ElectroDB 3.9's `type: 'composite'` index, keyed on the items' own attributes
      // with their own types (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys).
      const names = (attributes: readonly { name: string }[]) => `[${attributes.map((a) => q(a.name)).join(', ')}]`;
      b(
        `        ${prop(index.name)}: { index: ${q(index.name)}, type: 'composite', pk: { composite: ${names(index.pk)} }${index.sk.length ? `, sk: { composite: ${names(index.sk)} }` : ''} },`,
      );
    }
    b('      },');
    b('    },');
    b('    config,');
    b('  );');
  }
  b();
  b(entitiesObject(design, entityVar));
  b('  const service = new Service(entities, { client, table });');
  b("  /** A record's put with its key attributes (ElectroDB asks for an index's composite attributes before its setters run): put.E(record).go(). */");
  b('  const put = {');
  for (const e of model.entities) {
    const v = entityVar.get(e.name) ?? '';
    b(`    ${prop(e.name)}: (record: CreateEntityItem<typeof ${v}>) => ${v}.put({ ...record, ...${keysFn.get(e.name) ?? ''}(record) }),`);
  }
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
  b('  return { entities, service, put, patterns };');
  b('}');
  b();
  b('export type ElectroDb = ReturnType<typeof createElectroDb>;');

  // Parameters, then the runtime the code above called, then the factory.
  out.push(...fileRuntime(design, { paramsName, helpers, sharded, usesHas }), ...(usesMerge ? MERGE_SHARDS : []));
  // The SDK's names the file uses: the client's type, and the Query of an item collection.
  out[sdkImport] = rawQuery
    ? "import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';"
    : "import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';";
  if (rawQuery) {
    out.push(
      '/** Every item a Query answers, page by page to its end. */',
      'async function readAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {',
      '  const items: Record<string, unknown>[] = [];',
      '  let start: Record<string, unknown> | undefined;',
      '  do {',
      '    const page = await client.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));',
      '    items.push(...(page.Items ?? []));',
      '    start = page.LastEvaluatedKey;',
      '  } while (start);',
      '  return items;',
      '}',
      '',
    );
  }
  return `${[...out, ...body].join('\n')}\n`;

  /**
   * One step as ElectroDB code: a key lookup is the entity's get; a query its query on the index with the key
   * condition (begins, between; an equality as between(v, v)), where, order, count and consistency; an item
   * collection one Query built by ElectroDB whose items each entity parses; a native GSI's query (an index of
   * `type: 'composite'`) the attributes' own values, the last condition a range (gt, gte, lt, lte, begins, between).
   */
  function stepCode(query: StepQuery): StepCode {
    const { step, index, condition } = query;
    const target = entityVar.get(query.entity) ?? '';
    const where = step.filter ? `.where(${whereCode(step.filter)})` : '';
    const options = [
      "pages: 'all'",
      ...(step.direction === 'desc' ? ["order: 'desc'"] : []),
      // The pattern's limit: its first N records in key order (ElectroDB's count reads on until it has them).
      ...(step.limit !== undefined ? [`count: ${String(step.limit)}`] : []),
      ...(step.consistent ? ['consistent: true'] : []),
    ];
    if (condition.native) {
      // A native GSI (`type: 'composite'`): every partition attribute and the sort prefix as equalities, then one range.
      // The entity attribute leads the partition key, so the key keeps other entities out; DynamoDB refuses a filter on a
      // key attribute, so ElectroDB's own identifier filter is off (ignoreOwnership).
      const pkCount = index.keys === 'native' ? index.pk.length : 1;
      const equals = condition.equals.map((x) => `${prop(x.attribute)}: ${nativeOperandCode(x.value)}`);
      const r = condition.range;
      let range = '';
      let emptyWhen: string | undefined;
      if (r?.op === 'between') {
        const [low, high] = [nativeOperandCode(r.low), nativeOperandCode(r.high)];
        emptyWhen = nativeBetweenEmpty(r, needHelper);
        range = `.between({ ${prop(r.attribute)}: ${low} }, { ${prop(r.attribute)}: ${high} })`;
      } else if (r?.op === '=') equals.push(`${prop(r.attribute)}: ${nativeOperandCode(r.value)}`);
      else if (r) {
        const ops: Record<string, string> = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', begins_with: 'begins' };
        range = `.${ops[r.op] ?? 'gte'}({ ${prop(r.attribute)}: ${nativeOperandCode(r.value)} })`;
      }
      if (condition.equals.length < pkCount) throw new Error(`a native query needs every partition attribute (${step.keyConditionText})`);
      return {
        lines: [
          `const { data } = await ${target}.query${access(step.index)}({ ${equals.join(', ')} })${range}${where}.go({ ${[...options, 'ignoreOwnership: true'].join(', ')} });`,
        ],
        ...(emptyWhen !== undefined ? { emptyWhen } : {}),
        records: new Map([[query.entity, 'data']]),
      };
    }
    const keys = compositeIndex(index);
    const pk = keyValueExpr(condition.pk);
    const sk = condition.sk;
    if (step.operation === 'GetItem') {
      if (sk.op !== '=') throw new Error(`a GetItem needs the whole sort key (${step.keyConditionText})`);
      return {
        lines: [
          `const { data } = await ${target}.get({ ${prop(keys.pkAttribute)}: ${pk}, ${prop(keys.skAttribute)}: ${keyValueExpr(sk.value)} }).go(${step.consistent ? '{ consistent: true }' : ''});`,
        ],
        records: new Map([[query.entity, 'data ? [data] : []']]),
      };
    }
    const skField = prop(keys.skAttribute);
    const skCode = sortKeyCode(condition.sk, keyValueExpr, needHelper);
    const [v0 = '', v1 = ''] = skCode.values;
    // ElectroDB has no equality on a sort key in a query: BETWEEN v AND v is one.
    const range =
      skCode.op === 'none'
        ? ''
        : skCode.op === 'beginsWith'
          ? `.begins({ ${skField}: ${v0} })`
          : `.between({ ${skField}: ${v0} }, { ${skField}: ${skCode.op === 'eq' ? v0 : v1} })`;
    const built = `${target}.query${access(step.index)}({ ${prop(keys.pkAttribute)}: ${pk} })${range}${where}`;
    if (query.collection) {
      // An item collection: ElectroDB keeps collections off indexes keyed on attributes, so the entity's query is
      // sent as it is (one request, as the module's) and each entity parses its own items (parse does not check
      // whose an item is: the entity attribute says).
      rawQuery = true;
      return {
        lines: [...skCode.pre, `const items = await readAll(client, { ...${built}.params(), ScanIndexForward: ${String(step.direction !== 'desc')} });`],
        records: new Map(
          step.entities.map((x) => [x, `${entityVar.get(x) ?? ''}.parse({ Items: items.filter((item) => item[ENTITY_ATTRIBUTE] === ${q(x)}) }).data`]),
        ),
      };
    }
    return { lines: [...skCode.pre, `const { data } = await ${built}.go({ ${options.join(', ')} });`], records: new Map([[query.entity, 'data']]) };
  }

  /** A step's filter as ElectroDB's where callback: the FilterExpression's clauses, AND-ed. */
  function whereCode(filter: NonNullable<PlanStep['filter']>): string {
    const a = `attr${access(filter.attribute)}`;
    const ops: Record<string, string> = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', begins_with: 'begins' };
    const clauses = filterCode(filter).map((c) => {
      if (c.op === 'in') return `(${c.values.map((v) => `\${op.eq(${a}, ${v})}`).join(' OR ')})`;
      return `\${op.${ops[c.op] ?? 'eq'}(${a}, ${c.values[0] ?? ''})}`;
    });
    return `(attr, op) => \`${clauses.join(' AND ')}\``;
  }
}

/** An ElectroDB attribute for a model attribute: its type (an enumeration of strings as ElectroDB's enum), required unless optional. */
function attributeCode(a: ModelEntity['attributes'][number], isKey: boolean): string {
  const strings = a.values?.length && a.values.every((v) => typeof v === 'string') ? `[${a.values.map((v) => q(String(v))).join(', ')}] as const` : undefined;
  const type = strings ?? (a.type === 'number' ? "'number'" : a.type === 'boolean' ? "'boolean'" : "'string'");
  return `{ type: ${type}${a.optional ? '' : ', required: true'}${isKey ? ', readOnly: true' : ''} }`;
}
