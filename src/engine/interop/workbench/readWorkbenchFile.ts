// Reads a NoSQL Workbench data model (every format version: none, 1.0, 2.0, 3.0;
// ../shared/workbench-models/INDEX.md describes them) into located parts: the
// tables with their keys, declared attributes, GSIs, facets and sample items,
// each with its JSON path and line/column. Nothing is interpreted yet (that is
// importWorkbench's work). Fields that no version defines are reported and
// skipped; a file that is no Workbench model is refused with the reason at its place.
import type { Diagnostic, SourceMap, Span } from '../../model/diagnostics.ts';
import { joinPath } from '../../model/jsonPath.ts';
import { quoteName } from '../../model/modelDiagnostic.ts';
import { describeJsonNode, parseJson, type JsonNode, type JsonObjectNode } from '../../model/parseJson.ts';
import { spanLocator } from '../../model/spanLocator.ts';
import { workbenchDiagnostic, type WorkbenchDiagnosticCode } from './workbenchDiagnostic.ts';

/** The versions this reader knows: `undefined` is a file without one (Workbench previews, 2019–2020). */
export const WORKBENCH_VERSIONS = ['1.0', '2.0', '3.0'] as const;
export const DYNAMODB_SERVICE = 'Amazon DynamoDB';

export interface WorkbenchAttribute {
  name: string;
  /** The DynamoDB type code as written (S, N, B, BOOL, M, L, SS, NS, BS, NULL). */
  type: string;
  path: string;
  span: Span;
}

export interface WorkbenchIndex {
  name: string;
  path: string;
  span: Span;
  pk: WorkbenchAttribute;
  sk?: WorkbenchAttribute;
  /** ALL, KEYS_ONLY or INCLUDE (ALL when absent). */
  projection: string;
  projectionPath: string;
}

/** One sample item: attribute name → its typed value (DynamoDB JSON), as written. */
export interface WorkbenchItem {
  path: string;
  span: Span;
  values: Map<string, { node: JsonNode; path: string }>;
  /** The facet it was listed under (its index in the table's facets), if any. */
  facet?: number;
}

export interface WorkbenchFacet {
  name: string;
  path: string;
  span: Span;
  pkAlias?: string;
  skAlias?: string;
  aliasPath: string;
  /** Names of its non-key attributes (declared at table level). */
  attributes: string[];
  items: WorkbenchItem[];
}

export interface WorkbenchTable {
  name: string;
  path: string;
  span: Span;
  pk: WorkbenchAttribute;
  sk?: WorkbenchAttribute;
  /** Declared non-key attributes, first declaration of each name. */
  attributes: WorkbenchAttribute[];
  indexes: WorkbenchIndex[];
  facets: WorkbenchFacet[];
  /** Table-level items, then every facet's (Workbench keeps a facet's items in the facet). */
  items: WorkbenchItem[];
  billing?: { mode: string; path: string; read?: number; write?: number };
  /** `TimeToLiveAttribute` (hand-written 3.0 files). */
  ttl?: { name: string; path: string };
  /** Structural errors that refuse this table. */
  errors: Diagnostic[];
}

export interface WorkbenchFile {
  modelName: string;
  version: string | undefined;
  author?: string;
  description?: string;
  tables: WorkbenchTable[];
}

export interface WorkbenchRead {
  /** The file, unless it is refused (then an error says why, at its place). */
  file?: WorkbenchFile;
  diagnostics: Diagnostic[];
  /** JSON path → span of every value of the file (empty when it is not JSON). */
  sourceMap: SourceMap;
}

const TOP_FIELDS = ['ModelName', 'ModelMetadata', 'DataModel'];
const METADATA_FIELDS = ['Author', 'DateCreated', 'DateLastModified', 'Description', 'AWSService', 'Version'];
const TABLE_FIELDS = [
  'TableName',
  'KeyAttributes',
  'NonKeyAttributes',
  'GlobalSecondaryIndexes',
  'TableFacets',
  'TableData',
  'DataAccess',
  'BillingMode',
  'ProvisionedCapacitySettings',
  'TimeToLiveAttribute',
  'LocalSecondaryIndexes',
  'TableViews',
];
const KEY_FIELDS = ['PartitionKey', 'SortKey'];
const ATTRIBUTE_FIELDS = ['AttributeName', 'AttributeType', 'Id'];
const INDEX_FIELDS = ['IndexName', 'KeyAttributes', 'Projection'];
const PROJECTION_FIELDS = ['ProjectionType', 'NonKeyAttributes'];
const FACET_FIELDS = ['FacetName', 'KeyAttributeAlias', 'TableData', 'NonKeyAttributes', 'DataAccess'];
const ALIAS_FIELDS = ['PartitionKeyAlias', 'SortKeyAlias'];
const CAPACITY_FIELDS = ['ProvisionedThroughput', 'AutoScalingRead', 'AutoScalingWrite'];
const THROUGHPUT_FIELDS = ['ReadCapacityUnits', 'WriteCapacityUnits'];

/** Why a field of no Workbench version is skipped, for the ones met in real files. */
const IGNORED_WHY: Record<string, string> = {
  ModelSchema: 'a OneTable schema written by the DynamoDB labs visualizer, not by Workbench',
  SavedQuery: 'saved queries of the DynamoDB labs visualizer; the import proposes access patterns instead',
  MapFunction: 'a key template of the DynamoDB labs visualizer; templates are read from the sample keys',
  SampleDataFormats: "settings of Workbench's sample-data generator",
  AutoScalingRead: 'auto scaling is not part of the design (its provisioned read units are)',
  AutoScalingWrite: 'auto scaling is not part of the design (its provisioned write units are)',
};

/** Type codes of DynamoDB JSON. */
export const DYNAMODB_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'];

export function readWorkbenchFile(text: string): WorkbenchRead {
  const diagnostics: Diagnostic[] = [];
  const sourceMap: SourceMap = new Map();
  const refuse = (code: WorkbenchDiagnosticCode, message: string, path: string, span: Span | undefined): WorkbenchRead => {
    diagnostics.push(workbenchDiagnostic(code, message, { path, span }, 'error'));
    return { diagnostics, sourceMap };
  };
  if (text.trim() === '')
    return refuse(
      'interop.workbenchJson',
      'the file is empty: a NoSQL Workbench model is a JSON object with "ModelName", "ModelMetadata" and "DataModel"',
      '',
      spanLocator(text)(0),
    );
  const parsed = parseJson(text);
  if (!parsed.value || parsed.diagnostics.some((d) => d.severity === 'error')) {
    for (const d of parsed.diagnostics) diagnostics.push(workbenchDiagnostic('interop.workbenchJson', d.message, { path: d.path, span: d.span }, 'error'));
    return { diagnostics, sourceMap };
  }
  const root = parsed.value;
  recordSpans(root, '', sourceMap);
  const warn = (code: WorkbenchDiagnosticCode, message: string, path: string, span: Span | undefined) =>
    diagnostics.push(workbenchDiagnostic(code, message, { path, span }));

  if (root.kind !== 'object')
    return refuse(
      'interop.workbenchShape',
      `a NoSQL Workbench model is a JSON object with "ModelName", "ModelMetadata" and "DataModel", but this document is ${describeJsonNode(root)}`,
      '',
      root.span,
    );
  const top = fieldsOf(root, '', TOP_FIELDS, warn);
  // The version and the service first: they say whether the rest can be read at all.
  let version: string | undefined;
  let author: string | undefined;
  let description: string | undefined;
  const metadata = top.get('ModelMetadata');
  if (metadata !== undefined) {
    if (metadata.kind !== 'object')
      return refuse('interop.workbenchShape', `ModelMetadata must be an object, but it is ${describeJsonNode(metadata)}`, 'ModelMetadata', metadata.span);
    const meta = fieldsOf(metadata, 'ModelMetadata', METADATA_FIELDS, warn);
    const v = meta.get('Version');
    if (v !== undefined) {
      if (v.kind !== 'string' || !(WORKBENCH_VERSIONS as readonly string[]).includes(v.value)) {
        const shown = v.kind === 'string' ? quoteName(v.value) : describeJsonNode(v);
        return refuse(
          'interop.workbenchVersion',
          `Version ${shown} is not a NoSQL Workbench format this reader knows: it reads files with no Version and "1.0", "2.0" and "3.0"`,
          'ModelMetadata.Version',
          v.span,
        );
      }
      version = v.value;
    }
    const service = meta.get('AWSService');
    if (service !== undefined && (service.kind !== 'string' || service.value !== DYNAMODB_SERVICE)) {
      const shown = service.kind === 'string' ? quoteName(service.value) : describeJsonNode(service);
      return refuse(
        'interop.workbenchService',
        `AWSService is ${shown}: Tablewright designs ${DYNAMODB_SERVICE} tables only`,
        'ModelMetadata.AWSService',
        service.span,
      );
    }
    const a = meta.get('Author');
    if (a?.kind === 'string' && a.value.trim() !== '') author = a.value.trim();
    const d = meta.get('Description');
    if (d?.kind === 'string' && d.value.trim() !== '') description = d.value.trim();
  }

  const dataModel = top.get('DataModel');
  if (dataModel === undefined) {
    const hint = top.has('format') || top.has('entities') ? ' (this looks like a Tablewright problem file: open it as one)' : '';
    return refuse('interop.workbenchShape', `no "DataModel": a NoSQL Workbench model lists its tables in "DataModel"${hint}`, '', startSpan(root.span));
  }
  if (dataModel.kind !== 'array')
    return refuse('interop.workbenchShape', `DataModel must be a list of tables, but it is ${describeJsonNode(dataModel)}`, 'DataModel', dataModel.span);
  if (dataModel.items.length === 0)
    return refuse('interop.workbenchNoTable', 'DataModel holds no table: there is nothing to import', 'DataModel', dataModel.span);

  const modelNameNode = top.get('ModelName');
  let modelName = '';
  if (modelNameNode?.kind === 'string') modelName = modelNameNode.value;
  else if (modelNameNode !== undefined)
    return refuse('interop.workbenchShape', `ModelName must be a string, but it is ${describeJsonNode(modelNameNode)}`, 'ModelName', modelNameNode.span);

  const tables = dataModel.items.map((node, i) => readTable(node, joinPath('DataModel', i), warn));
  return {
    file: { modelName, version, ...(author !== undefined ? { author } : {}), ...(description !== undefined ? { description } : {}), tables },
    diagnostics,
    sourceMap,
  };
}

/** The span of every value by path (the first of duplicate fields). */
function recordSpans(node: JsonNode, path: string, sourceMap: SourceMap) {
  if (sourceMap.has(path)) return;
  sourceMap.set(path, node.span);
  if (node.kind === 'array') node.items.forEach((item, i) => recordSpans(item, joinPath(path, i), sourceMap));
  if (node.kind === 'object') for (const entry of node.entries) recordSpans(entry.value, joinPath(path, entry.key), sourceMap);
}

type Warn = (code: WorkbenchDiagnosticCode, message: string, path: string, span: Span | undefined) => void;

/** The fields of an object (first of duplicates), reporting the ones no Workbench version has. */
function fieldsOf(node: JsonObjectNode, path: string, known: readonly string[], warn: Warn): Map<string, JsonNode> {
  const fields = new Map<string, JsonNode>();
  for (const entry of node.entries) {
    if (fields.has(entry.key)) continue;
    fields.set(entry.key, entry.value);
    if (!known.includes(entry.key)) {
      const why = IGNORED_WHY[entry.key] ?? 'no NoSQL Workbench format has it';
      warn('interop.workbenchIgnored', `${quoteName(entry.key)} is not imported: ${why}`, joinPath(path, entry.key), entry.keySpan);
    }
  }
  return fields;
}

function startSpan(span: Span): Span {
  return { line: span.line, column: span.column, endLine: span.line, endColumn: span.column + 1 };
}

function readTable(node: JsonNode, path: string, warn: Warn): WorkbenchTable {
  const errors: Diagnostic[] = [];
  const error = (message: string, at: string, span: Span) => errors.push(workbenchDiagnostic('interop.workbenchShape', message, { path: at, span }, 'error'));
  const placeholder: WorkbenchAttribute = { name: '', type: 'S', path, span: node.span };
  const table: WorkbenchTable = { name: '', path, span: node.span, pk: placeholder, attributes: [], indexes: [], facets: [], items: [], errors };
  if (node.kind !== 'object') {
    error(`a table must be an object, but ${path} is ${describeJsonNode(node)}`, path, node.span);
    return table;
  }
  const fields = fieldsOf(node, path, TABLE_FIELDS, warn);
  const name = fields.get('TableName');
  if (name?.kind === 'string' && name.value !== '') table.name = name.value;
  else
    error(
      name === undefined ? `${path} has no TableName` : `${path}.TableName must be a table name, but it is ${describeJsonNode(name)}`,
      name ? joinPath(path, 'TableName') : path,
      name?.span ?? startSpan(node.span),
    );

  const keys = readKeys(fields.get('KeyAttributes'), joinPath(path, 'KeyAttributes'), node.span, error, warn);
  if (keys) {
    table.pk = keys.pk;
    if (keys.sk) table.sk = keys.sk;
  }

  // Declared non-key attributes: the first of each name (the labs visualizer repeats them).
  const declared = fields.get('NonKeyAttributes');
  const attrPath = joinPath(path, 'NonKeyAttributes');
  if (declared !== undefined) {
    if (declared.kind !== 'array') error(`${attrPath} must be a list of attributes, but it is ${describeJsonNode(declared)}`, attrPath, declared.span);
    else {
      declared.items.forEach((item, i) => {
        const a = readAttribute(item, joinPath(attrPath, i), error, warn);
        if (!a) return;
        const first = table.attributes.find((x) => x.name === a.name);
        if (!first) table.attributes.push(a);
        else if (first.type !== a.type)
          warn(
            'interop.workbenchType',
            `${quoteName(a.name)} is declared again as ${a.type} (first as ${first.type} at ${first.path}): the first declaration is used`,
            a.path,
            a.span,
          );
      });
    }
  }

  const gsis = fields.get('GlobalSecondaryIndexes');
  const gsiPath = joinPath(path, 'GlobalSecondaryIndexes');
  if (gsis !== undefined) {
    if (gsis.kind !== 'array') error(`${gsiPath} must be a list of indexes, but it is ${describeJsonNode(gsis)}`, gsiPath, gsis.span);
    else
      gsis.items.forEach((g, i) => {
        const index = readIndex(g, joinPath(gsiPath, i), error, warn);
        if (index) table.indexes.push(index);
      });
  }

  for (const listName of ['LocalSecondaryIndexes', 'TableViews']) {
    const list = fields.get(listName);
    if (list && !(list.kind === 'array' && list.items.length === 0)) {
      warn(
        'interop.workbenchIgnored',
        `${listName} is not imported: ${listName === 'LocalSecondaryIndexes' ? 'the design has no local secondary indexes' : 'views are a Workbench display setting'}`,
        joinPath(path, listName),
        list.span,
      );
    }
  }

  const items = fields.get('TableData');
  if (items !== undefined) table.items.push(...readItems(items, joinPath(path, 'TableData'), undefined, error, warn));

  const facets = fields.get('TableFacets');
  const facetPath = joinPath(path, 'TableFacets');
  if (facets !== undefined) {
    if (facets.kind !== 'array') error(`${facetPath} must be a list of facets, but it is ${describeJsonNode(facets)}`, facetPath, facets.span);
    else
      facets.items.forEach((f, i) => {
        const facet = readFacet(f, joinPath(facetPath, i), table.facets.length, error, warn);
        if (!facet) return;
        table.facets.push(facet);
        table.items.push(...facet.items);
      });
  }

  const billing = fields.get('BillingMode');
  if (billing !== undefined) {
    if (billing.kind !== 'string')
      warn(
        'interop.workbenchIgnored',
        `BillingMode is not imported: it is ${describeJsonNode(billing)}, not PROVISIONED or PAY_PER_REQUEST`,
        joinPath(path, 'BillingMode'),
        billing.span,
      );
    else {
      table.billing = { mode: billing.value, path: joinPath(path, 'BillingMode') };
      const capacity = fields.get('ProvisionedCapacitySettings');
      if (capacity?.kind === 'object') {
        const capPath = joinPath(path, 'ProvisionedCapacitySettings');
        const c = fieldsOf(capacity, capPath, CAPACITY_FIELDS, warn);
        const throughput = c.get('ProvisionedThroughput');
        if (throughput?.kind === 'object') {
          const t = fieldsOf(throughput, joinPath(capPath, 'ProvisionedThroughput'), THROUGHPUT_FIELDS, warn);
          const read = t.get('ReadCapacityUnits');
          const write = t.get('WriteCapacityUnits');
          if (read?.kind === 'number') table.billing.read = read.value;
          if (write?.kind === 'number') table.billing.write = write.value;
        }
        for (const k of ['AutoScalingRead', 'AutoScalingWrite']) {
          const n = c.get(k);
          if (n) warn('interop.workbenchIgnored', `${k} is not imported: ${IGNORED_WHY[k] ?? ''}`, joinPath(capPath, k), n.span);
        }
      }
    }
  }
  const ttl = fields.get('TimeToLiveAttribute');
  if (ttl?.kind === 'string') table.ttl = { name: ttl.value, path: joinPath(path, 'TimeToLiveAttribute') };
  else if (ttl !== undefined)
    warn(
      'interop.workbenchIgnored',
      `TimeToLiveAttribute is not imported: it is ${describeJsonNode(ttl)}, not an attribute name`,
      joinPath(path, 'TimeToLiveAttribute'),
      ttl.span,
    );
  return table;
}

function readKeys(
  node: JsonNode | undefined,
  path: string,
  ownerSpan: Span,
  error: (m: string, p: string, s: Span) => void,
  warn: Warn,
): { pk: WorkbenchAttribute; sk?: WorkbenchAttribute } | undefined {
  if (node === undefined) {
    error(`${path} is missing: every table and index names its partition key`, path, startSpan(ownerSpan));
    return undefined;
  }
  if (node.kind !== 'object') {
    error(`${path} must be an object with PartitionKey (and SortKey), but it is ${describeJsonNode(node)}`, path, node.span);
    return undefined;
  }
  const fields = fieldsOf(node, path, KEY_FIELDS, warn);
  const pkNode = fields.get('PartitionKey');
  if (pkNode === undefined) {
    error(`${path} has no PartitionKey`, path, startSpan(node.span));
    return undefined;
  }
  const pk = readAttribute(pkNode, joinPath(path, 'PartitionKey'), error, warn);
  const skNode = fields.get('SortKey');
  const sk = skNode === undefined ? undefined : readAttribute(skNode, joinPath(path, 'SortKey'), error, warn);
  if (!pk) return undefined;
  return sk ? { pk, sk } : { pk };
}

function readAttribute(node: JsonNode, path: string, error: (m: string, p: string, s: Span) => void, warn: Warn): WorkbenchAttribute | undefined {
  if (node.kind !== 'object') {
    error(`${path} must be an object with AttributeName and AttributeType, but it is ${describeJsonNode(node)}`, path, node.span);
    return undefined;
  }
  const fields = fieldsOf(node, path, ATTRIBUTE_FIELDS, warn);
  const name = fields.get('AttributeName');
  const type = fields.get('AttributeType');
  if (name?.kind !== 'string' || name.value === '') {
    error(
      name === undefined ? `${path} has no AttributeName` : `${path}.AttributeName must be a non-empty string, but it is ${describeJsonNode(name)}`,
      name ? joinPath(path, 'AttributeName') : path,
      name?.span ?? startSpan(node.span),
    );
    return undefined;
  }
  let typeCode = 'S';
  if (type?.kind === 'string' && DYNAMODB_TYPES.includes(type.value)) typeCode = type.value;
  else {
    warn(
      'interop.workbenchType',
      `${quoteName(name.value)} has ${type === undefined ? 'no AttributeType' : `the AttributeType ${type.kind === 'string' ? quoteName(type.value) : describeJsonNode(type)}`}, which is no DynamoDB type: read as a string (S)`,
      type ? joinPath(path, 'AttributeType') : path,
      type?.span ?? node.span,
    );
  }
  return { name: name.value, type: typeCode, path, span: node.span };
}

function readIndex(node: JsonNode, path: string, error: (m: string, p: string, s: Span) => void, warn: Warn): WorkbenchIndex | undefined {
  if (node.kind !== 'object') {
    error(`an index must be an object, but ${path} is ${describeJsonNode(node)}`, path, node.span);
    return undefined;
  }
  const fields = fieldsOf(node, path, INDEX_FIELDS, warn);
  const name = fields.get('IndexName');
  if (name?.kind !== 'string' || name.value === '') {
    error(
      name === undefined ? `${path} has no IndexName` : `${path}.IndexName must be a non-empty string, but it is ${describeJsonNode(name)}`,
      name ? joinPath(path, 'IndexName') : path,
      name?.span ?? startSpan(node.span),
    );
    return undefined;
  }
  const keys = readKeys(fields.get('KeyAttributes'), joinPath(path, 'KeyAttributes'), node.span, error, warn);
  if (!keys) return undefined;
  let projection = 'ALL';
  const projectionPath = joinPath(path, 'Projection');
  const p = fields.get('Projection');
  if (p?.kind === 'object') {
    const pf = fieldsOf(p, projectionPath, PROJECTION_FIELDS, warn);
    const type = pf.get('ProjectionType');
    if (type?.kind === 'string') projection = type.value;
  }
  return { name: name.value, path, span: node.span, ...keys, projection, projectionPath };
}

function readFacet(node: JsonNode, path: string, position: number, error: (m: string, p: string, s: Span) => void, warn: Warn): WorkbenchFacet | undefined {
  if (node.kind !== 'object') {
    error(`a facet must be an object, but ${path} is ${describeJsonNode(node)}`, path, node.span);
    return undefined;
  }
  const fields = fieldsOf(node, path, FACET_FIELDS, warn);
  const name = fields.get('FacetName');
  if (name?.kind !== 'string' || name.value.trim() === '') {
    error(
      name === undefined ? `${path} has no FacetName` : `${path}.FacetName must be a non-empty string, but it is ${describeJsonNode(name)}`,
      name ? joinPath(path, 'FacetName') : path,
      name?.span ?? startSpan(node.span),
    );
    return undefined;
  }
  const aliasPath = joinPath(path, 'KeyAttributeAlias');
  const facet: WorkbenchFacet = { name: name.value, path, span: node.span, aliasPath, attributes: [], items: [] };
  const alias = fields.get('KeyAttributeAlias');
  if (alias?.kind === 'object') {
    const a = fieldsOf(alias, aliasPath, ALIAS_FIELDS, warn);
    const pk = a.get('PartitionKeyAlias');
    const sk = a.get('SortKeyAlias');
    if (pk?.kind === 'string' && pk.value.trim() !== '') facet.pkAlias = pk.value.trim();
    if (sk?.kind === 'string' && sk.value.trim() !== '') facet.skAlias = sk.value.trim();
  }
  const attributes = fields.get('NonKeyAttributes');
  if (attributes?.kind === 'array') {
    attributes.items.forEach((a, i) => {
      if (a.kind === 'string') {
        if (!facet.attributes.includes(a.value)) facet.attributes.push(a.value);
      } else
        warn(
          'interop.workbenchIgnored',
          `a facet's NonKeyAttributes are attribute names, but this is ${describeJsonNode(a)}: skipped`,
          joinPath(joinPath(path, 'NonKeyAttributes'), i),
          a.span,
        );
    });
  }
  const items = fields.get('TableData');
  if (items !== undefined) facet.items = readItems(items, joinPath(path, 'TableData'), position, error, warn);
  return facet;
}

function readItems(node: JsonNode, path: string, facet: number | undefined, error: (m: string, p: string, s: Span) => void, warn: Warn): WorkbenchItem[] {
  if (node.kind !== 'array') {
    error(`${path} must be a list of items, but it is ${describeJsonNode(node)}`, path, node.span);
    return [];
  }
  const items: WorkbenchItem[] = [];
  node.items.forEach((itemNode, i) => {
    const itemPath = joinPath(path, i);
    if (itemNode.kind !== 'object') {
      warn('interop.workbenchItem', `a sample item is an object of attributes, but this is ${describeJsonNode(itemNode)}: skipped`, itemPath, itemNode.span);
      return;
    }
    const values = new Map<string, { node: JsonNode; path: string }>();
    for (const entry of itemNode.entries) if (!values.has(entry.key)) values.set(entry.key, { node: entry.value, path: joinPath(itemPath, entry.key) });
    items.push({ path: itemPath, span: itemNode.span, values, ...(facet !== undefined ? { facet } : {}) });
  });
  return items;
}
