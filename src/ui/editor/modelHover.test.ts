import { describe, expect, it } from 'vitest';
import { modelHover } from './modelHover.ts';

const TEXT = [
  'model "Shop"  # the shop',
  'table Shop billing on-demand',
  '',
  'entity User key email',
  '  email: string',
  '',
  'entity Order key orderId count 150 belongsTo User via userEmail',
  '  orderId: string',
  '  userEmail: string',
  '  createdAt: datetime',
  '  note?: string',
  '',
  'getOrders: Order by userEmail where createdAt >= ? newest first limit 5 "the latest"',
].join('\n');

/** The hover at the first occurrence of `word` on 1-based `line` (offset characters into it). */
const hoverAt = (line: number, word: string, offset = 0) => {
  const column = (TEXT.split('\n')[line - 1] ?? '').indexOf(word) + 1 + offset;
  return modelHover(TEXT, line, column);
};

describe('model text hovers', () => {
  it('documents keywords from the language reference, by the line they are on', () => {
    expect(hoverAt(13, 'limit')?.markdown).toContain('Only the first N records');
    const limitAt = (TEXT.split('\n')[12] ?? '').indexOf('limit') + 1;
    expect(hoverAt(13, 'limit')?.span).toEqual({ line: 13, column: limitAt, endLine: 13, endColumn: limitAt + 5 });
    expect(hoverAt(13, 'newest')?.markdown).toContain('newest first');
    expect(hoverAt(13, 'where')?.markdown).toContain('A range on one parameter');
    expect(hoverAt(7, 'count')?.markdown).toContain('sample data');
    expect(hoverAt(2, 'billing')?.markdown).toContain('capacity mode');
    expect(hoverAt(11, '?')?.markdown).toContain('Optional');
    expect(hoverAt(13, '?')?.markdown).toContain('A parameter');
    expect(hoverAt(10, 'datetime')?.markdown).toContain('An attribute and its type');
    expect(hoverAt(1, '#')?.markdown).toContain('A comment');
    expect(hoverAt(13, '"the')?.markdown).toContain('description');
  });

  it('describes an entity: key, count, relations and the patterns that read it', () => {
    const order = hoverAt(13, ': Order', 2)?.markdown ?? '';
    expect(order).toContain('key `orderId`');
    expect(order).toContain('count 150');
    expect(order).toContain('belongs to **User** via `userEmail`');
    expect(order).toContain('read by `getOrders`');
    const user = hoverAt(7, 'User')?.markdown ?? '';
    expect(user).toContain('parent of **Order**');
    expect(user).toContain('count not given');
  });

  it('describes an attribute: its type, optional, its part in keys and the patterns that use it', () => {
    expect(hoverAt(13, 'createdAt')?.markdown).toContain('`datetime`');
    expect(hoverAt(13, 'createdAt')?.markdown).toContain('used by `getOrders`');
    expect(hoverAt(11, 'note')?.markdown).toContain('optional');
    expect(hoverAt(11, 'note')?.markdown).toContain('no pattern uses it');
    expect(hoverAt(7, 'userEmail')?.markdown).toContain('holds the User key');
    expect(hoverAt(7, 'orderId')?.markdown).toContain('in the key');
  });

  it('has nothing to say on names, numbers and comments', () => {
    expect(hoverAt(13, 'getOrders')).toBeUndefined();
    expect(hoverAt(13, '5')).toBeUndefined();
    expect(hoverAt(1, 'the shop')).toBeUndefined();
    expect(modelHover(TEXT, 99, 1)).toBeUndefined();
  });
});
