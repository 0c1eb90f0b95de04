// Runs the requests of one pattern on items in memory, following every
// page (`LastEvaluatedKey` → `ExclusiveStartKey`) to the end, and concatenates
// what they return in request order. A Query with `Limit` (a pattern's limit:
// the first N records) is one request: its first page is the answer. What the
// generated code does against an endpoint, without one.
import type { Design, Item, Request } from '../design/types.ts';
import { evaluateRequest } from './evaluateRequest.ts';

export function runRequests({ design, items, requests }: { design: Design; items: Item[]; requests: Request[] }): Item[] {
  const out: Item[] = [];
  for (const request of requests) {
    let exclusiveStartKey: Item | undefined;
    for (;;) {
      const page = evaluateRequest(exclusiveStartKey ? { design, items, request, exclusiveStartKey } : { design, items, request });
      for (const item of page.items) out.push(item);
      // Every page reads at least one item past the last one, so this ends.
      if (!page.lastEvaluatedKey || page.error) break;
      if (request.operation === 'Query' && request.input.Limit !== undefined) break;
      exclusiveStartKey = page.lastEvaluatedKey;
    }
  }
  return out;
}
