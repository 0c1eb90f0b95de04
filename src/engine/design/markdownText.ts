// Printing user-influenced text into Markdown (design.md and the exports that
// reuse it). Text shows as typed: no HTML, emphasis, links, code spans or
// table cells can start from a model's name, a description or a value.

const SPECIAL = /[\\`*_[\]<>|&~#]/g;
const LINE_BREAKS = /[\r\n\u2028\u2029]+/g;

/** Plain text on one line, every Markdown and HTML character backslash-escaped (safe in a table cell too). */
export function mdText(s: string): string {
  return s.replace(LINE_BREAKS, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

/** An inline code span holding `s` as typed (a fence longer than any backtick run in it; `|` escaped for tables). */
export function mdCode(s: string): string {
  const text = s.replace(LINE_BREAKS, ' ');
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}
