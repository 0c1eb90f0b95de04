// Test helper: a small design with native (multi-attribute) GSI keys, made by
// hand so it does not depend on how the derivation chooses them: the table and
// a composite GSI1 as deriveDesign makes them for two of the patterns, then two
// native GSIs planned by planDesign like any other layout (a design.json read
// back goes the same way):
//   GSI2: _type + status / total (N)  — ordersByStatus
//   GSI3: _type + coupon / total (N)  — couponOrders; coupon is optional, so it is sparse
import {
  deriveDesign,
  designLayout,
  generateSampleRecords,
  parseModelText,
  planDesign,
  toItem,
  type Design,
  type DesignLayout,
  type Item,
  type KeyTemplate,
  type Model,
  type RecordValue,
} from '../engine/index.ts';

export const NATIVE_MODEL = `model "Shop"

entity Customer key customerId count 3
  customerId: string
  name: string

entity Order key orderId count 12
  orderId: string
  customerId: string
  status: "open" | "shipped"
  total: number
  coupon?: string

getOrder: Order by orderId returns one
ordersByCustomer: Order by customerId order by orderId
ordersByStatus: Order by status order by total desc
couponOrders: Order by coupon order by total desc
`;

function parse(text: string): Model {
  const parsed = parseModelText(text);
  if (!parsed.model) throw new Error(`the native test model does not parse: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.model;
}

const nativeTemplate = (entity: string, attribute: string): KeyTemplate => ({
  pk: [
    { kind: 'literal', text: entity },
    { kind: 'attribute', name: attribute },
  ],
  sk: [{ kind: 'attribute', name: 'total' }],
});

/** The layout: the derived table and GSI1 (composite), GSI2 and GSI3 native. */
export function nativeLayout(): DesignLayout {
  const model = parse(NATIVE_MODEL);
  const composite = designLayout(deriveDesign({ ...model, patterns: model.patterns.filter((p) => p.name === 'getOrder' || p.name === 'ordersByCustomer') }));
  if (composite.indexes.map((i) => i.name).join() !== 'table,GSI1')
    throw new Error(`unexpected composite layout: ${composite.indexes.map((i) => i.name).join()}`);
  return {
    ...composite,
    indexes: [
      ...composite.indexes,
      {
        name: 'GSI2',
        kind: 'gsi',
        keys: 'native',
        pk: [
          { name: composite.entityAttribute, type: 'S' },
          { name: 'status', type: 'S' },
        ],
        sk: [{ name: 'total', type: 'N' }],
        projection: 'ALL',
      },
      {
        name: 'GSI3',
        kind: 'gsi',
        keys: 'native',
        pk: [
          { name: composite.entityAttribute, type: 'S' },
          { name: 'coupon', type: 'S' },
        ],
        sk: [{ name: 'total', type: 'N' }],
        projection: 'ALL',
      },
    ],
    entities: composite.entities.map((e) =>
      e.entity === 'Order' ? { ...e, keys: { ...e.keys, GSI2: nativeTemplate('Order', 'status'), GSI3: nativeTemplate('Order', 'coupon') } } : e,
    ),
  };
}

export interface NativeExample {
  design: Design;
  records: Map<string, RecordValue[]>;
  items: Item[];
}

/** The design planned on nativeLayout, with seeded sample records and their items. */
export function nativeDesign(seed = 'native-tests', scale = 1): NativeExample {
  const model = parse(NATIVE_MODEL);
  const design = planDesign(model, nativeLayout());
  const errors = design.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the native test design has errors: ${errors.map((d) => d.message).join('; ')}`);
  const records = generateSampleRecords(model, { seed, scale });
  const items: Item[] = [];
  for (const [entity, list] of records) for (const record of list) items.push(toItem(design, entity, record));
  return { design, records, items };
}
