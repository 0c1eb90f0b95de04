// One template, one request: which key condition serves it, or how far it got.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../model/types.ts';
import type { KeyTemplate, Segment } from '../design/types.ts';
import { matchTemplate } from './matchTemplate.ts';

const entity: Entity = {
  name: 'Order',
  attributes: [
    { name: 'orderId', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'status', type: 'string' },
    { name: 'at', type: 'datetime' },
    { name: 'total', type: 'number' },
  ],
  key: ['orderId'],
  belongsTo: [],
};
const lit = (text: string): Segment => ({ kind: 'literal', text });
const at = (name: string): Segment => ({ kind: 'attribute', name });
const BY_USER: KeyTemplate = { pk: [lit('ORDER'), at('user')], sk: [lit('ORDER'), at('status'), at('at'), at('orderId')] };

describe('matchTemplate', () => {
  it('takes the partition from equalities and the rest of them as the sort-key prefix, then the ranged attribute', () => {
    const match = matchTemplate({ entity, template: BY_USER, ask: { equals: ['status', 'user'], next: 'at', op: '>=' } });
    expect(match).toEqual({
      ok: true,
      key: {
        pk: [
          { kind: 'literal', text: 'ORDER' },
          { kind: 'param', param: 'user', attribute: 'user', type: 'string' },
        ],
        skPrefix: [
          { kind: 'literal', text: 'ORDER' },
          { kind: 'param', param: 'status', attribute: 'status', type: 'string' },
        ],
        skComplete: false,
        skTerminated: false,
        next: { attribute: 'at', param: 'at', type: 'datetime', op: '>=', last: false },
      },
    });
  });

  it('reads the whole sort key as complete (a GetItem on the table) and keeps the terminator', () => {
    const template: KeyTemplate = { pk: [lit('ORDER'), at('orderId')], sk: [lit('ORDER'), lit('')] };
    const match = matchTemplate({ entity, template, ask: { equals: ['orderId'] } });
    expect(match.ok && [match.key.skComplete, match.key.skTerminated, match.key.skPrefix]).toEqual([true, true, [{ kind: 'literal', text: 'ORDER' }]]);
  });

  it('carries literals between attributes into the prefix (a hand-written design)', () => {
    const template: KeyTemplate = { pk: [lit('ORDER'), at('user')], sk: [lit('ORDER'), at('status'), lit('AT'), at('total')] };
    const match = matchTemplate({ entity, template, ask: { equals: ['user', 'status'], next: 'total' } });
    expect(
      match.ok &&
        match.key.skPrefix.map((p) =>
          p.kind === 'literal' ? p.text : p.kind === 'param' ? `{${p.param}}` : p.kind === 'shard' ? `{shard}` : `{${p.attribute}=${String(p.value)}}`,
        ),
    ).toEqual(['ORDER', '{status}', 'AT']);
    expect(match.ok && match.key.next?.last).toBe(true);
  });

  it('names the parameters after the caller’s names (a self include reads a child by its parent’s key)', () => {
    const match = matchTemplate({ entity, template: BY_USER, ask: { equals: ['user'] }, paramOf: (a) => (a === 'user' ? 'orderId' : a) });
    expect(match.ok && match.key.pk[1]).toEqual({ kind: 'param', param: 'orderId', attribute: 'user', type: 'string' });
  });

  it('says how far a template got', () => {
    expect(matchTemplate({ entity, template: BY_USER, ask: { equals: ['status'] } })).toEqual({ ok: false, miss: { kind: 'partition', extra: ['user'] } });
    expect(matchTemplate({ entity, template: BY_USER, ask: { equals: ['user', 'at'] } })).toEqual({ ok: false, miss: { kind: 'prefix', pk: ['user'] } });
    expect(matchTemplate({ entity, template: BY_USER, ask: { equals: ['user'], next: 'total' } })).toEqual({
      ok: false,
      miss: { kind: 'next', pk: ['user'], prefix: [], found: 'status' },
    });
    expect(matchTemplate({ entity, template: { pk: [at('user')], sk: [at('at')] }, ask: { equals: ['user'] } })).toEqual({
      ok: false,
      miss: { kind: 'shape', detail: 'its sort key does not start with a label' },
    });
  });

  it('refuses a template sparse on an optional attribute the request does not name, and takes it when it does', () => {
    const sparse: Entity = { ...entity, attributes: entity.attributes.map((a) => (a.name === 'status' ? { ...a, optional: true as const } : a)) };
    expect(matchTemplate({ entity: sparse, template: BY_USER, ask: { equals: ['user'] } })).toEqual({
      ok: false,
      miss: { kind: 'sparse', optional: ['status'] },
    });
    expect(matchTemplate({ entity: sparse, template: BY_USER, ask: { equals: ['user', 'status'] } }).ok).toBe(true);
    expect(matchTemplate({ entity: sparse, template: BY_USER, ask: { equals: ['user'], named: ['status'] } }).ok).toBe(true);
  });
});
