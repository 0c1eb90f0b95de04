// Turns a pattern's plan and parameter values into concrete requests, shaped
// as @aws-sdk/lib-dynamodb inputs (plus a structured key condition for the
// in-memory evaluator). Values never go into expression text; attribute names
// always go through ExpressionAttributeNames (reserved words are safe).
import type { Design, KeyPart, PlanStep, QueryInput, Request, SkCondition } from '../design/types.ts';
import type { PatternParams, Scalar } from '../model/types.ts';
import { encodeKeyValue, KEY_END, KEY_SEPARATOR } from '../keys/encodeKeyValue.ts';
import { alwaysEmptyParameter } from './alwaysEmpty.ts';
import { compareUtf8 } from './compareUtf8.ts';
import { FILTER_NAME, filterExpressionText, filterForm, filterValues } from './filterForm.ts';
import { patternParameters } from './patternParameters.ts';

/** The pattern's requests, in plan order; none when its answer is always empty (`alwaysEmptyParameter`). */
export function buildRequest(design: Design, patternName: string, params: PatternParams): Request[] {
  const plan = design.patterns.find((p) => p.pattern === patternName);
  if (!plan) throw new Error(`no plan for pattern "${patternName}"`);
  const empty = alwaysEmptyParameter(plan, patternParameters(design.model, patternName));
  if (empty !== undefined) {
    // Still the declared shape: a pair compared for equality matches nothing, so nothing is read.
    pairParam(params, empty);
    return [];
  }
  return plan.steps.map((step) => buildStep(design, step, params));
}

function scalarParam(params: PatternParams, name: string): Scalar {
  const v = params[name];
  if (v === undefined) throw new TypeError(`missing parameter "${name}"`);
  if (Array.isArray(v)) throw new TypeError(`parameter "${name}" takes one value, got a pair`);
  return v;
}

function pairParam(params: PatternParams, name: string): [Scalar, Scalar] {
  const v = params[name];
  if (!Array.isArray(v) || v.length !== 2) throw new TypeError(`parameter "${name}" takes [low, high]`);
  return v;
}

export function renderParts(parts: readonly KeyPart[], params: PatternParams): string {
  return parts.map((p) => (p.kind === 'literal' ? p.text : encodeKeyValue(p.type, scalarParam(params, p.param), p.param))).join(KEY_SEPARATOR);
}

function buildStep(design: Design, step: PlanStep, params: PatternParams): Request {
  const index = design.indexes.find((i) => i.name === step.index);
  if (!index) throw new Error(`no index ${step.index}`);
  const key = step.key;
  const pk = renderParts(key.pk, params);
  const prefix = renderParts(key.skPrefix, params);
  const full = prefix + (key.skTerminated ? KEY_SEPARATOR : '');
  if (step.operation === 'GetItem') {
    return { operation: 'GetItem', index: step.index, input: { TableName: design.tableName, Key: { [index.pkAttribute]: pk, [index.skAttribute]: full } } };
  }
  const sk = skCondition(step, prefix, full, params);
  const names: Record<string, string> = { '#pk': index.pkAttribute };
  const values: Record<string, Scalar> = { ':pk': pk };
  let expression = '#pk = :pk';
  switch (sk.op) {
    case 'none':
      break;
    case 'begins_with':
      names['#sk'] = index.skAttribute;
      values[':sk'] = sk.prefix;
      expression += ' AND begins_with(#sk, :sk)';
      break;
    case 'between':
      names['#sk'] = index.skAttribute;
      values[':lo'] = sk.low;
      values[':hi'] = sk.high;
      expression += ' AND #sk BETWEEN :lo AND :hi';
      break;
    default:
      names['#sk'] = index.skAttribute;
      values[':sk'] = sk.value;
      expression += ` AND #sk ${sk.op} :sk`;
  }
  const input: QueryInput = { TableName: design.tableName, KeyConditionExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
  if (index.kind === 'gsi') input.IndexName = index.name;
  if (step.direction) input.ScanIndexForward = step.direction !== 'desc';
  const request: Extract<Request, { operation: 'Query' }> = { operation: 'Query', index: step.index, input, key: { pk, sk } };
  if (step.filter) {
    const f = step.filter;
    const value: Scalar | [Scalar, Scalar] = f.op === 'between' ? [...pairParam(params, f.param)] : scalarParam(params, f.param);
    // The form depends on whether the attribute is a boolean, and the in-memory
    // evaluator tells from the value: they must agree.
    for (const v of Array.isArray(value) ? value : [value]) {
      if ((typeof v === 'boolean') !== (f.type === 'boolean')) throw new TypeError(`"${f.param}" is a ${f.type}, got ${typeof v} ${JSON.stringify(v)}`);
    }
    const form = filterForm(f.op, f.type === 'boolean');
    const filled = filterValues(form, value);
    if (typeof filled === 'string') throw new TypeError(`parameter "${f.param}" ${filled}`);
    names[FILTER_NAME] = f.attribute;
    Object.assign(values, filled);
    input.FilterExpression = filterExpressionText(form);
    request.filter = { attribute: f.attribute, op: f.op, value };
  }
  return request;
}

function skCondition(step: PlanStep, prefix: string, full: string, params: PatternParams): SkCondition {
  const key = step.key;
  if (key.labelRange) return { op: 'between', low: key.labelRange.low, high: key.labelRange.high };
  if (key.skPrefix.length === 0) return { op: 'none' };
  if (!key.next) return key.skComplete ? { op: '=', value: full } : { op: 'begins_with', prefix: prefix + KEY_SEPARATOR };
  const next = key.next;
  const base = prefix + KEY_SEPARATOR;
  const end = prefix + KEY_END;
  const enc = (v: Scalar) => encodeKeyValue(next.type, v, next.param);
  switch (next.op) {
    case undefined:
      return { op: 'begins_with', prefix: base };
    case '=': {
      const e = enc(scalarParam(params, next.param));
      return next.last ? { op: '=', value: base + e } : { op: 'begins_with', prefix: base + e + KEY_SEPARATOR };
    }
    case '>=':
      return { op: 'between', low: base + enc(scalarParam(params, next.param)), high: end };
    case '>':
      return { op: 'between', low: base + enc(scalarParam(params, next.param)) + KEY_END, high: end };
    case '<=':
      return { op: 'between', low: base, high: base + enc(scalarParam(params, next.param)) + KEY_END };
    case '<':
      return { op: 'between', low: base, high: base + enc(scalarParam(params, next.param)) };
    case 'between': {
      const [lo, hi] = pairParam(params, next.param);
      const low = base + enc(lo);
      const high = base + enc(hi) + KEY_END;
      // An empty range: DynamoDB refuses BETWEEN with low > high, and no key equals `prefix$`.
      return compareUtf8(low, high) <= 0 ? { op: 'between', low, high } : { op: 'between', low: end, high: end };
    }
    case 'begins_with': {
      const p = scalarParam(params, next.param);
      if (typeof p !== 'string') throw new TypeError(`parameter "${next.param}" is a prefix (a string), got ${typeof p}`);
      return { op: 'begins_with', prefix: base + enc(p) };
    }
    default: {
      const never: never = next.op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}
