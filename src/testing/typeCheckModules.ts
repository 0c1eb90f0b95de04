// Test helper: type-checks generated modules as a user's project would
// (tsc --strict plus noUnused*, exactOptionalPropertyTypes, noUncheckedIndexedAccess),
// with this repository's @aws-sdk packages. Returns the diagnostics, each with its file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function typeCheckModules(files: readonly string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    baseUrl: root,
    paths: { '@aws-sdk/*': [path.join(root, 'node_modules/@aws-sdk/*')] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** A folder inside node_modules, so an imported module resolves this repository's @aws-sdk packages. */
export const MODULES_SCRATCH = path.join(root, 'node_modules');
