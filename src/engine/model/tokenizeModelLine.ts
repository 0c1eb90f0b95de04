// Splits one line of the model text into tokens. Words are runs of anything but spaces and
// punctuation (so a bad name is still one token the parser can point at); strings are
// double-quoted with JSON escapes; `#` outside a string starts a comment.
// Columns here are 0-based offsets into the line.

export type LineTokenKind = 'word' | 'string' | 'punct' | 'op';

export interface LineToken {
  kind: LineTokenKind;
  /** The source text (for a string: the decoded value is in `value`). */
  text: string;
  value: string;
  start: number;
  end: number;
}

export interface LineTokenError {
  code: 'model.syntax' | 'model.unterminatedString';
  message: string;
  start: number;
  end: number;
}

const PUNCT = ':,()|?';
const OP = '<>=!';
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function isModelTextSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff';
}

function isWordChar(c: string): boolean {
  return !isModelTextSpace(c) && !PUNCT.includes(c) && !OP.includes(c) && c !== '"' && c !== '#' && c !== "'";
}

export function tokenizeModelLine(line: string): { tokens: LineToken[]; errors: LineTokenError[] } {
  const tokens: LineToken[] = [];
  const errors: LineTokenError[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (isModelTextSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') break;
    const start = i;
    if (PUNCT.includes(c)) {
      i++;
      tokens.push({ kind: 'punct', text: c, value: c, start, end: i });
    } else if (OP.includes(c)) {
      while (i < line.length && OP.includes(line[i] ?? '')) i++;
      const text = line.slice(start, i);
      tokens.push({ kind: 'op', text, value: text, start, end: i });
    } else if (c === '"') {
      i = readString(line, start, tokens, errors);
    } else if (c === "'") {
      i++;
      errors.push({ code: 'model.syntax', message: `strings use double quotes ("), not single quotes`, start, end: i });
    } else {
      while (i < line.length && isWordChar(line[i] ?? '')) i++;
      const text = line.slice(start, i);
      tokens.push({ kind: 'word', text, value: text, start, end: i });
    }
  }
  return { tokens, errors };
}

function readString(line: string, start: number, tokens: LineToken[], errors: LineTokenError[]): number {
  let i = start + 1;
  let value = '';
  let chunk = i;
  let badEscape = false;
  while (i < line.length) {
    const c = line[i];
    if (c === '"') {
      value += line.slice(chunk, i);
      tokens.push({ kind: 'string', text: line.slice(start, i + 1), value, start, end: i + 1 });
      return i + 1;
    }
    if (c === '\\') {
      value += line.slice(chunk, i);
      const e = line[i + 1] ?? '';
      const simple = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined;
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(line.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(line.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        if (!badEscape) {
          errors.push({
            code: 'model.syntax',
            message: `invalid escape ${JSON.stringify(line.slice(i, i + 2))} in a string (a backslash is written \\\\, a quote \\")`,
            start: i,
            end: Math.min(i + 2, line.length),
          });
        }
        badEscape = true;
        i += e === '' ? 1 : 2;
      }
      chunk = i;
      continue;
    }
    i++;
  }
  value += line.slice(chunk);
  errors.push({ code: 'model.unterminatedString', message: 'unterminated string: close it with " on the same line', start, end: line.length });
  tokens.push({ kind: 'string', text: line.slice(start), value, start, end: line.length });
  return line.length;
}
