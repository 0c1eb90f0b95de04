// Runs one access pattern against a table: the engine's requests (GetItem or
// Query, every page; one page for a Query with Limit, a pattern's first N
// records), each with ReturnConsumedCapacity INDEXES, timed; then,
// when the sample items are given, compares each answer with the engine's
// in-memory answer on those items.
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { buildRequest, runRequests, type Design, type Item, type PatternParams, type Request } from '../engine/index.ts';
import { compareAnswers, type AnswerComparison } from './compareAnswers.ts';
import { RunnerError } from './runnerError.ts';

export interface RequestRun {
  request: Request;
  items: Item[];
  /** Sum over pages of DynamoDB's Count (items returned after the filter). */
  count: number;
  /** Sum over pages of ScannedCount (items read); 1 or 0 for GetItem. */
  scannedCount: number;
  /** One entry per page, as DynamoDB reported it. */
  consumedCapacity: ConsumedCapacity[];
  /** Capacity units over every page (table and indexes). */
  capacityUnits: number;
  /** Wall time of all pages, in milliseconds. */
  latencyMs: number;
  pages: number;
  /** Present when the sample items were given. */
  comparison?: AnswerComparison;
}

export interface PatternRun {
  pattern: string;
  requests: RequestRun[];
  /** Every item, in request order. */
  items: Item[];
  /** True when every request's comparison is ok (undefined without sample items). */
  ok: boolean | undefined;
}

export interface RunPatternOptions {
  client: DynamoDBDocumentClient;
  design: Design;
  tableName: string;
  patternName: string;
  params: PatternParams;
  /** Every sample item loaded into the table: the engine answers on these for the comparison. */
  sampleItems?: readonly Item[];
  /**
   * The engine's answers computed beforehand (`expectedAnswers`), one list per request:
   * compared with instead of evaluating `sampleItems` here. The CLI computes them before it
   * creates a table, so no long synchronous work runs while there is a table to clean up.
   */
  expected?: readonly (readonly Item[])[];
  signal?: AbortSignal;
}

function withTable(request: Request, tableName: string): Request {
  return { ...request, input: { ...request.input, TableName: tableName } } as Request;
}

function requestsFor(design: Design, patternName: string, params: PatternParams, tableName: string): Request[] {
  if (!design.patterns.some((p) => p.pattern === patternName)) {
    throw new RunnerError('run.unknownPattern', `The design has no access pattern "${patternName}".`);
  }
  try {
    return buildRequest(design, patternName, params).map((r) => withTable(r, tableName));
  } catch (e) {
    throw new RunnerError('run.badParams', `${patternName}: ${(e as Error).message}`, { cause: e });
  }
}

/** The engine's in-memory answer on the sample items for each request of the pattern: what runPattern compares with. */
export function expectedAnswers({
  design,
  tableName,
  patternName,
  params,
  sampleItems,
}: {
  design: Design;
  tableName: string;
  patternName: string;
  params: PatternParams;
  sampleItems: readonly Item[];
}): Item[][] {
  return requestsFor(design, patternName, params, tableName).map((request) => runRequests({ design, items: sampleItems as Item[], requests: [request] }));
}

export async function runPattern({ client, design, tableName, patternName, params, sampleItems, expected, signal }: RunPatternOptions): Promise<PatternRun> {
  const requests = requestsFor(design, patternName, params, tableName);
  const sendOptions = signal ? { abortSignal: signal } : {};
  const runs: RequestRun[] = [];
  for (const [i, request] of requests.entries()) {
    const run: RequestRun = { request, items: [], count: 0, scannedCount: 0, consumedCapacity: [], capacityUnits: 0, latencyMs: 0, pages: 0 };
    const started = performance.now();
    if (request.operation === 'GetItem') {
      const out = await client.send(new GetCommand({ ...request.input, ReturnConsumedCapacity: 'INDEXES' }), sendOptions);
      run.pages = 1;
      if (out.Item) run.items.push(out.Item as Item);
      run.count = run.scannedCount = run.items.length;
      if (out.ConsumedCapacity) run.consumedCapacity.push(out.ConsumedCapacity);
    } else {
      let exclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
      do {
        const input: QueryCommandInput = { ...request.input, ReturnConsumedCapacity: 'INDEXES' };
        if (exclusiveStartKey) input.ExclusiveStartKey = exclusiveStartKey;
        const out = await client.send(new QueryCommand(input), sendOptions);
        run.pages++;
        for (const item of out.Items ?? []) run.items.push(item as Item);
        run.count += out.Count ?? 0;
        run.scannedCount += out.ScannedCount ?? 0;
        if (out.ConsumedCapacity) run.consumedCapacity.push(out.ConsumedCapacity);
        // A Query with Limit (a pattern's limit) is one page: its first N items are the answer.
        exclusiveStartKey = request.input.Limit === undefined ? out.LastEvaluatedKey : undefined;
      } while (exclusiveStartKey);
    }
    run.latencyMs = performance.now() - started;
    run.capacityUnits = run.consumedCapacity.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    const answer = expected ? (expected[i] ?? []) : sampleItems ? runRequests({ design, items: sampleItems as Item[], requests: [request] }) : undefined;
    if (answer) run.comparison = compareAnswers({ design, request, expected: answer, actual: run.items });
    runs.push(run);
  }
  return {
    pattern: patternName,
    requests: runs,
    items: runs.flatMap((r) => r.items),
    ok: expected || sampleItems ? runs.every((r) => r.comparison?.ok === true) : undefined,
  };
}
