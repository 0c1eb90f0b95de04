// Which design a live table has: the tag `tablewright:design` that createDesignTable
// gives a table (designIdentity of its layout), read with ListTagsOfResource and
// written with TagResource (developer guide, "Tagging resources":
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.Operations.html),
// and the table's key schema and GSIs against a design's (compareTableWithDesign).
// A migration touches a table only when both say it is the design it starts from.
//
// DynamoDB Local (3.3.1) has no tags: CreateTable accepts Tags and keeps none, and
// ListTagsOfResource and TagResource answer UnknownOperationException ("Tagging is
// not currently supported in DynamoDB Local"). There the design stored in the table
// (storedDesign.ts, when Tablewright created it) says which design it is; without
// one, the key schema and GSIs are all that is checked (they cannot tell two designs
// with the same index key names apart), and the migration says so.
import { ListTagsOfResourceCommand, TagResourceCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { DESIGN_TAG, tableDefinition, type Design, type IndexCreation, type MigrationPlan, type TableDefinition } from '../../engine/index.ts';
import { compareTableWithDesign, describeTableDifference } from '../compareTableWithDesign.ts';
import type { MigrationCheckpoint } from './checkpoint.ts';

export type DesignTag =
  /** The endpoint keeps tags: the tag's value, or undefined when the table has none. */
  | { supported: true; value: string | undefined }
  /** The endpoint has no tags (DynamoDB Local). */
  | { supported: false; reason: string };

const unsupported = (e: unknown) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UnknownOperationException';

export async function readDesignTag(client: DynamoDBClient, tableArn: string, signal?: AbortSignal): Promise<DesignTag> {
  let token: string | undefined;
  try {
    do {
      const out = await client.send(
        new ListTagsOfResourceCommand({ ResourceArn: tableArn, ...(token ? { NextToken: token } : {}) }),
        signal ? { abortSignal: signal } : {},
      );
      const tag = out.Tags?.find((t) => t.Key === DESIGN_TAG);
      if (tag) return { supported: true, value: tag.Value };
      token = out.NextToken;
    } while (token);
    return { supported: true, value: undefined };
  } catch (e) {
    if (unsupported(e)) return { supported: false, reason: (e as Error).message };
    throw e;
  }
}

/** Sets the tag to `identity`; false when the endpoint has no tags. */
export async function writeDesignTag(client: DynamoDBClient, tableArn: string, identity: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.send(new TagResourceCommand({ ResourceArn: tableArn, Tags: [{ Key: DESIGN_TAG, Value: identity }] }), signal ? { abortSignal: signal } : {});
    return true;
  } catch (e) {
    if (unsupported(e)) return false;
    throw e;
  }
}

/**
 * The table a migration expects, step by step: `from`'s table with the indexes of the createIndex steps done
 * and without those of the dropIndex steps done. An index whose step started may be there or not.
 */
export function expectedTable(
  from: Design,
  plan: MigrationPlan,
  tableName: string,
  checkpoint?: MigrationCheckpoint,
): { definition: TableDefinition; either: Set<string> } {
  const definition = tableDefinition(from, tableName);
  const indexes = [...(definition.GlobalSecondaryIndexes ?? [])];
  const attributes = [...definition.AttributeDefinitions];
  const either = new Set<string>();
  plan.steps.forEach((step, i) => {
    const state = checkpoint?.steps[i]?.state ?? 'pending';
    if (state === 'pending' || (step.kind !== 'createIndex' && step.kind !== 'dropIndex')) return;
    if (state === 'started') either.add(step.index);
    if (step.kind === 'createIndex' && state === 'done') {
      indexes.push(step.creation.index);
      addAttributes(attributes, step.creation);
    }
    if (step.kind === 'dropIndex') {
      const at = indexes.findIndex((g) => g.IndexName === step.index);
      if (at >= 0) indexes.splice(at, 1);
    }
  });
  return { definition: { ...definition, AttributeDefinitions: attributes, GlobalSecondaryIndexes: indexes }, either };
}

function addAttributes(into: TableDefinition['AttributeDefinitions'], creation: IndexCreation): void {
  for (const a of creation.attributeDefinitions) if (!into.some((b) => b.AttributeName === a.AttributeName)) into.push(a);
}

export interface TableCheck {
  /** Why the table is refused, one line each; empty: it is the table the migration expects. */
  refusals: string[];
  /** How the design was checked: by tag and structure, or by structure alone (an endpoint without tags). */
  checkedBy: 'tag' | 'structure';
  /** Whether the design stored in the table was checked too. */
  storedChecked: boolean;
  /** Said once when the endpoint has no tags. */
  note?: string;
}

/**
 * Whether a live table is the one a migration (resumed at `checkpoint`, or new) may touch: its key schema and
 * GSIs are `from`'s as the steps done so far left them (no index missing, none extra but one whose step
 * started), and its tag is the plan's `from` (or its `to` once every step is done).
 */
export function checkMigrationTable(options: {
  description: TableDescription;
  tag: DesignTag;
  from: Design;
  plan: MigrationPlan;
  tableName: string;
  checkpoint?: MigrationCheckpoint;
  /** The identity of the design stored in the table (readStoredLayout), or why it does not read; absent: none stored. */
  stored?: { identity: string } | { problem: string };
}): TableCheck {
  const { description, tag, from, plan, tableName, checkpoint, stored } = options;
  const refusals: string[] = [];
  const { definition, either } = expectedTable(from, plan, tableName, checkpoint);
  const difference = compareTableWithDesign(description, definition);
  for (const entry of difference.entries) {
    if ((entry.kind === 'extraIndex' || entry.kind === 'missingIndex') && either.has(entry.index)) continue;
    if (entry.kind === 'extraIndex')
      refusals.push(`Index ${entry.index} (${entry.actual}) is not part of the design the migration ${checkpoint ? 'left' : 'starts from'}.`);
    else refusals.push(describeTableDifference(entry));
  }
  const allDone = checkpoint !== undefined && checkpoint.steps.every((s) => s.state === 'done');
  const accepted = allDone ? [plan.from, plan.to] : [plan.from];
  if (stored && 'problem' in stored)
    refusals.push(`${stored.problem} Delete its design items (partition key $tablewright#design#…) to migrate it by its tag and structure alone.`);
  else if (stored && !accepted.includes(stored.identity)) {
    refusals.push(
      `Table ${tableName} holds design ${stored.identity}; the migration starts from design ${plan.from}${allDone ? ` (or has reached ${plan.to})` : ''}.`,
    );
  }
  const storedChecked = stored !== undefined && 'identity' in stored;
  if (!tag.supported) {
    return {
      refusals,
      checkedBy: 'structure',
      storedChecked,
      note: `${tag.reason} The table's design is checked by ${storedChecked ? 'the design stored in it, its' : 'its'} key schema and indexes${storedChecked ? '' : ' alone'}.`,
    };
  }
  if (tag.value === undefined)
    refusals.push(`Table ${tableName} has no tag ${DESIGN_TAG}: it was not created by Tablewright (or before tables were tagged), so its design is unknown.`);
  else if (!accepted.includes(tag.value))
    refusals.push(
      `Table ${tableName} is tagged ${DESIGN_TAG}=${tag.value}; the migration starts from design ${plan.from}${allDone ? ` (or has reached ${plan.to})` : ''}.`,
    );
  return { refusals, checkedBy: 'tag', storedChecked };
}
