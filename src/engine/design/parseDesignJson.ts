// Reads design.json (DESIGN-FORMAT.md, `tablewright-design/1`) back into its layout: the table,
// the indexes and every entity's key templates. Located like problem files: the same JSON reader
// (model/parseJson.ts), a JSON path and a line/column span on every diagnostic, all structural
// problems reported at once, unknown fields warned about and ignored. Never throws; the layout
// is handed out only when nothing is wrong (never half-loaded). The plans, diagnostics and
// tableDefinition in the file are for readers: they are derived again from the layout, not read.
// An index is composite (pkAttribute/skAttribute) or native (`"keys": "native"`: typed pk/sk lists
// of the items' own attributes); templates in a native index are read against its key attributes.
import type { Diagnostic, Severity, Span } from '../model/diagnostics.ts';
import { isIdentifier } from '../model/isIdentifier.ts';
import { joinPath } from '../model/jsonPath.ts';
import { quoteName } from '../model/modelDiagnostic.ts';
import { describeJsonNode, parseJson, type JsonEntry, type JsonNode, type JsonObjectNode } from '../model/parseJson.ts';
import { PROBLEM_FORMAT } from '../model/parseProblemJson.ts';
import { spanLocator } from '../model/spanLocator.ts';
import { utf8Length } from '../model/utf8Length.ts';
import { DESIGN_FORMAT } from './designJson.ts';
import { tableNameProblem } from './tableNameOf.ts';
import type { TableSettingsDiagnosticCode } from './tableSettings.ts';
import type { EntityDesign, IndexLayout, KeyTemplate, LoadedDesign, NativeKeyAttribute, Segment } from './types.ts';

/**
 * The `design.*` codes (to join the engine's union of stage codes): what parseDesignJson reports
 * about a design.json, and tableSettings' warnings about the model's `ttl` and `table` fields.
 */
export type DesignDiagnosticCode =
  | TableSettingsDiagnosticCode
  | 'design.jsonSyntax'
  | 'design.jsonTooDeep'
  | 'design.duplicateField'
  | 'design.wrongType'
  | 'design.missingField'
  | 'design.unknownField' // warning
  | 'design.missingFormat'
  | 'design.badFormat'
  | 'design.unknownValue'
  | 'design.invalidName'
  | 'design.invalidLabel'
  | 'design.invalidLiteral'
  | 'design.tableIndex'
  | 'design.duplicateIndex'
  | 'design.keyAttributeCollision'
  | 'design.duplicateEntity'
  | 'design.duplicateLabel'
  | 'design.unknownIndex'
  | 'design.missingTableTemplate'
  | 'design.emptyTemplate'
  | 'design.mixedKeys'
  | 'design.nativeTable'
  | 'design.nativeKeyCount'
  | 'design.nativeEntityAttribute'
  | 'design.keyAttributeType'
  | 'design.nativeTemplate'
  | 'design.shardSegment';

export interface DesignParse {
  /** The layout, or undefined whenever any diagnostic is an error. */
  design?: LoadedDesign;
  /** Errors and warnings, in source order. */
  diagnostics: Diagnostic[];
}

export const INDEX_NAME_RULE = 'a DynamoDB index name is 3 to 255 characters of A-Z, a-z, 0-9, "_", "-" and "."';
export const KEY_ATTRIBUTE_RULE = 'a DynamoDB key attribute name is 1 to 255 bytes of UTF-8';
const LITERAL_RULE =
  'key text written into keys uses only characters above "$" ("#" separates key components and "$" bounds them, so lower characters would break the order of keys)';

const TOP_FIELDS = ['format', 'model', 'tableName', 'entityAttribute', 'indexes', 'entities', 'patterns', 'diagnostics', 'changes', 'tableDefinition'] as const;
const INDEX_FIELDS = ['name', 'kind', 'keys', 'pkAttribute', 'skAttribute', 'pk', 'sk', 'projection'] as const;
const NATIVE_ATTRIBUTE_FIELDS = ['name', 'type'] as const;
/** DynamoDB's limits on a multi-attribute GSI key: attributes in the partition key and in the sort key. */
const NATIVE_PK_MAX = 4;
const NATIVE_SK_MAX = 4;
const ENTITY_FIELDS = ['entity', 'label', 'keys'] as const;
const TEMPLATE_FIELDS = ['pk', 'sk'] as const;
const LITERAL_FIELDS = ['kind', 'text'] as const;
const ATTRIBUTE_FIELDS = ['kind', 'name'] as const;
const SHARD_FIELDS = ['kind', 'count', 'of'] as const;

export function designDiagnostic(
  code: DesignDiagnosticCode,
  message: string,
  where: { path?: string | undefined; span?: Span | undefined },
  severity: Severity = 'error',
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (where.path !== undefined) d.path = where.path;
  if (where.span !== undefined) d.span = where.span;
  return d;
}

export function parseDesignJson(text: string): DesignParse {
  if (isBlank(text)) {
    const span = spanLocator(text)(text.length);
    return {
      diagnostics: [
        designDiagnostic(
          'design.jsonSyntax',
          `the document is empty: a design is a JSON object that starts { "format": "${DESIGN_FORMAT}", ... } (design.json as generate writes it)`,
          { path: '', span },
        ),
      ],
    };
  }
  const parsed = parseJson(text);
  // The JSON reader's own diagnostics, under this reader's codes.
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({
    ...d,
    code: d.code === 'model.jsonTooDeep' ? 'design.jsonTooDeep' : 'design.jsonSyntax',
  }));
  const design = parsed.value ? readDesign(parsed.value, diagnostics) : undefined;
  diagnostics.sort(bySpan);
  if (!design || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { design, diagnostics };
}

/** A string read from the file, with where it was. */
interface Located {
  value: string;
  path: string;
  span: Span;
}

interface ObjectFields {
  node: JsonObjectNode;
  path: string;
  fields: Map<string, JsonEntry>;
  what: string;
}

/** One attribute of a native key, `{ "name": ..., "type": "S" | "N" }`. */
interface ReadNativeAttribute {
  path: string;
  name: Located | undefined;
  /** The type as written, when it is "S" or "N". */
  type: (Located & { value: 'S' | 'N' }) | undefined;
}

interface ReadIndex {
  path: string;
  name: Located | undefined;
  kind: 'table' | 'gsi' | undefined;
  kindSpan: Span | undefined;
  /** `composite` (also when `keys` is absent) or `native`; undefined when `keys` is anything else (reported). */
  keys: 'composite' | 'native' | undefined;
  /** A composite index's key attributes. */
  pkAttribute: Located | undefined;
  skAttribute: Located | undefined;
  /** A native index's key attributes, in order; undefined when the list is missing or not a list. */
  pk: ReadNativeAttribute[] | undefined;
  sk: ReadNativeAttribute[] | undefined;
}

interface ReadEntity {
  path: string;
  entity: Located | undefined;
  label: Located | undefined;
  /** Index name → template, as written; undefined when `keys` or a template is unreadable. */
  keys: { name: string; template: KeyTemplate }[] | undefined;
  keysNode: JsonObjectNode | undefined;
}

function readDesign(root: JsonNode, diagnostics: Diagnostic[]): LoadedDesign | undefined {
  const report = (code: DesignDiagnosticCode, path: string, span: Span, message: string, severity: Severity = 'error') => {
    diagnostics.push(designDiagnostic(code, message, { path, span }, severity));
  };
  /** The indexes read so far, by name (the first of any duplicates): a template in a native index is read against its keys. */
  const readIndexes = new Map<string, ReadIndex>();
  const wrongType = (node: JsonNode, path: string, expected: string) => {
    report('design.wrongType', path, node.span, `${path || 'the document'} must be ${expected}, but it is ${describeJsonNode(node)}`);
  };

  /** The fields of an object (first of any duplicates), warning about the ones DESIGN-FORMAT.md does not define. */
  function fieldsOf(node: JsonNode, path: string, known: readonly string[], what: string): ObjectFields | undefined {
    if (node.kind !== 'object') {
      wrongType(node, path, `an object (${what})`);
      return undefined;
    }
    const fields = new Map<string, JsonEntry>();
    for (const entry of node.entries) {
      const fieldPath = joinPath(path, entry.key);
      const earlier = fields.get(entry.key);
      if (earlier) {
        report(
          'design.duplicateField',
          fieldPath,
          entry.keySpan,
          `${fieldPath} is given twice (first at line ${earlier.keySpan.line}, col ${earlier.keySpan.column})`,
        );
        continue;
      }
      fields.set(entry.key, entry);
      if (!known.includes(entry.key)) {
        report(
          'design.unknownField',
          fieldPath,
          entry.keySpan,
          `${fieldPath}: unknown field in ${what}, ignored (known fields: ${known.join(', ')})`,
          'warning',
        );
      }
    }
    return { node, path, fields, what };
  }
  function required(o: ObjectFields, field: string): JsonNode | undefined {
    const value = o.fields.get(field)?.value;
    if (value === undefined) {
      const { line, column } = o.node.span;
      report(
        'design.missingField',
        joinPath(o.path, field),
        { line, column, endLine: line, endColumn: column + 1 },
        `${joinPath(o.path, field)} is missing: ${o.what} needs the field ${quoteName(field)}`,
      );
    }
    return value;
  }
  function string(node: JsonNode | undefined, path: string): Located | undefined {
    if (node === undefined) return undefined;
    if (node.kind === 'string') return { value: node.value, path, span: node.span };
    wrongType(node, path, 'a string');
    return undefined;
  }
  /** The items of a list; undefined when it is missing or not a list. */
  function list<T>(node: JsonNode | undefined, path: string, expected: string, item: (node: JsonNode, path: string, i: number) => T): T[] | undefined {
    if (node === undefined) return undefined;
    if (node.kind !== 'array') {
      wrongType(node, path, expected);
      return undefined;
    }
    return node.items.map((child, i) => item(child, joinPath(path, i), i));
  }
  function keyAttribute(node: JsonNode | undefined, path: string): Located | undefined {
    const name = string(node, path);
    if (name && (name.value.length === 0 || utf8Length(name.value) > 255)) {
      report(
        'design.invalidName',
        path,
        name.span,
        `${path} ${quoteName(name.value)} is ${name.value.length === 0 ? 'empty' : `${utf8Length(name.value)} bytes long`}: ${KEY_ATTRIBUTE_RULE}`,
      );
    }
    return name;
  }
  /** Why `text` cannot be written into a key, or undefined. */
  function literalProblem(text: string): string | undefined {
    for (const ch of text) {
      if ((ch.codePointAt(0) ?? 0) <= 0x24) return `contains ${JSON.stringify(ch)}`;
    }
    return undefined;
  }

  /** One attribute of a native key; `first`: the partition key's first, the entity attribute (checked against it later). */
  function readNativeAttribute(node: JsonNode, path: string, first: boolean): ReadNativeAttribute {
    const read: ReadNativeAttribute = { path, name: undefined, type: undefined };
    const o = fieldsOf(node, path, NATIVE_ATTRIBUTE_FIELDS, 'a native key attribute');
    if (!o) return read;
    read.name = keyAttribute(required(o, 'name'), joinPath(path, 'name'));
    const name = read.name;
    // Past the entity attribute, a native key is the items' own attributes, which the templates name: identifiers.
    if (name && !first && name.value.length > 0 && utf8Length(name.value) <= 255 && !isIdentifier(name.value)) {
      report(
        'design.invalidName',
        name.path,
        name.span,
        `${name.path} ${quoteName(name.value)} is not an attribute name: a native key attribute is an attribute of the items, and names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*)`,
      );
    }
    const type = string(required(o, 'type'), joinPath(path, 'type'));
    if (type) {
      if (type.value === 'S' || type.value === 'N') read.type = { ...type, value: type.value };
      else
        report(
          'design.unknownValue',
          type.path,
          type.span,
          `${type.path} must be "S" (string) or "N" (number), the DynamoDB type of the attribute, but it is ${quoteName(type.value)}`,
        );
    }
    return read;
  }

  /** A native index's `pk` or `sk`: at least one partition attribute (the entity attribute), at most four of each. */
  function readNativeKey(o: ObjectFields, part: 'pk' | 'sk'): ReadNativeAttribute[] | undefined {
    const path = joinPath(o.path, part);
    const node = required(o, part);
    const attributes = list(node, path, `a list of key attributes ({"name": ..., "type": "S" | "N"})`, (item, itemPath, i) =>
      readNativeAttribute(item, itemPath, part === 'pk' && i === 0),
    );
    if (!attributes || !node) return attributes;
    const n = attributes.length;
    if (part === 'pk' && (n === 0 || n > NATIVE_PK_MAX)) {
      report(
        'design.nativeKeyCount',
        path,
        node.span,
        `${path} has ${n} attribute${n === 1 ? '' : 's'}: a native partition key has 1 to ${NATIVE_PK_MAX} (the entity attribute first, then the items' own attributes)`,
      );
    }
    if (part === 'sk' && n > NATIVE_SK_MAX) {
      report('design.nativeKeyCount', path, node.span, `${path} has ${n} attributes: a native sort key has 0 to ${NATIVE_SK_MAX}`);
    }
    return attributes;
  }

  /** A field the index must not have with its kind of keys: `pk`/`sk` on a composite index, `pkAttribute`/`skAttribute` on a native one. */
  function notWith(o: ObjectFields, fields: readonly string[], why: string) {
    for (const field of fields) {
      const entry = o.fields.get(field);
      if (entry) report('design.mixedKeys', joinPath(o.path, field), entry.keySpan, `${joinPath(o.path, field)}: ${why}`);
    }
  }

  function readIndex(node: JsonNode, path: string): ReadIndex {
    const read: ReadIndex = {
      path,
      name: undefined,
      kind: undefined,
      kindSpan: undefined,
      keys: undefined,
      pkAttribute: undefined,
      skAttribute: undefined,
      pk: undefined,
      sk: undefined,
    };
    const o = fieldsOf(node, path, INDEX_FIELDS, 'an index');
    if (!o) return read;
    read.name = string(required(o, 'name'), joinPath(path, 'name'));
    if (read.name && !readIndexes.has(read.name.value)) readIndexes.set(read.name.value, read);
    const kind = string(required(o, 'kind'), joinPath(path, 'kind'));
    if (kind) {
      read.kindSpan = kind.span;
      if (kind.value === 'table' || kind.value === 'gsi') read.kind = kind.value;
      else report('design.unknownValue', kind.path, kind.span, `${kind.path} must be "table" or "gsi", but it is ${quoteName(kind.value)}`);
    }
    const keysNode = o.fields.get('keys')?.value;
    const keys = keysNode === undefined ? undefined : string(keysNode, joinPath(path, 'keys'));
    if (keysNode === undefined || keys?.value === 'composite') read.keys = 'composite';
    else if (keys?.value === 'native') read.keys = 'native';
    else if (keys)
      report(
        'design.unknownValue',
        keys.path,
        keys.span,
        `${keys.path} must be "composite" (the default: pkAttribute and skAttribute) or "native" (pk and sk lists of the items' own attributes), but it is ${quoteName(keys.value)}`,
      );
    if (read.keys === 'composite') {
      read.pkAttribute = keyAttribute(required(o, 'pkAttribute'), joinPath(path, 'pkAttribute'));
      read.skAttribute = keyAttribute(required(o, 'skAttribute'), joinPath(path, 'skAttribute'));
      notWith(
        o,
        ['pk', 'sk'],
        `a composite index (no "keys", or "keys": "composite") is keyed by pkAttribute and skAttribute; "pk" and "sk" lists are for a native index ("keys": "native")`,
      );
    } else if (read.keys === 'native') {
      read.pk = readNativeKey(o, 'pk');
      read.sk = readNativeKey(o, 'sk');
      notWith(
        o,
        ['pkAttribute', 'skAttribute'],
        `a native index ("keys": "native") is keyed by its "pk" and "sk" lists of the items' own attributes; pkAttribute and skAttribute are for a composite index`,
      );
      if (read.kind === 'table' && keys) {
        report(
          'design.nativeTable',
          keys.path,
          keys.span,
          `${keys.path} is "native", but ${path} is the table: the table's key is always composite (pkAttribute and skAttribute); only a GSI can have native keys`,
        );
      }
    }
    const projection = string(required(o, 'projection'), joinPath(path, 'projection'));
    if (projection && projection.value !== 'ALL') {
      report(
        'design.unknownValue',
        projection.path,
        projection.span,
        `${projection.path} must be "ALL" (this version projects every attribute into every index), but it is ${quoteName(projection.value)}`,
      );
    }
    const name = read.name;
    if (name) {
      if (read.kind === 'table' && name.value !== 'table') {
        report(
          'design.tableIndex',
          name.path,
          name.span,
          `${name.path} is ${quoteName(name.value)}, but the table's index is named "table" (its DynamoDB name is tableName)`,
        );
      } else if (read.kind !== 'table') {
        const problem = indexNameProblem(name.value);
        if (problem) report('design.invalidName', name.path, name.span, `${name.path} ${problem}`);
      }
    }
    return read;
  }

  /** One segment of a key: `at` says where it sits, for the empty literal that ends some sort keys. */
  function readSegment(node: JsonNode, path: string, at: { part: 'pk' | 'sk'; i: number; count: number }): Segment | undefined {
    if (node.kind !== 'object') {
      wrongType(node, path, 'an object (a key segment: {"kind": "literal", "text": ...} or {"kind": "attribute", "name": ...})');
      return undefined;
    }
    const kindNode = node.entries.find((e) => e.key === 'kind')?.value;
    const kind = kindNode?.kind === 'string' ? kindNode.value : undefined;
    const known = kind === 'literal' ? LITERAL_FIELDS : kind === 'attribute' ? ATTRIBUTE_FIELDS : kind === 'shard' ? SHARD_FIELDS : ['kind', 'text', 'name'];
    const o = fieldsOf(node, path, known, 'a key segment');
    if (!o) return undefined;
    const k = string(required(o, 'kind'), joinPath(path, 'kind'));
    if (!k) return undefined;
    if (k.value === 'literal') {
      const text = string(required(o, 'text'), joinPath(path, 'text'));
      if (!text) return undefined;
      if (text.value === '') {
        const terminator = at.part === 'sk' && at.i === at.count - 1 && at.i > 0;
        if (!terminator)
          report(
            'design.invalidLiteral',
            text.path,
            text.span,
            `${text.path} is empty: an empty literal is only the terminator that ends a sort key (after at least one other segment)`,
          );
      } else {
        const problem = literalProblem(text.value);
        if (problem) report('design.invalidLiteral', text.path, text.span, `${text.path} ${quoteName(text.value)} ${problem}: ${LITERAL_RULE}`);
      }
      return { kind: 'literal', text: text.value };
    }
    if (k.value === 'attribute') {
      const name = string(required(o, 'name'), joinPath(path, 'name'));
      if (!name) return undefined;
      if (!isIdentifier(name.value)) {
        report(
          'design.invalidName',
          name.path,
          name.span,
          `${name.path} ${quoteName(name.value)} is not an attribute name: names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*)`,
        );
      }
      return { kind: 'attribute', name: name.value };
    }
    if (k.value === 'shard') return readShard(o, path, at);
    report('design.unknownValue', k.path, k.span, `${k.path} must be "literal", "attribute" or "shard", but it is ${quoteName(k.value)}`);
    return undefined;
  }

  /** Write sharding: `{"kind": "shard", "count": N, "of": [key attributes]}`, the last segment of a partition key (keys/shards.ts). */
  function readShard(o: ObjectFields, path: string, at: { part: 'pk' | 'sk'; i: number; count: number }): Segment | undefined {
    const countNode = required(o, 'count');
    const countPath = joinPath(path, 'count');
    if (countNode === undefined) return undefined;
    if (countNode.kind !== 'number' || !Number.isSafeInteger(countNode.value) || countNode.value < 2) {
      if (countNode.kind !== 'number') wrongType(countNode, countPath, 'a whole number of shards, 2 or more');
      else
        report(
          'design.shardSegment',
          countPath,
          countNode.span,
          `${countPath} is ${String(countNode.value)}: a shard segment spreads a partition over 2 or more shards (a whole number)`,
        );
      return undefined;
    }
    const of = list(required(o, 'of'), joinPath(path, 'of'), "a list of the entity's key attribute names", (node, itemPath) => string(node, itemPath)?.value);
    if (!of || of.some((x) => x === undefined) || of.length === 0) return undefined;
    if (at.part !== 'pk' || at.i !== at.count - 1 || at.i === 0) {
      report('design.shardSegment', path, o.node.span, `${path}: a shard segment is the last segment of a partition key, after at least one other`);
      return undefined;
    }
    return { kind: 'shard', count: countNode.value, of: of as string[] };
  }

  /** A template's `pk` or `sk`; in a native index (`native`) an empty list is read, and its length checked against the index's keys. */
  function readSegments(node: JsonNode | undefined, path: string, part: 'pk' | 'sk', native: boolean): Segment[] | undefined {
    if (node === undefined) return undefined;
    if (node.kind !== 'array') {
      wrongType(node, path, 'a list of key segments');
      return undefined;
    }
    if (node.items.length === 0 && !native) {
      report(
        'design.emptyTemplate',
        path,
        node.span,
        `${path} is empty: a ${part === 'pk' ? 'partition' : 'sort'} key has at least one segment (DynamoDB refuses empty key values)`,
      );
      return undefined;
    }
    const segments = node.items.map((item, i) => readSegment(item, joinPath(path, i), { part, i, count: node.items.length }));
    return segments.every((s) => s !== undefined) ? segments : undefined;
  }

  /** A template in index `index` (undefined: no index has its name, reported later) of the entity named `entity`. */
  function readTemplate(node: JsonNode, path: string, index: ReadIndex | undefined, entity: string | undefined): KeyTemplate | undefined {
    const o = fieldsOf(node, path, TEMPLATE_FIELDS, 'a key template');
    if (!o) return undefined;
    const native = index?.keys === 'native';
    const pkNode = required(o, 'pk');
    const skNode = required(o, 'sk');
    const pk = readSegments(pkNode, joinPath(path, 'pk'), 'pk', native);
    const sk = readSegments(skNode, joinPath(path, 'sk'), 'sk', native);
    if (native && index.name) {
      if (pk && pkNode) checkNativeSegments(pkNode, joinPath(path, 'pk'), 'pk', pk, index.name.value, index.pk, entity);
      if (sk && skNode) checkNativeSegments(skNode, joinPath(path, 'sk'), 'sk', sk, index.name.value, index.sk, entity);
    }
    return pk && sk ? { pk, sk } : undefined;
  }

  /**
   * A template's segments in a native index: one per key attribute, in order. The partition key's first is the
   * literal entity name (the value of the entity attribute), every other one the attribute segment of the key
   * attribute at its position. Not checked when the index's attributes did not read.
   */
  function checkNativeSegments(
    node: JsonNode,
    path: string,
    part: 'pk' | 'sk',
    segments: Segment[],
    indexName: string,
    attributes: ReadNativeAttribute[] | undefined,
    entity: string | undefined,
  ) {
    if (node.kind !== 'array' || !attributes) return;
    const names: string[] = [];
    for (const a of attributes) {
      if (!a.name) return;
      names.push(a.name.value);
    }
    const pk = part === 'pk';
    if (segments.length !== names.length) {
      const has = `${segments.length} segment${segments.length === 1 ? '' : 's'}`;
      const key = `${indexName}'s ${pk ? 'partition' : 'sort'} key has ${names.length === 0 ? 'no attributes' : `${names.length} (${names.join(', ')})`}`;
      report(
        'design.nativeTemplate',
        path,
        node.span,
        `${path} has ${has}, but ${key}: in a native index, a template has one segment per key attribute, in order`,
      );
      return;
    }
    segments.forEach((segment, i) => {
      const segmentPath = joinPath(path, i);
      const item = node.items[i];
      if (!item) return;
      const attribute = names[i] ?? '';
      if (pk && i === 0) {
        const expected = entity === undefined ? '{"kind": "literal", "text": <the entity\'s name>}' : `{"kind": "literal", "text": ${JSON.stringify(entity)}}`;
        if (segment.kind !== 'literal') {
          report(
            'design.nativeTemplate',
            segmentPath,
            item.span,
            `${segmentPath} must be ${expected}: a native partition key starts with the entity attribute ${quoteName(attribute)}, which holds the entity's name`,
          );
        } else if (entity !== undefined && segment.text !== entity) {
          const textPath = joinPath(segmentPath, 'text');
          report(
            'design.nativeTemplate',
            textPath,
            fieldSpan(item, 'text'),
            `${textPath} is ${quoteName(segment.text)}, but it must be ${quoteName(entity)}, the entity's name: a native partition key starts with the entity attribute ${quoteName(attribute)}, which holds the entity's name (not its label)`,
          );
        }
        return;
      }
      const position = `${indexName}'s ${pk ? 'pk' : 'sk'}[${i}]`;
      if (segment.kind !== 'attribute') {
        report(
          'design.nativeTemplate',
          segmentPath,
          item.span,
          `${segmentPath} must be {"kind": "attribute", "name": ${JSON.stringify(attribute)}}: in a native index, each segment is the key attribute at its position (${position})`,
        );
      } else if (segment.name !== attribute) {
        const namePath = joinPath(segmentPath, 'name');
        report(
          'design.nativeTemplate',
          namePath,
          fieldSpan(item, 'name'),
          `${namePath} is ${quoteName(segment.name)}, but it must be ${quoteName(attribute)}: in a native index, each segment names the key attribute at its position (${position})`,
        );
      }
    });
  }

  function readEntity(node: JsonNode, path: string): ReadEntity {
    const read: ReadEntity = { path, entity: undefined, label: undefined, keys: undefined, keysNode: undefined };
    const o = fieldsOf(node, path, ENTITY_FIELDS, 'an entity');
    if (!o) return read;
    read.entity = string(required(o, 'entity'), joinPath(path, 'entity'));
    if (read.entity && !isIdentifier(read.entity.value)) {
      report(
        'design.invalidName',
        read.entity.path,
        read.entity.span,
        `${read.entity.path} ${quoteName(read.entity.value)} is not an entity name: names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*)`,
      );
    }
    read.label = string(required(o, 'label'), joinPath(path, 'label'));
    if (read.label) {
      const problem = read.label.value === '' ? 'is empty' : literalProblem(read.label.value);
      if (problem)
        report(
          'design.invalidLabel',
          read.label.path,
          read.label.span,
          `${read.label.path} ${quoteName(read.label.value)} ${problem}: a label starts keys, and ${LITERAL_RULE}`,
        );
    }
    const keysNode = required(o, 'keys');
    const keysPath = joinPath(path, 'keys');
    if (keysNode === undefined) return read;
    if (keysNode.kind !== 'object') {
      wrongType(keysNode, keysPath, 'an object (index name → key template)');
      return read;
    }
    read.keysNode = keysNode;
    const keys: NonNullable<ReadEntity['keys']> = [];
    let complete = true;
    const seen = new Map<string, Span>();
    for (const entry of keysNode.entries) {
      const templatePath = joinPath(keysPath, entry.key);
      const earlier = seen.get(entry.key);
      if (earlier) {
        report('design.duplicateField', templatePath, entry.keySpan, `${templatePath} is given twice (first at line ${earlier.line}, col ${earlier.column})`);
        continue;
      }
      seen.set(entry.key, entry.keySpan);
      const template = readTemplate(entry.value, templatePath, readIndexes.get(entry.key), read.entity?.value);
      if (template) keys.push({ name: entry.key, template });
      else complete = false;
    }
    if (complete) read.keys = keys;
    return read;
  }

  // The root and the format come first: a file in another format is refused with that one message.
  if (root.kind !== 'object') {
    wrongType(root, '', `an object (a design: { "format": "${DESIGN_FORMAT}", ... })`);
    return undefined;
  }
  const format = root.entries.find((e) => e.key === 'format')?.value;
  if (format === undefined) {
    const { line, column } = root.span;
    report(
      'design.missingFormat',
      'format',
      { line, column, endLine: line, endColumn: column + 1 },
      `format is missing: a design file starts with "format": "${DESIGN_FORMAT}" (design.json as generate writes it; DESIGN-FORMAT.md)`,
    );
    return undefined;
  }
  if (format.kind !== 'string') {
    wrongType(format, 'format', `the string "${DESIGN_FORMAT}"`);
    return undefined;
  }
  if (format.value !== DESIGN_FORMAT) {
    report('design.badFormat', 'format', format.span, formatProblem(format.value));
    return undefined;
  }

  const top = fieldsOf(root, '', TOP_FIELDS, 'the design');
  if (!top) return undefined;
  const modelName = string(required(top, 'model'), 'model');
  const tableName = string(required(top, 'tableName'), 'tableName');
  if (tableName) {
    const problem = tableNameProblem(tableName.value);
    if (problem) report('design.invalidName', 'tableName', tableName.span, `tableName ${problem}`);
  }
  const entityAttribute = keyAttribute(required(top, 'entityAttribute'), 'entityAttribute');
  const indexesNode = required(top, 'indexes');
  const indexes = list(indexesNode, 'indexes', 'a list of indexes (the table first, then the GSIs)', readIndex);
  const entities = list(required(top, 'entities'), 'entities', 'a list of entities', readEntity);
  // Written for readers and derived again from the layout: only their shape is checked.
  const patterns = top.fields.get('patterns')?.value;
  if (patterns && patterns.kind !== 'array') wrongType(patterns, 'patterns', 'a list of pattern plans');
  const written = top.fields.get('diagnostics')?.value;
  if (written && written.kind !== 'array') wrongType(written, 'diagnostics', 'a list of diagnostics');
  const definition = top.fields.get('tableDefinition')?.value;
  if (definition && definition.kind !== 'object') wrongType(definition, 'tableDefinition', 'an object (the CreateTable input)');

  // The indexes: the table first, then GSIs; unique names; every key attribute its own.
  if (indexes && indexesNode) {
    if (indexes.length === 0)
      report('design.tableIndex', 'indexes', indexesNode.span, 'indexes is empty: a design has at least the table (indexes[0], kind "table")');
    indexes.forEach((index, i) => {
      if (i === 0 && index.kind === 'gsi' && index.kindSpan) {
        report(
          'design.tableIndex',
          joinPath(index.path, 'kind'),
          index.kindSpan,
          `${joinPath(index.path, 'kind')} is "gsi", but indexes[0] is the table (kind "table"); the GSIs follow it`,
        );
      }
      if (i > 0 && index.kind === 'table' && index.kindSpan) {
        report(
          'design.tableIndex',
          joinPath(index.path, 'kind'),
          index.kindSpan,
          `${joinPath(index.path, 'kind')} is "table", but only indexes[0] is the table; the others are GSIs (kind "gsi")`,
        );
      }
    });
    const names = new Map<string, Located>();
    for (const { name } of indexes) {
      if (!name) continue;
      const earlier = names.get(name.value);
      if (earlier)
        report(
          'design.duplicateIndex',
          name.path,
          name.span,
          `${name.path} ${quoteName(name.value)} is already the name of ${earlier.path.slice(0, earlier.path.lastIndexOf('.'))}: index names are unique`,
        );
      else names.set(name.value, name);
    }
  }
  // Key attributes. A composite index has its own two (written on items as encoded keys), and entityAttribute is
  // none of them. A native index names each of its attributes once, none of them a composite key attribute, starting
  // with entityAttribute (S); native indexes may share attributes, with one type each (DynamoDB's AttributeDefinitions).
  const keyAttributes = new Map<string, Located>();
  const nativeNames = new Map<string, Located>();
  const nativeTypes = new Map<string, Located>();
  for (const index of indexes ?? []) {
    if (index.keys === 'composite') {
      for (const attribute of [index.pkAttribute, index.skAttribute]) {
        if (!attribute) continue;
        const earlier = keyAttributes.get(attribute.value);
        const native = nativeNames.get(attribute.value);
        if (earlier) {
          report(
            'design.keyAttributeCollision',
            attribute.path,
            attribute.span,
            `${attribute.path} ${quoteName(attribute.value)} is already ${earlier.path}: every index has its own key attributes, and entityAttribute is none of them`,
          );
        } else if (native) {
          report(
            'design.keyAttributeCollision',
            attribute.path,
            attribute.span,
            `${attribute.path} ${quoteName(attribute.value)} is already ${native.path}, an attribute of the items that a native index is keyed on: a composite index has key attributes of its own, which hold encoded keys`,
          );
        } else keyAttributes.set(attribute.value, attribute);
      }
      continue;
    }
    if (index.keys !== 'native') continue;
    const first = index.pk?.[0];
    if (first?.name && entityAttribute && first.name.value !== entityAttribute.value) {
      report(
        'design.nativeEntityAttribute',
        first.name.path,
        first.name.span,
        `${first.name.path} is ${quoteName(first.name.value)}, but a native partition key starts with the entity attribute ${quoteName(entityAttribute.value)} (entityAttribute), so that each entity's items have partitions of their own`,
      );
    } else if (first?.type && first.type.value !== 'S') {
      report(
        'design.nativeEntityAttribute',
        first.type.path,
        first.type.span,
        `${first.type.path} is ${quoteName(first.type.value)}, but the entity attribute holds entity names: its type is "S"`,
      );
    }
    const inIndex = new Map<string, Located>();
    for (const { name, type } of [...(index.pk ?? []), ...(index.sk ?? [])]) {
      if (!name) continue;
      const here = inIndex.get(name.value);
      if (here) {
        report(
          'design.keyAttributeCollision',
          name.path,
          name.span,
          `${name.path} ${quoteName(name.value)} is already ${here.path}: an index names each key attribute once`,
        );
        continue;
      }
      inIndex.set(name.value, name);
      const composite = keyAttributes.get(name.value);
      if (composite) {
        report(
          'design.keyAttributeCollision',
          name.path,
          name.span,
          `${name.path} ${quoteName(name.value)} is already ${composite.path}, which holds a composite index's encoded keys: a native index is keyed on the items' own attributes`,
        );
        continue;
      }
      if (!nativeNames.has(name.value)) nativeNames.set(name.value, name);
      if (!type) continue;
      const typed = nativeTypes.get(name.value);
      if (!typed) nativeTypes.set(name.value, type);
      else if (typed.value !== type.value) {
        report(
          'design.keyAttributeType',
          type.path,
          type.span,
          `${type.path} is ${quoteName(type.value)}, but ${quoteName(name.value)} is ${quoteName(typed.value)} at ${typed.path}: DynamoDB's AttributeDefinitions give an attribute one type, in every index it keys`,
        );
      }
    }
  }
  if (entityAttribute) {
    const earlier = keyAttributes.get(entityAttribute.value);
    if (earlier) {
      report(
        'design.keyAttributeCollision',
        entityAttribute.path,
        entityAttribute.span,
        `${entityAttribute.path} ${quoteName(entityAttribute.value)} is already ${earlier.path}: every index has its own key attributes, and entityAttribute is none of them`,
      );
    }
  }

  // The entities: unique names and labels; a table template each; templates only for indexes that exist.
  const indexNames = indexes?.every((i) => i.name) ? new Set(indexes.map((i) => i.name?.value ?? '')) : undefined;
  const entityNames = new Map<string, Located>();
  const labels = new Map<string, Located>();
  const unique = (seen: Map<string, Located>, located: Located | undefined, code: DesignDiagnosticCode, what: string, why: string) => {
    if (!located) return;
    const earlier = seen.get(located.value);
    if (!earlier) seen.set(located.value, located);
    else
      report(
        code,
        located.path,
        located.span,
        `${located.path} ${quoteName(located.value)} is already the ${what} of ${earlier.path.slice(0, earlier.path.lastIndexOf('.'))}: ${why}`,
      );
  };
  for (const entity of entities ?? []) {
    unique(entityNames, entity.entity, 'design.duplicateEntity', 'entity', 'an entity has one entry');
    unique(labels, entity.label, 'design.duplicateLabel', 'label', 'labels tell the entities apart in keys, so they are unique');
    if (entity.keysNode && !entity.keysNode.entries.some((e) => e.key === 'table')) {
      const { line, column } = entity.keysNode.span;
      const path = joinPath(entity.path, 'keys');
      report(
        'design.missingTableTemplate',
        joinPath(path, 'table'),
        { line, column, endLine: line, endColumn: column + 1 },
        `${joinPath(path, 'table')} is missing: every entity has a key template in the table (index "table")`,
      );
    }
    if (indexNames) {
      for (const entry of entity.keysNode?.entries ?? []) {
        if (indexNames.has(entry.key)) continue;
        const path = joinPath(joinPath(entity.path, 'keys'), entry.key);
        report('design.unknownIndex', path, entry.keySpan, `${path}: there is no index ${quoteName(entry.key)} (indexes: ${[...indexNames].join(', ')})`);
      }
    }
  }

  if (!modelName || !tableName || !entityAttribute || !indexes || !entities) return undefined;
  const layoutIndexes: IndexLayout[] = [];
  for (const i of indexes) {
    if (!i.name || !i.kind) return undefined;
    if (i.keys === 'native') {
      const pk = nativeLayout(i.pk);
      const sk = nativeLayout(i.sk);
      if (i.kind !== 'gsi' || !pk || !sk) return undefined;
      layoutIndexes.push({ name: i.name.value, kind: 'gsi', keys: 'native', pk, sk, projection: 'ALL' });
    } else {
      if (i.keys !== 'composite' || !i.pkAttribute || !i.skAttribute) return undefined;
      layoutIndexes.push({ name: i.name.value, kind: i.kind, pkAttribute: i.pkAttribute.value, skAttribute: i.skAttribute.value, projection: 'ALL' });
    }
  }
  const layoutEntities: EntityDesign[] = [];
  for (const e of entities) {
    if (!e.entity || !e.label || !e.keys) return undefined;
    const byIndex = new Map(e.keys.map((k) => [k.name, k.template]));
    // In index order, as derived; fromEntries defines own properties, so no index name reaches a prototype.
    const keys = Object.fromEntries(layoutIndexes.flatMap((i) => (byIndex.has(i.name) ? [[i.name, byIndex.get(i.name) as KeyTemplate]] : [])));
    layoutEntities.push({ entity: e.entity.value, label: e.label.value, keys });
  }
  return { modelName: modelName.value, tableName: tableName.value, entityAttribute: entityAttribute.value, indexes: layoutIndexes, entities: layoutEntities };
}

/** Why `name` is not a DynamoDB index name, or undefined when it is one. */
export function indexNameProblem(name: string): string | undefined {
  const shown = quoteName(name);
  if (name.length < 3 || name.length > 255) return `${shown} has ${name.length} characters: ${INDEX_NAME_RULE}`;
  for (let i = 0; i < name.length; i++) {
    const c = name[i] ?? '';
    if (!/[A-Za-z0-9_.-]/.test(c)) return `${shown} contains ${JSON.stringify(c)} at position ${i + 1}: ${INDEX_NAME_RULE}`;
  }
  return undefined;
}

function formatProblem(value: string): string {
  if (value === PROBLEM_FORMAT) {
    return `format is "${PROBLEM_FORMAT}": this is a design problem, not a design; a design is what generate writes to design.json (format "${DESIGN_FORMAT}")`;
  }
  const version = /^tablewright-design\/(\d+)$/.exec(value);
  if (version && Number(version[1]) > 1) {
    return `format is ${quoteName(value)}, a newer design format than this Tablewright reads ("${DESIGN_FORMAT}"): read it with the Tablewright that wrote it, or generate the design again`;
  }
  return `format is ${quoteName(value)}, which is not a design format this Tablewright reads: it reads "${DESIGN_FORMAT}" (DESIGN-FORMAT.md)`;
}

/** A native key's attributes as the layout holds them; undefined when any did not read. */
function nativeLayout(attributes: ReadNativeAttribute[] | undefined): NativeKeyAttribute[] | undefined {
  const out: NativeKeyAttribute[] = [];
  for (const { name, type } of attributes ?? []) {
    if (!name || !type) return undefined;
    out.push({ name: name.value, type: type.value });
  }
  return attributes && out;
}

/** The span of an object's field value (the object's own when it has no such field). */
function fieldSpan(node: JsonNode, field: string): Span {
  return (node.kind === 'object' ? node.entries.find((e) => e.key === field)?.value.span : undefined) ?? node.span;
}

function isBlank(text: string): boolean {
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function bySpan(a: Diagnostic, b: Diagnostic): number {
  if (!a.span || !b.span) return (a.span ? 0 : 1) - (b.span ? 0 : 1);
  return a.span.line - b.span.line || a.span.column - b.span.column;
}
