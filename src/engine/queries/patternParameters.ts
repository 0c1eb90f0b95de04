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
import type { AttributeType, Model, RangeOp, Scalar } from '../model/types.ts';

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
  const pattern = model.patterns.find((p) => p.name === patternName);
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
