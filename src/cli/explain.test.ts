import { describe, expect, it } from 'vitest';
import { nativeDesign } from '../testing/nativeDesign.ts';
import { explain } from './runCli.ts';

describe('explain with native GSI keys', () => {
  const text = explain(nativeDesign().design);
  const lines = text.split('\n');

  it('writes each key as its attributes = its template, composite and native alike', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^\s+Order\s+table\s+PK = ORDER#\{orderId\}\s+SK = ORDER$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+Order\s+GSI1\s+GSI1PK = ORDER#\{customerId\}\s+GSI1SK = ORDER#\{orderId\}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+Order\s+GSI2\s+_type \+ status = "Order" \+ \{status\}\s+total = \{total\}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\s+Order\s+GSI3\s+_type \+ coupon = "Order" \+ \{coupon\}\s+total = \{total\}$/));
  });

  it('lists each index with its key attributes, and says which have native keys', () => {
    expect(lines).toContain('  table (PK, SK): getOrder');
    expect(lines).toContain('  GSI1 (GSI1PK, GSI1SK): ordersByCustomer');
    expect(lines).toContain('  GSI2 (_type + status / total, native keys): ordersByStatus');
    expect(lines).toContain('  GSI3 (_type + coupon / total, native keys): couponOrders');
  });

  it("prints a native query's key condition as the planner states it", () => {
    expect(text).toMatch(/ordersByStatus\s+Query\s+GSI2\s+_type = "Order" AND status = \{status\}\s+desc/);
  });
});
