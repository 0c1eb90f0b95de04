// The key condition exists once, as data; its three printings agree: the values
// buildRequest sends, the text people read, and the TypeScript of the generated
// module (imported and called here), for every operator and a reversed pair.
import fs from 'node:fs';
import { compositeIndex } from '../design/indexKeys.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { MODULES_SCRATCH } from '../../testing/typeCheckModules.ts';
import { generateModule } from '../codegen/generateModule.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { encodeKeyValue } from '../keys/encodeKeyValue.ts';
import { buildRequest } from './buildRequest.ts';
import { keyCondition, keyConditionText, keyConditionValues } from './keyCondition.ts';

const model = modelFromText(`model "Ops"
entity Reading key (sensor, seq)
  sensor: string
  seq: number
  label: string
  site: string
eq: Reading by sensor where seq = ?
ge: Reading by sensor where seq >= ?
gt: Reading by sensor where seq > ?
le: Reading by sensor where seq <= ?
lt: Reading by sensor where seq < ?
span: Reading by sensor where seq between ? and ?
prefix: Reading by site where label begins_with ?
get: Reading by sensor, seq returns one
fixedSite: Reading where site = "a#b é" and seq >= ? order by seq desc limit 5
fixedSeq: Reading by sensor where seq = 5 and label = "x"
`);
const design = deriveDesign(model);
const PARAMS: Record<string, Record<string, unknown>> = {
  eq: { sensor: 's#1', seq: 7 },
  ge: { sensor: 's', seq: -2.5 },
  gt: { sensor: 's', seq: 10 },
  le: { sensor: 's', seq: 0 },
  lt: { sensor: 's', seq: 3 },
  span: { sensor: 's', seq: [9, 1] },
  prefix: { site: 'b', label: 'ab$' },
  get: { sensor: 'é', seq: 1 },
  fixedSite: { seq: 4 },
  fixedSeq: { sensor: 's' },
};

describe('keyCondition', () => {
  it('is the plan’s text, and buildRequest’s values, for every operator', () => {
    for (const plan of design.patterns) {
      const [step] = plan.steps;
      if (!step) throw new Error(plan.pattern);
      const index = compositeIndex(design.indexes.find((i) => i.name === step.index) ?? { name: '?', kind: 'gsi', pkAttribute: '', skAttribute: '' });
      const condition = keyCondition(step.key, index);
      if (condition.native) throw new Error('composite expected');
      expect(keyConditionText(condition, index, step.limit), plan.pattern).toBe(step.keyConditionText);
      const params = PARAMS[plan.pattern] as never;
      const [request] = buildRequest(design, plan.pattern, params);
      const values = keyConditionValues(condition, params);
      if (request?.operation === 'Query') expect(request.key, plan.pattern).toEqual(values);
      else expect(values.sk, plan.pattern).toEqual({ op: '=', value: request?.input.Key[index.skAttribute] });
    }
  });

  it('makes a reversed pair an empty range, never a BETWEEN DynamoDB refuses', () => {
    const step = design.patterns.find((p) => p.pattern === 'span')?.steps[0];
    if (!step) throw new Error('span');
    const condition = keyCondition(step.key);
    if (condition.native) throw new Error('composite expected');
    const { sk } = keyConditionValues(condition, { sensor: 's', seq: [9, 1] });
    expect(sk.op === 'between' && sk.low === sk.high && sk.low.endsWith('$')).toBe(true);
    expect(keyConditionText(condition, { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK' })).toMatch(
      /SK BETWEEN .*\{seq\[0\]\} AND .*\{seq\[1\]\}\$$/,
    );
  });

  it("holds a fixed attribute's literal, encoded in the values and shown with its attribute in the text", () => {
    const text = (name: string) => design.patterns.find((p) => p.pattern === name)?.steps[0]?.keyConditionText;
    expect(text('fixedSite')).toMatch(/^\w+ = READING#\{site="a#b é"\} AND \w+ BETWEEN READING#\{seq\} AND READING\$ LIMIT 5$/);
    expect(text('fixedSeq')).toMatch(/\{seq=5\}.*\{label="x"\}|\{label="x"\}.*\{seq=5\}/);
    const [site] = buildRequest(design, 'fixedSite', { seq: 4 });
    expect(site?.operation === 'Query' && site.key).toMatchObject({ pk: `READING#${encodeKeyValue('string', 'a#b é', 'site')}` });
  });

  let scratch: string | undefined;
  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('is printed as TypeScript that builds the same inputs', async () => {
    fs.mkdirSync(MODULES_SCRATCH, { recursive: true });
    scratch = fs.mkdtempSync(path.join(MODULES_SCRATCH, 'key-condition-'));
    const file = path.join(scratch, 'accessPatterns.ts');
    fs.writeFileSync(file, generateModule(design));
    const mod = (await import(pathToFileURL(file).href)) as { AccessPatterns: Record<string, (p: unknown) => unknown> };
    for (const [name, params] of Object.entries(PARAMS)) {
      expect(mod.AccessPatterns[name]?.(structuredClone(params)), name).toEqual(buildRequest(design, name, params as never)[0]?.input);
    }
  });
});
