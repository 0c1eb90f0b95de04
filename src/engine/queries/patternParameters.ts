// The parameters of an access pattern, in one place: the UI's inputs, the
// store's edited values, the sample values and the generated module's params
// interfaces all list them from here.
//
// FORMAT.md: "A pattern's parameters are named after its attributes: each
// equals attribute and, where given, the range attribute (for between, a
// two-element array)". Names are unique, so when the range attribute is also an
// equality attribute there is ONE parameter under that name, at its place in
// `equals`, shaped by the range: the range's value is the one every reader
// (answerPattern, sampleParams, the conformance harness) finds under the name.
// A `fixed` attribute is no parameter: its value is a literal of the pattern
// (FORMAT.md v1 extensions), which the plans and the generated builders hold.
import { matchesType } from '../model/matchesType.ts';
import type { AttributeType, Model, Pattern, RangeOp, Scalar } from '../model/types.ts';

/** How a parameter's value is given: one value, a `[low, high]` pair (`between`), or a text prefix (`begins_with`). */
export type ParameterShape = 'value' | 'pair' | 'prefix';

export interface PatternParameter {
  /** The parameter's name (the key in `PatternParams`): its attribute's name. */
  name: string;
  /** The attribute it compares. */
  attribute: string;
  /** The attribute's declared type (`string` when the attribute is unknown). A prefix is entered as text whatever it is. */
  type: AttributeType;
  shape: ParameterShape;
  /** `=` for an equality attribute, else the range's operator. */
  op: RangeOp;
  /** The attribute's enumeration, when it has one (not for a prefix, which is any start of a value). */
  values?: Scalar[];
}

const shapeOf = (op: RangeOp): ParameterShape => (op === 'between' ? 'pair' : op === 'begins_with' ? 'prefix' : 'value');

/** The parameters of a pattern, in order (equality attributes, then the range attribute); none for an unknown pattern. */
export function patternParameters(model: Model, patternName: string): PatternParameter[] {
  const pattern = patternNamed(model, patternName);
  if (pattern === undefined) return [];
  const entity = model.entities.find((e) => e.name === pattern.entity);
  const spec = (attribute: string, op: RangeOp): PatternParameter => {
    const def = entity?.attributes.find((a) => a.name === attribute);
    const shape = shapeOf(op);
    const values = shape === 'prefix' ? undefined : def?.values;
    return { name: attribute, attribute, type: def?.type ?? 'string', shape, op, ...(values !== undefined ? { values: [...values] } : {}) };
  };
  // A Map, not an object: an attribute may be called `__proto__`.
  const specs = new Map<string, PatternParameter>();
  for (const attribute of pattern.equals) if (!specs.has(attribute)) specs.set(attribute, spec(attribute, '='));
  // The range replaces an equality parameter of the same name in its place (Map.set keeps the position).
  if (pattern.range) specs.set(pattern.range.attribute, spec(pattern.range.attribute, pattern.range.op));
  return [...specs.values()];
}

/**
 * The model's first pattern of that name. The code generator asks for every pattern's parameters several times:
 * a search of the list each time made it quadratic in the patterns (1,000 patterns: ~4,000 searches of 1,000).
 * The index (name → position) is remade whenever the model's pattern list is another array or another length,
 * and when what it finds is not there any more (a pattern renamed or replaced in the same list), or it finds
 * nothing (a pattern may have been renamed to the name): a miss costs a search, as it did before the index.
 */
export function patternNamed(model: Model, name: string): Pattern | undefined {
  const cached = patternIndexes.get(model);
  if (cached !== undefined && cached.patterns === model.patterns && cached.length === model.patterns.length) {
    const at = cached.byName.get(name);
    const found = at === undefined ? undefined : model.patterns[at];
    if (found !== undefined && found.name === name) return found;
  }
  const byName = new Map<string, number>();
  model.patterns.forEach((p, at) => {
    if (!byName.has(p.name)) byName.set(p.name, at);
  });
  patternIndexes.set(model, { patterns: model.patterns, length: model.patterns.length, byName });
  const at = byName.get(name);
  return at === undefined ? undefined : model.patterns[at];
}

const patternIndexes = new WeakMap<Model, { patterns: readonly Pattern[]; length: number; byName: Map<string, number> }>();

// ---- which values a parameter takes: the one rule for the Patterns panel and the generated builders ----
// (codegen/runtimeSource.ts prints it as `checkParam`; a test holds both equal on the same values).

/** What a parameter takes, in words: `a date YYYY-MM-DD (a real calendar day)`, `[low, high], each a number`. */
export function parameterAccepts(type: AttributeType, shape: ParameterShape): string {
  const one = ACCEPTS[type];
  if (shape === 'pair') return `[low, high], each ${one}`;
  if (shape === 'prefix') return type === 'date' || type === 'datetime' ? `text, the start of ${one}` : 'text';
  return one;
}

const ACCEPTS: Record<AttributeType, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date YYYY-MM-DD (a real calendar day)',
  datetime: 'a datetime YYYY-MM-DDTHH:mm:ss.sssZ (a real calendar day, UTC)',
};

/**
 * Endings that complete a date or datetime prefix: a prefix is the start of a value when the prefix with one
 * of them in its place is a value (`2024-04-3` → `2024-04-30`; `2024-13` and `2024-02-3` start none).
 */
const COMPLETIONS: Partial<Record<AttributeType, readonly string[]>> = {
  date: ['0000-01-01', '0000-01-10'],
  datetime: ['0000-01-01T00:00:00.000Z', '0000-01-10T00:00:00.000Z'],
};

/**
 * Why `value` is no value of the parameter (FORMAT.md "Types": dates `YYYY-MM-DD`, datetimes
 * `YYYY-MM-DDTHH:mm:ss.sssZ`, real calendar days), or undefined when it is one. A `begins_with`
 * prefix is text; of a date or datetime it must be a start of one (`2024-0`); a `between` pair is two values.
 */
export function parameterValueProblem(parameter: { name: string; type: AttributeType; shape: ParameterShape }, value: unknown): string | undefined {
  const { name, type, shape } = parameter;
  const got = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? `an array of ${value.length}` : String(value);
  const problem = `"${name}" takes ${parameterAccepts(type, shape)}, got ${got}`;
  if (shape === 'pair') return Array.isArray(value) && value.length === 2 && value.every((v) => isValue(v, type)) ? undefined : problem;
  if (shape === 'prefix') {
    if (typeof value !== 'string') return problem;
    const completions = COMPLETIONS[type];
    if (completions === undefined) return undefined;
    return completions.some((end) => value.length <= end.length && matchesType(value + end.slice(value.length), type)) ? undefined : problem;
  }
  return isValue(value, type) ? undefined : problem;
}

function isValue(value: unknown, type: AttributeType): boolean {
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && matchesType(value, type);
}
