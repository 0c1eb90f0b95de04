// Native (multi-attribute) GSI keys: which chains can have them, the schema
// they get, which entities share one, and the requests on them evaluated with
// DynamoDB's typed order.
import { describe, expect, it } from 'vitest';
import { exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designLayout } from '../design/designJson.ts';
import { toItem } from '../design/items.ts';
import type { Design, NativeKeySchema } from '../design/types.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { runRequests } from '../queries/runRequests.ts';
import { evaluateRequest } from '../queries/evaluateRequest.ts';

const SHOP = `model "Shop"
entity Order key orderId
  orderId: string
  status: "open" | "paid"
  total: number
  placedAt: datetime
  rush: boolean
  note?: string
entity Invoice key invoiceId
  invoiceId: string
  status: "open" | "paid"
  total: number
getOrder: Order by orderId returns one
getInvoice: Invoice by invoiceId returns one
byStatus: Order by status order by total desc
byStatusTotal: Order by status where total between ? and ?
invoicesByStatus: Invoice by status order by total asc
byRush: Order by rush
byNote: Order by note
`;

const natives = (d: Design) => d.indexes.filter((i): i is Extract<typeof i, NativeKeySchema> => i.keys === 'native');
const indexOf = (d: Design, pattern: string) => d.patterns.find((p) => p.pattern === pattern)?.steps[0]?.index;

describe('native GSI keys', () => {
  const design = deriveDesign(modelFromText(SHOP), { keys: 'native' });

  it('keys a GSI on the entity attribute and the items’ own attributes, typed, and shares it where names and types agree', () => {
    const byStatus = natives(design).find((i) => i.name === indexOf(design, 'byStatus'));
    expect(byStatus).toMatchObject({
      pk: [
        { name: '_type', type: 'S' },
        { name: 'status', type: 'S' },
      ],
      sk: [{ name: 'total', type: 'N' }],
    });
    // Invoice has status and total of the same types: it shares the GSI, in partitions of its own.
    expect(indexOf(design, 'invoicesByStatus')).toBe(byStatus?.name);
    expect(design.entities.find((e) => e.entity === 'Invoice')?.keys[byStatus?.name ?? '']).toEqual({
      pk: [
        { kind: 'literal', text: 'Invoice' },
        { kind: 'attribute', name: 'status' },
      ],
      sk: [{ kind: 'attribute', name: 'total' }],
    });
    expect(design.patterns.find((p) => p.pattern === 'byStatusTotal')?.steps[0]?.keyConditionText).toBe(
      '_type = "Order" AND status = {status} AND total BETWEEN {total[0]} AND {total[1]}',
    );
  });

  it('keeps a composite key where native keys cannot be, and says why: a boolean', () => {
    expect(design.indexes.find((i) => i.name === indexOf(design, 'byRush'))?.keys).toBeUndefined();
    expect(design.diagnostics.find((d) => d.code === 'keys.compositeKey')).toMatchObject({
      severity: 'warning',
      subject: { pattern: 'byRush', entity: 'Order' },
      message: expect.stringContaining('"rush" is a boolean, and a key attribute is a string or a number') as string,
    });
  });

  it('keeps a composite key when entities hold an attribute name with two types (a write of the other type would be refused)', () => {
    const d = deriveDesign(modelFromText(`${SHOP}entity Ticket key id\n  id: string\n  total: string\n`), { keys: 'native' });
    expect(d.indexes.find((i) => i.name === indexOf(d, 'byStatus'))?.keys).toBeUndefined();
    expect(
      d.diagnostics
        .filter((x) => x.code === 'keys.compositeKey')
        .map((x) => x.message)
        .join('\n'),
    ).toContain('entities hold "total" with different types');
  });

  it('evaluates with typed order (9 before 10), leaves out items lacking a key attribute (sparse), and sends no BETWEEN whose low is above its high', () => {
    const orders = [9, 10, 100, 2].map((total, i) => ({
      orderId: `o${i}`,
      status: 'open',
      total,
      placedAt: '2026-01-01T00:00:00.000Z',
      rush: false,
      ...(i % 2 ? { note: 'n' } : {}),
    }));
    const items = orders.map((r) => toItem(design, 'Order', r));
    const totals = (name: string, params: Record<string, unknown>) =>
      runRequests({ design, items, requests: buildRequest(design, name, params as never) }).map((i) => i['total']);
    expect(totals('byStatus', { status: 'open' })).toEqual([100, 10, 9, 2]);
    expect(totals('byStatusTotal', { status: 'open', total: [9, 10] })).toEqual([9, 10]);
    expect(buildRequest(design, 'byStatusTotal', { status: 'open', total: [10, 9] })).toEqual([]);
    expect(runRequests({ design, items, requests: buildRequest(design, 'byNote', { note: 'n' }) }).map((i) => i['orderId'])).toEqual(['o1', 'o3']);
    // A native request pages by the typed key: Limit 1 walks the partition in order.
    const [request] = buildRequest(design, 'byStatus', { status: 'open' });
    if (request?.operation !== 'Query') throw new Error('a Query');
    const seen: unknown[] = [];
    let start: Record<string, string | number> | undefined;
    for (let i = 0; i < 6; i++) {
      const page = evaluateRequest({
        design,
        items,
        request: { ...request, input: { ...request.input, Limit: 1 } },
        ...(start ? { exclusiveStartKey: start } : {}),
      });
      seen.push(...page.items.map((x) => x['total']));
      start = page.lastEvaluatedKey;
      if (!start) break;
    }
    expect(seen).toEqual([100, 10, 9, 2]);
  });

  it('writes no synthetic key attribute for a native GSI, and keeps native GSIs of a previous design as they are', () => {
    const item = toItem(design, 'Order', { orderId: 'o', status: 'paid', total: 3, placedAt: '2026-01-01T00:00:00.000Z', rush: true });
    const nativeNames = natives(design).map((i) => i.name);
    expect(Object.keys(item).filter((k) => nativeNames.some((n) => k.startsWith(n)))).toEqual([]);
    const again = deriveDesign(design.model, { keys: 'native', previous: designLayout(design) });
    expect(again.changes).toEqual([]);
    expect(again.indexes).toEqual(design.indexes);
  });

  it('keeps a composite key where a pattern filters on an attribute the key would hold (DynamoDB filters only non-key attributes)', () => {
    const d = deriveDesign(
      modelFromText(
        `model "F"\nentity Order key id\n  id: string\n  status: string\n  total: number\n  placed: datetime\ngetOrder: Order by id returns one\nbyStatusTotal: Order by status where placed < ? order by total desc\nbyStatusAndTotal: Order by status, total order by placed asc\n`,
      ),
      { keys: 'native' },
    );
    for (const plan of d.patterns) {
      for (const step of plan.steps) {
        const index = d.indexes.find((i) => i.name === step.index);
        if (index?.keys === 'native' && step.filter)
          expect(
            [...index.pk, ...index.sk].map((a) => a.name),
            plan.pattern,
          ).not.toContain(step.filter.attribute);
      }
    }
    expect(
      d.diagnostics
        .filter((x) => x.code === 'keys.compositeKey')
        .map((x) => x.message)
        .join('\n'),
    ).toContain('byStatusTotal filters on "placed", and DynamoDB filters only attributes outside an index\'s key');
  });

  it('keeps a chain composite beside one that must be (an item collection) rather than spend a GSI of its own on it', () => {
    const d = deriveDesign(exampleModel('aws-labs-invoices-bills'), { keys: 'native' });
    expect(d.indexes.length - 1).toBe(deriveDesign(exampleModel('aws-labs-invoices-bills')).indexes.length - 1);
    expect(
      d.diagnostics
        .filter((x) => x.code === 'keys.compositeKey')
        .map((x) => x.message)
        .join('\n'),
    ).toContain('it shares that GSI with keys that must be composite, which saves a GSI of its own');
  });
});
