import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedRuntimeFile } from './generatedRuntimeFile.ts';
import { WRITE_RUNTIME_BLOCKS } from './writeRuntimeSource.generated.ts';

const WRITE_RUNTIME_SOURCE = WRITE_RUNTIME_BLOCKS.map((block) => block.text).join('\n\n');
const WRITE_RUNTIME_NAMES = WRITE_RUNTIME_BLOCKS.flatMap((block) => block.names);
import { WRITE_RUNTIME_EXPORTS } from './embedRuntime.ts';

const read = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');

describe('the write runtime a module carries', () => {
  it('is writeRuntime.ts as it is now (run `npm run gen:runtime` after changing it)', () => {
    expect(read('./writeRuntimeSource.generated.ts')).toBe(generatedRuntimeFile(read('./writeRuntime.ts')));
  });

  it('exports only the error classes and request types, and imports nothing', () => {
    const exported = [...WRITE_RUNTIME_SOURCE.matchAll(/^export (?:async function|function|class|interface|type|const) (\w+)/gm)].map((m) => m[1]);
    expect(exported.sort()).toEqual([...WRITE_RUNTIME_EXPORTS].sort());
    expect(WRITE_RUNTIME_SOURCE).not.toMatch(/^import /m);
    expect(WRITE_RUNTIME_NAMES).toEqual(expect.arrayContaining(['createRecord', 'updateRecord', 'removeRecord', 'Placeholders', 'WRITE_ATTEMPTS']));
  });
});
