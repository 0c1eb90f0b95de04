// The figure DynamoDB Local reports, derived from the documented one by the named
// deviations; each deviation is measured by src/runner/transactionCapacity.dynamodb.test.ts.
import { describe, expect, it } from 'vitest';
import { readFigures, sameCapacity, writeFigures } from './localDynamoDB.ts';
import type { RequestCapacity, TransactActionCapacity } from './writeUnits.ts';

const transaction = (actions: TransactActionCapacity[]): RequestCapacity => {
  const indexes: Record<string, number> = {};
  for (const a of actions) for (const [n, u] of Object.entries(a.indexes)) indexes[n] = (indexes[n] ?? 0) + u;
  const table = actions.reduce((n, a) => n + a.table, 0);
  return {
    operation: 'TransactWriteItems',
    kind: 'write',
    table,
    indexes,
    units: table + Object.values(indexes).reduce((n, u) => n + u, 0),
    entries: [],
    actions,
  };
};

describe('writeFigures', () => {
  it('a PutItem: Local reports the documented figure', () => {
    const put: RequestCapacity = { operation: 'PutItem', kind: 'write', table: 2, indexes: { GSI1: 2 }, units: 4, entries: [] };
    expect(writeFigures(put)).toEqual({
      documented: { units: 4, table: 2, indexes: { GSI1: 2 } },
      local: { units: 4, table: 2, indexes: { GSI1: 2 } },
      deviations: [],
    });
  });
  it('two Puts of 500 bytes: documented 2 + 2; Local counts the equal figures once: 2 (localTransactionEqualActionsOnce)', () => {
    const f = writeFigures(
      transaction([
        { action: 'Put', table: 2, indexes: {} },
        { action: 'Put', table: 2, indexes: {} },
      ]),
    );
    expect(f.documented.units).toBe(4);
    expect(f.local).toEqual({ units: 2, table: 2, indexes: {} });
    expect(f.deviations).toEqual(['localTransactionEqualActionsOnce']);
  });
  it('Puts of 500, 500 and 1,500 bytes: documented 2 + 2 + 4 = 8; Local 2 + 4 = 6', () => {
    const f = writeFigures(
      transaction([
        { action: 'Put', table: 2, indexes: {} },
        { action: 'Put', table: 2, indexes: {} },
        { action: 'Put', table: 4, indexes: {} },
      ]),
    );
    expect([f.documented.units, f.local.units]).toEqual([8, 6]);
  });
  it('a move (Delete + Put of a 500-byte item one GSI holds) and a guard Put: documented table 6, GSI 1 + 1; Local: the move once with its GSI doubled (table 2, GSI 2) + the guard 2', () => {
    const f = writeFigures(
      transaction([
        { action: 'Delete', table: 2, indexes: { GSI1: 1 } },
        { action: 'Put', table: 2, indexes: { GSI1: 1 } },
        { action: 'Put', table: 2, indexes: {} },
      ]),
    );
    expect(f.documented).toEqual({ units: 8, table: 6, indexes: { GSI1: 2 } });
    expect(f.local).toEqual({ units: 6, table: 4, indexes: { GSI1: 2 } });
    expect(f.deviations.sort()).toEqual(['localTransactionEqualActionsOnce', 'localTransactionIndexWritesDoubled']);
  });
  it('Puts into different GSIs are different figures: both count', () => {
    const f = writeFigures(
      transaction([
        { action: 'Put', table: 2, indexes: { GSI1: 1 } },
        { action: 'Put', table: 2, indexes: { GSI2: 1 } },
      ]),
    );
    expect(f.local).toEqual({ units: 8, table: 4, indexes: { GSI1: 2, GSI2: 2 } });
    expect(f.deviations).toEqual(['localTransactionIndexWritesDoubled']);
  });
  it('a Delete of a missing item: documented 2 × 1; Local 1, and a second one counts no more', () => {
    const f = writeFigures(
      transaction([
        { action: 'Delete', table: 2, indexes: {}, absent: true },
        { action: 'Delete', table: 2, indexes: {}, absent: true },
        { action: 'Put', table: 2, indexes: {} },
      ]),
    );
    expect([f.documented.units, f.local.units]).toEqual([6, 1 + 2]);
    expect(f.deviations.sort()).toEqual(['localTransactionDeleteOfNothingOnce', 'localTransactionEqualActionsOnce']);
  });
  it('a ConditionCheck of the same units as a Put counts once on Local', () => {
    const f = writeFigures(
      transaction([
        { action: 'ConditionCheck', table: 2, indexes: {} },
        { action: 'Put', table: 2, indexes: {} },
      ]),
    );
    expect([f.documented.units, f.local.units]).toEqual([4, 2]);
  });
  it('a refused write: documented as consumed, Local reports nothing (localRefusedWriteUnreported)', () => {
    const f = writeFigures({ operation: 'PutItem', kind: 'write', table: 1, indexes: {}, units: 1, entries: [], refused: true });
    expect(f.local).toEqual({ units: 0, indexes: {} });
    expect(f.deviations).toEqual(['localRefusedWriteUnreported']);
  });
});

describe('readFigures', () => {
  it('a Query page that reads nothing: documented the least read, Local 0 (localEmptyQueryFree)', () => {
    const f = readFigures({
      operation: 'Query',
      index: 'table',
      consistent: false,
      itemsRead: 0,
      bytesRead: 0,
      units: 0.5,
      pages: [{ items: 0, bytes: 0, units: 0.5 }],
    });
    expect([f.documented.units, f.local.units, f.deviations]).toEqual([0.5, 0, ['localEmptyQueryFree']]);
  });
});

describe('sameCapacity', () => {
  it('compares the total, the table and every GSI', () => {
    expect(sameCapacity({ units: 4, table: 2, indexes: { GSI1: 2 } }, { units: 4, table: 2, indexes: { GSI1: 2 } })).toBe(true);
    expect(sameCapacity({ units: 4, table: 2, indexes: { GSI1: 2 } }, { units: 4, table: 2, indexes: { GSI2: 2 } })).toBe(false);
    expect(sameCapacity({ units: 4, table: 2, indexes: {} }, { units: 4, table: 4, indexes: {} })).toBe(false);
  });
});
