// Read capacity units of the engine's requests, by DynamoDB's documented rules
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/provisioned-capacity-mode.html#ItemSizeCalculations.Reads,
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html):
// - GetItem: the item's size rounded up to the next 4 KB, one unit per 4 KB strongly
//   consistent, half eventually consistent; "if you perform a read operation on an
//   item that does not exist, DynamoDB still consumes provisioned read throughput"
//   (1 unit strong, 0.5 eventual);
// - Query: "all items returned are treated as a single read operation, where DynamoDB
//   computes the total size of all items and then rounds up to the next 4 KB
//   boundary", per page (a page holds at most 1 MB); the size is of the items read,
//   before any FilterExpression (a filter does not reduce what is read,
//   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html);
//   a page that reads nothing is a read of an item that does not exist (the minimum);
// - a GSI: "global secondary indexes support eventually consistent reads" only, and its
//   size is that of the index entries (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Reads).
// Which items a request reads is the in-memory evaluator's answer (`scanned`), the
// very one the runner compares DynamoDB's answers with.
import { patternNamed } from '../queries/patternParameters.ts';
import type { Design, Item, Request } from '../design/types.ts';
import type { PatternParams, RecordValue } from '../model/types.ts';
import { buildRequest } from '../queries/buildRequest.ts';
import { evaluateRequest } from '../queries/evaluateRequest.ts';
import { sampleParams } from '../queries/sampleParams.ts';
import { createRandom } from '../samples/createRandom.ts';
import { indexEntryBytes } from './itemSize.ts';

/** A read capacity unit reads 4 KB strongly consistent (twice that eventually consistent). */
export const READ_UNIT_BYTES = 4096;
/** The most a Query page reads. */
export const PAGE_BYTES = 1024 * 1024;

/** Read units of `bytes` read in one operation: rounded up to 4 KB (at least one 4 KB block), halved when eventually consistent. */
export function readUnitsOf(bytes: number, consistent: boolean): number {
  const blocks = Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
  return consistent ? blocks : blocks / 2;
}

/** One page of a request: how many items it read, their bytes (index entries for a GSI) and its units. */
export interface ReadPage {
  items: number;
  bytes: number;
  units: number;
}

export interface RequestReadUnits {
  operation: Request['operation'];
  index: string;
  /** Strongly consistent: `ConsistentRead` on a table read (a GSI is eventually consistent only). */
  consistent: boolean;
  pages: ReadPage[];
  /** Items read over every page (DynamoDB's ScannedCount). */
  itemsRead: number;
  bytesRead: number;
  units: number;
}

/** Whether the request reads strongly consistent: it asks (`ConsistentRead`) and reads the table. */
export function isConsistentRead(design: Design, request: Request): boolean {
  const index = design.indexes.find((i) => i.name === request.index);
  const asked = (request.input as { ConsistentRead?: boolean }).ConsistentRead === true;
  return asked && index?.kind === 'table';
}

/** The read units one request consumes on `items` (every page; one page for a Query with Limit, as runRequests reads it). */
export function requestReadUnits({ design, items, request }: { design: Design; items: readonly Item[]; request: Request }): RequestReadUnits {
  const index = design.indexes.find((i) => i.name === request.index);
  if (!index) throw new Error(`no index "${request.index}"`);
  const consistent = isConsistentRead(design, request);
  const sizes: number[][] = [];
  let exclusiveStartKey: Item | undefined;
  for (;;) {
    const page = evaluateRequest(
      exclusiveStartKey ? { design, items: items as Item[], request, exclusiveStartKey } : { design, items: items as Item[], request },
    );
    if (page.error) throw new Error(page.error.message);
    sizes.push(...splitPages(page.scanned.map((item) => indexEntryBytes(item, index) ?? 0)));
    if (!page.lastEvaluatedKey) break;
    if (request.operation === 'Query' && request.input.Limit !== undefined) break;
    exclusiveStartKey = page.lastEvaluatedKey;
  }
  const pages = sizes.map((list): ReadPage => {
    const bytes = list.reduce((a, b) => a + b, 0);
    return { items: list.length, bytes, units: readUnitsOf(bytes, consistent) };
  });
  return {
    operation: request.operation,
    index: index.name,
    consistent,
    pages,
    itemsRead: pages.reduce((n, p) => n + p.items, 0),
    bytesRead: pages.reduce((n, p) => n + p.bytes, 0),
    units: pages.reduce((n, p) => n + p.units, 0),
  };
}

/**
 * The items' sizes in 1 MB pages: a page stops once it has read 1 MB (the evaluator reads a
 * whole selection at once; sample items are far smaller). An empty read is one empty page.
 */
function splitPages(sizes: readonly number[]): number[][] {
  const pages: number[][] = [[]];
  let total = 0;
  for (const size of sizes) {
    if (total >= PAGE_BYTES) {
      pages.push([]);
      total = 0;
    }
    (pages[pages.length - 1] as number[]).push(size);
    total += size;
  }
  return pages;
}

export interface PatternCallReadUnits {
  pattern: string;
  params: PatternParams;
  /** One entry per request the call sends (none when its answer is always empty). */
  requests: RequestReadUnits[];
  units: number;
}

/** The read units of one call of a pattern with these parameters on `items`. */
export function patternReadUnits({
  design,
  items,
  pattern,
  params,
}: {
  design: Design;
  items: readonly Item[];
  pattern: string;
  params: PatternParams;
}): PatternCallReadUnits {
  const requests = buildRequest(design, pattern, params).map((request) => requestReadUnits({ design, items, request }));
  return { pattern, params, requests, units: requests.reduce((n, r) => n + r.units, 0) };
}

export interface PatternReadCost {
  pattern: string;
  /** Requests per call (the plan's steps; 0 when the pattern is not served or its answer is always empty). */
  requestsPerCall: number;
  /** Each call priced, one per distinct parameter set. */
  calls: PatternCallReadUnits[];
  /** Mean units per call over `calls` (0 without calls). */
  average: number;
  /** The dearest call (undefined without calls). */
  worst?: PatternCallReadUnits;
}

export interface PatternReadCostOptions {
  design: Design;
  /** The sample records by entity (parameter values are taken from them: sampleParams). */
  records: ReadonlyMap<string, readonly RecordValue[]>;
  /** The table's items: the records' items (toItem), with any guard items. */
  items: readonly Item[];
  pattern: string;
  /** How many parameter sets to draw (default 25); the default parameters (pick 0) are always one. */
  picks?: number;
  seed?: string | number;
}

/** A pattern's read units per call over parameter values drawn from the sample records (seeded, so the same every time): average and worst. */
export function patternReadCost({ design, records, items, pattern, picks = 25, seed = 'tablewright' }: PatternReadCostOptions): PatternReadCost {
  const plan = design.patterns.find((p) => p.pattern === pattern);
  if (!plan) throw new Error(`no plan for pattern "${pattern}"`);
  if (plan.steps.length === 0) return { pattern, requestsPerCall: 0, calls: [], average: 0 };
  const entity = patternNamed(design.model, pattern)?.entity ?? plan.entity;
  const count = Math.max(1, records.get(entity)?.length ?? 0);
  const random = createRandom(`${String(seed)}:${pattern}`);
  const seen = new Set<string>();
  const calls: PatternCallReadUnits[] = [];
  for (let i = 0; i < picks; i++) {
    const params = sampleParams(design.model, records, pattern, i === 0 ? 0 : random.int(0, count - 1));
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    calls.push(patternReadUnits({ design, items, pattern, params }));
  }
  const requestsPerCall = Math.max(0, ...calls.map((c) => c.requests.length));
  const worst = calls.reduce<PatternCallReadUnits | undefined>((w, c) => (w === undefined || c.units > w.units ? c : w), undefined);
  const average = calls.length ? calls.reduce((n, c) => n + c.units, 0) / calls.length : 0;
  return { pattern, requestsPerCall, calls, average, ...(worst ? { worst } : {}) };
}
