// A request as the patterns panel shows it: what DynamoDB is asked, in its own
// words (operation, index, KeyConditionExpression, names, values, direction,
// and the Limit of a pattern that keeps its first N records).
// Values are shown as JSON so strings, numbers and booleans stay distinct.
import type { Request } from '../../engine/index.ts';

export interface RequestSummary {
  operation: 'GetItem' | 'Query';
  /** `table` or the GSI's name. */
  index: string;
  /** Query: the KeyConditionExpression; GetItem: the key, `PK = "USER#a", SK = "USER"`. */
  keyCondition: string;
  filter?: string;
  names: [string, string][];
  values: [string, string][];
  /** Query only: `ascending` or `descending` (ScanIndexForward). */
  direction?: 'ascending' | 'descending';
  /** Query only: the Limit (a pattern's limit: its first N records). */
  limit?: number;
}

export function requestSummary(request: Request): RequestSummary {
  if (request.operation === 'GetItem') {
    const key = Object.entries(request.input.Key);
    return {
      operation: 'GetItem',
      index: request.index,
      keyCondition: key.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(', '),
      names: [],
      values: [],
    };
  }
  const input = request.input;
  return {
    operation: 'Query',
    index: request.index,
    keyCondition: input.KeyConditionExpression,
    ...(input.FilterExpression !== undefined ? { filter: input.FilterExpression } : {}),
    names: Object.entries(input.ExpressionAttributeNames),
    values: Object.entries(input.ExpressionAttributeValues).map(([name, value]) => [name, JSON.stringify(value)]),
    direction: input.ScanIndexForward === false ? 'descending' : 'ascending',
    ...(input.Limit !== undefined ? { limit: input.Limit } : {}),
  };
}
