// The parameter sets a pattern is run with against a table: the sample's default
// parameters plus a few more from records spread over the records given (`cli run`'s
// answers, a migration's verify).
import { sampleParams, type Design, type PatternParams, type RecordValue } from '../engine/index.ts';

/** The default parameters of a pattern and `extra` more (default 3) from records spread over `records`, each set once. */
export function paramSets(design: Design, records: Map<string, RecordValue[]>, pattern: string, extra = 3): PatternParams[] {
  const entity = design.model.patterns.find((p) => p.name === pattern)?.entity ?? '';
  const n = records.get(entity)?.length ?? 0;
  const picks = [0, ...Array.from({ length: extra }, (_, i) => Math.floor(((i + 1) * n) / (extra + 1)))];
  const seen = new Set<string>();
  const out: PatternParams[] = [];
  for (const pick of picks) {
    const params = sampleParams(design.model, records, pattern, pick);
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(params);
  }
  return out;
}
