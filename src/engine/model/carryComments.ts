// Puts the `#` comments and blank lines of an earlier text form of a model back into
// a newly printed text form (printModelText) of the same or a changed model: problem
// JSON has no comments, so converting text → JSON → text would otherwise drop them.
// Every comment of the earlier text is kept: beside the line it was on or above when
// that line still exists (the model line, the table line, an entity header, one of its
// attributes, a pattern; matched by name), above the next surviving line when it does
// not, and at the end when nothing follows.
import type { SourceMap } from './diagnostics.ts';
import { parseModelText } from './parseModelText.ts';
import { printModelText } from './printModelText.ts';
import { tokenizeModelLine } from './tokenizeModelLine.ts';
import type { Model } from './types.ts';

const LINE_BREAK = /\r\n|\n|\r/;

/** One line of a text form: its anchor (what it declares) and the comment after its words. */
interface TextLine {
  text: string;
  anchor: string | undefined;
  /** The trailing comment with the spaces before it (`  # why`), on a line with words. */
  comment: string | undefined;
}

/**
 * `printed` (printModelText's output) with the comments and blank lines of `earlier` (a text form
 * that parses). When `earlier` describes the very model `printed` prints, `earlier` itself is the
 * answer, spacing and all. Anything placed must leave the model unchanged; if it could not, the
 * earlier comments follow the printed text as a block at the end, so none is lost.
 */
export function carryComments(earlier: string, printed: string): string {
  const before = parseModelText(earlier);
  if (!before.model) return printed;
  if (printModelText(before.model) === printed) return earlier;
  const after = parseModelText(printed);
  if (!after.model) return printed;

  const old = textLines(earlier, anchorsByLine(before.sourceMap, before.model));
  const fresh = textLines(printed, anchorsByLine(after.sourceMap, after.model));
  const present = new Set(fresh.map((l) => l.anchor).filter((a) => a !== undefined));

  // Each anchored line of the earlier text: the blank and comment lines above it and its own comment.
  const above = new Map<string, string[]>();
  const trailing = new Map<string, string>();
  let pending: string[] = [];
  for (const line of old) {
    if (line.anchor === undefined) {
      pending.push(line.text);
      continue;
    }
    if (present.has(line.anchor)) {
      above.set(line.anchor, pending);
      if (line.comment !== undefined) trailing.set(line.anchor, line.comment);
      pending = [];
    } else if (line.comment !== undefined) {
      // The line is gone: its comment stays, on a line of its own above the next one.
      pending.push(line.comment.trimStart());
    }
  }

  const out: string[] = [];
  let printedGap: string[] = [];
  for (const line of fresh) {
    if (line.anchor === undefined) {
      printedGap.push(line.text);
      continue;
    }
    out.push(...(above.get(line.anchor) ?? printedGap), line.text + (trailing.get(line.anchor) ?? ''));
    printedGap = [];
  }
  const end = pending.some((l) => l.trim() !== '') ? pending : printedGap;
  const merged = `${withoutTrailingNewlines([...out, ...end].join('\n'))}\n`;

  const check = parseModelText(merged);
  if (check.model && printModelText(check.model) === printed) return merged;
  const comments = old.flatMap((l) => (l.anchor === undefined ? (l.text.trim() === '' ? [] : [l.text.trimStart()]) : l.comment ? [l.comment.trimStart()] : []));
  return comments.length === 0 ? printed : `${printed}\n${comments.join('\n')}\n`;
}

/** The text less the newlines it ends with, by scanning (a /\n+$/ backtracks quadratically on a long run of newlines). */
function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return text.slice(0, end);
}

/** Line number → what the line declares, by name: the model line, source, table, an entity, an attribute, a pattern. */
function anchorsByLine(sourceMap: SourceMap, model: Model): Map<number, string> {
  const anchors = new Map<number, string>();
  for (const [path, span] of sourceMap) {
    const anchor = anchorOf(path, model);
    if (anchor !== undefined && !anchors.has(span.line)) anchors.set(span.line, anchor);
  }
  return anchors;
}

function anchorOf(path: string, model: Model): string | undefined {
  if (path === 'name' || path === 'source') return path;
  if (path === 'table' || path.startsWith('table.')) return 'table';
  const attribute = /^entities\[(\d+)\]\.attributes\[(\d+)\]$/.exec(path);
  if (attribute) {
    const entity = model.entities[Number(attribute[1])];
    const name = entity?.attributes[Number(attribute[2])]?.name;
    return entity && name !== undefined ? `attribute ${entity.name}.${name}` : undefined;
  }
  const entity = /^entities\[(\d+)\]$/.exec(path);
  if (entity) {
    const name = model.entities[Number(entity[1])]?.name;
    return name === undefined ? undefined : `entity ${name}`;
  }
  const pattern = /^patterns\[(\d+)\]$/.exec(path);
  if (pattern) {
    const name = model.patterns[Number(pattern[1])]?.name;
    return name === undefined ? undefined : `pattern ${name}`;
  }
  return undefined;
}

function textLines(text: string, anchors: Map<number, string>): TextLine[] {
  const lines = text.split(LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    const anchor = anchors.get(i + 1);
    if (anchor === undefined) return { text: line, anchor: undefined, comment: undefined };
    const { tokens } = tokenizeModelLine(line);
    const end = tokens[tokens.length - 1]?.end ?? 0;
    const hash = line.indexOf('#', end);
    if (hash < 0) return { text: line, anchor, comment: undefined };
    const words = line.slice(0, end);
    return { text: words, anchor, comment: line.slice(end) };
  });
}
