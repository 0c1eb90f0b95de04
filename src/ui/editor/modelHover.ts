// The hover of a word in the model text: a keyword's entry of the language reference,
// an entity's key, count and relations, an attribute's type, whether it is optional, and
// the patterns that use it. Pure (text in, markdown out); every name is escaped, as
// Monaco renders the markdown with HTML off.
import type { Span } from '../../engine/index.ts';
import { commentStart } from './completions.ts';
import { referenceFor } from './languageReference.ts';
import { escapeMarkdown as escape, markdownCode as code } from './markdownText.ts';
import { readLine } from './lineGrammar.ts';
import { entityAtLine, modelOutline, type ModelOutline, type OutlineEntity } from './modelOutline.ts';

export interface WordHover {
  span: Span;
  markdown: string;
}

/** The hover at 1-based `line` and `column` of `text`. */
export function modelHover(text: string, line: number, column: number, outline: ModelOutline = modelOutline(text)): WordHover | undefined {
  const content = text.split(/\r\n|\r|\n/)[line - 1];
  if (content === undefined) return undefined;
  const at = column - 1;
  const comment = commentStart(content);
  if (comment !== undefined && at >= comment) {
    return at === comment ? keywordHover('#', 'line', line, comment, comment + 1) : undefined;
  }
  const reading = readLine(content);
  const hit = reading.tokens.find(({ token }) => at >= token.start && at < token.end);
  if (!hit) return undefined;
  const { token, role } = hit;
  const place = reading.place === 'start' || reading.place === 'other' ? 'line' : reading.place;
  const span: Span = { line, column: token.start + 1, endLine: line, endColumn: token.end + 1 };
  const lineEntity = reading.place === 'attribute' ? entityAtLine(outline, text, line) : outline.entities.find((e) => e.name === reading.entity);
  if (role === 'keyword' || (role === 'value' && token.kind === 'string' && hit.clause === 'text')) {
    return keywordHover(token.kind === 'string' ? '"' : token.text, place, line, token.start, token.end);
  }
  if (role === 'entity') {
    const entity = outline.entities.find((e) => e.name === token.text);
    return { span, markdown: entity ? entityMarkdown(entity, outline) : `**${escape(token.text)}**: no entity of this name in the model` };
  }
  if (role === 'attribute' && lineEntity) {
    const markdown = attributeMarkdown(lineEntity, token.text, outline);
    return markdown === undefined ? undefined : { span, markdown };
  }
  return undefined;
}

function keywordHover(word: string, place: Parameters<typeof referenceFor>[1], line: number, start: number, end: number): WordHover | undefined {
  const entry = referenceFor(word, place);
  if (!entry) return undefined;
  return {
    span: { line, column: start + 1, endLine: line, endColumn: end + 1 },
    markdown: [`${code(entry.syntax)}: ${escape(entry.summary)}`, `Example: ${code(entry.example.trim())}`].join('\n\n'),
  };
}

function entityMarkdown(entity: OutlineEntity, outline: ModelOutline): string {
  const lines = [`**${escape(entity.name)}** (entity)`];
  lines.push(`key ${code(entity.key.join(', ') || '(none)')}${entity.key.length > 1 ? ' (composite)' : ''}`);
  lines.push(
    entity.count === undefined
      ? 'count not given: 20 sample records, and the cost estimate counts those'
      : `count ${escape(entity.count)}: the sample records and the cost estimate assume this many`,
  );
  for (const b of entity.belongsTo) lines.push(`belongs to **${escape(b.entity)}** via ${code(b.via.join(', '))}`);
  const children = outline.entities.filter((e) => e.belongsTo.some((b) => b.entity === entity.name)).map((e) => `**${escape(e.name)}**`);
  if (children.length > 0) lines.push(`parent of ${children.join(', ')} (with ${children.length === 1 ? 'it' : 'them'} in a pattern: \`with\`)`);
  const patterns = outline.patterns.filter((p) => p.entity === entity.name).map((p) => code(p.name));
  lines.push(
    `${entity.attributes.length} attribute${entity.attributes.length === 1 ? '' : 's'}; ${patterns.length === 0 ? 'no pattern reads it' : `read by ${patterns.join(', ')}`}`,
  );
  return lines.join('\n\n');
}

function attributeMarkdown(entity: OutlineEntity, name: string, outline: ModelOutline): string | undefined {
  const attribute = entity.attributes.find((a) => a.name === name);
  if (!attribute) return `${code(name)}: not an attribute of **${escape(entity.name)}**`;
  const lines = [`**${escape(entity.name)}.${escape(name)}**: ${code(attribute.type || '?')}${attribute.optional ? ', optional (records may lack it)' : ''}`];
  const roles: string[] = [];
  if (entity.key.includes(name)) roles.push('in the key');
  for (const b of entity.belongsTo) if (b.via.includes(name)) roles.push(`holds the ${escape(b.entity)} key`);
  if (roles.length > 0) lines.push(roles.join('; '));
  const patterns = outline.patterns.filter((p) => p.entity === entity.name && p.attributes.includes(name)).map((p) => code(p.name));
  lines.push(patterns.length === 0 ? 'no pattern uses it' : `used by ${patterns.join(', ')}`);
  return lines.join('\n\n');
}
