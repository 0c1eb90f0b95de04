// Writes a model in the text form's canonical layout (see README.md): model, source and table
// lines, one block per entity (header, then indented attributes), then one line per access pattern.
// parseModelText reads it back to the same model.
import { TABLE_CLAUSE_WORDS } from './parseModelText.ts';
import { fixedEntries } from './patternEqualities.ts';
import type { Attribute, Entity, Model, Pattern, Rate, Scalar, TableSettings } from './types.ts';

export function printModelText(model: Model): string {
  const lines = [`model ${quote(model.name)}`];
  if (model.source !== undefined) lines.push(`source ${quote(model.source)}`);
  if (model.table !== undefined) lines.push(printTableLine(model.table));
  for (const entity of model.entities) {
    lines.push('', entityHeader(entity));
    for (const attribute of entity.attributes) lines.push(`  ${attribute.name}${attribute.optional ? '?' : ''}: ${attributeType(attribute)}`);
  }
  if (model.patterns.length > 0) lines.push('');
  for (const pattern of model.patterns) lines.push(patternLine(pattern, model));
  return `${lines.join('\n')}\n`;
}

/** A JSON string literal, with the two line separators JSON leaves raw escaped too (editors break lines there). */
function quote(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function names(list: readonly string[]): string {
  return list.length === 1 ? (list[0] ?? '') : `(${list.join(', ')})`;
}

function entityHeader(entity: Entity): string {
  let line = `entity ${entity.name} key ${names(entity.key)}`;
  if (entity.count !== undefined) line += ` count ${String(entity.count)}`;
  if (entity.belongsTo.length > 0) line += ` belongsTo ${entity.belongsTo.map((b) => `${b.entity} via ${names(b.via)}`).join(', ')}`;
  for (const set of entity.unique ?? []) line += ` unique ${names(set)}`;
  if (entity.version !== undefined) line += ` version ${entity.version}`;
  if (entity.ttl !== undefined) line += ` ttl ${entity.ttl}`;
  if (entity.writes !== undefined) line += ` writes ${printRate(entity.writes)}`;
  if (entity.itemBytes !== undefined) line += ` itemBytes ${String(entity.itemBytes)}`;
  return line;
}

/** `5` or `5 peak 50`: a rate's words after its clause (`rate`, `writes`), e.g. for rewriting that clause of a source. */
export function printRate(rate: Rate): string {
  return rate.peak === undefined ? String(rate.avg) : `${String(rate.avg)} peak ${String(rate.peak)}`;
}

/** A plain word as itself, anything else (an invalid value, kept) quoted. */
function word(text: string): string {
  return /^[A-Za-z0-9_.-]+$/.test(text) ? text : quote(text);
}

/** The table line of the text form (canonical: clauses in the README's order), e.g. for rewriting that one line of a source. */
export function printTableLine(table: TableSettings): string {
  let line = 'table';
  if (table.name !== undefined) line += ` ${(TABLE_CLAUSE_WORDS as readonly string[]).includes(table.name) ? quote(table.name) : word(table.name)}`;
  if (table.billing !== undefined) line += ` billing ${word(table.billing)}`;
  if (table.read !== undefined) line += ` read ${String(table.read)}`;
  if (table.write !== undefined) line += ` write ${String(table.write)}`;
  if (table.stream !== undefined) line += ` stream ${word(table.stream)}`;
  if (table.pitr !== undefined) line += table.pitr ? ' pitr' : ' pitr off';
  if (table.deletionProtection !== undefined) line += table.deletionProtection ? ' deletionProtection' : ' deletionProtection off';
  if (table.tableClass !== undefined) line += ` class ${word(table.tableClass)}`;
  return line;
}

function literal(value: Scalar): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function attributeType(attribute: Attribute): string {
  const values = attribute.values;
  if (values === undefined) return attribute.type;
  const literalType = values.every((v) => typeof v === 'string')
    ? 'string'
    : values.every((v) => typeof v === 'number' && Number.isFinite(v))
      ? 'number'
      : values.every((v) => typeof v === 'boolean')
        ? 'boolean'
        : undefined;
  if (values.length > 0 && literalType === attribute.type) return values.map(literal).join(' | ');
  return `${attribute.type} in (${values.map(literal).join(', ')})`;
}

function patternLine(pattern: Pattern, model: Model): string {
  let line = `${pattern.name}: ${pattern.entity}`;
  if (pattern.equals.length > 0) line += ` by ${pattern.equals.join(', ')}`;
  const { range, order } = pattern;
  // One where clause: the literal conditions (fixed) in their order, then the range.
  const conditions = fixedEntries(pattern).map(([name, value]) => `${name} = ${literal(value)}`);
  if (range) conditions.push(`${range.attribute} ${range.op === 'between' ? 'between ? and ?' : `${range.op} ?`}`);
  if (conditions.length > 0) line += ` where ${conditions.join(' and ')}`;
  if (order) {
    const type = model.entities.find((e) => e.name === pattern.entity)?.attributes.find((a) => a.name === order.attribute)?.type;
    const timely = type === 'date' || type === 'datetime';
    if (range && range.attribute === order.attribute && timely && (order.direction === 'asc' || order.direction === 'desc')) {
      line += order.direction === 'desc' ? ' newest first' : ' oldest first';
    } else line += ` order by ${order.attribute} ${order.direction}`;
  }
  if (pattern.limit !== undefined) line += ` limit ${String(pattern.limit)}`;
  if (pattern.include !== undefined && pattern.include.length > 0) line += ` with ${pattern.include.join(', ')}`;
  if (pattern.returns !== 'many') line += ` returns ${pattern.returns}`;
  if (pattern.consistent) line += ' consistent';
  if (pattern.rate !== undefined) line += ` rate ${printRate(pattern.rate)}`;
  if (pattern.shards !== undefined) line += ` shards ${String(pattern.shards)}`;
  if (pattern.text !== undefined) line += ` ${quote(pattern.text)}`;
  return line;
}
