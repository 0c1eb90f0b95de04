import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRequest, deriveDesign, loadProblem } from '../../engine/index.ts';
import { requestSummary } from './requestSummary.ts';

const loaded = loadProblem(readFileSync(new URL('../../examples/ecommerce.problem.json', import.meta.url), 'utf8'));
if (loaded.model === undefined) throw new Error('the e-commerce example does not load');
const design = deriveDesign(loaded.model);

describe('requestSummary', () => {
  it('shows a GetItem as its key, values in JSON', () => {
    const [request] = buildRequest(design, 'getUserByEmail', { email: 'ada@example.com' });
    const summary = requestSummary(request!);
    expect(summary.operation).toBe('GetItem');
    expect(summary.keyCondition).toBe('PK = "USER#ada@example.com", SK = "USER"');
    expect(summary.direction).toBeUndefined();
  });

  it('shows a Query with its expression, names, values and a descending direction', () => {
    const [request] = buildRequest(design, 'getUserOrders', { userEmail: 'ada@example.com' });
    const summary = requestSummary(request!);
    expect(summary).toMatchObject({ operation: 'Query', index: 'table', direction: 'descending' });
    expect(summary.keyCondition).toBe('#pk = :pk AND begins_with(#sk, :sk)');
    expect(summary.names).toEqual([
      ['#pk', 'PK'],
      ['#sk', 'SK'],
    ]);
    expect(summary.values[0]).toEqual([':pk', '"USER#ada@example.com"']);
  });

  it('names the GSI a query uses', () => {
    const [request] = buildRequest(design, 'getOrdersByStatus', { status: 'paid' });
    expect(requestSummary(request!)).toMatchObject({ index: 'GSI2', direction: 'ascending' });
    expect(requestSummary(request!).limit).toBeUndefined();
  });

  it('shows the Limit of a pattern that keeps its first N records, and the literal of a fixed attribute among the values', () => {
    const model = loadProblem(`model "Games"
entity Game key gameId
  gameId: string
  status: "open" | "done"
  createdAt: datetime
newestOpen: Game where status = "open" order by createdAt desc limit 10
`).model;
    if (model === undefined) throw new Error('the games model does not load');
    const [request] = buildRequest(deriveDesign(model), 'newestOpen', {});
    const summary = requestSummary(request!);
    expect(summary).toMatchObject({ operation: 'Query', direction: 'descending', limit: 10 });
    expect(summary.values).toContainEqual([':pk', '"GAME#open"']);
  });
});
