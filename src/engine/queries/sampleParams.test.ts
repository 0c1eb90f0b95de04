import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../model/loadProblem.ts';
import { parseModelText } from '../model/parseModelText.ts';
import type { Model, PatternParams, RecordValue, Scalar } from '../model/types.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { compareScalars } from './compareScalars.ts';
import { sampleParams } from './sampleParams.ts';

/**
 * sampleParams as it was before it iterated patternParameters (one entry per
 * equals attribute, then the range's overwriting it): the golden tests and the
 * conformance runs depend on its values, which must not move.
 */
function previousSampleParams(model: Model, records: ReadonlyMap<string, readonly RecordValue[]>, patternName: string, pick: number): PatternParams {
  const pattern = model.patterns.find((p) => p.name === patternName);
  if (!pattern) throw new Error(`no pattern "${patternName}"`);
  const entity = model.entities.find((e) => e.name === pattern.entity);
  const list = records.get(pattern.entity) ?? [];
  const base = list.length ? list[((pick % list.length) + list.length) % list.length] : undefined;
  const other = list.length ? list[(pick + Math.floor(list.length / 2)) % list.length] : undefined;
  const placeholder = (attribute: string): Scalar => {
    const def = entity?.attributes.find((a) => a.name === attribute);
    if (def?.values?.[0] !== undefined) return def.values[0];
    return def?.type === 'number'
      ? 0
      : def?.type === 'boolean'
        ? true
        : def?.type === 'date'
          ? '2024-01-01'
          : def?.type === 'datetime'
            ? '2024-01-01T00:00:00.000Z'
            : '';
  };
  const value = (r: RecordValue | undefined, a: string): Scalar => r?.[a] ?? placeholder(a);
  const params: PatternParams = {};
  for (const a of pattern.equals) params[a] = value(base, a);
  if (pattern.range) {
    const a = pattern.range.attribute;
    const v = value(base, a);
    if (pattern.range.op === 'between') {
      const w = value(other, a);
      params[a] = (compareScalars(v, w) ?? 0) <= 0 ? [v, w] : [w, v];
    } else if (pattern.range.op === 'begins_with') {
      const s = String(v);
      params[a] = s.slice(0, Math.max(1, Math.ceil(s.length / 2)));
    } else params[a] = v;
  }
  return params;
}

/**
 * The records sampleParams draws from: those of the pattern's entity that hold every attribute
 * it names (all of them in a model without optional attributes, so the values do not move there),
 * and of those the ones that hold its fixed values, when some do.
 */
function holdingRecords(model: Model, records: ReadonlyMap<string, readonly RecordValue[]>, patternName: string): ReadonlyMap<string, readonly RecordValue[]> {
  const pattern = model.patterns.find((p) => p.name === patternName);
  if (!pattern) return records;
  const named = [...pattern.equals, ...(pattern.range ? [pattern.range.attribute] : []), ...(pattern.order ? [pattern.order.attribute] : [])];
  const holding = (records.get(pattern.entity) ?? []).filter((r) => named.every((a) => Object.hasOwn(r, a)));
  const fixed = Object.entries(pattern.fixed ?? {});
  const fitting = holding.filter((r) => fixed.every(([a, v]) => Object.hasOwn(r, a) && r[a] === v));
  const list = fitting.length > 0 ? fitting : holding;
  return list.length > 0 ? new Map([...records, [pattern.entity, list]]) : records;
}

const DIRS = ['../../examples/', '../testing/problems/'];
const problems = DIRS.flatMap((dir) => {
  const url = new URL(dir, import.meta.url);
  return readdirSync(url)
    .filter((f) => f.endsWith('.problem.json'))
    .map((f): [string, Model] => {
      const loaded = loadProblem(readFileSync(new URL(f, url), 'utf8'));
      if (!loaded.model) throw new Error(`${f} does not load`);
      return [f, loaded.model];
    });
});

const text = (source: string): Model => {
  const parsed = parseModelText(source);
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return parsed.model;
};

const SENSORS = text(
  [
    'model "Sensors"',
    'entity Reading key (sensor, day, at) count 20',
    '  sensor: string',
    '  day: date',
    '  at: datetime',
    'byDay: Reading by sensor, day where day between ? and ?',
    'dayPrefix: Reading by sensor, day where day begins_with ?',
    'since: Reading by sensor, day where day >= ?',
    '',
  ].join('\n'),
);

describe('sampleParams', () => {
  it('has examples to check', () => {
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it.each(problems)('gives %s the values it always gave, for every pattern, seed and pick', (_file, model) => {
    for (const seed of [1, 42]) {
      const records = generateSampleRecords(model, { seed });
      for (const pattern of model.patterns) {
        for (const pick of [0, 1, 7, -2]) {
          const now = sampleParams(model, records, pattern.name, pick);
          expect(JSON.stringify(now)).toBe(JSON.stringify(previousSampleParams(model, holdingRecords(model, records, pattern.name), pattern.name, pick)));
        }
      }
      for (const pattern of model.patterns)
        expect(sampleParams(model, new Map(), pattern.name)).toEqual(previousSampleParams(model, new Map(), pattern.name, 0));
    }
  });

  it('gives a range on an equality attribute one value, shaped by the range', () => {
    const records = generateSampleRecords(SENSORS, { seed: 3 });
    for (const name of ['byDay', 'dayPrefix', 'since']) {
      expect(JSON.stringify(sampleParams(SENSORS, records, name, 2))).toBe(JSON.stringify(previousSampleParams(SENSORS, records, name, 2)));
    }
    const byDay = sampleParams(SENSORS, records, 'byDay');
    expect(Object.keys(byDay)).toEqual(['sensor', 'day']);
    expect(Array.isArray(byDay['day'])).toBe(true);
  });

  it('draws values from records that hold the attributes the pattern names, when an optional one may be absent', () => {
    const model = text(
      [
        'model "Games"',
        'entity Game key id',
        '  id: string',
        '  host: string',
        '  mode?: string',
        '  score?: number',
        'byMode: Game by mode order by score desc',
        'byHost: Game by host',
        '',
      ].join('\n'),
    );
    const records = new Map([
      [
        'Game',
        [
          { id: 'g1', host: 'h1' },
          { id: 'g2', host: 'h2', mode: 'solo' },
          { id: 'g3', host: 'h3', mode: 'duo', score: 3 },
        ],
      ],
    ]);
    for (const pick of [0, 1, 2, 5]) expect(sampleParams(model, records, 'byMode', pick)).toEqual({ mode: 'duo' });
    expect(sampleParams(model, records, 'byHost', 0)).toEqual({ host: 'h1' });
    // No record holds them: the first record's values, then placeholders.
    expect(sampleParams(model, new Map([['Game', [{ id: 'g1', host: 'h1' }]]]), 'byMode', 0)).toEqual({ mode: '' });
  });

  it('keeps a parameter called __proto__ as data', () => {
    const model: Model = {
      name: 'Odd',
      entities: [
        {
          name: 'Thing',
          attributes: [
            { name: '__proto__', type: 'string' },
            { name: 'constructor', type: 'number' },
          ],
          key: ['__proto__'],
          belongsTo: [],
        },
      ],
      patterns: [{ name: 'p', entity: 'Thing', equals: ['__proto__', 'constructor'], returns: 'one' }],
    };
    const record: RecordValue = Object.fromEntries([['__proto__', 'proto-value']]);
    const params = sampleParams(model, new Map([['Thing', [record]]]), 'p');
    expect(Object.hasOwn(params, '__proto__')).toBe(true);
    expect(params['__proto__']).toBe('proto-value');
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    // A record without the attribute gets the placeholder, not Object.prototype.constructor.
    expect(params['constructor']).toBe(0);
  });

  it('gives a pattern with no parameters none, without reading the records', () => {
    const model = parseModelText('model "Images"\nentity Image key image count 10\n  image: string\n  views: number\n\ntop: Image order by views desc\n').model;
    if (!model) throw new Error('no model');
    const unread: readonly RecordValue[] = new Proxy([], {
      get: () => {
        throw new Error('read the records');
      },
    });
    expect(sampleParams(model, new Map([['Image', unread]]), 'top')).toEqual({});
  });

  it('reads the records only up to the first that fits, for the first pick of a pattern with no between', () => {
    const model = parseModelText(
      'model "Images"\nentity Image key image count 10\n  image: string\n  views: number\n\nbyImage: Image by image returns one\n',
    ).model;
    if (!model) throw new Error('no model');
    const list: RecordValue[] = Array.from({ length: 1000 }, (_, i) => ({ image: `i${String(i)}`, views: i }));
    // Any record past the third read is a count of them all.
    const few: readonly RecordValue[] = new Proxy(list, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) > 2) throw new Error('read them all');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(sampleParams(model, new Map([['Image', few]]), 'byImage')).toEqual({ image: 'i0' });
  });

  it('throws for an unknown pattern', () => {
    expect(() => sampleParams(SENSORS, new Map(), 'nope')).toThrow(/no pattern "nope"/);
  });
});
