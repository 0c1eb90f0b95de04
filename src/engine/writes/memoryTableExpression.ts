// ConditionExpression and UpdateExpression for the in-memory table (memoryTable.ts):
// a tokenizer, a recursive-descent parser, the checks DynamoDB makes before it reads
// the item (placeholders, reserved words, operand types, BETWEEN bounds), and the
// evaluation on an item. What is parsed, refused and how, was found on DynamoDB Local
// and is held to it by memoryTable.dynamodb.test.ts.
//
// Conditions:  a = b, <>, <, <=, >, >=; a BETWEEN b AND c; a IN (b, ...) (at most 100);
//   attribute_exists(p), attribute_not_exists(p), attribute_type(p, :t),
//   begins_with(a, b), contains(a, b), size(a) as an operand; NOT, AND, OR with
//   DynamoDB's precedence (NOT binds tighter than AND, AND than OR); parentheses.
//   Operands are paths (`a`, `#n`, `a.b[0]`), `:values` and size(a). Keywords are
//   read in any case, function names only in lower case.
// Updates:  SET p = v, v + v, v - v, if_not_exists(p, v), list_append(v, v);
//   REMOVE p; ADD p :number; DELETE p :set (refused: sets are not held). Each section
//   at most once, no two actions on one path. Update paths are top-level names here
//   (a nested one throws NotSupportedByMemoryTable); conditions read nested paths.
//
// Which refusal is named when an expression has several, as DynamoDB Local names it: in a
// condition, the first met reading left to right; in an update, two actions on one path
// before anything else, then the last action written that is refused (within one action,
// its first operand); an UpdateExpression's refusal before the ConditionExpression's.
//
// DynamoDB's own quirks kept: `((x))` is refused ("redundant parentheses"); the first
// operand of a comparison or function may not be the same path as another operand
// (`a = a`); a value of the wrong type for an operator is refused before the item is
// read (`a < :bool`, `begins_with(a, :number)`, `BETWEEN :5 AND :1`), while an item
// attribute of another type just fails the condition; `a <> :v` holds when a is
// missing; size() of a string counts UTF-16 code units (DynamoDB Local's answer).
import { EXPRESSION_KEYWORDS, RESERVED_WORDS } from './memoryTableReservedWords.ts';
import {
  MemoryTableError,
  addNumbers,
  compareOrdered,
  equalValues,
  mapCopy,
  typeTag,
  validation,
  type MemoryItem,
  type MemoryValue,
  type TypeTag,
} from './memoryTableValues.ts';

/** Which expression a problem is in, as DynamoDB's messages name it. */
export type ExpressionKind = 'ConditionExpression' | 'UpdateExpression';

/** A document path: attribute names and list indexes. */
export type Path = readonly (string | number)[];

export type Operand = { kind: 'path'; path: Path } | { kind: 'value'; value: MemoryValue } | { kind: 'size'; of: Operand };

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
type BooleanFunction = 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

export type Condition =
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'between'; subject: Operand; low: Operand; high: Operand }
  | { kind: 'in'; subject: Operand; list: Operand[] }
  | { kind: 'call'; fn: BooleanFunction; args: Operand[] }
  | { kind: 'not'; inner: Condition }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export type SetValue =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: MemoryValue }
  | { kind: 'ifNotExists'; path: Path; fallback: SetValue }
  | { kind: 'listAppend'; first: SetValue; second: SetValue }
  | { kind: 'arithmetic'; op: '+' | '-'; left: SetValue; right: SetValue };

/** An UpdateExpression, compiled: its actions on top-level attributes. */
export interface UpdatePlan {
  set: { name: string; value: SetValue }[];
  remove: string[];
  add: { name: string; value: number }[];
}

const VALID_TYPE_NAMES = ['N', 'BS', 'L', 'B', 'NULL', 'M', 'S', 'SS', 'NS', 'BOOL'];

// ---------------------------------------------------------------- placeholders

/**
 * ExpressionAttributeNames and ExpressionAttributeValues of one request, checked as DynamoDB
 * checks them, and which of them its expressions use (every one must be used).
 */
export class Placeholders {
  private readonly usedNames = new Set<string>();
  private readonly usedValues = new Set<string>();
  constructor(
    private readonly names: Readonly<Record<string, string>> | undefined,
    private readonly values: Readonly<MemoryItem> | undefined,
  ) {
    if (names !== undefined) {
      if (Object.keys(names).length === 0) throw validation('ExpressionAttributeNames must not be empty');
      for (const [key, name] of Object.entries(names)) {
        if (!/^#[A-Za-z0-9_]+$/.test(key)) throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
        if (typeof name !== 'string') throw new TypeError(`ExpressionAttributeNames["${key}"] must be a string`);
        if (name === '') throw validation(`ExpressionAttributeNames contains invalid value: Empty attribute name for key ${key}`);
      }
    }
    if (values !== undefined) {
      if (Object.keys(values).length === 0) throw validation('ExpressionAttributeValues must not be empty');
      for (const key of Object.keys(values)) {
        if (!/^:[A-Za-z0-9_]+$/.test(key)) throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
      }
    }
  }

  name(ref: string, kind: ExpressionKind): string {
    const name = this.names && Object.prototype.hasOwnProperty.call(this.names, ref) ? this.names[ref] : undefined;
    if (name === undefined) throw validation(`Invalid ${kind}: An expression attribute name used in the document path is not defined; attribute name: ${ref}`);
    this.usedNames.add(ref);
    return name;
  }

  value(ref: string, kind: ExpressionKind): MemoryValue {
    const value = this.values && Object.prototype.hasOwnProperty.call(this.values, ref) ? this.values[ref] : undefined;
    if (value === undefined) throw validation(`Invalid ${kind}: An expression attribute value used in expression is not defined; attribute value: ${ref}`);
    this.usedValues.add(ref);
    return value;
  }

  /** Refuses names or values no expression used. */
  checkAllUsed(): void {
    const unusedNames = Object.keys(this.names ?? {}).filter((k) => !this.usedNames.has(k));
    if (unusedNames.length > 0) throw validation(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
    const unusedValues = Object.keys(this.values ?? {}).filter((k) => !this.usedValues.has(k));
    if (unusedValues.length > 0) throw validation(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
  }
}

// ---------------------------------------------------------------- tokens

interface Token {
  kind: 'word' | 'name' | 'value' | 'number' | 'punct' | 'eof';
  text: string;
  at: number;
}

/** A parse that did not fit; the furthest one is reported if no alternative fits. */
class ParseFailure {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

const PUNCT2 = ['<>', '<=', '>='];
const PUNCT1 = '()[],.=<>+-';

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const word = (from: number) => {
    let j = from;
    while (j < source.length && /[A-Za-z0-9_]/.test(source.charAt(j))) j++;
    return j;
  };
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (/[A-Za-z]/.test(c)) {
      const end = word(i);
      tokens.push({ kind: 'word', text: source.slice(i, end), at: i });
      i = end;
    } else if (c === '#' || c === ':') {
      const end = word(i + 1);
      if (end === i + 1) throw new ParseFailure(i, syntax(c, source.slice(Math.max(0, i - 4), i + 1)));
      tokens.push({ kind: c === '#' ? 'name' : 'value', text: source.slice(i, end), at: i });
      i = end;
    } else if (/[0-9]/.test(c)) {
      let end = i;
      while (end < source.length && /[0-9]/.test(source.charAt(end))) end++;
      tokens.push({ kind: 'number', text: source.slice(i, end), at: i });
      i = end;
    } else if (PUNCT2.includes(source.slice(i, i + 2))) {
      tokens.push({ kind: 'punct', text: source.slice(i, i + 2), at: i });
      i += 2;
    } else if (PUNCT1.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else {
      throw new ParseFailure(i, syntax(c, source.slice(Math.max(0, i - 4), i + 1)));
    }
  }
  tokens.push({ kind: 'eof', text: '<EOF>', at: source.length });
  return tokens;
}

function syntax(token: string, near: string): string {
  return `Syntax error; token: "${token}", near: "${near}"`;
}

// ---------------------------------------------------------------- parse trees (placeholders unresolved)

type RawSegment = { word: string } | { ref: string } | { index: number };
/** `parens`: how many pairs of parentheses are written around it (two or more are refused, after parsing). */
type RawOperand = ({ kind: 'path'; segments: RawSegment[] } | { kind: 'value'; ref: string } | { kind: 'call'; fn: string; args: RawOperand[] }) & {
  parens?: number;
};
type RawCondition = (
  | { kind: 'compare'; op: CompareOp; left: RawOperand; right: RawOperand }
  | { kind: 'between'; subject: RawOperand; low: RawOperand; high: RawOperand }
  | { kind: 'in'; subject: RawOperand; list: RawOperand[] }
  | { kind: 'call'; fn: string; args: RawOperand[] }
  | { kind: 'not'; inner: RawCondition }
  | { kind: 'and' | 'or'; left: RawCondition; right: RawCondition }
) & { parens?: number };
type RawSetValue = (
  RawOperand | { kind: 'arithmetic'; op: '+' | '-'; left: RawSetValue; right: RawSetValue } | { kind: 'setCall'; fn: string; args: RawSetValue[] }
) & { parens?: number };

const COMPARE_OPS: readonly string[] = ['=', '<>', '<', '<=', '>', '>='];
const CONDITION_FUNCTIONS: readonly string[] = ['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size'];
const UPDATE_FUNCTIONS: readonly string[] = ['if_not_exists', 'list_append'];

class Parser {
  private pos = 0;
  private furthest: ParseFailure | undefined;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly kind: ExpressionKind,
  ) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }
  private isKeyword(t: Token, keyword: string): boolean {
    return t.kind === 'word' && t.text.toUpperCase() === keyword;
  }
  private isPunct(t: Token, text: string): boolean {
    return t.kind === 'punct' && t.text === text;
  }
  fail(t: Token = this.peek(), message?: string): never {
    const before = this.tokens[this.tokens.indexOf(t) - 1];
    const near = this.source.slice(before ? before.at : t.at, t.kind === 'eof' ? t.at : t.at + t.text.length);
    const failure = new ParseFailure(t.at, message ?? syntax(t.text, near));
    if (!this.furthest || failure.at >= this.furthest.at) this.furthest = failure;
    throw failure;
  }
  private expectPunct(text: string): void {
    if (!this.isPunct(this.peek(), text)) this.fail();
    this.next();
  }
  /** The furthest failure seen, for the message when nothing parses. */
  reported(failure: ParseFailure): ParseFailure {
    return this.furthest && this.furthest.at > failure.at ? this.furthest : failure;
  }
  private attempt<T>(parse: () => T): T | undefined {
    const save = this.pos;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      this.pos = save;
      return undefined;
    }
  }
  private parenthesize<T extends { parens?: number }>(node: T): T {
    return { ...node, parens: (node.parens ?? 0) + 1 };
  }
  atEnd(): void {
    if (this.peek().kind !== 'eof') this.fail();
  }

  // condition := or
  condition(): RawCondition {
    let left = this.and();
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): RawCondition {
    let left = this.not();
    while (this.isKeyword(this.peek(), 'AND')) {
      this.next();
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }
  private not(): RawCondition {
    if (this.isKeyword(this.peek(), 'NOT')) {
      this.next();
      return { kind: 'not', inner: this.not() };
    }
    return this.primary();
  }
  private comparisonFollows(): boolean {
    const t = this.peek();
    return (t.kind === 'punct' && COMPARE_OPS.includes(t.text)) || this.isKeyword(t, 'BETWEEN') || this.isKeyword(t, 'IN');
  }
  private primary(): RawCondition {
    if (this.isPunct(this.peek(), '(')) {
      const grouped = this.attempt(() => {
        this.next();
        const inner = this.condition();
        this.expectPunct(')');
        if (this.comparisonFollows()) this.fail();
        return inner;
      });
      if (grouped) return this.parenthesize(grouped);
    }
    const left = this.operand();
    const t = this.peek();
    if (t.kind === 'punct' && COMPARE_OPS.includes(t.text)) {
      this.next();
      return { kind: 'compare', op: t.text as CompareOp, left, right: this.operand() };
    }
    if (this.isKeyword(t, 'BETWEEN')) {
      this.next();
      const low = this.operand();
      if (!this.isKeyword(this.peek(), 'AND')) this.fail();
      this.next();
      return { kind: 'between', subject: left, low, high: this.operand() };
    }
    if (this.isKeyword(t, 'IN')) {
      this.next();
      this.expectPunct('(');
      const list = [this.operand()];
      while (this.isPunct(this.peek(), ',')) {
        this.next();
        list.push(this.operand());
      }
      this.expectPunct(')');
      return { kind: 'in', subject: left, list };
    }
    // A function alone is a condition (attribute_exists(a)); checkCondition refuses one that is not.
    if (left.kind === 'call' && !left.parens) return left;
    return this.fail();
  }

  /** A function call `name(arg, ...)`, its name checked for the expression it is in. */
  /** A function call `name(arg, ...)`; its name and use are checked after parsing (checkCondition). */
  private call(): RawOperand & { kind: 'call' } {
    const name = this.next();
    this.expectPunct('(');
    const args: RawOperand[] = [this.operand()];
    while (this.isPunct(this.peek(), ',')) {
      this.next();
      args.push(this.operand());
    }
    this.expectPunct(')');
    return { kind: 'call', fn: name.text, args };
  }

  /** An operand: a path, a :value, size(path) (or in an update, a value expression), maybe in parentheses. */
  operand(): RawOperand {
    const t = this.peek();
    if (this.isPunct(t, '(')) {
      this.next();
      const inner = this.operand();
      this.expectPunct(')');
      return this.parenthesize(inner);
    }
    if (t.kind === 'value') {
      this.next();
      return { kind: 'value', ref: t.text };
    }
    if (t.kind === 'word' && this.isPunct(this.peek(1), '(')) return this.call();
    return { kind: 'path', segments: this.path() };
  }

  path(): RawSegment[] {
    const segments: RawSegment[] = [this.segment()];
    for (;;) {
      const t = this.peek();
      if (this.isPunct(t, '.')) {
        this.next();
        segments.push(this.segment());
      } else if (this.isPunct(t, '[')) {
        this.next();
        const n = this.peek();
        if (n.kind !== 'number') this.fail();
        this.next();
        this.expectPunct(']');
        segments.push({ index: Number(n.text) });
      } else {
        return segments;
      }
    }
  }
  private segment(): RawSegment {
    const t = this.peek();
    if (t.kind === 'name') {
      this.next();
      return { ref: t.text };
    }
    if (t.kind !== 'word' || EXPRESSION_KEYWORDS.has(t.text.toUpperCase())) this.fail();
    this.next();
    return { word: t.text };
  }

  // update := (SET a, ... | REMOVE p, ... | ADD p v, ... | DELETE p v, ...)+
  update(): { section: string; actions: RawAction[] }[] {
    const sections: { section: string; actions: RawAction[] }[] = [];
    while (this.peek().kind !== 'eof') {
      const t = this.peek();
      const section = t.kind === 'word' ? t.text.toUpperCase() : '';
      if (!['SET', 'REMOVE', 'ADD', 'DELETE'].includes(section)) this.fail();
      this.next();
      const actions: RawAction[] = [this.action(section)];
      while (this.isPunct(this.peek(), ',')) {
        this.next();
        actions.push(this.action(section));
      }
      sections.push({ section, actions });
    }
    return sections;
  }
  private action(section: string): RawAction {
    const at = this.peek().at;
    const path = this.path();
    if (section === 'REMOVE') return { kind: 'remove', path, at };
    if (section === 'SET') {
      this.expectPunct('=');
      return { kind: 'set', path, value: this.setValue(), at };
    }
    const v = this.peek();
    if (v.kind !== 'value') this.fail();
    this.next();
    return { kind: section === 'ADD' ? 'add' : 'delete', path, ref: v.text, at };
  }
  private setValue(): RawSetValue {
    const left = this.setOperand();
    const t = this.peek();
    if (this.isPunct(t, '+') || this.isPunct(t, '-')) {
      this.next();
      return { kind: 'arithmetic', op: t.text as '+' | '-', left, right: this.setOperand() };
    }
    return left;
  }
  private setOperand(): RawSetValue {
    const t = this.peek();
    if (this.isPunct(t, '(')) {
      this.next();
      const inner = this.setValue();
      this.expectPunct(')');
      return this.parenthesize(inner);
    }
    if (t.kind === 'word' && this.isPunct(this.peek(1), '(')) {
      const name = this.next();
      this.expectPunct('(');
      const args = [this.setValue()];
      while (this.isPunct(this.peek(), ',')) {
        this.next();
        args.push(this.setValue());
      }
      this.expectPunct(')');
      return { kind: 'setCall', fn: name.text, args };
    }
    if (t.kind === 'value') {
      this.next();
      return { kind: 'value', ref: t.text };
    }
    return { kind: 'path', segments: this.path() };
  }
}

type RawAction =
  | { kind: 'set'; path: RawSegment[]; value: RawSetValue; at: number }
  | { kind: 'remove'; path: RawSegment[]; at: number }
  | { kind: 'add' | 'delete'; path: RawSegment[]; ref: string; at: number };

function parse<T>(source: string, kind: ExpressionKind, run: (p: Parser) => T): T {
  if (source === '') throw validation(`Invalid ${kind}: The expression can not be empty;`);
  let parser: Parser | undefined;
  try {
    parser = new Parser(source, tokenize(source), kind);
    const result = run(parser);
    parser.atEnd();
    return result;
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    const failure = parser ? parser.reported(error) : error;
    throw validation(`Invalid ${kind}: ${failure.message}`);
  }
}

// ---------------------------------------------------------------- checks after parsing, before placeholders

/**
 * What DynamoDB refuses once an expression parses, before it looks at placeholders, in the
 * order DynamoDB Local reports it: first two pairs of parentheses around one thing anywhere;
 * then, reading the tree from the top, left to right, an unknown function or one out of its
 * place and a reserved word as a name; then (updates) a section written twice.
 */
function checkTree(kind: ExpressionKind, walk: (check: TreeCheck) => void): void {
  walk(new TreeCheck(kind, 'parentheses'));
  walk(new TreeCheck(kind, 'names'));
}

class TreeCheck {
  constructor(
    private readonly kind: ExpressionKind,
    private readonly pass: 'parentheses' | 'names',
  ) {}

  private refuse(message: string): never {
    throw validation(`Invalid ${this.kind}: ${message}`);
  }

  private parens(node: { parens?: number }): void {
    if (this.pass === 'parentheses' && (node.parens ?? 0) > 1) this.refuse('The expression has redundant parentheses;');
  }

  private functionName(fn: string): void {
    if (this.pass !== 'names') return;
    const known = this.kind === 'ConditionExpression' ? CONDITION_FUNCTIONS : UPDATE_FUNCTIONS;
    const other = this.kind === 'ConditionExpression' ? UPDATE_FUNCTIONS : CONDITION_FUNCTIONS;
    if (other.includes(fn))
      this.refuse(`The function is not allowed in ${this.kind === 'UpdateExpression' ? 'an update' : 'a condition'} expression; function: ${fn}`);
    if (!known.includes(fn)) this.refuse(`Invalid function name; function: ${fn}`);
  }

  path(segments: readonly RawSegment[]): void {
    if (this.pass !== 'names') return;
    for (const s of segments) {
      if ('word' in s && RESERVED_WORDS.has(s.word.toUpperCase())) this.refuse(`Attribute name is a reserved keyword; reserved keyword: ${s.word}`);
    }
  }

  operand(o: RawOperand): void {
    this.parens(o);
    if (o.kind === 'path') this.path(o.segments);
    else if (o.kind === 'call') {
      this.functionName(o.fn);
      if (this.pass === 'names' && o.fn !== 'size') this.refuse(`The function is not allowed to be used this way in an expression; function: ${o.fn}`);
      o.args.forEach((a) => this.operand(a));
    }
  }

  condition(c: RawCondition): void {
    this.parens(c);
    switch (c.kind) {
      case 'and':
      case 'or':
        this.condition(c.left);
        this.condition(c.right);
        return;
      case 'not':
        this.condition(c.inner);
        return;
      case 'compare':
        this.operand(c.left);
        this.operand(c.right);
        return;
      case 'between':
        [c.subject, c.low, c.high].forEach((o) => this.operand(o));
        return;
      case 'in':
        this.operand(c.subject);
        c.list.forEach((o) => this.operand(o));
        return;
      case 'call':
        this.functionName(c.fn);
        if (this.pass === 'names' && c.fn === 'size') this.refuse('The function is not allowed to be used this way in an expression; function: size');
        c.args.forEach((a) => this.operand(a));
        return;
    }
  }

  setValue(v: RawSetValue): void {
    this.parens(v);
    switch (v.kind) {
      case 'path':
        this.path(v.segments);
        return;
      case 'value':
        return;
      case 'arithmetic':
        this.setValue(v.left);
        this.setValue(v.right);
        return;
      case 'setCall':
      case 'call':
        this.functionName(v.fn);
        (v.args as RawSetValue[]).forEach((a) => this.setValue(a));
        return;
    }
  }

  update(sections: readonly { section: string; actions: RawAction[] }[]): void {
    for (const { actions } of sections) {
      for (const action of actions) {
        this.path(action.path);
        if (action.kind === 'set') this.setValue(action.value);
      }
    }
    if (this.pass !== 'names') return;
    const seen = new Set<string>();
    for (const { section } of sections) {
      if (seen.has(section)) this.refuse(`The "${section}" section can only be used once in an update expression;`);
      seen.add(section);
    }
  }
}

// ---------------------------------------------------------------- compile: resolve placeholders, static checks

class Compiler {
  constructor(
    private readonly kind: ExpressionKind,
    private readonly placeholders: Placeholders,
  ) {}

  refuse(message: string): never {
    throw validation(`Invalid ${this.kind}: ${message}`);
  }

  path(segments: RawSegment[]): Path {
    return segments.map((s) => ('index' in s ? s.index : 'ref' in s ? this.placeholders.name(s.ref, this.kind) : s.word));
  }

  operand(raw: RawOperand): Operand {
    switch (raw.kind) {
      case 'path':
        return { kind: 'path', path: this.path(raw.segments) };
      case 'value':
        return { kind: 'value', value: this.placeholders.value(raw.ref, this.kind) };
      case 'call': {
        // size(p), or size(:v) of a string, list or map.
        const of = this.operand(this.arity(raw.fn, raw.args, 1)[0] as RawOperand);
        this.operandTypes(raw.fn, [of], ['S', 'L', 'M']);
        return { kind: 'size', of };
      }
    }
  }

  private arity(fn: string, args: RawOperand[], n: number): RawOperand[] {
    if (args.length !== n)
      this.refuse(`Incorrect number of operands for operator or function; operator or function: ${fn}, number of operands: ${args.length}`);
    return args;
  }

  private pathArg(fn: string, arg: RawOperand | undefined): Path {
    if (arg?.kind !== 'path') this.refuse(`Operator or function requires a document path; operator or function: ${fn}`);
    return this.path(arg.segments);
  }

  /** Refuses a :value of a type the operator does not take. */
  private operandTypes(op: string, operands: Operand[], allowed: readonly TypeTag[]): void {
    for (const o of operands) {
      if (o.kind === 'value' && !allowed.includes(typeTag(o.value))) {
        this.refuse(`Incorrect operand type for operator or function; operator or function: ${op}, operand type: ${typeTag(o.value)}`);
      }
    }
  }

  /** DynamoDB refuses `a = a`, `a IN (:x, a)`, `begins_with(a, a)`: the first operand, a path, again among the others. */
  private distinct(op: string, first: Operand, others: Operand[]): void {
    if (first.kind !== 'path') return;
    const text = pathText(first.path);
    if (others.some((o) => o.kind === 'path' && pathText(o.path) === text)) {
      this.refuse(
        `The first operand must be distinct from the remaining operands for this operator or function; operator: ${op}, first operand: [${first.path.join(', ')}]`,
      );
    }
  }

  condition(raw: RawCondition): Condition {
    switch (raw.kind) {
      case 'and':
      case 'or':
        return { kind: raw.kind, left: this.condition(raw.left), right: this.condition(raw.right) };
      case 'not':
        return { kind: 'not', inner: this.condition(raw.inner) };
      case 'compare': {
        const left = this.operand(raw.left);
        const right = this.operand(raw.right);
        if (raw.op !== '=' && raw.op !== '<>') this.operandTypes(raw.op, [left, right], ['S', 'N']);
        this.distinct(raw.op, left, [right]);
        return { kind: 'compare', op: raw.op, left, right };
      }
      case 'between': {
        const subject = this.operand(raw.subject);
        const low = this.operand(raw.low);
        const high = this.operand(raw.high);
        this.operandTypes('BETWEEN', [subject, low, high], ['S', 'N']);
        if (low.kind === 'value' && high.kind === 'value') {
          const bounds = `lower bound operand: AttributeValue: {${typeTag(low.value)}:${String(low.value)}}, upper bound operand: AttributeValue: {${typeTag(high.value)}:${String(high.value)}}`;
          const order = compareOrdered(low.value, high.value);
          if (order === undefined) this.refuse(`The BETWEEN operator requires same data type for lower and upper bounds; ${bounds}`);
          if (order > 0) this.refuse(`The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ${bounds}`);
        }
        this.distinct('BETWEEN', subject, [low, high]);
        return { kind: 'between', subject, low, high };
      }
      case 'in': {
        if (raw.list.length > 100) this.refuse(`The IN operator is provided with too many operands; number of operands: ${raw.list.length}`);
        const subject = this.operand(raw.subject);
        const list = raw.list.map((o) => this.operand(o));
        this.distinct('IN', subject, list);
        return { kind: 'in', subject, list };
      }
      case 'call':
        return this.call(raw.fn, raw.args);
    }
  }

  private call(fn: string, rawArgs: RawOperand[]): Condition {
    switch (fn) {
      case 'attribute_exists':
      case 'attribute_not_exists': {
        const [arg] = this.arity(fn, rawArgs, 1);
        return { kind: 'call', fn, args: [{ kind: 'path', path: this.pathArg(fn, arg) }] };
      }
      case 'attribute_type': {
        const [first, second] = this.arity(fn, rawArgs, 2);
        const path = this.pathArg(fn, first);
        const type = this.operand(second as RawOperand);
        if (type.kind === 'value') {
          this.operandTypes(fn, [type], ['S']);
          if (!VALID_TYPE_NAMES.includes(type.value as string)) {
            this.refuse(`Invalid attribute type name found; type: ${String(type.value)}, valid types: {${VALID_TYPE_NAMES.join(',')}}`);
          }
        }
        return { kind: 'call', fn, args: [{ kind: 'path', path }, type] };
      }
      case 'begins_with':
      case 'contains': {
        const args = this.arity(fn, rawArgs, 2).map((a) => this.operand(a));
        if (fn === 'begins_with') this.operandTypes(fn, args, ['S']);
        this.distinct(fn, args[0] as Operand, args.slice(1));
        return { kind: 'call', fn, args };
      }
      default:
        return this.refuse(`The function is not allowed to be used this way in an expression; function: ${fn}`);
    }
  }

  setValue(raw: RawSetValue): SetValue {
    switch (raw.kind) {
      case 'path':
        return { kind: 'path', path: this.path(raw.segments) };
      case 'value':
        return { kind: 'value', value: this.placeholders.value(raw.ref, this.kind) };
      case 'arithmetic': {
        const left = this.setValue(raw.left);
        const right = this.setValue(raw.right);
        for (const side of [left, right]) {
          if (side.kind === 'value' && typeof side.value !== 'number') {
            this.refuse(`Incorrect operand type for operator or function; operator or function: ${raw.op}, operand type: ${typeTag(side.value)}`);
          }
        }
        return { kind: 'arithmetic', op: raw.op, left, right };
      }
      case 'setCall':
      case 'call': {
        const args = raw.args as RawSetValue[];
        if (args.length !== 2)
          this.refuse(`Incorrect number of operands for operator or function; operator or function: ${raw.fn}, number of operands: ${args.length}`);
        const [first, second] = args as [RawSetValue, RawSetValue];
        if (raw.fn === 'if_not_exists') {
          if (first.kind !== 'path') this.refuse('Operator or function requires a document path; operator or function: if_not_exists');
          return { kind: 'ifNotExists', path: this.path(first.segments), fallback: this.setValue(second) };
        }
        const a = this.setValue(first);
        const b = this.setValue(second);
        for (const side of [a, b]) {
          if (side.kind === 'value' && typeTag(side.value) !== 'L') {
            this.refuse(`Incorrect operand type for operator or function; operator or function: list_append, operand type: ${typeTag(side.value)}`);
          }
        }
        return { kind: 'listAppend', first: a, second: b };
      }
    }
  }
}

function pathText(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** A ConditionExpression, parsed and checked against the request's placeholders. */
export function compileCondition(source: string, placeholders: Placeholders): Condition {
  const kind = 'ConditionExpression';
  const raw = parse(source, kind, (p) => p.condition());
  checkTree(kind, (check) => check.condition(raw));
  return new Compiler(kind, placeholders).condition(raw);
}

const OPERAND_TYPE_NAMES: Record<TypeTag, string> = { S: 'STRING', N: 'NUMBER', BOOL: 'BOOLEAN', NULL: 'NULL', L: 'LIST', M: 'MAP' };

/** An UpdateExpression, parsed and checked against the request's placeholders. */
export function compileUpdate(source: string, placeholders: Placeholders): UpdatePlan {
  const kind = 'UpdateExpression';
  const sections = parse(source, kind, (p) => p.update());
  checkTree(kind, (check) => check.update(sections));
  const compiler: Compiler = new Compiler(kind, placeholders);
  const plan: UpdatePlan = { set: [], remove: [], add: [] };
  // Paths first: DynamoDB refuses two actions on one path before it looks at their operands.
  const actions = sections.flatMap((s) => s.actions);
  const targets: Path[] = [];
  for (const action of actions) {
    const path = compiler.path(action.path);
    for (const other of targets) {
      if (other[0] === path[0]) {
        compiler.refuse(
          `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [${other.join(', ')}], path two: [${path.join(', ')}]`,
        );
      }
    }
    targets.push(path);
  }
  // Then each action's operands. Where several actions are refused, DynamoDB names the last one written
  // (within one action, the first operand refused).
  let refused: unknown;
  let unsupported: unknown;
  for (const [i, action] of actions.entries()) {
    try {
      compileAction(compiler, placeholders, plan, action, targets[i] as Path);
    } catch (error) {
      if (error instanceof MemoryTableError && error.name === 'NotSupportedByMemoryTable') unsupported ??= error;
      else refused = error;
    }
  }
  if (refused !== undefined) throw refused;
  if (unsupported !== undefined) throw unsupported;
  return plan;
}

function compileAction(compiler: Compiler, placeholders: Placeholders, plan: UpdatePlan, action: RawAction, path: Path): void {
  if (action.kind === 'set') {
    const value = compiler.setValue(action.value);
    plan.set.push({ name: topLevel(path), value });
  } else if (action.kind === 'remove') {
    plan.remove.push(topLevel(path));
  } else {
    const value = placeholders.value(action.ref, 'UpdateExpression');
    const operator = action.kind === 'add' ? 'ADD' : 'DELETE';
    if (action.kind === 'delete' || typeof value !== 'number') {
      compiler.refuse(
        `Incorrect operand type for operator or function; operator: ${operator}, operand type: ${OPERAND_TYPE_NAMES[typeTag(value)]}, typeSet: ALLOWED_FOR_${operator}_OPERAND`,
      );
    }
    plan.add.push({ name: topLevel(path), value });
  }
}

function topLevel(path: Path): string {
  const [first] = path;
  if (path.length !== 1 || typeof first !== 'string') {
    throw new MemoryTableError('NotSupportedByMemoryTable', `the memory table updates top-level attributes only, not ${pathText(path)}`);
  }
  return first;
}

// ---------------------------------------------------------------- evaluation

function lookup(item: MemoryItem | undefined, path: Path): MemoryValue | undefined {
  let value: MemoryValue | undefined = item;
  for (const segment of path) {
    if (value === undefined || value === null || typeof value !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(value)) return undefined;
      value = value[segment];
    } else {
      if (Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
      value = value[segment];
    }
  }
  return value;
}

function sizeOf(value: MemoryValue | undefined): number | undefined {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
}

function operandValue(o: Operand, item: MemoryItem | undefined): MemoryValue | undefined {
  switch (o.kind) {
    case 'path':
      return lookup(item, o.path);
    case 'value':
      return o.value;
    case 'size':
      return sizeOf(operandValue(o.of, item));
  }
}

/** Whether `condition` holds on `item` (undefined: no item at that key). */
export function evaluateCondition(condition: Condition, item: MemoryItem | undefined): boolean {
  const value = (o: Operand) => operandValue(o, item);
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'or':
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case 'not':
      return !evaluateCondition(condition.inner, item);
    case 'compare': {
      const a = value(condition.left);
      const b = value(condition.right);
      if (condition.op === '=') return equalValues(a, b);
      if (condition.op === '<>') return !equalValues(a, b);
      const order = compareOrdered(a, b);
      if (order === undefined) return false;
      return condition.op === '<' ? order < 0 : condition.op === '<=' ? order <= 0 : condition.op === '>' ? order > 0 : order >= 0;
    }
    case 'between': {
      const x = value(condition.subject);
      const low = compareOrdered(x, value(condition.low));
      const high = compareOrdered(x, value(condition.high));
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'in': {
      const x = value(condition.subject);
      return condition.list.some((o) => equalValues(x, value(o)));
    }
    case 'call': {
      const [first, second] = condition.args.map(value);
      switch (condition.fn) {
        case 'attribute_exists':
          return first !== undefined;
        case 'attribute_not_exists':
          return first === undefined;
        case 'attribute_type':
          return first !== undefined && second === typeTag(first);
        case 'begins_with':
          return typeof first === 'string' && typeof second === 'string' && first.startsWith(second);
        case 'contains':
          if (typeof first === 'string') return typeof second === 'string' && first.includes(second);
          return Array.isArray(first) && first.some((v) => equalValues(v, second));
      }
    }
  }
}

const MISSING = 'The provided expression refers to an attribute that does not exist in the item';
const WRONG_TYPE = 'An operand in the update expression has an incorrect data type';

function setValueOf(v: SetValue, item: MemoryItem): MemoryValue {
  switch (v.kind) {
    case 'value':
      return v.value;
    case 'path': {
      const found = lookup(item, v.path);
      if (found === undefined) throw validation(MISSING);
      return found;
    }
    case 'ifNotExists': {
      // An attribute that holds null exists: only a missing one takes the fallback.
      const found = lookup(item, v.path);
      return found === undefined ? setValueOf(v.fallback, item) : found;
    }
    case 'listAppend':
      return [...listOperand(v.first, item), ...listOperand(v.second, item)];
    case 'arithmetic': {
      // Left to right, each operand checked as it is read: `s - x` with s a string is a type error, `x - s` a missing x.
      const a = numberOperand(v.left, item);
      return addNumbers(a, numberOperand(v.right, item), v.op === '-');
    }
  }
}

function numberOperand(v: SetValue, item: MemoryItem): number {
  const value = setValueOf(v, item);
  if (typeof value !== 'number') throw validation(WRONG_TYPE);
  return value;
}

function listOperand(v: SetValue, item: MemoryItem): MemoryValue[] {
  const value = setValueOf(v, item);
  if (!Array.isArray(value)) throw validation(WRONG_TYPE);
  return value;
}

/**
 * The item after `plan`, from the item before (or, where there is none, its key alone: an
 * update creates the item). `key` lists the partition key first, then the sort key. Every value is read from the item before, as DynamoDB does.
 * Throws the ValidationExceptions DynamoDB gives only once it has the item: a key attribute
 * changed, a missing attribute read, an operand of the wrong type, a number out of range.
 * Actions are applied in the order written; where several cannot apply, DynamoDB Local names
 * one in an order of its own (not the written one), so which message comes first may differ.
 */
export function applyUpdate(plan: UpdatePlan, before: MemoryItem | undefined, key: MemoryItem): MemoryItem {
  const base: MemoryItem = before ?? key;
  // The key's attributes in the table's order (partition key first), as DynamoDB names the first one changed.
  const targets = updatedNames(plan);
  for (const name of Object.keys(key)) {
    if (targets.includes(name))
      throw validation(`One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`);
  }
  const after: MemoryItem = mapCopy(base);
  for (const { name, value } of plan.set) after[name] = setValueOf(value, base);
  for (const name of plan.remove) delete after[name];
  for (const { name, value } of plan.add) {
    const current = base[name];
    if (current === undefined) after[name] = value;
    else if (typeof current === 'number') after[name] = addNumbers(current, value);
    else throw validation(WRONG_TYPE);
  }
  return after;
}

/** The top-level attributes an update's actions name, for ReturnValues UPDATED_OLD / UPDATED_NEW. */
export function updatedNames(plan: UpdatePlan): string[] {
  return [...plan.set.map((s) => s.name), ...plan.remove, ...plan.add.map((a) => a.name)];
}
