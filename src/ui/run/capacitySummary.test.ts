import { describe, expect, it } from 'vitest';
import { capacitySummary } from './capacitySummary.ts';

describe('capacitySummary', () => {
  it('adds pages up and says which index consumed what', () => {
    expect(
      capacitySummary([
        { TableName: 'T', CapacityUnits: 1, Table: { CapacityUnits: 0 }, GlobalSecondaryIndexes: { GSI1: { CapacityUnits: 1 } } },
        { TableName: 'T', CapacityUnits: 0.5, Table: { CapacityUnits: 0 }, GlobalSecondaryIndexes: { GSI1: { CapacityUnits: 0.5 } } },
      ]),
    ).toBe('1.5 RCU (GSI1 1.5)');
    expect(capacitySummary([{ TableName: 'T', CapacityUnits: 0.5, Table: { CapacityUnits: 0.5 } }])).toBe('0.5 RCU (table 0.5)');
    expect(capacitySummary([])).toBe('not reported');
  });
});
