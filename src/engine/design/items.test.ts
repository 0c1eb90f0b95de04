// Records ↔ items: an absent (optional) attribute stays absent both ways, and
// an index keyed on it holds only the items that have it (a sparse GSI).
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from './deriveDesign.ts';
import { fromItem, renderKey, toItem } from './items.ts';
import type { Segment } from './types.ts';

const design = deriveDesign(
  modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: "solo" | "duo"
  note?: string
  createdAt: datetime
byMode: Game by mode order by createdAt desc
byHost: Game by hostId order by createdAt desc
`),
);

describe('toItem / fromItem with optional attributes', () => {
  it('keys the optional attribute in a GSI only, though its pattern comes first', () => {
    expect(design.entities[0]?.keys.table?.pk).toEqual([
      { kind: 'literal', text: 'GAME' },
      { kind: 'attribute', name: 'hostId' },
    ]);
    expect(design.entities[0]?.keys.GSI1?.pk).toEqual([
      { kind: 'literal', text: 'GAME' },
      { kind: 'attribute', name: 'mode' },
    ]);
  });

  it('gives a record that has the attribute its keys in the sparse index', () => {
    const record = { gameId: 'g1', hostId: 'h1', mode: 'solo', note: 'n', createdAt: '2024-01-01T00:00:00.000Z' };
    const item = toItem(design, 'Game', record);
    expect(item).toMatchObject({ PK: 'GAME#h1', GSI1PK: 'GAME#solo', mode: 'solo', _type: 'Game' });
    expect(fromItem(design, item)).toEqual({ entity: 'Game', record });
  });

  it('leaves a lacking attribute out of the item and the record, and the item out of the index keyed on it', () => {
    const record = { gameId: 'g2', hostId: 'h1', createdAt: '2024-01-02T00:00:00.000Z' };
    const item = toItem(design, 'Game', record);
    expect(Object.keys(item).sort()).toEqual(['PK', 'SK', '_type', 'createdAt', 'gameId', 'hostId']);
    expect(fromItem(design, item)).toEqual({ entity: 'Game', record });
  });

  it('reads an undefined or null value as absent, never storing or returning it', () => {
    const given = { gameId: 'g3', hostId: 'h1', mode: undefined, note: null, createdAt: '2024-01-03T00:00:00.000Z' } as unknown as Record<string, string>;
    const item = toItem(design, 'Game', given);
    expect(Object.hasOwn(item, 'mode') || Object.hasOwn(item, 'note') || Object.hasOwn(item, 'GSI1PK')).toBe(false);
    const stored = { ...item, note: null } as unknown as typeof item;
    expect(fromItem(design, stored)).toEqual({ entity: 'Game', record: { gameId: 'g3', hostId: 'h1', createdAt: '2024-01-03T00:00:00.000Z' } });
  });

  it('refuses a record that lacks an attribute of its table key, naming it', () => {
    expect(() => toItem(design, 'Game', { gameId: 'g4', createdAt: '2024-01-03T00:00:00.000Z' })).toThrow('Game record lacks "hostId", part of its table key');
  });
});

describe('toItem with an attribute named as one every object inherits', () => {
  const odd = deriveDesign(
    modelFromText(`model "Odd"
entity Thing key id
  id: string
  constructor?: string
byConstructor: Thing by constructor
`),
  );

  it('keys the index on it only when the record has it as its own', () => {
    expect(odd.entities[0]?.keys.GSI1?.pk).toContainEqual({ kind: 'attribute', name: 'constructor' });
    expect(toItem(odd, 'Thing', { id: 't1', constructor: 'c' })).toMatchObject({ PK: 'THING#t1', GSI1PK: 'THING#c', constructor: 'c' });
    const lacking = toItem(odd, 'Thing', { id: 't2' });
    expect(Object.hasOwn(lacking, 'GSI1PK') || Object.hasOwn(lacking, 'constructor')).toBe(false);
  });
});

describe('renderKey', () => {
  const attributes = [
    { name: 'a', type: 'string' as const },
    { name: 'n', type: 'number' as const },
  ];
  const a: Segment = { kind: 'attribute', name: 'a' };
  const n: Segment = { kind: 'attribute', name: 'n' };
  const lit = (text: string): Segment => ({ kind: 'literal', text });
  const record = { a: 'x#y', n: 7 };

  it('joins every segment with one separator, whichever are values and which fixed texts', () => {
    expect(renderKey([lit('A'), a], record, attributes)).toBe('A#x$cy');
    expect(renderKey([a, lit('A')], record, attributes)).toBe('x$cy#A');
    expect(renderKey([a, n], record, attributes)).toBe('x$cy#P400.7');
    expect(renderKey([lit('A'), lit('B'), n, lit('C'), a, lit('D')], record, attributes)).toBe('A#B#P400.7#C#x$cy#D');
    expect(renderKey([lit('A'), lit('B')], record, attributes)).toBe('A#B');
    expect(renderKey([], record, attributes)).toBe('');
    expect(renderKey([lit('A'), a], { n: 1 }, attributes)).toBeUndefined();
  });
});
