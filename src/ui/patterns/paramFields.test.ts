import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProblem, parseModelText } from '../../engine/index.ts';
import { fieldLabel, paramFields, parseFieldText, parseParamText } from './paramFields.ts';

const loaded = loadProblem(readFileSync(new URL('../../examples/ecommerce.problem.json', import.meta.url), 'utf8'));
if (loaded.model === undefined) throw new Error('the e-commerce example does not load');
const model = loaded.model;

describe('paramFields', () => {
  it('gives one field per equals attribute, typed from the entity', () => {
    expect(paramFields(model, 'getUserByEmail')).toMatchObject([{ name: 'email', type: 'string', pair: false, op: '=' }]);
  });

  it('offers the values of an enumerated attribute', () => {
    expect(paramFields(model, 'getOrdersByStatus')[0]?.values).toEqual(['pending', 'paid', 'shipped', 'delivered']);
  });

  it('adds the range attribute after the equals attributes, as a pair for between', () => {
    const fields = paramFields(model, 'getProductReviews');
    expect(fields.map((f) => [f.name, f.type, f.pair])).toEqual([
      ['productId', 'string', false],
      ['createdAt', 'date', true],
    ]);
    expect(fieldLabel(fields[1]!)).toBe('createdAt between');
  });

  it('gives no fields for an unknown pattern', () => {
    expect(paramFields(model, 'nope')).toEqual([]);
  });

  it('gives a range on an equals attribute one field, shaped by the range', () => {
    const parsed = parseModelText(
      [
        'model "Sensors"',
        'entity Reading key (sensor, day, at)',
        '  sensor: string',
        '  day: date',
        '  at: datetime',
        'byDay: Reading by sensor, day where day between ? and ?',
        'dayPrefix: Reading by sensor, day where day begins_with ?',
        '',
      ].join('\n'),
    );
    if (parsed.model === undefined) throw new Error('the sensors model does not parse');
    expect(paramFields(parsed.model, 'byDay')).toMatchObject([
      { name: 'sensor', type: 'string', pair: false, op: '=' },
      { name: 'day', type: 'date', pair: true, op: 'between' },
    ]);
    expect(paramFields(parsed.model, 'dayPrefix')).toMatchObject([
      { name: 'sensor', type: 'string', pair: false, op: '=' },
      { name: 'day', type: 'string', pair: false, op: 'begins_with' },
    ]);
  });

  it('types a begins_with prefix as text and offers no enumeration for it', () => {
    const parsed = parseModelText(
      ['model "M"', 'entity Doc key id', '  id: string', '  kind: "a" | "b"', 'byKind: Doc where kind begins_with ?', ''].join('\n'),
    );
    if (parsed.model === undefined) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
    expect(paramFields(parsed.model, 'byKind')).toMatchObject([{ name: 'kind', type: 'string', pair: false, op: 'begins_with' }]);
  });
});

describe('parseParamText', () => {
  it('reads numbers and refuses empty or non-numeric text', () => {
    expect(parseParamText('number', ' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    expect(parseParamText('number', '').ok).toBe(false);
    expect(parseParamText('number', 'abc').ok).toBe(false);
    expect(parseParamText('number', '1e300')).toEqual({ ok: false, message: expect.stringMatching(/too large: numbers must be 0 or of magnitude 1E-130/) });
    expect(parseParamText('number', '9007199254740991')).toEqual({ ok: true, value: 9007199254740991 });
  });

  it('reads booleans from true/false only', () => {
    expect(parseParamText('boolean', 'false')).toEqual({ ok: true, value: false });
    expect(parseParamText('boolean', 'yes').ok).toBe(false);
  });

  it('wants dates as YYYY-MM-DD and keeps strings as typed, even empty', () => {
    expect(parseParamText('date', '2024-02-30')).toEqual({ ok: true, value: '2024-02-30' });
    expect(parseParamText('date', '2/3/2024').ok).toBe(false);
    expect(parseParamText('string', '')).toEqual({ ok: true, value: '' });
  });
});

describe('parseFieldText', () => {
  it('refuses what the pattern cannot take with the engine’s words, keeps date prefixes', () => {
    const reviews = paramFields(model, 'getProductReviews')[1]!;
    expect(parseFieldText(reviews, '2024-13-45')).toEqual({ ok: false, message: 'Takes a date YYYY-MM-DD (a real calendar day), got "2024-13-45".' });
    expect(parseFieldText(reviews, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    const prefix = { name: 'day', type: 'string' as const, pair: false, op: 'begins_with' as const, attributeType: 'date' as const, shape: 'prefix' as const };
    expect(parseFieldText(prefix, '2024-0')).toEqual({ ok: true, value: '2024-0' });
    expect(parseFieldText(prefix, '2024-13').ok).toBe(false);
  });
});
