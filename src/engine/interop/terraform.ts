// The design's table as a Terraform configuration: one `aws_dynamodb_table` of the hashicorp/aws
// provider, from `exportedTable` alone
// (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table).
// - Table key: `hash_key`/`range_key` with an `attribute` block per key attribute (AttributeDefinitions).
// - A GSI with one key attribute per role keeps `hash_key`/`range_key`, which every 5.x and 6.x
//   provider reads. A multi-attribute (native) GSI key needs `key_schema` blocks, one per attribute
//   in key order ("up to 4 attributes with key_type = HASH and up to 4 attributes with
//   key_type = RANGE"), which the provider has from 6.29.0 on (its CHANGELOG): the version
//   constraint says so only when the design has such a GSI.
// - Billing, capacity (table and every GSI), stream, class and deletion protection as CreateTable's;
//   TTL (`ttl`) and point-in-time recovery (`point_in_time_recovery`) are blocks of the table.
// Every text goes through hclString; the resource name is hclIdentifier of the table's code name.
import type { Design } from '../design/types.ts';
import { exportedTable, isMultiAttributeKey, keyParts, tableCodeName } from './exportedTable.ts';
import { hclIdentifier, hclString } from './hclText.ts';
import { lineComment } from './lineComment.ts';

/** The provider versions the configuration asks for: any 5.x or later, 6.29.0 or later with a multi-attribute GSI key. */
export const TERRAFORM_AWS_PROVIDER = { plain: '>= 5.0', multiAttributeKeys: '>= 6.29.0' } as const;

type Line = string | { key: string; value: string };

/** The configuration (`.tf`): the provider requirement, the table resource and its outputs. */
export function terraformConfig(design: Design): string {
  const table = exportedTable(design);
  const d = table.definition;
  const resource = hclIdentifier(snakeCase(tableCodeName(design.tableName)));
  const tableKey = keyParts(d.KeySchema);
  const [hash, ...moreHash] = tableKey.hash;
  if (hash === undefined || moreHash.length > 0 || tableKey.range.length > 1)
    throw new Error('a table key has one partition-key and at most one sort-key attribute');
  const native = (d.GlobalSecondaryIndexes ?? []).some((g) => isMultiAttributeKey(g.KeySchema));

  const body: Line[] = [];
  body.push({ key: 'name', value: hclString(d.TableName) }, { key: 'billing_mode', value: hclString(d.BillingMode) });
  if (d.ProvisionedThroughput)
    body.push(
      { key: 'read_capacity', value: String(d.ProvisionedThroughput.ReadCapacityUnits) },
      { key: 'write_capacity', value: String(d.ProvisionedThroughput.WriteCapacityUnits) },
    );
  body.push({ key: 'hash_key', value: hclString(hash) });
  if (tableKey.range[0] !== undefined) body.push({ key: 'range_key', value: hclString(tableKey.range[0]) });
  for (const a of d.AttributeDefinitions)
    body.push(
      '',
      ...block('attribute', [
        { key: 'name', value: hclString(a.AttributeName) },
        { key: 'type', value: hclString(a.AttributeType) },
      ]),
    );
  for (const g of d.GlobalSecondaryIndexes ?? []) {
    const parts = keyParts(g.KeySchema);
    const lines: Line[] = [{ key: 'name', value: hclString(g.IndexName) }];
    if (!isMultiAttributeKey(g.KeySchema)) {
      lines.push({ key: 'hash_key', value: hclString(parts.hash[0] as string) });
      if (parts.range[0] !== undefined) lines.push({ key: 'range_key', value: hclString(parts.range[0]) });
    } else {
      for (const k of g.KeySchema)
        lines.push(
          ...block('key_schema', [
            { key: 'attribute_name', value: hclString(k.AttributeName) },
            { key: 'key_type', value: hclString(k.KeyType) },
          ]),
        );
    }
    lines.push({ key: 'projection_type', value: hclString(g.Projection.ProjectionType) });
    if (g.ProvisionedThroughput)
      lines.push(
        { key: 'read_capacity', value: String(g.ProvisionedThroughput.ReadCapacityUnits) },
        { key: 'write_capacity', value: String(g.ProvisionedThroughput.WriteCapacityUnits) },
      );
    body.push('', ...block('global_secondary_index', lines));
  }
  if (table.timeToLive)
    body.push(
      '',
      ...block('ttl', [
        { key: 'attribute_name', value: hclString(table.timeToLive.attribute) },
        { key: 'enabled', value: 'true' },
      ]),
    );
  if (table.pointInTimeRecovery) body.push('', ...block('point_in_time_recovery', [{ key: 'enabled', value: 'true' }]));
  const settings: Line[] = [];
  if (d.StreamSpecification)
    settings.push({ key: 'stream_enabled', value: 'true' }, { key: 'stream_view_type', value: hclString(d.StreamSpecification.StreamViewType) });
  if (d.TableClass !== undefined) settings.push({ key: 'table_class', value: hclString(d.TableClass) });
  if (d.DeletionProtectionEnabled !== undefined) settings.push({ key: 'deletion_protection_enabled', value: String(d.DeletionProtectionEnabled) });
  if (settings.length) body.push('', ...settings);
  if (table.tags.length)
    body.push('', 'tags = {', ...aligned(table.tags.map((t) => ({ key: hclString(t.key), value: hclString(t.value) }))).map((l) => `  ${l}`), '}');

  const ref = `aws_dynamodb_table.${resource}`;
  const out: string[] = [
    `# ${lineComment(design.model.name)}: the DynamoDB table of its single-table design (exported by Tablewright).`,
    '',
    ...render(
      block(
        'terraform',
        block(
          'required_providers',
          block('aws =', [
            { key: 'source', value: '"hashicorp/aws"' },
            { key: 'version', value: hclString(native ? TERRAFORM_AWS_PROVIDER.multiAttributeKeys : TERRAFORM_AWS_PROVIDER.plain) },
          ]),
        ),
      ),
    ),
    '',
    ...render(block(`resource "aws_dynamodb_table" ${hclString(resource)}`, body)),
    '',
    ...render(block('output "table_name"', [{ key: 'value', value: `${ref}.name` }])),
    '',
    ...render(block('output "table_arn"', [{ key: 'value', value: `${ref}.arn` }])),
  ];
  if (d.StreamSpecification) out.push('', ...render(block('output "stream_arn"', [{ key: 'value', value: `${ref}.stream_arn` }])));
  return `${out.join('\n')}\n`;
}

/** `header {`, the lines indented, `}`; attributes in a run aligned on `=` as `terraform fmt` does. */
function block(header: string, lines: readonly Line[]): string[] {
  return [`${header} {`, ...render(lines).map((l) => (l === '' ? '' : `  ${l}`)), '}'];
}

function render(lines: readonly Line[]): string[] {
  const out: string[] = [];
  let run: { key: string; value: string }[] = [];
  const flush = () => {
    out.push(...aligned(run));
    run = [];
  };
  for (const line of lines) {
    if (typeof line === 'string') {
      flush();
      out.push(line);
    } else run.push(line);
  }
  flush();
  return out;
}

function aligned(run: readonly { key: string; value: string }[]): string[] {
  const width = Math.max(0, ...run.map((a) => a.key.length));
  return run.map((a) => `${a.key.padEnd(width)} = ${a.value}`);
}

/** `EcommerceOrders` → `ecommerce_orders`. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
