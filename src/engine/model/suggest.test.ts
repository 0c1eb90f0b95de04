import { describe, expect, it } from 'vitest';
import { didYouMean, suggest } from './suggest.ts';

describe('suggest', () => {
  it('finds a name one typo away', () => {
    expect(suggest('Ordr', ['User', 'Order', 'Product'])).toBe('Order');
  });

  it('finds a name two edits away when the name is long enough', () => {
    expect(suggest('state', ['orderId', 'status', 'createdAt'])).toBe('status');
  });

  it('counts a swap of two letters as one edit', () => {
    expect(suggest('Uesr', ['User', 'Order'])).toBe('User');
  });

  it('prefers a case-only difference', () => {
    expect(suggest('user', ['Users', 'User'])).toBe('User');
  });

  it('suggests nothing when every candidate is far away', () => {
    expect(suggest('Invoice', ['User', 'Order'])).toBeUndefined();
    expect(suggest('id', ['pk', 'sk'])).toBeUndefined();
    expect(suggest('ky', ['key', 'count'])).toBe('key');
  });

  it('suggests nothing for empty or very long names', () => {
    expect(suggest('', ['a'])).toBeUndefined();
    expect(suggest('x'.repeat(100_000), ['x'.repeat(99_999)])).toBeUndefined();
  });

  it('compares with a bounded number of candidates', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `zz${i}`);
    expect(suggest('Order', [...many, 'Ordr'])).toBeUndefined();
    expect(suggest('Order', ['Ordr', ...many])).toBe('Ordr');
  });

  it('does not suggest the name itself', () => {
    expect(suggest('User', ['User'])).toBeUndefined();
  });

  it('formats the suggestion for a message', () => {
    expect(didYouMean('Ordr', ['Order'])).toBe(' — did you mean "Order"?');
    expect(didYouMean('Zebra', ['Order'])).toBe('');
  });
});
