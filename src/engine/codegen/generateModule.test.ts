import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allModels, exampleModel } from '../../testing/exampleModels.ts';
import { typeCheckModules } from '../../testing/typeCheckModules.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem, toItem } from '../design/items.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { generateModule } from './generateModule.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('generateModule', () => {
  it('matches the golden module for the e-commerce example', async () => {
    await expect(generateModule(deriveDesign(exampleModel('ecommerce')))).toMatchFileSnapshot('__snapshots__/ecommerce.accessPatterns.ts.snap');
  });

  it('type-checks under tsc --strict (and noUnused*, exactOptionalPropertyTypes) for every example and test model', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-gen-'));
    const files = allModels().map(({ slug, model }) => {
      const file = path.join(dir, `${slug}.ts`);
      fs.writeFileSync(file, generateModule(deriveDesign(model)));
      return file;
    });
    expect(typeCheckModules(files)).toEqual([]);
  }, 60_000);

  it('builds the same requests, items and table definition as the engine', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.tw-gen-'));
    try {
      for (const { slug, model } of allModels()) {
        const design = deriveDesign(model);
        const file = path.join(dir, `${slug}.ts`);
        fs.writeFileSync(file, generateModule(design));
        const mod = (await import(pathToFileURL(file).href)) as {
          AccessPatterns: Record<string, (p: unknown) => unknown>;
          toItem: (e: string, r: unknown) => Record<string, unknown>;
          fromItem: (i: unknown) => unknown;
          tableDefinition: unknown;
        };
        expect(mod.tableDefinition).toEqual(tableDefinition(design));
        const records = generateSampleRecords(model, { seed: slug, scale: 0.2 });
        for (const [entity, list] of records) {
          for (const record of list.slice(0, 20)) {
            const item = toItem(design, entity, record);
            expect(mod.toItem(entity, record)).toEqual(item);
            expect(mod.fromItem(item)).toEqual(fromItem(design, item));
          }
        }
        for (const plan of design.patterns) {
          for (let pick = 0; pick < 5; pick++) {
            const params = sampleParams(model, records, plan.pattern, pick * 7);
            const expected = buildRequest(design, plan.pattern, params).map((r) => r.input);
            const got = mod.AccessPatterns[plan.pattern]?.(structuredClone(params));
            expect(Array.isArray(got) ? got : [got], `${slug}.${plan.pattern} ${JSON.stringify(params)}`).toEqual(expected);
          }
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps records with awkward names as data (reserved words, __proto__, JavaScript keywords)', async () => {
    const { parseModelText } = await import('../model/parseModelText.ts');
    const parsed = parseModelText(`model "Awkward"
entity Record key class
  class: string
  __proto__: string
  status: number
  delete: boolean
byStatus: Record by status where __proto__ begins_with ?
get: Record by class returns one
`);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = parsed.model;
    if (!model) return;
    const design = deriveDesign(model);
    const code = generateModule(design);
    const dir = fs.mkdtempSync(path.join(root, 'node_modules', '.tw-gen-'));
    try {
      const file = path.join(dir, 'awkward.ts');
      fs.writeFileSync(file, code);
      expect(typeCheckModules([file])).toEqual([]);
      const mod = (await import(pathToFileURL(file).href)) as {
        toItem: (e: string, r: unknown) => Record<string, unknown>;
        fromItem: (i: unknown) => { record: object };
      };
      const record = Object.fromEntries([
        ['class', 'c#1'],
        ['__proto__', 'x y'],
        ['status', -3.5],
        ['delete', true],
      ]);
      const back = mod.fromItem(mod.toItem('Record', record));
      expect(Object.getPrototypeOf(back.record)).toBe(Object.prototype);
      expect(Object.entries(back.record).sort()).toEqual(Object.entries(record).sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
