// A migration plan as a standalone TypeScript script, for people who run
// migrations from their own pipelines (`migrate FROM TO --script FILE`). One file
// that needs only @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb and compiles
// under tsc --strict: TO's generated module (its toItem and fromItem store records
// exactly as the application's new module does), the plan as data, and a runner
// that checks the table is FROM's (key schema, GSIs, the tablewright:design tag
// where the endpoint keeps tags), backfills the new key attributes with a parallel
// segmented Scan and conditional UpdateItems (the engine's backfillUpdate rule: on
// the item still being as read, read again after a refusal), creates each new GSI
// and waits until it is ACTIVE, checks every item is stored as TO stores it and
// every GSI holds exactly the items that carry its keys, deletes the GSIs the plan
// drops, then stores TO's design in the table and tags the table with TO, as
// runMigration does (storedDesign.ts). Run again after a failure, it carries on: an
// item already migrated needs no update, an index already made is kept, a design
// already stored is not written again.
//
// The design stored in the table (evolve/designMetadata.ts) is checked first (its
// chunk 0 must be FROM's identity, or TO's on a run again) and written last: the
// items designMetadataItems makes of the payload the caller compressed (the engine
// compresses nothing: the runner's designPayload gzips design.json), embedded with
// each chunk's bytes as base64, written as storeDesign writes them: the chunks after
// the first, then chunk 0 last (a reader that finds chunk 0 finds the rest), then the
// chunks a longer stored design left beyond the new count deleted. Chunk 0 is read
// with a strongly consistent GetItem, so a write just made is seen
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html);
// items are cut under 400 KB as designMetadataItems cuts them
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items).
//
// Every name and text of the model reaches the script through printTs (q, prop,
// comment), as in the generated module.
import { segmentAttributes } from '../keys/shards.ts';
import { syntheticKeyAttributes } from '../design/indexKeys.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import type { Design } from '../design/types.ts';
import type { MigrationPlan } from '../evolve/types.ts';
import {
  DESIGN_METADATA_FORMAT,
  designMetadataItems,
  designMetadataKey,
  designMetadataKeyShape,
  METADATA_ATTRIBUTES,
  type DesignMetadataPayload,
} from '../evolve/designMetadata.ts';
import { generateModule } from './generateModule.ts';
import { comment, prop, q, wrap } from './printTs.ts';

type Data = string | number | boolean | null | readonly Data[] | { readonly [key: string]: Data | undefined };

/** A value as a TypeScript literal: strings through q, keys through prop. */
function tsValue(value: Data | undefined, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return q(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${tsValue(v, inner)}`).join(',\n')},\n${indent}]`;
  const entries = Object.entries(value as { [key: string]: Data | undefined }).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{\n${entries.map(([k, v]) => `${inner}${prop(k)}: ${tsValue(v, inner)}`).join(',\n')},\n${indent}}`;
}

/** Per entity, per key attribute the designs write: the record's attributes its key is made of (both designs). */
function keySources(from: Design, to: Design): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const design of [to, from]) {
    for (const entity of design.entities) {
      for (const index of design.indexes) {
        const template = entity.keys[index.name];
        if (!template) continue;
        const names = [...template.pk, ...template.sk].flatMap(segmentAttributes);
        for (const attribute of syntheticKeyAttributes(index)) {
          const byAttribute = (out[entity.entity] ??= {});
          byAttribute[attribute] = [...new Set([...(byAttribute[attribute] ?? []), ...names])];
        }
      }
    }
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes as standard base64 with padding (RFC 4648 section 4), which atob reads back. */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

/** Keys of chunks the script can delete beyond the new design's: a stored design longer than this by more is left (readers read chunk 0's count only). */
const LEFTOVER_CHUNKS = 8;

/** What the script needs to check and write the design stored in the table: TO's items (data as base64) and the keys of the chunks. */
function storedDesignData(to: Design, tableName: string, payload: DesignMetadataPayload, chunkBytes?: number): Data {
  const found = designMetadataKeyShape(tableDefinition(to, tableName), tableName);
  if ('diagnostic' in found) return { unsupported: found.diagnostic.message };
  const a = METADATA_ATTRIBUTES;
  const items = designMetadataItems(found.shape, payload, chunkBytes);
  return {
    format: DESIGN_METADATA_FORMAT,
    attributes: { format: a.format, identity: a.identity, chunks: a.chunks, data: a.data },
    keys: Array.from({ length: items.length + LEFTOVER_CHUNKS }, (_, chunk) => designMetadataKey(found.shape, chunk)),
    items: items.map((item) => Object.fromEntries(Object.entries(item).filter(([name]) => name !== a.data)) as Record<string, string | number>),
    data: items.map((item) => base64(item[a.data] as Uint8Array)),
  };
}

const keySchemaText = (schema: readonly { AttributeName: string; KeyType: string }[]) => schema.map((k) => `${k.AttributeName} (${k.KeyType})`).join(', ');

/**
 * The script of `plan` from `from` to `to`. `stored` is what the table is to hold of TO's design (the runner's
 * designPayload: gzip-compressed design.json, TO's identity, a write id every run of this script writes);
 * `chunkBytes` (tests) cuts it into smaller items than designMetadataItems does by default.
 */
export function migrationScript(plan: MigrationPlan, from: Design, to: Design, stored: DesignMetadataPayload, chunkBytes?: number): string {
  if (stored.identity !== plan.to) throw new Error(`the design to store is ${stored.identity}, the plan goes to ${plan.to}`);
  const table = to.indexes[0];
  const tableKey = table && table.keys !== 'native' ? { pk: table.pkAttribute, sk: table.skAttribute } : { pk: 'PK', sk: 'SK' };
  const fromDefinition = tableDefinition(from, plan.tableName);
  const toDefinition = tableDefinition(to, plan.tableName);
  const managed = [
    ...new Set([...to.indexes.flatMap(syntheticKeyAttributes), ...from.indexes.flatMap(syntheticKeyAttributes), to.entityAttribute, from.entityAttribute]),
  ];
  const data: Data = {
    tableName: plan.tableName,
    from: plan.from,
    to: plan.to,
    tableKey,
    fromEntityAttribute: from.entityAttribute,
    managed,
    sources: keySources(from, to),
    fromTableKey: keySchemaText(fromDefinition.KeySchema),
    fromIndexes: Object.fromEntries((fromDefinition.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, keySchemaText(g.KeySchema)])),
    // Every GSI of TO with the key attributes an item must hold to be in it.
    toIndexes: Object.fromEntries((toDefinition.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.KeySchema.map((k) => k.AttributeName)])),
    stored: storedDesignData(to, plan.tableName, stored, chunkBytes),
    steps: plan.steps.map((s): Data => {
      switch (s.kind) {
        case 'createIndex':
          return {
            kind: s.kind,
            index: s.index,
            description: s.description,
            keys: keySchemaText(s.creation.index.KeySchema),
            create: s.creation.index as unknown as Data,
            attributeDefinitions: s.creation.attributeDefinitions as unknown as Data,
          };
        case 'dropIndex':
          return { kind: s.kind, index: s.index, description: s.description };
        default:
          return { kind: s.kind, description: s.description };
      }
    }),
  };
  const header = [
    `Migration of table ${plan.tableName} from design ${plan.from} to ${plan.to}, generated by Tablewright.`,
    '',
    ...(plan.impossible.length > 0 ? ['IMPOSSIBLE on the live table: this script refuses to run.', ...plan.impossible.map((d) => `  ${d.message}`), ''] : []),
    'Steps:',
    ...plan.steps.flatMap((s, i) =>
      wrap(`${i + 1}. ${s.kind}${'index' in s ? ` ${s.index}` : ''}: ${s.description}`, 90).map((line, j) => (j === 0 ? `  ${line}` : `     ${line}`)),
    ),
    '',
    'Run: npx tsx THIS_FILE [--endpoint URL] [--region R] [--table NAME] [--rate N] [--segments N] [--dry-run]',
    '  --endpoint: DynamoDB Local, or another endpoint (default: AWS in --region, signed with the',
    "    AWS SDK's credentials); requests to localhost are signed with fake local credentials.",
    '  --rate: items a second the backfill reads and updates at most (default: no limit).',
    'Needs only @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb. Run again after a failure or',
    'Ctrl-C: items already migrated need no update, indexes already made are kept.',
    "Below: the new design's generated module (toItem, fromItem), then the migration.",
  ];
  return [
    '/**',
    ...header.map((line) => (line ? ` * ${comment(line)}` : ' *')),
    ' */',
    generateModule({ ...to, tableName: plan.tableName }).trimEnd(),
    '',
    '// ---------------------------------------------------------------------------',
    '// The migration (generated by Tablewright from the plan below).',
    '// ---------------------------------------------------------------------------',
    "import * as migrationDdb from '@aws-sdk/client-dynamodb';",
    "import * as migrationLib from '@aws-sdk/lib-dynamodb';",
    '',
    `const MIGRATION: MigrationData = ${tsValue(data)};`,
    '',
    `const MIGRATION_IMPOSSIBLE = ${plan.impossible.length > 0 ? 'true' : 'false'};`,
    '',
    SCRIPT_RUNTIME.trim(),
    '',
  ].join('\n');
}

/** The script's runner: plain text, no user text (that is all in MIGRATION). */
const SCRIPT_RUNTIME = `
interface MigrationData {
  tableName: string;
  from: string;
  to: string;
  tableKey: { pk: string; sk: string };
  fromEntityAttribute: string;
  managed: string[];
  sources: Record<string, Record<string, string[]>>;
  fromTableKey: string;
  fromIndexes: Record<string, string>;
  toIndexes: Record<string, string[]>;
  /** TO's design-metadata items (the engine's designMetadataItems), or why the table's key cannot hold them. */
  stored:
    | { unsupported: string }
    | {
        format: string;
        attributes: { format: string; identity: string; chunks: string; data: string };
        /** The key of each chunk: those of TO's items, then of chunks a longer stored design may have left. */
        keys: Record<string, string | number>[];
        items: Record<string, string | number>[];
        /** Each item's data, base64. */
        data: string[];
      };
  steps: (
    | { kind: 'backfill' | 'verify'; description: string }
    | { kind: 'createIndex'; index: string; description: string; keys: string; create: migrationDdb.CreateGlobalSecondaryIndexAction; attributeDefinitions: migrationDdb.AttributeDefinition[] }
    | { kind: 'dropIndex'; index: string; description: string }
  )[];
}

async function migrationMain(argv: string[]): Promise<number> {
  const option = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const endpoint = option('--endpoint');
  const region = option('--region') ?? 'us-east-1';
  const tableName = option('--table') ?? MIGRATION.tableName;
  const rate = option('--rate') === undefined ? undefined : Number(option('--rate'));
  const segments = Math.max(1, Number(option('--segments') ?? 4));
  const log = (text: string) => console.log(text);
  if (rate !== undefined && !(rate > 0)) {
    log('--rate takes the items a second the backfill may read at most: a number above 0');
    return 2;
  }
  log(\`Migration of table \${tableName} from design \${MIGRATION.from} to \${MIGRATION.to}\`);
  MIGRATION.steps.forEach((s, i) => log(\`  \${i + 1}. \${s.kind}\${'index' in s ? \` \${s.index}\` : ''}: \${s.description}\`));
  if (MIGRATION_IMPOSSIBLE) {
    log('The live table cannot take this change (see the header of this script): nothing done.');
    return 1;
  }
  if (argv.includes('--dry-run')) return 0;

  const local = endpoint !== undefined && /^https?:\\/\\/(localhost|127\\.0\\.0\\.1|\\[::1\\])(:|\\/|$)/.test(endpoint);
  const client = new migrationDdb.DynamoDBClient({
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(local ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  const doc = migrationLib.DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const errorName = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name) : '');
  const throttled = (e: unknown) => ['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded'].includes(errorName(e));
  /** Sends again while DynamoDB throttles: exponential backoff with full jitter. */
  async function patiently<T>(send: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send();
      } catch (e) {
        if (!throttled(e) || attempt >= 20) throw e;
        await sleep(Math.floor(Math.random() * Math.min(5000, 50 * 2 ** attempt)));
      }
    }
  }
  const describe = async () => {
    const out = await client.send(new migrationDdb.DescribeTableCommand({ TableName: tableName }));
    if (!out.Table) throw new Error(\`no table \${tableName}\`);
    return out.Table;
  };
  const keyText = (schema: migrationDdb.KeySchemaElement[] | undefined) => (schema ?? []).map((k) => \`\${k.AttributeName ?? '?'} (\${k.KeyType ?? '?'})\`).join(', ');

  // TO's design-metadata items, or undefined when the table's key cannot hold them.
  const store = 'keys' in MIGRATION.stored ? MIGRATION.stored : undefined;
  const readStored = async () =>
    store && (await patiently(() => doc.send(new migrationLib.GetCommand({ TableName: tableName, Key: store.keys[0], ConsistentRead: true })))).Item;
  const storedText = store ? Object.entries(store.keys[0] ?? {}).map(([k, v]) => \`\${k} = \${v}\`).join(', ') : '';

  try {
    // The table must be FROM's, or on its way to TO (a run that stopped part-way): nothing is touched otherwise.
    const described = await describe();
    const refusals: string[] = [];
    if (keyText(described.KeySchema) !== MIGRATION.fromTableKey) refusals.push(\`its key is \${keyText(described.KeySchema)}; design \${MIGRATION.from} has \${MIGRATION.fromTableKey}\`);
    const created = new Map(MIGRATION.steps.flatMap((s) => (s.kind === 'createIndex' ? [[s.index, s.keys] as const] : [])));
    const dropped = new Set(MIGRATION.steps.flatMap((s) => (s.kind === 'dropIndex' ? [s.index] : [])));
    const present = new Map((described.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName ?? '', keyText(g.KeySchema)]));
    for (const [name, keys] of present) {
      const expected = MIGRATION.fromIndexes[name] ?? created.get(name);
      if (expected === undefined) refusals.push(\`index \${name} is not part of design \${MIGRATION.from} nor made by this migration\`);
      else if (expected !== keys) refusals.push(\`index \${name} has key \${keys}; the migration expects \${expected}\`);
    }
    for (const name of Object.keys(MIGRATION.fromIndexes)) if (!present.has(name) && !dropped.has(name)) refusals.push(\`index \${name} of design \${MIGRATION.from} is missing\`);
    // The design stored in the table (where its key can hold one) must be FROM's, or TO's (a run again).
    let storedChecked = false;
    if (store && refusals.length === 0) {
      const first = await readStored();
      if (first && first[store.attributes.format] !== store.format) {
        refusals.push(\`its design item (\${storedText}) is not in the form \${store.format}: delete its design items to migrate it by its key schema and indexes alone\`);
      } else if (first) {
        const identity = first[store.attributes.identity];
        storedChecked = true;
        if (identity !== MIGRATION.from && identity !== MIGRATION.to) refusals.push(\`it holds design \${String(identity)} (item \${storedText}); the migration starts from design \${MIGRATION.from}\`);
      }
    }
    let tagsKept = true;
    try {
      const tags = await client.send(new migrationDdb.ListTagsOfResourceCommand({ ResourceArn: described.TableArn ?? '' }));
      const tag = tags.Tags?.find((t) => t.Key === 'tablewright:design')?.Value;
      if (tag !== MIGRATION.from && tag !== MIGRATION.to) refusals.push(tag === undefined ? 'it has no tag tablewright:design, so its design is unknown' : \`it is tagged tablewright:design=\${tag}\`);
    } catch (e) {
      if (errorName(e) !== 'UnknownOperationException') throw e;
      tagsKept = false;
      log(\`note: this endpoint keeps no tags (DynamoDB Local): the table is checked by \${storedChecked ? 'the design stored in it, its key schema and indexes' : 'its key schema and indexes alone'}\`);
    }
    if (refusals.length > 0) {
      log(\`refused: table \${tableName} was not touched: \${refusals.join('; ')}\`);
      return 2;
    }

    for (const [i, step] of MIGRATION.steps.entries()) {
      log(\`step \${i + 1}/\${MIGRATION.steps.length} \${step.kind}\${'index' in step ? \` \${step.index}\` : ''}: \${step.description}\`);
      if (step.kind === 'backfill') await backfill();
      else if (step.kind === 'createIndex') await createIndex(step.index, step.create, step.attributeDefinitions);
      else if (step.kind === 'dropIndex') await dropIndex(step.index);
      else if (!(await verify())) return 1;
    }
    await storeDesign();
    if (tagsKept) await client.send(new migrationDdb.TagResourceCommand({ ResourceArn: described.TableArn ?? '', Tags: [{ Key: 'tablewright:design', Value: MIGRATION.to }] }));
    log(\`table \${tableName} is at design \${MIGRATION.to}\`);
    return 0;
  } catch (e) {
    log(\`failed: \${errorName(e)}: \${(e as Error).message}. Run this script again to carry on.\`);
    return 2;
  } finally {
    client.destroy();
  }

  /** TO's design into the table, as the runner's storeDesign writes it: chunk 0 last, then the chunks of a longer one before deleted. */
  async function storeDesign(): Promise<void> {
    if (!store) {
      log(\`note: \${'unsupported' in MIGRATION.stored ? MIGRATION.stored.unsupported : ''}\`);
      return;
    }
    const before = await readStored();
    if (before && before[store.attributes.format] === store.format && before[store.attributes.identity] === MIGRATION.to) {
      log(\`  design \${MIGRATION.to} is stored in the table already\`);
      return;
    }
    const items = store.items.map((item, i) => ({ ...item, [store.attributes.data]: Uint8Array.from(atob(store.data[i] ?? ''), (c) => c.charCodeAt(0)) }));
    for (const item of [...items.slice(1), ...items.slice(0, 1)]) await patiently(() => doc.send(new migrationLib.PutCommand({ TableName: tableName, Item: item })));
    const oldCount = before?.[store.attributes.chunks];
    for (let chunk = items.length; typeof oldCount === 'number' && chunk < oldCount; chunk++) {
      const key = store.keys[chunk];
      if (!key) {
        log(\`  chunks \${chunk} to \${oldCount - 1} of the design stored before are left in the table (no reader reads them)\`);
        break;
      }
      await patiently(() => doc.send(new migrationLib.DeleteCommand({ TableName: tableName, Key: key })));
    }
    log(\`  stored design \${MIGRATION.to} in the table (\${items.length} item\${items.length === 1 ? '' : 's'}, from \${storedText})\`);
  }

  /** The UpdateItem an item needs to be stored as the new design stores it, or undefined (a guard item, or one already migrated). */
  function updateFor(item: Record<string, unknown>): migrationLib.UpdateCommandInput | undefined {
    const decoded = fromItem(item);
    if (!decoded) return undefined;
    const entity: string = decoded.entity;
    const record = Object.fromEntries(Object.entries(item).filter(([name]) => !MIGRATION.managed.includes(name)));
    const target = (toItem as unknown as (entity: string, record: Record<string, unknown>) => Record<string, unknown>)(entity, record);
    const { pk, sk } = MIGRATION.tableKey;
    if (target[pk] !== item[pk] || target[sk] !== item[sk]) throw new Error(\`\${entity} item \${JSON.stringify([item[pk], item[sk]])} would move to another table key\`);
    const has = (o: Record<string, unknown>, name: string) => Object.prototype.hasOwnProperty.call(o, name) && o[name] !== undefined;
    const set = MIGRATION.managed.filter((name) => name !== pk && name !== sk && has(target, name) && target[name] !== item[name]);
    const remove = MIGRATION.managed.filter((name) => !has(target, name) && has(item, name));
    if (set.length === 0 && remove.length === 0) return undefined;
    const touched = [...set, ...remove];
    const sources = new Set(touched.flatMap((name) => MIGRATION.sources[entity]?.[name] ?? []).filter((name) => !MIGRATION.managed.includes(name)));
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const n = (name: string) => {
      const at = \`#n\${Object.keys(names).length}\`;
      names[at] = name;
      return at;
    };
    const v = (value: unknown) => {
      const at = \`:v\${Object.keys(values).length}\`;
      values[at] = value;
      return at;
    };
    // The item still exists, of the entity read, with the values its new keys are made of and the key attributes as read:
    // never over a newer write, never bringing back a deleted record.
    const asRead = (name: string) => (has(item, name) ? \`\${n(name)} = \${v(item[name])}\` : \`attribute_not_exists(\${n(name)})\`);
    const nameAttribute = has(item, MIGRATION.fromEntityAttribute) ? MIGRATION.fromEntityAttribute : entityAttribute;
    const condition = [\`attribute_exists(\${n(pk)})\`, \`\${n(nameAttribute)} = \${v(entity)}\`, ...[...sources].map(asRead), ...touched.map(asRead)].join(' AND ');
    const clauses = [...(set.length ? [\`SET \${set.map((name) => \`\${n(name)} = \${v(target[name])}\`).join(', ')}\`] : []), ...(remove.length ? [\`REMOVE \${remove.map(n).join(', ')}\`] : [])];
    return { TableName: tableName, Key: { [pk]: item[pk], [sk]: item[sk] }, UpdateExpression: clauses.join(' '), ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
  }

  /** A parallel segmented Scan; each item updated (conditionally; read again after a refusal), at most --rate items a second. */
  async function backfill(): Promise<void> {
    const started = Date.now();
    const interval = rate === undefined ? 0 : 1000 / rate;
    let next = Date.now();
    let scanned = 0;
    let updated = 0;
    let conflicts = 0;
    let shown = Date.now();
    const token = async () => {
      if (interval === 0) return;
      const slot = Math.max(next, Date.now());
      next = slot + interval;
      if (slot > Date.now()) await sleep(slot - Date.now());
    };
    const migrate = async (first: Record<string, unknown>) => {
      let item: Record<string, unknown> | undefined = first;
      for (let attempt = 0; item; attempt++) {
        const input = updateFor(item);
        if (!input) return;
        try {
          await patiently(() => doc.send(new migrationLib.UpdateCommand(input)));
          updated++;
          return;
        } catch (e) {
          if (errorName(e) !== 'ConditionalCheckFailedException' || attempt >= 20) throw e;
          conflicts++;
          const read = await patiently(() => doc.send(new migrationLib.GetCommand({ TableName: tableName, Key: input.Key, ConsistentRead: true })));
          item = read.Item;
        }
      }
    };
    await Promise.all(
      Array.from({ length: segments }, async (_, segment) => {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await patiently(() => doc.send(new migrationLib.ScanCommand({ TableName: tableName, Segment: segment, TotalSegments: segments, Limit: 100, ...(start ? { ExclusiveStartKey: start } : {}) })));
          for (const item of page.Items ?? []) {
            await token();
            await migrate(item);
            scanned++;
          }
          if (Date.now() - shown > 2000) {
            shown = Date.now();
            log(\`  backfill: \${scanned} items read, \${updated} updated, \${Math.round(scanned / Math.max(0.001, (Date.now() - started) / 1000))} items/s\`);
          }
          start = page.LastEvaluatedKey;
        } while (start);
      }),
    );
    log(\`  backfill: \${scanned} items read, \${updated} updated, \${conflicts} written meanwhile (read again), in \${((Date.now() - started) / 1000).toFixed(1)} s\`);
  }

  /** Waits until the table is ACTIVE and the index as wanted. */
  async function waitFor(index: string, ready: (g: migrationDdb.GlobalSecondaryIndexDescription | undefined) => boolean): Promise<void> {
    const poll = local ? 100 : 2000;
    for (;;) {
      const t = await describe();
      const g = t.GlobalSecondaryIndexes?.find((x) => x.IndexName === index);
      if (t.TableStatus === 'ACTIVE' && ready(g)) return;
      await sleep(poll);
    }
  }

  async function createIndex(index: string, create: migrationDdb.CreateGlobalSecondaryIndexAction, attributeDefinitions: migrationDdb.AttributeDefinition[]): Promise<void> {
    await waitFor(index, () => true);
    if (!(await describe()).GlobalSecondaryIndexes?.some((g) => g.IndexName === index)) {
      await client.send(new migrationDdb.UpdateTableCommand({ TableName: tableName, AttributeDefinitions: attributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: create }] }));
    }
    await waitFor(index, (g) => g?.IndexStatus === 'ACTIVE' && g.Backfilling !== true);
    log(\`  \${index} is ACTIVE\`);
  }

  async function dropIndex(index: string): Promise<void> {
    await waitFor(index, () => true);
    const g = (await describe()).GlobalSecondaryIndexes?.find((x) => x.IndexName === index);
    if (g && g.IndexStatus !== 'DELETING') await client.send(new migrationDdb.UpdateTableCommand({ TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index } }] }));
    await waitFor(index, (x) => x === undefined);
    log(\`  \${index} is deleted\`);
  }

  /** Every item stored as the new design stores its record, and every GSI holding exactly the items that carry its keys. */
  async function verify(): Promise<boolean> {
    let misstored = 0;
    let items = 0;
    const expected = new Map(Object.keys(MIGRATION.toIndexes).map((name) => [name, 0]));
    let start: Record<string, unknown> | undefined;
    do {
      const page = await patiently(() => doc.send(new migrationLib.ScanCommand({ TableName: tableName, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) })));
      for (const item of page.Items ?? []) {
        items++;
        for (const [name, keys] of Object.entries(MIGRATION.toIndexes)) if (keys.every((k) => item[k] !== undefined)) expected.set(name, (expected.get(name) ?? 0) + 1);
        if (updateFor(item) !== undefined) {
          misstored++;
          if (misstored <= 5) log(\`  not stored as the new design stores it: \${JSON.stringify(item)}\`);
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
    let differences = misstored;
    for (const [name, count] of expected) {
      let held = 0;
      let from: Record<string, unknown> | undefined;
      do {
        const page = await patiently(() => doc.send(new migrationLib.ScanCommand({ TableName: tableName, IndexName: name, Select: 'COUNT', ...(from ? { ExclusiveStartKey: from } : {}) })));
        held += page.Count ?? 0;
        from = page.LastEvaluatedKey;
      } while (from);
      if (held !== count) {
        differences++;
        log(\`  \${name} holds \${held} items; \${count} items carry its keys\`);
      }
    }
    log(\`  verify: \${items} items read, \${misstored} not stored as the new design stores them, \${expected.size} indexes counted: \${differences === 0 ? 'all as expected' : \`\${differences} difference(s)\`}\`);
    return differences === 0;
  }
}

const migrationArgv: string[] = (globalThis as { process?: { argv?: string[] } }).process?.argv?.slice(2) ?? [];
void migrationMain(migrationArgv).then((code) => {
  const running = (globalThis as { process?: { exitCode?: number } }).process;
  if (running) running.exitCode = code;
});
`;
