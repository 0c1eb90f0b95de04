// The design's table as an AWS CloudFormation template (`AWS::DynamoDB::Table`), as data and
// printed as YAML and JSON, from `exportedTable` alone. CloudFormation's table properties are
// CreateTable's, with these differences (template reference, AWS::DynamoDB::Table:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html):
// - StreamSpecification holds StreamViewType only (no StreamEnabled: the stream is on when it is given).
// - TimeToLiveSpecification and PointInTimeRecoverySpecification are properties of the table, so
//   one deployment sets what CreateTable cannot (no UpdateTimeToLive/UpdateContinuousBackups afterwards).
// - GlobalSecondaryIndex.KeySchema is "[ KeySchema, ... ]", "the complete key schema for a global
//   secondary index, which consists of one or more pairs of attribute names and key types" (HASH,
//   RANGE): the same KeySchemaElement list as CreateTable's. A multi-attribute (native) key is that
//   list with up to four HASH elements, then up to four RANGE elements, in key order (developer guide,
//   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html);
//   each attribute with its own type in AttributeDefinitions.
// The table is kept when the stack is deleted or the table replaced (DeletionPolicy and
// UpdateReplacePolicy Retain), as the CDK export's TableV2 does by default: a table holds data.
import type { Design } from '../design/types.ts';
import { exportedTable, tableCodeName, type ExportedTable } from './exportedTable.ts';
import { yamlText, type YamlValue } from './yamlText.ts';

type Template = { [key: string]: YamlValue };

/** A model name in the template's Description, which CloudFormation caps at 1,024 bytes: at most 200 characters. */
const MAX_NAME_CHARS = 200;

/** The template as data (what the YAML and JSON files hold). */
export function cloudFormationTemplate(design: Design): Template {
  const table = exportedTable(design);
  const id = tableCodeName(design.tableName);
  const name = Array.from(design.model.name);
  const title = name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS).join('')}…` : design.model.name;
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${title}: the DynamoDB table of its single-table design (exported by Tablewright)`,
    Resources: {
      [id]: {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: tableProperties(table),
      },
    },
    Outputs: {
      TableName: { Description: 'The table name', Value: { Ref: id } },
      TableArn: { Description: 'The table ARN', Value: { 'Fn::GetAtt': [id, 'Arn'] } },
      ...(table.definition.StreamSpecification ? { StreamArn: { Description: 'The stream ARN', Value: { 'Fn::GetAtt': [id, 'StreamArn'] } } } : {}),
    },
  };
}

/** The `AWS::DynamoDB::Table` resource's Properties. */
export function tableProperties(table: ExportedTable): { [key: string]: YamlValue } {
  const d = table.definition;
  return {
    TableName: d.TableName,
    BillingMode: d.BillingMode,
    ...(d.ProvisionedThroughput ? { ProvisionedThroughput: { ...d.ProvisionedThroughput } } : {}),
    AttributeDefinitions: d.AttributeDefinitions.map((a) => ({ ...a })),
    KeySchema: d.KeySchema.map((k) => ({ ...k })),
    ...(d.GlobalSecondaryIndexes
      ? {
          GlobalSecondaryIndexes: d.GlobalSecondaryIndexes.map((g) => ({
            IndexName: g.IndexName,
            KeySchema: g.KeySchema.map((k) => ({ ...k })),
            Projection: { ...g.Projection },
            ...(g.ProvisionedThroughput ? { ProvisionedThroughput: { ...g.ProvisionedThroughput } } : {}),
          })),
        }
      : {}),
    ...(d.StreamSpecification ? { StreamSpecification: { StreamViewType: d.StreamSpecification.StreamViewType } } : {}),
    ...(d.TableClass !== undefined ? { TableClass: d.TableClass } : {}),
    ...(d.DeletionProtectionEnabled !== undefined ? { DeletionProtectionEnabled: d.DeletionProtectionEnabled } : {}),
    ...(table.timeToLive ? { TimeToLiveSpecification: { AttributeName: table.timeToLive.attribute, Enabled: true } } : {}),
    ...(table.pointInTimeRecovery ? { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } } : {}),
    ...(table.tags.length ? { Tags: table.tags.map((t) => ({ Key: t.key, Value: t.value })) } : {}),
  };
}

/** The template as YAML. */
export function cloudFormationYaml(design: Design): string {
  return yamlText(cloudFormationTemplate(design));
}

/** The template as JSON. */
export function cloudFormationJson(design: Design): string {
  return `${JSON.stringify(cloudFormationTemplate(design), null, 2)}\n`;
}
