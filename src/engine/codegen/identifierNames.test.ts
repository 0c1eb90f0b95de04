// Every name FORMAT.md allows makes a module that compiles: entity, attribute
// and pattern names that are JavaScript or TypeScript words, or names the
// module itself declares, get a safe identifier (`class` → `classEntity`).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MODULES_SCRATCH, typeCheckModules } from '../../testing/typeCheckModules.ts';
import type { Model } from '../model/types.ts';
import { validateModel } from '../model/validateModel.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { generateModule } from './generateModule.ts';
import { PAGING_NAMES } from './pagingRuntime.ts';
import { RUNTIME_HELPERS } from './runtimeSource.ts';

const WORDS = [
  // JavaScript reserved words, strict-mode and module words
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
  // TypeScript type keywords and contextual words
  ...'any unknown never string number boolean symbol object bigint undefined keyof readonly infer is asserts unique type namespace module declare abstract as async from of get set require global out accessor satisfies intrinsic override constructor'.split(
    ' ',
  ),
  // names the module declares or imports itself
  ...RUNTIME_HELPERS,
  ...PAGING_NAMES,
  ...'KEY_ATTRIBUTES ENTITY_NAMES NUMBER_ATTRIBUTES keysOf readAll recordsOf TABLE_NAME EntityName EntityRecords AnyRecord AccessPatterns AccessPatternParams execute put toItem fromItem tableDefinition entityAttribute Item Record Promise Partial GetCommand QueryCommand PutCommand DynamoDBDocumentClient CreateTableCommandInput params _params'.split(
    ' ',
  ),
  // awkward but valid
  '__proto__',
  'toString',
  'hasOwnProperty',
  '_',
  'Object',
  'Params',
];

/** A model whose entity, attributes and patterns are all called `word` (a second entity refers to it). */
function modelNamed(word: string): Model {
  return {
    name: `Names ${word}`,
    entities: [
      {
        name: word,
        attributes: [
          { name: word, type: 'string' },
          { name: 'n', type: 'number' },
        ],
        key: [word],
        belongsTo: [],
      },
      {
        name: `${word}Child`,
        attributes: [
          { name: 'id', type: 'string' },
          { name: 'parent', type: 'string' },
          { name: 'at', type: 'datetime' },
        ],
        key: ['id'],
        belongsTo: [{ entity: word, via: ['parent'] }],
      },
    ],
    patterns: [
      { name: word, entity: word, equals: [word], returns: 'one' },
      {
        name: `${word}Children`,
        entity: `${word}Child`,
        equals: ['parent'],
        range: { attribute: 'at', op: 'between' },
        order: { attribute: 'at', direction: 'desc' },
        returns: 'many',
      },
      { name: `${word}With`, entity: word, equals: [word], include: [`${word}Child`], returns: 'many' },
    ],
  };
}

const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-names-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generated identifiers', () => {
  const modules = WORDS.map((word, i) => {
    const model = modelNamed(word);
    return { word, i, model, errors: validateModel(model).filter((d) => d.severity === 'error') };
  });

  it('every name FORMAT.md allows is accepted by the model', () => {
    expect(modules.filter((m) => m.errors.length > 0).map((m) => [m.word, m.errors.map((d) => d.message)])).toEqual([]);
  });

  it(`a module per name compiles under tsc --strict (${WORDS.length} names)`, () => {
    const files = modules.map(({ i, model }) => {
      const file = path.join(dir, `names${i}.ts`);
      fs.writeFileSync(file, generateModule(deriveDesign(model)));
      return file;
    });
    expect(typeCheckModules(files)).toEqual([]);
  }, 120_000);

  it('the modules run: records keep their names as data', async () => {
    for (const word of ['class', 'string', 'keyof', '__proto__', 'pair', 'Item']) {
      const file = path.join(dir, `run-${word}.ts`);
      fs.writeFileSync(file, generateModule(deriveDesign(modelNamed(word))));
      const mod = (await import(pathToFileURL(file).href)) as {
        toItem: (e: string, r: object) => Record<string, unknown>;
        fromItem: (i: object) => { entity: string; record: object };
      };
      const record = Object.fromEntries([
        [word, 'a#b'],
        ['n', 2],
      ]);
      const back = mod.fromItem(mod.toItem(word, record));
      expect(back.entity).toBe(word);
      expect(Object.entries(back.record)).toEqual(Object.entries(record));
    }
  }, 60_000);
});
