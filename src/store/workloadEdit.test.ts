import { describe, expect, it } from 'vitest';
import { loadProblem, printModelText, problemToJson, type Model } from '../engine/index.ts';
import { EXAMPLES } from '../examples/examples.ts';
import type { Source } from './types.ts';
import { editWorkload, type WorkloadField } from './workloadEdit.ts';

const TEXT = `# The shop's model
model "Shop"

entity User key email count 100   # users
  email: string
  plan: string

getUser: User by email returns one   # by the login
getByPlan: User by plan shards 4 "users on a plan"
`;

const text = (t: string): Source => ({ text: t, format: 'text' });
const json = (t: string): Source => ({ text: t, format: 'json' });

function edited(source: Source, change: WorkloadField): string {
  const result = editWorkload(source, change);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

function modelOf(example: (typeof EXAMPLES)[number]): Model {
  const model = loadProblem(example.json).model;
  if (!model) throw new Error(`${example.id} does not load`);
  return model;
}

/** Every workload field of a model set (or removed), as the model and as the change to make. */
function everyField(model: Model, value: 'set' | 'remove'): { model: Model; changes: WorkloadField[] } {
  const rate = value === 'set' ? { avg: 3, peak: 30 } : undefined;
  const bytes = value === 'set' ? 1200 : undefined;
  const changes: WorkloadField[] = [
    ...model.patterns.map((p): WorkloadField => ({ kind: 'pattern', name: p.name, field: 'rate', value: rate })),
    ...model.entities.flatMap((e): WorkloadField[] => [
      { kind: 'entity', name: e.name, field: 'writes', value: rate },
      { kind: 'entity', name: e.name, field: 'itemBytes', value: bytes },
    ]),
  ];
  const strip = <T extends { rate?: unknown; writes?: unknown; itemBytes?: unknown }>(x: T): T => {
    const { rate: _r, writes: _w, itemBytes: _b, ...rest } = x;
    return rest as T;
  };
  return {
    model: {
      ...model,
      patterns: model.patterns.map((p) => (rate ? { ...p, rate } : strip(p))),
      entities: model.entities.map((e) => (rate && bytes ? { ...e, writes: rate, itemBytes: bytes } : strip(e))),
    },
    changes,
  };
}

/** Each example printed without workload fields, every field added one by one, then removed one by one: each time the printer's own text. */
function everyExampleRoundTrip(print: (model: Model) => string, form: (t: string) => Source) {
  for (const example of EXAMPLES) {
    const model = modelOf(example);
    const bare = everyField(model, 'remove');
    const set = everyField(model, 'set');
    let source = print(bare.model);
    for (const change of set.changes) source = edited(form(source), change);
    expect(source).toBe(print(set.model));
    for (const change of bare.changes) source = edited(form(source), change);
    expect(source).toBe(print(bare.model));
  }
}

describe('editWorkload in the text form', () => {
  it('adds a rate at the end of a pattern line, before its comment', () => {
    const after = edited(text(TEXT), { kind: 'pattern', name: 'getUser', field: 'rate', value: { avg: 20, peak: 400 } });
    expect(after).toBe(TEXT.replace('returns one   #', 'returns one rate 20 peak 400   #'));
  });

  it('puts a rate before shards and the description, where printModelText puts it', () => {
    const after = edited(text(TEXT), { kind: 'pattern', name: 'getByPlan', field: 'rate', value: { avg: 5 } });
    expect(after).toBe(TEXT.replace('by plan shards 4', 'by plan rate 5 shards 4'));
  });

  it('rewrites only the rate clause, and removes it with the blanks before it', () => {
    const before = TEXT.replace('returns one', 'rate 2 peak 3 returns one');
    const changed = edited(text(before), { kind: 'pattern', name: 'getUser', field: 'rate', value: { avg: 7, peak: 70 } });
    expect(changed).toBe(TEXT.replace('returns one', 'rate 7 peak 70 returns one'));
    expect(edited(text(changed), { kind: 'pattern', name: 'getUser', field: 'rate', value: undefined })).toBe(TEXT);
  });

  it('adds, changes and removes an entity header’s writes and itemBytes, keeping its comment', () => {
    const withWrites = edited(text(TEXT), { kind: 'entity', name: 'User', field: 'writes', value: { avg: 5, peak: 50 } });
    expect(withWrites).toBe(TEXT.replace('count 100   #', 'count 100 writes 5 peak 50   #'));
    const withBytes = edited(text(withWrites), { kind: 'entity', name: 'User', field: 'itemBytes', value: 900 });
    expect(withBytes).toBe(TEXT.replace('count 100   #', 'count 100 writes 5 peak 50 itemBytes 900   #'));
    const bytesFirst = edited(text(TEXT.replace('count 100', 'count 100 itemBytes 900')), {
      kind: 'entity',
      name: 'User',
      field: 'writes',
      value: { avg: 5, peak: 50 },
    });
    expect(bytesFirst).toBe(withBytes);
    expect(edited(text(withBytes), { kind: 'entity', name: 'User', field: 'itemBytes', value: 1200 })).toBe(
      withBytes.replace('itemBytes 900', 'itemBytes 1200'),
    );
    const noWrites = edited(text(withBytes), { kind: 'entity', name: 'User', field: 'writes', value: undefined });
    expect(noWrites).toBe(TEXT.replace('count 100', 'count 100 itemBytes 900'));
    expect(edited(text(noWrites), { kind: 'entity', name: 'User', field: 'itemBytes', value: undefined })).toBe(TEXT);
  });

  it('keeps \\r\\n line breaks', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    expect(edited(text(crlf), { kind: 'pattern', name: 'getUser', field: 'rate', value: { avg: 1 } })).toBe(crlf.replace('returns one', 'returns one rate 1'));
  });

  it('gives the canonical text of every example with every field set, and removing them gives it back', () => {
    everyExampleRoundTrip(printModelText, text);
  });

  it('refuses a source with errors, and a pattern the model does not have', () => {
    const broken = editWorkload(text(TEXT.replace('by email', 'by mail')), { kind: 'pattern', name: 'getUser', field: 'rate', value: { avg: 1 } });
    expect(broken).toEqual({ ok: false, reason: expect.stringMatching(/^the model has an error \(line 8, col \d+: .*mail.*\): fix it/) as unknown });
    expect(editWorkload(text(TEXT), { kind: 'pattern', name: 'nope', field: 'rate', value: { avg: 1 } })).toEqual({
      ok: false,
      reason: 'the model has no pattern nope',
    });
  });

  it('refuses a value the model would not take, and writes nothing', () => {
    const result = editWorkload(text(TEXT), { kind: 'pattern', name: 'getUser', field: 'rate', value: { avg: 10, peak: 1 } });
    expect(result).toEqual({ ok: false, reason: 'rate: the peak must be a number per second at least the average, 10 (found 1)' });
    const bytes = editWorkload(json(problemToJson(modelOf(EXAMPLES[0]!))), {
      kind: 'entity',
      name: modelOf(EXAMPLES[0]!).entities[0]!.name,
      field: 'itemBytes',
      value: 500_000,
    });
    expect(bytes).toEqual({ ok: false, reason: expect.stringMatching(/^itemBytes must be a whole number of bytes from 1 to 409600/) as unknown });
  });
});

describe('editWorkload in problem JSON', () => {
  it('gives what problemToJson writes, for every example, adding, changing and removing each field', () => {
    everyExampleRoundTrip(problemToJson, json);
  });

  it('keeps the rest of a hand-written file, and adds on the same line in an object on one line', () => {
    const before = [
      '{',
      '  "format": "ddb-design-problem/1", "name": "Shop",',
      '  "entities": [ { "name": "User", "attributes": [ { "name": "email", "type": "string" } ], "key": [ "email" ] } ],',
      '  "patterns": [',
      '    {',
      '      "name": "getUser",   "entity": "User", "equals": ["email"],',
      '      "returns": "one"',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n');
    const rated = edited(json(before), { kind: 'pattern', name: 'getUser', field: 'rate', value: { avg: 2, peak: 20 } });
    expect(rated).toBe(before.replace('"returns": "one"', '"returns": "one",\n      "rate": { "avg": 2, "peak": 20 }'));
    expect(edited(json(rated), { kind: 'pattern', name: 'getUser', field: 'rate', value: undefined })).toBe(before);
    const sized = edited(json(before), { kind: 'entity', name: 'User', field: 'itemBytes', value: 800 });
    expect(sized).toBe(before.replace('"key": [ "email" ] }', '"key": [ "email" ], "itemBytes": 800 }'));
  });
});
