// Test helper: whether records are an answer to a pattern with a limit
// (FORMAT.md `limit`): the first N records in the order, where records tied on
// the order attribute at the boundary may be any of them. So: as many records
// as the brute-force answer (answerPattern), each in the whole answer (without
// the limit), whose order values are those of the first N. The conformance
// harness judges limits the same way.
import { answerPattern, type Model, type PatternParams, type RecordValue } from '../engine/index.ts';

export interface AnsweredRecord {
  entity: string;
  record: RecordValue;
}

const canon = (x: AnsweredRecord): string => JSON.stringify([x.entity, Object.entries(x.record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);

/** Why `got` is not the pattern's answer, or undefined when it is one; for a pattern without a limit, the exact records in any order. */
export function limitedAnswerProblem(model: Model, records: Map<string, RecordValue[]>, patternName: string, params: PatternParams, got: readonly AnsweredRecord[]): string | undefined {
  const pattern = model.patterns.find((p) => p.name === patternName);
  const expected = answerPattern(model, records, patternName, params).map(canon);
  const answer = got.map(canon);
  const order = pattern?.order;
  if (pattern?.limit === undefined || !order) {
    const same = JSON.stringify([...answer].sort()) === JSON.stringify([...expected].sort());
    return same ? undefined : `expected ${expected.length} records, got ${answer.length}`;
  }
  const { limit: _, ...unlimited } = pattern;
  const whole = new Set(answerPattern({ ...model, patterns: model.patterns.map((p) => (p === pattern ? unlimited : p)) }, records, patternName, params).map(canon));
  if (answer.length !== expected.length) return `expected the first ${expected.length} records (limit ${pattern.limit}), got ${answer.length}`;
  const outside = answer.find((a) => !whole.has(a));
  if (outside !== undefined) return `${outside} is not in the answer`;
  const values = (list: readonly AnsweredRecord[]) => list.map((x) => JSON.stringify(x.record[order.attribute])).sort();
  const firstN = answerPattern(model, records, patternName, params);
  if (JSON.stringify(values(got)) !== JSON.stringify(values(firstN))) return `the ${order.attribute} values are not those of the first ${expected.length}`;
  return undefined;
}
