// One sample value of a Workbench file, in DynamoDB JSON (`{"S": "a"}`,
// `{"N": "12"}`, `{"M": {...}}`), as what the model can keep: a scalar, nothing
// (NULL), a document or set the model has no scalar for, or a value that is not
// DynamoDB JSON at all (with why). The type tags are those of DynamoDB's
// low-level API: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html#Programming.LowLevelAPI.DataTypeDescriptors
import type { Scalar } from '../../model/types.ts';
import { numberProblem } from '../../model/dynamoNumbers.ts';
import { describeJsonNode, type JsonNode } from '../../model/parseJson.ts';
import { DYNAMODB_TYPES } from './readWorkbenchFile.ts';

export type DynamoValue =
  /** `text`: the value as written (a number's own digits, `true`/`false`): what a key made of it holds. */
  | { kind: 'scalar'; type: 'S' | 'N' | 'BOOL' | 'B'; value: Scalar; text: string }
  | { kind: 'null' }
  | { kind: 'document'; type: string; malformed?: string }
  | { kind: 'malformed'; why: string };

/** Reads one typed value; never throws. */
export function dynamoValue(node: JsonNode): DynamoValue {
  if (node.kind !== 'object' || node.entries.length !== 1) {
    return {
      kind: 'malformed',
      why: `a value is written {"TYPE": value} (DynamoDB JSON), but this is ${describeJsonNode(node)}${node.kind === 'object' ? ` with ${String(node.entries.length)} fields` : ''}`,
    };
  }
  const [entry] = node.entries;
  if (!entry) return { kind: 'malformed', why: 'an empty value' };
  const { key: type, value } = entry;
  if (!DYNAMODB_TYPES.includes(type)) return { kind: 'malformed', why: `"${type}" is no DynamoDB type (${DYNAMODB_TYPES.join(', ')})` };
  switch (type) {
    case 'S':
    case 'B':
      if (value.kind === 'string') return { kind: 'scalar', type, value: value.value, text: value.value };
      return { kind: 'malformed', why: `{"${type}": ...} holds a string, but this holds ${describeJsonNode(value)}` };
    case 'N': {
      const text = value.kind === 'string' ? value.value.trim() : undefined;
      const n = text !== undefined && /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (text === undefined)
        return { kind: 'malformed', why: `{"N": ...} holds the number as a string ({"N": "12"}), but this holds ${describeJsonNode(value)}` };
      if (!Number.isFinite(n)) return { kind: 'malformed', why: `{"N": "${text}"} is not a number` };
      const problem = numberProblem(n);
      if (problem !== undefined) return { kind: 'malformed', why: problem };
      return { kind: 'scalar', type: 'N', value: n === 0 ? 0 : n, text };
    }
    case 'BOOL':
      if (value.kind === 'boolean') return { kind: 'scalar', type: 'BOOL', value: value.value, text: String(value.value) };
      return { kind: 'malformed', why: `{"BOOL": ...} holds true or false, but this holds ${describeJsonNode(value)}` };
    case 'NULL':
      return { kind: 'null' };
    default: {
      const malformed = documentProblem(type, value, 0);
      return malformed === undefined ? { kind: 'document', type } : { kind: 'document', type, malformed };
    }
  }
}

const MAX_DEPTH = 32;

/** Why a document value (M, L, a set) is not DynamoDB JSON, or undefined when it is. */
function documentProblem(type: string, value: JsonNode, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return 'it nests deeper than 32 levels';
  switch (type) {
    case 'M':
      if (value.kind !== 'object') return `{"M": ...} holds an object, but this holds ${describeJsonNode(value)}`;
      for (const e of value.entries) {
        const inner = typed(e.value, depth);
        if (inner !== undefined) return `in the map, "${e.key}": ${inner}`;
      }
      return undefined;
    case 'L':
      if (value.kind !== 'array') return `{"L": ...} holds a list, but this holds ${describeJsonNode(value)}`;
      for (const [i, item] of value.items.entries()) {
        const inner = typed(item, depth);
        if (inner !== undefined) return `in the list, item ${String(i)}: ${inner}`;
      }
      return undefined;
    default:
      if (value.kind !== 'array') return `{"${type}": ...} holds a list, but this holds ${describeJsonNode(value)}`;
      return value.items.some((v) => v.kind !== 'string') ? `{"${type}": [...]} holds strings` : undefined;
  }
}

function typed(node: JsonNode, depth: number): string | undefined {
  if (node.kind !== 'object' || node.entries.length !== 1) return `${describeJsonNode(node)} is plain JSON, not a typed value {"TYPE": value}`;
  const [entry] = node.entries;
  if (!entry || !DYNAMODB_TYPES.includes(entry.key))
    return `"${entry?.key ?? ''}" is no DynamoDB type${entry?.key === undefined ? '' : ' (a map wrapped twice?)'}`;
  if (['M', 'L', 'SS', 'NS', 'BS'].includes(entry.key)) return documentProblem(entry.key, entry.value, depth + 1);
  const scalar = dynamoValue(node);
  return scalar.kind === 'malformed' ? scalar.why : undefined;
}
