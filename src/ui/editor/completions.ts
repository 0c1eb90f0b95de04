// What to offer at the cursor in the model text: entity names, the attributes
// of the entity the line is about, keywords, operators and types, most likely
// first. Pure: the Monaco provider (monacoSetup.ts) only maps kinds and ranges.
import { BILLING_MODES, STREAM_VIEWS, TABLE_CLASSES } from '../../engine/index.ts';
import { MODEL_KEYWORDS, MODEL_OPERATORS, MODEL_TYPES } from './modelLanguage.ts';
import type { OutlineEntity } from './modelOutline.ts';

export type CompletionKind = 'entity' | 'attribute' | 'keyword' | 'operator' | 'type';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail: string;
}

const PATTERN_CLAUSES = ['by', 'where', 'order', 'newest', 'oldest', 'limit', 'with', 'returns'];
const HEADER_CLAUSES = ['key', 'count', 'belongsTo', 'unique', 'version', 'ttl'];
/** Header clauses followed by attributes of the entity. */
const ATTRIBUTE_CLAUSES = ['key', 'via', 'unique', 'version', 'ttl'];
const TABLE_CLAUSES = ['billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'class'];
/** What follows a table clause word: its values, or nothing to offer (a number). */
const TABLE_VALUES = new Map<string, readonly string[]>([
  ['billing', BILLING_MODES],
  ['stream', STREAM_VIEWS],
  ['class', TABLE_CLASSES],
  ['read', []],
  ['write', []],
]);
const LINE_STARTS = ['entity', 'model', 'source', 'table'];

/** `before`: the line's text left of the cursor. */
export function completionsAt(before: string, outline: readonly OutlineEntity[]): Completion[] {
  const entities = outline.map((e): Completion => ({ label: e.name, kind: 'entity', detail: 'entity' }));
  const keywords = (list: readonly string[]) => list.map((k): Completion => ({ label: k, kind: 'keyword', detail: 'keyword' }));
  const attributesOf = (name: string | undefined): Completion[] =>
    (outline.find((e) => e.name === name)?.attributes ?? []).map((a) => ({ label: a, kind: 'attribute', detail: `${name ?? ''} attribute` }));
  const words = before.split(/[\s,()]+/).filter(Boolean);
  // The word under the cursor is being typed: what matters is the one before it.
  if (/[^\s,()]$/.test(before)) words.pop();
  const previous = words[words.length - 1];

  // An attribute line (`name?:` for an optional one), after the colon: a type.
  if (/^\s+[A-Za-z_]\w*\s*\??\s*:/.test(before)) {
    return MODEL_TYPES.map((t) => ({ label: t, kind: 'type', detail: 'attribute type' }));
  }
  // An entity header: attributes after key/via, entities after belongsTo, else clauses.
  const header = /^entity\s+([A-Za-z_]\w*)\s/.exec(before);
  if (header) {
    if (previous === 'belongsTo') return entities;
    if ((previous !== undefined && ATTRIBUTE_CLAUSES.includes(previous)) || insideParentheses(before)) return attributesOf(header[1]);
    return [...keywords([...HEADER_CLAUSES, 'via']), ...entities];
  }
  // The table line: a clause's values after it, else the clauses not given yet.
  if (/^table\s/.test(before) && !/^table\s*:/.test(before)) {
    const values = previous === undefined ? undefined : TABLE_VALUES.get(previous);
    if (values) return values.map((v) => ({ label: v, kind: 'keyword', detail: `${previous ?? ''} setting` }));
    const unused = keywords(TABLE_CLAUSES.filter((k) => !words.includes(k)));
    return previous === 'pitr' || previous === 'deletionProtection' ? [...keywords(['on', 'off']), ...unused] : unused;
  }
  // A pattern line: `name: Entity by ...`.
  const pattern = /^[A-Za-z_]\w*\s*:\s*([A-Za-z_]\w*)?/.exec(before);
  if (pattern && !/^(model|source|entity)\b/.test(before)) {
    const entity = pattern[1];
    if (entity === undefined || /^[A-Za-z_]\w*\s*:\s*[A-Za-z_]*$/.test(before)) return entities;
    if (previous === 'with') return entities;
    if (previous === 'returns') return keywords(['one', 'many']);
    if (previous === 'order') return keywords(['by']);
    const operators = MODEL_OPERATORS.map((o): Completion => ({ label: o, kind: 'operator', detail: 'range condition' }));
    if (previous !== undefined && attributesOf(entity).some((a) => a.label === previous) && words.includes('where')) {
      return operators;
    }
    return [...attributesOf(entity), ...keywords(PATTERN_CLAUSES), ...keywords(['asc', 'desc', 'first']), ...operators];
  }
  // Start of a line, or anything else.
  return [...keywords(LINE_STARTS), ...keywords(MODEL_KEYWORDS.filter((k) => !LINE_STARTS.includes(k))), ...entities];
}

/** True when the last `(` of `before` is not closed (an open list of key attributes). */
function insideParentheses(before: string): boolean {
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

/**
 * True when the cursor, at the end of `before`, is in a comment or in a string: no
 * completions there. One pass over the line (escapes count only inside strings).
 */
export function inCommentOrString(before: string): boolean {
  let inString = false;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '#') return true;
    else if (c === '"') inString = true;
  }
  return inString;
}
