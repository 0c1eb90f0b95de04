// Whether needs of one entity can share one key template, and which: their
// equality sets must nest (country ⊂ country,state ⊂ ...), the smallest becomes
// the partition key, each larger set extends the sort key, and an attribute that
// orders or ranges a level must come right after its prefix.
//
// Optional attributes (records may lack them) split chains: a template that
// holds one leaves the records lacking it out of the index, which is right only
// for a pattern that names it (such a record is not in its answer). So needs
// share a chain only when they name the same optional attributes (in their
// equality set or as the attribute that follows it): every optional attribute
// of the template is then named by every need it serves.
//
// A chain is kept as its levels (one per distinct equality set), so adding a
// need looks at the levels, never at the needs already placed: coverChains tries
// every need against every chain, and chains can hold thousands of patterns.
import type { Entity } from '../model/types.ts';
import type { Need } from './accessNeeds.ts';

export interface ChainTemplate {
  /** Partition key attributes. */
  pk: string[];
  /** Sort key attributes after the label (before the key attributes are appended). */
  sk: string[];
  /** Write sharding: the partition key ends with a shard segment of this many shards (keys/shards.ts). */
  shards?: number;
}

interface Level {
  set: ReadonlySet<string>;
  /** The set in the order of the level's first need (by id). */
  attributes: readonly string[];
  /** Id of that first need. */
  firstId: number;
  next?: string;
}

/** An immutable chain of needs: its levels, item collection, collection member and template. */
export class ChainFit {
  private constructor(
    private readonly declared: (attribute: string) => number,
    /** The entity's optional attributes. */
    private readonly optional: ReadonlySet<string>,
    /** The optional attributes every need of the chain names (undefined: no need yet). */
    private readonly named: string | undefined,
    private readonly levels: readonly Level[],
    /** The first collection member added (its equality list is the partition key). */
    private readonly member: Need | undefined,
    readonly collection: number | undefined,
    readonly template: ChainTemplate,
  ) {}

  /** The chain of one need. */
  static of(entity: Entity, need: Need): ChainFit | null {
    const order = new Map(entity.attributes.map((a, i) => [a.name, i] as const).reverse());
    const declared = (a: string) => order.get(a) ?? -1;
    const optional = new Set(entity.attributes.filter((a) => a.optional).map((a) => a.name));
    return new ChainFit(declared, optional, undefined, [], undefined, undefined, { pk: [], sk: [] }).with(need);
  }

  /** The optional attributes a need names, as one comparable text. */
  private optionalNamed(need: Need): string {
    if (this.optional.size === 0) return '';
    const named = new Set([...need.eq, ...(need.next === undefined ? [] : [need.next])].filter((a) => this.optional.has(a)));
    return JSON.stringify([...named].sort());
  }

  /** This chain with `need` added, or null when the need does not fit; this chain is left alone. */
  with(need: Need): ChainFit | null {
    if (need.collection !== undefined && this.collection !== undefined && need.collection !== this.collection) return null;
    const named = this.optionalNamed(need);
    if (this.named !== undefined && named !== this.named) return null;
    // A sharded need has a template of its own: only needs with the same shard count share one (keys/shards.ts).
    if (this.levels.length > 0 && (need.shards ?? 1) !== (this.template.shards ?? 1)) return null;
    const set = new Set(need.eq);
    const levels = [...this.levels];
    let at = 0;
    while (at < levels.length && (levels[at]?.set.size ?? 0) < set.size) at++;
    const same = levels[at];
    if (same && same.set.size === set.size) {
      if (![...set].every((a) => same.set.has(a))) return null; // two sets of one size never nest
      let next = same.next;
      if (need.next !== undefined) {
        if (next !== undefined && next !== need.next) return null;
        next = need.next;
      }
      const first = need.id < same.firstId;
      levels[at] = {
        set: same.set,
        attributes: first ? need.eq : same.attributes,
        firstId: first ? need.id : same.firstId,
        ...(next === undefined ? {} : { next }),
      };
    } else {
      levels.splice(at, 0, { set, attributes: need.eq, firstId: need.id, ...(need.next === undefined ? {} : { next: need.next }) });
    }
    const member = this.member ?? (need.kind === 'pattern' ? undefined : need);
    const found = templateOf(levels, member, this.declared);
    if (!found) return null;
    const template: ChainTemplate = need.shards !== undefined && need.shards > 1 ? { ...found, shards: need.shards } : found;
    return new ChainFit(this.declared, this.optional, named, levels, member, this.collection ?? need.collection, template);
  }
}

/** The template of nested levels (smallest set first), or null when they do not form one. */
function templateOf(levels: readonly Level[], member: Need | undefined, declared: (attribute: string) => number): ChainTemplate | null {
  const byDeclaration = (list: Iterable<string>) => [...list].sort((a, b) => declared(a) - declared(b));
  const first = levels[0];
  if (!first) return null;
  if (first.set.size === 0 && levels.length > 1) return null; // never nest patterns under one constant partition
  for (let k = 1; k < levels.length; k++) {
    const smaller = levels[k - 1];
    const larger = levels[k];
    if (!smaller || !larger || ![...smaller.set].every((a) => larger.set.has(a))) return null;
  }

  let pk: string[];
  if (member) {
    const own = new Set(member.eq);
    if (own.size !== first.set.size || ![...own].every((a) => first.set.has(a))) return null;
    pk = [...member.eq];
  } else {
    pk = byDeclaration(first.attributes);
  }

  const sk: string[] = [];
  for (let k = 0; k < levels.length; k++) {
    const level = levels[k];
    if (!level) continue;
    const following = levels[k + 1];
    if (following) {
      const added = byDeclaration(following.attributes.filter((a) => !level.set.has(a)));
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
