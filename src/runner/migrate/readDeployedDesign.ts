// The design a live table has, read back from the table (issue 10): the design.json Tablewright
// stored in it when it created the table or last migrated it (storedDesign.ts), checked against
// the table itself before it is believed: the stored text must read as a design
// (parseDesignJson), be the design its items say (designIdentity), be the design of the table's
// tag `tablewright:design` where the endpoint keeps tags (DynamoDB Local keeps none), and the
// table's key schema and GSIs must be its (compareTableWithDesign).
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DESIGN_TAG,
  designIdentity,
  designMetadataKey,
  formatDiagnostic,
  parseDesignJson,
  tableDefinition,
  type Diagnostic,
  type LoadedDesign,
  type TableKeySchema,
} from '../../engine/index.ts';
import { compareTableWithDesign, describeTableDifference } from '../compareTableWithDesign.ts';
import { findTable } from '../findTable.ts';
import { readStoredDesign } from './storedDesign.ts';
import { readDesignTag, type DesignTag } from './tableIdentity.ts';

export type DeployedDesignRead =
  | {
      status: 'found';
      /** The stored design.json, as text (what `--deployed` and the app's Load deployed design read). */
      text: string;
      layout: LoadedDesign;
      identity: string;
      /** The table's tag, or that the endpoint keeps none. */
      tag: DesignTag;
      /** design.json's own warnings (a field it does not know...). */
      warnings: Diagnostic[];
    }
  | {
      status: 'refused';
      /**
       * noTable: no table of that name; notTablewright: no design stored in it; damaged: the stored design does not
       * read; mismatch: it reads, but the table's tag or its keys and indexes are another design's; unsupported: the
       * table's key cannot hold a stored design (a partition key that is not a string).
       */
      reason: 'noTable' | 'notTablewright' | 'damaged' | 'mismatch' | 'unsupported';
      /** One sentence naming the table (and the item, when it is about the item). */
      message: string;
      /** The located errors or differences behind it, one line each. */
      details: string[];
    };

type Refused = Extract<DeployedDesignRead, { status: 'refused' }>;
const refused = (reason: Refused['reason'], message: string, details: string[] = []): Refused => ({ status: 'refused', reason, message, details });

/** The design stored in a table (whose key schema `table` is), read and checked against itself only: the tag and the table's structure are the caller's. */
export async function readStoredLayout(options: {
  client: DynamoDBClient;
  tableName: string;
  table: TableKeySchema;
  signal?: AbortSignal;
}): Promise<{ status: 'found'; text: string; layout: LoadedDesign; identity: string; item: string; warnings: Diagnostic[] } | Refused> {
  const { tableName } = options;
  const stored = await readStoredDesign(options);
  switch (stored.status) {
    case 'unsupported':
      return refused('unsupported', stored.diagnostic.message);
    case 'missing':
      return refused(
        'notTablewright',
        `Table ${tableName} holds no design (no item ${keyText(designMetadataKey(stored.shape, 0))}): it was not created by Tablewright, or was created before Tablewright stored designs in their tables.`,
      );
    case 'damaged':
      return refused('damaged', `The design stored in table ${tableName} is damaged: ${stored.problem}.`);
    case 'found':
      break;
  }
  const item = keyText(designMetadataKey(stored.shape, 0));
  const parsed = parseDesignJson(stored.text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.design) {
    return refused(
      'damaged',
      `The design stored in table ${tableName} (item ${item}) is damaged: its design.json does not read (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}).`,
      errors.map((d) => `design.json:${d.span ? `${d.span.line}:${d.span.column}:` : d.path ? `${d.path}:` : ''} ${formatDiagnostic(d)}`),
    );
  }
  const identity = designIdentity(parsed.design);
  if (identity !== stored.identity) {
    return refused(
      'damaged',
      `The design stored in table ${tableName} (item ${item}) is damaged: its design.json is design ${identity}, its item says ${stored.identity}.`,
    );
  }
  return { status: 'found', text: stored.text, layout: parsed.design, identity, item, warnings: parsed.diagnostics.filter((d) => d.severity !== 'error') };
}

export async function readDeployedDesign(options: { client: DynamoDBClient; tableName: string; signal?: AbortSignal }): Promise<DeployedDesignRead> {
  const { client, tableName, signal } = options;
  const description = await findTable(client, tableName, signal);
  if (!description) return refused('noTable', `There is no table ${tableName} at this endpoint.`);
  const tag = await readDesignTag(client, description.TableArn ?? '', signal);
  const stored = await readStoredLayout({ client, tableName, table: description, ...(signal ? { signal } : {}) });
  if (stored.status === 'refused') {
    const tagged =
      tag.supported && tag.value !== undefined && stored.reason === 'notTablewright'
        ? ` Its tag ${DESIGN_TAG} says design ${tag.value}, but the design itself is not in the table.`
        : '';
    return { ...stored, message: `${stored.message}${tagged}` };
  }
  const { layout, identity, item } = stored;
  if (tag.supported && tag.value !== undefined && tag.value !== identity) {
    return refused(
      'mismatch',
      `Table ${tableName} is tagged ${DESIGN_TAG}=${tag.value}, but the design stored in it (item ${item}) is ${identity}: one of them was changed by hand, or a migration stopped between the two.`,
    );
  }
  const difference = compareTableWithDesign(description, tableDefinition({ ...layout, model: {} }, tableName));
  if (difference.entries.length > 0) {
    return refused(
      'mismatch',
      `Table ${tableName}'s key schema and indexes are not those of the design stored in it (design ${identity}, item ${item}): a migration in progress, or indexes changed by hand.`,
      difference.entries.map(describeTableDifference),
    );
  }
  return { status: 'found', text: stored.text, layout, identity, tag, warnings: stored.warnings };
}

/** `PK = $tablewright#design#0, SK = $tablewright` */
function keyText(key: Record<string, string | number>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k} = ${String(v)}`)
    .join(', ');
}
