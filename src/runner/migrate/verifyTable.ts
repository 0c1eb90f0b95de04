// The verify step: read the whole table back (a parallel Scan: the tool may scan,
// the application's module may not), decode every item with the new design's
// generated module (`fromItem`: a record, or undefined for a guard item), then run
// every pattern of the new design through that module (`executeAll`) with
// parameters drawn from the records read, and judge each answer against the
// brute-force answer on those records (the engine's answerPattern, as the
// conformance harness judges: a limit's ties at the boundary may be any of them).
//
// The table should be quiet: a write between the Scan and a pattern's Query makes
// them disagree. A pattern call that differs is therefore checked again, on a fresh
// Scan, up to `rounds` times; only a difference that stays is reported.
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  answerProblem,
  isDesignMetadataKey,
  type AnsweredRecord,
  type Design,
  type Pattern,
  type PatternParams,
  type RecordValue,
} from '../../engine/index.ts';
import { paramSets } from '../paramSets.ts';

/** What verify needs of a generated module (accessPatterns.ts), loaded by the caller. */
export interface VerifiedModule {
  fromItem: (item: Record<string, unknown>) => { entity: string; record: Record<string, unknown> } | undefined;
  executeAll: Record<string, (client: DynamoDBDocumentClient, params: never) => Promise<unknown>>;
}

export interface VerifyTableOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** The new design (its model's patterns are checked). */
  design: Design;
  module: VerifiedModule;
  /** Parameter sets per pattern besides the default one (default 3). */
  extraParamSets?: number;
  /** Scans at most (default 3): a difference is checked again on a fresh Scan. */
  rounds?: number;
  totalSegments?: number;
  signal?: AbortSignal;
  onProgress?: (state: { round: number; scanned: number; checked: number }) => void;
}

export interface PatternDifference {
  pattern: string;
  params: PatternParams;
  /** What differs, in words (answerProblem), or the error the module threw. */
  problem: string;
}

export interface VerifyTableResult {
  ok: boolean;
  /** Records and guard items of the last Scan. */
  records: number;
  guards: number;
  /** Items fromItem refused (no entity name, an entity the design does not have): each with why. */
  undecodable: { key: Record<string, unknown>; problem: string }[];
  /** Pattern calls checked (each pattern with each parameter set), in the first round. */
  checked: number;
  differences: PatternDifference[];
  rounds: number;
  ms: number;
}

interface ScannedTable {
  records: Map<string, RecordValue[]>;
  count: number;
  guards: number;
  undecodable: VerifyTableResult['undecodable'];
}

async function scanRecords(options: VerifyTableOptions, onItems: (n: number) => void): Promise<ScannedTable> {
  const { doc, tableName, module, signal, design } = options;
  const segments = Math.max(1, options.totalSegments ?? 4);
  const records = new Map<string, RecordValue[]>(design.model.entities.map((e) => [e.name, []]));
  const out: ScannedTable = { records, count: 0, guards: 0, undecodable: [] };
  const table = design.indexes[0];
  const keyNames = table && table.keys !== 'native' ? [table.pkAttribute, table.skAttribute] : [];
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
          signal ? { abortSignal: signal } : {},
        );
        for (const item of page.Items ?? []) {
          // The design-metadata items (readDeployedDesign.ts) hold no record and are no guard: left out.
          if (keyNames[0] !== undefined && isDesignMetadataKey(item[keyNames[0]])) continue;
          let decoded: ReturnType<VerifiedModule['fromItem']>;
          try {
            decoded = module.fromItem(item);
          } catch (e) {
            out.undecodable.push({ key: Object.fromEntries(keyNames.map((k) => [k, item[k]])), problem: (e as Error).message });
            continue;
          }
          if (!decoded) {
            out.guards++;
            continue;
          }
          const list = records.get(decoded.entity);
          if (list) list.push(decoded.record as RecordValue);
          else records.set(decoded.entity, [decoded.record as RecordValue]);
          out.count++;
        }
        onItems(page.Items?.length ?? 0);
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return out;
}

/** A pattern's result from executeAll (records, one record or undefined, or an include's records by entity) as answered records. */
export function answeredRecords(pattern: Pattern, result: unknown): AnsweredRecord[] {
  const one = (entity: string, value: unknown): AnsweredRecord[] =>
    value === undefined || value === null
      ? []
      : Array.isArray(value)
        ? value.map((record) => ({ entity, record: record as RecordValue }))
        : [{ entity, record: value as RecordValue }];
  if (pattern.include?.length && typeof result === 'object' && result !== null && !Array.isArray(result)) {
    return Object.entries(result as Record<string, unknown>).flatMap(([entity, value]) => one(entity, value));
  }
  return one(pattern.entity, result);
}

export async function verifyTable(options: VerifyTableOptions): Promise<VerifyTableResult> {
  const { doc, design, module, signal } = options;
  const started = performance.now();
  const rounds = Math.max(1, options.rounds ?? 3);
  const served = design.patterns.filter((p) => p.steps.length > 0).map((p) => p.pattern);
  let scanned = 0;
  let checked = 0;
  let round = 0;
  let table: ScannedTable | undefined;
  /** Every call still to check: all of them in the first round, then those that differed. */
  let calls: { pattern: string; params: PatternParams | undefined }[] = served.map((pattern) => ({ pattern, params: undefined }));
  let differences: PatternDifference[] = [];
  /** Found once and for all (no call to check again). */
  const missing: PatternDifference[] = [];
  while (round < rounds && calls.length > 0) {
    round++;
    scanned = 0;
    table = await scanRecords(options, (n) => {
      scanned += n;
      options.onProgress?.({ round, scanned, checked });
    });
    const next: typeof calls = [];
    differences = [];
    for (const call of calls) {
      signal?.throwIfAborted();
      const pattern = design.model.patterns.find((p) => p.name === call.pattern);
      const run = module.executeAll[call.pattern];
      if (!pattern || !run) {
        missing.push({ pattern: call.pattern, params: {}, problem: 'the module has no executeAll for this pattern' });
        continue;
      }
      for (const params of call.params ? [call.params] : paramSets(design, table.records, call.pattern, options.extraParamSets ?? 3)) {
        let problem: string | undefined;
        try {
          const result = await run(doc, structuredClone(params) as never);
          problem = answerProblem(design.model, table.records, call.pattern, params, answeredRecords(pattern, result));
        } catch (e) {
          problem = `the module threw: ${(e as Error).message}`;
        }
        if (round === 1) checked++;
        options.onProgress?.({ round, scanned, checked });
        if (problem !== undefined) {
          differences.push({ pattern: call.pattern, params, problem });
          next.push({ pattern: call.pattern, params });
        }
      }
    }
    calls = next;
  }
  const last = table as ScannedTable;
  differences = [...missing, ...differences];
  return {
    ok: differences.length === 0 && last.undecodable.length === 0,
    records: last.count,
    guards: last.guards,
    undecodable: last.undecodable,
    checked,
    differences,
    rounds: round,
    ms: performance.now() - started,
  };
}
