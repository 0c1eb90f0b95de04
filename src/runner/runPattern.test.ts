import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildRequest, deriveDesign, loadProblem, runRequests, sampleParams, tableDefinition, toItem, type Item } from '../engine/index.ts';
import { RunnerError } from './runnerError.ts';
import { expectedAnswers, runPattern } from './runPattern.ts';
import { exampleDesign, uniqueTableName } from './testing/exampleDesign.ts';
import { loadedTable } from './testing/loadedTable.ts';

const { design, records, items } = exampleDesign();
const { client, doc, tableName, made } = loadedTable('run', design, items);

describe('runPattern', () => {
  it.each(design.patterns.map((p) => p.pattern))('%s: DynamoDB returns the engine’s items in the engine’s order', async (patternName) => {
    for (const pick of [0, 1, 7, 23]) {
      const params = sampleParams(design.model, records, patternName, pick);
      const run = await runPattern({ client: doc, design, tableName, patternName, params, sampleItems: items });
      const expected = runRequests({ design, items, requests: buildRequest(design, patternName, params) });
      // This design has no ties in any index (every sort key ends with the item's key), so order is exact.
      expect(run.items).toEqual(expected);
      expect(run.ok, JSON.stringify(run.requests.map((r) => r.comparison))).toBe(true);
      for (const r of run.requests) {
        expect(r.count).toBe(r.items.length);
        expect(r.pages).toBeGreaterThanOrEqual(1);
        expect(r.consumedCapacity.length).toBe(r.pages);
        expect(r.capacityUnits).toBeGreaterThan(0);
        expect(r.request.input.TableName).toBe(tableName);
      }
    }
  });

  it('returns something for every pattern with the default parameters (the sample data exercises each one)', async () => {
    for (const p of design.patterns) {
      const run = await runPattern({ client: doc, design, tableName, patternName: p.pattern, params: sampleParams(design.model, records, p.pattern) });
      expect(run.ok).toBeUndefined();
      expect(run.items.length, p.pattern).toBeGreaterThan(0);
    }
  });

  it('reports the items the table lacks and the ones it should not hold', async () => {
    const params = sampleParams(design.model, records, 'getUserOrders', 0);
    const before = await runPattern({ client: doc, design, tableName, patternName: 'getUserOrders', params, sampleItems: items });
    const gone = before.items[0];
    expect(gone).toBeDefined();
    if (!gone) return;
    const stranger: Item = { ...gone, SK: `${String(gone['SK'])}-stranger`, orderId: 'stranger' };
    await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: gone['PK'], SK: gone['SK'] } }));
    await doc.send(new PutCommand({ TableName: tableName, Item: stranger }));
    try {
      const after = await runPattern({ client: doc, design, tableName, patternName: 'getUserOrders', params, sampleItems: items });
      expect(after.ok).toBe(false);
      const comparison = after.requests[0]?.comparison;
      expect(comparison?.missing).toEqual([gone]);
      expect(comparison?.unexpected).toEqual([stranger]);
    } finally {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: { PK: stranger['PK'], SK: stranger['SK'] } }));
      await doc.send(new PutCommand({ TableName: tableName, Item: gone }));
    }
  });

  it('follows LastEvaluatedKey over every page of a large answer', async () => {
    const problem = {
      format: 'ddb-design-problem/1',
      name: 'Pages',
      entities: [
        {
          name: 'Blob',
          attributes: [
            { name: 'owner', type: 'string' },
            { name: 'n', type: 'number' },
            { name: 'body', type: 'string' },
          ],
          key: ['owner', 'n'],
        },
      ],
      patterns: [{ name: 'getBlobsOfOwner', entity: 'Blob', equals: ['owner'], order: { attribute: 'n', direction: 'asc' }, returns: 'many' }],
    };
    const model = loadProblem(JSON.stringify(problem)).model;
    expect(model).toBeDefined();
    if (!model) return;
    const big = deriveDesign(model);
    const name = uniqueTableName('pages');
    made.push(name);
    await client.send(new CreateTableCommand(tableDefinition(big, name)));
    // Six items of ~300 KB: more than DynamoDB's 1 MB page.
    const blobs = Array.from({ length: 6 }, (_, n) => toItem(big, 'Blob', { owner: 'ana', n, body: 'x'.repeat(300_000) }));
    for (const Item of blobs) await doc.send(new PutCommand({ TableName: name, Item }));
    const run = await runPattern({ client: doc, design: big, tableName: name, patternName: 'getBlobsOfOwner', params: { owner: 'ana' }, sampleItems: blobs });
    expect(run.requests[0]?.pages).toBeGreaterThan(1);
    expect(run.items.map((i) => i['n'])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(run.ok).toBe(true);
  });

  it('refuses parameters the pattern cannot use, as a typed error', async () => {
    await expect(runPattern({ client: doc, design, tableName, patternName: 'getUserByEmail', params: {} })).rejects.toMatchObject({ code: 'run.badParams' });
    await expect(runPattern({ client: doc, design, tableName, patternName: 'nope', params: {} })).rejects.toBeInstanceOf(RunnerError);
  });

  it('sends nothing for a pattern whose answer is always empty, and matches the engine (a between on an equality attribute)', async () => {
    const problem = loadProblem(
      JSON.stringify({
        format: 'ddb-design-problem/1',
        name: 'Sensors',
        entities: [
          {
            name: 'Reading',
            attributes: [
              { name: 'sensor', type: 'string' },
              { name: 'seq', type: 'number' },
              { name: 'day', type: 'date' },
            ],
            key: ['sensor', 'seq'],
          },
        ],
        patterns: [{ name: 'byDay', entity: 'Reading', equals: ['sensor', 'day'], range: { attribute: 'day', op: 'between' }, returns: 'many' }],
      }),
    );
    const sensors = deriveDesign(problem.model!);
    const reading = { sensor: 's1', seq: 1, day: '2024-01-02' };
    const sample = [toItem(sensors, 'Reading', reading)];
    const params = { sensor: 's1', day: ['2024-01-01', '2024-01-31'] as [string, string] };
    const noClient = { send: () => Promise.reject(new Error('an always-empty pattern sent a request')) } as unknown as typeof doc;
    const expected = expectedAnswers({ design: sensors, tableName: 'T', patternName: 'byDay', params, sampleItems: sample });
    expect(expected).toEqual([]);
    for (const run of [
      await runPattern({ client: noClient, design: sensors, tableName: 'T', patternName: 'byDay', params, sampleItems: sample }),
      await runPattern({ client: noClient, design: sensors, tableName: 'T', patternName: 'byDay', params, expected }),
    ]) {
      expect(run).toEqual({ pattern: 'byDay', requests: [], items: [], ok: true });
    }
    expect((await runPattern({ client: noClient, design: sensors, tableName: 'T', patternName: 'byDay', params })).ok).toBeUndefined();
  });
});
