// A table's design: the tag createDesignTable gives it, and the check a migration
// makes before it touches a table (tag and structure; structure alone where the
// endpoint keeps no tags, as DynamoDB Local).
import { describe, expect, it } from 'vitest';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { DESIGN_TAG, designIdentity, designLayout, migrationPlan, tableDefinition } from '../../engine/index.ts';
import { createDesignTable } from '../createDesignTable.ts';
import type { Clients } from '../createClients.ts';
import { exampleModel } from '../../testing/exampleModels.ts';
import { testClients } from '../testing/testClients.ts';
import { testTables } from '../testing/testTables.ts';
import { designPair } from '../testing/migrationFixture.ts';
import { newCheckpoint } from './checkpoint.ts';
import { checkMigrationTable, readDesignTag, writeDesignTag } from './tableIdentity.ts';

const { tableName: newTable } = testTables();

const model = exampleModel('ecommerce');

/** The inputs of every CreateTable the client sends. */
function recordCreates(c: Clients): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  c.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'CreateTableCommand') seen.push(structuredClone(args.input as Record<string, unknown>));
      return next(args);
    },
    { step: 'initialize', name: 'recordCreates' },
  );
  return seen;
}

describe('the design tag', () => {
  it('createDesignTable tags the table with its design’s identity; DynamoDB Local keeps no tags and says so', async () => {
    const c = testClients();
    try {
      const creates = recordCreates(c);
      const name = newTable('tag');
      const { from } = designPair(model, [], name);
      const created = await createDesignTable({ client: c.client, design: from, tableName: name, pollMs: 50 });
      expect(created.status).toBe('created');
      expect(creates[0]?.['Tags']).toEqual([{ Key: DESIGN_TAG, Value: designIdentity(designLayout(from)) }]);
      const arn = created.status === 'created' ? (created.description.TableArn ?? '') : '';
      expect(await readDesignTag(c.client, arn)).toEqual({ supported: false, reason: 'Tagging is not currently supported in DynamoDB Local.' });
      expect(await writeDesignTag(c.client, arn, 'abc')).toBe(false);
    } finally {
      c.destroy();
    }
  });

  it('credentials that may not tag get the table untagged rather than no table', async () => {
    const c = testClients();
    try {
      const creates = recordCreates(c);
      c.client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'CreateTableCommand' && (args.input as { Tags?: unknown }).Tags) {
            throw Object.assign(new Error('User: arn:aws:iam::1:user/x is not authorized to perform: dynamodb:TagResource'), { name: 'AccessDeniedException' });
          }
          return next(args);
        },
        { step: 'initialize', name: 'refuseTags' },
      );
      const name = newTable('untagged');
      const { from } = designPair(model, [], name);
      expect((await createDesignTable({ client: c.client, design: from, tableName: name, pollMs: 50 })).status).toBe('created');
      expect(creates.map((x) => x['Tags'] !== undefined)).toEqual([true, false]);
    } finally {
      c.destroy();
    }
  });
});

describe('checkMigrationTable', () => {
  const name = 'Shop';
  const { from, to } = designPair(model, ['getUserWithOrders', 'getUserByUserId'], name);
  const plan = migrationPlan(from, to);
  /** A DescribeTable answer for a table made from a definition. */
  const described = (definition: ReturnType<typeof tableDefinition>): TableDescription => ({
    TableName: definition.TableName,
    KeySchema: definition.KeySchema,
    AttributeDefinitions: definition.AttributeDefinitions,
    GlobalSecondaryIndexes: (definition.GlobalSecondaryIndexes ?? []).map((g) => ({
      IndexName: g.IndexName,
      KeySchema: g.KeySchema,
      Projection: g.Projection,
      IndexStatus: 'ACTIVE',
    })),
  });
  const fromTable = described(tableDefinition(from, name));
  const toTable = described(tableDefinition(to, name));
  const tagged = (value: string | undefined) => ({ supported: true as const, value });

  it('accepts FROM’s table tagged FROM; refuses another tag, no tag, or another structure', () => {
    expect(checkMigrationTable({ description: fromTable, tag: tagged(plan.from), from, plan, tableName: name })).toEqual({
      refusals: [],
      checkedBy: 'tag',
      storedChecked: false,
    });
    expect(checkMigrationTable({ description: fromTable, tag: tagged('0123456789abcdef'), from, plan, tableName: name }).refusals).toEqual([
      `Table Shop is tagged ${DESIGN_TAG}=0123456789abcdef; the migration starts from design ${plan.from}.`,
    ]);
    expect(checkMigrationTable({ description: fromTable, tag: tagged(undefined), from, plan, tableName: name }).refusals.join(' ')).toMatch(
      /has no tag tablewright:design/,
    );
    const refused = checkMigrationTable({ description: toTable, tag: tagged(plan.from), from, plan, tableName: name });
    expect(refused.refusals.join(' ')).toMatch(/Index GSI3 .* is not part of the design the migration starts from/);
    expect(
      checkMigrationTable({
        description: { ...fromTable, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] },
        tag: tagged(plan.from),
        from,
        plan,
        tableName: name,
      }).refusals.join(' '),
    ).toMatch(/Table key is id \(HASH\)/);
  });

  it('on a resume, expects what the steps done left: a created index, one whose creation started or not; TO’s tag once every step is done', () => {
    const checkpoint = newCheckpoint(plan, { name });
    const create = plan.steps.findIndex((s) => s.kind === 'createIndex');
    expect(create).toBeGreaterThan(0);
    for (let i = 0; i < create; i++) (checkpoint.steps[i] as { state: string }).state = 'done';
    (checkpoint.steps[create] as { state: string }).state = 'started';
    for (const table of [fromTable, toTable])
      expect(checkMigrationTable({ description: table, tag: tagged(plan.from), from, plan, tableName: name, checkpoint }).refusals).toEqual([]);
    (checkpoint.steps[create] as { state: string }).state = 'done';
    expect(checkMigrationTable({ description: fromTable, tag: tagged(plan.from), from, plan, tableName: name, checkpoint }).refusals.join(' ')).toMatch(
      /Index GSI3 is missing/,
    );
    expect(checkMigrationTable({ description: toTable, tag: tagged(plan.to), from, plan, tableName: name, checkpoint }).refusals.join(' ')).toMatch(
      /tagged tablewright:design=/,
    );
    for (const s of checkpoint.steps) s.state = 'done';
    expect(checkMigrationTable({ description: toTable, tag: tagged(plan.to), from, plan, tableName: name, checkpoint }).refusals).toEqual([]);
  });

  it('where the endpoint keeps no tags, checks the structure alone and says so', () => {
    const check = checkMigrationTable({
      description: fromTable,
      tag: { supported: false, reason: 'Tagging is not currently supported in DynamoDB Local.' },
      from,
      plan,
      tableName: name,
    });
    expect(check.checkedBy).toBe('structure');
    expect(check.refusals).toEqual([]);
    expect(check.note).toMatch(/checked by its key schema and indexes alone/);
  });

  it('checks the design stored in the table where there is one, tags or not: another design, or a damaged one, is refused', () => {
    const local = { supported: false as const, reason: 'Tagging is not currently supported in DynamoDB Local.' };
    const same = checkMigrationTable({ description: fromTable, tag: local, from, plan, tableName: name, stored: { identity: plan.from } });
    expect(same).toMatchObject({ refusals: [], checkedBy: 'structure', storedChecked: true });
    expect(same.note).toMatch(/checked by the design stored in it, its key schema and indexes\.$/);
    expect(
      checkMigrationTable({ description: fromTable, tag: tagged(plan.from), from, plan, tableName: name, stored: { identity: 'ffffffffffffffff' } }).refusals,
    ).toEqual([`Table ${name} holds design ffffffffffffffff; the migration starts from design ${plan.from}.`]);
    expect(
      checkMigrationTable({
        description: fromTable,
        tag: local,
        from,
        plan,
        tableName: name,
        stored: { problem: 'The design stored in table T is damaged: x.' },
      }).refusals.join(' '),
    ).toMatch(/damaged: x\. Delete its design items/);
  });
});
