// Hostile names, descriptions and values through every emitter: the generated
// module (compiles, runs nothing of the payload, carries only the runtime
// helpers the design needs), design.json (parses back to the same text) and
// design.md (renders with no HTML, no extra heading, table or link).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { marked } from 'marked';
import { exampleModel } from '../../testing/exampleModels.ts';
import { HOSTILE_MARKER, HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { markdownShape as shape } from '../../testing/markdownShape.ts';
import { MODULES_SCRATCH, typeCheckModules } from '../../testing/typeCheckModules.ts';
import type { Model } from '../model/types.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designJson } from '../design/designJson.ts';
import { designMarkdown } from '../design/designMarkdown.ts';
import { tableNameOf, tableNameProblem } from '../design/tableNameOf.ts';
import { generateModule } from './generateModule.ts';

/**
 * The e-commerce model with `text` as its name, source, every pattern's description, an enumerated value,
 * and the literal a pattern fixes that attribute to (in its key: the builder holds it).
 */
function hostileModel(text: string): Model {
  const model = structuredClone(exampleModel('ecommerce'));
  model.name = text;
  model.source = text;
  for (const p of model.patterns) p.text = text;
  const entity = model.entities.find((e) => e.attributes.some((a) => a.type === 'string' && a.values?.length));
  const enumerated = entity?.attributes.find((a) => a.type === 'string' && a.values?.length);
  if (!entity || !enumerated?.values) throw new Error('the e-commerce example has no string enumeration');
  enumerated.values.push(text);
  model.patterns.push({ name: 'hostileFixed', text, entity: entity.name, equals: [], fixed: { [enumerated.name]: text }, returns: 'many' });
  return model;
}

/** Every identifier in a TypeScript source, from the real parser: a payload that escaped would be one. */
function identifiers(source: string): string[] {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

const runtimeFunctions = (code: string) => [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);

const dir = fs.mkdtempSync(path.join(MODULES_SCRATCH, '.tw-hostile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hostile text through every emitter', () => {
  const plain = generateModule(deriveDesign(exampleModel('ecommerce')));
  const cases = HOSTILE_TEXTS.map((text, i) => ({ text, i, design: deriveDesign(hostileModel(text)) }));
  // Table names are refused where they enter; even one that slipped past (a caller that sets it by hand) stays data.
  const tableCases = HOSTILE_TEXTS.map((text, i) => ({ text, i, design: { ...deriveDesign(exampleModel('ecommerce')), tableName: text } }));

  it('the generated module compiles, and no payload reaches code', () => {
    const files = cases.map(({ i, design }) => {
      const code = generateModule(design);
      expect(
        identifiers(code).filter((t) => t.includes(HOSTILE_MARKER)),
        `payload ${i} in code`,
      ).toEqual([]);
      expect(runtimeFunctions(code), `payload ${i}: runtime helpers follow the design, not the text`).toEqual(runtimeFunctions(plain));
      const file = path.join(dir, `hostile${i}.ts`);
      fs.writeFileSync(file, code);
      return file;
    });
    const tableFiles = tableCases.map(({ i, design }) => {
      const code = generateModule(design);
      expect(
        identifiers(code).filter((t) => t.includes(HOSTILE_MARKER)),
        `table name ${i} in code`,
      ).toEqual([]);
      const file = path.join(dir, `table${i}.ts`);
      fs.writeFileSync(file, code);
      return file;
    });
    expect(typeCheckModules([...files, ...tableFiles])).toEqual([]);
  }, 60_000);

  it('importing every module runs none of the payloads', async () => {
    const g = globalThis as { PWNED?: unknown };
    delete g.PWNED;
    for (const { i, design, text } of cases) {
      const file = path.join(dir, `run${i}.ts`);
      fs.writeFileSync(file, generateModule(design));
      const mod = (await import(pathToFileURL(file).href)) as { AccessPatterns: Record<string, (p: object) => unknown>; TABLE_NAME: string };
      expect(g.PWNED, `payload ${i} ran`).toBeUndefined();
      expect(mod.TABLE_NAME).toBe(tableNameOf(text));
      expect(Object.keys(mod.AccessPatterns).length).toBeGreaterThan(0);
    }
    for (const { i, design, text } of tableCases) {
      const file = path.join(dir, `runTable${i}.ts`);
      fs.writeFileSync(file, generateModule(design));
      const mod = (await import(pathToFileURL(file).href)) as { TABLE_NAME: string };
      expect(g.PWNED, `table name ${i} ran`).toBeUndefined();
      expect(mod.TABLE_NAME).toBe(text);
    }
  }, 60_000);

  it('design.json parses back to the very text', () => {
    for (const { text, design } of cases) {
      const parsed = JSON.parse(designJson(design)) as { model: string; tableName: string };
      expect(parsed.model).toBe(text);
      expect(tableNameProblem(parsed.tableName)).toBeUndefined();
    }
  });

  it('design.md renders no HTML, link, image or extra block from the text', () => {
    const plainTokens = shape(marked.lexer(designMarkdown(deriveDesign(hostileModel('harmless text')))));
    for (const { i, design } of cases) {
      const md = designMarkdown(design);
      const html = marked.parse(md, { async: false });
      const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]?.toLowerCase()));
      expect(
        [...tags].filter((t) => !['h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'strong', 'code'].includes(t ?? '')),
        `payload ${i}`,
      ).toEqual([]);
      const attributes = [...html.matchAll(/<[a-zA-Z][\w-]*\s([^>]*)>/g)].map((m) => m[1]);
      expect(
        attributes.filter((a) => !/^align="\w+"$/.test(a ?? '')),
        `payload ${i}: attributes`,
      ).toEqual([]);
      // Same blocks, same table shapes as the harmless design: the text made no heading, row or cell.
      expect(shape(marked.lexer(md)), `payload ${i}`).toEqual(plainTokens);
    }
  });
});

describe('table names', () => {
  it('are refused unless DynamoDB would take them, before any code is printed', () => {
    for (const name of ['x */ console.log("INJECTED"); /*', 'ab', 'a'.repeat(256), "it's", 'Shop\nTable', 'naïve']) {
      expect(tableNameProblem(name), name).toMatch(/A-Z, a-z, 0-9, "_", "-" and "."/);
      expect(() => deriveDesign(exampleModel('ecommerce'), { tableName: name })).toThrow(RangeError);
    }
    for (const name of ['abc', 'My_Table-1.0', 'a'.repeat(255)]) expect(tableNameProblem(name)).toBeUndefined();
  });

  it('made from any title are valid', () => {
    for (const text of [...HOSTILE_TEXTS, '', '%', 'ÅÄÖ']) expect(tableNameProblem(tableNameOf(text)), JSON.stringify(text)).toBeUndefined();
  });
});
