// Runs the requests of one pattern on items in memory, following every
// page (`LastEvaluatedKey` → `ExclusiveStartKey`) to the end, and concatenates
// what they return in request order. A Query with `Limit` (a pattern's limit:
// the first N records) is one request: its first page is the answer. The
// requests of a sharded step (one per shard, `Request.shard`) are merged in the
// step's order by the index's sort key, and cut to the Limit (`mergeShards`).
// What the generated code does against an endpoint, without one.
import type { Design, Item, Request } from '../design/types.ts';
import { compareUtf8 } from './compareUtf8.ts';
import { evaluateRequest } from './evaluateRequest.ts';

export function runRequests({ design, items, requests }: { design: Design; items: Item[]; requests: Request[] }): Item[] {
  return mergeAnswers(
    design,
    requests,
    requests.map((request) => runOne(design, items, request)),
  );
}

/**
 * The pattern's answer from each request's items (`answers[i]` is `requests[i]`'s, every page read): concatenated
 * in request order, the shards of a sharded step merged by `mergeShards`. What runRequests does with the in-memory
 * answers, and what a caller that sent the requests to DynamoDB does with DynamoDB's (the migration's verify).
 */
export function mergeAnswers(design: Design, requests: readonly Request[], answers: readonly (readonly Item[])[]): Item[] {
  const out: Item[] = [];
  // The shards of one step, read so far: merged when the step's last shard is read, or when the
  // requests end first (a caller may run one shard's request alone: its answer is its own).
  let shards: { request: Extract<Request, { operation: 'Query' }>; answers: (readonly Item[])[] } | undefined;
  const flush = () => {
    if (shards) out.push(...mergeShards(design, shards.request, shards.answers));
    shards = undefined;
  };
  requests.forEach((request, i) => {
    const answer = answers[i] ?? [];
    if (request.operation !== 'Query' || request.shard === undefined) {
      flush();
      out.push(...answer);
      return;
    }
    if (shards && request.shard.shard === 0) flush();
    shards ??= { request, answers: [] };
    shards.answers.push(answer);
    if (request.shard.shard === request.shard.count - 1) flush();
  });
  flush();
  return out;
}

/** One request's items: every page, or the first one of a Query with Limit. */
function runOne(design: Design, items: Item[], request: Request): Item[] {
  const out: Item[] = [];
  let exclusiveStartKey: Item | undefined;
  for (;;) {
    const page = evaluateRequest(exclusiveStartKey ? { design, items, request, exclusiveStartKey } : { design, items, request });
    for (const item of page.items) out.push(item);
    // Every page reads at least one item past the last one, so this ends.
    if (!page.lastEvaluatedKey || page.error) break;
    if (request.operation === 'Query' && request.input.Limit !== undefined) break;
    exclusiveStartKey = page.lastEvaluatedKey;
  }
  return out;
}

/**
 * A sharded step's answer from each shard's (each in the step's order): merged by the index's sort key in
 * that order (UTF-8 byte order, as DynamoDB sorts keys; descending when ScanIndexForward is false), then cut
 * to the Limit. A template's sort key ends with the entity's key, so no two items tie: the merge is the order
 * one unsharded partition would have returned. `request` is any of the step's requests.
 */
export function mergeShards(design: Design, request: Extract<Request, { operation: 'Query' }>, answers: readonly (readonly Item[])[]): Item[] {
  const index = design.indexes.find((i) => i.name === request.index);
  if (!index || index.keys === 'native') throw new Error(`a sharded step reads a composite index (${request.index})`);
  const sk = index.skAttribute;
  const sign = request.input.ScanIndexForward === false ? -1 : 1;
  const merged = answers.flat().sort((a, b) => sign * compareUtf8(String(a[sk]), String(b[sk])));
  return request.input.Limit === undefined ? merged : merged.slice(0, request.input.Limit);
}
