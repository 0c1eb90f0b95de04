import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../engine/index.ts';
import { compareTableWithDesign, describeTableDifference } from './compareTableWithDesign.ts';
import { nativeDesign } from '../testing/nativeDesign.ts';
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
    table.GlobalSecondaryIndexes.push({
      IndexName: 'Mine',
      KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
      IndexStatus: 'ACTIVE',
    });
    expect(compareTableWithDesign(table, def)).toEqual({ compatible: true, entries: [{ kind: 'extraIndex', index: 'Mine', actual: 'x (HASH)' }] });
  });
});

describe('compareTableWithDesign with native GSI keys', () => {
  const nativeDef = tableDefinition(nativeDesign().design, 'T');
  const described = () => ({
    TableName: 'T',
    KeySchema: nativeDef.KeySchema,
    AttributeDefinitions: nativeDef.AttributeDefinitions,
    GlobalSecondaryIndexes: (nativeDef.GlobalSecondaryIndexes ?? []).map((g) => ({ ...g, IndexStatus: 'ACTIVE' as const })),
  });

  it('finds no difference in a table made from the design, whose native key attributes are typed S and N', () => {
    expect(nativeDef.AttributeDefinitions).toContainEqual({ AttributeName: 'total', AttributeType: 'N' });
    expect(compareTableWithDesign(described(), nativeDef)).toEqual({ compatible: true, entries: [] });
  });

  it('counts a native key attribute of another type, or native keys in another order, as incompatible', () => {
    const table = described();
    table.AttributeDefinitions = table.AttributeDefinitions.map((a) => (a.AttributeName === 'total' ? { ...a, AttributeType: 'S' as const } : a));
    const gsi2 = table.GlobalSecondaryIndexes.find((g) => g.IndexName === 'GSI2');
    if (!gsi2) throw new Error('no GSI2');
    gsi2.KeySchema = [gsi2.KeySchema[1]!, gsi2.KeySchema[0]!, gsi2.KeySchema[2]!];
    const diff = compareTableWithDesign(table, nativeDef);
    expect(diff.compatible).toBe(false);
    expect(diff.entries).toEqual([
      { kind: 'attributeType', attribute: 'total', expected: 'N', actual: 'S' },
      { kind: 'indexKey', index: 'GSI2', expected: '_type (HASH), status (HASH), total (RANGE)', actual: 'status (HASH), _type (HASH), total (RANGE)' },
    ]);
    expect(describeTableDifference(diff.entries[0]!)).toBe('Key attribute total has type S; the design stores numbers (N).');
  });
});
