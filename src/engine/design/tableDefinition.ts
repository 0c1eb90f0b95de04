// The CreateTable input of a design: key schema, attribute definitions, every
// GSI (projection ALL), on-demand billing. Shaped like CreateTableCommandInput.
// A native GSI lists its partition-key attributes (HASH) first, then its
// sort-key attributes (RANGE), each in key order, with their own types.
import { indexKeyAttributes } from './indexKeys.ts';
import type { Design, IndexKeySchema } from './types.ts';

type KeyElement = { AttributeName: string; KeyType: 'HASH' | 'RANGE' };

export interface TableDefinition {
  TableName: string;
  BillingMode: 'PAY_PER_REQUEST';
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' }[];
  KeySchema: KeyElement[];
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: KeyElement[];
    Projection: { ProjectionType: 'ALL' };
  }[];
}

export function tableDefinition(design: Design, tableName = design.tableName): TableDefinition {
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const gsis = design.indexes.slice(1);
  // Each key attribute once, with its one type (a design never gives a name two types: see native keys).
  const types = new Map<string, 'S' | 'N'>();
  for (const index of design.indexes) for (const [name, type] of keyTypes(index)) if (!types.has(name)) types.set(name, type);
  const def: TableDefinition = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(table),
  };
  if (gsis.length) def.GlobalSecondaryIndexes = gsis.map((i) => ({ IndexName: i.name, KeySchema: keySchema(i), Projection: { ProjectionType: 'ALL' } }));
  return def;
}

function keySchema(index: IndexKeySchema): KeyElement[] {
  const { pk, sk } = indexKeyAttributes(index);
  return [...pk.map((AttributeName) => ({ AttributeName, KeyType: 'HASH' as const })), ...sk.map((AttributeName) => ({ AttributeName, KeyType: 'RANGE' as const }))];
}

function keyTypes(index: IndexKeySchema): [string, 'S' | 'N'][] {
  if (index.keys === 'native') return [...index.pk, ...index.sk].map((a) => [a.name, a.type]);
  return [
    [index.pkAttribute, 'S'],
    [index.skAttribute, 'S'],
  ];
}
