// runPattern on a design with native (multi-attribute) GSI keys, against the
// DynamoDB Local the test set-up starts: the table the design defines, the
// items it writes, every request of every pattern compared with the engine's
// in-memory answer, and paging on a native GSI (LastEvaluatedKey holds its
// typed key attributes).
import { describe, expect, it } from 'vitest';
import { buildRequest, runRequests, sampleParams, toItem, type Item } from '../engine/index.ts';
import { nativeDesign } from '../testing/nativeDesign.ts';
import { createDesignTable } from './createDesignTable.ts';
import { loadItems } from './loadItems.ts';
import { runPattern } from './runPattern.ts';
import { uniqueTableName } from './testing/exampleDesign.ts';
import { loadedTable } from './testing/loadedTable.ts';

const { design, records, items } = nativeDesign();
const { client, doc, tableName, made } = loadedTable('native-run', design, items);

describe('runPattern with native GSI keys', () => {
  it('finds the table it made compatible with the design (N key attributes included)', async () => {
    const again = await createDesignTable({ client, design, tableName, pollMs: 50 });
    expect(again).toMatchObject({ status: 'refused', reason: 'notConfirmed', difference: { compatible: true, entries: [] } });
  });

  it.each(design.patterns.map((p) => p.pattern))('%s: DynamoDB returns the engine’s items in the engine’s order', async (patternName) => {
    for (const pick of [0, 1, 7, 11]) {
      const params = sampleParams(design.model, records, patternName, pick);
      const run = await runPattern({ client: doc, design, tableName, patternName, params, sampleItems: items });
      expect(run.ok, JSON.stringify(run.requests.map((r) => r.comparison))).toBe(true);
      expect(run.items.length).toBe(runRequests({ design, items, requests: buildRequest(design, patternName, params) }).length);
      expect(run.items.length, `${patternName} ${JSON.stringify(params)}`).toBeGreaterThan(0);
    }
  });

  it('reads a native GSI sorted by its N attribute numerically, descending', async () => {
    const run = await runPattern({ client: doc, design, tableName, patternName: 'ordersByStatus', params: { status: 'shipped' }, sampleItems: items });
    const totals = run.items.map((i) => i['total'] as number);
    expect(totals.length).toBeGreaterThan(1);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(run.requests[0]?.request.input).toMatchObject({ IndexName: 'GSI2', ScanIndexForward: false });
  });

  it('follows LastEvaluatedKey over every page of a native GSI, ties included', async () => {
    const name = uniqueTableName('native-pages');
    made.push(name);
    expect((await createDesignTable({ client, design, tableName: name, pollMs: 50 })).status).toBe('created');
    // Seven orders of ~300 KB (an attribute outside the model) in one partition: more than DynamoDB's
    // 1 MB page. Two share a total (a tie).
    const totals = [5, 50, 500, 1000, 50, 9, 10];
    const big: Item[] = totals.map((total, n) => ({
      ...toItem(design, 'Order', { orderId: `o${n}`, customerId: 'c', status: 'open', total, coupon: 'c1' }),
      blob: 'x'.repeat(300_000),
    }));
    expect((await loadItems({ client: doc, tableName: name, items: big })).status).toBe('done');
    for (const patternName of ['ordersByStatus', 'couponOrders']) {
      const params = patternName === 'ordersByStatus' ? { status: 'open' } : { coupon: 'c1' };
      const run = await runPattern({ client: doc, design, tableName: name, patternName, params, sampleItems: big });
      expect(run.requests[0]?.pages, patternName).toBeGreaterThan(1);
      expect(run.items.map((i) => i['total'])).toEqual([1000, 500, 50, 50, 10, 9, 5]);
      expect(run.ok).toBe(true);
      expect(run.requests[0]?.comparison?.ties).toBe(2);
    }
  });
});
