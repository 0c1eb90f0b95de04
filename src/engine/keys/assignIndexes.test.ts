// Where key templates go: the table first, GSIs as few as possible; never a
// template on an optional attribute in the table (every item needs the table's
// key), and never an optional attribute in a template that serves a pattern
// which does not name it (the records lacking it would drop out of its answer).
import { describe, expect, it } from 'vitest';
import { modelFromText } from '../../testing/exampleModels.ts';
import type { Model } from '../model/types.ts';
import { accessNeeds } from './accessNeeds.ts';
import { assignIndexes } from './assignIndexes.ts';
import { coverChains } from './coverChains.ts';
import { entityLabels } from './entityLabels.ts';

/** Every chain as `entity pk | sk → slot (patterns)`, in chain order. */
function placed(model: Model): string[] {
  const needs = accessNeeds(model, entityLabels(model));
  const chains = coverChains(model.entities, needs.needs);
  const placement = assignIndexes(model.entities, chains);
  return chains.map((c) => `${c.entity} ${c.template.pk.join(',')} | ${c.template.sk.join(',')} → ${String(placement.get(c.id))} (${c.needs.flatMap((n) => n.patterns).join(', ')})`);
}

const PLAYERS = (rating: string) => `model "Lobby"
entity Player key playerId
  playerId: string
  region: "eu" | "us"
  ${rating}: number
topRated: Player by region order by rating desc
`;

describe('assignIndexes', () => {
  it('puts a template on an optional attribute into a GSI, never the table, even when the table is free', () => {
    expect(placed(modelFromText(PLAYERS('rating')))).toEqual(['Player region | rating → 0 (topRated)']);
    expect(placed(modelFromText(PLAYERS('rating?')))).toEqual(['Player region | rating → 1 (topRated)']);
  });

  it('leaves the table to the other templates and adds no GSI when one is already needed', () => {
    const model = modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: string
  createdAt: datetime
byHost: Game by hostId order by createdAt desc
byMode: Game by mode order by createdAt desc
`);
    expect(placed(model)).toEqual(['Game hostId | createdAt → 0 (byHost)', 'Game mode | createdAt → 1 (byMode)']);
  });

  it('keeps an optional attribute out of the template of a pattern that does not name it', () => {
    const model = modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  mode?: string
  score?: number
byHost: Game by hostId
byHostAndMode: Game by hostId, mode
byHostAndModeByScore: Game by hostId, mode order by score desc
byHostByScore: Game by hostId order by score desc
`);
    // Without optional attributes byHost and byHostAndMode share one template (hostId | mode); here
    // byHost keeps the table, and each optional set (score; mode; mode and score) has its own GSI.
    expect(placed(model)).toEqual([
      'Game hostId |  → 0 (byHost)',
      'Game hostId | score → 1 (byHostByScore)',
      'Game hostId,mode |  → 2 (byHostAndMode)',
      'Game hostId,mode | score → 3 (byHostAndModeByScore)',
    ]);
    const plain = modelFromText(
      `model "Games"\nentity Game key gameId\n  gameId: string\n  hostId: string\n  mode: string\nbyHost: Game by hostId\nbyHostAndMode: Game by hostId, mode\n`,
    );
    expect(placed(plain)).toEqual(['Game hostId | mode → 0 (byHost, byHostAndMode)']);
  });

  it('keeps an item collection (keyed on its key and via, never optional) apart from a sparse template', () => {
    const model = modelFromText(`model "Lobby"
entity Player key playerId
  playerId: string
entity Game key gameId belongsTo Player via hostId
  gameId: string
  hostId: string
  mode?: string
playerWithGames: Player by playerId with Game
hostGamesByMode: Game by hostId order by mode asc
`);
    expect(placed(model)).toEqual([
      'Player playerId |  → 0 (playerWithGames)',
      'Game hostId |  → 0 (playerWithGames)',
      'Game hostId | mode → 1 (hostGamesByMode)',
    ]);
  });
});
