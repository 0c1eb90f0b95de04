// The model's table settings on a real table (DynamoDB Local 3.3.1 of the test set-up): what CreateTable
// carries (provisioned billing on the table and every GSI, the stream, deletion protection, the table class),
// what is applied after it (time to live; point-in-time recovery, which DynamoDB Local does not know), and
// every setting reported as applied or not. Deleting a table created with deletion protection turns it off
// first; one protected by someone else since is left alone.
import { DescribeContinuousBackupsCommand, DescribeTableCommand, DescribeTimeToLiveCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deriveDesign, loadProblem, type Model } from '../engine/index.ts';
import { applyTableSettings, describeTableSetting } from './applyTableSettings.ts';
import { createClients, LOCAL_CREDENTIALS } from './createClients.ts';
import { createDesignTable } from './createDesignTable.ts';
import { deleteDesignTable } from './deleteDesignTable.ts';
import { problemText, uniqueTableName } from './testing/exampleDesign.ts';
import { startScriptedProxy } from './testing/scriptedProxy.ts';
import { dropTable, tableDescription } from './testing/tableContents.ts';
import { testClients } from './testing/testClients.ts';

const { client, destroy } = testClients();
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await dropTable(client, name);
  destroy();
});

const shop = loadProblem(problemText('ecommerce.problem.json')).model!;
/** The e-commerce model with a TTL on its first entity and the given table settings. */
const modelWith = (table: Model['table']): Model => ({
  ...shop,
  ...(table ? { table } : {}),
  entities: shop.entities.map((e, i) =>
    i === 0 ? { ...e, attributes: [...e.attributes, { name: 'expiresAt', type: 'number' as const, optional: true as const }], ttl: 'expiresAt' } : e,
  ),
});
const everything = deriveDesign(
  modelWith({
    billing: 'provisioned',
    read: 7,
    write: 3,
    stream: 'NEW_AND_OLD_IMAGES',
    deletionProtection: true,
    tableClass: 'STANDARD_INFREQUENT_ACCESS',
    pitr: true,
  }),
);

const name = (prefix: string) => {
  const tableName = uniqueTableName(prefix);
  made.push(tableName);
  return tableName;
};

describe('createDesignTable with table settings', () => {
  it('creates the table with them, applies the TTL, and says which settings DynamoDB Local left out', async () => {
    const tableName = name('settings');
    const result = await createDesignTable({ client, design: everything, tableName, pollMs: 50 });
    if (result.status !== 'created') throw new Error(result.status);
    expect(result.settings).toEqual([
      { setting: 'billing', wanted: 'provisioned (read 7, write 3 units)', applied: true },
      { setting: 'stream', wanted: 'stream NEW_AND_OLD_IMAGES', applied: true },
      // DynamoDB Local accepts TableClass and forgets it: DescribeTable has no TableClassSummary.
      {
        setting: 'tableClass',
        wanted: 'table class STANDARD_INFREQUENT_ACCESS',
        applied: false,
        reason: 'the table reports no table class (so STANDARD: the endpoint ignored TableClass, as DynamoDB Local does)',
      },
      { setting: 'deletionProtection', wanted: 'deletion protection on', applied: true },
      { setting: 'timeToLive', wanted: 'time to live on expiresAt', applied: true },
      // DynamoDB Local has no continuous backups at all.
      {
        setting: 'pointInTimeRecovery',
        wanted: 'point-in-time recovery',
        applied: false,
        reason: 'the endpoint does not support UpdateContinuousBackups (UnknownOperationException; DynamoDB Local has no point-in-time recovery)',
      },
    ]);
    expect(result.table.deletionProtection).toBe(true);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.BillingModeSummary?.BillingMode).not.toBe('PAY_PER_REQUEST');
    expect(Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
    expect(Table?.GlobalSecondaryIndexes?.length).toBe(everything.indexes.length - 1);
    for (const gsi of Table?.GlobalSecondaryIndexes ?? [])
      expect(gsi.ProvisionedThroughput, gsi.IndexName).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.LatestStreamArn).toBeDefined();
    expect(Table?.DeletionProtectionEnabled).toBe(true);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    await expect(client.send(new DescribeContinuousBackupsCommand({ TableName: tableName }))).rejects.toMatchObject({ name: 'UnknownOperationException' });
  });

  it('reports an explicit on-demand billing as applied, and nothing for a model that states no settings', async () => {
    const onDemand = await createDesignTable({
      client,
      design: deriveDesign({ ...shop, table: { billing: 'on-demand', deletionProtection: false } }),
      tableName: name('ondemand'),
      pollMs: 50,
    });
    if (onDemand.status !== 'created') throw new Error(onDemand.status);
    expect(onDemand.settings).toEqual([
      { setting: 'billing', wanted: 'on demand', applied: true },
      { setting: 'deletionProtection', wanted: 'deletion protection off', applied: true },
    ]);
    expect(onDemand.description.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(onDemand.table.deletionProtection).toBeUndefined();

    const plainName = name('plain');
    const plain = await createDesignTable({ client, design: deriveDesign(shop), tableName: plainName, pollMs: 50 });
    if (plain.status !== 'created') throw new Error(plain.status);
    expect(plain.settings).toEqual([]);
    expect((await client.send(new DescribeTimeToLiveCommand({ TableName: plainName }))).TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
  });

  it('retries point-in-time recovery while AWS says backups are not yet enabled, and reports it once they are', async () => {
    const enabled = {
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } },
    };
    const notYet = { __type: 'com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException', message: 'Backups are being enabled for the table: ' };
    const proxy = await startScriptedProxy(inject('dynamodbEndpoint'), (operation, n) =>
      operation === 'UpdateContinuousBackups' ? (n < 2 ? { status: 400, body: notYet } : { status: 200, body: enabled }) : undefined,
    );
    const via = createClients({ endpoint: proxy.url, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    try {
      const design = deriveDesign({ ...shop, table: { pitr: true } });
      const created = await createDesignTable({ client: via.client, design, tableName: name('pitr'), pollMs: 50 });
      if (created.status !== 'created') throw new Error(created.status);
      expect(created.settings).toEqual([{ setting: 'pointInTimeRecovery', wanted: 'point-in-time recovery', applied: true }]);
      expect(proxy.answered.get('UpdateContinuousBackups')).toBe(3);
    } finally {
      via.destroy();
      await proxy.close();
    }
  });
});

describe('applyTableSettings', () => {
  it('gives up on point-in-time recovery after its retries and says why, keeping the other outcomes', async () => {
    const notYet = { __type: 'com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException', message: 'Backups are being enabled for the table: ' };
    const proxy = await startScriptedProxy(inject('dynamodbEndpoint'), (operation) =>
      operation === 'UpdateContinuousBackups' ? { status: 400, body: notYet } : undefined,
    );
    const via = createClients({ endpoint: proxy.url, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    try {
      const design = deriveDesign(modelWith({ pitr: true }));
      const tableName = name('pitr-late');
      const created = await createDesignTable({ client, design: deriveDesign(shop), tableName, pollMs: 50 });
      if (created.status !== 'created') throw new Error(created.status);
      const outcomes = await applyTableSettings({
        client: via.client,
        design,
        tableName,
        description: created.description,
        pitrRetries: 2,
        pitrBackoff: { baseMs: 1, capMs: 5 },
      });
      expect(outcomes).toEqual([
        { setting: 'timeToLive', wanted: 'time to live on expiresAt', applied: true },
        {
          setting: 'pointInTimeRecovery',
          wanted: 'point-in-time recovery',
          applied: false,
          reason:
            'DynamoDB still had not enabled backups for the new table after 3 tries (ContinuousBackupsUnavailableException); turn point-in-time recovery on later (UpdateContinuousBackups, or the console)',
        },
      ]);
      expect(proxy.answered.get('UpdateContinuousBackups')).toBe(3);
      expect(describeTableSetting(outcomes[1]!)).toMatch(/^point-in-time recovery NOT applied: DynamoDB still had not enabled backups/);
      expect(describeTableSetting(outcomes[0]!)).toBe('time to live on expiresAt');
    } finally {
      via.destroy();
      await proxy.close();
    }
  });
});

describe('deleteDesignTable and deletion protection', () => {
  it('turns off the deletion protection the table was created with, then deletes it', async () => {
    const tableName = name('protected');
    const created = await createDesignTable({ client, design: everything, tableName, pollMs: 50 });
    if (created.status !== 'created') throw new Error(created.status);
    let disabled = 0;
    expect(
      await deleteDesignTable({ client, table: created.table, confirmTableName: tableName, pollMs: 50, onDeletionProtectionDisabled: () => disabled++ }),
    ).toBe('deleted');
    expect(disabled).toBe(1);
    expect(await tableDescription(client, tableName)).toBeUndefined();
  });

  it('leaves alone a table it created unprotected that someone protected since', async () => {
    const tableName = name('theirs');
    const created = await createDesignTable({ client, design: deriveDesign(shop), tableName, pollMs: 50 });
    if (created.status !== 'created') throw new Error(created.status);
    await client.send(new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: true }));
    await expect(deleteDesignTable({ client, table: created.table, confirmTableName: tableName, pollMs: 50 })).rejects.toMatchObject({
      code: 'table.protected',
      message: `Table ${tableName} has deletion protection, which was turned on after it was created here, so it is left alone. Turn its deletion protection off yourself to delete it from here.`,
    });
    expect((await tableDescription(client, tableName))?.DeletionProtectionEnabled).toBe(true);
    // Once its owner turns protection off, the handle still deletes it.
    await client.send(new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: false }));
    expect(await deleteDesignTable({ client, table: created.table, confirmTableName: tableName, pollMs: 50 })).toBe('deleted');
  });
});
