// ConsumedCapacity (one entry per page, ReturnConsumedCapacity INDEXES) as
// one line: total read units, then where they went (table, each index).
import type { ConsumedCapacity } from '../../runner/index.ts';

const units = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function capacitySummary(consumed: readonly ConsumedCapacity[]): string {
  if (consumed.length === 0) return 'not reported';
  let total = 0;
  const parts = new Map<string, number>();
  for (const c of consumed) {
    total += c.CapacityUnits ?? 0;
    if (c.Table?.CapacityUnits) parts.set('table', (parts.get('table') ?? 0) + c.Table.CapacityUnits);
    for (const [name, v] of Object.entries(c.GlobalSecondaryIndexes ?? {})) if (v.CapacityUnits) parts.set(name, (parts.get(name) ?? 0) + v.CapacityUnits);
    for (const [name, v] of Object.entries(c.LocalSecondaryIndexes ?? {})) if (v.CapacityUnits) parts.set(name, (parts.get(name) ?? 0) + v.CapacityUnits);
  }
  const where = [...parts].map(([name, n]) => `${name} ${units(n)}`).join(', ');
  return `${units(total)} RCU${where ? ` (${where})` : ''}`;
}
