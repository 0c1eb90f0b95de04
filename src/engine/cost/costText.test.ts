import { describe, expect, it } from 'vitest';
import { dollars, percent, perSecond, times, units } from './costText.ts';

describe('cost figures as text', () => {
  it('reads dollars in cents from $1, four decimals below, and says when less', () => {
    expect([0, 1234.5, 1, 0.16425, 0.0001, 0.00009].map(dollars)).toEqual(['$0', '$1,234.50', '$1.00', '$0.1643', '$0.0001', '<$0.0001']);
  });

  it('reads units whole or with at most two decimals, ratios and percentages', () => {
    expect([3, 1500, 0.5, 2.333333].map(units)).toEqual(['3', '1,500', '0.5', '2.33']);
    expect([undefined, 23.04, 6.57].map(times)).toEqual(['-', '23×', '6.6×']);
    expect([0.7, 0.23333, 4.1536].map(percent)).toEqual(['70%', '23.3%', '415.4%']);
    expect(
      [
        { avg: 1, peak: 10, isDefault: true },
        { avg: 0.2333333, peak: 2.333333 },
      ].map(perSecond),
    ).toEqual(['1/10 (default)', '0.23/2.33']);
  });
});
