// The text of writeRuntimeSource.generated.ts for a given writeRuntime.ts.
import { embedRuntime } from './embedRuntime.ts';

export function generatedRuntimeFile(runtimeText: string): string {
  const { blocks } = embedRuntime(runtimeText);
  return [
    '// Generated from writeRuntime.ts by `npm run gen:runtime`: do not edit.',
    '',
    '/** The write runtime as every generated module carries it, in top-level blocks, each with the names it declares (reserved in generated modules): a module leaves out those it never calls. */',
    `export const WRITE_RUNTIME_BLOCKS: readonly { names: readonly string[]; text: string }[] = ${JSON.stringify(blocks, null, 2)};`,
    '',
  ].join('\n');
}
