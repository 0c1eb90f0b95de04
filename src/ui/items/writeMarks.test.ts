import { describe, expect, it } from 'vitest';
import type { IndexChanges, IndexKeySchema, Item } from '../../engine/index.ts';
import { groupItems } from './groupItems.ts';
import { markLabel, markedRows, writeMarks } from './writeMarks.ts';

const table: IndexKeySchema = { name: 'table', kind: 'table', keys: 'composite', pkAttribute: 'PK', skAttribute: 'SK', entities: ['Order'] } as IndexKeySchema;
const gsi: IndexKeySchema = {
  name: 'GSI2',
  kind: 'gsi',
  keys: 'composite',
  pkAttribute: 'GSI2PK',
  skAttribute: 'GSI2SK',
  entities: ['Order'],
} as IndexKeySchema;
const before: Item = { PK: 'USER#a', SK: 'ORDER#1', GSI2PK: 'ORDER#pending', GSI2SK: 'ORDER#1', status: 'pending', _type: 'Order' };
const after: Item = { ...before, GSI2PK: 'ORDER#paid', status: 'paid' };
const other: Item = { PK: 'USER#b', SK: 'ORDER#2', GSI2PK: 'ORDER#paid', GSI2SK: 'ORDER#0', status: 'paid', _type: 'Order' };
const changes: IndexChanges[] = [
  { index: 'table', entries: [{ change: 'changed', entity: 'Order', before, after, attributes: ['GSI2PK', 'status'] }] },
  { index: 'GSI2', entries: [{ change: 'moved', entity: 'Order', before, after, attributes: ['GSI2PK', 'status'] }] },
];

function rows(indexName: string, index: IndexKeySchema) {
  const marks = writeMarks(changes, indexName, table);
  const grouped = groupItems({ items: [...marks.before, after, other], index, entityAttribute: '_type', table });
  const marked = markedRows(grouped.given, marks, table);
  return Array.from({ length: grouped.rows.length }, (_, i) => {
    const row = grouped.rows.at(i);
    if (row === undefined) return undefined;
    return row.kind === 'partition' ? row.pk : `${String(grouped.items[row.item]?.status)}${marked.has(i) ? ` [${markLabel(marked.get(i)!)}]` : ''}`;
  });
}

describe('writeMarks', () => {
  it('shows an entry changed in place as its before row right above its after row', () => {
    expect(rows('table', table)).toEqual(['USER#a', 'pending [before]', 'paid [after]', 'USER#b', 'paid']);
  });

  it("shows a moved entry's before row in its old partition and its after row in the new one", () => {
    expect(rows('GSI2', gsi)).toEqual(['ORDER#paid', 'paid', 'paid [moved to]', 'ORDER#pending', 'pending [moved from]']);
  });

  it('marks nothing in a view the write did not touch', () => {
    const marks = writeMarks(changes, 'GSI1', table);
    expect(marks.before).toEqual([]);
    expect(marks.afterMarks.size).toBe(0);
  });
});
