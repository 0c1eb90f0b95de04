// Reads the text form of a model (the editor language; grammar in README.md) into a Model.
// Line-based: an error ends the reading of its line and reading goes on at the next one, so
// every line's problems are reported at once. The source map uses the JSON paths of the problem
// format, with spans pointing at the characters of the text. What a broken line could not
// provide is listed as unreadable, so validateModel does not report its consequences.
import type { Diagnostic, SourceMap, Span } from './diagnostics.ts';
import { joinPath } from './jsonPath.ts';
import { modelDiagnostic, quoteName, type ModelDiagnosticCode } from './modelDiagnostic.ts';
import { chunkKey, type ChunkRead, type ParseCache } from './parseCache.ts';
import { parseResult, type ParseResult } from './parseResult.ts';
import { didYouMean, suggest } from './suggest.ts';
import { isModelTextSpace, tokenizeModelLine, type LineToken } from './tokenizeModelLine.ts';
import {
  ATTRIBUTE_TYPES,
  BILLING_MODES,
  STREAM_VIEWS,
  TABLE_CLASSES,
  type Attribute,
  type AttributeType,
  type BelongsTo,
  type BillingMode,
  type Entity,
  type Model,
  type Pattern,
  type RangeOp,
  type Rate,
  type Scalar,
  type StreamView,
  type TableClass,
  type TableSettings,
} from './types.ts';

const LINE_STARTS = ['entity', 'model', 'source', 'table'];
const HEADER_CLAUSES = ['key', 'count', 'belongsTo', 'unique', 'version', 'ttl', 'writes', 'itemBytes'];
/** The clauses of a table line, and the TableSettings field each sets. */
const TABLE_CLAUSES = {
  billing: 'billing',
  read: 'read',
  write: 'write',
  stream: 'stream',
  pitr: 'pitr',
  deletionProtection: 'deletionProtection',
  class: 'tableClass',
} as const satisfies Record<string, keyof TableSettings>;
type TableClause = keyof typeof TABLE_CLAUSES;
/** The words that start a clause of the table line (a table so named is written quoted). */
export const TABLE_CLAUSE_WORDS = Object.keys(TABLE_CLAUSES) as TableClause[];
const TABLE_FIELDS: readonly (keyof TableSettings)[] = ['name', 'billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'tableClass'];
const PATTERN_CLAUSES = ['by', 'where', 'order', 'newest', 'oldest', 'limit', 'with', 'returns', 'consistent', 'rate', 'shards'];
const COMPARISONS: readonly RangeOp[] = ['=', '<', '<=', '>', '>='];
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const OPERATORS_HINT = '=, <, <=, >, >= (then ?), between ? and ?, or begins_with ?';
const TYPE_HINT = 'string, number, boolean, date, datetime, or values like "a" | "b"';

export interface ParseModelTextOptions {
  /** The chunks of the last parse with this cache, taken again where the text around an edit is as it was (parseCache.ts). */
  cache?: ParseCache;
}

export function parseModelText(text: string, options: ParseModelTextOptions = {}): ParseResult {
  return new ModelTextParser(text, options.cache).parse();
}

/** The tokens of one line, read left to right. */
class Cursor {
  private i = 0;
  constructor(
    readonly tokens: readonly LineToken[],
    readonly line: number,
  ) {}
  peek(): LineToken | undefined {
    return this.tokens[this.i];
  }
  next(): LineToken | undefined {
    return this.tokens[this.i++];
  }
  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }
  /** The token read last (the first one before any is read). */
  previous(): LineToken | undefined {
    return this.tokens[Math.max(0, Math.min(this.i, this.tokens.length) - 1)];
  }
  lastOfLine(): LineToken | undefined {
    return this.tokens[this.tokens.length - 1];
  }
  span(from: LineToken, to: LineToken = from): Span {
    return { line: this.line, column: from.start + 1, endLine: this.line, endColumn: to.end + 1 };
  }
  isPunct(token: LineToken | undefined, text: string): token is LineToken & { kind: 'punct' } {
    return token?.kind === 'punct' && token.text === text;
  }
  isWord(token: LineToken | undefined, text?: string): token is LineToken & { kind: 'word' } {
    return token?.kind === 'word' && (text === undefined || token.text === text);
  }
}

function describe(token: LineToken | undefined): string {
  if (!token) return 'the end of the line';
  if (token.kind === 'string') return `the quoted text ${quoteName(token.value)}`;
  return quoteName(token.text);
}

function literalOf(token: LineToken): Scalar | undefined {
  if (token.kind === 'string') return token.value;
  if (token.kind !== 'word') return undefined;
  if (token.text === 'true') return true;
  if (token.text === 'false') return false;
  return JSON_NUMBER.test(token.text) ? toNumber(token.text) : undefined;
}

type TokenizedLine = ReturnType<typeof tokenizeModelLine>;

function append<T>(to: T[], list: readonly T[]): void {
  for (const entry of list) to.push(entry);
}

/**
 * Whether `line` starts a chunk of the parse cache (parseCache.ts): undefined when it does not, else its tokens
 * and whether its chunk may be taken from the cache (not a model, source or table line: those look for an
 * earlier one). Any line may be read as part of the chunk above it; a start must read nothing of the lines above.
 */
function chunkStart(line: string): { tokenized: TokenizedLine; kept: boolean } | undefined {
  const lead = line[0] === '\ufeff' ? line[1] : line[0];
  if (lead === undefined || isModelTextSpace(lead) || lead === '#') return undefined;
  const tokenized = tokenizeModelLine(line);
  const [first, second] = tokenized.tokens;
  if (first === undefined) return undefined;
  if (first.kind === 'word' && first.text === 'entity' && second?.kind === 'word') return { tokenized, kept: true };
  // An attribute that lost its indentation reads the entity above it.
  if (looksLikeAttribute(tokenized.tokens)) return undefined;
  return { tokenized, kept: !(first.kind === 'word' && first.text !== 'entity' && LINE_STARTS.includes(first.text)) };
}

/** `name: string`, `name: "a" | ...`, `name: date in (...)`, `name?: ...`: the shape of an attribute line. */
function looksLikeAttribute(tokens: readonly LineToken[]): boolean {
  const optional = tokens[1]?.kind === 'punct' && tokens[1].text === '?';
  const [name, colon, type, after] = optional ? [tokens[0], ...tokens.slice(2)] : tokens;
  if (name?.kind !== 'word' || colon?.kind !== 'punct' || colon.text !== ':' || !type) return false;
  const typeLike = ATTRIBUTE_TYPES.includes(type.text as AttributeType) || literalOf(type) !== undefined;
  return typeLike && (after === undefined || (after.kind === 'word' && after.text === 'in') || (after.kind === 'punct' && after.text === '|'));
}

function isTableClause(word: string): word is TableClause {
  return Object.hasOwn(TABLE_CLAUSES, word);
}

const TABLE_VALUE_HINT: Record<'billing' | 'stream' | 'class', string> = {
  billing: `the billing mode (${BILLING_MODES.join(' or ')})`,
  stream: `the stream view (${STREAM_VIEWS.join(', ')})`,
  class: `the table class (${TABLE_CLASSES.join(' or ')})`,
};

function toNumber(text: string): number {
  const n = Number(text);
  return n === 0 ? 0 : n;
}

function typeOfLiteral(value: Scalar | undefined): AttributeType {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

class ModelTextParser {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly sourceMap: SourceMap = new Map();
  private readonly unreadable = new Set<string>();
  private readonly entities: Entity[] = [];
  private readonly patterns: Pattern[] = [];
  private readonly attributeLike: { index: number; span: Span }[] = [];
  private name: string | undefined;
  private source: string | undefined;
  private table: TableSettings | undefined;
  private current: { entity: Entity; path: string } | undefined;
  private firstTokenSpan: Span | undefined;
  /** The previous line was an entity header or attribute (no blank line since). */
  private inEntityBlock = false;
  /** While a chunk is read for the cache: its source map entries and unreadable paths, as they are made. */
  private recording: Pick<ChunkRead, 'paths' | 'spans' | 'unreadable'> | undefined;

  constructor(
    private readonly text: string,
    private readonly cache?: ParseCache,
  ) {}

  parse(): ParseResult {
    const lines = this.text.split(/\r\n|\n|\r/);
    const lastLine = lines[lines.length - 1] ?? '';
    this.sourceMap.set('', { line: 1, column: 1, endLine: lines.length, endColumn: lastLine.length + 1 });
    if (this.cache === undefined) lines.forEach((line, i) => this.readLine(line, i + 1));
    else this.readChunks(lines, this.cache);

    if (this.name === undefined) {
      this.error(
        'model.missingModelLine',
        this.firstTokenSpan ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
        'the model has no name: start the text with a line model "Name"',
      );
      this.markUnreadable('name');
    }
    for (const { index, span } of this.attributeLike) {
      const pattern = this.patterns[index];
      if (pattern && !this.entities.some((e) => e.name === pattern.entity)) {
        this.error(
          'model.attributeOutsideEntity',
          span,
          `this looks like an attribute (name: type) outside an entity: indent attribute lines under their entity header`,
          `patterns[${index}]`,
        );
        this.markUnreadable(`patterns[${index}].entity`);
      }
    }
    const model: Model = { name: this.name ?? '', entities: this.entities, patterns: this.patterns };
    if (this.source !== undefined) model.source = this.source;
    if (this.table !== undefined) model.table = this.table;
    return parseResult(model, this.diagnostics, this.sourceMap, this.unreadable, { form: 'text' });
  }

  private error(code: ModelDiagnosticCode, span: Span, message: string, path?: string): false {
    this.diagnostics.push(modelDiagnostic(code, message, { path, span }));
    return false;
  }

  /** Reports a syntax error at `token` (or at the last token read when the line ended early). */
  private fail(c: Cursor, token: LineToken | undefined, message: string, code: ModelDiagnosticCode = 'model.syntax', path?: string): false {
    const at = token ?? c.previous();
    const span = at ? c.span(at) : { line: c.line, column: 1, endLine: c.line, endColumn: 1 };
    return this.error(code, span, message, path);
  }

  private map(path: string, span: Span) {
    this.sourceMap.set(path, span);
    if (this.recording !== undefined) {
      this.recording.paths.push(path);
      this.recording.spans.push(span);
    }
  }

  private markUnreadable(path: string) {
    this.unreadable.add(path);
    this.recording?.unreadable.push(path);
  }

  /** Reads the lines chunk by chunk (parseCache.ts), each chunk the cache holds taken as it was read. */
  private readChunks(lines: readonly string[], cache: ParseCache) {
    const made = new Map<string, ChunkRead>();
    let from = 0;
    let first: TokenizedLine | undefined;
    let kept = false;
    for (let i = 0; i <= lines.length; i++) {
      const start = i === lines.length ? { tokenized: undefined, kept: false } : chunkStart(lines[i] as string);
      if (start === undefined) continue;
      if (kept && first !== undefined) this.readChunk(lines, from, i, cache, made, first);
      else this.readLines(lines, from, i, first);
      from = i;
      first = start.tokenized;
      kept = start.kept;
    }
    cache.last = made;
  }

  private readChunk(lines: readonly string[], from: number, to: number, cache: ParseCache, made: Map<string, ChunkRead>, first: TokenizedLine) {
    const key = chunkKey(from + 1, this.entities.length, this.patterns.length, lines, from, to);
    // A chunk's first line has a token (chunkStart): the first of the text when none came before.
    this.firstTokenSpan ??= new Cursor(first.tokens, from + 1).span(first.tokens[0] as LineToken);
    let chunk = cache.last.get(key);
    if (chunk === undefined) {
      const counts = [this.entities.length, this.patterns.length, this.diagnostics.length, this.attributeLike.length] as const;
      const recording = (this.recording = { paths: [], spans: [], unreadable: [] });
      this.readLines(lines, from, to, first);
      this.recording = undefined;
      chunk = {
        ...recording,
        entities: this.entities.slice(counts[0]),
        patterns: this.patterns.slice(counts[1]),
        diagnostics: this.diagnostics.slice(counts[2]),
        attributeLike: this.attributeLike.slice(counts[3]),
        current: this.current,
        inEntityBlock: this.inEntityBlock,
      };
    } else {
      // A loop, not push(...list): one chunk can hold hundreds of thousands of lines' findings, past the arguments a call takes.
      append(this.entities, chunk.entities);
      append(this.patterns, chunk.patterns);
      append(this.diagnostics, chunk.diagnostics);
      append(this.attributeLike, chunk.attributeLike);
      const { paths, spans } = chunk;
      for (let i = 0; i < paths.length; i++) this.sourceMap.set(paths[i] as string, spans[i] as Span);
      for (const path of chunk.unreadable) this.unreadable.add(path);
      this.current = chunk.current;
      this.inEntityBlock = chunk.inEntityBlock;
    }
    made.set(key, chunk);
  }

  /** Reads lines `from` to `to` (0-based, `to` excluded); `first`: the first one's tokens, when they were made. */
  private readLines(lines: readonly string[], from: number, to: number, first: TokenizedLine | undefined) {
    for (let i = from; i < to; i++) this.readLine(lines[i] as string, i + 1, i === from ? first : undefined);
  }

  private readLine(line: string, lineNumber: number, tokenized: TokenizedLine = tokenizeModelLine(line)) {
    const { tokens, errors } = tokenized;
    for (const e of errors) this.error(e.code, { line: lineNumber, column: e.start + 1, endLine: lineNumber, endColumn: e.end + 1 }, e.message);
    const first = tokens[0];
    if (!first) {
      if (!line.includes('#')) this.inEntityBlock = false;
      return;
    }
    const c = new Cursor(tokens, lineNumber);
    this.firstTokenSpan ??= c.span(first);
    const lead = line[0] === '\ufeff' ? line[1] : line[0];
    const indented = lead !== undefined && isModelTextSpace(lead);
    const wasInBlock = this.inEntityBlock;
    this.inEntityBlock = false;
    if (c.isWord(first, 'entity') && c.isWord(tokens[1])) {
      if (indented) this.fail(c, first, 'an entity header starts at the beginning of the line: remove the indentation');
      this.readEntity(c);
      this.inEntityBlock = true;
      return;
    }
    if (indented) {
      if (this.current) {
        this.readAttribute(c, this.current);
        this.inEntityBlock = true;
      } else {
        this.fail(
          c,
          first,
          'attribute line outside an entity: attribute lines are indented under an "entity" header (pattern lines start at the beginning of the line)',
          'model.attributeOutsideEntity',
        );
      }
      return;
    }
    if (this.current && wasInBlock && looksLikeAttribute(tokens)) {
      // Right below an entity's attributes, with no blank line: an attribute that lost its indentation.
      this.fail(c, first, 'attribute lines are indented: indent this line under its entity header', 'model.attributeOutsideEntity');
      this.readAttribute(c, this.current);
      this.inEntityBlock = true;
      return;
    }
    this.current = undefined;
    if (first.kind === 'word' && c.isPunct(tokens[1], ':')) this.readPattern(c);
    else if (c.isWord(first, 'model') || c.isWord(first, 'source')) this.readModelLine(c, first.text as 'model' | 'source');
    else if (c.isWord(first, 'entity')) this.readEntity(c);
    else if (c.isWord(first, 'table')) this.readTable(c);
    else if (first.kind === 'word') {
      const hint = didYouMean(first.text, LINE_STARTS);
      if (hint) this.fail(c, first, `unknown line start ${quoteName(first.text)}${hint}`);
      else if (tokens[1])
        this.fail(
          c,
          tokens[1],
          `expected ":" after the pattern name ${quoteName(first.text)}, found ${describe(tokens[1])} (a pattern line is name: Entity by ...)`,
        );
      else this.fail(c, first, `expected entity Name ..., model "Name", source "...", table ... or a pattern name: Entity ..., found ${describe(first)}`);
    } else {
      this.fail(c, first, `expected entity Name ..., model "Name", source "...", table ... or a pattern name: Entity ..., found ${describe(first)}`);
    }
  }

  private readModelLine(c: Cursor, which: 'model' | 'source') {
    const keyword = c.next();
    const value = c.next();
    if (!keyword) return;
    if (value?.kind !== 'string') {
      this.fail(
        c,
        value,
        `expected ${which === 'model' ? 'the model name' : 'the source'} in double quotes after ${which}: ${which} "${which === 'model' ? 'My app' : 'where it comes from'}", found ${describe(value)}`,
      );
      if (which === 'model' && this.name === undefined) this.markUnreadable('name');
      return;
    }
    if ((which === 'model' ? this.name : this.source) !== undefined) {
      this.fail(c, keyword, `a second ${which} line: the model has one ${which === 'model' ? 'name' : 'source'}`, 'model.duplicateLine');
      return;
    }
    if (which === 'model') this.name = value.value;
    else this.source = value.value;
    this.map(which === 'model' ? 'name' : 'source', c.span(value));
    if (!c.atEnd()) this.fail(c, c.peek(), `unexpected ${describe(c.peek())} after the ${which === 'model' ? 'model name' : 'source'}`);
  }

  // entity Name key a | key (a, b) · count N · belongsTo Parent via a, Other via (b, c)
  //   · unique a | unique (a, b) (repeatable) · version v · ttl t
  private readEntity(c: Cursor) {
    const keyword = c.next();
    const last = c.lastOfLine();
    if (!keyword || !last) return;
    const path = `entities[${this.entities.length}]`;
    const entity: Entity = { name: '', attributes: [], key: [], belongsTo: [] };
    this.entities.push(entity);
    this.current = { entity, path };
    this.map(path, c.span(keyword, last));
    const name = c.peek();
    if (!c.isWord(name)) {
      this.markUnreadable(path);
      this.fail(c, name, `expected the entity name after "entity", found ${describe(name)}`, 'model.syntax', path);
      return;
    }
    c.next();
    entity.name = name.text;
    this.map(`${path}.name`, c.span(name));

    const done = new Set<string>();
    let ok = true;
    while (ok && !c.atEnd()) {
      const clause = c.next();
      if (!clause) break;
      if (!c.isWord(clause) || !HEADER_CLAUSES.includes(clause.text)) {
        const previous = c.tokens[c.tokens.indexOf(clause) - 2];
        const afterBareList = c.isPunct(clause, ',') && (c.isWord(previous, 'key') || c.isWord(previous, 'unique')) ? previous : undefined;
        // `entity Produ ct key ...`: the name itself may be cut short (unless this is a misspelt clause).
        if (c.isWord(clause) && c.tokens.indexOf(clause) === 2 && suggest(clause.text, HEADER_CLAUSES) === undefined) this.markUnreadable(`${path}.name`);
        // `unique a, b`: the set read is only the start of the one meant.
        if (c.isWord(afterBareList, 'unique') && entity.unique) this.markUnreadable(`${path}.unique[${entity.unique.length - 1}]`);
        ok = this.fail(
          c,
          clause,
          afterBareList
            ? `several ${afterBareList.text} attributes go in parentheses: ${afterBareList.text} (a, b)`
            : `expected key, count, belongsTo, unique, version, ttl, writes or itemBytes, found ${describe(clause)}${clause.kind === 'word' ? didYouMean(clause.text, HEADER_CLAUSES) : ''}`,
          'model.syntax',
          path,
        );
        break;
      }
      if (done.has(clause.text) && clause.text !== 'unique') {
        ok = this.fail(
          c,
          clause,
          `duplicate ${clause.text} clause: an entity has one ${clause.text}${clause.text === 'belongsTo' ? ' (list several parents after one belongsTo, separated by commas)' : ''}`,
          'model.duplicateClause',
          path,
        );
        break;
      }
      if (clause.text === 'key') {
        const key = this.nameList(c, `${path}.key`, clause, 'a key attribute');
        if (key) entity.key = key;
        ok = key !== undefined;
      } else if (clause.text === 'count') {
        const count = c.peek();
        if (c.isWord(count) && JSON_NUMBER.test(count.text)) {
          c.next();
          entity.count = toNumber(count.text);
          this.map(`${path}.count`, c.span(count));
        } else ok = this.fail(c, count, `expected the number of records after count, found ${describe(count)}`, 'model.syntax', path);
      } else if (clause.text === 'unique') {
        const sets = (entity.unique ??= []);
        const set = this.nameList(c, `${path}.unique[${sets.length}]`, clause, 'a unique attribute');
        if (set) {
          sets.push(set);
          const first = this.sourceMap.get(`${path}.unique`);
          const span = c.span(clause, c.previous());
          this.map(`${path}.unique`, first ? { ...first, endLine: span.endLine, endColumn: span.endColumn } : span);
        } else if (sets.length === 0) delete entity.unique;
        ok = set !== undefined;
      } else if (clause.text === 'writes') {
        const writes = this.readRate(c, `${path}.writes`, 'writes 5 peak 50: 5 writes a second on average, 50 at the peak');
        if (writes) entity.writes = writes;
        ok = writes !== undefined;
      } else if (clause.text === 'itemBytes') {
        const bytes = this.readNumber(c, `${path}.itemBytes`, 'itemBytes', 'itemBytes 1200: items of 1,200 bytes on average');
        if (bytes !== undefined) entity.itemBytes = bytes;
        ok = bytes !== undefined;
      } else if (clause.text === 'version' || clause.text === 'ttl') {
        const attribute = c.peek();
        if (c.isWord(attribute)) {
          c.next();
          entity[clause.text] = attribute.text;
          this.map(`${path}.${clause.text}`, c.span(attribute));
        } else
          ok = this.fail(
            c,
            attribute,
            `expected an attribute after ${clause.text} (${clause.text === 'ttl' ? 'ttl expiresAt' : 'version version'}), found ${describe(attribute)}`,
            'model.syntax',
            path,
          );
      } else {
        ok = this.readBelongsTo(c, entity, path, clause);
      }
      if (ok) done.add(clause.text);
    }
    if (!ok) {
      if (!done.has('key')) this.markUnreadable(`${path}.key`);
      if (!done.has('belongsTo')) this.markUnreadable(`${path}.belongsTo`);
    }
  }

  // table Name · billing on-demand|provisioned · read N · write N · stream VIEW · pitr [on|off]
  //   · deletionProtection [on|off] · class CLASS (every part optional; a name like a clause is quoted)
  private readTable(c: Cursor) {
    const keyword = c.next();
    const last = c.lastOfLine();
    if (!keyword || !last) return;
    if (this.table !== undefined) {
      this.fail(c, keyword, 'a second table line: the model has one table (put every setting on one line)', 'model.duplicateLine');
      return;
    }
    const table: TableSettings = {};
    this.table = table;
    this.map('table', c.span(keyword, last));
    const done = new Set<keyof TableSettings>();
    const name = c.peek();
    if (name?.kind === 'string' || (c.isWord(name) && !isTableClause(name.text))) {
      c.next();
      table.name = name.value;
      this.map('table.name', c.span(name));
      done.add('name');
    }
    let ok = true;
    while (ok && !c.atEnd()) {
      const clause = c.next();
      if (!clause) break;
      if (!c.isWord(clause) || !isTableClause(clause.text)) {
        // `table billng provisioned`: the misspelt clause was read as the name.
        const misspelt = c.tokens.indexOf(clause) === 2 && c.isWord(name) && suggest(name.text, TABLE_CLAUSE_WORDS) !== undefined ? name : undefined;
        ok = this.fail(
          c,
          misspelt ?? clause,
          misspelt
            ? `unknown table setting ${quoteName(misspelt.text)}${didYouMean(misspelt.text, TABLE_CLAUSE_WORDS)} (a name right after table is the table's name; then ${TABLE_CLAUSE_WORDS.join(', ')})`
            : `expected ${TABLE_CLAUSE_WORDS.join(', ')}, found ${describe(clause)}${clause.kind === 'word' ? didYouMean(clause.text, TABLE_CLAUSE_WORDS) : ''}${done.has('name') || clause.kind !== 'string' ? '' : ' (the table name comes right after table)'}`,
          'model.syntax',
          'table',
        );
        break;
      }
      const field = TABLE_CLAUSES[clause.text];
      if (done.has(field)) {
        ok = this.fail(c, clause, `duplicate ${clause.text} clause: the table has one ${clause.text}`, 'model.duplicateClause', 'table');
        break;
      }
      const path = `table.${field}`;
      const value = c.peek();
      switch (clause.text) {
        case 'billing':
        case 'stream':
        case 'class':
          if (c.isWord(value) || value?.kind === 'string') {
            c.next();
            if (clause.text === 'billing') table.billing = value.value as BillingMode;
            else if (clause.text === 'stream') table.stream = value.value as StreamView;
            else table.tableClass = value.value as TableClass;
            this.map(path, c.span(value));
          } else ok = this.fail(c, value, `expected ${TABLE_VALUE_HINT[clause.text]} after ${clause.text}, found ${describe(value)}`, 'model.syntax', 'table');
          break;
        case 'read':
        case 'write':
          if (c.isWord(value) && JSON_NUMBER.test(value.text)) {
            c.next();
            table[clause.text] = toNumber(value.text);
            this.map(path, c.span(value));
          } else
            ok = this.fail(
              c,
              value,
              `expected the ${clause.text} capacity units after ${clause.text} (a whole number), found ${describe(value)}`,
              'model.syntax',
              'table',
            );
          break;
        case 'pitr':
        case 'deletionProtection': {
          const switched = c.isWord(value, 'on') || c.isWord(value, 'off');
          if (!switched && c.isWord(value) && ['true', 'false', 'yes', 'no'].includes(value.text)) {
            ok = this.fail(c, value, `write ${clause.text} (or ${clause.text} on) to turn it on, ${clause.text} off to turn it off`, 'model.syntax', 'table');
            break;
          }
          if (switched) c.next();
          table[clause.text] = !(switched && value.text === 'off');
          this.map(path, c.span(clause, switched ? value : clause));
          break;
        }
      }
      if (ok) done.add(field);
    }
    // What a broken line did not say is unknown, not absent (no "provisioned needs write" after a broken write).
    if (!ok) for (const field of TABLE_FIELDS) if (!done.has(field)) this.markUnreadable(`table.${field}`);
  }

  private readBelongsTo(c: Cursor, entity: Entity, path: string, keyword: LineToken): boolean {
    const relations: BelongsTo[] = [];
    for (;;) {
      const relationPath = `${path}.belongsTo[${relations.length}]`;
      const parent = c.peek();
      if (!c.isWord(parent))
        return this.fail(c, parent, `expected the parent entity after ${describe(c.previous())}, found ${describe(parent)}`, 'model.syntax', path);
      c.next();
      const via = c.peek();
      if (!c.isWord(via, 'via')) {
        return this.fail(
          c,
          via,
          `expected via after ${quoteName(parent.text)} (belongsTo ${parent.text} via attribute), found ${describe(via)}`,
          'model.syntax',
          path,
        );
      }
      c.next();
      const names = this.nameList(c, `${relationPath}.via`, via, 'a via attribute');
      if (!names) return false;
      relations.push({ entity: parent.text, via: names });
      this.map(relationPath, c.span(parent, c.previous()));
      this.map(`${relationPath}.entity`, c.span(parent));
      if (!c.isPunct(c.peek(), ',')) break;
      c.next();
    }
    entity.belongsTo = relations;
    this.map(`${path}.belongsTo`, c.span(keyword, c.previous()));
    return true;
  }

  /** `name` or `(a, b, ...)`; records the list's span and each name's. */
  private nameList(c: Cursor, path: string, after: LineToken, what: string): string[] | undefined {
    const open = c.peek();
    if (c.isWord(open)) {
      c.next();
      this.map(path, c.span(open));
      this.map(`${path}[0]`, c.span(open));
      return [open.text];
    }
    if (!c.isPunct(open, '(')) {
      this.fail(c, open, `expected ${what} after ${quoteName(after.text)} (one name, or several in parentheses: (a, b)), found ${describe(open)}`);
      return undefined;
    }
    return this.parenthesized(c, path, open, (token) => (c.isWord(token) ? token.text : undefined), what, 'the list');
  }

  /** The rest of `(item, item, ...)` from its `open` parenthesis; records the list's span and each item's. */
  private parenthesized<T>(
    c: Cursor,
    path: string,
    open: LineToken,
    read: (token: LineToken | undefined) => T | undefined,
    expected: string,
    listName: string,
  ): T[] | undefined {
    c.next();
    const items: T[] = [];
    if (c.isPunct(c.peek(), ')')) {
      const close = c.next();
      this.map(path, c.span(open, close));
      return items;
    }
    for (;;) {
      const token = c.peek();
      const item = read(token);
      if (!token || item === undefined) {
        this.fail(c, token, `expected ${expected}, found ${describe(token)}`);
        return undefined;
      }
      c.next();
      this.map(`${path}[${items.length}]`, c.span(token));
      items.push(item);
      const separator = c.peek();
      if (c.isPunct(separator, ',')) {
        c.next();
        continue;
      }
      if (c.isPunct(separator, ')')) {
        c.next();
        this.map(path, c.span(open, separator));
        return items;
      }
      this.fail(c, separator, `expected "," or ")" in ${listName}, found ${describe(separator)}`);
      return undefined;
    }
  }

  /** `a, b, c` (at least one name). */
  private commaList(c: Cursor, path: string, after: LineToken, what: string): string[] | undefined {
    const names: string[] = [];
    let first: LineToken | undefined;
    for (;;) {
      const name = c.peek();
      if (!c.isWord(name)) {
        this.fail(c, name, `expected ${what} after ${describe(c.previous() ?? after)}, found ${describe(name)}`);
        return undefined;
      }
      c.next();
      first ??= name;
      this.map(`${path}[${names.length}]`, c.span(name));
      names.push(name.text);
      if (!c.isPunct(c.peek(), ',')) break;
      c.next();
    }
    this.map(path, c.span(first, c.previous()));
    return names;
  }

  //   name: string | number | boolean | date | datetime | "a" | "b" | 1 | 2 | TYPE in (v, ...)
  //   name?: ... (optional: records may lack it)
  private readAttribute(c: Cursor, current: { entity: Entity; path: string }) {
    const path = `${current.path}.attributes[${current.entity.attributes.length}]`;
    const typePath = `${path}.type`;
    const attribute: Attribute = { name: '', type: 'string' };
    current.entity.attributes.push(attribute);
    const name = c.next();
    if (name) this.map(path, c.span(name, c.lastOfLine()));
    if (!c.isWord(name)) {
      this.markUnreadable(path);
      this.fail(c, name, `expected an attribute line name: type, found ${describe(name)}`);
      return;
    }
    attribute.name = name.text;
    this.map(`${path}.name`, c.span(name));
    const mark = c.peek();
    if (c.isPunct(mark, '?')) {
      c.next();
      attribute.optional = true;
      this.map(`${path}.optional`, c.span(mark));
    }
    const colon = c.peek();
    if (!c.isPunct(colon, ':')) {
      this.markUnreadable(path); // the name may be only part of it
      this.fail(c, colon, `expected ":" after the attribute name ${quoteName(name.text)} (name: type), found ${describe(colon)}`);
      return;
    }
    c.next();

    const first = c.peek();
    if (!first || (first.kind !== 'word' && first.kind !== 'string')) {
      this.markUnreadable(typePath);
      this.fail(c, first, `expected a type after ":" (${TYPE_HINT}), found ${describe(first)}`);
      return;
    }
    if (first.kind === 'word' && literalOf(first) === undefined) {
      c.next();
      attribute.type = first.text as AttributeType;
      this.map(typePath, c.span(first));
      const after = c.peek();
      if (c.isPunct(after, '|')) {
        this.markUnreadable(typePath);
        this.fail(c, after, `enumeration values are literals: "${first.text}" | "..." for text, 1 | 2 for numbers (or TYPE in (v1, v2))`);
        return;
      }
      if (c.isWord(after, 'in')) {
        c.next();
        const values = this.literalList(c, `${path}.values`, after);
        if (!values) {
          this.markUnreadable(`${path}.values`);
          return;
        }
        attribute.values = values;
      }
    } else {
      const values: Scalar[] = [];
      for (;;) {
        const token = c.peek();
        const value = token && literalOf(token);
        if (!token || value === undefined) {
          this.markUnreadable(typePath);
          this.markUnreadable(`${path}.values`);
          this.fail(c, token, `expected a value ("text", a number, true or false) after "|", found ${describe(token)}`);
          return;
        }
        c.next();
        this.map(`${path}.values[${values.length}]`, c.span(token));
        values.push(value);
        if (!c.isPunct(c.peek(), '|')) break;
        c.next();
      }
      const last = c.previous() ?? first;
      attribute.type = typeOfLiteral(values[0]);
      attribute.values = values;
      this.map(typePath, c.span(first, last));
      this.map(`${path}.values`, c.span(first, last));
    }
    if (!c.atEnd()) {
      this.markUnreadable(typePath);
      const extra = c.peek();
      this.fail(
        c,
        extra,
        c.isPunct(extra, '?') && !attribute.optional
          ? `unexpected "?" after the type of ${quoteName(name.text)}: an optional attribute has the ? after its name (${name.text}?: type)`
          : `unexpected ${describe(extra)} after the type of ${quoteName(name.text)} (an attribute line is name: type)`,
      );
    }
  }

  /** `(v1, v2, ...)` of literals. */
  private literalList(c: Cursor, path: string, after: LineToken): Scalar[] | undefined {
    const open = c.peek();
    if (!c.isPunct(open, '(')) {
      this.fail(c, open, `expected "(" after ${quoteName(after.text)}: TYPE in (value, value), found ${describe(open)}`);
      return undefined;
    }
    return this.parenthesized(
      c,
      path,
      open,
      (token) => (token ? literalOf(token) : undefined),
      'a value ("text", a number, true or false)',
      'the list of values',
    );
  }

  // name: Entity by a, b where x OP ? and y = "v" order by y desc | newest first limit 10 with Child returns one "text"
  private readPattern(c: Cursor) {
    const name = c.next();
    const colon = c.next();
    if (!name || !colon) return;
    const entityToken = c.peek();
    if (!c.isWord(entityToken)) {
      if (entityToken?.kind === 'string') {
        this.fail(
          c,
          entityToken,
          'this looks like an attribute (name: type) outside an entity: indent attribute lines under their entity header',
          'model.attributeOutsideEntity',
        );
      } else this.fail(c, entityToken, `expected the entity after ":" (name: Entity by ...), found ${describe(entityToken)}`);
      return;
    }
    c.next();
    const index = this.patterns.length;
    const path = `patterns[${index}]`;
    const pattern: Pattern = { name: name.text, entity: entityToken.text, equals: [], returns: 'many' };
    this.patterns.push(pattern);
    this.map(path, c.span(name, c.lastOfLine()));
    this.map(`${path}.name`, c.span(name));
    this.map(`${path}.entity`, c.span(entityToken));

    const looksLikeType = ATTRIBUTE_TYPES.includes(entityToken.text as AttributeType) || literalOf(entityToken) !== undefined;
    if (looksLikeType && (c.isWord(c.peek(), 'in') || c.isPunct(c.peek(), '|'))) {
      this.markUnreadable(`${path}.entity`);
      this.fail(
        c,
        entityToken,
        'this looks like an attribute (name: type) outside an entity: indent attribute lines under their entity header',
        'model.attributeOutsideEntity',
        path,
      );
      return;
    }
    if (looksLikeType && c.atEnd()) this.attributeLike.push({ index, span: c.span(entityToken) });

    const done = new Set<string>();
    let sugar: { direction: 'asc' | 'desc'; span: Span; text: string } | undefined;
    let ok = true;
    while (ok && !c.atEnd()) {
      const token = c.next();
      if (!token) break;
      const clause = token.kind === 'string' ? 'text' : token.kind === 'word' && PATTERN_CLAUSES.includes(token.text) ? token.text : undefined;
      if (clause === undefined) {
        const hint = token.kind === 'word' ? didYouMean(token.text, PATTERN_CLAUSES) : '';
        ok = this.fail(
          c,
          token,
          `expected by, where, order by, newest first, oldest first, limit, with, returns, consistent, rate, shards or a quoted description, found ${describe(token)}${hint}`,
          'model.syntax',
          path,
        );
        break;
      }
      const slot = clause === 'newest' || clause === 'oldest' ? 'order' : clause;
      if (done.has(slot)) {
        ok = this.fail(
          c,
          token,
          `duplicate ${slot === 'text' ? 'description' : slot === 'order' ? 'order' : token.text} clause in this pattern`,
          'model.duplicateClause',
          path,
        );
        break;
      }
      switch (clause) {
        case 'by': {
          const equals = this.commaList(c, `${path}.equals`, token, 'an attribute');
          if (equals) pattern.equals = equals;
          ok = equals !== undefined;
          break;
        }
        case 'where':
          ok = this.readWhere(c, pattern, path, token);
          break;
        case 'order':
          ok = this.readOrder(c, pattern, path, token);
          break;
        case 'limit': {
          const limit = this.readNumber(c, `${path}.limit`, 'limit', "limit 10: the first 10 records in the pattern's order");
          if (limit !== undefined) pattern.limit = limit;
          ok = limit !== undefined;
          break;
        }
        case 'shards': {
          const shards = this.readNumber(c, `${path}.shards`, 'shards', "shards 8: the pattern's partition spread over 8 shards");
          if (shards !== undefined) pattern.shards = shards;
          ok = shards !== undefined;
          break;
        }
        case 'rate': {
          const rate = this.readRate(c, `${path}.rate`, 'rate 20 peak 400: 20 calls a second on average, 400 at the peak');
          if (rate) pattern.rate = rate;
          ok = rate !== undefined;
          break;
        }
        case 'consistent':
          pattern.consistent = true;
          this.map(`${path}.consistent`, c.span(token));
          break;
        case 'newest':
        case 'oldest': {
          const first = c.peek();
          if (!c.isWord(first, 'first')) {
            ok = this.fail(c, first, `expected first after ${token.text} (${token.text} first), found ${describe(first)}`, 'model.syntax', path);
            break;
          }
          c.next();
          sugar = { direction: clause === 'newest' ? 'desc' : 'asc', span: c.span(token, first), text: `${clause} first` };
          break;
        }
        case 'with': {
          const include = this.commaList(c, `${path}.include`, token, 'an entity');
          if (include) pattern.include = include;
          ok = include !== undefined;
          break;
        }
        case 'returns': {
          const returns = c.peek();
          if (c.isWord(returns, 'one') || c.isWord(returns, 'many')) {
            c.next();
            pattern.returns = returns.text as 'one' | 'many';
            this.map(`${path}.returns`, c.span(returns));
          } else ok = this.fail(c, returns, `expected one or many after returns, found ${describe(returns)}`, 'model.syntax', path);
          break;
        }
        case 'text':
          pattern.text = token.value;
          this.map(`${path}.text`, c.span(token));
          break;
      }
      if (ok) done.add(slot);
    }
    if (sugar) {
      if (pattern.range) {
        pattern.order = { attribute: pattern.range.attribute, direction: sugar.direction };
        this.map(`${path}.order`, sugar.span);
        this.map(`${path}.order.attribute`, sugar.span);
        this.map(`${path}.order.direction`, sugar.span);
      } else if (ok) {
        this.error(
          'model.orderWithoutWhere',
          sugar.span,
          `${sugar.text} sorts by the where attribute, but this pattern has no range (where x OP ?): write order by <attribute> ${sugar.direction}`,
          path,
        );
      }
    }
  }

  /**
   * `where` and its conditions joined by `and`: at most one range on a parameter (`x OP ?`,
   * `x between ? and ?`, `x begins_with ?`) and any number of literal conditions (`status = "open"`,
   * FORMAT.md `fixed`), in any order.
   */
  private readWhere(c: Cursor, pattern: Pattern, path: string, where: LineToken): boolean {
    const fixed: [string, Scalar][] = [];
    let ok = this.readCondition(c, pattern, path, where, fixed);
    while (ok && c.isWord(c.peek(), 'and')) {
      c.next();
      // After `and`, a condition's span starts at its attribute.
      ok = this.readCondition(c, pattern, path, c.peek() ?? where, fixed);
    }
    if (fixed.length > 0) {
      // fromEntries defines own properties: an attribute named __proto__ stays data.
      pattern.fixed = Object.fromEntries(fixed);
      this.map(`${path}.fixed`, c.span(where, c.previous()));
    }
    return ok;
  }

  /** One condition of a where clause; `from` is where its span starts (the `where` for the first). */
  private readCondition(c: Cursor, pattern: Pattern, path: string, from: LineToken, fixed: [string, Scalar][]): boolean {
    const attribute = c.peek();
    if (!c.isWord(attribute))
      return this.fail(c, attribute, `expected an attribute after ${describe(c.previous())}, found ${describe(attribute)}`, 'model.syntax', path);
    c.next();
    const opToken = c.peek();
    let op: RangeOp;
    if (opToken?.kind === 'op') {
      const comparison = COMPARISONS.find((o) => o === opToken.text);
      if (!comparison) return this.fail(c, opToken, `unknown operator ${quoteName(opToken.text)}: use ${OPERATORS_HINT}`, 'model.syntax', path);
      op = comparison;
      c.next();
      const value = c.peek();
      const literal = value === undefined ? undefined : literalOf(value);
      if (value !== undefined && literal !== undefined) {
        // A literal condition: the attribute is fixed to a value (FORMAT.md `fixed`), not a parameter.
        if (op !== '=') {
          return this.fail(
            c,
            opToken,
            `a condition on a value takes = (${attribute.text} = ${value.text}); a range compares with a parameter: ${attribute.text} ${op} ?`,
            'model.syntax',
            path,
          );
        }
        c.next();
        if (fixed.some(([name]) => name === attribute.text)) {
          return this.fail(c, attribute, `${quoteName(attribute.text)} is given a value twice in this where clause`, 'model.duplicateClause', path);
        }
        fixed.push([attribute.text, literal]);
        this.map(joinPath(`${path}.fixed`, attribute.text), c.span(attribute, value));
        return true;
      }
      if (value?.kind === 'word' && !c.isPunct(value, '?')) {
        return this.fail(
          c,
          value,
          `expected ? (a parameter) or a value after ${op}, found ${describe(value)}: text values are quoted (${attribute.text} ${op} "${value.text}")`,
          'model.syntax',
          path,
        );
      }
      if (!this.expectParameter(c, path, true)) return false;
    } else if (c.isWord(opToken, 'begins_with')) {
      op = 'begins_with';
      c.next();
      if (!this.expectParameter(c, path)) return false;
    } else if (c.isWord(opToken, 'between')) {
      op = 'between';
      c.next();
      if (!this.expectParameter(c, path)) return false;
      const and = c.peek();
      if (!c.isWord(and, 'and')) return this.fail(c, and, `expected and after between ? (between ? and ?), found ${describe(and)}`, 'model.syntax', path);
      c.next();
      if (!this.expectParameter(c, path)) return false;
    } else {
      return this.fail(
        c,
        opToken,
        `expected an operator after ${quoteName(attribute.text)}: ${OPERATORS_HINT}, found ${describe(opToken)}`,
        'model.syntax',
        path,
      );
    }
    if (pattern.range) {
      return this.fail(
        c,
        attribute,
        `a pattern has one range on a parameter, and this where clause already has one (on ${quoteName(pattern.range.attribute)}); literal conditions (x = "value") may be added with and`,
        'model.duplicateClause',
        path,
      );
    }
    pattern.range = { attribute: attribute.text, op };
    this.map(`${path}.range`, c.span(from, c.previous()));
    this.map(`${path}.range.attribute`, c.span(attribute));
    this.map(`${path}.range.op`, c.span(opToken));
    return true;
  }

  /** `limit N`, `shards N`, `itemBytes N`: a number after its clause word; the value is checked by validateModel. */
  private readNumber(c: Cursor, path: string, clause: string, example: string): number | undefined {
    const token = c.peek();
    const value = token === undefined || token.kind !== 'word' ? undefined : literalOf(token);
    if (token === undefined || typeof value !== 'number') {
      this.fail(c, token, `expected a number after ${clause} (${example}), found ${describe(token)}`, 'model.syntax', path);
      return undefined;
    }
    c.next();
    this.map(path, c.span(token));
    return value;
  }

  /** `N` or `N peak M` (FORMAT.md `rate`, `writes`: per second); the numbers are checked by validateModel. */
  private readRate(c: Cursor, path: string, example: string): Rate | undefined {
    const clause = c.previous();
    const avg = this.readNumber(c, `${path}.avg`, clause?.kind === 'word' ? clause.text : 'rate', example);
    if (avg === undefined) return undefined;
    const rate: Rate = { avg };
    if (c.isWord(c.peek(), 'peak')) {
      c.next();
      const peak = this.readNumber(c, `${path}.peak`, 'peak', example);
      if (peak === undefined) return undefined;
      rate.peak = peak;
    }
    const first = clause ?? c.previous();
    if (first) this.map(path, c.span(first, c.previous()));
    return rate;
  }

  /** `?`; `orValue`: after a comparison, where a value ("open", 10, true) could also be (a literal condition). */
  private expectParameter(c: Cursor, path: string, orValue = false): boolean {
    const mark = c.peek();
    if (c.isPunct(mark, '?')) {
      c.next();
      return true;
    }
    const expected = orValue ? '? (a parameter) or a value ("text", a number, true or false)' : '? (the parameter)';
    return this.fail(c, mark, `expected ${expected} after ${describe(c.previous())}, found ${describe(mark)}`, 'model.syntax', path);
  }

  private readOrder(c: Cursor, pattern: Pattern, path: string, order: LineToken): boolean {
    const by = c.peek();
    if (!c.isWord(by, 'by')) return this.fail(c, by, `expected by after order (order by attribute asc|desc), found ${describe(by)}`, 'model.syntax', path);
    c.next();
    const attribute = c.peek();
    if (!c.isWord(attribute)) return this.fail(c, attribute, `expected an attribute after order by, found ${describe(attribute)}`, 'model.syntax', path);
    c.next();
    const direction = c.peek();
    const explicit = c.isWord(direction, 'asc') || c.isWord(direction, 'desc');
    if (explicit) c.next();
    pattern.order = { attribute: attribute.text, direction: explicit && direction.text === 'desc' ? 'desc' : 'asc' };
    this.map(`${path}.order`, c.span(order, c.previous()));
    this.map(`${path}.order.attribute`, c.span(attribute));
    this.map(`${path}.order.direction`, c.span(explicit ? direction : attribute));
    return true;
  }
}
