import { describe, expect, it } from 'vitest';
import { loadProblem } from '../../engine/index.ts';
import { problemText } from '../../runner/testing/exampleDesign.ts';
import { resultAttributes } from './resultAttributes.ts';

const model = loadProblem(problemText('ecommerce.problem.json')).model!;

describe('resultAttributes', () => {
  it('shows the order, range and equality attributes, then the key, each once', () => {
    const order = { orderId: 'o1', userEmail: 'a@b.c', status: 'NEW', createdAt: '2024-05-01T00:00:00.000Z', total: 5, PK: 'x' };
    expect(resultAttributes(model, 'getRecentUserOrders', 'Order', order)).toEqual([
      ['createdAt', '2024-05-01T00:00:00.000Z'],
      ['userEmail', 'a@b.c'],
      ['orderId', 'o1'],
    ]);
    expect(resultAttributes(model, 'getTrendingProducts', 'Product', { productId: 'p', category: 'c', views: 7 })).toEqual([
      ['views', 7],
      ['category', 'c'],
      ['productId', 'p'],
    ]);
  });

  it('shows an included entity’s key, and leaves out what the item lacks', () => {
    expect(resultAttributes(model, 'getUserWithOrders', 'Order', { orderId: 'o1', userEmail: 'a@b.c' })).toEqual([['orderId', 'o1']]);
    expect(resultAttributes(model, 'getUserWithOrders', 'User', { name: 'n' })).toEqual([]);
  });
});
