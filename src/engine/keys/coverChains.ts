// Groups each entity's needs into as few key templates ("chains") as possible:
// greedy, collection members first so patterns join their item collection,
// then by growing equality sets so hierarchical patterns share one index.
// Needs arrive merged (one per distinct need, whatever number of patterns share
// it), and a chain grows by its levels (ChainFit), so this is linear in the
// patterns and grows with distinct needs × chains.
import type { Entity } from '../model/types.ts';
import type { Need } from './accessNeeds.ts';
import { ChainFit, type ChainTemplate } from './fitChain.ts';

export interface Chain {
  id: number;
  entity: string;
  needs: Need[];
  template: ChainTemplate;
  collection?: number;
}

export function coverChains(entities: readonly Entity[], needs: readonly Need[]): Chain[] {
  const chains: Chain[] = [];
  const byEntity = new Map<string, Need[]>();
  for (const n of needs) {
    const list = byEntity.get(n.entity);
    if (list) list.push(n);
    else byEntity.set(n.entity, [n]);
  }
  for (const entity of entities) {
    const own = [...(byEntity.get(entity.name) ?? [])].sort((a, b) => rank(a) - rank(b) || a.eq.length - b.eq.length || a.id - b.id);
    const local: { chain: Chain; fit: ChainFit }[] = [];
    for (const need of own) {
      let placed = false;
      for (const slot of local) {
        const fit = slot.fit.with(need);
        if (fit) {
          slot.fit = fit;
          slot.chain.needs.push(need);
          slot.chain.template = fit.template;
          if (need.collection !== undefined) slot.chain.collection = need.collection;
          placed = true;
          break;
        }
      }
      if (!placed) {
        const fit = ChainFit.of(entity, need);
        if (!fit) continue; // cannot happen: one need always fits
        const chain: Chain = { id: chains.length + local.length, entity: entity.name, needs: [need], template: fit.template };
        if (need.collection !== undefined) chain.collection = need.collection;
        local.push({ chain, fit });
      }
    }
    chains.push(...local.map((slot) => slot.chain));
  }
  return chains;
}

function rank(n: Need): number {
  return n.kind === 'pattern' ? 1 : 0;
}
