// The Terraform export read back by HashiCorp's HCL parser (@cdktf/hcl2json, offline WebAssembly):
// its aws_dynamodb_table is the design's CreateTable input with its TTL and point-in-time recovery,
// for every problem in both key modes; multi-attribute GSI keys as key_schema blocks with the
// provider version that has them; user text stays one literal string (never a template).
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { tableDefinition, type TableDefinition } from '../design/tableDefinition.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { isMultiAttributeKey } from './exportedTable.ts';
import { hclString } from './hclText.ts';
import { TERRAFORM_AWS_PROVIDER, terraformConfig } from './terraform.ts';
import { canonicalFacts, expectedFacts, exportCases, type TableFacts } from '../../testing/exportCases.ts';

type Block = Record<string, unknown>;
type Config = {
  terraform: { required_providers: { aws: { source: string; version: string } }[] }[];
  resource: { aws_dynamodb_table: Record<string, Block[]> };
  output: Record<string, { value: string }[]>;
};

/**
 * A string as Terraform's JSON syntax holds it (hcl2json's output), read as the literal it must be:
 * `$${` and `%%{` are the escaped `${` and `%{`; an unescaped one would be a template, and fails.
 */
function literal(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`${JSON.stringify(value)} is not a string`);
  return value.replace(/\$\$\{|%%\{|\$\{|%\{/g, (m) => {
    if (m === '${' || m === '%{') throw new Error(`${JSON.stringify(value)} is a template, not a literal`);
    return m.slice(1);
  });
}

const one = <T>(list: unknown): T => {
  expect(Array.isArray(list) && list.length === 1).toBe(true);
  return (list as T[])[0] as T;
};

/** The table resource's arguments read back as facts; any argument it does not know fails. */
function terraformFacts(table: Block): TableFacts {
  const known = new Set([
    'name',
    'billing_mode',
    'read_capacity',
    'write_capacity',
    'hash_key',
    'range_key',
    'attribute',
    'global_secondary_index',
    'ttl',
    'point_in_time_recovery',
    'stream_enabled',
    'stream_view_type',
    'table_class',
    'deletion_protection_enabled',
    'tags',
  ]);
  const unknown = Object.keys(table).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`unexpected arguments: ${unknown.join(', ')}`);
  const throughput = (b: Block) =>
    b.read_capacity === undefined
      ? {}
      : { ProvisionedThroughput: { ReadCapacityUnits: b.read_capacity as number, WriteCapacityUnits: b.write_capacity as number } };
  const keys = (b: Block): TableDefinition['KeySchema'] => {
    if (b.key_schema !== undefined) {
      expect(b.hash_key).toBeUndefined();
      return (b.key_schema as Block[]).map((k) => ({ AttributeName: literal(k.attribute_name), KeyType: literal(k.key_type) as 'HASH' | 'RANGE' }));
    }
    return [
      { AttributeName: literal(b.hash_key), KeyType: 'HASH' },
      ...(b.range_key === undefined ? [] : [{ AttributeName: literal(b.range_key), KeyType: 'RANGE' as const }]),
    ];
  };
  const gsis = (table.global_secondary_index as Block[] | undefined) ?? [];
  const ttl = table.ttl === undefined ? undefined : one<Block>(table.ttl);
  if (ttl) expect(ttl.enabled).toBe(true);
  const definition: TableDefinition = {
    TableName: literal(table.name),
    BillingMode: literal(table.billing_mode) as TableDefinition['BillingMode'],
    ...throughput(table),
    AttributeDefinitions: (table.attribute as Block[]).map((a) => ({ AttributeName: literal(a.name), AttributeType: literal(a.type) as 'S' | 'N' })),
    KeySchema: keys(table),
    ...(gsis.length
      ? {
          GlobalSecondaryIndexes: gsis.map((g) => ({
            IndexName: literal(g.name),
            KeySchema: keys(g),
            Projection: { ProjectionType: literal(g.projection_type) as 'ALL' },
            ...throughput(g),
          })),
        }
      : {}),
    ...(table.stream_enabled === true ? { StreamSpecification: { StreamEnabled: true, StreamViewType: literal(table.stream_view_type) as 'KEYS_ONLY' } } : {}),
    ...(table.table_class === undefined ? {} : { TableClass: literal(table.table_class) as 'STANDARD' }),
    ...(table.deletion_protection_enabled === undefined ? {} : { DeletionProtectionEnabled: table.deletion_protection_enabled as boolean }),
  };
  return {
    definition,
    ...(ttl ? { timeToLive: literal(ttl.attribute_name) } : {}),
    pitr: table.point_in_time_recovery === undefined ? false : one<Block>(table.point_in_time_recovery).enabled === true,
    tags: Object.entries((table.tags as Record<string, string> | undefined) ?? {}).map(([Key, Value]) => ({ Key: literal(Key), Value: literal(Value) })),
  };
}

async function readConfig(text: string): Promise<{ config: Config; name: string; table: Block }> {
  const config = (await parse('dynamodb_table.tf', text)) as Config;
  const tables = Object.entries(config.resource.aws_dynamodb_table);
  expect(tables).toHaveLength(1);
  const [name, blocks] = tables[0] as [string, Block[]];
  return { config, name, table: one<Block>(blocks) };
}

describe.each(exportCases())('the Terraform configuration of $name', ({ design }) => {
  it("parses, and its aws_dynamodb_table is the design's table", async () => {
    const { config, name, table } = await readConfig(terraformConfig(design));
    expect(canonicalFacts(terraformFacts(table))).toEqual(canonicalFacts(expectedFacts(design)));
    const native = (tableDefinition(design).GlobalSecondaryIndexes ?? []).some((g) => isMultiAttributeKey(g.KeySchema));
    const aws = one<{ aws: { source: string; version: string } }>(one<{ required_providers: unknown }>(config.terraform).required_providers).aws;
    expect(aws).toEqual({ source: 'hashicorp/aws', version: native ? TERRAFORM_AWS_PROVIDER.multiAttributeKeys : TERRAFORM_AWS_PROVIDER.plain });
    expect(one<{ value: string }>(config.output.table_arn).value).toBe(`\${aws_dynamodb_table.${name}.arn}`);
    expect(config.output.stream_arn === undefined).toBe(design.model.table?.stream === undefined);
  });
});

describe('user text in the Terraform configuration', () => {
  it.each(HOSTILE_TEXTS.map((text, i) => ({ text, i })))('stays one literal string (hostile text $i)', async ({ text }) => {
    // The model's name reaches a comment; a table name that slipped past the checks reaches `name` and the resource's label.
    const design = { ...deriveDesign({ ...exampleModel('ecommerce'), name: text }), tableName: `${text} \${var.x} %{ if true }` };
    const { name, table } = await readConfig(terraformConfig(design));
    expect(literal(table.name)).toBe(design.tableName.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
    expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
  });

  it('writes template sequences doubled and a lone surrogate as U+FFFD', () => {
    expect(hclString('a${b}%{c}"\\\n')).toBe('"a$${b}%%{c}\\"\\\\\\n"');
    expect(hclString('x\ud800y')).toBe('"x\\ufffdy"');
  });
});
