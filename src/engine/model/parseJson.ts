// A small JSON parser that keeps the span of every value, for located errors in problem files.
// It never throws: errors are diagnostics. Nesting is limited (MAX_JSON_DEPTH) so hostile input
// cannot exhaust the stack. A missing or trailing comma is reported and parsing goes on, so that
// later problems are reported too; any other syntax error ends the parse (value undefined).
import type { Diagnostic, Span } from './diagnostics.ts';
import { modelDiagnostic, quoteName, type ModelDiagnosticCode } from './modelDiagnostic.ts';
import { spanLocator } from './spanLocator.ts';

export interface JsonEntry {
  key: string;
  keySpan: Span;
  value: JsonNode;
}
export type JsonNode =
  | { kind: 'object'; span: Span; entries: JsonEntry[] }
  | { kind: 'array'; span: Span; items: JsonNode[] }
  | { kind: 'string'; span: Span; value: string }
  | { kind: 'number'; span: Span; value: number }
  | { kind: 'boolean'; span: Span; value: boolean }
  | { kind: 'null'; span: Span };
export type JsonObjectNode = Extract<JsonNode, { kind: 'object' }>;

export const MAX_JSON_DEPTH = 200;

export interface JsonParse {
  /** The document, or undefined when a syntax error stopped the parse. */
  value: JsonNode | undefined;
  diagnostics: Diagnostic[];
}

type TokenType = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'number' | 'true' | 'false' | 'null' | 'eof' | 'invalid';
interface Token {
  type: TokenType;
  start: number;
  end: number;
  text?: string;
  number?: number;
  message?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_TAIL = /[A-Za-z0-9_.+-]/;
const WORD = /[A-Za-z0-9_$]+/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJson(text: string): JsonParse {
  const locate = spanLocator(text);
  const diagnostics: Diagnostic[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lookahead: Token | undefined;
  let failed = false;

  const report = (message: string, start: number, end: number, code: ModelDiagnosticCode = 'model.jsonSyntax') => {
    diagnostics.push(modelDiagnostic(code, message, { span: locate(start, end) }));
  };
  const fail = (message: string, token: Token, code?: ModelDiagnosticCode): undefined => {
    if (!failed) report(message, token.start, token.end, code);
    failed = true;
    return undefined;
  };

  function scan(): Token {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
    const start = pos;
    if (pos >= text.length) return { type: 'eof', start, end: start };
    const ch = text[pos] ?? '';
    if ('{}[]:,'.includes(ch)) {
      pos++;
      return { type: ch as TokenType, start, end: pos };
    }
    if (ch === '"') return scanString(start);
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = pos;
      const m = NUMBER.exec(text);
      let end = m ? pos + m[0].length : pos;
      if (!m || NUMBER_TAIL.test(text[end] ?? '')) {
        while (end < text.length && NUMBER_TAIL.test(text[end] ?? '')) end++;
        pos = Math.max(end, pos + 1);
        return { type: 'invalid', start, end: pos, message: `invalid number ${quoteName(text.slice(start, pos))}` };
      }
      pos = end;
      const value = Number(m[0]);
      return { type: 'number', start, end, number: value === 0 ? 0 : value };
    }
    WORD.lastIndex = pos;
    const word = WORD.exec(text);
    if (word) {
      pos += word[0].length;
      const w = word[0];
      if (w === 'true' || w === 'false' || w === 'null') return { type: w, start, end: pos };
      const afterQuote = text[start - 1] === '"';
      return {
        type: 'invalid',
        start,
        end: pos,
        message: afterQuote
          ? `unexpected word ${quoteName(w)} right after a string: a quote inside a string is written \\"`
          : `unexpected word ${quoteName(w)}: JSON's only words are true, false and null, and text needs double quotes`,
      };
    }
    if (ch === "'") {
      pos++;
      return { type: 'invalid', start, end: pos, message: 'JSON strings use double quotes ("), not single quotes' };
    }
    if (ch === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
      pos += 2;
      return { type: 'invalid', start, end: pos, message: 'JSON does not allow comments' };
    }
    const code = text.codePointAt(pos) ?? 0;
    pos += code > 0xffff ? 2 : 1;
    return { type: 'invalid', start, end: pos, message: `unexpected character ${JSON.stringify(String.fromCodePoint(code))}` };
  }

  function scanString(start: number): Token {
    let i = start + 1;
    let value = '';
    let chunk = i;
    let reported = false;
    const once = (message: string, from: number, to: number) => {
      if (!reported) report(message, from, to);
      reported = true;
    };
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        value += text.slice(chunk, i);
        pos = i + 1;
        return { type: 'string', start, end: pos, text: value };
      }
      if (c === 10 || c === 13) break;
      if (c === 92) {
        value += text.slice(chunk, i);
        const e = text[i + 1] ?? '';
        const simple = ESCAPES[e];
        if (simple !== undefined && Object.hasOwn(ESCAPES, e)) {
          value += simple;
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          once(`invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a string (a backslash is written \\\\)`, i, Math.min(i + 2, text.length));
          i += e === '' || e === '\n' || e === '\r' ? 1 : 2;
        }
        chunk = i;
        continue;
      }
      if (c < 32) once('control character in a string: write it as an escape (\\t, \\u0000)', i, i + 1);
      i++;
    }
    pos = i;
    return { type: 'invalid', start, end: i, message: 'unterminated string: a string ends with " on the same line' };
  }

  const peek = (): Token => (lookahead ??= scan());
  const take = (): Token => {
    const t = peek();
    lookahead = undefined;
    return t;
  };
  const describe = (t: Token): string => {
    switch (t.type) {
      case 'eof':
        return 'the end of the document';
      case 'string':
        return `the string ${quoteName(t.text ?? '')}`;
      case 'number':
        return `the number ${text.slice(t.start, t.end)}`;
      case 'invalid':
        return quoteName(text.slice(t.start, t.end));
      default:
        return `"${t.type}"`;
    }
  };
  const startsValue = (t: Token) => ['{', '[', 'string', 'number', 'true', 'false', 'null'].includes(t.type);

  function parseValue(depth: number): JsonNode | undefined {
    const t = peek();
    switch (t.type) {
      case '{':
      case '[':
        if (depth >= MAX_JSON_DEPTH) return fail(`nesting is deeper than ${MAX_JSON_DEPTH} levels`, t, 'model.jsonTooDeep');
        return t.type === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
      case 'string':
        take();
        return { kind: 'string', span: locate(t.start, t.end), value: t.text ?? '' };
      case 'number':
        take();
        return { kind: 'number', span: locate(t.start, t.end), value: t.number ?? 0 };
      case 'true':
      case 'false':
        take();
        return { kind: 'boolean', span: locate(t.start, t.end), value: t.type === 'true' };
      case 'null':
        take();
        return { kind: 'null', span: locate(t.start, t.end) };
      case 'invalid':
        return fail(t.message ?? 'unexpected input', t);
      case 'eof':
        return fail(depth === 0 ? 'the document is empty: a problem is a JSON object { ... }' : 'unexpected end of the document: expected a value', t);
      default:
        return fail(`expected a value, found ${describe(t)}`, t);
    }
  }

  function parseObject(depth: number): JsonNode | undefined {
    const open = take();
    const entries: JsonEntry[] = [];
    let comma: Token | undefined;
    if (peek().type === '}') {
      const close = take();
      return { kind: 'object', span: locate(open.start, close.end), entries };
    }
    for (;;) {
      const keyToken = peek();
      if (keyToken.type !== 'string') {
        if (keyToken.type === '}' && comma) {
          report('trailing comma before "}"', comma.start, comma.end);
          take();
          return { kind: 'object', span: locate(open.start, keyToken.end), entries };
        }
        if (keyToken.type === 'invalid') return fail(keyToken.message ?? 'unexpected input', keyToken);
        return fail(`expected a field name in double quotes, found ${describe(keyToken)}`, keyToken);
      }
      take();
      const key = keyToken.text ?? '';
      const colon = peek();
      if (colon.type !== ':') return fail(`expected ":" after the field name ${quoteName(key)}, found ${describe(colon)}`, colon);
      take();
      const value = parseValue(depth);
      if (!value) return undefined;
      entries.push({ key, keySpan: locate(keyToken.start, keyToken.end), value });
      const next = peek();
      if (next.type === ',') {
        comma = take();
        continue;
      }
      comma = undefined;
      if (next.type === '}') {
        take();
        return { kind: 'object', span: locate(open.start, next.end), entries };
      }
      if (next.type === 'string') {
        report(`expected "," before the next field ${quoteName(next.text ?? '')} (missing comma?)`, next.start, next.end);
        continue;
      }
      if (next.type === 'invalid') return fail(next.message ?? 'unexpected input', next);
      return fail(`expected "," or "}" after the value of ${quoteName(key)}, found ${describe(next)}`, next);
    }
  }

  function parseArray(depth: number): JsonNode | undefined {
    const open = take();
    const items: JsonNode[] = [];
    let comma: Token | undefined;
    if (peek().type === ']') {
      const close = take();
      return { kind: 'array', span: locate(open.start, close.end), items };
    }
    for (;;) {
      const first = peek();
      if (first.type === ']' && comma) {
        report('trailing comma before "]"', comma.start, comma.end);
        take();
        return { kind: 'array', span: locate(open.start, first.end), items };
      }
      const value = parseValue(depth);
      if (!value) return undefined;
      items.push(value);
      const next = peek();
      if (next.type === ',') {
        comma = take();
        continue;
      }
      comma = undefined;
      if (next.type === ']') {
        take();
        return { kind: 'array', span: locate(open.start, next.end), items };
      }
      if (startsValue(next)) {
        report(`expected "," before ${describe(next)} (missing comma?)`, next.start, next.end);
        continue;
      }
      if (next.type === 'invalid') return fail(next.message ?? 'unexpected input', next);
      return fail(`expected "," or "]" in the list, found ${describe(next)}`, next);
    }
  }

  const value = parseValue(0);
  if (value) {
    const rest = peek();
    if (rest.type !== 'eof') report(`unexpected ${describe(rest)} after the end of the JSON document`, rest.start, rest.end);
  }
  return { value: failed ? undefined : value, diagnostics };
}

/** What a JSON value is, for messages: `an object`, `the string "x"`, `the number 3`. */
export function describeJsonNode(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return `the string ${quoteName(node.value)}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
  }
}
