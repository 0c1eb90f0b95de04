import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../engine/index.ts';
import { compareTableWithDesign, describeTableDifference } from './compareTableWithDesign.ts';
import { exampleDesign } from './testing/exampleDesign.ts';

const { design } = exampleDesign();
const def = tableDefinition(design, 'T');
const asDescribed = () => ({
  TableName: 'T',
  KeySchema: def.KeySchema,
  AttributeDefinitions: def.AttributeDefinitions,
  GlobalSecondaryIndexes: (def.GlobalSecondaryIndexes ?? []).map((g) => ({ ...g, IndexStatus: 'ACTIVE' as const })),
});

describe('compareTableWithDesign', () => {
  it('finds no difference in a table made from the design', () => {
    expect(compareTableWithDesign(asDescribed(), def)).toEqual({ compatible: true, entries: [] });
  });

  it('counts an index that projects fewer attributes, or a number-typed key, as incompatible', () => {
    const table = asDescribed();
    table.GlobalSecondaryIndexes[0]!.Projection = { ProjectionType: 'KEYS_ONLY' } as never;
    table.AttributeDefinitions = table.AttributeDefinitions.map((a) => (a.AttributeName === 'SK' ? { ...a, AttributeType: 'N' as never } : a));
    const diff = compareTableWithDesign(table, def);
    expect(diff.compatible).toBe(false);
    expect(diff.entries).toEqual([
      { kind: 'attributeType', attribute: 'SK', expected: 'S', actual: 'N' },
      { kind: 'indexProjection', index: 'GSI1', expected: 'ALL', actual: 'KEYS_ONLY' },
    ]);
    expect(diff.entries.map(describeTableDifference)).toEqual([
      'Key attribute SK has type N; the design stores strings (S).',
      'Index GSI1 projects KEYS_ONLY; the design needs ALL attributes projected.',
    ]);
  });

  it('accepts an extra index but still lists it', () => {
    const table = asDescribed();
    table.GlobalSecondaryIndexes.push({ IndexName: 'Mine', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, IndexStatus: 'ACTIVE' });
    expect(compareTableWithDesign(table, def)).toEqual({ compatible: true, entries: [{ kind: 'extraIndex', index: 'Mine', actual: 'x (HASH)' }] });
  });
});
