// The order in which to generate entities' sample records: parents before
// children (along `belongsTo`), otherwise model order. A self-reference does
// not constrain the order. A cycle (A belongs to B, B to A) is broken at the
// first entity of the cycle in model order, so this always ends.
import type { Entity, Model } from '../model/types.ts';

export function generationOrder(model: Model): Entity[] {
  const known = new Set(model.entities.map((e) => e.name));
  const done = new Set<string>();
  const remaining = [...model.entities];
  const order: Entity[] = [];
  while (remaining.length > 0) {
    const ready = remaining.findIndex((e) => e.belongsTo.every((b) => b.entity === e.name || !known.has(b.entity) || done.has(b.entity)));
    const [next] = remaining.splice(ready === -1 ? 0 : ready, 1);
    if (!next) break;
    order.push(next);
    done.add(next.name);
  }
  return order;
}
