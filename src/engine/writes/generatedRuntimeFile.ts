// The text of writeRuntimeSource.generated.ts for a given writeRuntime.ts.
import { embedRuntime } from './embedRuntime.ts';

export function generatedRuntimeFile(runtimeText: string): string {
  const { source, names, blocks } = embedRuntime(runtimeText);
  return [
    '// Generated from writeRuntime.ts by `npm run gen:runtime`: do not edit.',
    '',
    '/** The write runtime as every generated module carries it. */',
    `export const WRITE_RUNTIME_SOURCE = ${JSON.stringify(source)};`,
    '',
    '/** The names it declares at its top level: reserved in generated modules. */',
    `export const WRITE_RUNTIME_NAMES: readonly string[] = ${JSON.stringify(names)};`,
    '',
    '/** The same text in top-level blocks, each with the names it declares: a module leaves out those it never calls. */',
    `export const WRITE_RUNTIME_BLOCKS: readonly { names: readonly string[]; text: string }[] = ${JSON.stringify(blocks, null, 2)};`,
    '',
  ].join('\n');
}
