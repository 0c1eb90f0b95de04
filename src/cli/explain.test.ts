import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../engine/index.ts';
import { modelFromText } from '../testing/exampleModels.ts';
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

describe('explain with fixed values and limits', () => {
  const design = deriveDesign(
    modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  status: "open" | "done"
  createdAt: datetime
newestOpen: Game where status = "open" order by createdAt desc limit 10
latestOfHost: Game by hostId order by createdAt desc limit 1 returns one
`),
  );
  const text = explain(design);
  const native = explain(deriveDesign(design.model, { keys: 'native' }));

  it('shows the fixed value in the key condition and the limit after it', () => {
    expect(text).toMatch(/newestOpen\s+Query\s+table\s+PK = GAME#\{status="open"\} AND begins_with\(SK, GAME#\) LIMIT 10\s+desc/);
    expect(text).toMatch(/latestOfHost\s+Query\s+GSI1\s+GSI1PK = GAME#\{hostId\} AND begins_with\(GSI1SK, GAME#\) LIMIT 1\s+desc/);
    expect(text).toContain('newestOpen: Query on the table: the partition GAME#{status="open"} holds the Game items with status = "open"');
    expect(native).toMatch(/latestOfHost\s+Query\s+GSI1\s+_type = "Game" AND hostId = \{hostId\} LIMIT 1\s+desc/);
  });
});
