// The inputs a pattern's parameters need: one per parameter (patternParameters:
// an equals attribute, or the range attribute, a low/high pair for `between`;
// a range on an equals attribute is that attribute's one input), typed from
// the entity's attribute declarations. Pure: no React.
import {
  numberProblem,
  parameterValueProblem,
  patternParameters,
  type AttributeType,
  type Model,
  type ParameterShape,
  type RangeOp,
  type Scalar,
} from '../../engine/index.ts';

export interface ParamField {
  /** Parameter name: the attribute it compares. */
  name: string;
  /** How the value is entered: a `begins_with` prefix is always text. */
  type: AttributeType;
  /** The only values it takes (an enumeration): a select. */
  values?: Scalar[];
  /** Takes a [low, high] pair (`between`). */
  pair: boolean;
  /** How the parameter compares, for the label: `=` for equals attributes. */
  op: RangeOp;
  /** The attribute's declared type and the parameter's shape: what parameterValueProblem checks. */
  attributeType: AttributeType;
  shape: ParameterShape;
}

export function paramFields(model: Model, patternName: string): ParamField[] {
  return patternParameters(model, patternName).map(({ name, type, shape, op, values }) => ({
    name,
    type: shape === 'prefix' ? 'string' : type,
    pair: shape === 'pair',
    op,
    attributeType: type,
    shape,
    ...(values !== undefined ? { values } : {}),
  }));
}

const OP_WORDS: Record<RangeOp, string> = {
  '=': 'equals',
  '<': 'less than',
  '<=': 'at most',
  '>': 'greater than',
  '>=': 'at least',
  between: 'between',
  begins_with: 'starts with',
};

/** `createdAt at least`: the parameter's name and how it compares. */
export function fieldLabel(field: ParamField): string {
  return `${field.name} ${OP_WORDS[field.op]}`;
}

export type Parsed = { ok: true; value: Scalar } | { ok: false; message: string };

/** Reads what the user typed as a value of the field's type. */
export function parseParamText(type: AttributeType, text: string): Parsed {
  switch (type) {
    case 'number': {
      const trimmed = text.trim();
      const value = Number(trimmed);
      if (trimmed === '' || !Number.isFinite(value)) return { ok: false, message: 'Enter a number.' };
      const problem = numberProblem(value);
      if (problem !== undefined) return { ok: false, message: `${problem}.` };
      return { ok: true, value };
    }
    case 'boolean':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false, message: 'Choose true or false.' };
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, message: 'Enter a date as YYYY-MM-DD.' };
      return { ok: true, value: text };
    case 'string':
    case 'datetime':
      return { ok: true, value: text };
    default: {
      const never: never = type;
      return { ok: false, message: `Unknown type ${String(never)}.` };
    }
  }
}

/**
 * Reads what the user typed for one input of the field (one end of a pair is one value): parsed as its
 * type, then checked by the engine's rule for the parameter (parameterValueProblem: real calendar days,
 * date prefixes), so a value the pattern cannot take never reaches a request.
 */
export function parseFieldText(field: ParamField, text: string): Parsed {
  const parsed = parseParamText(field.type, text);
  if (!parsed.ok) return parsed;
  const problem = parameterValueProblem({ name: field.name, type: field.attributeType, shape: field.shape === 'pair' ? 'value' : field.shape }, parsed.value);
  return problem === undefined ? parsed : { ok: false, message: `${problem.replace(/^"[^"]*" takes/, 'Takes')}.` };
}

/** The text an input shows for a value. */
export function paramText(value: Scalar | undefined): string {
  return value === undefined ? '' : String(value);
}
