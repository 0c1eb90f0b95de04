// A step's key condition, once, as data: the partition key value and the
// sort-key condition, each value a list of tokens (fixed text and encoded
// parameter values, concatenated). Three printers read it and nothing else:
// `keyConditionValues` (the values buildRequest sends), `keyConditionText`
// (`PK = USER#{email} AND begins_with(SK, ORDER#)`, for people) and the code
// generator's TypeScript. Keys are `#`-joined components; `<prefix>$` bounds
// everything that starts with `<prefix>#` (src/engine/README.md, "Keys").
import type { AttributeType, PatternParams, Scalar } from '../model/types.ts';
import type { IndexKeySchema, KeyPart, NativeKeySchema, NativeKeyValues, SkCondition, StepKey } from '../design/types.ts';
import { encodeKeyValue, KEY_END, KEY_SEPARATOR } from '../keys/encodeKeyValue.ts';
import { compareUtf8 } from './compareUtf8.ts';
import { compareKeyValue } from '../design/indexKeyOf.ts';

/**
 * A piece of a key value: fixed text, a parameter's value encoded (one end of a `[low, high]` pair, or a
 * text prefix), or the literal a pattern fixes an attribute to (FORMAT.md `fixed`), encoded the same way.
 */
export type KeyToken =
  | { kind: 'text'; text: string }
  | { kind: 'param'; param: string; attribute: string; type: AttributeType; end?: 'low' | 'high'; prefix?: true }
  | { kind: 'fixed'; attribute: string; type: AttributeType; value: Scalar }
  /** A sharded partition's shard component: each request of the step fills in its shard, 0 to count - 1 (keys/shards.ts). */
  | { kind: 'shard'; count: number };

/** A key value: its tokens, concatenated. */
export type KeyValue = readonly KeyToken[];

export type SortKeyCondition =
  | { op: 'none' }
  | { op: '=' | 'begins_with'; value: KeyValue }
  /** `empty`: for a parameter pair, the bound both ends take when its low end is above its high end (no key equals it). */
  | { op: 'between'; low: KeyValue; high: KeyValue; empty?: KeyValue };

/** The condition on a composite index: one value for the partition key, a condition on the sort key. */
export interface CompositeKeyCondition {
  native?: undefined;
  pk: KeyValue;
  sk: SortKeyCondition;
}

/** One value of a native key attribute: the entity's name (text), a parameter's own value or a fixed literal, not encoded. */
export type NativeOperand = KeyToken;

/**
 * The condition on a native GSI: an equality on every partition-key attribute and on a prefix of
 * the sort-key attributes, and at most one range, on the sort-key attribute right after them.
 */
export interface NativeKeyCondition {
  native: true;
  equals: { attribute: string; value: NativeOperand }[];
  range?:
    | { attribute: string; op: '=' | '<' | '<=' | '>' | '>=' | 'begins_with'; value: NativeOperand }
    | { attribute: string; op: 'between'; low: NativeOperand; high: NativeOperand };
}

export type KeyCondition = CompositeKeyCondition | NativeKeyCondition;

const text = (t: string): KeyToken => ({ kind: 'text', text: t });

/** A key part as a token: literals as text, parameters and fixed values as themselves. */
function partToken(p: KeyPart): KeyToken {
  switch (p.kind) {
    case 'literal':
      return text(p.text);
    case 'param':
      return { kind: 'param', param: p.param, attribute: p.attribute, type: p.type };
    case 'fixed':
      return { kind: 'fixed', attribute: p.attribute, type: p.type, value: p.value };
    case 'shard':
      return { kind: 'shard', count: p.count };
    default: {
      const never: never = p;
      throw new Error(`unknown key part ${JSON.stringify(never)}`);
    }
  }
}

/** Key parts as tokens, `#` between them. */
export function partTokens(parts: readonly KeyPart[]): KeyToken[] {
  return parts.flatMap((p, i) => [...(i > 0 ? [text(KEY_SEPARATOR)] : []), partToken(p)]);
}

/** The step's key condition on its index: composite (one value each for PK and SK) or native (one per key attribute). */
export function keyCondition(key: StepKey, index?: IndexKeySchema): KeyCondition {
  return index?.keys === 'native' ? nativeKeyCondition(key, index) : compositeKeyCondition(key);
}

function nativeKeyCondition(key: StepKey, index: NativeKeySchema): NativeKeyCondition {
  const operand = partToken;
  const names = [...index.pk, ...index.sk].map((a) => a.name);
  const parts = [...key.pk, ...key.skPrefix];
  if (parts.length > names.length) throw new Error(`${index.name} has ${names.length} key attributes, the key names ${parts.length}`);
  const condition: NativeKeyCondition = { native: true, equals: parts.map((p, i) => ({ attribute: names[i] ?? '', value: operand(p) })) };
  const next = key.next;
  if (next?.op === undefined) return condition;
  const v = (extra: Partial<Extract<KeyToken, { kind: 'param' }>> = {}): NativeOperand => ({
    kind: 'param',
    param: next.param,
    attribute: next.attribute,
    type: next.type,
    ...extra,
  });
  condition.range =
    next.op === 'between'
      ? { attribute: next.attribute, op: 'between', low: v({ end: 'low' }), high: v({ end: 'high' }) }
      : { attribute: next.attribute, op: next.op, value: v(next.op === 'begins_with' ? { prefix: true } : {}) };
  return condition;
}

function compositeKeyCondition(key: StepKey): CompositeKeyCondition {
  const pk = partTokens(key.pk);
  if (key.labelRange) return { pk, sk: { op: 'between', low: [text(key.labelRange.low)], high: [text(key.labelRange.high)] } };
  if (key.skPrefix.length === 0) return { pk, sk: { op: 'none' } };
  const prefix = partTokens(key.skPrefix);
  const base = [...prefix, text(KEY_SEPARATOR)];
  const end = [...prefix, text(KEY_END)];
  const next = key.next;
  if (!next)
    return {
      pk,
      sk: key.skComplete ? { op: '=', value: [...prefix, ...(key.skTerminated ? [text(KEY_SEPARATOR)] : [])] } : { op: 'begins_with', value: base },
    };
  const v = (extra: Partial<Extract<KeyToken, { kind: 'param' }>> = {}): KeyToken => ({
    kind: 'param',
    param: next.param,
    attribute: next.attribute,
    type: next.type,
    ...extra,
  });
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

/** A key value with the parameters' values encoded in (and, in a sharded partition, the shard of this request). */
export function keyValue(value: KeyValue, params: PatternParams, shard?: number): string {
  return value
    .map((t) => {
      if (t.kind === 'text') return t.text;
      if (t.kind === 'fixed') return encodeKeyValue(t.type, t.value, t.attribute);
      if (t.kind === 'shard') {
        if (shard === undefined || !Number.isInteger(shard) || shard < 0 || shard >= t.count)
          throw new Error(`a sharded partition needs its shard, 0 to ${String(t.count - 1)}`);
        return String(shard);
      }
      const raw = t.end ? pairParam(params, t.param)[t.end === 'low' ? 0 : 1] : scalarParam(params, t.param);
      if (t.prefix && typeof raw !== 'string') throw new TypeError(`parameter "${t.param}" is a prefix (a string), got ${typeof raw}`);
      return encodeKeyValue(t.type, raw, t.param);
    })
    .join('');
}

/** A native key attribute's value: the text, or the parameter's own value (a number stays a number). */
export function nativeValue(operand: NativeOperand, params: PatternParams): string | number {
  if (operand.kind === 'text') return operand.text;
  // A sharded template keeps a composite key (keys/shards.ts): no native operand is a shard.
  if (operand.kind === 'shard') throw new Error('a native key has no shard component');
  if (operand.kind === 'fixed') {
    // validateModel checks the literal's type; a key attribute is S or N, never a boolean.
    if (typeof operand.value === 'boolean') throw new TypeError(`"${operand.attribute}" is fixed to a boolean, which no native key attribute holds`);
    return operand.value;
  }
  const raw = operand.end ? pairParam(params, operand.param)[operand.end === 'low' ? 0 : 1] : scalarParam(params, operand.param);
  if (operand.prefix && typeof raw !== 'string') throw new TypeError(`parameter "${operand.param}" is a prefix (a string), got ${typeof raw}`);
  // A key attribute is S or N: a boolean (or a value of the other type) can never be one.
  const wanted = operand.type === 'number' ? 'number' : 'string';
  if (typeof raw !== wanted) throw new TypeError(`parameter "${operand.param}" is a ${operand.type}, got ${typeof raw} ${JSON.stringify(raw)}`);
  if (typeof raw === 'number' && !Number.isFinite(raw)) throw new TypeError(`parameter "${operand.param}" is not a finite number`);
  return raw as string | number;
}

/**
 * A native condition with values; undefined when its range is a reversed pair (low above high: the
 * answer is empty, and DynamoDB refuses such a BETWEEN, so nothing is sent).
 */
export function nativeConditionValues(condition: NativeKeyCondition, params: PatternParams): NativeKeyValues | undefined {
  const values: NativeKeyValues = { native: true, equals: condition.equals.map((e) => ({ attribute: e.attribute, value: nativeValue(e.value, params) })) };
  const range = condition.range;
  if (!range) return values;
  if (range.op === 'between') {
    const low = nativeValue(range.low, params);
    const high = nativeValue(range.high, params);
    if (compareNative(low, high) > 0) return undefined;
    values.range = { attribute: range.attribute, op: 'between', low, high };
  } else if (range.op === 'begins_with') {
    values.range = { attribute: range.attribute, op: 'begins_with', prefix: String(nativeValue(range.value, params)) };
  } else {
    values.range = { attribute: range.attribute, op: range.op, value: nativeValue(range.value, params) };
  }
  return values;
}

/** DynamoDB's order of native key values: numbers numerically, strings by their UTF-8 bytes. */
export const compareNative = compareKeyValue;

/** The condition with values: what buildRequest sends and the in-memory evaluator reads. */
export function keyConditionValues(condition: CompositeKeyCondition, params: PatternParams, shard?: number): { pk: string; sk: SkCondition } {
  const pk = keyValue(condition.pk, params, shard);
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

/**
 * `USER#{email}`: parameters in braces (`{userId→managerId}` where the parameter fills another attribute,
 * `{day[0]}` for a pair's end), a fixed attribute with its literal (`GAME#{status="open"}`).
 */
export function keyValueText(value: KeyValue): string {
  return value.map(tokenText).join('');
}

function tokenText(t: KeyToken): string {
  switch (t.kind) {
    case 'text':
      return t.text;
    case 'fixed':
      return `{${t.attribute}=${JSON.stringify(t.value)}}`;
    case 'shard':
      // One request per shard: `{shard 0..3}`.
      return `{shard 0..${String(t.count - 1)}}`;
    case 'param':
      return `{${t.param === t.attribute ? t.param : `${t.param}→${t.attribute}`}${t.end ? `[${t.end === 'low' ? 0 : 1}]` : ''}}`;
    default: {
      const never: never = t;
      throw new Error(`unknown key token ${JSON.stringify(never)}`);
    }
  }
}

/** A native operand as text: the entity name and fixed literals as values (`"Order"`, `"open"`, `3`), parameters in braces. */
export function nativeOperandText(o: NativeOperand): string {
  if (o.kind === 'text') return JSON.stringify(o.text);
  if (o.kind === 'fixed') return JSON.stringify(o.value);
  return keyValueText([o]);
}

/**
 * `PK = USER#{email} AND begins_with(SK, ORDER#)`; native: `_type = "Order" AND status = {status} AND createdAt >= {createdAt}`;
 * with the Query's `Limit` after it: `... LIMIT 10`.
 */
export function keyConditionText(condition: KeyCondition, index: IndexKeySchema, limit?: number): string {
  const text = conditionText(condition, index);
  return limit === undefined ? text : `${text} LIMIT ${String(limit)}`;
}

function conditionText(condition: KeyCondition, index: IndexKeySchema): string {
  if (condition.native) {
    const operand = nativeOperandText;
    const parts = condition.equals.map((e) => `${e.attribute} = ${operand(e.value)}`);
    const r = condition.range;
    if (r?.op === 'between') parts.push(`${r.attribute} BETWEEN ${operand(r.low)} AND ${operand(r.high)}`);
    else if (r?.op === 'begins_with') parts.push(`begins_with(${r.attribute}, ${operand(r.value)})`);
    else if (r) parts.push(`${r.attribute} ${r.op} ${operand(r.value)}`);
    return parts.join(' AND ');
  }
  if (index.keys === 'native') throw new Error(`${index.name} has native keys, the condition is composite`);
  const names = index;
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

// --- a native condition as a KeyConditionExpression ----------------------------------------------

/**
 * The KeyConditionExpression of a native condition, once, for buildRequest and the code generator:
 * its text, the attribute names behind `#k0…` and the operand behind each value placeholder.
 */
export function nativeExpression(condition: NativeKeyCondition): { expression: string; names: [string, string][]; values: [string, NativeOperand][] } {
  const names: [string, string][] = [];
  const values: [string, NativeOperand][] = [];
  const clauses = condition.equals.map((e, i) => {
    names.push([`#k${i}`, e.attribute]);
    values.push([`:k${i}`, e.value]);
    return `#k${i} = :k${i}`;
  });
  const r = condition.range;
  if (r) {
    const n = `#k${condition.equals.length}`;
    names.push([n, r.attribute]);
    if (r.op === 'between') {
      values.push([':lo', r.low], [':hi', r.high]);
      clauses.push(`${n} BETWEEN :lo AND :hi`);
    } else {
      values.push([':r', r.value]);
      clauses.push(r.op === 'begins_with' ? `begins_with(${n}, :r)` : `${n} ${r.op} :r`);
    }
  }
  return { expression: clauses.join(' AND '), names, values };
}
