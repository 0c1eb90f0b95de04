// What parseModelText keeps for the next parse of an edited text: what each chunk of lines read into
// (its entities, patterns, diagnostics, source map entries, unreadable paths), keyed by the chunk's lines
// and where it starts. A keystroke changes one line: the chunks around it are taken as they were, so
// parsing the 1,000-pattern model reads one chunk instead of 3,116 lines.
//
// A chunk is a line that starts an entity or a pattern (at the start of the line, with tokens) and the
// lines after it up to the next such line: its attributes, blank and comment lines, and lines that look
// like an attribute that lost its indentation (those read the entity above them, so they stay in its chunk).
// A chunk's first line reads nothing of the parser's state but the counts of entities and patterns before
// it (its paths) and its line number (its spans), which are in the key; so what it reads to is what a
// whole parse reads those lines to. Lines that read more (model, source and table lines check for a second
// one) and the lines before the first chunk are read as they are every time.
import type { Diagnostic, Span } from './diagnostics.ts';
import type { Entity, Pattern } from './types.ts';

export interface ParseCache {
  /** The last parse's chunks, by `chunkKey`. */
  last: Map<string, ChunkRead>;
}

export function createParseCache(): ParseCache {
  return { last: new Map() };
}

/** What one chunk of lines read into, in the order the parser made it. */
export interface ChunkRead {
  entities: Entity[];
  patterns: Pattern[];
  diagnostics: Diagnostic[];
  /** Source map entries: `paths[i]` → `spans[i]`. */
  paths: string[];
  spans: Span[];
  unreadable: string[];
  attributeLike: { index: number; span: Span }[];
  /** The parser's state after the chunk: the entity whose attributes the next lines would be, and whether the last line was in its block. */
  current: { entity: Entity; path: string } | undefined;
  inEntityBlock: boolean;
}

/** A chunk's key: its first line (1-based), the entities and patterns read before it, and its lines. */
export function chunkKey(line: number, entities: number, patterns: number, lines: readonly string[], from: number, to: number): string {
  return `${line}:${entities}:${patterns}\n${lines.slice(from, to).join('\n')}`;
}
