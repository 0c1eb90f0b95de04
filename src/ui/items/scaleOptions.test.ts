import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_RECORDS, type Model } from '../../engine/index.ts';
import { expectedItemCount, scaleOptions } from './scaleOptions.ts';

const model = (counts: (number | undefined)[]): Model => ({
  name: 'm',
  entities: counts.map((count, i) => ({ name: `E${i}`, attributes: [], key: [], belongsTo: [], ...(count === undefined ? {} : { count }) })),
  patterns: [],
});

describe('scaleOptions', () => {
  it('multiplies each entity count by the scale, rounding per entity', () => {
    expect(expectedItemCount(model([80, 150]), 0.1)).toBe(8 + 15);
    expect(expectedItemCount(model([5]), 0.1)).toBe(1);
  });

  it('counts 20 records for an entity without a count', () => {
    expect(expectedItemCount(model([undefined]), 2)).toBe(40);
  });

  it('adds the current scale when it is not a preset, in order', () => {
    const scales = scaleOptions(model([10]), 3).map((o) => o.scale);
    expect(scales).toContain(3);
    expect(scales).toEqual([...scales].sort((a, b) => a - b));
  });

  it('offers no preset above the largest scale the store accepts', () => {
    expect(
      scaleOptions(model([10]), 1, 50)
        .map((o) => o.scale)
        .at(-1),
    ).toBe(50);
  });

  it('caps scales that would give more records than the sample budget at the budget, and says so', () => {
    const big = model([MAX_SAMPLE_RECORDS / 2]);
    const options = scaleOptions(big, 1);
    expect(options.find((o) => o.scale === 1)).toMatchObject({ items: MAX_SAMPLE_RECORDS / 2, capped: false });
    expect(options.find((o) => o.scale === 2)).toMatchObject({ items: MAX_SAMPLE_RECORDS, capped: false });
    expect(options.find((o) => o.scale === 5)).toMatchObject({ items: MAX_SAMPLE_RECORDS, capped: true });
    expect(expectedItemCount(model([100_000_000]), 1)).toBe(MAX_SAMPLE_RECORDS);
  });
});
