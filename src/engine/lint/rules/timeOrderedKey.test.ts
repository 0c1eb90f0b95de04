import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { lintContext } from '../lintContext.ts';
import { timeOrdered, timeOrderedKeyRule } from './timeOrderedKey.ts';

const lint = (patterns: string) =>
  timeOrderedKeyRule(
    lintContext(
      deriveDesign(
        modelFromText(`model "Clicks"
entity Click key clickId
  clickId: string
  day: date
  page: string
  batchNumber: number
  price: number
getClick: Click by clickId returns one
${patterns}`),
      ),
    ),
  );

describe('timeOrderedKeyRule', () => {
  it('fires on a date as a GSI partition key, naming the index, the pattern and a fix', () => {
    const found = lint('clicksOfDay: Click by day\n');
    expect(found.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([
      ['lint.timeOrderedKey', 'warning', 'patterns[1]', { pattern: 'clicksOfDay', entity: 'Click', index: 'GSI1' }],
    ]);
    expect(found[0]?.message).toContain('The partition key of Click in GSI1 holds "day", a date (for clicksOfDay)');
    expect(found[0]?.message).toContain('Fix: move "day" into the sort key');
  });

  it('fires on a counter-like number in a partition key', () => {
    const found = lint('clicksOfBatch: Click by batchNumber\n');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('holds "batchNumber", a counter-like number (for clicksOfBatch)');
  });

  it('stays quiet for a date in the sort key, a plain number, and a key holding the entity key', () => {
    expect(lint('pageClicks: Click by page order by day desc\nbyPrice: Click by price\nclickOfDay: Click by day, clickId returns one\n')).toEqual([]);
  });

  it('tells counters by name, version and ttl; enumerations are not counters', () => {
    const n = (name: string, values?: number[]) => ({ name, type: 'number' as const, ...(values ? { values } : {}) });
    expect(timeOrdered(n('orderSequence'), {})).toBe('a counter-like number');
    expect(timeOrdered(n('rev'), { version: 'rev' })).toBe('the version counter');
    expect(timeOrdered(n('expiresAt'), { ttl: 'expiresAt' })).toBe('an expiry time');
    expect(timeOrdered(n('weekNumber', [1, 2]), {})).toBeUndefined();
    expect(timeOrdered(n('score'), {})).toBeUndefined();
  });
});
