// The CDK export, compiled and synthesized: every problem's stack file (both key modes) type-checks
// under tsc --strict against aws-cdk-lib, and its synthesized AWS::DynamoDB::GlobalTable is the
// design's CreateTable input with its TTL and point-in-time recovery. The same synthesis includes
// the CloudFormation export (the YAML of one mode, the JSON of the other) through CfnInclude, so
// CloudFormation's own validator (aws-cdk-lib's, with its findings made errors) checks both exports
// against the resource schemas, and the included table must read back as the design's too.
// One synthesis per problem: aws-cdk-lib's first one takes seconds.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_MARKER, HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../../testing/typeCheckModules.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import type { TableDefinition } from '../design/tableDefinition.ts';
import type { Design } from '../design/types.ts';
import { cdkStack, cdkStackClassName } from './cdkStack.ts';
import { cloudFormationJson, cloudFormationYaml } from './cloudFormation.ts';
import { canonicalFacts, cloudFormationFacts, expectedFacts, exportCases, type ExportCase, type TableFacts } from '../../testing/exportCases.ts';

type Json = Record<string, unknown>;
type StackClass = new (scope: App, id: string) => Stack;

/** Autoscaled write capacity held at one figure (TableV2's only provisioned write capacity): that figure. */
function heldWriteUnits(settings: unknown): number {
  const s = (settings as { WriteCapacityAutoScalingSettings: { MinCapacity: number; MaxCapacity: number } }).WriteCapacityAutoScalingSettings;
  expect(s.MinCapacity).toBe(s.MaxCapacity);
  return s.MaxCapacity;
}

/** A synthesized TableV2 (AWS::DynamoDB::GlobalTable, one replica) read back as facts; any property it does not know fails. */
function globalTableFacts(props: Json): TableFacts {
  const known = new Set([
    'TableName',
    'BillingMode',
    'AttributeDefinitions',
    'KeySchema',
    'GlobalSecondaryIndexes',
    'StreamSpecification',
    'TimeToLiveSpecification',
    'WriteProvisionedThroughputSettings',
    'Replicas',
  ]);
  expect(Object.keys(props).filter((k) => !known.has(k))).toEqual([]);
  const replica = (props.Replicas as Json[])[0] as Json;
  expect(props.Replicas).toHaveLength(1);
  const replicaKnown = new Set([
    'Region',
    'ReadProvisionedThroughputSettings',
    'GlobalSecondaryIndexes',
    'PointInTimeRecoverySpecification',
    'DeletionProtectionEnabled',
    'TableClass',
    'Tags',
  ]);
  expect(Object.keys(replica).filter((k) => !replicaKnown.has(k))).toEqual([]);
  const provisioned = props.BillingMode === 'PROVISIONED';
  const readUnits = (settings: unknown) => (settings as { ReadCapacityUnits: number }).ReadCapacityUnits;
  const replicaGsis = (replica.GlobalSecondaryIndexes as Json[] | undefined) ?? [];
  const gsis = (props.GlobalSecondaryIndexes as Json[] | undefined) ?? [];
  const ttl = props.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
  if (ttl) expect(ttl.Enabled).toBe(true);
  const definition: TableDefinition = {
    TableName: props.TableName as string,
    BillingMode: props.BillingMode as TableDefinition['BillingMode'],
    ...(provisioned
      ? {
          ProvisionedThroughput: {
            ReadCapacityUnits: readUnits(replica.ReadProvisionedThroughputSettings),
            WriteCapacityUnits: heldWriteUnits(props.WriteProvisionedThroughputSettings),
          },
        }
      : {}),
    AttributeDefinitions: props.AttributeDefinitions as TableDefinition['AttributeDefinitions'],
    KeySchema: props.KeySchema as TableDefinition['KeySchema'],
    ...(gsis.length
      ? {
          GlobalSecondaryIndexes: gsis.map((g) => {
            const read = replicaGsis.find((r) => r.IndexName === g.IndexName)?.ReadProvisionedThroughputSettings;
            return {
              IndexName: g.IndexName as string,
              KeySchema: g.KeySchema as TableDefinition['KeySchema'],
              Projection: g.Projection as { ProjectionType: 'ALL' },
              ...(provisioned
                ? { ProvisionedThroughput: { ReadCapacityUnits: readUnits(read), WriteCapacityUnits: heldWriteUnits(g.WriteProvisionedThroughputSettings) } }
                : {}),
            };
          }),
        }
      : {}),
    ...(props.StreamSpecification ? { StreamSpecification: { StreamEnabled: true, ...(props.StreamSpecification as { StreamViewType: 'KEYS_ONLY' }) } } : {}),
    ...(replica.TableClass === undefined ? {} : { TableClass: replica.TableClass as 'STANDARD' }),
    ...(replica.DeletionProtectionEnabled === undefined ? {} : { DeletionProtectionEnabled: replica.DeletionProtectionEnabled as boolean }),
  };
  return {
    definition,
    ...(ttl ? { timeToLive: ttl.AttributeName } : {}),
    pitr: (replica.PointInTimeRecoverySpecification as { PointInTimeRecoveryEnabled?: boolean } | undefined)?.PointInTimeRecoveryEnabled === true,
    tags: (replica.Tags as TableFacts['tags'] | undefined) ?? [],
  };
}

const onlyResource = (template: Template, type: string): Json => {
  const resources = Object.values(template.findResources(type)) as { Properties: Json }[];
  expect(resources).toHaveLength(1);
  return (resources[0] as { Properties: Json }).Properties;
};

const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-cdk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cases = exportCases();
/** The stack file of each case, written once. */
const files = new Map<ExportCase, string>(cases.map((c, i) => [c, path.join(dir, `stack${i}.ts`)]));

/** Cases of one problem (its two key modes) are synthesized together. */
const groups: { name: string; group: ExportCase[] }[] = [];
for (const c of cases) {
  const name = c.name.replace(/ \((composite|native)\)$/, '');
  const found = groups.find((g) => g.name === name);
  if (found) found.group.push(c);
  else groups.push({ name, group: [c] });
}

/** Hostile texts as the model's name (a comment) and as a table name that slipped past the checks (a string literal). */
const hostile = HOSTILE_TEXTS.map((text, i) => ({
  text,
  file: path.join(dir, `hostile${i}.ts`),
  design: { ...deriveDesign({ ...exampleModel('ecommerce'), name: text }), tableName: text },
}));

beforeAll(() => {
  for (const [c, file] of files) fs.writeFileSync(file, cdkStack(c.design));
  for (const h of hostile) fs.writeFileSync(h.file, cdkStack(h.design));
});

describe('the CDK stack files', () => {
  it('type-check under tsc --strict against aws-cdk-lib (hostile names too), in one program', () => {
    expect(typeCheckModules([...files.values(), ...hostile.map((h) => h.file)])).toEqual([]);
  });
});

describe.each(groups)('the CDK stack and the CloudFormation template of $name, synthesized', ({ group }) => {
  it("synthesize, CloudFormation's validator accepts them, and each table is the design's", async () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'out-')), context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
    const stacks: { design: Design; cdk: Stack; cfn: Stack }[] = [];
    for (const [i, c] of group.entries()) {
      const mod = (await import(pathToFileURL(files.get(c) as string).href)) as Record<string, StackClass>;
      const Class = mod[cdkStackClassName(c.design.tableName)] as StackClass;
      const cdk = new Class(app, `Cdk${i}`);
      const cfn = new Stack(app, `Cfn${i}`);
      const file = path.join(dir, `template-${path.basename(files.get(c) as string, '.ts')}.${i % 2 ? 'json' : 'yaml'}`);
      fs.writeFileSync(file, i % 2 ? cloudFormationJson(c.design) : cloudFormationYaml(c.design));
      new CfnInclude(cfn, 'Template', { templateFile: file });
      stacks.push({ design: c.design, cdk, cfn });
    }
    for (const { design, cdk, cfn } of stacks) {
      const expected = canonicalFacts(expectedFacts(design));
      const synthesized = Template.fromStack(cdk);
      expect(canonicalFacts(globalTableFacts(onlyResource(synthesized, 'AWS::DynamoDB::GlobalTable')))).toEqual(expected);
      expect(Object.keys(synthesized.toJSON().Resources as Json)).toHaveLength(1);
      expect(canonicalFacts(cloudFormationFacts(onlyResource(Template.fromStack(cfn), 'AWS::DynamoDB::Table')))).toEqual(expected);
    }
  });
});

describe('user text in the CDK stack', () => {
  it('stays in string literals and comments: the stacks run, with the table name as given, and no payload runs', async () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'out-')) });
    for (const [i, h] of hostile.entries()) {
      const mod = (await import(pathToFileURL(h.file).href)) as Record<string, StackClass>;
      const stack = new (mod[cdkStackClassName(h.text)] as StackClass)(app, `Hostile${i}`);
      const table = stack.node.findAll().find((c) => c.node.id === 'Resource' && c.node.scope?.node.id === 'Table') as unknown as
        { tableName?: string } | undefined;
      expect(table?.tableName).toBe(h.text);
    }
    expect((globalThis as Record<string, unknown>)[HOSTILE_MARKER]).toBeUndefined();
  });
});
