// Printing user-influenced text into TypeScript source. Every value that came
// from a model (names, descriptions, enumerated values, table names) reaches
// the generated module through one of these, and nothing else: string
// literals escape every character that could end them, comments cannot be
// closed or broken onto a new line, and identifiers are never reserved words.

/**
 * A single-quoted string literal holding exactly `s`: backslashes, quotes, line
 * terminators and control characters escaped, and lone surrogates written as
 * `\uXXXX` (a file in UTF-8 could not hold them).
 */
export function q(s: string): string {
  return `'${s.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[\\'\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text inside a block or line comment: `*\/` cannot close it and no line terminator can end it. */
export function comment(s: string): string {
  if (!s.includes('*/') && !/[\r\n\u2028\u2029]/.test(s)) return s;
  return s.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name in an object literal or interface: bare when it can be, else a quoted key. */
export function prop(name: string): string {
  return IDENT.test(name) && name !== '__proto__' ? name : `[${q(name)}]`;
}

/** Property access: `.name`, or `['name']` where a dot cannot be used (`__proto__` stays data). */
export function access(name: string): string {
  return IDENT.test(name) && name !== '__proto__' ? `.${name}` : `[${q(name)}]`;
}

/**
 * Words that cannot name an interface, a type or a binding in a strict ES
 * module: JavaScript's reserved words (strict mode and module code included)
 * and TypeScript's type keywords and contextual words that break a declaration.
 */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await arguments eval ' +
    'any unknown never string number boolean symbol object bigint undefined keyof readonly infer is asserts unique type namespace module ' +
    'declare abstract as async from of get set require global out accessor satisfies intrinsic override constructor'
  ).split(' '),
);

/** Whether `name` can be declared as it is (an identifier, not reserved). */
export function isDeclarable(name: string): boolean {
  return IDENT.test(name) && !RESERVED.has(name);
}

/** Allocates unique, declarable identifiers in one module: `wanted`, else `wanted` + suffix, then numbered. */
export class Identifiers {
  private readonly used: Set<string>;
  constructor(taken: Iterable<string>) {
    this.used = new Set(taken);
  }
  allocate(wanted: string, suffix: string): string {
    const base = isDeclarable(wanted) && !this.used.has(wanted) ? wanted : `${IDENT.test(wanted) ? wanted : 'X'}${suffix}`;
    let name = base;
    for (let n = 2; this.used.has(name) || !isDeclarable(name); n++) name = `${base}${n}`;
    this.used.add(name);
    return name;
  }
}

export function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function indent(s: string, n: number): string {
  return s.split('\n').join(`\n${' '.repeat(n)}`);
}

/** Words of `text` in lines of at most `width` characters (longer words alone on a line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
