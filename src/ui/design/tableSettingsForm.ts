// The table settings form's rules, apart from React: what each field accepts (with the model
// checks' wording), what a choice does to the settings (a default choice drops its clause, so
// the source says only what differs from DynamoDB's defaults), and the settings in words.
import { tableNameProblem, type BillingMode, type StreamView, type TableClass, type TableSettings } from '../../engine/index.ts';

/** The capacity a switch to provisioned billing starts with (the DynamoDB console's default), for each unit not stated yet. */
export const DEFAULT_CAPACITY = 5;

export type CapacityField = 'read' | 'write';

/** Why `text` is not a capacity (a whole number of units, 1 or more), or undefined. */
export function capacityProblem(field: CapacityField, text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return `${field} capacity is needed with provisioned billing: a whole number of units, 1 or more`;
  const units = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(units) || units < 1) return `${field} capacity must be a whole number of units, 1 or more (found ${JSON.stringify(trimmed)})`;
  return undefined;
}

/** Why `text` is not a table name (empty is none: the design's default name), or undefined. */
export function nameProblem(text: string): string | undefined {
  const name = text.trim();
  if (name === '') return undefined;
  const problem = tableNameProblem(name);
  return problem === undefined ? undefined : `table name ${problem}`;
}

/** A field's new value; undefined drops it from the settings. */
export type TablePatch = { [K in keyof TableSettings]?: TableSettings[K] | undefined };

/** `table` with `patch` applied (undefined drops a field); undefined when no setting is left. */
export function patchTable(table: TableSettings | undefined, patch: TablePatch): TableSettings | undefined {
  const next: Record<string, unknown> = { ...table, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return Object.keys(next).length === 0 ? undefined : (next as TableSettings);
}

/** On demand drops the capacity (DynamoDB refuses it there); provisioned keeps the units stated, else DEFAULT_CAPACITY. */
export function billingPatch(billing: BillingMode, table: TableSettings | undefined): TablePatch {
  if (billing === 'on-demand') return { billing: undefined, read: undefined, write: undefined };
  return { billing, read: table?.read ?? DEFAULT_CAPACITY, write: table?.write ?? DEFAULT_CAPACITY };
}

export const streamPatch = (stream: StreamView | ''): TablePatch => ({ stream: stream === '' ? undefined : stream });
export const classPatch = (tableClass: TableClass): TablePatch => ({ tableClass: tableClass === 'STANDARD' ? undefined : tableClass });
export const namePatch = (text: string): TablePatch => ({ name: text.trim() === '' ? undefined : text.trim() });
export const capacityPatch = (field: CapacityField, text: string): TablePatch => ({ [field]: Number(text.trim()) });
/** Checked states the switch; unchecked drops it (off is the default). */
export const switchPatch = (field: 'pitr' | 'deletionProtection', on: boolean): TablePatch => ({ [field]: on ? true : undefined });

/** The settings in words, as the runner creates the table: `(default)` after what the model leaves to DynamoDB. */
export function describeTable(table: TableSettings | undefined, name: string): string[] {
  const t = table ?? {};
  const stated = (value: unknown, text: string) => (value === undefined ? `${text} (default)` : text);
  const billing =
    t.billing === 'provisioned'
      ? `provisioned: ${t.read ?? 1} read and ${t.write ?? 1} write units, on the table and each GSI`
      : stated(t.billing, 'on-demand');
  return [
    `name ${name}${t.name === undefined ? ' (default)' : ''}`,
    `billing ${billing}`,
    t.stream === undefined ? 'no stream (default)' : `stream ${t.stream}`,
    `class ${stated(t.tableClass, t.tableClass ?? 'STANDARD')}`,
    `point-in-time recovery ${stated(t.pitr, t.pitr ? 'on' : 'off')}`,
    `deletion protection ${stated(t.deletionProtection, t.deletionProtection ? 'on' : 'off')}`,
  ];
}

/** A unique set as the text form writes it: `email`, `(tenant, code)`. */
export function uniqueSetText(set: readonly string[]): string {
  return set.length === 1 ? (set[0] ?? '') : `(${set.join(', ')})`;
}
