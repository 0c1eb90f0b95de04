import { describe, expect, it } from 'vitest';
import { parseModelText, type Diagnostic } from '../engine/index.ts';
import { carryFindings } from './carryFindings.ts';

const BEFORE = [
  'model "Library"',
  '',
  'entity Member key memberId count 5',
  '  memberId: string',
  '  tier: "basic" | "gold"',
  '',
  'entity Loan key loanId count 5',
  '  loanId: string',
  '  memberId: string',
  '',
  'getMember: Member by memberId returns one',
  'byTier: Member by tier returns one consistent',
  'loansOf: Loan by memberId',
  '',
].join('\n');

/** getMember gone, loansOf moved above byTier, the Member entity moved below Loan. */
const AFTER = [
  'model "Library"',
  '',
  'entity Loan key loanId count 5',
  '  loanId: string',
  '  memberId: string',
  '',
  'entity Member key memberId count 5',
  '  memberId: string',
  '  tier: "basic" | "gold"',
  '',
  'loansOf: Loan by memberId',
  'byTier: Member by tier returns one consistent',
  '',
].join('\n');

function parsed(text: string) {
  const { model, sourceMap } = parseModelText(text);
  if (model === undefined) throw new Error('the model does not parse');
  return { model, sourceMap };
}

const finding = (path: string | undefined, subject: Diagnostic['subject']): Diagnostic => ({
  code: 'lint.consistentGsiRead',
  severity: 'warning',
  message: 'a finding',
  ...(path === undefined ? {} : { path }),
  ...(subject === undefined ? {} : { subject }),
  // The span of the text the finding was made for: never kept.
  span: { line: 99, column: 1, endLine: 99, endColumn: 2 },
});

describe('carryFindings', () => {
  it('follows a pattern or an entity by its name to its new place, and places the finding there afresh', () => {
    const { model, sourceMap } = parsed(AFTER);
    const carried = carryFindings(
      [finding('patterns[1].consistent', { pattern: 'byTier' }), finding('patterns[2]', { pattern: 'loansOf' }), finding('entities[0]', { entity: 'Member' })],
      model,
      sourceMap,
    );
    expect(carried.map((d) => [d.path, d.span?.line])).toEqual([
      ['patterns[1].consistent', 12],
      ['patterns[0]', 11],
      ['entities[1]', 7],
    ]);
    // On the word `consistent` of its line.
    expect(carried[0]?.span?.column).toBe('byTier: Member by tier returns one '.length + 1);
  });

  it('drops a finding whose pattern is gone, whose place is no longer in the text, or that names no subject for its place', () => {
    const { model, sourceMap } = parsed(AFTER.replace(' returns one consistent', ' returns one'));
    const carried = carryFindings(
      [finding('patterns[0]', { pattern: 'getMember' }), finding('patterns[1].consistent', { pattern: 'byTier' }), finding('patterns[0]', {})],
      model,
      sourceMap,
    );
    expect(carried).toEqual([]);
  });

  it('keeps a finding about the whole design on the model line', () => {
    const { model, sourceMap } = parsed(BEFORE);
    const carried = carryFindings([finding(undefined, {})], model, sourceMap);
    expect(carried.map((d) => d.span?.line)).toEqual([1]);
  });
});
