// Every export of a design, as one table: a format is one entry (its id, what it is, and the files
// it makes from the design). The CLI's `export FORMAT` and the app's Code panel both read this
// table, so a format added here is in both. Each format's emitter is imported when its files are
// asked for, so the app's first load carries the table and none of the emitters.
import type { CostReport } from '../cost/costReport.ts';
import type { Design } from '../design/types.ts';

/** The language a file is shown in (the app's code view). */
export type ExportLanguage = 'yaml' | 'json' | 'typescript' | 'hcl' | 'shell' | 'markdown';

export interface ExportFile {
  /** A plain file name (letters, digits, `.`, `_`, `-`): never a path. */
  name: string;
  text: string;
  mediaType: string;
  language: ExportLanguage;
}

/** What the caller has already computed and a format may use instead of computing it again. */
export interface ExportContext {
  cost?: CostReport;
}

export interface ExportFormat {
  /** The CLI's FORMAT argument. */
  id: string;
  /** A short name (the app's tab). */
  label: string;
  /** One sentence: what the files are and how they are used. */
  summary: string;
  /** The files hold the design's cost report: a caller that computes it elsewhere (the app, in a worker, at its prices) passes it as `context.cost`. */
  usesCost?: boolean;
  /** The files, in the order they are shown. */
  files(design: Design, context?: ExportContext): Promise<ExportFile[]>;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'cloudformation',
    label: 'CloudFormation',
    summary:
      'An AWS CloudFormation template with the table (AWS::DynamoDB::Table), in YAML and in JSON: aws cloudformation deploy --template-file template.yaml --stack-name NAME.',
    files: async (design) => {
      const { cloudFormationJson, cloudFormationYaml } = await import('./cloudFormation.ts');
      return [
        { name: 'template.yaml', text: cloudFormationYaml(design), mediaType: 'application/yaml', language: 'yaml' },
        { name: 'template.json', text: cloudFormationJson(design), mediaType: 'application/json', language: 'json' },
      ];
    },
  },
  {
    id: 'cdk',
    label: 'CDK',
    summary: 'An AWS CDK stack in TypeScript with the table (aws-cdk-lib TableV2), for a CDK app.',
    files: async (design) => {
      const { cdkStack, cdkStackClassName } = await import('./cdkStack.ts');
      return [{ name: `${cdkStackClassName(design.tableName)}.ts`, text: cdkStack(design), mediaType: 'text/typescript', language: 'typescript' }];
    },
  },
  {
    id: 'terraform',
    label: 'Terraform',
    summary: 'A Terraform configuration with the table (aws_dynamodb_table of the hashicorp/aws provider) and its name and ARN as outputs.',
    files: async (design) => {
      const { terraformConfig } = await import('./terraform.ts');
      return [{ name: 'dynamodb_table.tf', text: terraformConfig(design), mediaType: 'text/plain', language: 'hcl' }];
    },
  },
  {
    id: 'aws-cli',
    label: 'AWS CLI',
    summary:
      'The CreateTable input for aws dynamodb create-table --cli-input-json file://create-table.json, and a shell script that creates the table, then turns on its time to live and point-in-time recovery.',
    files: async (design) => {
      const { awsCliInputJson, awsCliScript, CREATE_TABLE_INPUT_FILE } = await import('./awsCli.ts');
      return [
        { name: CREATE_TABLE_INPUT_FILE, text: awsCliInputJson(design), mediaType: 'application/json', language: 'json' },
        { name: 'create-table.sh', text: awsCliScript(design), mediaType: 'text/x-shellscript', language: 'shell' },
      ];
    },
  },
  {
    id: 'workbench',
    label: 'NoSQL Workbench',
    summary:
      "A NoSQL Workbench data model (format 3.0): the table, its GSIs and a facet per entity with its key aliases and sample items, for Workbench's visualizer (Import data model); npm run cli -- import reads it back to the same layout.",
    files: async (design) => {
      const { exportWorkbench } = await import('./workbench/exportWorkbench.ts');
      return [{ name: 'nosql-workbench-model.json', text: exportWorkbench(design).text, mediaType: 'application/json', language: 'json' }];
    },
  },
  {
    id: 'electrodb',
    label: 'ElectroDB',
    summary:
      'ElectroDB 3 entities and a service for the same table: the items the generated module writes (the same key attributes and values), put.E(record) to write one, and patterns.p(params) for every access pattern, returning the same records (a sharded pattern runs one library query per shard, merged in its order; a two-request pattern runs both).',
    files: async (design) => {
      const { electrodbEntities, ELECTRODB_FILE } = await import('./electrodb.ts');
      return [{ name: ELECTRODB_FILE, text: electrodbEntities(design), mediaType: 'text/typescript', language: 'typescript' }];
    },
  },
  {
    id: 'dynamodb-toolbox',
    label: 'DynamoDB-Toolbox',
    summary:
      'A DynamoDB-Toolbox v2 table and entities for the same table: the items the generated module writes (the same key attributes and values), put.E(record) to write one, and patterns.p(params) for every access pattern, returning the same records (a sharded pattern runs one library query per shard, merged in its order; a two-request pattern runs both).',
    files: async (design) => {
      const { dynamodbToolboxEntities, TOOLBOX_FILE } = await import('./dynamodbToolbox.ts');
      return [{ name: TOOLBOX_FILE, text: dynamodbToolboxEntities(design), mediaType: 'text/typescript', language: 'typescript' }];
    },
  },
  {
    id: 'markdown',
    label: 'Markdown',
    summary: 'The design document in Markdown: entity chart, indexes, patterns and their requests, writes, what it costs a month, and the warnings.',
    usesCost: true,
    files: async (design, context) => {
      const { designDocument } = await import('./designDocument.ts');
      return [{ name: 'design.md', text: await designDocument(design, context?.cost), mediaType: 'text/markdown', language: 'markdown' }];
    },
  },
];

/** The format of this id, or undefined. */
export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
