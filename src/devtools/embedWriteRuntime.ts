// Writes src/engine/writes/writeRuntimeSource.generated.ts from writeRuntime.ts
// (`npm run gen:runtime`); writeRuntimeSource.test.ts fails while it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedRuntimeFile } from '../engine/writes/generatedRuntimeFile.ts';

const dir = fileURLToPath(new URL('../engine/writes/', import.meta.url));
writeFileSync(`${dir}writeRuntimeSource.generated.ts`, generatedRuntimeFile(readFileSync(`${dir}writeRuntime.ts`, 'utf8')));
console.log('wrote src/engine/writes/writeRuntimeSource.generated.ts');
