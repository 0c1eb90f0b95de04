import { describe, expect, it } from 'vitest';
import { parseModelText, type Diagnostic } from '../../engine/index.ts';
import { applyEdit, quickFixes } from './quickFixes.ts';

const MODEL = [
  'model "Shop"',
  '',
  'entity Order key orderId',
  '  orderId: string',
  '  userEmail: string',
  '  status: string',
  '  createdAt: datetime',
  '',
].join('\n');

/** The text after the first (preferred) fix of the parser's diagnostics, and every fix's title. */
function fixed(patternLine: string): { text: string | undefined; titles: string[] } {
  const text = MODEL + patternLine;
  const fixes = quickFixes(text, parseModelText(text).diagnostics);
  const first = fixes.find((f) => f.preferred);
  return { text: first ? applyEdit(text, first.edit).slice(MODEL.length) : undefined, titles: fixes.map((f) => f.title) };
}

const errorsOf = (patternLine: string) => parseModelText(MODEL + patternLine).diagnostics.filter((d) => d.severity === 'error');

describe('quick fixes', () => {
  it('turns newest first without a range into order by on a date attribute', () => {
    const { text, titles } = fixed('latest: Order by userEmail newest first');
    expect(text).toBe('latest: Order by userEmail order by createdAt desc');
    expect(titles).toEqual(['Replace with order by createdAt desc']);
    expect(errorsOf(text ?? '')).toEqual([]);
    expect(fixed('first: Order by userEmail oldest first limit 1').text).toBe('first: Order by userEmail order by createdAt asc limit 1');
  });

  it('writes by (a, b) and by a and b as by a, b', () => {
    expect(fixed('byBoth: Order by (userEmail, status)').text).toBe('byBoth: Order by userEmail, status');
    expect(fixed('byBoth: Order by userEmail and status').text).toBe('byBoth: Order by userEmail, status');
    expect(fixed('byBoth: Order by userEmail and status where createdAt >= ?').text).toBe('byBoth: Order by userEmail, status where createdAt >= ?');
    expect(fixed('byAll: Order by orderId, userEmail and status').text).toBe('byAll: Order by orderId, userEmail, status');
    for (const line of ['byBoth: Order by userEmail, status', 'byBoth: Order by userEmail, status where createdAt >= ?']) expect(errorsOf(line)).toEqual([]);
  });

  it('puts the suggestion in place of a misspelt keyword or name', () => {
    expect(fixed('recent: Order by userEmail wher createdAt >= ?').text).toBe('recent: Order by userEmail where createdAt >= ?');
    expect(fixed('recent: Order by userEmail limt 5').text).toBe('recent: Order by userEmail limit 5');
    expect(fixed('recent: Order by userEmal').text).toBe('recent: Order by userEmail');
    const header = MODEL.replace('entity Order key orderId', 'entity Order key orderId cont 5');
    const fixes = quickFixes(header, parseModelText(header).diagnostics);
    expect(fixes.map((f) => applyEdit(header, f.edit).split('\n')[2])).toEqual(['entity Order key orderId count 5']);
  });

  it("adds lint.hotPartition's proposed shards to the pattern's line, or changes the number there", () => {
    const text = `${MODEL}byStatus: Order by status rate 5000  # the board\n`;
    const finding: Diagnostic = {
      code: 'lint.hotPartition',
      severity: 'warning',
      message:
        'Hot partition: ... Fix: spread it over 4 shards (`shards 4` on byStatus; 4 = ceil(peak units / per-partition limit)), or key it on an attribute with many values.',
      path: 'patterns[0].rate',
      span: { line: 8, column: 27, endLine: 8, endColumn: 36 },
    };
    const [fix] = quickFixes(text, [finding]);
    expect(fix?.title).toBe('Add shards 4 to this pattern');
    const after = applyEdit(text, fix?.edit ?? { span: finding.span as never, text: '' });
    expect(after.split('\n')[7]).toBe('byStatus: Order by status rate 5000 shards 4  # the board');
    expect(parseModelText(after).model?.patterns[0]?.shards).toBe(4);
    const again = after.replace('shards 4', 'shards 2');
    expect(applyEdit(again, quickFixes(again, [finding])[0]?.edit ?? fix!.edit).split('\n')[7]).toBe(
      'byStatus: Order by status rate 5000 shards 4  # the board',
    );
    // On an entity (the writes are hot): no line to put shards on.
    expect(quickFixes(text, [{ ...finding, path: 'entities[0]' }])).toEqual([]);
  });

  it('offers nothing where the message does not know the fix', () => {
    expect(fixed('recent: Order by userEmail where createdAt >= ? banana').titles).toEqual([]);
  });
});
