// What each token of one line of the text form is (a keyword, an attribute, an entity...)
// and what may come next, following parseModelText's grammar (README "The text form").
// Forgiving: it reads as far as the line makes sense. Completions offer `expect` at the end
// of the text left of the cursor; hovers read a token's role; the outline reads headers.
import { ATTRIBUTE_TYPES, BILLING_MODES, RANGE_OPS, STREAM_VIEWS, TABLE_CLASSES, tokenizeModelLine, type LineToken } from '../../engine/index.ts';
import type { ReferencePlace } from './languageReference.ts';

export type TokenRole = 'keyword' | 'attribute' | 'entity' | 'name' | 'value' | 'punct';

export interface RoledToken {
  token: LineToken;
  role: TokenRole;
  /** The clause the token belongs to (`key`, `by`, `where`...; `` for the line's lead). */
  clause: string;
}

/** What may come next: keywords, attributes of the line's entity, entities, or nothing to offer (a name, a number). */
export interface Expect {
  keywords: string[];
  /** `required`: attributes that may be in a key (not optional); `number`: number attributes. */
  attributes?: 'any' | 'required' | 'number';
  /** `children`: the entities that belong to the pattern's entity (what `with` accepts). */
  entities?: 'all' | 'children';
  /** Other words valid here (table values, operators). */
  values?: string[];
}

export interface LineReading {
  place: ReferencePlace | 'start' | 'other';
  /** The entity the line is about: the header's, or the pattern's (an attribute line's comes from the outline). */
  entity?: string;
  tokens: RoledToken[];
  expect: Expect;
}

const LINE_STARTS = ['model', 'source', 'table', 'entity'];
const HEADER_CLAUSES = ['key', 'count', 'belongsTo', 'unique', 'version', 'ttl', 'writes', 'itemBytes'];
const PATTERN_CLAUSES = ['by', 'where', 'order', 'newest', 'oldest', 'limit', 'with', 'returns', 'consistent', 'rate', 'shards'];
const TABLE_CLAUSES = ['billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'class'];
const RANGE_OPERATORS: string[] = [...RANGE_OPS];
const TABLE_VALUES: Record<string, readonly string[]> = { billing: BILLING_MODES, stream: STREAM_VIEWS, class: TABLE_CLASSES };

const NOTHING: Expect = { keywords: [] };

const isWord = (t: LineToken | undefined, text?: string): t is LineToken => t?.kind === 'word' && (text === undefined || t.text === text);
const isPunct = (t: LineToken | undefined, text: string) => t?.kind === 'punct' && t.text === text;
const isNumber = (t: LineToken | undefined) => isWord(t) && /^-?\d/.test(t.text);

/** Reads one line (or the part of it left of the cursor). */
export function readLine(line: string): LineReading {
  const { tokens } = tokenizeModelLine(line);
  const indented = /^[ \t]/.test(line);
  const first = tokens[0];
  if (!first) return { place: indented ? 'attribute' : 'start', tokens: [], expect: indented ? NOTHING : { keywords: LINE_STARTS } };
  if (indented) return readAttribute(tokens);
  if (isWord(first, 'entity') && (tokens.length === 1 || isWord(tokens[1]))) return readHeader(tokens);
  if (isWord(first) && isPunct(tokens[1], ':')) return readPattern(tokens);
  if (isWord(first, 'table')) return readTable(tokens);
  if (isWord(first, 'model') || isWord(first, 'source'))
    return { place: 'line', tokens: tokens.map((token, i) => ({ token, role: i === 0 ? 'keyword' : 'value', clause: '' })), expect: NOTHING };
  return {
    place: tokens.length === 1 && isWord(first) ? 'start' : 'other',
    tokens: tokens.map((token) => ({ token, role: 'name', clause: '' })),
    expect: NOTHING,
  };
}

function readAttribute(tokens: LineToken[]): LineReading {
  const out: RoledToken[] = [];
  let expect: Expect = NOTHING;
  let stage: 'name' | 'mark' | 'type' | 'afterType' | 'values' | 'done' = 'name';
  for (const token of tokens) {
    let role: TokenRole = 'punct';
    if (stage === 'name') {
      role = 'attribute';
      stage = 'mark';
      expect = NOTHING;
    } else if (stage === 'mark' && (isPunct(token, '?') || isPunct(token, ':'))) {
      if (isPunct(token, '?')) role = 'keyword';
      else stage = 'type';
      expect = stage === 'type' ? { keywords: [...ATTRIBUTE_TYPES] } : NOTHING;
    } else if (stage === 'type') {
      role = token.kind === 'word' && (ATTRIBUTE_TYPES as readonly string[]).includes(token.text) ? 'keyword' : 'value';
      stage = role === 'keyword' ? 'afterType' : 'values';
      expect = role === 'keyword' ? { keywords: ['in'] } : NOTHING;
    } else if (stage === 'afterType' && isWord(token, 'in')) {
      role = 'keyword';
      stage = 'values';
      expect = NOTHING;
    } else {
      role = token.kind === 'punct' ? 'punct' : 'value';
      stage = stage === 'values' ? 'values' : 'done';
      expect = NOTHING;
    }
    out.push({ token, role, clause: '' });
  }
  return { place: 'attribute', tokens: out, expect };
}

function readHeader(tokens: LineToken[]): LineReading {
  const out: RoledToken[] = [{ token: tokens[0] as LineToken, role: 'keyword', clause: '' }];
  const name = tokens[1];
  if (!name) return { place: 'header', tokens: out, expect: NOTHING };
  out.push({ token: name, role: 'entity', clause: '' });
  const used = new Set<string>();
  const clauses = (): string[] => HEADER_CLAUSES.filter((c) => c === 'unique' || !used.has(c));
  let expect: Expect = { keywords: clauses() };
  let i = 2;
  const push = (role: TokenRole, clause: string) => out.push({ token: tokens[i++] as LineToken, role, clause });
  /** `a` or `(a, b)`: attributes; returns false when the line ends inside the list. */
  const names = (clause: string, attributes: NonNullable<Expect['attributes']>): boolean => {
    const t = tokens[i];
    if (isWord(t)) {
      push('attribute', clause);
      return true;
    }
    if (!isPunct(t, '(')) {
      expect = { keywords: [], attributes };
      return false;
    }
    push('punct', clause);
    for (;;) {
      const item = tokens[i];
      if (item === undefined) {
        const last = tokens[i - 1];
        expect = isPunct(last, '(') || isPunct(last, ',') ? { keywords: [], attributes } : NOTHING;
        return false;
      }
      if (isPunct(item, ')')) {
        push('punct', clause);
        return true;
      }
      push(item.kind === 'word' ? 'attribute' : 'punct', clause);
    }
  };
  while (i < tokens.length) {
    const clause = tokens[i] as LineToken;
    if (!isWord(clause) || !HEADER_CLAUSES.includes(clause.text)) {
      for (; i < tokens.length;) push('name', '');
      return { place: 'header', entity: name.text, tokens: out, expect: NOTHING };
    }
    push('keyword', clause.text);
    used.add(clause.text);
    const word = clause.text;
    if (word === 'key' || word === 'unique') {
      if (!names(word, word === 'key' ? 'required' : 'any')) break;
    } else if (word === 'version' || word === 'ttl') {
      if (!isWord(tokens[i])) {
        expect = { keywords: [], attributes: 'number' };
        break;
      }
      push('attribute', word);
    } else if (word === 'count' || word === 'itemBytes' || word === 'writes') {
      if (!isNumber(tokens[i])) {
        expect = NOTHING;
        break;
      }
      push('value', word);
      if (word === 'writes') {
        if (i >= tokens.length) {
          expect = { keywords: ['peak', ...clauses()] };
          break;
        }
        if (isWord(tokens[i], 'peak')) {
          push('keyword', word);
          if (!isNumber(tokens[i])) {
            expect = NOTHING;
            break;
          }
          push('value', word);
        }
      }
    } else {
      // belongsTo Parent via a, Other via (b, c)
      let open = true;
      for (;;) {
        if (!isWord(tokens[i])) {
          expect = { keywords: [], entities: 'all' };
          open = false;
          break;
        }
        push('entity', word);
        if (!isWord(tokens[i], 'via')) {
          expect = { keywords: i >= tokens.length ? ['via'] : [] };
          open = false;
          break;
        }
        push('keyword', word);
        if (!names(word, 'required')) {
          open = false;
          break;
        }
        if (!isPunct(tokens[i], ',')) break;
        push('punct', word);
      }
      if (!open) break;
    }
    expect = { keywords: clauses() };
  }
  return { place: 'header', entity: name.text, tokens: out, expect };
}

function readTable(tokens: LineToken[]): LineReading {
  const out: RoledToken[] = [{ token: tokens[0] as LineToken, role: 'keyword', clause: '' }];
  const used = new Set<string>();
  let expect: Expect = { keywords: TABLE_CLAUSES };
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as LineToken;
    const previous = out[out.length - 1];
    const after = previous?.role === 'keyword' ? previous.token.text : undefined;
    const unused = TABLE_CLAUSES.filter((c) => !used.has(c));
    if (isWord(token) && TABLE_CLAUSES.includes(token.text)) {
      used.add(token.text);
      out.push({ token, role: 'keyword', clause: token.text });
      const values = TABLE_VALUES[token.text];
      const rest = TABLE_CLAUSES.filter((c) => !used.has(c));
      expect = values
        ? { keywords: [], values: [...values] }
        : token.text === 'read' || token.text === 'write'
          ? NOTHING
          : { keywords: ['on', 'off', ...rest] };
    } else if ((after === 'pitr' || after === 'deletionProtection') && (isWord(token, 'on') || isWord(token, 'off'))) {
      out.push({ token, role: 'keyword', clause: after });
      expect = { keywords: unused };
    } else {
      out.push({ token, role: i === 1 ? 'name' : 'value', clause: after ?? '' });
      expect = { keywords: unused };
    }
  }
  return { place: 'table', tokens: out, expect };
}

function readPattern(tokens: LineToken[]): LineReading {
  const out: RoledToken[] = [
    { token: tokens[0] as LineToken, role: 'name', clause: '' },
    { token: tokens[1] as LineToken, role: 'keyword', clause: '' },
  ];
  const entity = tokens[2];
  if (!isWord(entity)) return { place: 'pattern', tokens: out, expect: { keywords: [], entities: 'all' } };
  out.push({ token: entity, role: 'entity', clause: '' });
  const used = new Set<string>();
  let range = false;
  const clauses = (): string[] =>
    PATTERN_CLAUSES.filter(
      (c) =>
        !used.has(c) &&
        !((c === 'newest' || c === 'oldest') && (used.has('order') || !range)) &&
        !(c === 'order' && (used.has('newest') || used.has('oldest'))),
    );
  let expect: Expect = { keywords: clauses() };
  let i = 3;
  const push = (role: TokenRole, clause: string) => out.push({ token: tokens[i++] as LineToken, role, clause });
  const stop = (e: Expect) => {
    expect = e;
    for (; i < tokens.length;) push('name', '');
  };
  while (i < tokens.length) {
    const token = tokens[i] as LineToken;
    if (token.kind === 'string') {
      push('value', 'text');
      used.add('text');
      expect = { keywords: clauses() };
      continue;
    }
    if (!isWord(token) || !PATTERN_CLAUSES.includes(token.text)) {
      stop(NOTHING);
      break;
    }
    const clause = token.text;
    push('keyword', clause);
    used.add(clause);
    if (clause === 'by') {
      if (!commaList(tokens, i, 'attribute', clause, out))
        return finish(tokens, out, entity.text, out.length === tokens.length ? { keywords: [], attributes: 'any' } : NOTHING);
      i = out.length;
      expect = { keywords: clauses() };
    } else if (clause === 'with') {
      if (!commaList(tokens, i, 'entity', clause, out))
        return finish(tokens, out, entity.text, out.length === tokens.length ? { keywords: [], entities: 'children' } : NOTHING);
      i = out.length;
      expect = { keywords: clauses() };
    } else if (clause === 'where') {
      // conditions joined by and
      for (;;) {
        if (!isWord(tokens[i])) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: [], attributes: 'any' });
        push('attribute', clause);
        const op = tokens[i];
        if (op === undefined) return finish(tokens, out, entity.text, { keywords: [], values: range ? ['='] : RANGE_OPERATORS });
        if (op.kind === 'op') {
          push('keyword', clause);
          const value = tokens[i];
          if (value === undefined) return finish(tokens, out, entity.text, { keywords: [], values: ['?'] });
          if (isPunct(value, '?')) range = true;
          push(isPunct(value, '?') ? 'keyword' : 'value', clause);
        } else if (isWord(op, 'begins_with') || isWord(op, 'between')) {
          push('keyword', clause);
          range = true;
          if (!isPunct(tokens[i], '?')) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: [], values: ['?'] });
          push('keyword', clause);
          if (op.text === 'between') {
            if (!isWord(tokens[i], 'and')) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: ['and'] });
            push('keyword', clause);
            if (!isPunct(tokens[i], '?')) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: [], values: ['?'] });
            push('keyword', clause);
          }
        } else return finish(tokens, out, entity.text, NOTHING);
        if (isWord(tokens[i], 'and')) {
          push('keyword', clause);
          continue;
        }
        expect = { keywords: ['and', ...clauses()] };
        break;
      }
    } else if (clause === 'order') {
      if (!isWord(tokens[i], 'by')) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: ['by'] });
      push('keyword', clause);
      if (!isWord(tokens[i])) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: [], attributes: 'any' });
      push('attribute', clause);
      if (isWord(tokens[i], 'asc') || isWord(tokens[i], 'desc')) {
        push('keyword', clause);
        expect = { keywords: clauses() };
      } else expect = { keywords: ['asc', 'desc', ...clauses()] };
    } else if (clause === 'newest' || clause === 'oldest') {
      if (!isWord(tokens[i], 'first')) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: ['first'] });
      push('keyword', clause);
      expect = { keywords: clauses() };
    } else if (clause === 'returns') {
      if (!isWord(tokens[i], 'one') && !isWord(tokens[i], 'many')) return finish(tokens, out, entity.text, tokens[i] ? NOTHING : { keywords: ['one', 'many'] });
      push('keyword', clause);
      expect = { keywords: clauses() };
    } else if (clause === 'limit' || clause === 'shards' || clause === 'rate') {
      if (!isNumber(tokens[i])) return finish(tokens, out, entity.text, NOTHING);
      push('value', clause);
      expect = { keywords: clauses() };
      if (clause === 'rate') {
        if (isWord(tokens[i], 'peak')) {
          push('keyword', clause);
          if (!isNumber(tokens[i])) return finish(tokens, out, entity.text, NOTHING);
          push('value', clause);
        } else expect = { keywords: ['peak', ...clauses()] };
      }
    } else {
      expect = { keywords: clauses() };
    }
  }
  return { place: 'pattern', entity: entity.text, tokens: out, expect };
}

function finish(tokens: LineToken[], out: RoledToken[], entity: string, expect: Expect): LineReading {
  for (let i = out.length; i < tokens.length; i++) out.push({ token: tokens[i] as LineToken, role: 'name', clause: '' });
  return { place: 'pattern', entity, tokens: out, expect };
}

/** `a, b, c` from token `from`, pushed into `out`; false when the line ends where a name is expected. */
function commaList(tokens: LineToken[], from: number, role: TokenRole, clause: string, out: RoledToken[]): boolean {
  let i = from;
  for (;;) {
    const name = tokens[i];
    if (!isWord(name)) return false;
    out.push({ token: name, role, clause });
    i++;
    if (!isPunct(tokens[i], ',')) return true;
    out.push({ token: tokens[i] as LineToken, role: 'punct', clause });
    i++;
  }
}
