// Writes a model as a problem file (FORMAT.md): `format` first, fields in FORMAT.md order,
// optional fields only when present. Two-space indentation; small objects and lists of plain
// values stay on one line, like the example files.
import { PROBLEM_FORMAT } from './parseProblemJson.ts';
import { fixedEntries } from './patternEqualities.ts';
import type { Attribute, Entity, Model, Pattern, Rate, TableSettings } from './types.ts';

type Json = string | number | boolean | null | Json[] | JsonFields;
/** An object as an ordered list of fields, so that the order is the one written here. */
interface JsonFields {
  fields: [string, Json][];
}

const MAX_LINE = 100;

export function problemToJson(model: Model): string {
  const fields: [string, Json][] = [
    ['format', PROBLEM_FORMAT],
    ['name', model.name],
  ];
  if (model.source !== undefined) fields.push(['source', model.source]);
  if (model.table !== undefined) fields.push(['table', tableJson(model.table)]);
  fields.push(['entities', model.entities.map(entityJson)], ['patterns', model.patterns.map(patternJson)]);
  return `${write({ fields }, '')}\n`;
}

function entityJson(entity: Entity): Json {
  const fields: [string, Json][] = [
    ['name', entity.name],
    ['attributes', entity.attributes.map(attributeJson)],
    ['key', [...entity.key]],
  ];
  if (entity.belongsTo.length > 0) {
    fields.push([
      'belongsTo',
      entity.belongsTo.map((b) => ({
        fields: [
          ['entity', b.entity],
          ['via', [...b.via]],
        ],
      })),
    ]);
  }
  if (entity.count !== undefined) fields.push(['count', entity.count]);
  if (entity.unique !== undefined) fields.push(['unique', entity.unique.map((set) => [...set])]);
  if (entity.version !== undefined) fields.push(['version', entity.version]);
  if (entity.ttl !== undefined) fields.push(['ttl', entity.ttl]);
  if (entity.writes !== undefined) fields.push(['writes', rateJson(entity.writes)]);
  if (entity.itemBytes !== undefined) fields.push(['itemBytes', entity.itemBytes]);
  return { fields };
}

/** The table's settings in FORMAT.md order, each only when present. */
function tableJson(table: TableSettings): Json {
  const fields: [string, Json][] = [];
  if (table.name !== undefined) fields.push(['name', table.name]);
  if (table.billing !== undefined) fields.push(['billing', table.billing]);
  if (table.read !== undefined) fields.push(['read', table.read]);
  if (table.write !== undefined) fields.push(['write', table.write]);
  if (table.stream !== undefined) fields.push(['stream', table.stream]);
  if (table.pitr !== undefined) fields.push(['pitr', table.pitr]);
  if (table.deletionProtection !== undefined) fields.push(['deletionProtection', table.deletionProtection]);
  if (table.tableClass !== undefined) fields.push(['tableClass', table.tableClass]);
  return { fields };
}

/**
 * The `table` value of a problem file as problemToJson writes it, for rewriting that one field of a
 * source: `indent` is its line's indentation, `prefix` how many characters precede the value on it.
 */
export function tableSettingsJson(table: TableSettings, indent = '', prefix = indent.length): string {
  return write(tableJson(table), indent, prefix);
}

function attributeJson(attribute: Attribute): Json {
  const fields: [string, Json][] = [
    ['name', attribute.name],
    ['type', attribute.type],
  ];
  if (attribute.values !== undefined) fields.push(['values', [...attribute.values]]);
  if (attribute.optional) fields.push(['optional', true]);
  return { fields };
}

function patternJson(pattern: Pattern): Json {
  const fields: [string, Json][] = [['name', pattern.name]];
  if (pattern.text !== undefined) fields.push(['text', pattern.text]);
  fields.push(['entity', pattern.entity], ['equals', [...pattern.equals]]);
  if (pattern.fixed !== undefined) fields.push(['fixed', { fields: fixedEntries(pattern) }]);
  if (pattern.range)
    fields.push([
      'range',
      {
        fields: [
          ['attribute', pattern.range.attribute],
          ['op', pattern.range.op],
        ],
      },
    ]);
  if (pattern.order)
    fields.push([
      'order',
      {
        fields: [
          ['attribute', pattern.order.attribute],
          ['direction', pattern.order.direction],
        ],
      },
    ]);
  if (pattern.limit !== undefined) fields.push(['limit', pattern.limit]);
  if (pattern.include !== undefined) fields.push(['include', [...pattern.include]]);
  fields.push(['returns', pattern.returns]);
  if (pattern.rate !== undefined) fields.push(['rate', rateJson(pattern.rate)]);
  if (pattern.consistent) fields.push(['consistent', true]);
  if (pattern.shards !== undefined) fields.push(['shards', pattern.shards]);
  return { fields };
}

/** A rate's value in a problem file as problemToJson writes it (`{ "avg": 5, "peak": 50 }`), e.g. for rewriting that one field of a source. */
export function rateJsonText(rate: Rate): string {
  return inline(rateJson(rate));
}

function rateJson(rate: Rate): Json {
  const fields: [string, Json][] = [['avg', rate.avg]];
  if (rate.peak !== undefined) fields.push(['peak', rate.peak]);
  return { fields };
}

function isContainer(value: Json): value is Json[] | JsonFields {
  return typeof value === 'object' && value !== null;
}

function children(value: Json[] | JsonFields): Json[] {
  return Array.isArray(value) ? value : value.fields.map(([, v]) => v);
}

/** The value on one line. */
function inline(value: Json): string {
  if (!isContainer(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  return value.fields.length === 0 ? '{}' : `{ ${value.fields.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
}

/** Whether a list of objects sits anywhere below the value (such values are never on one line). */
function holdsObjectList(value: Json[] | JsonFields): boolean {
  return children(value).some(
    (child) => isContainer(child) && ((Array.isArray(child) && child.some((item) => isContainer(item) && !Array.isArray(item))) || holdsObjectList(child)),
  );
}

/** `prefix` is what comes before the value on its line (the indentation and the field name). */
function write(value: Json, indent: string, prefix = indent.length): string {
  if (!isContainer(value)) return JSON.stringify(value);
  const items = children(value);
  if (items.length === 0) return Array.isArray(value) ? '[]' : '{}';
  if (!holdsObjectList(value)) {
    const line = inline(value);
    if (prefix + line.length + 1 <= MAX_LINE) return line;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${value.fields
    .map(([k, v]) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return head + write(v, inner, head.length);
    })
    .join(',\n')}\n${indent}}`;
}
