// Reads design.json (DESIGN-FORMAT.md, `tablewright-design/1`) back into its layout: the table,
// the indexes and every entity's key templates. Located like problem files: the same JSON reader
// (model/parseJson.ts), a JSON path and a line/column span on every diagnostic, all structural
// problems reported at once, unknown fields warned about and ignored. Never throws; the layout
// is handed out only when nothing is wrong (never half-loaded). The plans, diagnostics and
// tableDefinition in the file are for readers: they are derived again from the layout, not read.
import type { Diagnostic, Severity, Span } from '../model/diagnostics.ts';
import { isIdentifier } from '../model/isIdentifier.ts';
import { joinPath } from '../model/jsonPath.ts';
import { quoteName } from '../model/modelDiagnostic.ts';
import { describeJsonNode, parseJson, type JsonEntry, type JsonNode, type JsonObjectNode } from '../model/parseJson.ts';
import { PROBLEM_FORMAT } from '../model/parseProblemJson.ts';
import { spanLocator } from '../model/spanLocator.ts';
import { DESIGN_FORMAT } from './designJson.ts';
import { tableNameProblem } from './tableNameOf.ts';
import type { EntityDesign, IndexLayout, KeyTemplate, LoadedDesign, Segment } from './types.ts';

/** The codes parseDesignJson reports (to join the engine's union of stage codes). */
export type DesignDiagnosticCode =
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
  | 'design.emptyTemplate';

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
const INDEX_FIELDS = ['name', 'kind', 'pkAttribute', 'skAttribute', 'projection'] as const;
const ENTITY_FIELDS = ['entity', 'label', 'keys'] as const;
const TEMPLATE_FIELDS = ['pk', 'sk'] as const;
const LITERAL_FIELDS = ['kind', 'text'] as const;
const ATTRIBUTE_FIELDS = ['kind', 'name'] as const;

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
    return { diagnostics: [designDiagnostic('design.jsonSyntax', `the document is empty: a design is a JSON object that starts { "format": "${DESIGN_FORMAT}", ... } (design.json as generate writes it)`, { path: '', span })] };
  }
  const parsed = parseJson(text);
  // The JSON reader's own diagnostics, under this reader's codes.
  const diagnostics: Diagnostic[] = parsed.diagnostics.map((d) => ({ ...d, code: d.code === 'model.jsonTooDeep' ? 'design.jsonTooDeep' : 'design.jsonSyntax' }));
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

interface ReadIndex {
  path: string;
  name: Located | undefined;
  kind: 'table' | 'gsi' | undefined;
  kindSpan: Span | undefined;
  pkAttribute: Located | undefined;
  skAttribute: Located | undefined;
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
        report('design.duplicateField', fieldPath, entry.keySpan, `${fieldPath} is given twice (first at line ${earlier.keySpan.line}, col ${earlier.keySpan.column})`);
        continue;
      }
      fields.set(entry.key, entry);
      if (!known.includes(entry.key)) {
        report('design.unknownField', fieldPath, entry.keySpan, `${fieldPath}: unknown field in ${what}, ignored (known fields: ${known.join(', ')})`, 'warning');
      }
    }
    return { node, path, fields, what };
  }
  function required(o: ObjectFields, field: string): JsonNode | undefined {
    const value = o.fields.get(field)?.value;
    if (value === undefined) {
      const { line, column } = o.node.span;
      report('design.missingField', joinPath(o.path, field), { line, column, endLine: line, endColumn: column + 1 }, `${joinPath(o.path, field)} is missing: ${o.what} needs the field ${quoteName(field)}`);
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
  function list<T>(node: JsonNode | undefined, path: string, expected: string, item: (node: JsonNode, path: string) => T): T[] | undefined {
    if (node === undefined) return undefined;
    if (node.kind !== 'array') {
      wrongType(node, path, expected);
      return undefined;
    }
    return node.items.map((child, i) => item(child, joinPath(path, i)));
  }
  function keyAttribute(node: JsonNode | undefined, path: string): Located | undefined {
    const name = string(node, path);
    if (name && (name.value.length === 0 || utf8Length(name.value) > 255)) {
      report('design.invalidName', path, name.span, `${path} ${quoteName(name.value)} is ${name.value.length === 0 ? 'empty' : `${utf8Length(name.value)} bytes long`}: ${KEY_ATTRIBUTE_RULE}`);
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

  function readIndex(node: JsonNode, path: string): ReadIndex {
    const read: ReadIndex = { path, name: undefined, kind: undefined, kindSpan: undefined, pkAttribute: undefined, skAttribute: undefined };
    const o = fieldsOf(node, path, INDEX_FIELDS, 'an index');
    if (!o) return read;
    read.name = string(required(o, 'name'), joinPath(path, 'name'));
    const kind = string(required(o, 'kind'), joinPath(path, 'kind'));
    if (kind) {
      read.kindSpan = kind.span;
      if (kind.value === 'table' || kind.value === 'gsi') read.kind = kind.value;
      else report('design.unknownValue', kind.path, kind.span, `${kind.path} must be "table" or "gsi", but it is ${quoteName(kind.value)}`);
    }
    read.pkAttribute = keyAttribute(required(o, 'pkAttribute'), joinPath(path, 'pkAttribute'));
    read.skAttribute = keyAttribute(required(o, 'skAttribute'), joinPath(path, 'skAttribute'));
    const projection = string(required(o, 'projection'), joinPath(path, 'projection'));
    if (projection && projection.value !== 'ALL') {
      report('design.unknownValue', projection.path, projection.span, `${projection.path} must be "ALL" (this version projects every attribute into every index), but it is ${quoteName(projection.value)}`);
    }
    const name = read.name;
    if (name) {
      if (read.kind === 'table' && name.value !== 'table') {
        report('design.tableIndex', name.path, name.span, `${name.path} is ${quoteName(name.value)}, but the table's index is named "table" (its DynamoDB name is tableName)`);
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
    const known = kind === 'literal' ? LITERAL_FIELDS : kind === 'attribute' ? ATTRIBUTE_FIELDS : ['kind', 'text', 'name'];
    const o = fieldsOf(node, path, known, 'a key segment');
    if (!o) return undefined;
    const k = string(required(o, 'kind'), joinPath(path, 'kind'));
    if (!k) return undefined;
    if (k.value === 'literal') {
      const text = string(required(o, 'text'), joinPath(path, 'text'));
      if (!text) return undefined;
      if (text.value === '') {
        const terminator = at.part === 'sk' && at.i === at.count - 1 && at.i > 0;
        if (!terminator) report('design.invalidLiteral', text.path, text.span, `${text.path} is empty: an empty literal is only the terminator that ends a sort key (after at least one other segment)`);
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
        report('design.invalidName', name.path, name.span, `${name.path} ${quoteName(name.value)} is not an attribute name: names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*)`);
      }
      return { kind: 'attribute', name: name.value };
    }
    report('design.unknownValue', k.path, k.span, `${k.path} must be "literal" or "attribute", but it is ${quoteName(k.value)}`);
    return undefined;
  }

  function readSegments(node: JsonNode | undefined, path: string, part: 'pk' | 'sk'): Segment[] | undefined {
    if (node === undefined) return undefined;
    if (node.kind !== 'array') {
      wrongType(node, path, 'a list of key segments');
      return undefined;
    }
    if (node.items.length === 0) {
      report('design.emptyTemplate', path, node.span, `${path} is empty: a ${part === 'pk' ? 'partition' : 'sort'} key has at least one segment (DynamoDB refuses empty key values)`);
      return undefined;
    }
    const segments = node.items.map((item, i) => readSegment(item, joinPath(path, i), { part, i, count: node.items.length }));
    return segments.every((s) => s !== undefined) ? segments : undefined;
  }

  function readTemplate(node: JsonNode, path: string): KeyTemplate | undefined {
    const o = fieldsOf(node, path, TEMPLATE_FIELDS, 'a key template');
    if (!o) return undefined;
    const pk = readSegments(required(o, 'pk'), joinPath(path, 'pk'), 'pk');
    const sk = readSegments(required(o, 'sk'), joinPath(path, 'sk'), 'sk');
    return pk && sk ? { pk, sk } : undefined;
  }

  function readEntity(node: JsonNode, path: string): ReadEntity {
    const read: ReadEntity = { path, entity: undefined, label: undefined, keys: undefined, keysNode: undefined };
    const o = fieldsOf(node, path, ENTITY_FIELDS, 'an entity');
    if (!o) return read;
    read.entity = string(required(o, 'entity'), joinPath(path, 'entity'));
    if (read.entity && !isIdentifier(read.entity.value)) {
      report('design.invalidName', read.entity.path, read.entity.span, `${read.entity.path} ${quoteName(read.entity.value)} is not an entity name: names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*)`);
    }
    read.label = string(required(o, 'label'), joinPath(path, 'label'));
    if (read.label) {
      const problem = read.label.value === '' ? 'is empty' : literalProblem(read.label.value);
      if (problem) report('design.invalidLabel', read.label.path, read.label.span, `${read.label.path} ${quoteName(read.label.value)} ${problem}: a label starts keys, and ${LITERAL_RULE}`);
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
      const template = readTemplate(entry.value, templatePath);
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
    if (indexes.length === 0) report('design.tableIndex', 'indexes', indexesNode.span, 'indexes is empty: a design has at least the table (indexes[0], kind "table")');
    indexes.forEach((index, i) => {
      if (i === 0 && index.kind === 'gsi' && index.kindSpan) {
        report('design.tableIndex', joinPath(index.path, 'kind'), index.kindSpan, `${joinPath(index.path, 'kind')} is "gsi", but indexes[0] is the table (kind "table"); the GSIs follow it`);
      }
      if (i > 0 && index.kind === 'table' && index.kindSpan) {
        report('design.tableIndex', joinPath(index.path, 'kind'), index.kindSpan, `${joinPath(index.path, 'kind')} is "table", but only indexes[0] is the table; the others are GSIs (kind "gsi")`);
      }
    });
    const names = new Map<string, Located>();
    for (const { name } of indexes) {
      if (!name) continue;
      const earlier = names.get(name.value);
      if (earlier) report('design.duplicateIndex', name.path, name.span, `${name.path} ${quoteName(name.value)} is already the name of ${earlier.path.slice(0, earlier.path.lastIndexOf('.'))}: index names are unique`);
      else names.set(name.value, name);
    }
  }
  const keyAttributes = new Map<string, Located>();
  for (const attribute of [...(indexes ?? []).flatMap((i) => [i.pkAttribute, i.skAttribute]), entityAttribute]) {
    if (!attribute) continue;
    const earlier = keyAttributes.get(attribute.value);
    if (earlier) {
      report(
        'design.keyAttributeCollision',
        attribute.path,
        attribute.span,
        `${attribute.path} ${quoteName(attribute.value)} is already ${earlier.path}: every index has its own key attributes, and entityAttribute is none of them`,
      );
    } else keyAttributes.set(attribute.value, attribute);
  }

  // The entities: unique names and labels; a table template each; templates only for indexes that exist.
  const indexNames = indexes?.every((i) => i.name) ? new Set(indexes.map((i) => i.name?.value ?? '')) : undefined;
  const entityNames = new Map<string, Located>();
  const labels = new Map<string, Located>();
  const unique = (seen: Map<string, Located>, located: Located | undefined, code: DesignDiagnosticCode, what: string, why: string) => {
    if (!located) return;
    const earlier = seen.get(located.value);
    if (!earlier) seen.set(located.value, located);
    else report(code, located.path, located.span, `${located.path} ${quoteName(located.value)} is already the ${what} of ${earlier.path.slice(0, earlier.path.lastIndexOf('.'))}: ${why}`);
  };
  for (const entity of entities ?? []) {
    unique(entityNames, entity.entity, 'design.duplicateEntity', 'entity', 'an entity has one entry');
    unique(labels, entity.label, 'design.duplicateLabel', 'label', 'labels tell the entities apart in keys, so they are unique');
    if (entity.keysNode && !entity.keysNode.entries.some((e) => e.key === 'table')) {
      const { line, column } = entity.keysNode.span;
      const path = joinPath(entity.path, 'keys');
      report('design.missingTableTemplate', joinPath(path, 'table'), { line, column, endLine: line, endColumn: column + 1 }, `${joinPath(path, 'table')} is missing: every entity has a key template in the table (index "table")`);
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
    if (!i.name || !i.kind || !i.pkAttribute || !i.skAttribute) return undefined;
    layoutIndexes.push({ name: i.name.value, kind: i.kind, pkAttribute: i.pkAttribute.value, skAttribute: i.skAttribute.value, projection: 'ALL' });
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

function isBlank(text: string): boolean {
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function bySpan(a: Diagnostic, b: Diagnostic): number {
  if (!a.span || !b.span) return (a.span ? 0 : 1) - (b.span ? 0 : 1);
  return a.span.line - b.span.line || a.span.column - b.span.column;
}
