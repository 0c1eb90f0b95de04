import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDesign, loadProblem } from '../../engine/index.ts';
import { nativeDesign } from '../../testing/nativeDesign.ts';
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

describe('gridColumnNames with native GSI keys', () => {
  const { design: native } = nativeDesign();

  it("pins a native GSI's key attributes, the entity attribute first, then lists the entity's other attributes and the composite keys", () => {
    expect(gridColumnNames({ design: native, indexName: 'GSI2' })).toEqual({
      pinned: ['_type', 'status', 'total'],
      // GSI3's key attributes (_type, coupon, total) are the items' own: no column of their own.
      others: ['orderId', 'customerId', 'coupon', 'PK', 'SK', 'GSI1PK', 'GSI1SK'],
    });
  });

  it('adds no column for a native index in the table view: its key attributes are model attributes', () => {
    expect(gridColumnNames({ design: native, indexName: 'table' })).toEqual({
      pinned: ['PK', 'SK', '_type'],
      others: ['customerId', 'name', 'orderId', 'status', 'total', 'coupon', 'GSI1PK', 'GSI1SK'],
    });
  });

  it('shows the attributes of every entity the items put in the index, when told', () => {
    expect(gridColumnNames({ design: native, indexName: 'GSI2', entities: ['Order', 'Customer'] }).others).toContain('name');
    expect(gridColumnNames({ design: native, indexName: 'GSI2', entities: ['Order', 'Customer'], entity: 'Order' }).others).not.toContain('name');
  });
});
