// Places key templates ("chains") into the table and as few overloaded GSIs as
// possible: an entity has at most one template per index, and an item
// collection's templates share one index. Greedy first-fit, tried in a few
// orders; the fewest GSIs win, then the most key lookups served by GetItem.
// A template on an optional attribute never goes into the table: every item
// needs the table's key, and a record may lack that attribute. It goes to a GSI,
// which is sparse on purpose (coverChains only gives it patterns that name it).
// Nor does a sharded template (keys/shards.ts).
import type { Entity } from '../model/types.ts';
import type { Chain } from './coverChains.ts';

/** Chain id → slot (0 = the table, n = GSIn). */
export type Placement = Map<number, number>;

export function assignIndexes(entities: readonly Entity[], chains: readonly Chain[]): Placement {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const optional = new Map(entities.map((e) => [e.name, new Set(e.attributes.filter((a) => a.optional).map((a) => a.name))]));
  /** The template uses an attribute a record may lack. */
  const sparse = (c: Chain): boolean => {
    // A sharded template is never the table's either: the table key finds a record from its key (keys/shards.ts).
    if ((c.template.shards ?? 1) > 1) return true;
    const own = optional.get(c.entity);
    return !!own && own.size > 0 && [...c.template.pk, ...c.template.sk].some((a) => own.has(a));
  };
  const lookups = new Map<number, boolean>();
  const keyLookup = (c: Chain): boolean => {
    let known = lookups.get(c.id);
    if (known === undefined) {
      const entity = byName.get(c.entity);
      const all = new Set([...c.template.pk, ...c.template.sk]);
      known =
        !!entity &&
        entity.key.length === all.size &&
        entity.key.every((a) => all.has(a)) &&
        c.needs.some((n) => n.kind === 'pattern' && n.next === undefined && n.eq.length === all.size);
      lookups.set(c.id, known);
    }
    return known;
  };
  const groups = (order: 'collectionsFirst' | 'lookupsFirst'): Chain[][] => {
    const byCollection = new Map<number, Chain[]>();
    const singles: Chain[] = [];
    for (const c of chains) {
      if (c.collection === undefined) singles.push(c);
      else {
        const group = byCollection.get(c.collection);
        if (group) group.push(c);
        else byCollection.set(c.collection, [c]);
      }
    }
    const collectionGroups = [...byCollection.values()].sort((a, b) => b.length - a.length || (a[0]?.id ?? 0) - (b[0]?.id ?? 0));
    const lookups = singles.filter(keyLookup).map((c) => [c]);
    const rest = singles.filter((c) => !keyLookup(c)).map((c) => [c]);
    return order === 'collectionsFirst' ? [...collectionGroups, ...lookups, ...rest] : [...lookups, ...collectionGroups, ...rest];
  };

  let best: { placement: Placement; gsis: number; lookups: number } | undefined;
  for (const order of ['collectionsFirst', 'lookupsFirst'] as const) {
    const placement: Placement = new Map();
    const used = new Map<number, Set<string>>();
    // Per entity, the first slot it does not use: every slot below it is taken.
    const firstFree = new Map<string, number>();
    for (const group of groups(order)) {
      let slot = Math.max(group.some(sparse) ? 1 : 0, ...group.map((c) => firstFree.get(c.entity) ?? 0));
      while (group.some((c) => used.get(slot)?.has(c.entity))) slot++;
      const taken = used.get(slot) ?? new Set<string>();
      for (const c of group) {
        placement.set(c.id, slot);
        taken.add(c.entity);
      }
      used.set(slot, taken);
      for (const c of group) {
        let free = firstFree.get(c.entity) ?? 0;
        while (used.get(free)?.has(c.entity)) free++;
        firstFree.set(c.entity, free);
      }
    }
    let gsis = 0;
    for (const slot of placement.values()) gsis = Math.max(gsis, slot);
    const lookups = chains.filter((c) => placement.get(c.id) === 0 && keyLookup(c)).length;
    if (!best || gsis < best.gsis || (gsis === best.gsis && lookups > best.lookups)) best = { placement, gsis, lookups };
  }
  return best?.placement ?? new Map();
}
