import { describe, expect, it } from 'vitest';
import type { Model, Pattern, RangeOp } from '../model/types.ts';
import { patternNamed, patternParameters } from './patternParameters.ts';

const model = (patterns: Omit<Pattern, 'entity' | 'returns'>[]): Model => ({
  name: 'Sensors',
  entities: [
    {
      name: 'Reading',
      attributes: [
        { name: 'sensor', type: 'string' },
        { name: 'day', type: 'date' },
        { name: 'at', type: 'datetime' },
        { name: 'level', type: 'number' },
        { name: 'unit', type: 'string', values: ['C', 'F'] },
        { name: 'ok', type: 'boolean' },
        { name: '__proto__', type: 'string', values: ['x', 'y'] },
      ],
      key: ['sensor', 'day', 'at'],
      belongsTo: [],
    },
  ],
  patterns: patterns.map((p) => ({ entity: 'Reading', returns: 'many', ...p })),
});

describe('patternParameters', () => {
  it('lists the equality attributes in order, typed from the entity', () => {
    const m = model([{ name: 'p', equals: ['sensor', 'day', 'ok'] }]);
    expect(patternParameters(m, 'p')).toEqual([
      { name: 'sensor', attribute: 'sensor', type: 'string', shape: 'value', op: '=' },
      { name: 'day', attribute: 'day', type: 'date', shape: 'value', op: '=' },
      { name: 'ok', attribute: 'ok', type: 'boolean', shape: 'value', op: '=' },
    ]);
  });

  it('takes no parameter for a fixed attribute (its value is a literal of the pattern)', () => {
    const m = model([
      { name: 'p', equals: ['sensor'], fixed: { unit: 'C', ok: true }, range: { attribute: 'at', op: '>=' } },
      { name: 'onlyFixed', equals: [], fixed: { level: 3 } },
    ]);
    expect(patternParameters(m, 'p').map((p) => p.name)).toEqual(['sensor', 'at']);
    expect(patternParameters(m, 'onlyFixed')).toEqual([]);
  });

  it('gives a pattern without equals or range no parameters, and an unknown pattern none', () => {
    const m = model([{ name: 'all', equals: [] }]);
    expect(patternParameters(m, 'all')).toEqual([]);
    expect(patternParameters(m, 'nope')).toEqual([]);
  });

  it.each<[RangeOp, 'value' | 'pair' | 'prefix']>([
    ['=', 'value'],
    ['<', 'value'],
    ['<=', 'value'],
    ['>', 'value'],
    ['>=', 'value'],
    ['between', 'pair'],
    ['begins_with', 'prefix'],
  ])('adds the range attribute after the equalities: %s is a %s', (op, shape) => {
    const m = model([{ name: 'p', equals: ['sensor'], range: { attribute: 'at', op } }]);
    expect(patternParameters(m, 'p')).toEqual([
      { name: 'sensor', attribute: 'sensor', type: 'string', shape: 'value', op: '=' },
      { name: 'at', attribute: 'at', type: 'datetime', shape, op },
    ]);
  });

  it('gives a range on an equality attribute ONE parameter, in the equality place, shaped by the range', () => {
    const m = model([
      { name: 'byDay', equals: ['sensor', 'day'], range: { attribute: 'day', op: 'between' } },
      { name: 'firstBy', equals: ['day', 'sensor'], range: { attribute: 'day', op: 'begins_with' } },
      { name: 'atLeast', equals: ['sensor', 'level'], range: { attribute: 'level', op: '>=' } },
    ]);
    expect(patternParameters(m, 'byDay')).toEqual([
      { name: 'sensor', attribute: 'sensor', type: 'string', shape: 'value', op: '=' },
      { name: 'day', attribute: 'day', type: 'date', shape: 'pair', op: 'between' },
    ]);
    expect(patternParameters(m, 'firstBy').map((p) => [p.name, p.shape, p.op])).toEqual([
      ['day', 'prefix', 'begins_with'],
      ['sensor', 'value', '='],
    ]);
    expect(patternParameters(m, 'atLeast').map((p) => [p.name, p.shape, p.op])).toEqual([
      ['sensor', 'value', '='],
      ['level', 'value', '>='],
    ]);
  });

  it('gives an attribute listed twice in equals one parameter', () => {
    const m = model([{ name: 'p', equals: ['sensor', 'sensor'] }]);
    expect(patternParameters(m, 'p').map((p) => p.name)).toEqual(['sensor']);
  });

  it('carries enumerations for values and pairs, not for prefixes', () => {
    const m = model([
      { name: 'eq', equals: ['unit'] },
      { name: 'pair', equals: [], range: { attribute: 'unit', op: 'between' } },
      { name: 'prefix', equals: [], range: { attribute: 'unit', op: 'begins_with' } },
    ]);
    expect(patternParameters(m, 'eq')[0]?.values).toEqual(['C', 'F']);
    expect(patternParameters(m, 'pair')[0]).toMatchObject({ shape: 'pair', values: ['C', 'F'] });
    expect(patternParameters(m, 'prefix')[0]).toEqual({ name: 'unit', attribute: 'unit', type: 'string', shape: 'prefix', op: 'begins_with' });
  });

  it('does not share the enumeration array with the model', () => {
    const m = model([{ name: 'eq', equals: ['unit'] }]);
    patternParameters(m, 'eq')[0]?.values?.push('K');
    expect(m.entities[0]?.attributes.find((a) => a.name === 'unit')?.values).toEqual(['C', 'F']);
  });

  it('treats an attribute called __proto__ as data', () => {
    const m = model([{ name: 'p', equals: ['__proto__', 'sensor'], range: { attribute: '__proto__', op: 'between' } }]);
    const specs = patternParameters(m, 'p');
    expect(specs).toEqual([
      { name: '__proto__', attribute: '__proto__', type: 'string', shape: 'pair', op: 'between', values: ['x', 'y'] },
      { name: 'sensor', attribute: 'sensor', type: 'string', shape: 'value', op: '=' },
    ]);
    expect(Object.getPrototypeOf(specs[0])).toBe(Object.prototype);
  });

  it('types an unknown attribute or entity as string', () => {
    const m = model([{ name: 'p', equals: ['nope'] }]);
    expect(patternParameters(m, 'p')).toEqual([{ name: 'nope', attribute: 'nope', type: 'string', shape: 'value', op: '=' }]);
    const orphan: Model = { ...m, patterns: [{ name: 'q', entity: 'Gone', equals: ['a'], returns: 'one' }] };
    expect(patternParameters(orphan, 'q')).toEqual([{ name: 'a', attribute: 'a', type: 'string', shape: 'value', op: '=' }]);
  });
});

describe('patternNamed', () => {
  const pattern = (name: string, entity: string): Pattern => ({ name, entity, equals: ['id'], returns: 'one' });
  const model = (patterns: Pattern[]): Model => ({ name: 'm', entities: [], patterns });

  it('finds the first pattern of a name, as a search of the list would, and none for an unknown name', () => {
    const first = pattern('getA', 'A');
    const m = model([pattern('other', 'B'), first, pattern('getA', 'C')]);
    expect(patternNamed(m, 'getA')).toBe(first);
    expect(patternNamed(m, 'missing')).toBeUndefined();
    expect(patternNamed(m, 'constructor')).toBeUndefined();
  });

  it('sees a pattern added or a list replaced after it was asked', () => {
    const m = model([pattern('getA', 'A')]);
    expect(patternNamed(m, 'getB')).toBeUndefined();
    const added = pattern('getB', 'B');
    m.patterns.push(added);
    expect(patternNamed(m, 'getB')).toBe(added);
    const replaced = pattern('getA', 'Z');
    m.patterns = [replaced];
    expect(patternNamed(m, 'getA')).toBe(replaced);
    expect(patternNamed(m, 'getB')).toBeUndefined();
  });

  it('sees a pattern renamed or replaced in place, the list the same array of the same length', () => {
    const a = pattern('getA', 'A');
    const m = model([a, pattern('getB', 'B')]);
    expect(patternNamed(m, 'getA')).toBe(a);
    a.name = 'getC';
    expect(patternNamed(m, 'getA')).toBeUndefined();
    expect(patternNamed(m, 'getC')).toBe(a);
    const swapped = pattern('getD', 'D');
    m.patterns[1] = swapped;
    expect(patternNamed(m, 'getB')).toBeUndefined();
    expect(patternNamed(m, 'getD')).toBe(swapped);
    m.patterns[0] = pattern('getB', 'E');
    expect(patternNamed(m, 'getB')).toBe(m.patterns[0]);
  });
});
