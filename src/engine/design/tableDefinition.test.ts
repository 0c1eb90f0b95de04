// The CreateTable input of a layout with native GSIs: each native GSI's key schema is its partition-key
// attributes (HASH), then its sort-key attributes (RANGE), in key order; every key attribute is defined once,
// with its type. The same input again from the design.json read back.
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { deriveDesign } from './deriveDesign.ts';
import { designJson, designLayout } from './designJson.ts';
import { parseDesignJson } from './parseDesignJson.ts';
import { planDesign } from './planDesign.ts';
import { tableDefinition } from './tableDefinition.ts';
import type { DesignLayout } from './types.ts';

const model = exampleModel('ecommerce');
const composite = designLayout(deriveDesign(model));
/** ecommerce's layout plus GSI3 (Order by `_type + status / total + orderId`) and ByProduct (`_type + productId`, no sort key). */
const layout: DesignLayout = {
  ...composite,
  indexes: [
    ...composite.indexes,
    { name: 'GSI3', kind: 'gsi', keys: 'native', pk: [{ name: '_type', type: 'S' }, { name: 'status', type: 'S' }], sk: [{ name: 'total', type: 'N' }, { name: 'orderId', type: 'S' }], projection: 'ALL' },
    { name: 'ByProduct', kind: 'gsi', keys: 'native', pk: [{ name: '_type', type: 'S' }, { name: 'productId', type: 'S' }], sk: [], projection: 'ALL' },
  ],
  entities: composite.entities.map((e) => {
    if (e.entity === 'Order') {
      return { ...e, keys: { ...e.keys, GSI3: { pk: [{ kind: 'literal', text: 'Order' }, { kind: 'attribute', name: 'status' }], sk: [{ kind: 'attribute', name: 'total' }, { kind: 'attribute', name: 'orderId' }] } } };
    }
    if (e.entity === 'Product') return { ...e, keys: { ...e.keys, ByProduct: { pk: [{ kind: 'literal', text: 'Product' }, { kind: 'attribute', name: 'productId' }], sk: [] } } };
    return e;
  }),
};
const design = planDesign(model, layout);

describe('tableDefinition with native GSIs', () => {
  it('lists HASH attributes, then RANGE attributes, in key order', () => {
    const def = tableDefinition(design);
    expect(def.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(def.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['GSI1', 'GSI2', 'GSI3', 'ByProduct']);
    expect(def.GlobalSecondaryIndexes?.[2]).toEqual({
      IndexName: 'GSI3',
      KeySchema: [
        { AttributeName: '_type', KeyType: 'HASH' },
        { AttributeName: 'status', KeyType: 'HASH' },
        { AttributeName: 'total', KeyType: 'RANGE' },
        { AttributeName: 'orderId', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    expect(def.GlobalSecondaryIndexes?.[3]?.KeySchema).toEqual([
      { AttributeName: '_type', KeyType: 'HASH' },
      { AttributeName: 'productId', KeyType: 'HASH' },
    ]);
  });

  it('defines every key attribute once, with its type: composite ones S, native ones their own', () => {
    expect(tableDefinition(design).AttributeDefinitions).toEqual([
      { AttributeName: 'PK', AttributeType: 'S' },
      { AttributeName: 'SK', AttributeType: 'S' },
      { AttributeName: 'GSI1PK', AttributeType: 'S' },
      { AttributeName: 'GSI1SK', AttributeType: 'S' },
      { AttributeName: 'GSI2PK', AttributeType: 'S' },
      { AttributeName: 'GSI2SK', AttributeType: 'S' },
      { AttributeName: '_type', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'total', AttributeType: 'N' },
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'productId', AttributeType: 'S' },
    ]);
  });

  it('is the same from the design.json read back, and is what design.json states', () => {
    const text = designJson(design);
    const loaded = parseDesignJson(text).design;
    if (!loaded) throw new Error('the design.json did not read back');
    expect(tableDefinition(planDesign(model, loaded))).toEqual(tableDefinition(design));
    expect((JSON.parse(text) as { tableDefinition: unknown }).tableDefinition).toEqual(tableDefinition(design));
  });
});
