import { describe, expect, it } from 'vitest';
import type { Entity, Model } from '../model/types.ts';
import { generationOrder } from './generationOrder.ts';

const entity = (name: string, parents: string[] = []): Entity => ({
  name,
  attributes: [{ name: 'id', type: 'string' }],
  key: ['id'],
  belongsTo: parents.map((p) => ({ entity: p, via: ['id'] })),
});
const names = (entities: Entity[]): string[] => generationOrder({ name: 'm', entities, patterns: [] } satisfies Model).map((e) => e.name);

describe('generationOrder', () => {
  it('keeps model order when nothing belongs to anything', () => {
    expect(names([entity('A'), entity('B'), entity('C')])).toEqual(['A', 'B', 'C']);
  });

  it('puts parents before children declared earlier', () => {
    expect(names([entity('Line', ['Order']), entity('Order', ['User']), entity('User')])).toEqual(['User', 'Order', 'Line']);
  });

  it('ignores self-references and unknown parents', () => {
    expect(names([entity('Employee', ['Employee']), entity('Note', ['Nowhere'])])).toEqual(['Employee', 'Note']);
  });

  it('breaks a cycle at the first entity in model order instead of hanging', () => {
    expect(names([entity('C'), entity('A', ['B']), entity('B', ['A']), entity('D', ['A'])])).toEqual(['C', 'A', 'B', 'D']);
  });
});
