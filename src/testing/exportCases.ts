// Test data for the infrastructure exports: every problem in ../shared/problems, its extensions and
// the engine's test problems, each derived in both key modes, plus a hand-made design with native
// GSIs (two sort-key attributes, none) and e-commerce with every table setting; and what each
// export must declare, read straight from tableDefinition and tableSettings, in a canonical form
// (order-insensitive parts sorted) so a format's own order does not matter.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, problemFiles, READS_ONLY_PROBLEMS_DIR, TEST_PROBLEMS_DIR } from './exampleModels.ts';
import { nativeDesign } from '../engine/codegen/testing/nativeKeysDesign.ts';
import { designLayout } from '../engine/design/designJson.ts';
import { deriveDesign } from '../engine/design/deriveDesign.ts';
import { tableDefinition, type TableDefinition } from '../engine/design/tableDefinition.ts';
import { tableSettings } from '../engine/design/tableSettings.ts';
import type { Design } from '../engine/design/types.ts';
import { DESIGN_TAG, designIdentity } from '../engine/evolve/designIdentity.ts';
import { KEYS_MODES } from '../engine/keys/nativeKeys.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_PROBLEMS_DIR = path.resolve(root, '..', 'shared', 'problems');

export interface ExportCase {
  /** `slug (mode)`. */
  name: string;
  design: Design;
}

/** The problem files the exports are tested on. */
export function exportProblemFiles(): string[] {
  return [SHARED_PROBLEMS_DIR, path.join(SHARED_PROBLEMS_DIR, 'extensions'), TEST_PROBLEMS_DIR, READS_ONLY_PROBLEMS_DIR]
    .filter((dir) => fs.existsSync(dir))
    .flatMap(problemFiles);
}

export function exportCases(): ExportCase[] {
  const cases: ExportCase[] = [];
  for (const file of exportProblemFiles()) {
    const model = loadModel(file);
    for (const keys of KEYS_MODES) cases.push({ name: `${path.basename(file, '.problem.json')} (${keys})`, design: deriveDesign(model, { keys }) });
  }
  cases.push({ name: 'hand-made native GSIs', design: nativeDesign() });
  const ecommerce = loadModel(path.join(SHARED_PROBLEMS_DIR, 'ecommerce.problem.json'));
  cases.push({
    name: 'ecommerce with every on-demand table setting',
    design: deriveDesign({
      ...ecommerce,
      table: {
        name: 'Shop.orders-v2',
        billing: 'on-demand',
        stream: 'KEYS_ONLY',
        pitr: true,
        deletionProtection: true,
        tableClass: 'STANDARD_INFREQUENT_ACCESS',
      },
    }),
  });
  return cases;
}

/** What a table export declares: the CreateTable input, the TTL attribute, point-in-time recovery and the tags. */
export interface TableFacts {
  definition: TableDefinition;
  timeToLive?: string;
  pitr: boolean;
  tags: { Key: string; Value: string }[];
}

/** The tag every export puts on the table: the runner's, naming the design. */
export function designTag(design: Design): { Key: string; Value: string } {
  return { Key: DESIGN_TAG, Value: designIdentity(designLayout(design)) };
}

/** What the design says the table is. */
export function expectedFacts(design: Design): TableFacts {
  const settings = tableSettings(design);
  return {
    definition: tableDefinition(design),
    ...(settings.ttlAttribute !== undefined ? { timeToLive: settings.ttlAttribute } : {}),
    pitr: settings.pitr,
    tags: [designTag(design)],
  };
}

/** The facts with their order-insensitive lists sorted (attribute definitions, GSIs, tags); key schemas keep their order. */
export function canonicalFacts(facts: TableFacts): TableFacts {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const d = facts.definition;
  return {
    ...facts,
    definition: {
      ...d,
      AttributeDefinitions: [...d.AttributeDefinitions].sort((a, b) => byText(a.AttributeName, b.AttributeName)),
      ...(d.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: [...d.GlobalSecondaryIndexes].sort((a, b) => byText(a.IndexName, b.IndexName)) } : {}),
    },
    tags: [...facts.tags].sort((a, b) => byText(a.Key, b.Key)),
  };
}

type Json = Record<string, unknown>;

/** Reads a CloudFormation `AWS::DynamoDB::Table`'s Properties back as facts; any property it does not know fails. */
export function cloudFormationFacts(properties: Json): TableFacts {
  const known = new Set([
    'TableName',
    'BillingMode',
    'ProvisionedThroughput',
    'AttributeDefinitions',
    'KeySchema',
    'GlobalSecondaryIndexes',
    'StreamSpecification',
    'TableClass',
    'DeletionProtectionEnabled',
    'TimeToLiveSpecification',
    'PointInTimeRecoverySpecification',
    'Tags',
  ]);
  const unknown = Object.keys(properties).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`unexpected table properties: ${unknown.join(', ')}`);
  const {
    TimeToLiveSpecification: ttl,
    PointInTimeRecoverySpecification: pitr,
    Tags: tags,
    StreamSpecification: stream,
    ...rest
  } = properties as Json & {
    TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
    PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled: boolean };
    Tags?: { Key: string; Value: string }[];
    StreamSpecification?: { StreamViewType: string };
  };
  if (ttl && ttl.Enabled !== true) throw new Error('a TimeToLiveSpecification that is not enabled');
  return {
    definition: {
      ...(rest as unknown as TableDefinition),
      ...(stream ? { StreamSpecification: { StreamEnabled: true, ...stream } as NonNullable<TableDefinition['StreamSpecification']> } : {}),
    },
    ...(ttl ? { timeToLive: ttl.AttributeName } : {}),
    pitr: pitr?.PointInTimeRecoveryEnabled === true,
    tags: tags ?? [],
  };
}
