// Test helper: the block structure of Markdown (marked's tokens): kinds, heading depths, table
// column and row counts, list lengths. Hostile text in a document must leave it unchanged.
import type { Token, Tokens } from 'marked';

export function markdownShape(tokens: Token[]): unknown[] {
  return tokens
    .filter((t) => t.type !== 'space')
    .map((t) => {
      if (t.type === 'heading') return `h${(t as Tokens.Heading).depth}`;
      if (t.type === 'table') return `table ${(t as Tokens.Table).header.length}x${(t as Tokens.Table).rows.length}`;
      if (t.type === 'list') return `list ${(t as Tokens.List).items.length}`;
      return t.type;
    });
}
