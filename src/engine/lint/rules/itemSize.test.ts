import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { lintContext } from '../lintContext.ts';
import { itemSizeRule } from './itemSize.ts';

const model = (itemBytes: string) =>
  modelFromText(`model "Blobs"
entity Blob key blobId${itemBytes}
  blobId: string
  body: string
getBlob: Blob by blobId returns one
`);

describe('itemSizeRule', () => {
  it('fires on an entity whose declared itemBytes is at least 90% of 400 KB', () => {
    // 380,000 / 409,600 = 92.8%.
    const found = itemSizeRule(lintContext(deriveDesign(model(' itemBytes 380000'))));
    expect(found.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([['lint.itemSize', 'warning', 'entities[0].itemBytes', { entity: 'Blob' }]]);
    expect(found[0]?.message).toContain("Blob items are 380,000 bytes (its declared itemBytes), 92.8% of DynamoDB's 400 KB (409,600 bytes) item limit");
    // 380,000 / 4,096 → 93 blocks; / 1,024 → 372 units (cost/readUnits, cost/writeUnits).
    expect(found[0]?.message).toContain('costs 93 read units and each write 372 write units');
  });

  it('fires on a sample item near the limit, measured with cost/itemSize', () => {
    const design = deriveDesign(model(''));
    const found = itemSizeRule(lintContext(design, { records: new Map([['Blob', [{ blobId: 'b', body: 'x'.repeat(390_000) }]]]) }));
    expect(found.map((d) => d.path)).toEqual(['entities[0]']);
    expect(found[0]?.message).toContain('(the largest sample item)');
  });

  it('measures an entity of 500,000 sample items (more than a call takes as arguments), none of them skipped', () => {
    const design = deriveDesign(model(''));
    const records = Array.from({ length: 500_000 }, (_, i) => ({ blobId: `b${String(i)}`, body: i === 499_999 ? 'x'.repeat(390_000) : '' }));
    const found = itemSizeRule(lintContext(design, { records: new Map([['Blob', records]]) }));
    expect(found.map((d) => [d.code, d.path])).toEqual([['lint.itemSize', 'entities[0]']]);
  });

  it('stays quiet below 90%', () => {
    expect(itemSizeRule(lintContext(deriveDesign(model(' itemBytes 368000'))))).toEqual([]);
    expect(itemSizeRule(lintContext(deriveDesign(model(''))))).toEqual([]);
  });
});
