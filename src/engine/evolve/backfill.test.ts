// backfillUpdate on the in-memory table: every item of a table made under FROM,
// updated, is the item TO stores for its record; a second pass finds nothing to do;
// and the conditions refuse an update of an item someone changed or deleted since
// it was read, so the backfill never undoes a newer write or brings back a record.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../samples/createRandom.ts';
import { generateSampleRecords } from '../samples/generateSampleRecords.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { designLayout } from '../design/designJson.ts';
import { fromItem, toItem } from '../design/items.ts';
import type { Design, Item } from '../design/types.ts';
import type { Model } from '../model/types.ts';
import { withGuardItems } from '../writes/guardItems.ts';
import { createMemoryTable, type MemoryTable } from '../writes/memoryTable.ts';
import { isGuardKey } from '../writes/writePlan.ts';
import { allModels, exampleModel } from '../../testing/exampleModels.ts';
import { backfillUpdate } from './backfill.ts';

/** FROM: the model less a few patterns (seeded); TO: the whole model derived against FROM. */
function pair(model: Model, seed: string, drop = 2): { from: Design; to: Design } {
  const random = createRandom(seed);
  const removed = new Set(random.shuffle(model.patterns.map((p) => p.name)).slice(0, Math.min(drop, model.patterns.length - 1)));
  const from = deriveDesign({ ...model, patterns: model.patterns.filter((p) => !removed.has(p.name)) });
  const to = deriveDesign(model, { previous: designLayout(from) });
  return { from, to };
}

function tableOf(design: Design, items: readonly Item[]): MemoryTable {
  const table = design.indexes[0];
  if (!table || table.keys === 'native') throw new Error('no table key');
  return createMemoryTable({ tableName: design.tableName, tableKey: { pk: table.pkAttribute, sk: table.skAttribute }, items });
}

function fromTable(from: Design, seed: string): { table: MemoryTable; items: Item[] } {
  const records = generateSampleRecords(from.model, { seed, maxPerEntity: 30 });
  const items = [...records].flatMap(([entity, list]) => list.map((r) => toItem(from, entity, r)));
  const stored = withGuardItems(from, items).items;
  return { table: tableOf(from, stored), items: stored };
}

/** Runs the backfill over every item once; the number of updates sent. */
async function backfill(from: Design, to: Design, table: MemoryTable): Promise<number> {
  let sent = 0;
  for (const item of table.items()) {
    const update = backfillUpdate(from, to, item as Item);
    if (!update) continue;
    await table.send({ Update: update });
    sent++;
  }
  return sent;
}

const tableKeyOf = (design: Design) => {
  const t = design.indexes[0];
  return t && t.keys !== 'native' ? [t.pkAttribute, t.skAttribute] : ['PK', 'SK'];
};

describe('backfillUpdate', () => {
  it.each(allModels().map((m) => [m.slug, m.model] as const))(
    '%s: every item becomes what TO stores for its record; guards stay; a second pass sends nothing',
    async (slug, model) => {
      for (const seed of ['a', 'b', 'c']) {
        const { from, to } = pair(model, `${slug}:${seed}`, seed === 'c' ? 3 : seed === 'b' ? 1 : 2);
        const { table } = fromTable(from, `${slug}:${seed}`);
        const before = table.items();
        await backfill(from, to, table);
        const after = table.items();
        const [pk] = tableKeyOf(to);
        expect(after.length).toBe(before.length);
        for (const [i, item] of after.entries()) {
          const old = before[i] as Item;
          if (isGuardKey(item[pk ?? ''])) {
            expect(item).toEqual(old);
            continue;
          }
          const { entity, record } = fromItem(from, old);
          expect(item, `${slug}:${seed}`).toEqual(toItem(to, entity, record));
        }
        expect(await backfill(from, to, table)).toBe(0);
      }
    },
  );

  it('writes only key attributes, through placeholders, on the condition that the item is as read', () => {
    const model = exampleModel('ecommerce');
    const from = deriveDesign({ ...model, patterns: model.patterns.slice(0, 1) });
    const to = deriveDesign(model, { previous: designLayout(from) });
    const { items } = fromTable(from, 'shape');
    const updates = items.map((item) => backfillUpdate(from, to, item)).filter((u) => u !== undefined);
    expect(updates.length).toBeGreaterThan(0);
    const keyAttributes = new Set(to.indexes.slice(1).flatMap((i) => (i.keys === 'native' ? [] : [i.pkAttribute, i.skAttribute])));
    const values = new Set(items.flatMap((item) => Object.values(item).map(String)));
    for (const u of updates) {
      expect(u.TableName).toBe(to.tableName);
      expect(u.UpdateExpression).toMatch(/^(SET #n\d+ = :v\d+(, #n\d+ = :v\d+)*)?( ?REMOVE #n\d+(, #n\d+)*)?$/);
      expect(u.ConditionExpression).toMatch(/^attribute_exists\(#n\d+\) AND #n\d+ = :v\d+/);
      // The attributes it writes are GSI key attributes, never the table key or a record's own.
      for (const placeholder of u.UpdateExpression.match(/#n\d+/g) ?? []) expect(keyAttributes).toContain(u.ExpressionAttributeNames[placeholder]);
      // No name or value in the expression text itself.
      for (const v of values) if (v.length > 3) expect(`${u.UpdateExpression} ${u.ConditionExpression}`).not.toContain(v);
    }
  });

  it('an item changed since it was read refuses the update; read again, it gets the keys of its new values', async () => {
    const model = exampleModel('ecommerce');
    const { from, to } = pair(model, 'changed', 3);
    const { table, items } = fromTable(from, 'changed');
    let checked = 0;
    for (const item of items) {
      const update = backfillUpdate(from, to, item);
      if (!update) continue;
      const { entity, record } = fromItem(from, item);
      const entityModel = model.entities.find((e) => e.name === entity);
      // Change one attribute a new key is made of (not a table key attribute), as an older writer would.
      const source =
        Object.keys(update.ExpressionAttributeValues).length &&
        entityModel?.attributes.find(
          (a) => a.type === 'string' && !a.optional && !entityModel.key.includes(a.name) && update.ConditionExpression.includes(`${nameOf(update, a.name)} =`),
        );
      if (!source) continue;
      const changed = { ...record, [source.name]: `${String(record[source.name])}-changed` };
      await table.send({ Put: { TableName: from.tableName, Item: toItem(from, entity, changed) } });
      await expect(table.send({ Update: update })).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
      const [pk, sk] = tableKeyOf(from);
      const now = (await table.send({
        Get: { TableName: from.tableName, Key: { [pk ?? '']: item[pk ?? ''] as string, [sk ?? '']: item[sk ?? ''] as string } },
      })) as Item;
      const again = backfillUpdate(from, to, now);
      expect(again).toBeDefined();
      if (again) await table.send({ Update: again });
      const fixed = await table.send({ Get: { TableName: from.tableName, Key: update.Key } });
      expect(fixed).toEqual(toItem(to, entity, changed));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('never brings back a deleted item, and leaves alone one the new module already wrote', async () => {
    const model = exampleModel('ecommerce');
    const { from, to } = pair(model, 'deleted', 3);
    const { table, items } = fromTable(from, 'deleted');
    const updates = items.flatMap((item) => {
      const u = backfillUpdate(from, to, item);
      return u ? [{ item, u }] : [];
    });
    expect(updates.length).toBeGreaterThan(2);
    const [first, second] = updates;
    if (!first || !second) return;
    await table.send({ Delete: { TableName: from.tableName, Key: first.u.Key } });
    await expect(table.send({ Update: first.u })).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(await table.send({ Get: { TableName: from.tableName, Key: first.u.Key } })).toBeUndefined();
    // Written by TO's module meanwhile (every key TO needs): nothing left to do, and the stale update is refused.
    const { entity, record } = fromItem(from, second.item);
    const newer = toItem(to, entity, record);
    await table.send({ Put: { TableName: from.tableName, Item: newer } });
    expect(backfillUpdate(from, to, newer)).toBeUndefined();
    await expect(table.send({ Update: second.u })).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('removes the key attributes of a template the new design dropped', async () => {
    const model = exampleModel('ecommerce');
    const from = deriveDesign(model);
    // TO drops every pattern of the last GSI: its templates go (keepPrevious), so their key attributes go too.
    const last = from.indexes[from.indexes.length - 1];
    if (!last || last.kind === 'table') return;
    const to = deriveDesign({ ...model, patterns: model.patterns.filter((p) => !last.patterns.includes(p.name)) }, { previous: designLayout(from) });
    const { table } = fromTable(from, 'dropped');
    await backfill(from, to, table);
    for (const item of table.items()) {
      if (typeof item[from.entityAttribute] !== 'string') continue;
      const { entity, record } = fromItem(from, item as Item);
      expect(item).toEqual(toItem(to, entity, record));
    }
    if (!to.entities.some((e) => e.keys[last.name])) {
      const attrs = last.keys === 'native' ? [] : [last.pkAttribute, last.skAttribute];
      for (const item of table.items()) for (const a of attrs) expect(item).not.toHaveProperty(a);
    }
  });

  it('gives nothing for a guard item', () => {
    const model = exampleModel('ecommerce');
    const { from, to } = pair(model, 'guards', 2);
    const { items } = fromTable(from, 'guards');
    const [pk] = tableKeyOf(from);
    const guards = items.filter((i) => isGuardKey(i[pk ?? '']));
    for (const g of guards) expect(backfillUpdate(from, to, g)).toBeUndefined();
  });
});

function nameOf(update: { ExpressionAttributeNames: Record<string, string> }, name: string): string {
  return Object.entries(update.ExpressionAttributeNames).find(([, v]) => v === name)?.[0] ?? '\u0000';
}
