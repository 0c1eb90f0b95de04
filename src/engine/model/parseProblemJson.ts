// Reads a problem file (FORMAT.md, `ddb-design-problem/1`) into a Model, with a span for every
// value by JSON path. Structural problems (syntax, wrong types, missing fields, duplicate fields)
// are all reported at once; the model is read around them with placeholders, listed as
// unreadable so that the semantic rules (validateModel) do not report their consequences.
import type { Diagnostic, SourceMap, Span } from './diagnostics.ts';
import { joinPath } from './jsonPath.ts';
import { modelDiagnostic, quoteName, type ModelDiagnosticCode } from './modelDiagnostic.ts';
import { describeJsonNode, parseJson, type JsonEntry, type JsonNode, type JsonObjectNode } from './parseJson.ts';
import { parseResult, type ParseResult } from './parseResult.ts';
import type {
  Attribute,
  AttributeType,
  BelongsTo,
  BillingMode,
  Direction,
  Entity,
  Model,
  Pattern,
  RangeOp,
  Rate,
  Scalar,
  StreamView,
  TableClass,
  TableSettings,
} from './types.ts';

export const PROBLEM_FORMAT = 'ddb-design-problem/1';

const MODEL_FIELDS = ['format', 'name', 'source', 'table', 'entities', 'patterns'] as const;
const ENTITY_FIELDS = ['name', 'attributes', 'key', 'belongsTo', 'count', 'unique', 'version', 'ttl', 'writes', 'itemBytes'] as const;
const ATTRIBUTE_FIELDS = ['name', 'type', 'values', 'optional'] as const;
const BELONGS_TO_FIELDS = ['entity', 'via'] as const;
const PATTERN_FIELDS = ['name', 'text', 'entity', 'equals', 'fixed', 'range', 'order', 'limit', 'include', 'returns', 'rate', 'consistent', 'shards'] as const;
const RATE_FIELDS = ['avg', 'peak'] as const;
const RANGE_FIELDS = ['attribute', 'op'] as const;
const ORDER_FIELDS = ['attribute', 'direction'] as const;
const TABLE_FIELDS = ['name', 'billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'tableClass'] as const;

export function parseProblemJson(text: string): ParseResult {
  const parsed = parseJson(text);
  const diagnostics = [...parsed.diagnostics];
  const sourceMap: SourceMap = new Map();
  if (!parsed.value) return parseResult(undefined, diagnostics, sourceMap);
  recordSpans(parsed.value, '', sourceMap, diagnostics);
  const unreadable = new Set<string>();
  const model = readProblem(parsed.value, diagnostics, unreadable);
  return parseResult(model, diagnostics, sourceMap, unreadable);
}

/** Records the span of every value by path, and reports fields given twice in one object. */
function recordSpans(node: JsonNode, path: string, sourceMap: SourceMap, diagnostics: Diagnostic[]) {
  if (!sourceMap.has(path)) sourceMap.set(path, node.span);
  if (node.kind === 'array') node.items.forEach((item, i) => recordSpans(item, joinPath(path, i), sourceMap, diagnostics));
  if (node.kind === 'object') {
    const first = new Map<string, JsonEntry>();
    for (const entry of node.entries) {
      const fieldPath = joinPath(path, entry.key);
      const earlier = first.get(entry.key);
      if (earlier) {
        diagnostics.push(
          modelDiagnostic(
            'model.duplicateField',
            `the field ${quoteName(entry.key)} is given twice in this object (first at line ${earlier.keySpan.line}, col ${earlier.keySpan.column})`,
            {
              path: fieldPath,
              span: entry.keySpan,
            },
          ),
        );
        continue;
      }
      first.set(entry.key, entry);
      recordSpans(entry.value, fieldPath, sourceMap, diagnostics);
    }
  }
}

function readProblem(root: JsonNode, diagnostics: Diagnostic[], unreadable: Set<string>): Model | undefined {
  const error = (code: ModelDiagnosticCode, path: string, span: Span, message: string) => {
    diagnostics.push(modelDiagnostic(code, message, { path, span }));
  };
  const wrongType = (node: JsonNode, path: string, expected: string) => {
    error('model.wrongType', path, node.span, `${path || 'the document'} must be ${expected}, but it is ${describeJsonNode(node)}`);
    unreadable.add(path);
  };

  /** The fields of an object (first of any duplicates), warning about the ones FORMAT.md does not define. */
  function fieldsOf(node: JsonNode, path: string, known: readonly string[], what: string): ObjectFields | undefined {
    if (node.kind !== 'object') {
      wrongType(node, path, `an object (${what})`);
      return undefined;
    }
    const fields = new Map<string, JsonNode>();
    for (const entry of node.entries) {
      if (fields.has(entry.key)) continue;
      fields.set(entry.key, entry.value);
      if (!known.includes(entry.key)) {
        diagnostics.push(
          modelDiagnostic(
            'model.unknownField',
            `unknown field ${quoteName(entry.key)} in ${what}: ignored (known fields: ${known.join(', ')})`,
            { path: joinPath(path, entry.key), span: entry.keySpan },
            'warning',
          ),
        );
      }
    }
    return { node, path, fields, what };
  }
  function required(o: ObjectFields, field: string): JsonNode | undefined {
    const value = o.fields.get(field);
    if (value === undefined) {
      const path = joinPath(o.path, field);
      const { line, column } = o.node.span;
      error('model.missingField', path, { line, column, endLine: line, endColumn: column + 1 }, `${o.what} is missing the required field ${quoteName(field)}`);
      unreadable.add(path);
    }
    return value;
  }
  function string(node: JsonNode | undefined, path: string): string {
    if (node === undefined) return '';
    if (node.kind === 'string') return node.value;
    wrongType(node, path, 'a string');
    return '';
  }
  function optionalString(o: ObjectFields, field: string): string | undefined {
    const node = o.fields.get(field);
    return node === undefined ? undefined : string(node, joinPath(o.path, field));
  }
  function list<T>(node: JsonNode | undefined, path: string, expected: string, item: (node: JsonNode, path: string) => T): T[] {
    if (node === undefined) return [];
    if (node.kind !== 'array') {
      wrongType(node, path, expected);
      return [];
    }
    return node.items.map((child, i) => item(child, joinPath(path, i)));
  }
  const names = (node: JsonNode | undefined, path: string) => list(node, path, 'a list of names', string);
  function optionalNumber(o: ObjectFields, field: string): number | undefined {
    const node = o.fields.get(field);
    if (node === undefined) return undefined;
    if (node.kind === 'number') return node.value;
    wrongType(node, joinPath(o.path, field), 'a number');
    return undefined;
  }
  function optionalBoolean(o: ObjectFields, field: string): boolean | undefined {
    const node = o.fields.get(field);
    if (node === undefined) return undefined;
    if (node.kind === 'boolean') return node.value;
    wrongType(node, joinPath(o.path, field), 'true or false');
    return undefined;
  }

  /** `{ "avg": 5, "peak": 50 }` (peak optional); the numbers are checked by validateModel. */
  function optionalRate(o: ObjectFields, field: string, what: string): Rate | undefined {
    const node = o.fields.get(field);
    if (node === undefined) return undefined;
    const r = fieldsOf(node, joinPath(o.path, field), RATE_FIELDS, `a rate (${what}: { "avg": 5, "peak": 50 })`);
    if (!r) return undefined;
    const avg = required(r, 'avg');
    const rate: Rate = { avg: 0 };
    if (avg !== undefined) {
      if (avg.kind === 'number') rate.avg = avg.value;
      else wrongType(avg, joinPath(r.path, 'avg'), 'a number');
    }
    const peak = optionalNumber(r, 'peak');
    if (peak !== undefined) rate.peak = peak;
    return rate;
  }

  function readAttribute(node: JsonNode, path: string): Attribute {
    const o = fieldsOf(node, path, ATTRIBUTE_FIELDS, 'an attribute');
    if (!o) return { name: '', type: 'string' };
    const attribute: Attribute = {
      name: string(required(o, 'name'), joinPath(path, 'name')),
      type: string(required(o, 'type'), joinPath(path, 'type')) as AttributeType,
    };
    const values = o.fields.get('values');
    if (values !== undefined) {
      attribute.values = list(values, joinPath(path, 'values'), 'a list of values', (v, p): Scalar => {
        if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') return v.value;
        wrongType(v, p, 'a string, a number or a boolean');
        return '';
      });
    }
    const optional = o.fields.get('optional');
    if (optional !== undefined) {
      // `false` says what leaving the field out says.
      if (optional.kind === 'boolean') {
        if (optional.value) attribute.optional = true;
      } else wrongType(optional, joinPath(path, 'optional'), 'true or false');
    }
    return attribute;
  }

  function readBelongsTo(node: JsonNode, path: string): BelongsTo {
    const o = fieldsOf(node, path, BELONGS_TO_FIELDS, 'a belongsTo relation');
    if (!o) return { entity: '', via: [] };
    return {
      entity: string(required(o, 'entity'), joinPath(path, 'entity')),
      via: names(required(o, 'via'), joinPath(path, 'via')),
    };
  }

  function readEntity(node: JsonNode, path: string): Entity {
    const o = fieldsOf(node, path, ENTITY_FIELDS, 'an entity');
    if (!o) return { name: '', attributes: [], key: [], belongsTo: [] };
    const entity: Entity = {
      name: string(required(o, 'name'), joinPath(path, 'name')),
      attributes: list(required(o, 'attributes'), joinPath(path, 'attributes'), 'a list of attributes', readAttribute),
      key: names(required(o, 'key'), joinPath(path, 'key')),
      belongsTo: list(o.fields.get('belongsTo'), joinPath(path, 'belongsTo'), 'a list of relations', readBelongsTo),
    };
    const count = o.fields.get('count');
    if (count !== undefined) {
      if (count.kind === 'number') entity.count = count.value;
      else wrongType(count, joinPath(path, 'count'), 'a number');
    }
    const unique = o.fields.get('unique');
    if (unique !== undefined)
      entity.unique = list(unique, joinPath(path, 'unique'), 'a list of attribute lists', (set, p) => list(set, p, 'a list of names', string));
    const version = optionalString(o, 'version');
    if (version !== undefined) entity.version = version;
    const ttl = optionalString(o, 'ttl');
    if (ttl !== undefined) entity.ttl = ttl;
    const writes = optionalRate(o, 'writes', 'expected writes per second');
    if (writes !== undefined) entity.writes = writes;
    const itemBytes = optionalNumber(o, 'itemBytes');
    if (itemBytes !== undefined) entity.itemBytes = itemBytes;
    return entity;
  }

  function readPattern(node: JsonNode, path: string): Pattern {
    const o = fieldsOf(node, path, PATTERN_FIELDS, 'an access pattern');
    if (!o) return { name: '', entity: '', equals: [], returns: 'many' };
    const pattern: Pattern = {
      name: string(required(o, 'name'), joinPath(path, 'name')),
      entity: string(required(o, 'entity'), joinPath(path, 'entity')),
      equals: names(required(o, 'equals'), joinPath(path, 'equals')),
      returns: 'many',
    };
    const text = optionalString(o, 'text');
    if (text !== undefined) pattern.text = text;
    const range = o.fields.get('range');
    if (range !== undefined) {
      const r = fieldsOf(range, joinPath(path, 'range'), RANGE_FIELDS, 'a range');
      if (r) {
        pattern.range = {
          attribute: string(required(r, 'attribute'), joinPath(r.path, 'attribute')),
          op: string(required(r, 'op'), joinPath(r.path, 'op')) as RangeOp,
        };
      }
    }
    const order = o.fields.get('order');
    if (order !== undefined) {
      const r = fieldsOf(order, joinPath(path, 'order'), ORDER_FIELDS, 'an order');
      if (r) {
        pattern.order = {
          attribute: string(required(r, 'attribute'), joinPath(r.path, 'attribute')),
          direction: string(required(r, 'direction'), joinPath(r.path, 'direction')) as Direction,
        };
      }
    }
    const fixed = o.fields.get('fixed');
    if (fixed !== undefined) {
      const fixedPath = joinPath(path, 'fixed');
      if (fixed.kind !== 'object') wrongType(fixed, fixedPath, 'an object (attribute → value)');
      else {
        // Attribute → literal, in the order given (first of any duplicates, which recordSpans reports).
        // fromEntries defines own properties: an attribute named __proto__ stays data.
        const entries: [string, Scalar][] = [];
        const seen = new Set<string>();
        for (const entry of fixed.entries) {
          if (seen.has(entry.key)) continue;
          seen.add(entry.key);
          const v = entry.value;
          if (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') entries.push([entry.key, v.value]);
          else wrongType(v, joinPath(fixedPath, entry.key), 'a string, a number or a boolean');
        }
        pattern.fixed = Object.fromEntries(entries);
      }
    }
    const limit = optionalNumber(o, 'limit');
    if (limit !== undefined) pattern.limit = limit;
    const include = o.fields.get('include');
    if (include !== undefined) pattern.include = names(include, joinPath(path, 'include'));
    const returns = required(o, 'returns');
    if (returns !== undefined) pattern.returns = string(returns, joinPath(path, 'returns')) as Pattern['returns'];
    const rate = optionalRate(o, 'rate', 'expected calls per second');
    if (rate !== undefined) pattern.rate = rate;
    // `false` says what leaving the field out says.
    if (optionalBoolean(o, 'consistent') === true) pattern.consistent = true;
    const shards = optionalNumber(o, 'shards');
    if (shards !== undefined) pattern.shards = shards;
    return pattern;
  }

  const top = fieldsOf(root, '', MODEL_FIELDS, 'the problem');
  if (!top) return undefined;
  const format = top.fields.get('format');
  if (format === undefined) {
    const { line, column } = root.span;
    diagnostics.push(
      modelDiagnostic(
        'model.missingFormat',
        `no "format" field: reading it as ${PROBLEM_FORMAT} (add "format": "${PROBLEM_FORMAT}")`,
        { path: 'format', span: { line, column, endLine: line, endColumn: column + 1 } },
        'warning',
      ),
    );
  } else if (format.kind === 'string' && format.value !== PROBLEM_FORMAT) {
    error('model.badFormat', 'format', format.span, `unsupported format ${quoteName(format.value)}: this reader understands ${PROBLEM_FORMAT}`);
  } else {
    string(format, 'format');
  }
  const model: Model = {
    name: string(required(top, 'name'), 'name'),
    entities: list(required(top, 'entities'), 'entities', 'a list of entities', readEntity),
    patterns: list(required(top, 'patterns'), 'patterns', 'a list of access patterns', readPattern),
  };
  const source = optionalString(top, 'source');
  if (source !== undefined) model.source = source;
  const table = top.fields.get('table');
  if (table !== undefined) {
    const t = fieldsOf(table, 'table', TABLE_FIELDS, 'the table settings');
    if (t) model.table = readTable(t);
  }
  return model;

  /** Every field optional; the values are checked by validateModel (enumerations, capacities, the name). */
  function readTable(t: ObjectFields): TableSettings {
    const settings: TableSettings = {};
    const name = optionalString(t, 'name');
    if (name !== undefined) settings.name = name;
    const billing = optionalString(t, 'billing');
    if (billing !== undefined) settings.billing = billing as BillingMode;
    const read = optionalNumber(t, 'read');
    if (read !== undefined) settings.read = read;
    const write = optionalNumber(t, 'write');
    if (write !== undefined) settings.write = write;
    const stream = optionalString(t, 'stream');
    if (stream !== undefined) settings.stream = stream as StreamView;
    const pitr = optionalBoolean(t, 'pitr');
    if (pitr !== undefined) settings.pitr = pitr;
    const deletionProtection = optionalBoolean(t, 'deletionProtection');
    if (deletionProtection !== undefined) settings.deletionProtection = deletionProtection;
    const tableClass = optionalString(t, 'tableClass');
    if (tableClass !== undefined) settings.tableClass = tableClass as TableClass;
    return settings;
  }
}

interface ObjectFields {
  node: JsonObjectNode;
  path: string;
  fields: Map<string, JsonNode>;
  what: string;
}
