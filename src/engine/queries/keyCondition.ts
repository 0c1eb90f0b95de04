// A step's key condition, once, as data: the partition key value and the
// sort-key condition, each value a list of tokens (fixed text and encoded
// parameter values, concatenated). Three printers read it and nothing else:
// `keyConditionValues` (the values buildRequest sends), `keyConditionText`
// (`PK = USER#{email} AND begins_with(SK, ORDER#)`, for people) and the code
// generator's TypeScript. Keys are `#`-joined components; `<prefix>$` bounds
// everything that starts with `<prefix>#` (src/engine/README.md, "Keys").
import type { AttributeType, PatternParams, Scalar } from '../model/types.ts';
import type { KeyPart, SkCondition, StepKey } from '../design/types.ts';
import { encodeKeyValue, KEY_END, KEY_SEPARATOR } from '../keys/encodeKeyValue.ts';
import { compareUtf8 } from './compareUtf8.ts';

/** A piece of a key value: fixed text, or a parameter's value encoded (one end of a `[low, high]` pair, or a text prefix). */
export type KeyToken =
  | { kind: 'text'; text: string }
  | { kind: 'param'; param: string; attribute: string; type: AttributeType; end?: 'low' | 'high'; prefix?: true };

/** A key value: its tokens, concatenated. */
export type KeyValue = readonly KeyToken[];

export type SortKeyCondition =
  | { op: 'none' }
  | { op: '=' | 'begins_with'; value: KeyValue }
  /** `empty`: for a parameter pair, the bound both ends take when its low end is above its high end (no key equals it). */
  | { op: 'between'; low: KeyValue; high: KeyValue; empty?: KeyValue };

export interface KeyCondition {
  pk: KeyValue;
  sk: SortKeyCondition;
}

const text = (t: string): KeyToken => ({ kind: 'text', text: t });

/** Key parts as tokens, `#` between them. */
export function partTokens(parts: readonly KeyPart[]): KeyToken[] {
  return parts.flatMap((p, i) => [...(i > 0 ? [text(KEY_SEPARATOR)] : []), p.kind === 'literal' ? text(p.text) : { kind: 'param' as const, param: p.param, attribute: p.attribute, type: p.type }]);
}

export function keyCondition(key: StepKey): KeyCondition {
  const pk = partTokens(key.pk);
  if (key.labelRange) return { pk, sk: { op: 'between', low: [text(key.labelRange.low)], high: [text(key.labelRange.high)] } };
  if (key.skPrefix.length === 0) return { pk, sk: { op: 'none' } };
  const prefix = partTokens(key.skPrefix);
  const base = [...prefix, text(KEY_SEPARATOR)];
  const end = [...prefix, text(KEY_END)];
  const next = key.next;
  if (!next) return { pk, sk: key.skComplete ? { op: '=', value: [...prefix, ...(key.skTerminated ? [text(KEY_SEPARATOR)] : [])] } : { op: 'begins_with', value: base } };
  const v = (extra: Partial<Extract<KeyToken, { kind: 'param' }>> = {}): KeyToken => ({ kind: 'param', param: next.param, attribute: next.attribute, type: next.type, ...extra });
  switch (next.op) {
    case undefined:
      return { pk, sk: { op: 'begins_with', value: base } };
    case '=':
      return { pk, sk: next.last ? { op: '=', value: [...base, v()] } : { op: 'begins_with', value: [...base, v(), text(KEY_SEPARATOR)] } };
    case '>=':
      return { pk, sk: { op: 'between', low: [...base, v()], high: end } };
    case '>':
      return { pk, sk: { op: 'between', low: [...base, v(), text(KEY_END)], high: end } };
    case '<=':
      return { pk, sk: { op: 'between', low: base, high: [...base, v(), text(KEY_END)] } };
    case '<':
      return { pk, sk: { op: 'between', low: base, high: [...base, v()] } };
    case 'between':
      return { pk, sk: { op: 'between', low: [...base, v({ end: 'low' })], high: [...base, v({ end: 'high' }), text(KEY_END)], empty: end } };
    case 'begins_with':
      return { pk, sk: { op: 'begins_with', value: [...base, v({ prefix: true })] } };
    default: {
      const never: never = next.op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

// --- values ---------------------------------------------------------------------------------------

export function scalarParam(params: PatternParams, name: string): Scalar {
  const v = params[name];
  if (v === undefined) throw new TypeError(`missing parameter "${name}"`);
  if (Array.isArray(v)) throw new TypeError(`parameter "${name}" takes one value, got a pair`);
  return v;
}

export function pairParam(params: PatternParams, name: string): [Scalar, Scalar] {
  const v = params[name];
  if (!Array.isArray(v) || v.length !== 2) throw new TypeError(`parameter "${name}" takes [low, high]`);
  return v;
}

/** A key value with the parameters' values encoded in. */
export function keyValue(value: KeyValue, params: PatternParams): string {
  return value
    .map((t) => {
      if (t.kind === 'text') return t.text;
      const raw = t.end ? pairParam(params, t.param)[t.end === 'low' ? 0 : 1] : scalarParam(params, t.param);
      if (t.prefix && typeof raw !== 'string') throw new TypeError(`parameter "${t.param}" is a prefix (a string), got ${typeof raw}`);
      return encodeKeyValue(t.type, raw, t.param);
    })
    .join('');
}

/** The condition with values: what buildRequest sends and the in-memory evaluator reads. */
export function keyConditionValues(condition: KeyCondition, params: PatternParams): { pk: string; sk: SkCondition } {
  const pk = keyValue(condition.pk, params);
  const sk = condition.sk;
  switch (sk.op) {
    case 'none':
      return { pk, sk: { op: 'none' } };
    case '=':
      return { pk, sk: { op: '=', value: keyValue(sk.value, params) } };
    case 'begins_with':
      return { pk, sk: { op: 'begins_with', prefix: keyValue(sk.value, params) } };
    case 'between': {
      const low = keyValue(sk.low, params);
      const high = keyValue(sk.high, params);
      // DynamoDB refuses BETWEEN with low > high, where the answer is empty: no key equals the `empty` bound.
      if (sk.empty && compareUtf8(low, high) > 0) {
        const empty = keyValue(sk.empty, params);
        return { pk, sk: { op: 'between', low: empty, high: empty } };
      }
      return { pk, sk: { op: 'between', low, high } };
    }
    default: {
      const never: never = sk;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

// --- text -----------------------------------------------------------------------------------------

/** `USER#{email}`: parameters in braces (`{userId→managerId}` where the parameter fills another attribute, `{day[0]}` for a pair's end). */
export function keyValueText(value: KeyValue): string {
  return value.map((t) => (t.kind === 'text' ? t.text : `{${t.param === t.attribute ? t.param : `${t.param}→${t.attribute}`}${t.end ? `[${t.end === 'low' ? 0 : 1}]` : ''}}`)).join('');
}

/** `PK = USER#{email} AND begins_with(SK, ORDER#)`. */
export function keyConditionText(condition: KeyCondition, names: { pkAttribute: string; skAttribute: string }): string {
  const pk = `${names.pkAttribute} = ${keyValueText(condition.pk)}`;
  const sk = condition.sk;
  switch (sk.op) {
    case 'none':
      return pk;
    case '=':
      return `${pk} AND ${names.skAttribute} = ${keyValueText(sk.value)}`;
    case 'begins_with':
      return `${pk} AND begins_with(${names.skAttribute}, ${keyValueText(sk.value)})`;
    case 'between':
      return `${pk} AND ${names.skAttribute} BETWEEN ${keyValueText(sk.low)} AND ${keyValueText(sk.high)}`;
    default: {
      const never: never = sk;
      throw new Error(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}
