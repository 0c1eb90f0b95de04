import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../engine/index.ts';
import { createDesignTable } from './createDesignTable.ts';
import { exampleDesign, uniqueTableName } from './testing/exampleDesign.ts';
import { createForeignTable } from './testing/tableContents.ts';
import { testClients } from './testing/testClients.ts';

const { client, doc, destroy } = testClients();
const { design } = exampleDesign();
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
  destroy();
});

describe('createDesignTable', () => {
  it('creates the table with the design key schema and every GSI, all ACTIVE', async () => {
    const tableName = uniqueTableName('create');
    made.push(tableName);
    const result = await createDesignTable({ client, design, tableName, pollMs: 50 });
    expect(result.status).toBe('created');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const gsis = (Table?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g.IndexStatus, g.Projection?.ProjectionType]).sort();
    expect(gsis).toEqual(design.indexes.slice(1).map((i) => [i.name, 'ACTIVE', 'ALL']));
  });

  it('leaves an existing table of another shape alone and returns how it differs', async () => {
    const tableName = uniqueTableName('other');
    made.push(tableName);
    await createForeignTable(client, tableName);
    await doc.send(new PutCommand({ TableName: tableName, Item: { id: 'keep-me', note: 'someone else’s data' } }));

    // Even a confirmation does not make an incompatible table usable.
    const result = await createDesignTable({ client, design, tableName, confirmExistingTableName: tableName });
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.reason).toBe('incompatible');
    expect(result.difference.compatible).toBe(false);
    expect(result.difference.entries).toEqual(
      expect.arrayContaining([
        { kind: 'tableKey', expected: 'PK (HASH), SK (RANGE)', actual: 'id (HASH)' },
        { kind: 'missingIndex', index: 'GSI1', expected: 'GSI1PK (HASH), GSI1SK (RANGE)' },
        { kind: 'missingIndex', index: 'GSI2', expected: 'GSI2PK (HASH), GSI2SK (RANGE)' },
      ]),
    );
    const scan = await client.send(new ScanCommand({ TableName: tableName }));
    expect(scan.Items).toEqual([{ id: { S: 'keep-me' }, note: { S: 'someone else’s data' } }]);
  });

  it('uses an existing table of the same shape only when its name is typed back', async () => {
    const tableName = uniqueTableName('same');
    made.push(tableName);
    await client.send(new CreateTableCommand(tableDefinition(design, tableName)));
    await doc.send(new PutCommand({ TableName: tableName, Item: { PK: 'X', SK: 'Y' } }));

    const unconfirmed = await createDesignTable({ client, design, tableName });
    expect(unconfirmed).toMatchObject({ status: 'refused', reason: 'notConfirmed', difference: { compatible: true, entries: [] } });
    const mistyped = await createDesignTable({ client, design, tableName, confirmExistingTableName: tableName.toUpperCase() });
    expect(mistyped.status).toBe('refused');

    const confirmed = await createDesignTable({ client, design, tableName, confirmExistingTableName: tableName });
    expect(confirmed.status).toBe('existing');
    const scan = await client.send(new ScanCommand({ TableName: tableName }));
    expect(scan.Count).toBe(1);
  });

  it('reports an index with the wrong key and an index the design does not have', async () => {
    const tableName = uniqueTableName('gsi');
    made.push(tableName);
    const def = tableDefinition(design, tableName);
    const gsis = def.GlobalSecondaryIndexes ?? [];
    await client.send(
      new CreateTableCommand({
        ...def,
        AttributeDefinitions: [...def.AttributeDefinitions, { AttributeName: 'other', AttributeType: 'S' }],
        GlobalSecondaryIndexes: [
          {
            ...gsis[0]!,
            KeySchema: [
              { AttributeName: 'GSI1SK', KeyType: 'HASH' },
              { AttributeName: 'GSI1PK', KeyType: 'RANGE' },
            ],
          },
          ...gsis.slice(1),
          { IndexName: 'Extra', KeySchema: [{ AttributeName: 'other', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
        ],
      }),
    );
    const result = await createDesignTable({ client, design, tableName });
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.difference.entries).toEqual([
      { kind: 'indexKey', index: 'GSI1', expected: 'GSI1PK (HASH), GSI1SK (RANGE)', actual: 'GSI1SK (HASH), GSI1PK (RANGE)' },
      { kind: 'extraIndex', index: 'Extra', actual: 'other (HASH)' },
    ]);
  });
});
