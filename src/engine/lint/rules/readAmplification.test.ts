import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { figure, lintContext } from '../lintContext.ts';
import { measureFilter, readAmplificationRule } from './readAmplification.ts';

const model = (pattern: string) =>
  modelFromText(`model "Shop"
entity Customer key customerId count 5
  customerId: string
entity Order key orderId count 200 belongsTo Customer via customerId
  orderId: string
  customerId: string
  total: number
  createdAt: datetime
getOrder: Order by orderId returns one
${pattern}
`);

describe('readAmplificationRule', () => {
  it('fires on a filtered pattern with the factor measured on the sample items: items read / items returned', () => {
    // Sorted by date, ranged on total: the range is a FilterExpression (keys.filtered).
    const design = deriveDesign(model('bigOrders: Order by customerId where total >= ? order by createdAt desc rate 50 peak 200'));
    expect(design.diagnostics.map((d) => d.code)).toContain('keys.filtered');
    const ctx = lintContext(design);
    const m = measureFilter(ctx, 'bigOrders');
    expect(m.read).toBeGreaterThan(m.returned);
    const found = readAmplificationRule(ctx);
    expect(found.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([
      ['lint.readAmplification', 'warning', 'patterns[1].range', { pattern: 'bigOrders', entity: 'Order', index: 'GSI1' }],
    ]);
    const factor = Math.round((m.read / m.returned) * 10) / 10;
    expect(found[0]?.message).toContain(
      `it read ${figure(m.read)} items and returned ${figure(m.returned)} over ${m.calls} calls (read amplification ${factor}×)`,
    );
    expect(found[0]?.message).toContain('at 200 calls/s');
    expect(found[0]?.message).toContain('Fix: let the key condition take the range');
  });

  it('stays quiet when the key condition serves the range', () => {
    const design = deriveDesign(model('recentOrders: Order by customerId where createdAt >= ? order by createdAt desc'));
    expect(readAmplificationRule(lintContext(design))).toEqual([]);
  });
});
