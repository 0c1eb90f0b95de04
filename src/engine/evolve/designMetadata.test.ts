// The design-metadata items: their key in each table key schema, a payload over 400 KB cut into
// chunks and joined back, and every way a set of chunks can be wrong said in words.
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem } from '../design/items.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import { isGuardKey } from '../writes/writePlan.ts';
import {
  designMetadataItems,
  designMetadataKey,
  designMetadataKeyShape,
  isDesignMetadataKey,
  joinDesignMetadata,
  METADATA_ATTRIBUTES,
  METADATA_CHUNK_BYTES,
  type MetadataKeyShape,
} from './designMetadata.ts';

const IDENTITY = '0123456789abcdef';
const shapeOf = (KeySchema: { AttributeName: string; KeyType: string }[], AttributeDefinitions: { AttributeName: string; AttributeType: string }[]) =>
  designMetadataKeyShape({ KeySchema, AttributeDefinitions }, 'T');

describe('design metadata', () => {
  it('has a key in every string-keyed table schema, and says why a number partition key cannot hold one', () => {
    const design = deriveDesign(exampleModel('ecommerce'));
    const table = designMetadataKeyShape(tableDefinition(design), 'T');
    expect(table).toEqual({ shape: { pk: 'PK', sk: { name: 'SK', type: 'S' } } });
    if ('shape' in table) expect(designMetadataKey(table.shape, 2)).toEqual({ PK: '$tablewright#design#2', SK: '$tablewright' });
    const pkOnly = shapeOf([{ AttributeName: 'id', KeyType: 'HASH' }], [{ AttributeName: 'id', AttributeType: 'S' }]);
    expect(pkOnly).toEqual({ shape: { pk: 'id' } });
    const numberSk = shapeOf(
      [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'n', KeyType: 'RANGE' },
      ],
      [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'n', AttributeType: 'N' },
      ],
    );
    if ('shape' in numberSk) expect(designMetadataKey(numberSk.shape, 3)).toEqual({ id: '$tablewright#design#3', n: 3 });
    const numberPk = shapeOf([{ AttributeName: 'id', KeyType: 'HASH' }], [{ AttributeName: 'id', AttributeType: 'N' }]);
    expect('diagnostic' in numberPk && numberPk.diagnostic).toMatchObject({ code: 'evolve.metadataKey', severity: 'warning' });
  });

  it('is a reserved key: no guard, no record, and fromItem of a design never sees one as an entity', () => {
    expect(isDesignMetadataKey('$tablewright#design#0')).toBe(true);
    expect(isDesignMetadataKey('USER#$tablewright')).toBe(false);
    expect(isGuardKey('$tablewright#design#0')).toBe(false);
    const design = deriveDesign(exampleModel('ecommerce'));
    const [item] = designMetadataItems(
      { pk: 'PK', sk: { name: 'SK', type: 'S' } },
      { identity: IDENTITY, write: 'w', encoding: 'none', bytes: new Uint8Array([1]) },
    );
    expect(item?.[design.entityAttribute]).toBeUndefined();
    expect(() => fromItem(design, item as never)).toThrow(/naming its entity/);
  });

  it('cuts a payload over the item limit into chunks and joins them back; refuses a mixed, missing or short set', () => {
    const shape: MetadataKeyShape = { pk: 'PK', sk: { name: 'SK', type: 'S' } };
    const bytes = Uint8Array.from({ length: 2 * METADATA_CHUNK_BYTES + 17 }, (_, i) => (i * 31) % 251);
    const items = designMetadataItems(shape, { identity: IDENTITY, write: 'one', encoding: 'gzip', bytes });
    expect(items.map((i) => [i['PK'], i[METADATA_ATTRIBUTES.chunk], (i[METADATA_ATTRIBUTES.data] as Uint8Array).length])).toEqual([
      ['$tablewright#design#0', 0, METADATA_CHUNK_BYTES],
      ['$tablewright#design#1', 1, METADATA_CHUNK_BYTES],
      ['$tablewright#design#2', 2, 17],
    ]);
    const joined = joinDesignMetadata(items);
    expect(joined.ok && joined.bytes).toEqual(bytes);
    const other = designMetadataItems(shape, { identity: IDENTITY, write: 'two', encoding: 'gzip', bytes });
    expect(joinDesignMetadata([items[0], other[1], items[2]])).toEqual({
      ok: false,
      problem: 'chunk 1 has $write "two", chunk 0 "one": the chunks are of different writes',
    });
    expect(joinDesignMetadata([items[0], undefined, items[2]])).toEqual({ ok: false, problem: 'chunk 1 of 3 is missing' });
    expect(joinDesignMetadata(items.slice(0, 2))).toEqual({ ok: false, problem: 'chunk 0 says 3 chunks, 2 were read' });
    expect(joinDesignMetadata([{ ...items[0], [METADATA_ATTRIBUTES.format]: 'tablewright-metadata/9' }])).toMatchObject({
      ok: false,
      problem: expect.stringContaining('a newer Tablewright wrote it?'),
    });
    expect(joinDesignMetadata([])).toEqual({ ok: false, problem: 'there is no metadata item $tablewright#design#0' });
  });
});
