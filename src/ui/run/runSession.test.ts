// The Run panel's session against the test run's DynamoDB Local (Node's transport;
// the browser's is covered by e2e/run.spec.ts): an invalid table name sends
// nothing, and a table replaced behind the panel's back is not deleted.
import { describe, expect, it } from 'vitest';
import { tableNameProblem } from '../../engine/index.ts';
import { exampleDesign } from '../../runner/testing/exampleDesign.ts';
import { startRecordingServer } from '../../runner/testing/hostileServers.ts';
import { replaceTable, tableDescription } from '../../runner/testing/tableContents.ts';
import { runSessionTest } from './testing/runSessionTest.ts';
import { createTable, deleteTable, runSession, setTableName, tableNameInputProblem, updateSettings } from './runSession.ts';

const { endpoint, clients, made } = runSessionTest();
const { client } = clients;
const { design } = exampleDesign();

describe('run session: table name', () => {
  it('refuses a name DynamoDB would refuse with the engine’s words, and sends nothing', async () => {
    expect(tableNameInputProblem('')).toBeUndefined();
    expect(tableNameInputProblem('  Shop_1.v2  ')).toBeUndefined();
    for (const bad of ['my table', 'ab', 'x'.repeat(256), 'a/b']) expect(tableNameInputProblem(bad)).toBe(tableNameProblem(bad));

    const server = await startRecordingServer();
    try {
      updateSettings({ profile: 'custom', customUrl: server.url });
      setTableName('my table');
      await createTable(design);
      expect(runSession.getState().table).toEqual({ status: 'none' });
      expect(server.count).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('run session: delete', () => {
  it('does not delete a table of the same name made after its own was deleted, and says so', async () => {
    const name = `panel-replaced-${Date.now()}`;
    made(name);
    setTableName(name);
    await createTable(design);
    const table = runSession.getState().table;
    expect(table).toMatchObject({ status: 'ready', tableName: name });
    if (table.status !== 'ready' || !table.created) throw new Error('not created');

    const theirs = await replaceTable(client, design, name);
    await deleteTable(name);
    const after = runSession.getState().table;
    expect(after).toMatchObject({
      status: 'failed',
      tableName: name,
      error: { kind: 'runner', message: expect.stringContaining(`Table ${name} at ${endpoint} is not the table created here`) },
    });
    expect((await tableDescription(client, name))?.CreationDateTime?.getTime()).toBe(theirs?.getTime());
  });
});
