// Groups each entity's needs into as few key templates ("chains") as possible:
// greedy, collection members first so patterns join their item collection,
// then by growing equality sets so hierarchical patterns share one index.
import type { Entity } from '../model/types.ts';
import type { Need } from './accessNeeds.ts';
import { fitChain, type ChainTemplate } from './fitChain.ts';

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
    const own = [...(byEntity.get(entity.name) ?? [])]
      .sort((a, b) => rank(a) - rank(b) || a.eq.length - b.eq.length || a.id - b.id);
    const local: Chain[] = [];
    for (const need of own) {
      let placed = false;
      for (const chain of local) {
        const template = fitChain(entity, [...chain.needs, need]);
        if (template) {
          chain.needs.push(need);
          chain.template = template;
          if (need.collection !== undefined) chain.collection = need.collection;
          placed = true;
          break;
        }
      }
      if (!placed) {
        const template = fitChain(entity, [need]);
        if (!template) continue; // cannot happen: one need always fits
        const chain: Chain = { id: chains.length + local.length, entity: entity.name, needs: [need], template };
        if (need.collection !== undefined) chain.collection = need.collection;
        local.push(chain);
      }
    }
    chains.push(...local);
  }
  return chains;
}

function rank(n: Need): number {
  return n.kind === 'pattern' ? 1 : 0;
}
