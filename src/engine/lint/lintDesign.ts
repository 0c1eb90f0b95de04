// The lint stage: a design review of a derived (or loaded) design against its
// workload (cost/workload.ts: rates or their defaults) and its sample items.
// One rule per file (rules/); each finding names what it is about (`subject`),
// the rule (`code`), the numbers and a fix (message), and where it is in the
// model (`path`). Runs after deriveDesign, since some rules measure sample
// items; callers put the findings beside the design's own diagnostics
// (`withLint`). A rule that throws is a Tablewright bug (`engine.internal`), and
// the other rules still run.
import type { Design } from '../design/types.ts';
import { internalDiagnostic, type Diagnostic } from '../model/diagnostics.ts';
import { sampleCount } from '../samples/generateSampleRecords.ts';
import { lintContext, type LintContext, type LintOptions } from './lintContext.ts';
import { consistentGsiReadRule } from './rules/consistentGsiRead.ts';
import { gsiQuotaRule } from './rules/gsiQuota.ts';
import { gsiWriteAmplificationRule } from './rules/gsiWriteAmplification.ts';
import { hotPartitionFinding, hotPartitionKeys, hotPartitionRule } from './rules/hotPartition.ts';
import { itemSizeIn, itemSizeRule } from './rules/itemSize.ts';
import { keySizeIn, keySizeRule } from './rules/keySize.ts';
import { readAmplificationRule } from './rules/readAmplification.ts';
import { timeOrderedKeyRule } from './rules/timeOrderedKey.ts';

/**
 * Every rule, by name, in the order findings are listed. A rule with `parts` does its work in them (the hot
 * partition rule: one hot key each, each weighed by evaluating its readers on the samples), so lintSteps can
 * hand them out one at a time; `run` is all of them.
 */
export const LINT_RULES: readonly {
  name: string;
  run: (ctx: LintContext) => Diagnostic[];
  parts?: (design: Design, options: LintOptions) => ((ctx: LintContext) => Diagnostic[])[];
}[] = [
  {
    name: 'hotPartition',
    run: hotPartitionRule,
    parts: (design) => hotPartitionKeys(design).map((warning) => (ctx: LintContext) => hotPartitionFinding(ctx, warning)),
  },
  { name: 'timeOrderedKey', run: timeOrderedKeyRule },
  {
    name: 'keySize',
    run: keySizeRule,
    parts: (design, options) => {
      const runs = recordRuns(design, options, design.entities, (e) => e.entity);
      return design.indexes.flatMap((index) => runs.map((run) => (ctx: LintContext) => keySizeIn(ctx, index, run)));
    },
  },
  {
    name: 'itemSize',
    run: itemSizeRule,
    parts: (design, options) => recordRuns(design, options, design.model.entities, (e) => e.name).map((run) => (ctx: LintContext) => itemSizeIn(ctx, run)),
  },
  { name: 'gsiQuota', run: gsiQuotaRule },
  { name: 'readAmplification', run: readAmplificationRule },
  { name: 'consistentGsiRead', run: consistentGsiReadRule },
  { name: 'gsiWriteAmplification', run: gsiWriteAmplificationRule },
];

/**
 * How many sample records (the caller's, else the entities' `count`s) one part of a rule that reads every item covers at most. Whole, the
 * key and item size rules took 17–40 ms each on the 1,000-pattern model's 10,000 items (Node, warm), and a newer
 * analysis waited for the one running.
 */
export const RECORDS_PER_PART = 2_000;

/** `list` in runs of consecutive entries whose entities' sample records add up to RECORDS_PER_PART at most (one entry at least). */
function recordRuns<T>(design: Design, { records }: LintOptions, list: readonly T[], entityOf: (entry: T) => string): T[][] {
  const counts = new Map(design.model.entities.map((e) => [e.name, records === undefined ? sampleCount(e, { seed: 0 }) : (records.get(e.name)?.length ?? 0)]));
  const runs: T[][] = [];
  let run: T[] = [];
  let size = 0;
  for (const entry of list) {
    const count = counts.get(entityOf(entry)) ?? 0;
    if (run.length > 0 && size + count > RECORDS_PER_PART) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(entry);
    size += count;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

export function lintDesign(design: Design, options: LintOptions = {}): Diagnostic[] {
  return lintSteps(design, options).flatMap((step) => step());
}

/**
 * The review as steps, in LINT_RULES order: one per rule, or one per part of a rule that has parts (each hot
 * key of the hot partition rule), each with its own failure caught (the first builds what every rule reads):
 * lintDesign runs them all; the app runs them one at a time, so a newer analysis can stop the review between
 * two steps.
 */
export function lintSteps(design: Design, options: LintOptions = {}): (() => Diagnostic[])[] {
  // No key layout (an engine.internal error already says why): nothing to review.
  if (design.indexes.length === 0) return [];
  let ctx: LintContext | undefined;
  let failed = false;
  const step = (name: string, run: (ctx: LintContext) => Diagnostic[]) => (): Diagnostic[] => {
    if (failed) return [];
    if (ctx === undefined) {
      try {
        ctx = lintContext(design, options);
      } catch (error) {
        failed = true;
        return [internalDiagnostic('linting the design (its sample items)', error, { subject: {} })];
      }
    }
    try {
      return run(ctx);
    } catch (error) {
      return [internalDiagnostic(`the lint rule ${name}`, error, { subject: {} })];
    }
  };
  return LINT_RULES.flatMap((rule) => (rule.parts ? rule.parts(design, options).map((part) => step(rule.name, part)) : [step(rule.name, rule.run)]));
}

/** The design with its lint findings after its own diagnostics: what `check`, `explain` and the app's Design panel show. */
export function withLint(design: Design, options: LintOptions = {}): Design {
  const findings = lintDesign(design, options);
  return findings.length ? { ...design, diagnostics: [...design.diagnostics, ...findings] } : design;
}
