// A design as a NoSQL Workbench data model in format 3.0 (what Workbench 3.x
// saves and opens; ../shared/workbench-models/INDEX.md): the table and its GSIs
// with their key attributes, one facet per entity whose key aliases are its
// table key templates (`USER#{email}`), and up to `maxItemsPerEntity` sample
// items per facet, made by toItem as the design stores them, so the design
// opens in Workbench's visualizer. The Description carries every template
// (designNote.ts), so importWorkbench reads the export back to the same layout.
// What a Workbench model has no place for (access patterns, relations,
// enumerations, a native GSI key) is reported, never left out silently.
import type { Diagnostic } from '../../model/diagnostics.ts';
import type { AttributeType, Model, RecordValue, Scalar } from '../../model/types.ts';
import { designLayout } from '../../design/designJson.ts';
import { toItem } from '../../design/items.ts';
import { keyTemplateText } from '../../design/templateText.ts';
import type { Design, Item } from '../../design/types.ts';
import { generateSampleRecords } from '../../samples/generateSampleRecords.ts';
import { designNote } from './designNote.ts';
import { DYNAMODB_SERVICE } from './readWorkbenchFile.ts';
import { workbenchDiagnostic } from './workbenchDiagnostic.ts';

/** The format version Workbench 3.x writes and opens. */
export const WORKBENCH_EXPORT_VERSION = '3.0';
/** Sample items per facet when not told. */
export const DEFAULT_WORKBENCH_ITEMS = 25;

export interface WorkbenchExportOptions {
  /** Sample records per entity (an import's samples, say); seeded sample records where an entity has none. */
  records?: ReadonlyMap<string, readonly RecordValue[]>;
  /** At most this many items per facet (default 25). */
  maxItemsPerEntity?: number;
  /** What Workbench shows as the model's dates (`May 18, 2023, 10:24 AM`): the engine reads no clock. Empty when not given. */
  date?: string;
  /** The model's author (Workbench shows it); empty when not given. */
  author?: string;
}

export interface WorkbenchExport {
  /** The model file: indented JSON, ending with a newline. */
  text: string;
  /** What the file cannot hold (warnings). */
  diagnostics: Diagnostic[];
}

type TypedValue = { S: string } | { N: string } | { BOOL: boolean };

export function exportWorkbench(design: Design, options: WorkbenchExportOptions = {}): WorkbenchExport {
  const { model } = design;
  const diagnostics: Diagnostic[] = [];
  const max = Math.max(0, Math.floor(options.maxItemsPerEntity ?? DEFAULT_WORKBENCH_ITEMS));
  const table = design.indexes.find((i) => i.kind === 'table');
  if (!table || table.keys === 'native') throw new Error('exportWorkbench: the design has no table key layout (a failed derivation)');

  // One declaration per attribute name across the table (Workbench keeps one type per name).
  const declared = new Map<string, string>();
  const declare = (name: string, type: string, entity?: string) => {
    const first = declared.get(name);
    if (first === undefined) declared.set(name, type);
    else if (first !== type) {
      diagnostics.push(
        workbenchDiagnostic(
          'interop.workbenchExport',
          `"${name}" is ${type} in ${entity ?? 'an entity'} and ${first} before: a Workbench model declares one type per attribute, so it is declared ${first}`,
          { subject: entity ? { entity } : {} },
        ),
      );
    }
  };
  const keyName = (i: (typeof design.indexes)[number], part: 'pk' | 'sk'): string | undefined => {
    if (i.keys !== 'native') return part === 'pk' ? i.pkAttribute : i.skAttribute;
    // A native key: Workbench holds one attribute a part; the entity attribute leads a native partition key.
    const list = part === 'pk' ? i.pk.filter((a) => a.name !== design.entityAttribute) : i.sk;
    return (list[0] ?? (part === 'pk' ? i.pk[0] : undefined))?.name;
  };
  const gsis = design.indexes.filter((i) => i.kind === 'gsi');
  for (const g of gsis) {
    if (g.keys !== 'native') {
      declare(g.pkAttribute, 'S');
      declare(g.skAttribute, 'S');
      continue;
    }
    diagnostics.push(
      workbenchDiagnostic(
        'interop.workbenchExport',
        `${g.name} has a native key (${g.pk.map((a) => a.name).join(' + ')} / ${g.sk.map((a) => a.name).join(' + ') || 'no sort key'}): a Workbench model holds one partition and one sort key attribute per GSI, so it shows ${keyName(g, 'pk') ?? '?'} / ${keyName(g, 'sk') ?? 'no sort key'}`,
        { subject: { index: g.name } },
      ),
    );
  }
  declare(design.entityAttribute, 'S');
  for (const e of model.entities) for (const a of e.attributes) declare(a.name, typeCode(a.type), e.name);

  const samples = sampleRecords(model, options.records, max);
  const facets = design.entities.map((e) => {
    const entity = model.entities.find((x) => x.name === e.entity);
    const tableTemplate = e.keys.table;
    const inGsis = gsis.filter((g) => Object.hasOwn(e.keys, g.name));
    const attributes = [
      ...(entity?.attributes.map((a) => a.name) ?? []),
      ...inGsis.flatMap((g) => (g.keys === 'native' ? [] : [g.pkAttribute, g.skAttribute])),
      design.entityAttribute,
    ];
    const items: Item[] = [];
    for (const record of samples.get(e.entity) ?? []) {
      if (items.length >= max) break;
      try {
        items.push(toItem(design, e.entity, record));
      } catch {
        // A record the design cannot store (it lacks a table key attribute) is no sample of it.
      }
    }
    return {
      FacetName: e.entity,
      KeyAttributeAlias: {
        PartitionKeyAlias: tableTemplate ? keyTemplateText(tableTemplate.pk) : table.pkAttribute,
        SortKeyAlias: tableTemplate ? keyTemplateText(tableTemplate.sk) : table.skAttribute,
      },
      TableData: items.map((item) => typedItem(item, model, e.entity)),
      NonKeyAttributes: [...new Set(attributes)],
      DataAccess: { MySql: {} },
    };
  });

  const billing = model.table?.billing === 'provisioned' ? 'PROVISIONED' : 'PAY_PER_REQUEST';
  const file = {
    ModelName: model.name,
    ModelMetadata: {
      Author: options.author ?? '',
      DateCreated: options.date ?? '',
      DateLastModified: options.date ?? '',
      Description: [model.source ?? '', designNote(model, designLayout(design))].filter((s) => s !== '').join('\n\n'),
      AWSService: DYNAMODB_SERVICE,
      Version: WORKBENCH_EXPORT_VERSION,
    },
    DataModel: [
      {
        TableName: design.tableName,
        KeyAttributes: {
          PartitionKey: { AttributeName: table.pkAttribute, AttributeType: 'S' },
          SortKey: { AttributeName: table.skAttribute, AttributeType: 'S' },
        },
        NonKeyAttributes: [...declared].map(([name, type]) => ({ AttributeName: name, AttributeType: type })),
        TableFacets: facets,
        GlobalSecondaryIndexes: gsis.map((g) => {
          const pk = keyName(g, 'pk') ?? design.entityAttribute;
          const sk = keyName(g, 'sk');
          const typeOf = (name: string) => (g.keys === 'native' ? ([...g.pk, ...g.sk].find((a) => a.name === name)?.type ?? 'S') : 'S');
          return {
            IndexName: g.name,
            KeyAttributes: {
              PartitionKey: { AttributeName: pk, AttributeType: typeOf(pk) },
              ...(sk !== undefined ? { SortKey: { AttributeName: sk, AttributeType: typeOf(sk) } } : {}),
            },
            Projection: { ProjectionType: 'ALL' },
          };
        }),
        DataAccess: { MySql: {} },
        BillingMode: billing,
        ...(billing === 'PROVISIONED'
          ? {
              ProvisionedCapacitySettings: {
                ProvisionedThroughput: { ReadCapacityUnits: model.table?.read ?? 5, WriteCapacityUnits: model.table?.write ?? 5 },
              },
            }
          : {}),
      },
    ],
  };
  const left = leftOut(model);
  if (left.length > 0)
    diagnostics.push(
      workbenchDiagnostic('interop.workbenchExport', `a Workbench model has no place for ${left.join('; ')}: they are not in the file`, { subject: {} }),
    );
  return { text: `${JSON.stringify(file, null, 2)}\n`, diagnostics };
}

function typeCode(type: AttributeType): string {
  return type === 'number' ? 'N' : type === 'boolean' ? 'BOOL' : 'S';
}

function typedValue(value: Scalar): TypedValue {
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  return { S: value };
}

/** An item in DynamoDB JSON, its attributes in the entity's order, then the key attributes and the entity attribute. */
function typedItem(item: Item, model: Model, entity: string): Record<string, TypedValue> {
  const order = model.entities.find((e) => e.name === entity)?.attributes.map((a) => a.name) ?? [];
  const names = [...Object.keys(item).filter((k) => !order.includes(k)), ...order.filter((k) => Object.hasOwn(item, k))];
  const out: Record<string, TypedValue> = {};
  for (const name of names) {
    const value = item[name];
    if (value !== undefined) Object.defineProperty(out, name, { value: typedValue(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The records to show per entity: the given ones, else seeded sample records (no clock, no Math.random). */
function sampleRecords(model: Model, given: ReadonlyMap<string, readonly RecordValue[]> | undefined, max: number): Map<string, readonly RecordValue[]> {
  const missing = model.entities.filter((e) => !given?.get(e.name)?.length);
  const out = new Map<string, readonly RecordValue[]>(given ?? []);
  if (missing.length > 0 && max > 0) {
    const generated = generateSampleRecords(model, { seed: 'workbench', maxPerEntity: max });
    for (const e of missing) out.set(e.name, generated.get(e.name) ?? []);
  }
  return out;
}

/** What the model holds that a Workbench model has no field for. */
function leftOut(model: Model): string[] {
  const out: string[] = [];
  if (model.patterns.length > 0) out.push(`the ${String(model.patterns.length)} access pattern${model.patterns.length === 1 ? '' : 's'}`);
  const relations = model.entities.filter((e) => e.belongsTo.length > 0).map((e) => e.name);
  if (relations.length > 0) out.push(`the relations (belongsTo) of ${relations.join(', ')}`);
  const enums = model.entities.flatMap((e) => e.attributes.filter((a) => a.values !== undefined).map((a) => `${e.name}.${a.name}`));
  if (enums.length > 0) out.push(`the enumerated values of ${enums.join(', ')}`);
  const extras = model.entities.flatMap((e) => [
    ...(e.unique?.length ? [`${e.name}'s unique sets`] : []),
    ...(e.version !== undefined ? [`${e.name}'s version attribute`] : []),
    ...(e.ttl !== undefined ? [`${e.name}'s time to live`] : []),
    ...(e.count !== undefined || e.writes !== undefined || e.itemBytes !== undefined ? [`${e.name}'s counts and rates`] : []),
  ]);
  out.push(...extras);
  const t = model.table;
  if (t?.stream !== undefined || t?.pitr !== undefined || t?.deletionProtection !== undefined || t?.tableClass !== undefined)
    out.push("the table's stream, recovery, protection and class settings");
  return out;
}
