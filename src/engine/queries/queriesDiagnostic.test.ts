// Every diagnostic the evaluator can emit carries a code of
// EVALUATION_DIAGNOSTIC_CODES and the index it is about (the planning codes:
// design/planDesign.test.ts); and a throw while
// planning is reported as a Tablewright bug (`engine.internal`) about its
// pattern, never as a pattern the design cannot serve.
import { describe, expect, it } from 'vitest';
import { bareDesign } from '../../testing/bareDesign.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import type { Design, Request } from '../design/types.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Model, RangeOp } from '../model/types.ts';
import { evaluateRequest } from './evaluateRequest.ts';
import { EVALUATION_DIAGNOSTIC_CODES } from './queriesDiagnostic.ts';
import { modelFromText } from '../../testing/exampleModels.ts';

const model = modelFromText;

const design: Design = bareDesign();

function query(index: string, extra: { limit?: number; filter?: NonNullable<Extract<Request, { operation: 'Query' }>['filter']> } = {}): Request {
  return {
    operation: 'Query',
    index,
    input: {
      TableName: 'App',
      ...(index === 'table' ? {} : { IndexName: index }),
      KeyConditionExpression: 'described by key',
      ExpressionAttributeNames: {},
      ExpressionAttributeValues: {},
      ...(extra.limit === undefined ? {} : { Limit: extra.limit }),
    },
    key: { pk: 'USER#ana', sk: { op: 'none' } },
    ...(extra.filter ? { filter: extra.filter } : {}),
  };
}

const CASES: Record<(typeof EVALUATION_DIAGNOSTIC_CODES)[number], { design: Design; request: Request; index: string }> = {
  'queries.noTable': { design: { ...design, indexes: design.indexes.filter((i) => i.kind !== 'table') }, request: query('GSI1'), index: 'GSI1' },
  'queries.unknownIndex': { design, request: query('GSI9'), index: 'GSI9' },
  'queries.invalidLimit': { design, request: query('GSI1', { limit: 0 }), index: 'GSI1' },
  'queries.invalidFilter': { design, request: query('table', { filter: { attribute: 'total', op: 'between' as RangeOp, value: 5 } }), index: 'table' },
};

describe('queries diagnostics', () => {
  it.each(EVALUATION_DIAGNOSTIC_CODES.map((code) => [code]))('%s: is an error value about the request’s index', (code) => {
    const { design: d, request, index } = CASES[code];
    const result = evaluateRequest({ design: d, items: [], request });
    expect(result.items).toEqual([]);
    expect(result.error).toMatchObject({ code, severity: 'error', subject: { index } });
    expect(result.error?.subject).toEqual({ index });
  });
});

const USERS = `model "Users"
entity User key email
  email: string
  createdAt: datetime
getUser: User by email returns one
recent: User by email where createdAt >= ?
`;

/** USERS with the range of `recent` given an operator no stage knows: planning reaches describeStepKey's `throw` on it. */
function unplannable(): Model {
  const m = model(USERS);
  return { ...m, patterns: m.patterns.map((p) => (p.name === 'recent' ? { ...p, range: { attribute: 'createdAt', op: 'like' as RangeOp } } : p)) };
}

describe('planning failures', () => {
  it('reports a throw while planning a pattern as engine.internal about that pattern, and plans the others', () => {
    const d = deriveDesign(unplannable());
    const errors = d.diagnostics.filter((x) => x.severity === 'error');
    expect(errors).toEqual([
      {
        code: 'engine.internal',
        severity: 'error',
        path: 'patterns[1]',
        subject: { pattern: 'recent', entity: 'User' },
        message: expect.stringContaining('unknown op like') as string,
      } satisfies Diagnostic,
    ]);
    expect(errors[0]?.message).toMatch(/^Tablewright bug: planning recent failed/);
    expect(errors[0]?.message).toMatch(/not a limit of your design/);
    expect(d.diagnostics.map((x) => x.code)).not.toContain('keys.patternNotServed');
    expect(d.patterns.map((p) => p.pattern)).toEqual(['getUser']);
  });

  it('keeps a served pattern free of errors: only the failing one has a subject', () => {
    const d = deriveDesign(unplannable());
    expect(d.diagnostics.filter((x) => x.subject?.pattern === 'getUser')).toEqual([]);
  });
});
