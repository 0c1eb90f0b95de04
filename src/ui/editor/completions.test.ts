import { describe, expect, it } from 'vitest';
import { completionsAt } from './completions.ts';
import { modelOutline } from './modelOutline.ts';

const TEXT = [
  'model "Shop"',
  '',
  'entity User key email',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'entity Order key orderId belongsTo User via userEmail',
  '  orderId: string',
  '  userEmail: string',
  '  createdAt: datetime',
  '',
  'getUser: User by email returns one',
  'broken line here',
].join('\n');

const outline = modelOutline(TEXT);
const labels = (before: string) => completionsAt(before, outline).map((c) => c.label);

describe('model text completions', () => {
  it('reads entities and their attributes even from a text with errors', () => {
    expect(outline).toEqual([
      { name: 'User', attributes: ['email', 'plan'] },
      { name: 'Order', attributes: ['orderId', 'userEmail', 'createdAt'] },
    ]);
  });

  it('offers entity names right after a pattern name', () => {
    expect(labels('getOrders: ')).toEqual(['User', 'Order']);
    expect(labels('getOrders: Or')).toEqual(['User', 'Order']);
  });

  it('offers the attributes of the entity named on the pattern line first', () => {
    const offered = labels('getOrders: Order by ');
    expect(offered.slice(0, 3)).toEqual(['orderId', 'userEmail', 'createdAt']);
    expect(offered).not.toContain('plan');
    expect(offered).toContain('where');
  });

  it('offers operators after the attribute of a where clause, and entities after with', () => {
    expect(labels('getOrders: Order by userEmail where createdAt ')).toEqual(['=', '<', '<=', '>', '>=', 'between', 'begins_with', '?']);
    expect(labels('getUserWithOrders: User by email with ')).toEqual(['User', 'Order']);
  });

  it('offers types after an attribute name and the key attributes in an entity header', () => {
    expect(labels('  total: ')).toEqual(['string', 'number', 'boolean', 'date', 'datetime']);
    expect(labels('entity Order key ')).toEqual(['orderId', 'userEmail', 'createdAt']);
    expect(labels('entity Order key orderId belongsTo ')).toEqual(['User', 'Order']);
  });
});
