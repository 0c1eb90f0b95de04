import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem, toItem } from '../design/items.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { withGuardItems } from '../writes/guardItems.ts';
import { assumedItems, FILLER_ATTRIBUTE, padRecord } from './assumedItems.ts';
import { itemBytes } from './itemSize.ts';
import { writeOperationCosts } from './writeOperations.ts';

const design = deriveDesign(
  modelFromText(`model "Docs"
entity Doc key docId count 30 itemBytes 1200
  docId: string
  ownerId: string
  title: string
entity Owner key ownerId count 10
  ownerId: string
  name: string
docsOf: Doc by ownerId
getOwner: Owner by ownerId
`),
);
const records = generateSampleRecords(design.model, { seed: 'assumed' });

describe('assumedItems', () => {
  it('pads every item of an entity with itemBytes to exactly that size with one filler string, and leaves the others alone', () => {
    const assumed = assumedItems(design, records);
    const docs = assumed.items.filter((i) => i[design.entityAttribute] === 'Doc');
    expect(docs).toHaveLength(30);
    for (const item of docs) {
      expect(itemBytes(item)).toBe(1200);
      expect(typeof item[FILLER_ATTRIBUTE]).toBe('string');
    }
    const owners = assumed.items.filter((i) => i[design.entityAttribute] === 'Owner');
    expect(owners).toEqual((records.get('Owner') ?? []).map((r) => toItem(design, 'Owner', r)));
    expect(assumed.sizes).toEqual([
      { entity: 'Doc', itemBytes: 1200, records: 30, padded: 30, larger: 0, sampleAverage: expect.any(Number) as number, average: 1200 },
    ]);
    expect(assumed.sizes[0]?.sampleAverage).toBeLessThan(200);
    // The filler is the record's: it comes back from the item, so writes carry it.
    expect(fromItem(design, docs[0] ?? {}).record).toEqual(assumed.records.get('Doc')?.[0]);
  });

  it('never shrinks an item larger than the declared size, and says how many there were', () => {
    const record = records.get('Doc')?.[0] ?? {};
    const size = itemBytes(toItem(design, 'Doc', record));
    expect(padRecord(design, 'Doc', record, size - 1)).toBe(record);
    expect(padRecord(design, 'Doc', record, size)).toBe(record);
    expect(itemBytes(toItem(design, 'Doc', padRecord(design, 'Doc', record, size + 1)))).toBe(size + 1);
    const small = deriveDesign({ ...design.model, entities: design.model.entities.map((e) => (e.name === 'Doc' ? { ...e, itemBytes: 20 } : e)) });
    const [doc] = assumedItems(small, records).sizes;
    expect(doc).toMatchObject({ entity: 'Doc', itemBytes: 20, padded: 0, larger: 30 });
    expect(doc?.average).toBe(doc?.sampleAverage);
  });

  it('writes of padded records write items of the declared size: a create of a 1,200-byte Doc and its identity guard in a transaction is 2 × (2 + 1) WCU', async () => {
    const assumed = assumedItems(design, records);
    const costs = await writeOperationCosts({ design, records: assumed.records, items: withGuardItems(design, assumed.items).items });
    const create = costs.find((c) => c.entity === 'Doc' && c.operation === 'create');
    // The Doc lives under its owner (docsOf), so its create takes an identity guard, in one transaction: each table write twice.
    const [request] = create?.capacity.requests ?? [];
    expect(request?.operation).toBe('TransactWriteItems');
    expect(request?.table).toBe(2 * (Math.ceil(1200 / 1024) + 1));
    for (const c of costs.filter((x) => x.entity === 'Doc')) expect(c.applied.outcome.ok).toBe(true);
  });
});
