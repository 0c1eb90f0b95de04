// What every infrastructure export declares, read from the design's public
// definition only: the CreateTable input (`tableDefinition`: keys, GSIs,
// billing, stream, class, deletion protection) and what CreateTable cannot
// carry (`tableSettings`: the TTL attribute, point-in-time recovery), plus the
// tags: `tablewright:design` with the layout's `designIdentity`, as the runner
// tags a table it creates, so a migration recognises an exported table's design
// too. Each format (CloudFormation, CDK, Terraform, AWS CLI) prints this and
// nothing else, so they all declare the same table.
import { designLayout } from '../design/designJson.ts';
import { tableDefinition, type TableDefinition } from '../design/tableDefinition.ts';
import { tableNameOf } from '../design/tableNameOf.ts';
import { tableSettings } from '../design/tableSettings.ts';
import type { Design } from '../design/types.ts';
import { DESIGN_TAG, designIdentity } from '../evolve/designIdentity.ts';

export interface ExportTag {
  key: string;
  value: string;
}

export interface ExportedTable {
  definition: TableDefinition;
  /** The table's TTL attribute (epoch seconds) and the entities whose items expire through it. */
  timeToLive?: { attribute: string; entities: string[] };
  pointInTimeRecovery: boolean;
  tags: ExportTag[];
}

export function exportedTable(design: Design): ExportedTable {
  const settings = tableSettings(design);
  return {
    definition: tableDefinition(design),
    ...(settings.ttlAttribute !== undefined ? { timeToLive: { attribute: settings.ttlAttribute, entities: settings.ttlEntities } } : {}),
    pointInTimeRecovery: settings.pitr,
    tags: [{ key: DESIGN_TAG, value: designIdentity(designLayout(design)) }],
  };
}

/** A key attribute's type in the definition (every key attribute has one: AttributeDefinitions lists each once). */
export function keyAttributeType(definition: TableDefinition, name: string): 'S' | 'N' {
  const found = definition.AttributeDefinitions.find((a) => a.AttributeName === name);
  if (!found) throw new Error(`key attribute ${name} has no attribute definition`);
  return found.AttributeType;
}

/** A key schema split into its partition-key and sort-key attributes, each in key order. */
export function keyParts(keySchema: TableDefinition['KeySchema']): { hash: string[]; range: string[] } {
  return {
    hash: keySchema.filter((k) => k.KeyType === 'HASH').map((k) => k.AttributeName),
    range: keySchema.filter((k) => k.KeyType === 'RANGE').map((k) => k.AttributeName),
  };
}

/** Whether a key schema has more than one partition-key or sort-key attribute (a multi-attribute, native, GSI key). */
export function isMultiAttributeKey(keySchema: TableDefinition['KeySchema']): boolean {
  const { hash, range } = keyParts(keySchema);
  return hash.length > 1 || range.length > 1;
}

/**
 * An alphanumeric name for the table in code (a CloudFormation logical ID, a CDK class, a Terraform
 * resource): the table name's words in PascalCase, starting with a letter.
 */
export function tableCodeName(tableName: string): string {
  const name = tableNameOf(tableName);
  return /^[A-Za-z]/.test(name) ? name : `Table${name}`;
}
