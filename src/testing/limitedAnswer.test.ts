import { describe, expect, it } from 'vitest';
import { limitedAnswerProblem } from './limitedAnswer.ts';
import { modelFromText } from './exampleModels.ts';

const model = modelFromText(`model "Games"
entity Game key id
  id: string
  level: number
top2: Game order by level desc limit 2
all: Game order by level desc
`);
const game = (id: string, level: number) => ({ entity: 'Game', record: { id, level } });
const records = new Map([['Game', [game('a', 3), game('b', 2), game('c', 2), game('d', 1)].map((g) => g.record)]]);

describe('limitedAnswerProblem', () => {
  it('takes any of the records tied at the boundary, in the first N only', () => {
    expect(limitedAnswerProblem(model, records, 'top2', {}, [game('a', 3), game('b', 2)])).toBeUndefined();
    expect(limitedAnswerProblem(model, records, 'top2', {}, [game('a', 3), game('c', 2)])).toBeUndefined();
    expect(limitedAnswerProblem(model, records, 'top2', {}, [game('b', 2), game('c', 2)])).toMatch(/level values/);
    expect(limitedAnswerProblem(model, records, 'top2', {}, [game('a', 3)])).toMatch(/got 1/);
    expect(limitedAnswerProblem(model, records, 'top2', {}, [game('a', 3), game('x', 2)])).toMatch(/not in the answer/);
  });

  it('wants the exact records of a pattern without a limit', () => {
    expect(limitedAnswerProblem(model, records, 'all', {}, [game('d', 1), game('c', 2), game('b', 2), game('a', 3)])).toBeUndefined();
    expect(limitedAnswerProblem(model, records, 'all', {}, [game('a', 3)])).toMatch(/expected 4 records, got 1/);
  });
});
