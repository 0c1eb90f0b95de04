// Creates the table a design needs (key schema, every GSI, the model's table
// settings: tableDefinition) and waits until the table and its indexes are
// ACTIVE, tagged `tablewright:design` with the design's identity (designIdentity) and holding the
// design itself in its design-metadata items (migrate/storedDesign.ts: readDeployedDesign reads it
// back, on DynamoDB Local too); then applies what CreateTable cannot carry (time to live,
// point-in-time recovery) and reports every setting as applied or not, and why
// (applyTableSettings). An existing table of the
// same name is never deleted, overwritten or written into: it is described and
// compared with the design, and only used when the caller confirms its name.
//
// CreateTable itself is never aborted: a cancel that landed while it was in
// flight would leave the caller not knowing whether a table now exists. It is
// one short request (bounded by the clients' timeouts); the signal stops what
// comes before and after it, and `onCreated` hands over the table the moment
// it exists, so a caller cancelled while it waits for ACTIVE can still delete it.
import { CreateTableCommand, ResourceInUseException, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { DESIGN_TAG, designIdentity, designLayout, tableDefinition, type Design, type TableDefinition } from '../engine/index.ts';
import { applyTableSettings, type TableSettingOutcome } from './applyTableSettings.ts';
import { compareTableWithDesign, type TableDifference } from './compareTableWithDesign.ts';
import { rememberCreatedTable, type CreatedTable } from './createdTables.ts';
import { storeDesign, type StoreDesignResult } from './migrate/storedDesign.ts';
import { findTable } from './findTable.ts';
import { waitForTableActive } from './waitForTable.ts';

export interface CreateDesignTableOptions {
  client: DynamoDBClient;
  design: Design;
  tableName: string;
  /** Use a table that already exists: must equal `tableName` (typed by a person). */
  confirmExistingTableName?: string;
  /** Where the client sends (endpoint or region), kept on the handle for messages. */
  target?: string;
  signal?: AbortSignal;
  /** Called as soon as CreateTable succeeded, before waiting for ACTIVE: the handle to delete it with. */
  onCreated?: (table: CreatedTable) => void;
  timeoutMs?: number;
  pollMs?: number;
  /** Store the design in the table it creates (default true). */
  storeDesign?: boolean;
}

export type CreateDesignTableResult =
  /**
   * Created here; `table` is the handle deleteDesignTable accepts. `settings`: one outcome per table setting
   * the model states (billing, stream, table class, deletion protection, time to live, point-in-time
   * recovery), applied or not and why; empty when it states none.
   */
  | { status: 'created'; tableName: string; table: CreatedTable; description: TableDescription; settings: TableSettingOutcome[]; stored?: StoreDesignResult }
  /** Existed already, matches the design, and the caller confirmed its name. */
  | { status: 'existing'; tableName: string; difference: TableDifference; description: TableDescription }
  /** Existed already and was left alone: not confirmed, or it cannot serve the design. */
  | { status: 'refused'; tableName: string; reason: 'notConfirmed' | 'incompatible'; difference: TableDifference; description: TableDescription };

export async function createDesignTable(options: CreateDesignTableOptions): Promise<CreateDesignTableResult> {
  const { client, design, tableName, confirmExistingTableName, signal } = options;
  const definition = tableDefinition(design, tableName);
  const wait = {
    client,
    tableName,
    ...(signal ? { signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  };

  let existing = await findTable(client, tableName, signal);
  if (!existing) {
    try {
      signal?.throwIfAborted();
      const out = await createTagged(client, definition, designIdentity(designLayout(design)));
      // An endpoint that did not say when it made the table: take the first description.
      const made = out.TableDescription?.CreationDateTime || out.TableDescription?.TableId ? out.TableDescription : await findTable(client, tableName);
      const table = rememberCreatedTable({
        tableName,
        target: options.target ?? '',
        createdAt: made?.CreationDateTime,
        tableId: made?.TableId,
        deletionProtection: definition.DeletionProtectionEnabled === true,
      });
      options.onCreated?.(table);
      const description = await waitForTableActive(wait);
      const stored =
        options.storeDesign === false ? undefined : await storeDesign({ client, tableName, design, table: definition, ...(signal ? { signal } : {}) });
      const settings = await applyTableSettings({ client, design, tableName, description, ...(signal ? { signal } : {}) });
      return { status: 'created', tableName, table, description, settings, ...(stored ? { stored } : {}) };
    } catch (e) {
      // Someone created it between DescribeTable and CreateTable: treat it as existing.
      if (!(e instanceof ResourceInUseException || (e as Error).name === 'ResourceInUseException')) throw e;
      existing = await findTable(client, tableName, signal);
      if (!existing) throw e;
    }
  }

  const difference = compareTableWithDesign(existing, definition);
  if (!difference.compatible) return { status: 'refused', tableName, reason: 'incompatible', difference, description: existing };
  if (confirmExistingTableName !== tableName) return { status: 'refused', tableName, reason: 'notConfirmed', difference, description: existing };
  const description = await waitForTableActive(wait);
  return { status: 'existing', tableName, difference, description };
}

/**
 * CreateTable with the design's identity as the tag `tablewright:design`, so a migration can tell the table's
 * design (DynamoDB Local accepts the tag and keeps none). Tagging at creation needs the permission
 * dynamodb:TagResource as well (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.Operations.html):
 * credentials without it get the table untagged rather than no table.
 */
async function createTagged(client: DynamoDBClient, definition: TableDefinition, identity: string) {
  try {
    return await client.send(new CreateTableCommand({ ...definition, Tags: [{ Key: DESIGN_TAG, Value: identity }] }));
  } catch (e) {
    const refused = e instanceof Error && e.name === 'AccessDeniedException' && /TagResource/.test(e.message);
    if (!refused) throw e;
    return client.send(new CreateTableCommand(definition));
  }
}
