// FORMAT.md `consistent`: a pattern that asks for a strongly consistent read gets ConsistentRead on the
// table (GetItem and Query, in the plan, the request and the generated builder); a GSI has none to give.
import { describe, expect, it } from 'vitest';
import { generateModule } from '../codegen/generateModule.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { buildRequest } from './buildRequest.ts';

const MODEL = `model "Games"

entity Game key gameId
  gameId: string
  hostId: string
  createdAt: datetime

getGame: Game by gameId returns one consistent
getGameLoose: Game by gameId returns one
getHostGames: Game by hostId newest first where createdAt >= ? consistent
`;

describe('consistent reads', () => {
  const design = deriveDesign(modelFromText(MODEL));
  const plan = (name: string) => design.patterns.find((p) => p.pattern === name);

  it('puts ConsistentRead on a table read the pattern asks it of, and only there', () => {
    expect(plan('getGame')?.steps[0]).toMatchObject({ operation: 'GetItem', index: 'table', consistent: true });
    expect(buildRequest(design, 'getGame', { gameId: 'g1' })[0]?.input).toMatchObject({ ConsistentRead: true });
    expect(buildRequest(design, 'getGameLoose', { gameId: 'g1' })[0]?.input).not.toHaveProperty('ConsistentRead');
    expect(plan('getGame')?.reason).toContain('Strongly consistent (ConsistentRead)');
  });

  it('says a GSI cannot give one, and sends none to it (DynamoDB refuses ConsistentRead on a GSI)', () => {
    const step = plan('getHostGames')?.steps[0];
    expect(step?.index).toMatch(/^GSI/);
    expect(step).not.toHaveProperty('consistent');
    expect(buildRequest(design, 'getHostGames', { hostId: 'h', createdAt: '2024-01-01T00:00:00Z' })[0]?.input).not.toHaveProperty('ConsistentRead');
    expect(plan('getHostGames')?.reason).toContain('is a GSI, which is eventually consistent only');
  });

  it('writes ConsistentRead into the generated builder of the consistent table read', () => {
    const code = generateModule(design);
    const builder = code.slice(code.indexOf('getGame(params'), code.indexOf('getGameLoose(params'));
    expect(builder).toContain('ConsistentRead: true,');
    expect(code.slice(code.indexOf('getGameLoose(params'))).not.toContain('ConsistentRead: true');
  });
});
