// Whether a set of needs of one entity can share one key template, and which:
// their equality sets must nest (country ⊂ country,state ⊂ ...), the smallest
// becomes the partition key, each larger set extends the sort key, and an
// attribute that orders or ranges a level must come right after its prefix.
import type { Entity } from '../model/types.ts';
import type { Need } from './accessNeeds.ts';

export interface ChainTemplate {
  /** Partition key attributes. */
  pk: string[];
  /** Sort key attributes after the label (before the key attributes are appended). */
  sk: string[];
}

export function fitChain(entity: Entity, needs: readonly Need[]): ChainTemplate | null {
  const collections = new Set(needs.flatMap((n) => (n.collection === undefined ? [] : [n.collection])));
  if (collections.size > 1) return null;
  const declared = (a: string) => entity.attributes.findIndex((x) => x.name === a);
  const byDeclaration = (list: Iterable<string>) => [...list].sort((a, b) => declared(a) - declared(b));

  const sorted = [...needs].sort((a, b) => a.eq.length - b.eq.length || a.id - b.id);
  const levels: { set: Set<string>; next?: string }[] = [];
  for (const need of sorted) {
    const set = new Set(need.eq);
    const last = levels[levels.length - 1];
    if (last && sameSet(last.set, set)) {
      if (need.next !== undefined) {
        if (last.next !== undefined && last.next !== need.next) return null;
        last.next = need.next;
      }
      continue;
    }
    if (last && ![...last.set].every((a) => set.has(a))) return null;
    levels.push(need.next === undefined ? { set } : { set, next: need.next });
  }
  const first = levels[0];
  if (!first) return null;
  if (first.set.size === 0 && levels.length > 1) return null; // never nest patterns under one constant partition

  const member = needs.find((n) => n.kind !== 'pattern');
  let pk: string[];
  if (member) {
    if (!sameSet(new Set(member.eq), first.set)) return null;
    pk = [...member.eq];
  } else {
    pk = byDeclaration(first.set);
  }

  const sk: string[] = [];
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k];
    if (!level) continue;
    const following = levels[k + 1];
    if (following) {
      const added = byDeclaration([...following.set].filter((a) => !level.set.has(a)));
      if (level.next !== undefined) {
        if (!added.includes(level.next)) return null;
        sk.push(level.next, ...added.filter((a) => a !== level.next));
      } else {
        sk.push(...added);
      }
    } else if (level.next !== undefined) {
      sk.push(level.next);
    }
  }
  return { pk, sk };
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
