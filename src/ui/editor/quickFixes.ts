// Quick fixes for diagnostics whose message already knows the fix. Pure: text and
// diagnostics in, edits out (monacoSetup.ts only shows them as code actions).
// - model.orderWithoutWhere: `newest first` without a range → `order by x desc`
// - `by (a, b)` or `by a and b` (syntax errors) → `by a, b`
// - a message with "did you mean "x"?" → x in place of the misspelt word
// - lint.hotPartition's proposed `shards N` → on the pattern's line
import { tokenizeModelLine, type Diagnostic, type Span } from '../../engine/index.ts';
import { commentStart } from './completions.ts';
import { readLine } from './lineGrammar.ts';
import { modelOutline } from './modelOutline.ts';

export interface TextEdit {
  /** 1-based, end exclusive, like Span. */
  span: Span;
  text: string;
}

export interface QuickFix {
  title: string;
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  edit: TextEdit;
  /** The one fix to apply when several are offered. */
  preferred: boolean;
}

const DID_YOU_MEAN = / — did you mean ("(?:[^"\\]|\\.)*")\?/;
const PROPOSED_SHARDS = /`shards (\d+)`/;

export function quickFixes(text: string, diagnostics: readonly Diagnostic[]): QuickFix[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: QuickFix[] = [];
  for (const diagnostic of diagnostics) {
    const span = diagnostic.span;
    if (!span) continue;
    const line = lines[span.line - 1];
    if (line === undefined) continue;
    const fix = (title: string, edit: TextEdit, preferred = true) => out.push({ title, diagnostic, edit, preferred });
    if (diagnostic.code === 'model.orderWithoutWhere') {
      for (const [i, edit] of orderFixes(text, line, span).entries()) fix(`Replace with ${edit.text}`, edit, i === 0);
      continue;
    }
    if (diagnostic.code === 'lint.hotPartition' && diagnostic.path?.startsWith('patterns[')) {
      const shards = PROPOSED_SHARDS.exec(diagnostic.message)?.[1];
      const edit = shards === undefined ? undefined : shardsEdit(line, span.line, Number(shards));
      if (edit) fix(`Add shards ${shards} to this pattern`, edit);
      continue;
    }
    if (diagnostic.code === 'model.syntax') {
      const edit = byListEdit(line, span);
      if (edit) {
        fix(`Write it as ${edit.text}`, edit);
        continue;
      }
    }
    const suggestion = DID_YOU_MEAN.exec(diagnostic.message)?.[1];
    if (suggestion !== undefined && span.line === span.endLine) {
      const word = line.slice(span.column - 1, span.endColumn - 1);
      const value = JSON.parse(suggestion) as string;
      if (/^[^\s"]+$/.test(word) && /^[^\s"]+$/.test(value) && word !== value) fix(`Change to ${value}`, { span, text: value });
    }
  }
  return out;
}

/** `newest first` / `oldest first` at `span` → `order by x desc|asc`, one edit per date-like attribute of the pattern's entity (else every attribute not in by). */
function orderFixes(text: string, line: string, span: Span): TextEdit[] {
  const written = line.slice(span.column - 1, span.endColumn - 1);
  const direction = /^newest/.test(written) ? 'desc' : 'asc';
  const reading = readLine(line);
  const entity = modelOutline(text).entities.find((e) => e.name === reading.entity);
  if (!entity) return [];
  const by = new Set(reading.tokens.filter((t) => t.clause === 'by' && t.role === 'attribute').map((t) => t.token.text));
  const dated = entity.attributes.filter((a) => /^(date|datetime)\b/.test(a.type));
  const candidates = (dated.length > 0 ? dated : entity.attributes.filter((a) => !by.has(a.name))).slice(0, 5);
  return candidates.map((a) => ({ span, text: `order by ${a.name} ${direction}` }));
}

/** `by (a, b)` or `by a and b` on a pattern line, where the error is: `by a, b`. */
function byListEdit(line: string, span: Span): TextEdit | undefined {
  const { tokens } = tokenizeModelLine(line);
  const at = tokens.findIndex((t) => t.start === span.column - 1);
  const token = tokens[at];
  if (!token || !(tokens[0]?.kind === 'word' && tokens[1]?.text === ':')) return undefined;
  const edit = (from: number, to: number, names: string[]): TextEdit => ({
    span: { line: span.line, column: from + 1, endLine: span.line, endColumn: to + 1 },
    text: names.join(', '),
  });
  if (token.text === '(' && tokens[at - 1]?.kind === 'word' && tokens[at - 1]?.text === 'by') {
    const close = tokens.findIndex((t, i) => i > at && t.text === ')');
    const names = tokens.slice(at + 1, close).filter((t) => t.kind === 'word');
    if (close < 0 || names.length === 0 || tokens.slice(at + 1, close).some((t) => t.kind !== 'word' && t.text !== ',')) return undefined;
    return {
      ...edit(
        token.start,
        (tokens[close] as { end: number }).end,
        names.map((n) => n.text),
      ),
      text: `${names.map((n) => n.text).join(', ')}`,
    };
  }
  if (token.kind === 'word' && token.text === 'and') {
    // Back over the by list (names and commas) to `by`.
    let first = at - 1;
    while (first > 0 && (tokens[first]?.kind === 'word' || tokens[first]?.text === ',') && tokens[first - 1]?.text !== 'by') first--;
    if (tokens[first - 1]?.text !== 'by' || tokens[first]?.kind !== 'word') return undefined;
    const names: string[] = [];
    let i = first;
    for (; i < tokens.length; i++) {
      const t = tokens[i] as (typeof tokens)[number];
      if (t.kind === 'word' && t.text !== 'and') names.push(t.text);
      else if (!(t.text === ',' || (t.kind === 'word' && t.text === 'and'))) break;
      // Stop at a clause word after a name: `by a and b where ...`.
      const next = tokens[i + 1];
      if (t.kind === 'word' && t.text !== 'and' && !(next?.text === ',' || next?.text === 'and')) {
        i++;
        break;
      }
    }
    const last = tokens[i - 1];
    if (names.length < 2 || !last) return undefined;
    return edit((tokens[first] as { start: number }).start, last.end, names);
  }
  return undefined;
}

/** `shards N` on a pattern line: replaces the number of a `shards` clause there, else adds the clause at the end (before a comment). */
function shardsEdit(line: string, lineNumber: number, shards: number): TextEdit | undefined {
  const reading = readLine(line);
  if (reading.place !== 'pattern') return undefined;
  const given = reading.tokens.find((t) => t.clause === 'shards' && t.role === 'value');
  if (given) return { span: { line: lineNumber, column: given.token.start + 1, endLine: lineNumber, endColumn: given.token.end + 1 }, text: String(shards) };
  const code = line.slice(0, commentStart(line) ?? line.length).trimEnd();
  const column = code.length + 1;
  return { span: { line: lineNumber, column, endLine: lineNumber, endColumn: column }, text: ` shards ${shards}` };
}

/** `text` with one edit applied (for tests and previews). */
export function applyEdit(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(0, offset(edit.span.line, edit.span.column)) + edit.text + text.slice(offset(edit.span.endLine, edit.span.endColumn));
}
