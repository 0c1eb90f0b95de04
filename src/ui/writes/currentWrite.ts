// The write the Writes view states now: its entity (the one chosen, else the
// first), its draft (the one typed, else one filled from the entity's first
// sample record, as an update), and the call it becomes or its field errors.
// The Writes view shows it; the Run panel sends it. Pure: no React.
import { fromItem, type Design, type Entity, type Item, type Model, type RecordValue, type WriteOperation } from '../../engine/index.ts';
import type { WriteDraft } from '../../store/types.ts';
import { buildWriteCall, draftFrom, operationsOf, type BuiltWrite } from './writeFields.ts';

export interface CurrentWrite {
  entity: Entity;
  /** The draft, its operation one the entity takes. */
  draft: WriteDraft;
  operations: WriteOperation[];
  built: BuiltWrite;
}

/** The sample records by entity, from the items (as the writes left them). */
export function recordsByEntity(design: Design, items: readonly Item[]): Map<string, RecordValue[]> {
  const out = new Map<string, RecordValue[]>();
  for (const item of items) {
    const { entity, record } = fromItem(design, item);
    const list = out.get(entity);
    if (list) list.push(record);
    else out.set(entity, [record]);
  }
  return out;
}

export function currentWrite({
  model,
  records,
  writeEntity,
  drafts,
}: {
  model: Model;
  records: ReadonlyMap<string, readonly RecordValue[]>;
  writeEntity: string | undefined;
  drafts: Record<string, WriteDraft>;
}): CurrentWrite | undefined {
  const entity = model.entities.find((e) => e.name === writeEntity) ?? model.entities[0];
  if (entity === undefined) return undefined;
  const stored = Object.hasOwn(drafts, entity.name) ? drafts[entity.name] : undefined;
  const draft = stored ?? draftFrom(entity, 'update', records.get(entity.name)?.[0]);
  const operations = operationsOf(entity);
  const current = operations.includes(draft.operation) ? draft : { ...draft, operation: 'update' as const };
  return { entity, draft: current, operations, built: buildWriteCall(entity, current) };
}
