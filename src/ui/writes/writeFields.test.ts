import { describe, expect, it } from 'vitest';
import type { Entity } from '../../engine/index.ts';
import { exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { buildWriteCall, draftFrom, operationsOf, writeFormFields } from './writeFields.ts';

const ecommerce = exampleModel('ecommerce');
const entity = (name: string): Entity => ecommerce.entities.find((e) => e.name === name) as Entity;
const accounts = modelFromText(
  ['model "Accounts"', 'entity Account key id version v', '  id: string', '  handle: string', '  note?: string', '  v: number', 'byId: Account by id', ''].join(
    '\n',
  ),
);
const account = accounts.entities[0] as Entity;
const order = { orderId: 'o1', userEmail: 'a@b.c', status: 'pending', createdAt: '2024-01-01T00:00:00.000Z', total: 12 };

describe('writeFormFields', () => {
  it('offers add only to entities with a number attribute outside the key and the version', () => {
    expect(operationsOf(entity('Order'))).toEqual(['create', 'update', 'remove', 'add']);
    expect(operationsOf(entity('User'))).toEqual(['create', 'update', 'remove']);
    expect(operationsOf(account)).toEqual(['create', 'update', 'remove']);
  });

  it('takes the key, the attributes to change and the expected version for an update', () => {
    const fields = writeFormFields(account, 'update');
    expect(fields.key.map((f) => f.id)).toEqual(['key.id']);
    expect(fields.set.map((f) => [f.id, f.optional])).toEqual([
      ['set.handle', false],
      ['set.note', true],
    ]);
    expect(fields.version).toMatchObject({ id: 'version', name: 'v', optional: false });
    expect(writeFormFields(account, 'create').record.map((f) => f.name)).toEqual(['id', 'handle', 'note', 'v']);
    expect(writeFormFields(account, 'remove').version?.optional).toBe(true);
  });
});

describe('buildWriteCall', () => {
  it('makes an update of the attributes set, null for one removed, with the version it expects', () => {
    const draft = { ...draftFrom(account, 'update', { id: 'a1', handle: 'x', v: 3 }), modes: { 'set.handle': 'set' as const, 'set.note': 'remove' as const } };
    draft.texts['set.handle'] = 'y';
    expect(buildWriteCall(account, draft)).toEqual({
      ok: true,
      call: { operation: 'update', entity: 'Account', key: { id: 'a1' }, changes: { handle: 'y', note: null, v: 3 } },
    });
  });

  it('reports a number field holding text and a missing key attribute at their fields', () => {
    const draft = draftFrom(entity('Order'), 'add', { ...order, orderId: '' });
    draft.texts['add.total'] = 'ten';
    expect(buildWriteCall(entity('Order'), draft)).toEqual({ ok: false, errors: { 'key.orderId': 'Enter orderId.', 'add.total': 'Enter a number.' } });
  });

  it('leaves an empty optional attribute out of a create and refuses a value outside an enumeration', () => {
    const draft = draftFrom(entity('Order'), 'create', order);
    expect(buildWriteCall(entity('Order'), draft)).toEqual({ ok: true, call: { operation: 'create', entity: 'Order', record: order } });
    const created = draftFrom(account, 'create', { id: 'a2', handle: 'h', v: 1 });
    expect(buildWriteCall(account, created)).toEqual({ ok: true, call: { operation: 'create', entity: 'Account', record: { id: 'a2', handle: 'h', v: 1 } } });
    draft.texts['record.status'] = 'lost';
    expect(buildWriteCall(entity('Order'), draft)).toMatchObject({
      ok: false,
      errors: { 'record.status': 'Choose one of pending, paid, shipped, delivered.' },
    });
  });

  it('asks for a change when an update sets nothing, and states conditions as the runtime takes them', () => {
    const draft = draftFrom(entity('Order'), 'update', order);
    expect(buildWriteCall(entity('Order'), draft)).toEqual({ ok: false, errors: { changes: 'Choose at least one attribute to set or remove.' } });
    const conditioned = {
      ...draftFrom(entity('Order'), 'remove', order),
      conditions: [
        { attribute: 'total', test: 'ge' as const, text: '10' },
        { attribute: 'total', test: 'lt' as const, text: '20' },
        { attribute: 'status', test: 'notExists' as const, text: '' },
      ],
    };
    expect(buildWriteCall(entity('Order'), conditioned)).toEqual({
      ok: true,
      call: { operation: 'remove', entity: 'Order', key: { orderId: 'o1' }, if: { total: { ge: 10, lt: 20 }, status: { exists: false } } },
    });
    conditioned.conditions[0] = { attribute: 'total', test: 'ge', text: 'x' };
    expect(buildWriteCall(entity('Order'), conditioned)).toEqual({ ok: false, errors: { 'condition.0': 'Enter a number.' } });
  });
});
