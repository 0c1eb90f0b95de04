// Loads a generated module (accessPatterns.ts text) so the runner can call it: the
// text is written into a fresh folder under the project's node_modules (where its
// imports, @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb, resolve) and
// imported; TypeScript runs because the CLI runs under tsx (and tests under vitest).
// Node only: not exported by the runner's index, which the browser loads.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface LoadedModule<T> {
  module: T;
  file: string;
  /** Deletes the folder it was written to. */
  dispose: () => void;
}

export async function loadGeneratedModule<T>(source: string, name = 'accessPatterns'): Promise<LoadedModule<T>> {
  const parent = path.join(ROOT, 'node_modules');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, '.tablewright-module-'));
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, source);
  try {
    const module = (await import(pathToFileURL(file).href)) as T;
    return { module, file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
