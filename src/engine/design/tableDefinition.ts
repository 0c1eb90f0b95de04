// The CreateTable input of a design: key schema, attribute definitions, every
// GSI (projection ALL), on-demand billing. Shaped like CreateTableCommandInput.
import type { Design } from './types.ts';

export interface TableDefinition {
  TableName: string;
  BillingMode: 'PAY_PER_REQUEST';
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' }[];
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' };
  }[];
}

export function tableDefinition(design: Design, tableName = design.tableName): TableDefinition {
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const gsis = design.indexes.slice(1);
  const def: TableDefinition = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: design.indexes.flatMap((i) => [
      { AttributeName: i.pkAttribute, AttributeType: 'S' as const },
      { AttributeName: i.skAttribute, AttributeType: 'S' as const },
    ]),
    KeySchema: [
      { AttributeName: table.pkAttribute, KeyType: 'HASH' },
      { AttributeName: table.skAttribute, KeyType: 'RANGE' },
    ],
  };
  if (gsis.length) {
    def.GlobalSecondaryIndexes = gsis.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.pkAttribute, KeyType: 'HASH' },
        { AttributeName: i.skAttribute, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));
  }
  return def;
}
