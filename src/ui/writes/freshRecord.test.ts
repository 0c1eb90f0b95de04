import { describe, expect, it } from 'vitest';
import { generateSampleRecords, type RecordValue } from '../../engine/index.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { freshRecord } from './freshRecord.ts';

const model = exampleModel('ecommerce');
const samples = generateSampleRecords(model, { seed: 'tablewright' });
const records = (entity: string): readonly RecordValue[] => samples.get(entity) ?? [];

describe('freshRecord', () => {
  it('draws a record with a key no sample record has, pointing at an existing parent', () => {
    const order = freshRecord({ model, entity: 'Order', records, draw: 0 });
    expect(order).toBeDefined();
    expect(records('Order').some((r) => r.orderId === order?.orderId)).toBe(false);
    expect(records('User').some((u) => u.email === order?.userEmail)).toBe(true);
  });

  it('gives the same record for the same draw and another for the next', () => {
    const a = freshRecord({ model, entity: 'Review', records, draw: 1 });
    expect(freshRecord({ model, entity: 'Review', records, draw: 1 })).toEqual(a);
    expect(freshRecord({ model, entity: 'Review', records, draw: 2 })).not.toEqual(a);
    expect(records('Product').some((p) => p.productId === a?.productId)).toBe(true);
  });
});
