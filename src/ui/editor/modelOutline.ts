// A forgiving scan of the model text for what the editor offers and explains while you
// type: entities (key, count, relations, attributes with their types) and the patterns
// with the attributes they use, read line by line even when the text has errors (the
// parser's model only exists once there are none).
import { readLine } from './lineGrammar.ts';

export interface OutlineAttribute {
  name: string;
  /** The type as written (`string`, `"a" | "b"`, `number in (1, 2)`). */
  type: string;
  optional: boolean;
}

export interface OutlineEntity {
  name: string;
  /** 1-based line of its header. */
  line: number;
  attributes: OutlineAttribute[];
  key: string[];
  count?: string;
  belongsTo: { entity: string; via: string[] }[];
}

export interface OutlinePattern {
  name: string;
  entity: string;
  line: number;
  /** The attributes named in by, where and order by. */
  attributes: string[];
}

export interface ModelOutline {
  entities: OutlineEntity[];
  patterns: OutlinePattern[];
}

const ATTRIBUTE_LINE = /^\s+([A-Za-z_][A-Za-z0-9_]*)\s*(\?)?\s*:\s*(.*?)\s*(#.*)?$/;

export function modelOutline(text: string): ModelOutline {
  const entities: OutlineEntity[] = [];
  const patterns: OutlinePattern[] = [];
  let current: OutlineEntity | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (/^entity\s/.test(line)) {
      const reading = readLine(line);
      if (reading.entity === undefined) return;
      current = { name: reading.entity, line: i + 1, attributes: [], key: [], belongsTo: [] };
      for (const { token, role, clause } of reading.tokens) {
        if (clause === 'key' && role === 'attribute') current.key.push(token.text);
        else if (clause === 'count' && role === 'value') current.count = token.text;
        else if (clause === 'belongsTo' && role === 'entity') current.belongsTo.push({ entity: token.text, via: [] });
        else if (clause === 'belongsTo' && role === 'attribute') current.belongsTo[current.belongsTo.length - 1]?.via.push(token.text);
      }
      entities.push(current);
      return;
    }
    if (/^\s*(#.*)?$/.test(line)) return;
    const attribute = ATTRIBUTE_LINE.exec(line);
    if (attribute?.[1] !== undefined && current) {
      current.attributes.push({ name: attribute[1], optional: attribute[2] === '?', type: attribute[3] ?? '' });
      return;
    }
    if (/^\s/.test(line)) return;
    current = undefined;
    const reading = readLine(line);
    const name = reading.tokens[0];
    if (reading.place === 'pattern' && name && reading.entity !== undefined) {
      const used = reading.tokens.filter((t) => t.role === 'attribute').map((t) => t.token.text);
      patterns.push({ name: name.token.text, entity: reading.entity, line: i + 1, attributes: [...new Set(used)] });
    }
  });
  return { entities, patterns };
}

/** The entity whose block holds 1-based `line` (its header or an attribute line below it). */
export function entityAtLine(outline: ModelOutline, text: string, line: number): OutlineEntity | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let found: OutlineEntity | undefined;
  for (const entity of outline.entities) if (entity.line <= line) found = entity;
  if (!found) return undefined;
  for (let l = found.line + 1; l <= line; l++) {
    const content = lines[l - 1] ?? '';
    if (!/^\s/.test(content) && !/^\s*(#.*)?$/.test(content)) return undefined;
  }
  return found;
}
