// The CreateTable input of a layout with native GSIs: each native GSI's key schema is its partition-key
// attributes (HASH), then its sort-key attributes (RANGE), in key order; every key attribute is defined once,
// with its type. The same input again from the design.json read back. The table settings of model.table
// (billing and throughput, stream, table class, deletion protection), and nothing new without them.
import { describe, expect, it } from 'vitest';
import { allModels, exampleModel } from '../../testing/exampleModels.ts';
import type { Model } from '../model/types.ts';
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
    {
      name: 'GSI3',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: '_type', type: 'S' },
        { name: 'status', type: 'S' },
      ],
      sk: [
        { name: 'total', type: 'N' },
        { name: 'orderId', type: 'S' },
      ],
      projection: 'ALL',
    },
    {
      name: 'ByProduct',
      kind: 'gsi',
      keys: 'native',
      pk: [
        { name: '_type', type: 'S' },
        { name: 'productId', type: 'S' },
      ],
      sk: [],
      projection: 'ALL',
    },
  ],
  entities: composite.entities.map((e) => {
    if (e.entity === 'Order') {
      return {
        ...e,
        keys: {
          ...e.keys,
          GSI3: {
            pk: [
              { kind: 'literal', text: 'Order' },
              { kind: 'attribute', name: 'status' },
            ],
            sk: [
              { kind: 'attribute', name: 'total' },
              { kind: 'attribute', name: 'orderId' },
            ],
          },
        },
      };
    }
    if (e.entity === 'Product')
      return {
        ...e,
        keys: {
          ...e.keys,
          ByProduct: {
            pk: [
              { kind: 'literal', text: 'Product' },
              { kind: 'attribute', name: 'productId' },
            ],
            sk: [],
          },
        },
      };
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

describe('tableDefinition with table settings (model.table)', () => {
  const base = deriveDesign(model);
  const withTable = (table: NonNullable<Model['table']>) => tableDefinition({ ...base, model: { ...model, table } });

  it('is the input it always was for every model without table: the same keys in the same order', () => {
    for (const { slug, model: m } of allModels()) {
      if (m.table !== undefined) continue;
      for (const keys of ['composite', 'native'] as const) {
        const def = tableDefinition(deriveDesign(m, { keys }));
        expect(Object.keys(def), slug).toEqual([
          'TableName',
          'BillingMode',
          'AttributeDefinitions',
          'KeySchema',
          ...(def.GlobalSecondaryIndexes ? ['GlobalSecondaryIndexes'] : []),
        ]);
        expect(def.BillingMode, slug).toBe('PAY_PER_REQUEST');
        for (const gsi of def.GlobalSecondaryIndexes ?? []) expect(Object.keys(gsi), slug).toEqual(['IndexName', 'KeySchema', 'Projection']);
      }
    }
  });

  it('is on demand when billing says so, with no throughput anywhere', () => {
    const def = withTable({ billing: 'on-demand' });
    expect(def.BillingMode).toBe('PAY_PER_REQUEST');
    expect(def.ProvisionedThroughput).toBeUndefined();
    expect(def.GlobalSecondaryIndexes?.every((g) => g.ProvisionedThroughput === undefined)).toBe(true);
    expect(JSON.stringify(def)).toBe(JSON.stringify(tableDefinition(base)));
  });

  it('provisions the table and every GSI with the read and write units', () => {
    const def = withTable({ billing: 'provisioned', read: 100, write: 50 });
    expect(def.BillingMode).toBe('PROVISIONED');
    expect(def.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 100, WriteCapacityUnits: 50 });
    expect(def.GlobalSecondaryIndexes?.length).toBeGreaterThan(0);
    for (const gsi of def.GlobalSecondaryIndexes ?? []) expect(gsi.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 100, WriteCapacityUnits: 50 });
    // Each index its own object: a caller changing one GSI's throughput changes no other.
    expect(def.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput).not.toBe(def.ProvisionedThroughput);
    expect(Object.keys(def).slice(0, 3)).toEqual(['TableName', 'BillingMode', 'ProvisionedThroughput']);
  });

  it('gives a provisioned table 1 unit for a unit the model leaves unstated', () => {
    expect(withTable({ billing: 'provisioned', read: 20 }).ProvisionedThroughput).toEqual({ ReadCapacityUnits: 20, WriteCapacityUnits: 1 });
    expect(withTable({ billing: 'provisioned' }).GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 1, WriteCapacityUnits: 1 });
  });

  it('ignores read and write on an on-demand table (DynamoDB refuses throughput with PAY_PER_REQUEST)', () => {
    const def = withTable({ read: 5, write: 5 });
    expect(def.BillingMode).toBe('PAY_PER_REQUEST');
    expect(def.ProvisionedThroughput).toBeUndefined();
  });

  it('carries the stream, the table class and deletion protection', () => {
    const def = withTable({ stream: 'NEW_AND_OLD_IMAGES', tableClass: 'STANDARD_INFREQUENT_ACCESS', deletionProtection: true, pitr: true });
    expect(def.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(def.TableClass).toBe('STANDARD_INFREQUENT_ACCESS');
    expect(def.DeletionProtectionEnabled).toBe(true);
    // Point-in-time recovery is not a CreateTable field (tableSettings describes it).
    expect(JSON.stringify(def)).not.toMatch(/PointInTime|pitr/i);
    expect(withTable({ deletionProtection: false, tableClass: 'STANDARD' })).toMatchObject({ DeletionProtectionEnabled: false, TableClass: 'STANDARD' });
    expect(withTable({ stream: 'KEYS_ONLY' }).StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
  });

  it('takes the table name from the model when derived, and the caller’s name over it', () => {
    const named = deriveDesign({ ...model, table: { name: 'ShopTable' } });
    expect(named.tableName).toBe('ShopTable');
    expect(tableDefinition(named).TableName).toBe('ShopTable');
    expect(tableDefinition(named, 'Other').TableName).toBe('Other');
    expect(deriveDesign({ ...model, table: { name: 'ShopTable' } }, { tableName: 'Given' }).tableName).toBe('Given');
    // A name DynamoDB would refuse is the model checks' to report; the design keeps a valid one.
    expect(deriveDesign({ ...model, table: { name: 'a b' } }).tableName).toBe(base.tableName);
  });
});
