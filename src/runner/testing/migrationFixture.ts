// Test fixture for migrations on DynamoDB Local: a FROM design (a model less some
// patterns) and a TO design (the whole model derived against FROM as deployed), the
// FROM table created and loaded with sample records (and the guard items their
// creates write), each design's generated module loaded for that table.
import {
  deriveDesign,
  designLayout,
  generateModule,
  generateSampleRecords,
  migrationPlan,
  toItem,
  withGuardItems,
  type Design,
  type Item,
  type MigrationPlan,
  type Model,
  type RecordValue,
} from '../../engine/index.ts';
import type { Clients } from '../createClients.ts';
import { createDesignTable } from '../createDesignTable.ts';
import { loadItems } from '../loadItems.ts';
import { loadGeneratedModule } from '../migrate/generatedModule.ts';
import type { VerifiedModule } from '../migrate/verifyTable.ts';

/** What the tests call of a generated module: the verify's part and the writes. */
export interface MigrationModule extends VerifiedModule {
  toItem: (entity: string, record: unknown) => Record<string, unknown>;
  create: Record<string, (client: unknown, record: unknown) => Promise<unknown>>;
  update: Record<string, (client: unknown, key: unknown, changes: unknown) => Promise<unknown>>;
  remove: Record<string, (client: unknown, key: unknown) => Promise<unknown>>;
}

export interface MigrationFixture {
  from: Design;
  to: Design;
  plan: MigrationPlan;
  tableName: string;
  records: Map<string, RecordValue[]>;
  fromModule: MigrationModule;
  toModule: MigrationModule;
  dispose: () => void;
}

/** FROM and TO for a model: FROM without the named patterns; TO the whole model against FROM, deployed. */
export function designPair(model: Model, removed: readonly string[], tableName: string): { from: Design; to: Design } {
  const gone = new Set(removed);
  const from = deriveDesign({ ...model, patterns: model.patterns.filter((p) => !gone.has(p.name)) }, { tableName });
  const to = deriveDesign(model, { previous: designLayout(from), deployed: true, tableName });
  return { from, to };
}

export async function migrationFixture(options: {
  clients: Clients;
  model: Model;
  removed: readonly string[];
  tableName: string;
  seed: string;
  maxPerEntity?: number;
  dropUnused?: boolean;
}): Promise<MigrationFixture> {
  const { clients, model, removed, tableName, seed } = options;
  const { from, to } = designPair(model, removed, tableName);
  const plan = migrationPlan(from, to, { dropUnused: options.dropUnused === true });
  const created = await createDesignTable({ client: clients.client, design: from, tableName, pollMs: 50 });
  if (created.status !== 'created') throw new Error(`table ${tableName} exists`);
  const records = generateSampleRecords(from.model, { seed, maxPerEntity: options.maxPerEntity ?? 40 });
  const items: Item[] = [];
  for (const [entity, list] of records) for (const record of list) items.push(toItem(from, entity, record));
  const load = await loadItems({ client: clients.doc, tableName, items: withGuardItems(from, items).items });
  if (load.status !== 'done') throw new Error(`loading ${tableName}: ${load.status}`);
  const fromModule = await loadGeneratedModule<MigrationModule>(generateModule(from), 'from');
  const toModule = await loadGeneratedModule<MigrationModule>(generateModule(to), 'to');
  return {
    from,
    to,
    plan,
    tableName,
    records,
    fromModule: fromModule.module,
    toModule: toModule.module,
    dispose: () => {
      fromModule.dispose();
      toModule.dispose();
    },
  };
}
