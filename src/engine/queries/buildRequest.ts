// Turns a pattern's plan and parameter values into concrete requests, shaped
// as @aws-sdk/lib-dynamodb inputs (plus a structured key condition for the
// in-memory evaluator). Values never go into expression text; attribute names
// always go through ExpressionAttributeNames (reserved words are safe).
import type { CompositeKeySchema, Design, PlanStep, QueryInput, Request, SkCondition } from '../design/types.ts';
import type { PatternParams, Scalar } from '../model/types.ts';
import { alwaysEmptyParameter } from './alwaysEmpty.ts';
import { keyCondition, keyConditionValues, nativeConditionValues, nativeExpression, nativeValue, pairParam, scalarParam } from './keyCondition.ts';
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
  return plan.steps.flatMap((step) => buildStep(design, step, params));
}

/** One step's request; none on a native GSI when its range is a reversed pair (the answer is empty, and DynamoDB refuses it). */
function buildStep(design: Design, step: PlanStep, params: PatternParams): Request[] {
  const index = design.indexes.find((i) => i.name === step.index);
  if (!index) throw new Error(`no index ${step.index}`);
  const condition = keyCondition(step.key, index);
  if (condition.native) {
    const key = nativeConditionValues(condition, params);
    if (!key) return [];
    const { expression, names, values } = nativeExpression(condition);
    const input: QueryInput = {
      TableName: design.tableName,
      IndexName: index.name,
      KeyConditionExpression: expression,
      ExpressionAttributeNames: Object.fromEntries(names),
      ExpressionAttributeValues: Object.fromEntries(values.map(([placeholder, operand]) => [placeholder, nativeValue(operand, params)])),
    };
    if (step.direction) input.ScanIndexForward = step.direction !== 'desc';
    if (step.limit !== undefined) input.Limit = step.limit;
    return [withFilter({ operation: 'Query', index: step.index, input, key }, step, params)];
  }
  if (index.keys === 'native') throw new Error(`${index.name} has native keys, the condition is composite`);
  if (step.shards !== undefined) {
    // Write sharding: one Query per shard of the partition, each in the step's order (and with its Limit);
    // runRequests and the module's execute merge them in that order (keys/shards.ts).
    const count = step.shards;
    return Array.from({ length: count }, (_, shard) => ({
      ...compositeStep(design, step, index, keyConditionValues(condition, params, shard), params),
      shard: { shard, count },
    }));
  }
  return [compositeStep(design, step, index, keyConditionValues(condition, params), params)];
}

/** One request of a composite index's step, its key condition's values given. */
function compositeStep(design: Design, step: PlanStep, index: CompositeKeySchema, { pk, sk }: { pk: string; sk: SkCondition }, params: PatternParams): Request {
  if (step.operation === 'GetItem') {
    // A GetItem's sort key is complete: its condition is `=`.
    if (sk.op !== '=') throw new Error(`a GetItem needs the whole sort key (${step.keyConditionText})`);
    const input = {
      TableName: design.tableName,
      Key: { [index.pkAttribute]: pk, [index.skAttribute]: sk.value },
      ...(step.consistent ? { ConsistentRead: true } : {}),
    };
    return { operation: 'GetItem', index: step.index, input };
  }
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
  const input: QueryInput = {
    TableName: design.tableName,
    KeyConditionExpression: expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
  if (index.kind === 'gsi') input.IndexName = index.name;
  if (step.direction) input.ScanIndexForward = step.direction !== 'desc';
  // The pattern's limit (never beside a filter: DynamoDB counts Limit before it).
  if (step.limit !== undefined) input.Limit = step.limit;
  if (step.consistent) input.ConsistentRead = true;
  return withFilter({ operation: 'Query', index: step.index, input, key: { pk, sk } }, step, params);
}

/** The step's FilterExpression (and its structured form for the evaluator) added to a Query. */
function withFilter(request: Extract<Request, { operation: 'Query' }>, step: PlanStep, params: PatternParams): Extract<Request, { operation: 'Query' }> {
  const { input } = request;
  const names = input.ExpressionAttributeNames;
  const values = input.ExpressionAttributeValues;
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
