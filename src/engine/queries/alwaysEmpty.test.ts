// A `between` range on an equality attribute: one parameter, a [low, high]
// pair, compared for equality, so the answer is always empty (FORMAT.md,
// answerPattern, the conformance harness). buildRequest sends nothing for it
// and the in-memory evaluation answers nothing, like the brute force.
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { toItem } from '../design/items.ts';
import type { PatternParams } from '../model/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { alwaysEmptyParameter } from './alwaysEmpty.ts';
import { answerPattern } from './answerPattern.ts';
import { buildRequest } from './buildRequest.ts';
import { patternParameters } from './patternParameters.ts';
import { runRequests } from './runRequests.ts';
import { sampleParams } from './sampleParams.ts';

const model = modelFromText(`model "Sensors"
entity Reading key (sensor, seq) count 40
  sensor: "a" | "b"
  seq: number
  day: date
byDay: Reading by sensor, day where day between ? and ?
dayFirst: Reading by day, sensor where day between ? and ?
dayOnly: Reading by day where day between ? and ?
inRange: Reading by sensor where day between ? and ?
since: Reading by sensor, day where day >= ?
`);
const design = deriveDesign(model);
const records = generateSampleRecords(model, { seed: 'always-empty' });
const items = [...records].flatMap(([entity, list]) => list.map((r) => toItem(design, entity, r)));
const readings = records.get('Reading') ?? [];

const emptyOf = (name: string) => {
  const plan = design.patterns.find((p) => p.pattern === name);
  if (!plan) throw new Error(`no plan for ${name}`);
  return alwaysEmptyParameter(plan, patternParameters(model, name));
};

describe('a between range on an equality attribute', () => {
  it('is always empty, told by the plan and the parameter shapes, whatever the order of by', () => {
    expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(emptyOf('byDay')).toBe('day');
    expect(emptyOf('dayFirst')).toBe('day');
    expect(emptyOf('dayOnly')).toBe('day');
    // A between on another attribute, and another range on the equality attribute, can answer.
    expect(emptyOf('inRange')).toBeUndefined();
    expect(emptyOf('since')).toBeUndefined();
  });

  it('builds no request, evaluates to nothing and equals the brute force, for hits and around them', () => {
    expect(readings.length).toBeGreaterThan(10);
    for (const name of ['byDay', 'dayFirst', 'dayOnly']) {
      const sets: PatternParams[] = [];
      for (let pick = 0; pick < 8; pick++) sets.push(sampleParams(model, records, name, pick * 5));
      // A pair whose ends are one record's own day, and one spanning every day.
      for (const r of readings.slice(0, 4)) sets.push({ ...(name === 'dayOnly' ? {} : { sensor: r['sensor'] ?? 'a' }), day: [r['day'] ?? '', r['day'] ?? ''] });
      sets.push({ ...(name === 'dayOnly' ? {} : { sensor: 'a' }), day: ['0000-01-01', '9999-12-31'] });
      for (const params of sets) {
        expect(Array.isArray(params['day']), `${name} ${JSON.stringify(params)}`).toBe(true);
        const requests = buildRequest(design, name, params);
        expect(requests, `${name} ${JSON.stringify(params)}`).toEqual([]);
        expect(runRequests({ design, items, requests })).toEqual([]);
        expect(answerPattern(model, records, name, params)).toEqual([]);
      }
    }
  });

  it('answers nothing only for the declared pair, and leaves the other patterns their requests', () => {
    expect(buildRequest(design, 'byDay', { sensor: 'a', day: ['2024-01-01', '2024-01-01'] })).toEqual([]);
    expect(() => buildRequest(design, 'byDay', { sensor: 'a', day: '2024-01-01' })).toThrow(/parameter "day" takes \[low, high\]/);
    const inRange = buildRequest(design, 'inRange', sampleParams(model, records, 'inRange'));
    expect(inRange).toHaveLength(1);
    const since = sampleParams(model, records, 'since');
    expect(buildRequest(design, 'since', since)).toHaveLength(1);
    expect(runRequests({ design, items, requests: buildRequest(design, 'since', since) }).length).toBe(answerPattern(model, records, 'since', since).length);
  });
});
