import { describe, expect, it } from 'vitest';
import { generateSampleRecords, parseModelText, patternParameters, type Model, type PatternParams } from '../engine/index.ts';
import { paramsFit, refreshParams } from './patternResults.ts';
import { createTestStore } from './testStore.ts';

const SENSORS = [
  'model "Sensors"',
  '',
  'entity Reading key (sensor, day, at) count 30',
  '  sensor: string',
  '  day: date',
  '  at: datetime',
  '  level: number',
  '',
  'byDay: Reading by sensor, day where day between ? and ?',
  'bySensor: Reading by sensor',
  '',
].join('\n');

const parse = (text: string): Model => {
  const parsed = parseModelText(text);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
};

const EDITED: PatternParams = { sensor: 'mine', day: ['2024-02-01', '2024-02-29'] };

describe('refreshParams', () => {
  const model = parse(SENSORS);
  const records = generateSampleRecords(model, { seed: 1 });

  it('keeps an edited pair for a range on a by attribute (one parameter, shaped by the range)', () => {
    const { params, editedParams } = refreshParams({ model, records, params: { byDay: EDITED }, edited: ['byDay'] });
    expect(params['byDay']).toBe(EDITED);
    expect(editedParams).toEqual(['byDay']);
  });

  it('replaces edited values that no longer fit: other names, or another shape', () => {
    const between = parse(SENSORS.replace('where day between ? and ?', 'where at between ? and ?'));
    const names = refreshParams({ model: between, records, params: { byDay: EDITED }, edited: ['byDay'] });
    expect(names.editedParams).toEqual([]);
    expect(Object.keys(names.params['byDay'] ?? {})).toEqual(['sensor', 'day', 'at']);

    const atLeast = parse(SENSORS.replace('where day between ? and ?', 'where day >= ?'));
    const shape = refreshParams({ model: atLeast, records, params: { byDay: EDITED }, edited: ['byDay'] });
    expect(shape.editedParams).toEqual([]);
    expect(Array.isArray(shape.params['byDay']?.['day'])).toBe(false);
  });

  it('keeps the defaults of a pattern whose definition and entity are the same, the same objects or not, and picks again when the entity changed', () => {
    const first = refreshParams({ model, records, params: {}, edited: [] }).params;
    // The same objects (the page keeps what an edit did not change), then equal ones in a new model.
    expect(refreshParams({ model, records, params: {}, edited: [] }).params['byDay']).toBe(first['byDay']);
    expect(refreshParams({ model: parse(SENSORS), records, params: {}, edited: [] }).params['byDay']).toBe(first['byDay']);
    // The entity's attributes changed: the same pattern objects, another entity definition.
    const reading = model.entities[0] as Model['entities'][number];
    const changed: Model = {
      ...model,
      entities: [{ ...reading, attributes: reading.attributes.map((a) => (a.name === 'level' ? { ...a, optional: true } : a)) }],
    };
    const again = refreshParams({ model: changed, records, params: {}, edited: [] }).params['byDay'];
    expect(again).not.toBe(first['byDay']);
    expect(again).toEqual(first['byDay']);
  });

  it('gives unedited patterns the sample values', () => {
    const { params } = refreshParams({ model, records, params: { bySensor: { sensor: 'mine' } }, edited: [] });
    expect(params['bySensor']?.['sensor']).not.toBe('mine');
    expect(Object.keys(params['byDay'] ?? {})).toEqual(['sensor', 'day']);
  });
});

describe('paramsFit', () => {
  const model = parse(
    [
      'model "M"',
      'entity Doc key id',
      '  id: string',
      '  title: string',
      '  n: number',
      'pair: Doc by id where n between ? and ?',
      'prefix: Doc where title begins_with ?',
      'value: Doc by id where n >= ?',
      '',
    ].join('\n'),
  );
  const fit = (name: string, values: PatternParams) => paramsFit(patternParameters(model, name), values);

  it('wants the same names, each of its shape', () => {
    expect(fit('pair', { id: 'a', n: [1, 2] })).toBe(true);
    expect(fit('pair', { id: 'a', n: 1 })).toBe(false);
    expect(fit('pair', { id: 'a' })).toBe(false);
    expect(fit('pair', { id: 'a', n: [1, 2], extra: 3 })).toBe(false);
    expect(fit('prefix', { title: 'ab' })).toBe(true);
    expect(fit('prefix', { title: 3 })).toBe(false);
    expect(fit('value', { id: 'a', n: 3 })).toBe(true);
    expect(fit('value', { id: ['a', 'b'], n: 3 })).toBe(false);
  });

  it('reads own properties only: a parameter called __proto__ is data', () => {
    const parameters = [{ name: '__proto__', attribute: '__proto__', type: 'string', shape: 'value', op: '=' }] as const;
    expect(paramsFit(parameters, {})).toBe(false);
    expect(paramsFit(parameters, Object.fromEntries([['__proto__', 'x']]))).toBe(true);
  });
});

describe('the store', () => {
  it('keeps an edited between-on-a-by-attribute value across re-analysis', async () => {
    const { store, settled, clock } = createTestStore();
    store.getState().openSource({ text: SENSORS, format: 'text' });
    await settled();
    expect(store.getState().diagnostics).toContainEqual(expect.objectContaining({ code: 'model.rangeOnEquality', severity: 'warning' }));
    store.getState().setParams('byDay', EDITED);

    // An unrelated change: another attribute's name.
    clock.now += 10_000;
    store.getState().setSource(SENSORS.replace('level: number', 'height: number'));
    await settled();
    const state = store.getState();
    expect(state.model?.entities[0]?.attributes.map((a) => a.name)).toContain('height');
    expect(state.params['byDay']).toEqual(EDITED);
    expect(state.editedParams).toEqual(['byDay']);
  });
});
