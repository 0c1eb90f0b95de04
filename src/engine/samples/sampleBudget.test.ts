import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import { generateSampleRecords } from './generateSampleRecords.ts';
import { MAX_SAMPLE_RECORDS, sampleBudget } from './sampleBudget.ts';

const HUGE = `model "Huge"

entity User key userId count 100000000
  userId: string

entity Order key orderId count 300000000 belongsTo User via userId
  orderId: string
  userId: string

entity Tiny key id count 1
  id: string
`;

describe('sampleBudget', () => {
  it('leaves counts within the budget alone', () => {
    const model = modelFromText(HUGE.replace('100000000', '10').replace('300000000', '30'));
    expect(sampleBudget(model)).toEqual({ requested: 41, records: 41, capped: false });
    expect(sampleBudget(model, { scale: 2 })).toEqual({ requested: 82, records: 82, capped: false });
  });

  it('scales every entity down by one factor past the budget, keeping at least one record of each', () => {
    const budget = sampleBudget(modelFromText(HUGE));
    expect(budget.requested).toBe(400_000_001);
    expect(budget.capped).toBe(true);
    // 100,000 / 400,000,001 of each count: 24,999 users, 74,999 orders, and the one Tiny kept.
    expect(budget.counts).toEqual({ User: 24_999, Order: 74_999, Tiny: 1 });
    expect(budget.records).toBeLessThanOrEqual(MAX_SAMPLE_RECORDS);
  });

  it('gives generateSampleRecords counts it follows, at a huge scale too', () => {
    const model = modelFromText(HUGE.replace('100000000', '2000').replace('300000000', '6000'));
    const budget = sampleBudget(model, { scale: 50, maxRecords: 1000 });
    expect(budget).toMatchObject({ requested: 400_050, capped: true });
    const records = generateSampleRecords(model, { seed: 1, ...(budget.counts ? { counts: budget.counts } : {}) });
    expect([...records.values()].reduce((n, list) => n + list.length, 0)).toBe(budget.records);
  });

  it('keeps an entity named __proto__ as data', () => {
    const budget = sampleBudget(modelFromText(HUGE.replaceAll('Tiny', '__proto__')), { maxRecords: 10 });
    expect(Object.hasOwn(budget.counts ?? {}, '__proto__')).toBe(true);
    expect(budget.counts?.['__proto__']).toBe(1);
  });
});
