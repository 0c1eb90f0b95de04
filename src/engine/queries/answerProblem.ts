// Whether records are a pattern's answer, judged as FORMAT.md and the conformance
// harness judge it: the brute-force answer (answerPattern) as a set, and for a
// pattern with a limit, the first N records in the order where records tied on the
// order attribute at the boundary may be any of them (as many records as the
// brute-force answer, each in the whole answer without the limit, whose order
// values are those of the first N). Used by the tests of the generated modules and
// by a migration's verify step.
import { patternNamed } from './patternParameters.ts';
import type { Model, PatternParams, RecordValue } from '../model/types.ts';
import { answerPattern, type AnsweredRecord } from './answerPattern.ts';
import { compareUtf8 } from './compareUtf8.ts';

const canon = (x: AnsweredRecord): string => JSON.stringify([x.entity, Object.entries(x.record).sort(([a], [b]) => compareUtf8(a, b))]);

/** Why `got` is not the pattern's answer, or undefined when it is one; for a pattern without a limit, the exact records in any order. */
export function answerProblem(
  model: Model,
  records: Map<string, RecordValue[]>,
  patternName: string,
  params: PatternParams,
  got: readonly AnsweredRecord[],
): string | undefined {
  const pattern = patternNamed(model, patternName);
  const expected = answerPattern(model, records, patternName, params).map(canon);
  const answer = got.map(canon);
  const order = pattern?.order;
  if (pattern?.limit === undefined || !order) {
    const same = JSON.stringify([...answer].sort()) === JSON.stringify([...expected].sort());
    return same ? undefined : `expected ${expected.length} records, got ${answer.length}`;
  }
  const { limit: _, ...unlimited } = pattern;
  const whole = new Set(
    answerPattern({ ...model, patterns: model.patterns.map((p) => (p === pattern ? unlimited : p)) }, records, patternName, params).map(canon),
  );
  if (answer.length !== expected.length) return `expected the first ${expected.length} records (limit ${pattern.limit}), got ${answer.length}`;
  const outside = answer.find((a) => !whole.has(a));
  if (outside !== undefined) return `${outside} is not in the answer`;
  const values = (list: readonly AnsweredRecord[]) => list.map((x) => JSON.stringify(x.record[order.attribute])).sort();
  const firstN = answerPattern(model, records, patternName, params);
  if (JSON.stringify(values(got)) !== JSON.stringify(values(firstN))) return `the ${order.attribute} values are not those of the first ${expected.length}`;
  return undefined;
}
