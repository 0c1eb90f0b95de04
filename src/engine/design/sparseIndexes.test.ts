import { describe, expect, it } from 'vitest';
import { exampleModel, modelFromText } from '../../testing/exampleModels.ts';
import { deriveDesign } from './deriveDesign.ts';
import { designJson, designLayout } from './designJson.ts';
import { parseDesignJson } from './parseDesignJson.ts';
import { sparseIndexes } from './sparseIndexes.ts';

const LOBBY = modelFromText(`model "Lobby"
entity Player key playerId
  playerId: string
  region: "eu" | "us"
  rating?: number
  nickname?: string
entity Game key gameId
  gameId: string
  hostId: string
  mode?: "solo" | "duo"
  score?: number
  createdAt: datetime
getPlayer: Player by playerId returns one
topRated: Player by region order by rating desc
byHost: Game by hostId order by createdAt desc
byMode: Game by mode order by createdAt desc
modeHighScores: Game by mode order by score desc
`);

describe('sparseIndexes', () => {
  it('names each GSI template on an optional attribute, with those attributes, and nothing for the others', () => {
    const design = deriveDesign(LOBBY);
    const sparse = sparseIndexes(design, LOBBY);
    expect(sparse).toEqual([
      { index: 'GSI1', entity: 'Player', attributes: ['rating'] },
      { index: 'GSI1', entity: 'Game', attributes: ['mode'] },
      { index: 'GSI2', entity: 'Game', attributes: ['mode', 'score'] },
    ]);
    // Never the table; the attribute of each really is in that template's key.
    for (const s of sparse) {
      expect(s.index).not.toBe('table');
      const template = design.entities.find((e) => e.entity === s.entity)?.keys[s.index];
      const names = [...(template?.pk ?? []), ...(template?.sk ?? [])].flatMap((x) => (x.kind === 'attribute' ? [x.name] : []));
      for (const a of s.attributes) expect(names).toContain(a);
    }
  });

  it('reads a layout alone, as design.json gives it back', () => {
    const design = deriveDesign(LOBBY);
    const loaded = parseDesignJson(designJson(design));
    expect(loaded.design).toBeDefined();
    if (!loaded.design) return;
    expect(sparseIndexes(loaded.design, LOBBY)).toEqual(sparseIndexes(designLayout(design), LOBBY));
    expect(sparseIndexes(loaded.design, LOBBY)).toHaveLength(3);
  });

  it('finds none in a model without optional attributes', () => {
    const model = exampleModel('ecommerce');
    expect(sparseIndexes(deriveDesign(model), model)).toEqual([]);
  });
});
