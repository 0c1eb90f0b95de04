import { describe, expect, it } from 'vitest';
import { parseModelText, type Diagnostic } from '../engine/index.ts';
import { carryFindings } from './carryFindings.ts';

const BEFORE = [
  'model "Shop"',
  '',
  'entity User key email count 5',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'entity Order key orderId count 5',
  '  orderId: string',
  '  email: string',
  '',
  'getUser: User by email returns one',
  'byPlan: User by plan returns one consistent',
  'ordersOf: Order by email',
  '',
].join('\n');

/** getUser gone, ordersOf moved above byPlan, the User entity moved below Order. */
const AFTER = [
  'model "Shop"',
  '',
  'entity Order key orderId count 5',
  '  orderId: string',
  '  email: string',
  '',
  'entity User key email count 5',
  '  email: string',
  '  plan: "free" | "premium"',
  '',
  'ordersOf: Order by email',
  'byPlan: User by plan returns one consistent',
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
      [finding('patterns[1].consistent', { pattern: 'byPlan' }), finding('patterns[2]', { pattern: 'ordersOf' }), finding('entities[0]', { entity: 'User' })],
      model,
      sourceMap,
    );
    expect(carried.map((d) => [d.path, d.span?.line])).toEqual([
      ['patterns[1].consistent', 12],
      ['patterns[0]', 11],
      ['entities[1]', 7],
    ]);
    // On the word `consistent` of its line.
    expect(carried[0]?.span?.column).toBe('byPlan: User by plan returns one '.length + 1);
  });

  it('drops a finding whose pattern is gone, whose place is no longer in the text, or that names no subject for its place', () => {
    const { model, sourceMap } = parsed(AFTER.replace(' returns one consistent', ' returns one'));
    const carried = carryFindings(
      [finding('patterns[0]', { pattern: 'getUser' }), finding('patterns[1].consistent', { pattern: 'byPlan' }), finding('patterns[0]', {})],
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
