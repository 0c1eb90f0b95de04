import { describe, expect, it } from 'vitest';
import { nativeLayout } from '../testing/nativeDesign.ts';
import { layoutDocument, readLayoutDocument } from './layoutDocument.ts';

describe('layoutDocument with native GSI keys', () => {
  const layout = nativeLayout();

  it('writes a native index as design.json states it: keys "native" and its typed attributes in key order', () => {
    const indexes = layoutDocument(layout)['indexes'];
    expect(indexes).toEqual([
      { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK', projection: 'ALL' },
      { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK', projection: 'ALL' },
      {
        name: 'GSI2',
        kind: 'gsi',
        keys: 'native',
        pk: [
          { name: '_type', type: 'S' },
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
          { name: '_type', type: 'S' },
          { name: 'coupon', type: 'S' },
        ],
        sk: [{ name: 'total', type: 'N' }],
        projection: 'ALL',
      },
    ]);
  });

  it('reads the layout back whole, native templates included', () => {
    const document = layoutDocument(layout);
    const back = readLayoutDocument(JSON.parse(JSON.stringify(document)));
    expect(back).toEqual(layout);
    expect(back?.entities.find((e) => e.entity === 'Order')?.keys['GSI2']).toEqual({
      pk: [
        { kind: 'literal', text: 'Order' },
        { kind: 'attribute', name: 'status' },
      ],
      sk: [{ kind: 'attribute', name: 'total' }],
    });
  });

  it('writes the same document for the same layout, whatever order its objects were built in', () => {
    const shuffled = {
      ...layout,
      indexes: layout.indexes.map((i) =>
        i.keys === 'native' ? { projection: i.projection, sk: i.sk, pk: i.pk, keys: i.keys, kind: i.kind, name: i.name } : i,
      ),
    };
    expect(JSON.stringify(layoutDocument(shuffled))).toBe(JSON.stringify(layoutDocument(layout)));
  });

  it('drops a document whose native index has lost a key attribute type', () => {
    const document = layoutDocument(layout);
    const broken = JSON.parse(JSON.stringify(document).replace('"type":"N"', '"type":"X"')) as unknown;
    expect(readLayoutDocument(broken)).toBeUndefined();
  });
});
