// The design's table as an AWS CDK stack in TypeScript (aws-cdk-lib's `TableV2`,
// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_dynamodb.TableV2.html), from
// `exportedTable` alone. The stack file is text: aws-cdk-lib is never imported here, and the app
// never bundles it. Every name reaches the source through printTs (`q`, `comment`).
// - TableV2 synthesizes an `AWS::DynamoDB::GlobalTable` with one replica in the stack's region.
// - A multi-attribute (native) GSI key is `partitionKeys`/`sortKeys` (lists of attributes with
//   their types), a one-attribute key `partitionKey`/`sortKey`.
// - Provisioned billing: TableV2 takes fixed read capacity, but write capacity only autoscaled
//   ("You cannot configure write capacity using fixed capacity mode", Capacity.fixed): the design's
//   write units become autoscaling held at that figure (minimum = maximum). Every GSI takes the
//   table's units, as the CreateTable input gives it.
// - TTL, stream, point-in-time recovery, deletion protection, table class and tags are TableV2 props.
// - TableV2 keeps the table when the stack is deleted (RemovalPolicy.RETAIN, its default).
import type { TableDefinition } from '../design/tableDefinition.ts';
import type { Design } from '../design/types.ts';
import { comment, q } from '../codegen/printTs.ts';
import { exportedTable, keyAttributeType, keyParts, tableCodeName } from './exportedTable.ts';

/** The stack class's name for a table: `<TableName>Stack`. */
export function cdkStackClassName(tableName: string): string {
  return `${tableCodeName(tableName)}Stack`;
}

/** The stack file (`<TableName>Stack.ts`): one exported class, `new <TableName>Stack(app, 'Id')` in a CDK app. */
export function cdkStack(design: Design): string {
  const table = exportedTable(design);
  const d = table.definition;
  const className = cdkStackClassName(design.tableName);
  const used = new Set<string>(['TableV2', 'AttributeType', 'Billing']);
  const attribute = (name: string) => `{ name: ${q(name)}, type: AttributeType.${keyAttributeType(d, name) === 'N' ? 'NUMBER' : 'STRING'} }`;
  const keyProps = (keySchema: TableDefinition['KeySchema'], indent: string): string[] => {
    const { hash, range } = keyParts(keySchema);
    const out: string[] = [];
    if (hash.length === 1) out.push(`${indent}partitionKey: ${attribute(hash[0] as string)},`);
    else out.push(`${indent}partitionKeys: [${hash.map(attribute).join(', ')}],`);
    if (range.length === 1) out.push(`${indent}sortKey: ${attribute(range[0] as string)},`);
    else if (range.length > 1) out.push(`${indent}sortKeys: [${range.map(attribute).join(', ')}],`);
    return out;
  };

  const props: string[] = [`      tableName: ${q(d.TableName)},`, ...keyProps(d.KeySchema, '      ')];
  if (d.ProvisionedThroughput) {
    used.add('Capacity');
    const { ReadCapacityUnits: read, WriteCapacityUnits: write } = d.ProvisionedThroughput;
    props.push(`      // Write capacity can only be autoscaled in TableV2: held at ${write} units (minimum = maximum).`);
    props.push(
      `      billing: Billing.provisioned({ readCapacity: Capacity.fixed(${read}), writeCapacity: Capacity.autoscaled({ minCapacity: ${write}, maxCapacity: ${write} }) }),`,
    );
  } else props.push('      billing: Billing.onDemand(),');
  if (d.GlobalSecondaryIndexes?.length) {
    used.add('ProjectionType');
    props.push('      globalSecondaryIndexes: [');
    for (const g of d.GlobalSecondaryIndexes) {
      props.push(
        '        {',
        `          indexName: ${q(g.IndexName)},`,
        ...keyProps(g.KeySchema, '          '),
        '          projectionType: ProjectionType.ALL,',
      );
      if (g.ProvisionedThroughput) {
        const { ReadCapacityUnits: read, WriteCapacityUnits: write } = g.ProvisionedThroughput;
        props.push(
          `          readCapacity: Capacity.fixed(${read}),`,
          `          writeCapacity: Capacity.autoscaled({ minCapacity: ${write}, maxCapacity: ${write} }),`,
        );
      }
      props.push('        },');
    }
    props.push('      ],');
  }
  if (table.timeToLive) {
    props.push(`      // Time to live: ${comment(table.timeToLive.entities.join(', '))} items expire at this attribute's time (epoch seconds).`);
    props.push(`      timeToLiveAttribute: ${q(table.timeToLive.attribute)},`);
  }
  if (d.StreamSpecification) {
    used.add('StreamViewType');
    props.push(`      dynamoStream: StreamViewType.${d.StreamSpecification.StreamViewType},`);
  }
  if (table.pointInTimeRecovery) props.push('      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },');
  if (d.DeletionProtectionEnabled !== undefined) props.push(`      deletionProtection: ${d.DeletionProtectionEnabled},`);
  if (d.TableClass !== undefined) {
    used.add('TableClass');
    props.push(`      tableClass: TableClass.${d.TableClass},`);
  }
  if (table.tags.length) props.push(`      tags: [${table.tags.map((t) => `{ key: ${q(t.key)}, value: ${q(t.value)} }`).join(', ')}],`);

  const imports = ['AttributeType', 'Billing', 'Capacity', 'ProjectionType', 'StreamViewType', 'TableClass', 'TableV2'].filter((n) => used.has(n));
  return [
    '/**',
    ` * ${comment(design.model.name)}: the DynamoDB table of its single-table design, as an AWS CDK stack`,
    ' * (exported by Tablewright). Needs aws-cdk-lib 2 and constructs 10; in the CDK app:',
    ` *   new ${className}(app, '${className}');`,
    ' */',
    "import { Stack, type StackProps } from 'aws-cdk-lib';",
    `import { ${imports.join(', ')} } from 'aws-cdk-lib/aws-dynamodb';`,
    "import type { Construct } from 'constructs';",
    '',
    `export class ${className} extends Stack {`,
    '  readonly table: TableV2;',
    '',
    '  constructor(scope: Construct, id: string, props?: StackProps) {',
    '    super(scope, id, props);',
    "    this.table = new TableV2(this, 'Table', {",
    ...props,
    '    });',
    '  }',
    '}',
    '',
  ].join('\n');
}
