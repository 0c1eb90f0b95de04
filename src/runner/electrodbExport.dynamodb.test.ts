// The ElectroDB export (engine/interop/electrodb.ts) on DynamoDB Local: every problem in both key
// modes, tsc --strict, every pattern the design serves (two-step, write-sharded and native-GSI ones
// included) equal to the brute force, a put read back by fromItem (testing/libraryExport.ts).
import { electrodbEntities } from '../engine/interop/electrodb.ts';
import { libraryExportCases } from '../testing/libraryExportCases.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../testing/typeCheckModules.ts';
import { libraryExportTests, type LibraryApi } from './testing/libraryExport.ts';

interface ElectroFile {
  createElectroDb(client: unknown, table: string): { put: Record<string, (record: unknown) => { go(): Promise<unknown> }>; patterns: LibraryApi['patterns'] };
}

libraryExportTests(
  {
    name: 'electrodb',
    generate: electrodbEntities,
    open(module, doc, tableName) {
      const { put, patterns } = (module as ElectroFile).createElectroDb(doc, tableName);
      return { put: Object.fromEntries(Object.entries(put).map(([entity, f]) => [entity, (record) => f(record).go()])), patterns };
    },
  },
  { ...libraryExportCases(), scratch: MODULES_SCRATCH, typeCheck: typeCheckModules },
);
