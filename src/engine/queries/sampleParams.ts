// Parameter values for a pattern taken from sample records, so a pattern
// shown or run with its defaults returns something.
import type { Model, PatternParams, RecordValue, Scalar } from '../model/types.ts';
import { fixedEntries } from '../model/patternEqualities.ts';
import { compareScalars } from './compareScalars.ts';
import { patternNamed, patternParameters } from './patternParameters.ts';

/** Values from the `pick`-th record of the pattern's entity (wrapping), or placeholders when it has none. */
export function sampleParams(model: Model, records: ReadonlyMap<string, readonly RecordValue[]>, patternName: string, pick = 0): PatternParams {
  const pattern = patternNamed(model, patternName);
  if (!pattern) throw new Error(`no pattern "${patternName}"`);
  const parameters = patternParameters(model, patternName);
  // Nothing to pick (`top images by view count`): no need to look through 100,000 records.
  if (parameters.length === 0) return {};
  const entity = model.entities.find((e) => e.name === pattern.entity);
  // Records that hold every attribute the pattern names (an optional one may be absent, and such
  // a record is in no answer of the pattern), preferably its fixed values too; all of them when none does.
  const all = records.get(pattern.entity) ?? [];
  const named = [...pattern.equals, ...(pattern.range ? [pattern.range.attribute] : []), ...(pattern.order ? [pattern.order.attribute] : [])];
  const fixed = fixedEntries(pattern);
  const holds = (r: RecordValue) => {
    for (let i = 0; i < named.length; i++) if (!Object.hasOwn(r, named[i] as string)) return false;
    return true;
  };
  const fits = (r: RecordValue) => {
    if (!holds(r)) return false;
    for (const [a, v] of fixed) if (!Object.hasOwn(r, a) || r[a] !== v) return false;
    return true;
  };
  // The first record (pick 0) with no `between` parameter: the first that fits, else the first that holds,
  // else the first, found without counting them (the first usually fits: a record or two read, not 100,000).
  // Otherwise counted, then the two records picked by position among them (no list is made for two).
  let base: RecordValue | undefined;
  let other: RecordValue | undefined;
  if (pick === 0 && !parameters.some((p) => p.shape === 'pair')) {
    base = all.find(fits) ?? all.find(holds) ?? all[0];
  } else {
    let holding = 0;
    let fitting = 0;
    for (const r of all) {
      if (!holds(r)) continue;
      holding++;
      if (fixed.length > 0 && fits(r)) fitting++;
    }
    if (fixed.length === 0) fitting = holding;
    const [among, length] = fitting > 0 ? [fits, fitting] : holding > 0 ? [holds, holding] : [() => true, all.length];
    base = length ? nth(all, among, ((pick % length) + length) % length) : undefined;
    other = length ? nth(all, among, (pick + Math.floor(length / 2)) % length) : undefined;
  }
  const placeholder = (attribute: string): Scalar => {
    const def = entity?.attributes.find((a) => a.name === attribute);
    if (def?.values?.[0] !== undefined) return def.values[0];
    switch (def?.type) {
      case 'number':
        return 0;
      case 'boolean':
        return true;
      case 'date':
        return '2024-01-01';
      case 'datetime':
        return '2024-01-01T00:00:00.000Z';
      default:
        return '';
    }
  };
  // Own properties only: an attribute may be called `__proto__` or `constructor`.
  const value = (r: RecordValue | undefined, a: string): Scalar => (r !== undefined && Object.hasOwn(r, a) ? r[a] : undefined) ?? placeholder(a);
  // One entry per parameter; a range on an equality attribute is that attribute's one parameter, shaped by the range.
  const entries = parameters.map((parameter): [string, PatternParams[string]] => {
    const a = parameter.attribute;
    const v = value(base, a);
    switch (parameter.shape) {
      case 'pair': {
        const w = value(other, a);
        return [parameter.name, (compareScalars(v, w) ?? 0) <= 0 ? [v, w] : [w, v]];
      }
      case 'prefix': {
        const s = String(v);
        return [parameter.name, s.slice(0, Math.max(1, Math.ceil(s.length / 2)))];
      }
      case 'value':
        return [parameter.name, v];
      default: {
        const never: never = parameter.shape;
        throw new Error(`unknown parameter shape ${String(never)}`);
      }
    }
  });
  // fromEntries defines own properties: a parameter named `__proto__` stays data.
  return Object.fromEntries(entries);
}

/** The `n`-th record (from 0) of those `among` keeps. */
function nth(records: readonly RecordValue[], among: (r: RecordValue) => boolean, n: number): RecordValue | undefined {
  let seen = 0;
  for (const r of records) if (among(r) && seen++ === n) return r;
  return undefined;
}
