// The design read back from a table Tablewright created (issue 10), on DynamoDB Local (which keeps no
// tags): createDesignTable stores it, readDeployedDesign gives back the same design in both key modes,
// refuses a table it did not make, a damaged item and one whose indexes are another design's, and a
// migration writes the design it reaches while its backfill and verify leave the items alone.
import { describe, expect, it } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  deriveDesign,
  designIdentity,
  designJson,
  designLayout,
  designMetadataItems,
  designMetadataKeyShape,
  isDesignMetadataKey,
  migrationPlan,
  parseDesignJson,
  planDesign,
  tableDefinition,
  type Design,
} from '../../engine/index.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { createDesignTable } from '../createDesignTable.ts';
import { migrationFixture } from '../testing/migrationFixture.ts';
import { createForeignTable } from '../testing/tableContents.ts';
import { testTables } from '../testing/testTables.ts';
import { memoryCheckpointStore } from './checkpoint.ts';
import { readDeployedDesign } from './readDeployedDesign.ts';
import { runMigration } from './runMigration.ts';
import { gzip, readStoredDesign, storeDesign } from './storedDesign.ts';

const tables = testTables();
const { client, doc } = tables.clients;

async function created(design: Design): Promise<string> {
  const made = await createDesignTable({ client, design, tableName: design.tableName, pollMs: 50 });
  expect(made.status).toBe('created');
  if (made.status === 'created') expect(made.stored).toMatchObject({ stored: true, identity: designIdentity(designLayout(design)), chunks: 1 });
  return design.tableName;
}

/** Overwrites chunk 0 with `bytes` as its data (gzip), keeping the rest of the item. */
async function overwrite(design: Design, tableName: string, bytes: Uint8Array, identity = designIdentity(designLayout(design))): Promise<void> {
  const found = designMetadataKeyShape(tableDefinition(design, tableName), tableName);
  if (!('shape' in found)) throw new Error('no shape');
  const [item] = designMetadataItems(found.shape, { identity, write: 'test', encoding: 'gzip', bytes });
  const Item = Object.fromEntries(
    Object.entries(item ?? {}).map(([k, v]) => [k, typeof v === 'string' ? { S: v } : typeof v === 'number' ? { N: String(v) } : { B: v }]),
  );
  await client.send(new PutItemCommand({ TableName: tableName, Item }));
}

describe('the design stored in its table', () => {
  it.each([
    ['ecommerce', 'composite'],
    ['ecommerce', 'native'],
    ['dynamodbguide-starbucks-locations', 'composite'],
    ['aws-labs-invoices-bills', 'native'],
    ['aws-game-scores-leaderboard', 'composite'],
  ] as const)('%s (%s keys) reads back as the design it was created with', async (slug, keys) => {
    const design = deriveDesign(exampleModel(slug), { keys, tableName: tables.tableName(`rb-${keys}`) });
    const tableName = await created(design);
    const read = await readDeployedDesign({ client, tableName });
    expect(read.status, JSON.stringify(read)).toBe('found');
    if (read.status !== 'found') return;
    expect(read.text).toBe(designJson(design));
    expect(read.identity).toBe(designIdentity(designLayout(design)));
    expect(read.tag).toEqual({ supported: false, reason: 'Tagging is not currently supported in DynamoDB Local.' });
    const { modelName, ...layout } = read.layout;
    expect(modelName).toBe(design.model.name);
    expect(layout).toEqual(parseDesignJson(designJson(design)).design && designLayout(design));
  });

  it('reads a design cut into several items back, and a shorter rewrite leaves no chunk of the longer one behind', async () => {
    const design = deriveDesign(exampleModel('ecommerce'), { tableName: tables.tableName('rb-chunks') });
    const tableName = await created(design);
    const table = tableDefinition(design, tableName);
    const cut = await storeDesign({ client, tableName, design, table, chunkBytes: 500 });
    expect(cut).toMatchObject({ stored: true });
    if (!cut.stored) return;
    expect(cut.chunks).toBe(Math.ceil(cut.bytes / 500));
    expect(cut.chunks).toBeGreaterThan(3);
    const read = await readDeployedDesign({ client, tableName });
    expect(read.status === 'found' && read.text).toBe(designJson(design));
    const metadataItems = async () =>
      ((await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? []).filter((i) => isDesignMetadataKey(i['PK'])).length;
    expect(await metadataItems()).toBe(cut.chunks);
    await storeDesign({ client, tableName, design, table });
    expect(await metadataItems()).toBe(1);
    expect((await readDeployedDesign({ client, tableName })).status).toBe('found');
  });

  it('refuses a table Tablewright did not create, and one whose key cannot hold the design', async () => {
    const foreign = tables.tableName('rb-foreign');
    await createForeignTable(client, foreign);
    const read = await readDeployedDesign({ client, tableName: foreign });
    expect(read).toMatchObject({ status: 'refused', reason: 'notTablewright' });
    if (read.status === 'refused')
      expect(read.message).toBe(
        `Table ${foreign} holds no design (no item id = $tablewright#design#0): it was not created by Tablewright, or was created before Tablewright stored designs in their tables.`,
      );

    const numbers = tables.tableName('rb-numbers');
    await client.send(
      new (await import('@aws-sdk/client-dynamodb')).CreateTableCommand({
        TableName: numbers,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'n', AttributeType: 'N' }],
        KeySchema: [{ AttributeName: 'n', KeyType: 'HASH' }],
      }),
    );
    const unsupported = await readDeployedDesign({ client, tableName: numbers });
    expect(unsupported).toMatchObject({ status: 'refused', reason: 'unsupported' });
    if (unsupported.status === 'refused')
      expect(unsupported.message).toMatch(/^Table .* cannot hold its design: its partition key n is of type N, not a string/);
    expect(await readDeployedDesign({ client, tableName: tables.tableName('rb-none') })).toMatchObject({ status: 'refused', reason: 'noTable' });
  });

  it('says a damaged item is damaged, with the located errors of a design.json that does not read', async () => {
    const design = deriveDesign(exampleModel('ecommerce'), { tableName: tables.tableName('rb-damaged') });
    const tableName = await created(design);

    await overwrite(design, tableName, new Uint8Array([1, 2, 3, 4]));
    const garbage = await readDeployedDesign({ client, tableName });
    expect(garbage).toMatchObject({ status: 'refused', reason: 'damaged' });
    if (garbage.status === 'refused') expect(garbage.message).toMatch(/^The design stored in table .* is damaged: its gzip data does not decompress/);

    await overwrite(design, tableName, await gzip(new TextEncoder().encode('{ "format": "tablewright-design/1",\n  "indexes": 3 }')));
    const unreadable = await readDeployedDesign({ client, tableName });
    expect(unreadable).toMatchObject({ status: 'refused', reason: 'damaged' });
    if (unreadable.status === 'refused') {
      expect(unreadable.message).toMatch(/is damaged: its design\.json does not read \(\d+ errors?\)\.$/);
      expect(unreadable.details[0]).toMatch(/^design\.json:\d+:\d+: /);
    }

    const other = deriveDesign(exampleModel('ecommerce'), { keys: 'native', tableName });
    await overwrite(design, tableName, await gzip(new TextEncoder().encode(designJson(other))));
    expect(await readDeployedDesign({ client, tableName })).toMatchObject({
      status: 'refused',
      reason: 'damaged',
      message: expect.stringMatching(/its design\.json is design [0-9a-f]{16}, its item says/),
    });

    // A design that reads and is itself, but the table's indexes are another's.
    await storeDesign({ client, tableName, design: other, table: tableDefinition(design, tableName) });
    const mismatch = await readDeployedDesign({ client, tableName });
    expect(mismatch).toMatchObject({ status: 'refused', reason: 'mismatch' });
    if (mismatch.status === 'refused') expect(mismatch.details.length).toBeGreaterThan(0);
  });

  it('a migration stores the design it reaches, refuses a table holding another design, and its backfill and verify skip the items', async () => {
    const model = exampleModel('ecommerce');
    const fx = tables.keep(
      await migrationFixture({
        clients: tables.clients,
        model,
        removed: ['getUsersByPlan', 'getOrdersByStatus'],
        tableName: tables.tableName('rb-migrate'),
        seed: 'rb',
      }),
    );
    const before = await doc.send(new ScanCommand({ TableName: fx.tableName }));
    const items = before.Items ?? [];
    const metadata = items.filter((i) => isDesignMetadataKey(i['PK']));
    expect(metadata).toHaveLength(1);

    // Same index names and keys as FROM, other templates: the structure cannot tell them apart, the stored design can.
    const layout = designLayout(fx.from);
    const impostor = planDesign(fx.from.model, { ...layout, entities: layout.entities.map((e, i) => (i === 0 ? { ...e, label: `${e.label}X` } : e)) });
    const other = { ...migrationPlan(impostor, fx.to), from: designIdentity(designLayout(impostor)) };
    expect(other.from).not.toBe(fx.plan.from);
    const refused = await runMigration({
      client,
      doc,
      tableName: fx.tableName,
      from: impostor,
      to: fx.to,
      plan: other,
      store: memoryCheckpointStore(),
      pollMs: 50,
    });
    expect(refused).toMatchObject({ status: 'refused' });
    // The only refusal: key schema and GSIs are FROM's as much as the impostor's.
    if (refused.status === 'refused')
      expect(refused.reasons).toEqual([`Table ${fx.tableName} holds design ${fx.plan.from}; the migration starts from design ${other.from}.`]);

    const done = await runMigration({
      client,
      doc,
      tableName: fx.tableName,
      from: fx.from,
      to: fx.to,
      plan: fx.plan,
      store: memoryCheckpointStore(),
      verifyWith: fx.toModule,
      pollMs: 50,
    });
    expect(done).toMatchObject({ status: 'done', stored: true, tagged: false });
    if (done.status !== 'done') return;
    expect(done.backfill?.scanned).toBe(items.length - metadata.length);
    expect(done.verify?.ok).toBe(true);
    expect((done.verify?.records ?? 0) + (done.verify?.guards ?? 0)).toBe(items.length - metadata.length);
    const read = await readDeployedDesign({ client, tableName: fx.tableName });
    expect(read).toMatchObject({ status: 'found', identity: fx.plan.to });
    if (read.status === 'found') expect(read.text).toBe(designJson(fx.to));
    const stored = await readStoredDesign({ client, tableName: fx.tableName, table: tableDefinition(fx.to) });
    expect(stored.status).toBe('found');
  });
});
