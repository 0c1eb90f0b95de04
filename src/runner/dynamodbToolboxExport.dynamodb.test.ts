// The DynamoDB-Toolbox export (engine/interop/dynamodbToolbox.ts) on DynamoDB Local: every problem in
// both key modes, tsc --strict, every pattern the design serves (two-step, write-sharded and native-GSI
// ones included) equal to the brute force, a put read back by fromItem (testing/libraryExport.ts).
import { dynamodbToolboxEntities } from '../engine/interop/dynamodbToolbox.ts';
import { libraryExportCases } from '../testing/libraryExportCases.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../testing/typeCheckModules.ts';
import { libraryExportTests, type LibraryApi } from './testing/libraryExport.ts';

interface ToolboxFile {
  createToolbox(client: unknown, table: string): LibraryApi;
}

libraryExportTests(
  {
    name: 'dynamodb-toolbox',
    generate: dynamodbToolboxEntities,
    open: (module, doc, tableName) => (module as ToolboxFile).createToolbox(doc, tableName),
  },
  { ...libraryExportCases(), scratch: MODULES_SCRATCH, typeCheck: typeCheckModules },
);
