// How an existing table differs from what a design needs: key schema, key
// attribute types and every GSI (keys and projection). Pure: reads a
// DescribeTable answer and the engine's table definition.
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../engine/index.ts';

type KeyElement = { AttributeName?: string | undefined; KeyType?: string | undefined };

export type TableDifferenceEntry =
  | { kind: 'tableKey'; expected: string; actual: string }
  | { kind: 'attributeType'; attribute: string; expected: 'S' | 'N'; actual: string }
  | { kind: 'missingIndex'; index: string; expected: string }
  | { kind: 'indexKey'; index: string; expected: string; actual: string }
  | { kind: 'indexProjection'; index: string; expected: 'ALL'; actual: string }
  | { kind: 'extraIndex'; index: string; actual: string };

export interface TableDifference {
  /** True when the table can serve the design: same keys, every GSI present with projection ALL. */
  compatible: boolean;
  /** Every difference; `extraIndex` alone does not make a table incompatible. */
  entries: TableDifferenceEntry[];
}

/** `PK (HASH), SK (RANGE)` */
export function formatKeySchema(schema: readonly KeyElement[] | undefined): string {
  if (!schema || schema.length === 0) return '(none)';
  return schema.map((k) => `${k.AttributeName ?? '?'} (${k.KeyType ?? '?'})`).join(', ');
}

export function compareTableWithDesign(actual: TableDescription, expected: TableDefinition): TableDifference {
  const entries: TableDifferenceEntry[] = [];
  const wantKey = formatKeySchema(expected.KeySchema);
  const haveKey = formatKeySchema(actual.KeySchema);
  if (wantKey !== haveKey) entries.push({ kind: 'tableKey', expected: wantKey, actual: haveKey });

  // Each key attribute's type as the design defines it: S for composite keys, S or N for a native GSI's.
  const types = new Map((actual.AttributeDefinitions ?? []).map((a) => [a.AttributeName ?? '', a.AttributeType ?? '?']));
  const wanted = new Map(expected.AttributeDefinitions.map((a) => [a.AttributeName, a.AttributeType]));
  const keyAttributes = new Set<string>();
  for (const k of expected.KeySchema) keyAttributes.add(k.AttributeName);
  for (const g of expected.GlobalSecondaryIndexes ?? []) for (const k of g.KeySchema) keyAttributes.add(k.AttributeName);
  for (const name of keyAttributes) {
    const type = types.get(name);
    const want = wanted.get(name) ?? 'S';
    if (type !== undefined && type !== want) entries.push({ kind: 'attributeType', attribute: name, expected: want, actual: type });
  }

  const have = new Map((actual.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName ?? '', g]));
  for (const want of expected.GlobalSecondaryIndexes ?? []) {
    const found = have.get(want.IndexName);
    const wantIndexKey = formatKeySchema(want.KeySchema);
    if (!found) {
      entries.push({ kind: 'missingIndex', index: want.IndexName, expected: wantIndexKey });
      continue;
    }
    have.delete(want.IndexName);
    const haveIndexKey = formatKeySchema(found.KeySchema);
    if (haveIndexKey !== wantIndexKey) entries.push({ kind: 'indexKey', index: want.IndexName, expected: wantIndexKey, actual: haveIndexKey });
    const projection = found.Projection?.ProjectionType ?? '?';
    if (projection !== 'ALL') entries.push({ kind: 'indexProjection', index: want.IndexName, expected: 'ALL', actual: projection });
  }
  for (const [name, g] of have) entries.push({ kind: 'extraIndex', index: name, actual: formatKeySchema(g.KeySchema) });

  return { compatible: entries.every((e) => e.kind === 'extraIndex'), entries };
}

/** One line per difference, for people. */
export function describeTableDifference(entry: TableDifferenceEntry): string {
  switch (entry.kind) {
    case 'tableKey':
      return `Table key is ${entry.actual}; the design needs ${entry.expected}.`;
    case 'attributeType':
      return `Key attribute ${entry.attribute} has type ${entry.actual}; the design stores ${entry.expected === 'N' ? 'numbers (N)' : 'strings (S)'}.`;
    case 'missingIndex':
      return `Index ${entry.index} is missing; the design needs it with key ${entry.expected}.`;
    case 'indexKey':
      return `Index ${entry.index} has key ${entry.actual}; the design needs ${entry.expected}.`;
    case 'indexProjection':
      return `Index ${entry.index} projects ${entry.actual}; the design needs ALL attributes projected.`;
    case 'extraIndex':
      return `Index ${entry.index} (${entry.actual}) is not part of the design (harmless, but loading items also writes to it).`;
    default: {
      const never: never = entry;
      return never;
    }
  }
}
