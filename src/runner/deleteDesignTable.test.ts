import { CreateTableCommand, DescribeTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../engine/index.ts';
import { createDesignTable } from './createDesignTable.ts';
import { deleteDesignTable } from './deleteDesignTable.ts';
import { exampleDesign, uniqueTableName } from './testing/exampleDesign.ts';
import { testClients } from './testing/testClients.ts';

const { client, destroy } = testClients();
const { design } = exampleDesign();
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
  destroy();
});

const exists = async (tableName: string) =>
  client.send(new DescribeTableCommand({ TableName: tableName })).then(
    () => true,
    (e: Error) => (e.name === 'ResourceNotFoundException' ? false : Promise.reject(e)),
  );

describe('deleteDesignTable', () => {
  it('deletes a table it created once the name is typed back, and waits until it is gone', async () => {
    const tableName = uniqueTableName('delete');
    made.push(tableName);
    const created = await createDesignTable({ client, design, tableName, pollMs: 50 });
    if (created.status !== 'created') throw new Error(created.status);
    await expect(deleteDesignTable({ client, table: created.table, confirmTableName: 'wrong' })).rejects.toMatchObject({ code: 'table.confirmationMismatch' });
    expect(await exists(tableName)).toBe(true);
    expect(await deleteDesignTable({ client, table: created.table, confirmTableName: tableName, pollMs: 50 })).toBe('deleted');
    expect(await exists(tableName)).toBe(false);
  });

  it('refuses a table it did not create, even when named correctly', async () => {
    const tableName = uniqueTableName('foreign');
    made.push(tableName);
    await client.send(new CreateTableCommand(tableDefinition(design, tableName)));
    const forged = { tableName, target: '' };
    await expect(deleteDesignTable({ client, table: forged, confirmTableName: tableName })).rejects.toMatchObject({ code: 'table.notCreatedHere' });
    const used = await createDesignTable({ client, design, tableName, confirmExistingTableName: tableName });
    expect(used.status).toBe('existing');
    expect(await exists(tableName)).toBe(true);
  });

  it('leaves alone a table of the same name that someone made after deleting ours', async () => {
    const tableName = uniqueTableName('replaced');
    made.push(tableName);
    const created = await createDesignTable({ client, design, tableName, pollMs: 50 });
    if (created.status !== 'created') throw new Error(created.status);
    expect(created.table.createdAt).toBeInstanceOf(Date);
    // Someone else deletes it and creates a table of the same name, same shape.
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    await new Promise((r) => setTimeout(r, 5));
    const theirs = await client.send(new CreateTableCommand(tableDefinition(design, tableName)));
    await expect(deleteDesignTable({ client, table: created.table, confirmTableName: tableName, pollMs: 50 })).rejects.toMatchObject({
      code: 'table.replaced',
      message: expect.stringMatching(
        new RegExp(
          `^Table ${tableName} at .* is not the table created here: that one was created at .*Z, this one at ${theirs.TableDescription?.CreationDateTime?.toISOString() ?? '?'}\\. Someone deleted it`,
        ),
      ),
    });
    expect(await exists(tableName)).toBe(true);
    // The handle is spent: asking again does not delete it either.
    await expect(deleteDesignTable({ client, table: created.table, confirmTableName: tableName })).rejects.toMatchObject({ code: 'table.notCreatedHere' });
    expect(await exists(tableName)).toBe(true);
  });

  it('says a table it created is already gone instead of failing', async () => {
    const tableName = uniqueTableName('gone');
    const created = await createDesignTable({ client, design, tableName, pollMs: 50 });
    if (created.status !== 'created') throw new Error(created.status);
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    expect(await deleteDesignTable({ client, table: created.table, confirmTableName: tableName, pollMs: 50 })).toBe('alreadyGone');
  });
});
