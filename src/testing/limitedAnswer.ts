// Test helper: whether records are an answer to a pattern with a limit
// (FORMAT.md `limit`). The rule lives in the engine (queries/answerProblem.ts),
// where a migration's verify step uses it too.
export { answerProblem as limitedAnswerProblem } from '../engine/index.ts';
