// The text of writeRuntimeSource.generated.ts for a given writeRuntime.ts.
import { embedRuntime } from './embedRuntime.ts';

export function generatedRuntimeFile(runtimeText: string): string {
  const { source, names } = embedRuntime(runtimeText);
  return [
    '// Generated from writeRuntime.ts by `npm run gen:runtime`: do not edit.',
    '',
    '/** The write runtime as every generated module carries it. */',
    `export const WRITE_RUNTIME_SOURCE = ${JSON.stringify(source)};`,
    '',
    '/** The names it declares at its top level: reserved in generated modules. */',
    `export const WRITE_RUNTIME_NAMES: readonly string[] = ${JSON.stringify(names)};`,
    '',
  ].join('\n');
}
