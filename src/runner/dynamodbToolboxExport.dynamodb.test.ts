// The DynamoDB-Toolbox export (engine/interop/dynamodbToolbox.ts) on DynamoDB Local: every problem in
// both key modes, tsc --strict, every exported pattern equal to the brute force, a put read back by
// fromItem (testing/libraryExport.ts). Native multi-attribute GSI keys are the Toolbox's partitionKeys/sortKeys;
// not exported, and said so: two-step and sharded patterns.
import { dynamodbToolboxEntities, toolboxUnsupported } from '../engine/interop/dynamodbToolbox.ts';
import { libraryExportCases } from '../testing/libraryExportCases.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../testing/typeCheckModules.ts';
import { libraryExportTests, type LibraryApi } from './testing/libraryExport.ts';

interface ToolboxFile {
  createToolbox(client: unknown, table: string): LibraryApi;
}

libraryExportTests({
  name: 'dynamodb-toolbox',
  generate: dynamodbToolboxEntities,
  unsupported: toolboxUnsupported,
  expressible: (_design, plan) => plan.steps.length === 1 && plan.steps[0]?.shards === undefined,
  open: (module, doc, tableName) => (module as ToolboxFile).createToolbox(doc, tableName),
}, { ...libraryExportCases(), scratch: MODULES_SCRATCH, typeCheck: typeCheckModules });
