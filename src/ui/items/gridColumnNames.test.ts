import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDesign, loadProblem } from '../../engine/index.ts';
import { gridColumnNames } from './gridColumnNames.ts';

const loaded = loadProblem(readFileSync(new URL('../../examples/ecommerce.problem.json', import.meta.url), 'utf8'));
if (loaded.model === undefined) throw new Error('the e-commerce example does not load');
const design = deriveDesign(loaded.model);

describe('gridColumnNames', () => {
  it('pins the table keys and the entity attribute first in the table view', () => {
    const { pinned, others } = gridColumnNames({ design, indexName: 'table' });
    expect(pinned).toEqual(['PK', 'SK', '_type']);
    expect(others.slice(0, 3)).toEqual(['email', 'userId', 'name']);
    expect(others).toContain('GSI1PK');
  });

  it("pins a GSI's own keys in its view and lists the table keys among the others", () => {
    const { pinned, others } = gridColumnNames({ design, indexName: 'GSI2' });
    expect(pinned).toEqual(['GSI2PK', 'GSI2SK', '_type']);
    expect(others).toContain('PK');
    // GSI2 holds only users and orders: no product attributes.
    expect(others).not.toContain('views');
  });

  it('lists each attribute once, in model order, for the entities shown', () => {
    const { others } = gridColumnNames({ design, indexName: 'table', entity: 'Review' });
    expect(others.filter((n) => !n.endsWith('PK') && !n.endsWith('SK'))).toEqual(['productId', 'userId', 'createdAt', 'rating', 'comment']);
    expect(new Set(others).size).toBe(others.length);
  });
});
