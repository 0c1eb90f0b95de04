// What to offer at the cursor in the model text: only what the parser accepts there
// (lineGrammar.ts follows its grammar), each with its one-line description from the
// language reference. Entity names, the attributes of the entity the line is about (not
// optional ones where a key is named), keywords, operators and types. Pure: the Monaco
// provider (monacoSetup.ts) only maps kinds and ranges.
import { referenceFor, type ReferencePlace } from './languageReference.ts';
import { readLine, type Expect } from './lineGrammar.ts';
import type { ModelOutline, OutlineAttribute } from './modelOutline.ts';

export type CompletionKind = 'entity' | 'attribute' | 'keyword' | 'operator' | 'type';

export interface Completion {
  label: string;
  kind: CompletionKind;
  /** One line: what it is. */
  detail: string;
  /** A longer note (an example line), when there is one. */
  documentation?: string;
  /** What to insert, when not the label (`newest first`). */
  insertText?: string;
}

/** Keywords that come in two words, offered whole. */
const PAIRS: Record<string, string> = { newest: 'newest first', oldest: 'oldest first', order: 'order by' };

/** `before`: the line's text left of the cursor. */
export function completionsAt(before: string, outline: ModelOutline): Completion[] {
  // The word under the cursor is being typed: what matters is what comes before it.
  let start = before.length;
  while (start > 0 && /[A-Za-z0-9_.-]/.test(before[start - 1] ?? '')) start--;
  const reading = readLine(before.slice(0, start));
  const place: ReferencePlace = reading.place === 'start' || reading.place === 'other' ? 'line' : reading.place;
  const entityName = reading.entity;
  return offer(reading.expect, place, entityName, outline);
}

function offer(expect: Expect, place: ReferencePlace, entityName: string | undefined, outline: ModelOutline): Completion[] {
  const out: Completion[] = [];
  const entity = outline.entities.find((e) => e.name === entityName);
  if (expect.attributes && entity) {
    const fits = (a: OutlineAttribute) =>
      expect.attributes === 'required' ? !a.optional : expect.attributes === 'number' ? /^number\b/.test(a.type) || /^-?\d/.test(a.type) : true;
    for (const a of entity.attributes.filter(fits))
      out.push({ label: a.name, kind: 'attribute', detail: `${entity.name} attribute: ${a.optional ? 'optional ' : ''}${a.type}` });
  }
  if (expect.entities) {
    const entities = expect.entities === 'children' ? outline.entities.filter((e) => e.belongsTo.some((b) => b.entity === entityName)) : outline.entities;
    for (const e of entities)
      out.push({
        label: e.name,
        kind: 'entity',
        detail: expect.entities === 'children' ? `belongs to ${entityName ?? ''}` : `entity, key ${e.key.join(', ') || '?'}`,
      });
  }
  for (const value of expect.values ?? []) {
    const entry = referenceFor(value, place);
    out.push({
      label: value,
      kind: place === 'table' ? 'keyword' : 'operator',
      detail: entry?.summary ?? 'setting',
      ...(entry ? { documentation: entry.example } : {}),
    });
  }
  for (const keyword of expect.keywords) {
    const entry = referenceFor(keyword, place);
    const pair = PAIRS[keyword];
    out.push({
      label: pair ?? keyword,
      kind: place === 'attribute' && keyword !== 'in' ? 'type' : 'keyword',
      detail: entry?.summary ?? 'keyword',
      ...(entry ? { documentation: entry.example } : {}),
      ...(pair ? { insertText: pair } : {}),
    });
  }
  return out;
}

/** A line scanned once: where its `#` comment starts (outside strings), and whether it ends inside a string. */
function scanLine(line: string): { comment: number | undefined; openString: boolean } {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '#') return { comment: i, openString: false };
    else if (c === '"') inString = true;
  }
  return { comment: undefined, openString: inString };
}

/** Where the line's `#` comment starts (0-based), if it has one. */
export function commentStart(line: string): number | undefined {
  return scanLine(line).comment;
}

/**
 * True when the cursor, at the end of `before`, is in a comment or in a string: no
 * completions there. One pass over the line (escapes count only inside strings).
 */
export function inCommentOrString(before: string): boolean {
  const { comment, openString } = scanLine(before);
  return comment !== undefined || openString;
}
