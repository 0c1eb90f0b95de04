// How the Writes view words what a write sent and changed: DynamoDB's operation
// for each request and its lib-dynamodb input, what DynamoDB answered, and an
// item's place in an index. Pure: no React.
import { indexKeyOf, type IndexKeySchema, type Item, type ItemChange, type RequestAnswer, type SentRequest } from '../../engine/index.ts';

const OPERATIONS = {
  Get: { operation: 'GetItem', command: 'GetCommand' },
  Put: { operation: 'PutItem', command: 'PutCommand' },
  Update: { operation: 'UpdateItem', command: 'UpdateCommand' },
  Delete: { operation: 'DeleteItem', command: 'DeleteCommand' },
  TransactWrite: { operation: 'TransactWriteItems', command: 'TransactWriteCommand' },
} as const;

export interface RequestText {
  /** DynamoDB's name of the operation: GetItem, TransactWriteItems. */
  operation: string;
  /** The lib-dynamodb command that takes `input`. */
  command: string;
  /** The command's input, as JSON. */
  input: string;
}

export function requestText({ request }: SentRequest): RequestText {
  const [kind, input] = Object.entries(request)[0] ?? ['?', undefined];
  const names = (OPERATIONS as Record<string, { operation: string; command: string }>)[kind] ?? { operation: kind, command: `${kind}Command` };
  return { ...names, input: JSON.stringify(input, null, 2) };
}

/** What DynamoDB answered, in a sentence. */
export function answerText(sent: SentRequest): string {
  const answer: RequestAnswer = sent.answer;
  if (!answer.ok) {
    const reasons = answer.reasons ? ` (CancellationReasons: ${answer.reasons.join(', ')})` : '';
    return `Refused: ${answer.name}: ${answer.message}${reasons}`;
  }
  if ('Get' in sent.request) return answer.item ? 'Found the item.' : 'No item with this key.';
  return answer.item ? 'Written; the item as stored came back (ReturnValues ALL_NEW).' : 'Written.';
}

/** An item's key in an index as people read it (`ORDER#paid · ORDER#…`), or '' when the index does not hold it. */
export function entryKeyText(item: Item | undefined, index: IndexKeySchema): string {
  const key = item && indexKeyOf(item, index);
  return key ? [...key.pk, ...key.sk].map(String).join(' · ') : '';
}

/** What changed in an updated item: the attributes whose values differ (sorted). */
export function changedAttributes(change: ItemChange): string[] {
  if (change.kind !== 'updated') return [];
  const names = new Set([...Object.keys(change.before), ...Object.keys(change.after)]);
  return [...names].filter((n) => JSON.stringify(change.before[n]) !== JSON.stringify(change.after[n])).sort();
}
