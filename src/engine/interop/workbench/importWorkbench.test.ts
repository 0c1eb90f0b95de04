import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  deriveDesign,
  designLayout,
  keyTemplateText,
  layoutDocument,
  parseModelText,
  parseProblemJson,
  printModelText,
  problemToJson,
  toItem,
} from '../../index.ts';
import type { Diagnostic } from '../../model/diagnostics.ts';
import { importWorkbench, type WorkbenchImport, type WorkbenchImported } from './importWorkbench.ts';
import { WORKBENCH_DIAGNOSTIC_CODES } from './workbenchDiagnostic.ts';

const CORPUS = fileURLToPath(new URL('../../../../../shared/workbench-models/', import.meta.url));
const corpusFile = (name: string) => readFileSync(`${CORPUS}${name}.json`, 'utf8');

interface Imported {
  version: string | undefined;
  table: string;
  entities: number;
  gsis: number;
  patterns: number;
  /** Sample records kept from the file's items. */
  records: number;
}

/**
 * Every file of ../shared/workbench-models (INDEX.md describes them) and what importing it gives: the table
 * imported, how many entities, GSIs, proposed patterns and sample records. None is refused: the malformed ones
 * (untyped JSON in a map, `{"S": null}`, an empty item, a sort key that does not fit its facet) import with
 * what could not be mapped reported at its place.
 */
const CORPUS_OUTCOMES: [string, Imported][] = [
  ['aaron-roy-veg-test--manifesto-demo', { version: '3.0', table: 'manifesto', entities: 8, gsis: 2, patterns: 29, records: 12 }],
  ['aws-dynamodb-examples--ChatSystem', { version: '3.0', table: 'Chat', entities: 2, gsis: 1, patterns: 4, records: 8 }],
  ['aws-dynamodb-examples--ComplaintManagement', { version: '3.0', table: 'Complaint_management_system', entities: 2, gsis: 3, patterns: 7, records: 9 }],
  ['aws-dynamodb-examples--ConnectedVehicles', { version: '3.0', table: 'Connected_Vehicle', entities: 2, gsis: 0, patterns: 4, records: 7 }],
  ['aws-dynamodb-examples--GamePlayerProfiles', { version: '3.0', table: 'game-player-profiles', entities: 6, gsis: 0, patterns: 12, records: 13 }],
  ['aws-dynamodb-examples--RecurringPayments', { version: '3.0', table: 'ReoccuringPayments', entities: 2, gsis: 2, patterns: 6, records: 2 }],
  ['aws-dynamodb-examples--SessionManagement', { version: '3.0', table: 'session_store', entities: 2, gsis: 1, patterns: 6, records: 6 }],
  ['aws-dynamodb-examples--SocialNetwork', { version: '3.0', table: 'SNS', entities: 7, gsis: 0, patterns: 14, records: 17 }],
  ['ddb-chat-sample--amazon_dynamodb_chat_sample', { version: undefined, table: 'chat', entities: 1, gsis: 1, patterns: 3, records: 2 }],
  ['ddb-design-patterns--AnOnlineShop_1', { version: '1.0', table: 'OnlineShop', entities: 1, gsis: 0, patterns: 2, records: 0 }],
  ['ddb-design-patterns--AnOnlineShop_14', { version: '1.0', table: 'OnlineShop', entities: 9, gsis: 2, patterns: 24, records: 19 }],
  ['ddb-design-patterns--AnOnlineShop_9', { version: '1.0', table: 'OnlineShop', entities: 8, gsis: 0, patterns: 14, records: 16 }],
  ['ddb-design-patterns--AnOnlineShop_facets', { version: '1.0', table: 'OnlineShop', entities: 9, gsis: 2, patterns: 25, records: 20 }],
  ['ddb-design-patterns--DeviceStateLog_1', { version: '1.0', table: 'DeviceStateLog', entities: 1, gsis: 0, patterns: 2, records: 11 }],
  ['ddb-design-patterns--DeviceStateLog_3', { version: '1.0', table: 'DeviceStateLog', entities: 1, gsis: 0, patterns: 2, records: 11 }],
  ['ddb-design-patterns--DeviceStateLog_7', { version: '1.0', table: 'DeviceStateLog', entities: 1, gsis: 2, patterns: 4, records: 11 }],
  ['ddb-labs--BankModel-2020-01-unversioned', { version: undefined, table: 'PaymentScheduler', entities: 1, gsis: 1, patterns: 3, records: 4 }],
  ['ddb-labs--BankModel', { version: '2.0', table: 'PaymentScheduler', entities: 1, gsis: 1, patterns: 3, records: 4 }],
  ['ddb-labs--CartModel-2020-01-preview', { version: undefined, table: 'CartTable', entities: 1, gsis: 2, patterns: 4, records: 5 }],
  ['ddb-labs--CartModel-2020-02-unversioned', { version: undefined, table: 'CartTable', entities: 1, gsis: 1, patterns: 3, records: 5 }],
  ['ddb-labs--CartModel', { version: '2.0', table: 'CartTable', entities: 1, gsis: 1, patterns: 3, records: 5 }],
  ['ddb-labs--visualizer-ACL', { version: '2.0', table: 'data', entities: 4, gsis: 1, patterns: 7, records: 5 }],
  ['ddb-labs--visualizer-FlightsFares', { version: '2.0', table: 'data', entities: 4, gsis: 2, patterns: 12, records: 22 }],
  ['ddb-labs--visualizer-Hospital', { version: '2.0', table: 'data', entities: 8, gsis: 4, patterns: 24, records: 8 }],
  ['ddb-labs--visualizer-PhoneBilling', { version: '2.0', table: 'data', entities: 5, gsis: 1, patterns: 14, records: 7 }],
  ['ddb-labs--visualizer-img-Hospital', { version: '2.0', table: 'data', entities: 8, gsis: 4, patterns: 24, records: 8 }],
  ['ddb-reports-denormalization--reports_final', { version: '3.0', table: 'report_data_exploration', entities: 1, gsis: 3, patterns: 4, records: 20 }],
  ['ddb-reports-denormalization--reports_first_table', { version: '3.0', table: 'report_data_exploration', entities: 1, gsis: 0, patterns: 1, records: 20 }],
  ['deepikasidda-data-modeling--nosql-workbench-model', { version: '3.0', table: 'WaitingRoom', entities: 5, gsis: 1, patterns: 10, records: 9 }],
  ['dicomizer--nosql-workbench', { version: '3.0', table: 'dicomizer', entities: 2, gsis: 0, patterns: 4, records: 4 }],
  ['dynamodb-companies--Companies', { version: '2.0', table: 'companies', entities: 4, gsis: 4, patterns: 21, records: 8 }],
  ['fair-seat-purchase--fair-seat-purchase', { version: '3.0', table: 'FairSeatPurchase', entities: 2, gsis: 2, patterns: 6, records: 17 }],
  ['fluidattacks-universe--fi_async_processing-design', { version: '3.0', table: 'fi_async_processing', entities: 1, gsis: 0, patterns: 2, records: 0 }],
  ['holonym-id-server--dynamodb-model', { version: '3.0', table: 'phone-numbers', entities: 1, gsis: 0, patterns: 1, records: 0 }],
  ['itp-dynamodb-modelling-example--ProductCatalog', { version: '3.0', table: 'ProductCatalog', entities: 3, gsis: 2, patterns: 7, records: 9 }],
  ['meetinger--Meetinger', { version: '2.0', table: 'Main', entities: 3, gsis: 2, patterns: 9, records: 5 }],
  ['my-aws-remix-app--data-model', { version: '3.0', table: 'campaign_processing', entities: 10, gsis: 2, patterns: 30, records: 10 }],
  ['nosql-workbench-construct--discussion-forum', { version: undefined, table: 'Forum', entities: 1, gsis: 0, patterns: 1, records: 8 }],
];

function imported(result: WorkbenchImport): WorkbenchImported {
  if (!result.ok) throw new Error(`refused: ${result.diagnostics.map((d) => `${d.path ?? ''} ${d.message}`).join('; ')}`);
  return result;
}

function refusal(result: WorkbenchImport): Diagnostic {
  expect(result.ok).toBe(false);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (!error) throw new Error('refused without an error');
  return error;
}

describe('importWorkbench on the corpus of real Workbench files', () => {
  it('lists every file of the corpus', () => {
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    expect(CORPUS_OUTCOMES.map(([name]) => name).sort()).toEqual(files);
  });

  describe.each(CORPUS_OUTCOMES)('%s', (name, expected) => {
    const result = imported(importWorkbench(corpusFile(name)));

    it('imports with the expected entities, GSIs, proposed patterns and sample records', () => {
      expect({
        version: result.version,
        table: result.table,
        entities: result.model.entities.length,
        gsis: result.layout.indexes.length - 1,
        patterns: result.model.patterns.length,
        records: result.samples.reduce((n, s) => n + s.records.length, 0),
      }).toEqual(expected);
    });

    it('reports what it could not map as warnings with a Workbench code, a JSON path and a line and column', () => {
      for (const d of result.diagnostics) {
        expect(d.severity).toBe('warning');
        expect(WORKBENCH_DIAGNOSTIC_CODES).toContain(d.code);
        expect(d.path, d.message).toMatch(/^(DataModel|ModelMetadata|ModelName|ModelSchema)/);
        expect(d.span, d.message).toBeDefined();
      }
    });

    it('writes a model that loads as problem JSON and as text, and a design that derivation keeps', () => {
      const json = parseProblemJson(problemToJson(result.model));
      expect(json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const text = parseModelText(printModelText(result.model));
      expect(text.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const design = deriveDesign(result.model, { previous: result.layout });
      expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(design.changes).toEqual([]);
      expect(layoutDocument(designLayout(design), '')).toEqual(layoutDocument(result.layout, ''));
      for (const s of result.samples) for (const record of s.records) expect(() => toItem(design, s.entity, record)).not.toThrow();
    });
  });
});

/** A one-table Workbench 3.0 model around the given table fields. */
function workbench(table: Record<string, unknown>, metadata: Record<string, unknown> = { Version: '3.0', AWSService: 'Amazon DynamoDB' }): string {
  return JSON.stringify(
    {
      ModelName: 'Shop',
      ModelMetadata: { Author: '', DateCreated: '', DateLastModified: '', Description: '', ...metadata },
      DataModel: [{ TableName: 'Shop', ...table }],
    },
    null,
    2,
  );
}
const S = (value: string) => ({ S: value });
const keys = { PartitionKey: { AttributeName: 'PK', AttributeType: 'S' }, SortKey: { AttributeName: 'SK', AttributeType: 'S' } };

describe('importWorkbench refuses what is no Workbench model, with the reason at its place', () => {
  it('refuses text that is not JSON, at the line and column', () => {
    const d = refusal(importWorkbench('{\n  "ModelName": "Shop",\n  "DataModel": [\n'));
    expect(d.code).toBe('interop.workbenchJson');
    expect(d.span?.line).toBe(4);
  });

  it('refuses an empty file and a document that is not an object', () => {
    expect(refusal(importWorkbench('  ')).code).toBe('interop.workbenchJson');
    expect(refusal(importWorkbench('[1, 2]'))).toMatchObject({ code: 'interop.workbenchShape', path: '' });
  });

  it('refuses a file without DataModel, and says so when it is a Tablewright problem', () => {
    const d = refusal(importWorkbench('{"format": "ddb-design-problem/1", "name": "x", "entities": [], "patterns": []}'));
    expect(d).toMatchObject({ code: 'interop.workbenchShape', path: '' });
    expect(d.message).toContain('Tablewright problem');
  });

  it('refuses a model with no table', () => {
    expect(refusal(importWorkbench('{"ModelName": "x", "DataModel": []}'))).toMatchObject({ code: 'interop.workbenchNoTable', path: 'DataModel' });
  });

  it('refuses a format version it does not know, at the version', () => {
    const d = refusal(importWorkbench(workbench({ KeyAttributes: keys }, { Version: '4.0' })));
    expect(d).toMatchObject({ code: 'interop.workbenchVersion', path: 'ModelMetadata.Version' });
    expect(d.span).toMatchObject({ line: 8 });
  });

  it('refuses an Amazon Keyspaces model', () => {
    expect(refusal(importWorkbench(workbench({ KeyAttributes: keys }, { Version: '3.0', AWSService: 'Amazon Keyspaces' })))).toMatchObject({
      code: 'interop.workbenchService',
      path: 'ModelMetadata.AWSService',
    });
  });

  it('refuses a table without a key, at the table', () => {
    const d = refusal(importWorkbench(workbench({})));
    expect(d).toMatchObject({ code: 'interop.workbenchShape', path: 'DataModel[0].KeyAttributes' });
    expect(d.span).toBeDefined();
  });

  it('refuses a table name the model does not have, naming the ones it has', () => {
    const d = refusal(importWorkbench(workbench({ KeyAttributes: keys }), { table: 'Orders' }));
    expect(d.code).toBe('interop.workbenchNoTable');
    expect(d.message).toContain('"Shop"');
  });
});

describe('importWorkbench maps keys, facets and items', () => {
  const users = workbench({
    KeyAttributes: keys,
    NonKeyAttributes: [
      { AttributeName: 'email', AttributeType: 'S' },
      { AttributeName: 'visits', AttributeType: 'N' },
      { AttributeName: 'GSI1PK', AttributeType: 'S' },
      { AttributeName: 'GSI1SK', AttributeType: 'S' },
      { AttributeName: 'tags', AttributeType: 'SS' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'GSI1',
        KeyAttributes: { PartitionKey: { AttributeName: 'GSI1PK', AttributeType: 'S' }, SortKey: { AttributeName: 'GSI1SK', AttributeType: 'S' } },
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    TableData: [
      { PK: S('USER#123'), SK: S('PROFILE'), email: S('a@x.io'), visits: { N: '4' }, GSI1PK: S('EMAIL#a@x.io'), GSI1SK: S('USER#123'), tags: { SS: ['a'] } },
      { PK: S('USER#456'), SK: S('PROFILE'), email: S('b@x.io'), visits: { N: '7' }, GSI1PK: S('EMAIL#b@x.io'), GSI1SK: S('USER#456') },
      { PK: S('USER#123'), SK: S('ORDER#2024-05-01#o1') },
      { PK: S('USER#456'), SK: S('ORDER#2024-05-03#o2') },
    ],
  });

  it('recognises USER#{userId} from USER#123 and USER#456, and matches components to the items own attributes', () => {
    const result = imported(importWorkbench(users));
    const profile = result.layout.entities.find((e) => e.entity === 'UserProfile');
    expect(profile && keyTemplateText(profile.keys.table?.pk ?? [])).toBe('USER#{userId}');
    expect(profile && keyTemplateText(profile.keys.GSI1?.pk ?? [])).toBe('EMAIL#{email}');
    const model = result.model.entities.find((e) => e.name === 'UserProfile');
    expect(model?.key).toEqual(['userId']);
    expect(model?.attributes.map((a) => `${a.name}:${a.type}`)).toEqual(['userId:string', 'email:string', 'visits:number']);
    expect(result.samples.find((s) => s.entity === 'UserProfile')?.records).toEqual([
      { userId: '123', email: 'a@x.io', visits: 4 },
      { userId: '456', email: 'b@x.io', visits: 7 },
    ]);
  });

  it('tells entities apart by the words of their keys, and types a component that is always a date', () => {
    const result = imported(importWorkbench(users));
    const order = result.layout.entities.find((e) => e.entity === 'UserOrder');
    expect(order && keyTemplateText(order.keys.table?.sk ?? [])).toBe('ORDER#{orderId}#{sk3}');
    expect(result.model.entities.find((e) => e.name === 'UserOrder')?.attributes.find((a) => a.name === 'orderId')?.type).toBe('date');
  });

  it('reports an attribute it cannot hold at its declaration', () => {
    const result = imported(importWorkbench(users));
    expect(result.diagnostics.find((d) => d.code === 'interop.workbenchDocument')).toMatchObject({ path: 'DataModel[0].NonKeyAttributes[4]' });
  });

  it('proposes a read per key, per GSI and per item collection, each served by its own index', () => {
    const result = imported(importWorkbench(users));
    const design = deriveDesign(result.model, { previous: result.layout });
    const index = (p: string) => design.patterns.find((x) => x.pattern === p)?.steps[0]?.index;
    expect(result.proposed).toEqual(['getUserProfileWithUserOrder', 'getUserProfile', 'listUserProfileByEmail', 'getUserOrder', 'listUserOrderByUserId']);
    expect(index('getUserProfile')).toBe('table');
    expect(index('listUserProfileByEmail')).toBe('GSI1');
    // The orders share their user's partition (USER#{userId}): they belong to the user, read with it in one Query.
    expect(result.model.entities.find((e) => e.name === 'UserOrder')?.belongsTo).toEqual([{ entity: 'UserProfile', via: ['userId'] }]);
    expect(design.patterns.find((p) => p.pattern === 'getUserProfileWithUserOrder')?.steps).toHaveLength(1);
    expect(result.model.patterns.every((p) => p.text?.startsWith('Proposed'))).toBe(true);
  });

  it('reads names from facet aliases (ITEMS#ItemID) and keeps each facet as an entity', () => {
    const result = imported(
      importWorkbench(
        workbench({
          KeyAttributes: keys,
          NonKeyAttributes: [{ AttributeName: 'ItemName', AttributeType: 'S' }],
          TableFacets: [
            {
              FacetName: 'items',
              KeyAttributeAlias: { PartitionKeyAlias: 'PlayerID', SortKeyAlias: 'ITEMS#ItemID' },
              NonKeyAttributes: ['ItemName'],
              TableData: [{ PK: S('p1'), SK: S('ITEMS#001'), ItemName: S('Sword') }],
            },
          ],
        }),
      ),
    );
    const items = result.layout.entities[0];
    expect(result.model.entities[0]?.name).toBe('Items');
    expect(items && `${keyTemplateText(items.keys.table?.pk ?? [])} / ${keyTemplateText(items.keys.table?.sk ?? [])}`).toBe('{playerId} / ITEMS#{itemId}');
    expect(result.diagnostics.find((d) => d.code === 'interop.workbenchRenamed')).toMatchObject({ path: 'DataModel[0].TableFacets[0].FacetName' });
  });

  it('starts a sort key made of a value with the label, and gives a table without a sort key one, saying so', () => {
    const result = imported(
      importWorkbench(
        workbench({
          KeyAttributes: { PartitionKey: { AttributeName: 'DeviceID', AttributeType: 'S' } },
          TableData: [{ DeviceID: S('d#1') }, { DeviceID: S('d#2') }],
        }),
      ),
    );
    expect(result.layout.indexes[0]).toMatchObject({ pkAttribute: 'DeviceID', skAttribute: 'SK' });
    expect(result.diagnostics.map((d) => d.code)).toContain('interop.workbenchIndex');
    expect(keyTemplateText(result.layout.entities[0]?.keys.table?.sk ?? [])).toBe('D');
  });

  it('gives an inverted GSI key attributes of its own, holding the table key', () => {
    const result = imported(
      importWorkbench(
        workbench({
          KeyAttributes: keys,
          GlobalSecondaryIndexes: [
            {
              IndexName: 'Inverse',
              KeyAttributes: { PartitionKey: { AttributeName: 'SK', AttributeType: 'S' }, SortKey: { AttributeName: 'PK', AttributeType: 'S' } },
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          ],
          TableData: [
            { PK: S('ORDER#1'), SK: S('ITEM#a') },
            { PK: S('ORDER#2'), SK: S('ITEM#b') },
          ],
        }),
      ),
    );
    expect(result.layout.indexes[1]).toMatchObject({ name: 'Inverse', pkAttribute: 'InversePK', skAttribute: 'InverseSK' });
    const t = result.layout.entities[0]?.keys.Inverse;
    expect(t && `${keyTemplateText(t.pk)} / ${keyTemplateText(t.sk)}`).toBe('ITEM#{itemId} / ORDER#{orderId}');
    const codes = result.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`);
    expect(codes).toContain('interop.workbenchRenamed DataModel[0].GlobalSecondaryIndexes[0].KeyAttributes.PartitionKey');
    expect(codes).toContain('interop.workbenchIndex DataModel[0].GlobalSecondaryIndexes[0].Projection');
  });

  it('reports every item key the template makes otherwise than the file, at the item', () => {
    const result = imported(
      importWorkbench(
        workbench({
          KeyAttributes: keys,
          TableData: [
            { PK: S('A#1'), SK: S('2024-01-01') },
            { PK: S('A#2'), SK: S('2024-01-02') },
          ],
        }),
      ),
    );
    const d = result.diagnostics.find((x) => x.code === 'interop.workbenchKey' && x.path === 'DataModel[0].TableData[0].SK');
    expect(d?.message).toContain('"2024-01-01" becomes "A#2024-01-01"');
  });

  it('imports another table of a model with several when asked, and reports the others', () => {
    const text = corpusFile('ddb-labs--BankModel');
    const result = imported(importWorkbench(text, { table: 'TransactionHistory' }));
    expect(result.table).toBe('TransactionHistory');
    expect(result.diagnostics.find((d) => d.code === 'interop.workbenchOtherTable')).toMatchObject({ path: 'DataModel[0]' });
  });
});
