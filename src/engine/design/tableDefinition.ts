// The CreateTable input of a design: key schema, attribute definitions, every
// GSI (projection ALL), and the table settings of the model (`model.table`,
// FORMAT.md "The table") that CreateTable carries. Shaped like CreateTableCommandInput.
// A native GSI lists its partition-key attributes (HASH) first, then its
// sort-key attributes (RANGE), each in key order, with their own types.
//
// Settings (each only when the model states it, so a model without `table` gives the
// input it always gave, key for key):
// - billing: on-demand (`PAY_PER_REQUEST`, also when unstated) or `PROVISIONED` with
//   ProvisionedThroughput on the table and on every GSI (CreateTable requires it on each
//   with PROVISIONED). Every GSI gets the table's read and write units: AWS advises a GSI's
//   write capacity be at least the table's, since a GSI short of write capacity throttles
//   writes to the table (knowledge center "dynamodb-gsi-throttling-table"; the console's
//   "copy from base table"). A unit left unstated is 1, DynamoDB's minimum (the model
//   checks refuse such a model: `model.missingCapacity`); read and write on an on-demand
//   table are left out, as DynamoDB refuses throughput with PAY_PER_REQUEST.
// - stream: StreamSpecification { StreamEnabled: true, StreamViewType }.
// - tableClass: TableClass; deletionProtection: DeletionProtectionEnabled.
// Time to live and point-in-time recovery are not CreateTable fields: see `tableSettings`.
import type { StreamView, TableClass } from '../model/types.ts';
import { indexKeyAttributes } from './indexKeys.ts';
import type { Design, IndexKeySchema } from './types.ts';

type KeyElement = { AttributeName: string; KeyType: 'HASH' | 'RANGE' };

export interface ProvisionedThroughput {
  ReadCapacityUnits: number;
  WriteCapacityUnits: number;
}

export interface TableDefinition {
  TableName: string;
  BillingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  /** With `PROVISIONED` only. */
  ProvisionedThroughput?: ProvisionedThroughput;
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' }[];
  KeySchema: KeyElement[];
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: KeyElement[];
    Projection: { ProjectionType: 'ALL' };
    /** With `PROVISIONED` only: the table's. */
    ProvisionedThroughput?: ProvisionedThroughput;
  }[];
  StreamSpecification?: { StreamEnabled: true; StreamViewType: StreamView };
  TableClass?: TableClass;
  DeletionProtectionEnabled?: boolean;
}

/** DynamoDB's smallest provisioned capacity: what a provisioned table gets for a unit the model leaves unstated. */
export const MIN_CAPACITY_UNITS = 1;

/** The table's provisioned throughput, or undefined when it is on demand. */
export function provisionedThroughput(design: { model: Pick<Design['model'], 'table'> }): ProvisionedThroughput | undefined {
  const table = design.model.table;
  if (table?.billing !== 'provisioned') return undefined;
  return { ReadCapacityUnits: table.read ?? MIN_CAPACITY_UNITS, WriteCapacityUnits: table.write ?? MIN_CAPACITY_UNITS };
}

/** What tableDefinition reads: a design, or a layout read back (`{ ...layout, model: {} }`: no table settings, on demand). */
export type TableDefinitionSource = Pick<Design, 'tableName'> & { indexes: readonly IndexKeySchema[]; model: Pick<Design['model'], 'table'> };

export function tableDefinition(design: TableDefinitionSource, tableName = design.tableName): TableDefinition {
  const table = design.indexes[0];
  if (!table) throw new Error('design has no table');
  const gsis = design.indexes.slice(1);
  const settings = design.model.table;
  const throughput = provisionedThroughput(design);
  // Each key attribute once, with its one type (a design never gives a name two types: see native keys).
  const types = new Map<string, 'S' | 'N'>();
  for (const index of design.indexes) for (const [name, type] of keyTypes(index)) if (!types.has(name)) types.set(name, type);
  const def: TableDefinition = {
    TableName: tableName,
    BillingMode: throughput ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...(throughput ? { ProvisionedThroughput: { ...throughput } } : {}),
    AttributeDefinitions: [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(table),
  };
  if (gsis.length) {
    def.GlobalSecondaryIndexes = gsis.map((i) => ({
      IndexName: i.name,
      KeySchema: keySchema(i),
      Projection: { ProjectionType: 'ALL' },
      ...(throughput ? { ProvisionedThroughput: { ...throughput } } : {}),
    }));
  }
  if (settings?.stream !== undefined) def.StreamSpecification = { StreamEnabled: true, StreamViewType: settings.stream };
  if (settings?.tableClass !== undefined) def.TableClass = settings.tableClass;
  if (settings?.deletionProtection !== undefined) def.DeletionProtectionEnabled = settings.deletionProtection;
  return def;
}

function keySchema(index: IndexKeySchema): KeyElement[] {
  const { pk, sk } = indexKeyAttributes(index);
  return [
    ...pk.map((AttributeName) => ({ AttributeName, KeyType: 'HASH' as const })),
    ...sk.map((AttributeName) => ({ AttributeName, KeyType: 'RANGE' as const })),
  ];
}

function keyTypes(index: IndexKeySchema): [string, 'S' | 'N'][] {
  if (index.keys === 'native') return [...index.pk, ...index.sk].map((a) => [a.name, a.type]);
  return [
    [index.pkAttribute, 'S'],
    [index.skAttribute, 'S'],
  ];
}
