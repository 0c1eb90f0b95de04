// Names of Object.prototype's members as entity, attribute and pattern names, through every
// stage of the engine: each answers as it would for any other name, keeps the name as an own
// property of records, items and parameters, and never touches Object.prototype.
import { afterEach, describe, expect, it } from 'vitest';
import { answerPattern } from '../queries/answerPattern.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { runRequests } from '../queries/runRequests.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem, toItem } from '../design/items.ts';
import { parseModelText } from '../model/parseModelText.ts';
import { parseProblemJson } from '../model/parseProblemJson.ts';
import { problemToJson } from '../model/problemToJson.ts';
import type { Item } from '../design/types.ts';
import type { Model, RecordValue } from '../model/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { applyWrite } from '../writes/applyWrite.ts';
import { designTable } from '../writes/guardItems.ts';
import { PROTO_MODEL_TEXT, PROTO_NAMES } from './protoNames.ts';

const ownNames = (value: object) => Object.keys(value).sort();
const sorted = [...PROTO_NAMES].sort();

function model(): Model {
  const parsed = parseModelText(PROTO_MODEL_TEXT);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
}

const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).map((name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)]);
afterEach(() => {
  // Nothing leaked onto every object.
  expect(Object.getOwnPropertyNames(Object.prototype).map((name) => [name, Object.getOwnPropertyDescriptor(Object.prototype, name)])).toEqual(PROTOTYPE);
});

describe('prototype member names in every stage', () => {
  it('parse: both forms read every name as an entity, attribute and pattern, with no error', () => {
    const text = parseModelText(PROTO_MODEL_TEXT);
    expect(text.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(text.model?.entities.map((e) => e.name)).toEqual([...PROTO_NAMES]);
    expect(text.model?.entities.every((e) => e.attributes.map((a) => a.name).join() === PROTO_NAMES.join())).toBe(true);
    expect(text.model?.patterns.map((p) => p.name)).toEqual([...PROTO_NAMES]);
    const json = parseProblemJson(problemToJson(model()));
    expect(json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(json.model).toEqual(text.model);
  });

  it('derive and plans: every pattern is served', () => {
    const design = deriveDesign(model());
    expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(design.patterns.map((p) => [p.pattern, p.steps.length > 0])).toEqual(PROTO_NAMES.map((n) => [n, true]));
  });

  it('samples, toItem and fromItem: records hold every name as an own value and come back unchanged', () => {
    const m = model();
    const design = deriveDesign(m);
    const records = generateSampleRecords(m, { seed: 'proto' });
    expect([...records.keys()]).toEqual([...PROTO_NAMES]);
    for (const [entity, list] of records) {
      expect(list.length, entity).toBe(3);
      for (const record of list) {
        expect(ownNames(record), entity).toEqual(sorted);
        expect(typeof record.__proto__, entity).toBe('string');
        const item = toItem(design, entity, record);
        expect(Object.hasOwn(item, '__proto__')).toBe(true);
        expect(fromItem(design, item)).toEqual({ entity, record });
      }
    }
  });

  it('buildRequest, answerPattern and runRequests: each pattern answers in memory the records the brute force finds', () => {
    const m = model();
    const design = deriveDesign(m);
    const records = generateSampleRecords(m, { seed: 'proto' });
    const items = [...records].flatMap(([entity, list]) => list.map((record) => toItem(design, entity, record)));
    for (const pattern of m.patterns) {
      for (let pick = 0; pick < 3; pick++) {
        const params = sampleParams(m, records, pattern.name, pick);
        expect(Object.keys(params).length, pattern.name).toBeGreaterThan(0);
        const requests = buildRequest(design, pattern.name, params);
        const answered = runRequests({ design, items, requests }).map((item) => fromItem(design, item).record);
        const expected = answerPattern(m, records, pattern.name, params).map((a) => a.record);
        expect(expected.length, pattern.name).toBeGreaterThan(0);
        expect(answered, `${pattern.name} ${JSON.stringify(params)}`).toEqual(expected);
      }
    }
  });

  it('writes: create, update and remove on the memory table keep every name', async () => {
    const m = model();
    const design = deriveDesign(m);
    const records = generateSampleRecords(m, { seed: 'proto' });
    const table = designTable(
      design,
      [...records].flatMap(([entity, list]) => list.map((record) => toItem(design, entity, record))),
    );
    for (const entity of PROTO_NAMES) {
      const record: RecordValue = Object.fromEntries(PROTO_NAMES.map((a) => [a, a === 'valueOf' ? 7 : `new-${entity}-${a}`]));
      const created = await applyWrite({ design, table, write: { operation: 'create', entity, record } });
      expect(created.outcome, entity).toMatchObject({ ok: true });
      expect(
        table
          .items()
          .map((item) => fromItem(design, item as Item))
          .filter((r) => r.entity === entity && r.record[entity] === record[entity])
          .map((r) => r.record),
        entity,
      ).toEqual([record]);
      const key = { [entity]: record[entity] } as RecordValue;
      const changed = PROTO_NAMES.find((a) => a !== entity && a !== 'valueOf' && a !== 'constructor' && a !== 'toString') ?? '__proto__';
      const updated = await applyWrite({ design, table, write: { operation: 'update', entity, key, changes: { [changed]: 'changed' } } });
      expect(updated.outcome, entity).toMatchObject({ ok: true });
      const stored = table
        .items()
        .map((item) => fromItem(design, item as Item))
        .find((r) => r.entity === entity && r.record[entity] === record[entity]);
      expect(stored?.record, entity).toEqual({ ...record, [changed]: 'changed' });
      const removed = await applyWrite({ design, table, write: { operation: 'remove', entity, key } });
      expect(removed.outcome, entity).toMatchObject({ ok: true });
      expect(
        table.items().some((item) => item[entity] === record[entity] && item[design.entityAttribute] === entity),
        entity,
      ).toBe(false);
    }
  });
});
