import { describe, expect, it } from 'vitest';
import { DEFAULT_WRITE_MIX, writeMixText, writeShares } from './writeMix.ts';

describe('writeShares', () => {
  it('spreads 20% creates, 70% updates split among the kinds of update, 10% removes', () => {
    // remove, create, two kinds of update: 0.1, 0.2, 0.7 ÷ 2 = 0.35 each.
    const shares = writeShares(['remove', 'create', 'update', 'update']);
    expect(shares).toEqual([0.1, 0.2, 0.35, 0.35]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('gives the share of an operation the entity has no write of to the others in proportion', () => {
    // No update: creates 0.2 ÷ 0.3 = 2/3, removes 0.1 ÷ 0.3 = 1/3.
    const [remove, create] = writeShares(['remove', 'create']);
    expect(remove).toBeCloseTo(1 / 3, 12);
    expect(create).toBeCloseTo(2 / 3, 12);
    expect(writeShares([])).toEqual([]);
  });
  it('says the mix in words', () => {
    expect(writeMixText(DEFAULT_WRITE_MIX)).toBe('20% creates, 70% updates (split equally among the kinds of update), 10% removes');
  });
});
