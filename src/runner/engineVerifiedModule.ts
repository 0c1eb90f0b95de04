// What a migration's verify step reads the table through where no generated module can be
// imported (the browser's Run panel): the engine's own requests for each pattern (runPattern:
// buildRequest under the table's name, every page; one page for a pattern's limit, its first N
// records), a sharded step's answers merged as the in-memory answer merges them (mergeAnswers),
// and each item decoded by the engine's fromItem (a guard item, `$id#…`/`$unique#…`, holds no
// record). The answer has the shape of the generated module's executeAll, which verifyTable's
// answeredRecords reads: the records of the pattern's entity (the first one, or undefined, for
// `returns one`), or for an include pattern the records of each entity it reads, by name.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromItem, isDesignMetadataKey, isGuardKey, mergeAnswers, type Design, type Item, type PatternParams, type RecordValue } from '../engine/index.ts';
import type { VerifiedModule } from './migrate/verifyTable.ts';
import { runPattern } from './runPattern.ts';

export function engineVerifiedModule(design: Design, tableName: string): VerifiedModule {
  const table = design.indexes.find((i) => i.kind === 'table');
  const pk = table !== undefined && table.keys !== 'native' ? table.pkAttribute : undefined;
  const decode = (item: Record<string, unknown>) =>
    pk !== undefined && (isGuardKey(item[pk]) || isDesignMetadataKey(item[pk])) ? undefined : fromItem(design, item as Item);

  const executeAll: VerifiedModule['executeAll'] = {};
  for (const pattern of design.model.patterns) {
    executeAll[pattern.name] = async (client: DynamoDBDocumentClient, params: never) => {
      const run = await runPattern({ client, design, tableName, patternName: pattern.name, params: params as PatternParams });
      const items = mergeAnswers(
        design,
        run.requests.map((r) => r.request),
        run.requests.map((r) => r.items),
      );
      const records: { entity: string; record: RecordValue }[] = [];
      for (const item of items) {
        const decoded = decode(item);
        if (decoded) records.push(decoded);
      }
      const of = (entity: string) => records.filter((r) => r.entity === entity).map((r) => r.record);
      if (pattern.include?.length) return Object.fromEntries([pattern.entity, ...pattern.include].map((entity) => [entity, of(entity)]));
      const own = of(pattern.entity);
      return pattern.returns === 'one' ? own[0] : own;
    };
  }
  return { fromItem: decode, executeAll };
}
