import { describe, expect, it } from 'vitest';
import type { IndexKeySchema, KeyTemplate } from '../../engine/index.ts';
import { nativeDesign } from '../../testing/nativeDesign.ts';
import { chartKeyCells, chartKeyHeaders } from './chartKeys.ts';

const table: IndexKeySchema = { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK' };
const { design } = nativeDesign();
const index = (name: string): IndexKeySchema => {
  const found = design.indexes.find((i) => i.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const orderKeys = (name: string): KeyTemplate => {
  const template = design.entities.find((e) => e.entity === 'Order')?.keys[name];
  if (!template) throw new Error(`Order has no template in ${name}`);
  return template;
};

describe('chartKeyHeaders', () => {
  it("names a composite index's two key attributes", () => {
    expect(chartKeyHeaders(table)).toEqual({ pk: 'PK', sk: 'SK' });
    expect(chartKeyHeaders(index('GSI1'))).toEqual({ pk: 'GSI1PK', sk: 'GSI1SK' });
  });

  it("names a native index's key attributes in key order, the entity attribute first", () => {
    expect(chartKeyHeaders(index('GSI2'))).toEqual({ pk: '_type + status', sk: 'total' });
    expect(chartKeyHeaders({ name: 'G', kind: 'gsi', keys: 'native', pk: [{ name: '_type', type: 'S' }], sk: [] })).toEqual({ pk: '_type', sk: 'no sort key' });
  });
});

describe('chartKeyCells', () => {
  it('writes composite literals as they are and attributes in braces, joined by #', () => {
    const template: KeyTemplate = {
      pk: [
        { kind: 'literal', text: 'USER' },
        { kind: 'attribute', name: 'email' },
      ],
      sk: [
        { kind: 'literal', text: 'ORDER' },
        { kind: 'attribute', name: 'createdAt' },
        { kind: 'attribute', name: 'orderId' },
      ],
    };
    expect(chartKeyCells(template, table)).toEqual({ pk: 'USER#{email}', sk: 'ORDER#{createdAt}#{orderId}' });
    expect(chartKeyCells({ pk: [], sk: [] }, table)).toEqual({ pk: '', sk: '' });
    expect(chartKeyCells(orderKeys('table'), index('table'))).toEqual({ pk: 'ORDER#{orderId}', sk: 'ORDER' });
  });

  it("writes a native template as one value per key attribute: the entity's name quoted, attributes in braces", () => {
    expect(chartKeyCells(orderKeys('GSI2'), index('GSI2'))).toEqual({ pk: '"Order" + {status}', sk: '{total}' });
    expect(chartKeyCells(orderKeys('GSI3'), index('GSI3'))).toEqual({ pk: '"Order" + {coupon}', sk: '{total}' });
  });
});
